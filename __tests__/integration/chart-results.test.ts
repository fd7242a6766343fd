import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// One result per chart, told the same way by the log, the outputs, the `charts` JSON, the job summary
// and the cache: the registry's digest and size when the registry's copy is what stands.
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
let work: string;
let registry: Registry;

before(async () => {
  work = await tempDir('chartlift-results-');
  registry = await startRegistry();
});
after(() => registry?.stop());

async function chart(root: string, name: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = path.join(root, name);
  const files: Record<string, string> = {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndescription: the ${name} chart\n`,
    'values.yaml': `greeting: hello from ${name}\n`,
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
    ...extra,
  };
  for (const [f, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), body);
  }
  return dir;
}

interface Entry {
  source: string;
  name: string;
  status: string;
  digest: string;
  'chart-digest': string;
  size: string;
  error?: string;
}

/** The `::group::` titles of a run, in order. */
const groups = (r: ActionRun): string[] =>
  r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::group::'))
    .map((l) => l.slice('::group::'.length));

/** The cache's index: reference → manifest digest. */
async function cacheIndex(cache: string): Promise<Map<string, string>> {
  const index = JSON.parse(await readFile(path.join(cache, 'index.json'), 'utf8')) as {
    manifests: Array<{ digest: string; annotations: Record<string, string> }>;
  };
  return new Map(index.manifests.map((m) => [m.annotations['org.opencontainers.image.ref.name'], m.digest]));
}

describe('three charts, one of which fails', () => {
  test('charts lists all three (the failed one with status failed and its error); titles, tally, summary and outputs agree', async () => {
    const root = path.join(work, 'three', 'charts');
    for (const name of ['alpha', 'beta', 'gamma']) await chart(root, name);
    const { env, home } = await helmHome();
    const inputs = { chart: `${root}/*`, ref: `oci://${registry.host}/three`, 'plain-http': 'true', cache: path.join(home, 'cache') };
    const first = await runAction(inputs, { env: { ...env, ...EPOCH } });
    assert.equal(first.code, 0, first.stdout);
    await writeFile(path.join(root, 'beta', 'Chart.yaml'), 'apiVersion: v2\nname: beta\nversion: 1.0.0\ndescription: changed\n');
    const r = await runAction(inputs, { env: { ...env, ...EPOCH } });
    assert.equal(r.code, 1, r.stdout);
    const charts = JSON.parse(r.outputs.charts) as Entry[];
    assert.deepEqual(
      charts.map((c) => [c.name, c.status]),
      [
        ['alpha', 'unchanged'],
        ['beta', 'failed'],
        ['gamma', 'unchanged'],
      ],
    );
    const beta = charts[1];
    assert.equal(beta.source, path.join(root, 'beta'));
    assert.match(beta.error!, /already holds sha256:[0-9a-f]{64}.*Chart\.yaml differs: description/);
    // Group titles: in the charts' order, each with its result and the digest the outputs name.
    const titles = groups(r);
    assert.equal(titles.length, 3, titles.join('\n'));
    assert.equal(titles[0], `alpha 1.0.0 — unchanged ${charts[0].digest}`);
    assert.match(titles[1], /^beta 1\.0\.0 — failed$/);
    assert.equal(titles[2], `gamma 1.0.0 — unchanged ${charts[2].digest}`);
    // The tally: one line after the groups.
    assert.match(r.stdout, /\n3 charts: 2 unchanged, 1 failed\n/);
    // Each chart's own `digest:` line is the one the outputs name.
    for (const c of [charts[0], charts[2]]) assert.ok(r.stdout.includes(`digest:  ${c.digest}`), c.name);
    // The summary: every digest, the failed row with every cell closed.
    const summary = await readFile(r.summaryFile, 'utf8');
    for (const c of [charts[0], charts[2]]) assert.ok(summary.includes(`<code>${c.digest}</code>`), c.name);
    assert.doesNotMatch(summary, /<td><td>|<td><\/tr>|<td>(?!.*<\/td>)/);
    assert.equal(summary.match(/<tr>/g)?.length, 4, summary);
    assert.equal(summary.match(/<td>/g)?.length, summary.match(/<\/td>/g)?.length, summary);
    assert.match(summary, /<td>beta 1\.0\.0<\/td><td>—<\/td><td>—<\/td><td>—<\/td><td>failed: /);
  });
});

describe('the registry’s copy stands: every face names it', () => {
  test('if-exists: skip reports the registry’s digest, chart digest and size, and caches the registry’s chart', async () => {
    const root = path.join(work, 'skip');
    const src = await chart(root, 'skipper');
    const { env, home } = await helmHome();
    const cache = path.join(home, 'cache');
    const inputs = { chart: src, ref: `oci://${registry.host}/skip`, 'plain-http': 'true', cache };
    const first = await runAction(inputs, { env: { ...env, ...EPOCH } });
    assert.equal(first.code, 0, first.stdout);
    await writeFile(path.join(src, 'values.yaml'), 'greeting: a much longer greeting than before, so the size differs too\n');
    const r = await runAction({ ...inputs, 'if-exists': 'skip' }, { env: { ...env, ...EPOCH } });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'skipped');
    assert.equal(r.outputs.digest, first.outputs.digest);
    assert.equal(r.outputs['chart-digest'], first.outputs['chart-digest']);
    assert.equal(r.outputs.size, first.outputs.size);
    assert.ok(r.stdout.includes(`digest:  ${first.outputs.digest}`), r.stdout);
    assert.equal((await cacheIndex(cache)).get(r.outputs.ref), first.outputs.digest);
  });

  test('the same chart pushed by helm push: the log, the outputs and the cache name the registry’s digest and size', async () => {
    const root = path.join(work, 'helm');
    const src = await chart(root, 'byhelm');
    const { env, home } = await helmHome();
    await run(tool('helm3'), ['package', src, '-d', path.join(root, 'pkg')], { env });
    await run(tool('helm3'), ['push', path.join(root, 'pkg', 'byhelm-1.0.0.tgz'), `oci://${registry.host}/byhelm`, '--plain-http'], {
      env,
    });
    const theirs = await fetchManifest(registry, 'byhelm/byhelm', '1.0.0');
    assert.ok(theirs.digest);
    const layer = (JSON.parse(theirs.body.toString()) as { layers: Array<{ digest: string; size: number }> }).layers[0];
    const cache = path.join(home, 'cache');
    const r = await runAction(
      { chart: src, ref: `oci://${registry.host}/byhelm`, 'plain-http': 'true', cache },
      { env: { ...env, ...EPOCH } },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'unchanged');
    assert.equal(r.outputs.digest, theirs.digest);
    assert.equal(r.outputs['chart-digest'], layer.digest);
    assert.equal(r.outputs.size, String(layer.size));
    const digestLines = r.stdout.split('\n').filter((l) => l.startsWith('digest:'));
    assert.deepEqual(digestLines, [`digest:  ${theirs.digest}`]);
    assert.ok(
      r.stdout.includes(`unchanged (the registry already holds the same chart: ${theirs.digest}, pushed by another tool)`),
      r.stdout,
    );
    assert.equal((await cacheIndex(cache)).get(r.outputs.ref), theirs.digest);
    const charts = JSON.parse(r.outputs.charts) as Entry[];
    assert.equal(charts[0].digest, theirs.digest);
    assert.equal(charts[0].size, String(layer.size));
    assert.ok((await readFile(r.summaryFile, 'utf8')).includes(`<code>${theirs.digest}</code>`));
  });
});

describe('what blocks a publish is named at once', () => {
  test('a changed description and a changed values.yaml under one version: the error names both', async () => {
    const root = path.join(work, 'both');
    const src = await chart(root, 'both');
    const { env } = await helmHome();
    const inputs = { chart: src, ref: `oci://${registry.host}/both`, 'plain-http': 'true' };
    assert.equal((await runAction(inputs, { env: { ...env, ...EPOCH } })).code, 0);
    await writeFile(path.join(src, 'Chart.yaml'), 'apiVersion: v2\nname: both\nversion: 1.0.0\ndescription: changed\n');
    await writeFile(path.join(src, 'values.yaml'), 'greeting: changed\n');
    const r = await runAction(inputs, { env: { ...env, ...EPOCH } });
    assert.equal(r.code, 1);
    assert.match(r.errors.join('\n'), /Chart\.yaml differs: description; files differ: both\/values\.yaml \(changed\)\. /);
  });

  test('a provenance file added and a changed description under one version: the error names both', async () => {
    const root = path.join(work, 'prov-both');
    const src = await chart(root, 'provboth');
    const { env } = await helmHome();
    const inputs = { chart: src, ref: `oci://${registry.host}/prov-both`, 'plain-http': 'true' };
    assert.equal((await runAction(inputs, { env: { ...env, ...EPOCH } })).code, 0);
    const gnupg = await tempDir('chartlift-gnupg-');
    const gpg = (args: string[]) =>
      run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { env: { ...process.env, GNUPGHOME: gnupg } });
    await gpg(['--quick-gen-key', 'Both <both@example.com>', 'ed25519', 'sign', 'never']);
    const key = await gpg(['--export-secret-keys', '--armor', 'both@example.com']);
    await writeFile(path.join(src, 'Chart.yaml'), 'apiVersion: v2\nname: provboth\nversion: 1.0.0\ndescription: changed\n');
    const r = await runAction({ ...inputs, 'sign-key': key }, { env: { ...env, ...EPOCH } });
    assert.equal(r.code, 1);
    assert.match(r.errors.join('\n'), /this build adds a provenance file; Chart\.yaml differs: description\. /);
  });

  test('invalid YAML: one ::error with file= and line=, the parser’s words ungarbled', async () => {
    const root = path.join(work, 'yaml');
    const src = await chart(root, 'broken', {
      'Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 1.0.0\ndescription: "unclosed\n',
    });
    const { env } = await helmHome();
    const r = await runAction({ chart: src, ref: `oci://${registry.host}/yaml`, 'plain-http': 'true' }, { env });
    assert.equal(r.code, 1);
    assert.equal(r.errors.length, 1, r.errors.join('\n'));
    const line = r.errors[0];
    assert.match(
      line,
      new RegExp(`^::error file=${path.join(src, 'Chart.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=5,col=\\d+::`),
    );
    assert.doesNotMatch(line, /:\.|"quote/);
    assert.match(line, /invalid YAML at line 5/);
  });
});

describe('errors at a file', () => {
  test('a Chart.yaml at fault without a line: the ::error names the file, relative to the workspace', async () => {
    const root = path.join(work, 'at-file');
    const src = await chart(root, 'noversion', { 'Chart.yaml': 'apiVersion: v2\nname: noversion\n' });
    const { env } = await helmHome();
    const r = await runAction(
      { chart: path.relative(root, src), ref: `oci://${registry.host}/at-file`, 'plain-http': 'true' },
      { env: { ...env, GITHUB_WORKSPACE: root }, cwd: root },
    );
    assert.equal(r.code, 1);
    assert.equal(r.errors.length, 1, r.errors.join('\n'));
    assert.match(
      r.errors[0],
      new RegExp(`^::error file=${path.relative(root, path.join(src, 'Chart.yaml')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}::`),
    );
    assert.match(r.errors[0], /the chart version is missing/);
  });

  test('an error naming a registry reference carries no file', async () => {
    const { env } = await helmHome();
    const src = await chart(path.join(work, 'at-ref'), 'atref', {});
    const r = await runAction({ chart: src, ref: 'oci://127.0.0.1:1/at-ref', 'plain-http': 'true', retries: '0', timeout: '2' }, { env });
    assert.equal(r.code, 1);
    assert.match(r.errors[0], /^::error::/);
  });
});

describe('secrets and masks', () => {
  test('each secret is masked once', async () => {
    const basic = await startRegistry({ users: { maskuser: 'mask-pa55word' } });
    try {
      const root = path.join(work, 'mask');
      for (const name of ['masked', 'veiled']) await chart(root, name);
      const { env } = await helmHome();
      // The second ref reaches the same registry by another name, with the same credentials stored.
      const other = basic.host.replace('127.0.0.1', 'localhost');
      const login = await cli(['registry', 'login', '-u', 'maskuser', '--password-stdin', '--plain-http', other], {
        env,
        input: 'mask-pa55word',
      });
      assert.equal(login.code, 0, login.stderr);
      const r = await runAction(
        {
          chart: `${root}/*`,
          ref: `oci://${basic.host}/mask\noci://${other}/mirror`,
          'plain-http': 'true',
          username: 'maskuser',
          password: 'mask-pa55word',
        },
        { env: { ...env, ...EPOCH } },
      );
      assert.equal(r.code, 0, r.stdout);
      const masks = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
      assert.deepEqual(masks, [...new Set(masks)], masks.join('\n'));
      assert.ok(masks.includes('::add-mask::mask-pa55word'));
    } finally {
      await basic.stop();
    }
  });
});

describe('a damaged cache', () => {
  test('an index.json that is not JSON: one warning naming the file and what was done; the publish goes on', async () => {
    const src = await chart(path.join(work, 'damaged'), 'damaged');
    const { env, home } = await helmHome();
    const cache = path.join(home, 'cache');
    await mkdir(cache, { recursive: true });
    await writeFile(path.join(cache, 'index.json'), '{bad\n');
    const r = await runAction(
      { chart: src, ref: `oci://${registry.host}/damaged`, 'plain-http': 'true', cache },
      { env: { ...env, ...EPOCH } },
    );
    assert.equal(r.code, 0, r.stdout);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    assert.equal(warnings.length, 1, r.stdout);
    assert.ok(warnings[0].includes(path.join(cache, 'index.json')), warnings[0]);
    assert.match(warnings[0], /set aside as index\.json\.damaged-/);
    const kept = (await readdir(cache)).filter((f) => f.startsWith('index.json.damaged-'));
    assert.equal(kept.length, 1);
    assert.equal(await readFile(path.join(cache, kept[0]), 'utf8'), '{bad\n');
    assert.equal((await cacheIndex(cache)).get(r.outputs.ref), r.outputs.digest);
  });
});
