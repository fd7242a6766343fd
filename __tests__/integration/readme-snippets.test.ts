import assert from 'node:assert/strict';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';
import { readArgs } from '../../src/cli/args.js';
import { exec } from '../helpers/exec.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

// Every YAML, shell and console snippet of README.md is checked: YAML parses and names only the
// action's real inputs and outputs; shell runs here (jq with the installed jq, 1.6 on Ubuntu 22.04) or,
// marked `<!-- snippet: not run … -->` with the reason, is at least `bash -n` clean (an unmarked one runs
// in a scratch folder holding only a link to dist/, never in the checkout); a console
// transcript's commands are `bash -n` clean and its chartlift commands take only the CLI's options.

interface Block {
  lang: string;
  body: string;
  line: number;
  /** The `<!-- snippet: … -->` comment before the block, if any. */
  mark?: string;
}

function blocks(readme: string): Block[] {
  const lines = readme.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]);
    let j = start - 1;
    while (j >= 0 && lines[j].trim() === '') j--;
    const mark = /^<!-- snippet: (.*) -->$/.exec(lines[j])?.[1];
    out.push({ lang: open[1], body: body.join('\n'), line: start + 1, mark });
  }
  return out;
}

const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
const action = YAML.parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const all = blocks(readme);

/** What a `charts` output looks like: two charts, one of them failed. */
const CHARTS = JSON.stringify([
  { source: 'charts/web', name: 'web', status: 'pushed', 'digest-ref': `ghcr.io/o/charts/web@sha256:${'a'.repeat(64)}` },
  { source: 'charts/api', name: 'api', status: 'failed', 'digest-ref': '', error: 'x' },
]);

/** Every object in a parsed YAML document, depth first. */
function* objects(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const n of node) yield* objects(n);
  else if (node && typeof node === 'object') {
    yield node as Record<string, unknown>;
    for (const v of Object.values(node)) yield* objects(v);
  }
}

const bashN = (script: string) => exec('bash', ['-n', '-c', script], { env: { PATH: process.env.PATH } });

test('the README has YAML and shell snippets to check', () => {
  assert.ok(all.filter((b) => b.lang === 'yaml').length >= 10);
  assert.ok(all.some((b) => b.lang === 'sh'));
  assert.ok(all.some((b) => b.lang === 'console'));
});

for (const b of all.filter((x) => x.lang === 'yaml')) {
  test(`README.md:${b.line}: the YAML parses; chartlift steps use real inputs and outputs; its run: lines work`, async () => {
    const docs = YAML.parseAllDocuments(b.body);
    for (const d of docs) assert.deepEqual(d.errors, [], `line ${b.line}`);
    const steps = [...objects(docs.map((d) => d.toJS()))];
    const ids = new Set<string>();
    for (const step of steps) {
      if (typeof step.uses !== 'string' || !step.uses.startsWith('chartlift/chartlift@')) continue;
      if (typeof step.id === 'string') ids.add(step.id);
      for (const key of Object.keys((step.with as object | undefined) ?? {}))
        assert.ok(key in action.inputs, `README.md:${b.line}: "${key}" is not an input of action.yml`);
    }
    for (const [, id, name] of b.body.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g))
      if (ids.has(id)) assert.ok(name in action.outputs, `README.md:${b.line}: "${name}" is not an output of action.yml`);
    // GitLab CI jobs' script lines (a snippet of a .gitlab-ci.yml): each is bash -n clean.
    for (const job of steps)
      for (const key of ['before_script', 'script'])
        for (const line of Array.isArray(job[key]) ? (job[key] as unknown[]) : [])
          assert.equal((await bashN(String(line))).code, 0, `README.md:${b.line}: ${key}: ${String(line)}`);
    for (const step of steps) {
      if (typeof step.run !== 'string') continue;
      const script = step.run.replace(/\$\{\{\s*steps\.[\w-]+\.outputs\.charts\s*\}\}/g, CHARTS).replace(/\$\{\{[^}]*\}\}/g, 'X');
      if (/\bjq\b/.test(script)) {
        const r = await exec('bash', ['-c', script], { env: { PATH: process.env.PATH } });
        assert.equal(r.code, 0, `README.md:${b.line}: ${script}\n${r.stderr}`);
        assert.match(r.stdout, /ghcr\.io\/o\/charts\/web@sha256:a{64}/);
      } else assert.equal((await bashN(script)).code, 0, `README.md:${b.line}: ${script}`);
    }
  });
}

for (const b of all.filter((x) => x.lang === 'sh' || x.lang === 'bash')) {
  test(`README.md:${b.line}: the shell snippet ${b.mark ? 'is bash -n clean (not run: marked)' : 'runs here'}`, async () => {
    assert.equal((await bashN(b.body)).code, 0);
    if (b.mark) {
      assert.match(b.mark, /^not run by the tests \(.+\)/, 'a block not run says why');
      return;
    }
    // Run in a scratch folder that holds only the built dist/ (read through a link): a snippet that
    // installs or cleans (npm ci) finds no project of this checkout to act on.
    const scratch = await tempDir('chartlift-snippet-');
    await symlink(path.join(ROOT, 'dist'), path.join(scratch, 'dist'));
    const r = await exec('bash', ['-e', '-c', b.body], { cwd: scratch, env: { PATH: process.env.PATH, HOME: scratch }, timeoutMs: 60_000 });
    assert.equal(r.code, 0, `README.md:${b.line}:\n${r.stdout}${r.stderr}`);
  });
}

for (const b of all.filter((x) => x.lang === 'console')) {
  test(`README.md:${b.line}: the transcript’s commands are bash -n clean and take only the CLI’s options`, async () => {
    const commands = b.body
      .split('\n')
      .filter((l) => l.startsWith('$ '))
      .map((l) => l.slice(2));
    assert.ok(commands.length > 0);
    for (const c of commands) {
      assert.equal((await bashN(c)).code, 0, c);
      const words = c.split(/\s+/);
      if (words[0] === 'chartlift') assert.doesNotThrow(() => readArgs(words.slice(1)), c);
      // A local registry on plain HTTP needs --plain-http wherever the registry is reached.
      if (/localhost:5000/.test(c) && /registry login|chart push|chart pull/.test(c)) assert.ok(words.includes('--plain-http'), c);
    }
  });
}
