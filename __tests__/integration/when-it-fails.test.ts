import assert from 'node:assert/strict';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { writeTar } from '../../src/chart/tar-writer.js';
import { runAction } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { startFaultyFront, type FaultyFront } from '../helpers/faulty-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT, tool } from '../helpers/paths.js';
import { CLOSED_PORT, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { makeTls } from '../helpers/tls.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';

/** The README's "When it fails" table: each row's error template as a regular expression. */
async function readmeRows(): Promise<Array<{ template: string; pattern: RegExp }>> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## When it fails')[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const template = l.slice(1).split(' | ')[0].trim().replace(/^`+ ?/, '').replace(/ ?`+$/, '');
      const parts = template.split(/<[^>]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return { template, pattern: new RegExp(parts.join('.+?')) };
    });
}

let work: string;
let chart: string;
let open: Registry;
let basic: Registry;
let tokenRegistry: Registry;
let tlsRegistry: Registry;
let tokens: TokenServer;
let down: FaultyFront;
let limited: FaultyFront;

before(async () => {
  work = await tempDir('chartlift-fails-');
  await run(tool('helm3'), ['create', 'mychart'], { cwd: work });
  chart = path.join(work, 'mychart');
  tokens = await startTokenServer({ users: { bob: 'bob-readonly-pw' }, readOnly: ['bob'] });
  const tls = await makeTls();
  [open, basic, tokenRegistry, tlsRegistry] = await Promise.all([
    startRegistry(),
    startRegistry({ users: { alice: 'alice-pw' } }),
    startRegistry({ token: tokens }),
    startRegistry({ tls }),
  ]);
  down = await startFaultyFront(open.url, { decide: () => '503' });
  limited = await startFaultyFront(open.url, { decide: () => '429' });
});
after(async () => {
  await Promise.all([open, basic, tokenRegistry, tlsRegistry, down, limited, tokens].map((x) => x?.stop()));
});

async function dir(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const root = path.join(work, name);
  for (const [f, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, f)), { recursive: true });
    await writeFile(path.join(root, f), body);
  }
  return root;
}

/** Each case a user can meet, run for real; returns the one error line it printed. */
const scenarios: Array<[string, () => Promise<{ inputs: Record<string, string>; env?: NodeJS.ProcessEnv }>]> = [
  ['no such path', async () => ({ inputs: { chart: path.join(work, 'nothing-here') } })],
  ['no Chart.yaml', async () => ({ inputs: { chart: await dir('empty', { 'values.yaml': '' }) } })],
  ['invalid YAML', async () => ({ inputs: { chart: await dir('badyaml', { 'Chart.yaml': 'name: [x\n' }) } })],
  ['no name', async () => ({ inputs: { chart: await dir('noname', { 'Chart.yaml': 'version: 1.0.0\n' }) } })],
  ['no version', async () => ({ inputs: { chart: await dir('nover', { 'Chart.yaml': 'name: nover\n' }) } })],
  [
    'a version Helm cannot read',
    async () => ({ inputs: { chart: await dir('semver', { 'Chart.yaml': 'name: semver\nversion: "1.2.3.4"\n' }) } }),
  ],
  [
    'a link out',
    async () => {
      const root = await dir('linkout', { 'Chart.yaml': 'name: linkout\nversion: 1.0.0\n' });
      await symlink('/etc/hostname', path.join(root, 'hostname'));
      return { inputs: { chart: root } };
    },
  ],
  [
    'a huge file',
    async () => ({
      inputs: { chart: await dir('huge', { 'Chart.yaml': 'name: huge\nversion: 1.0.0\n', 'big.bin': Buffer.alloc(5 * 1024 * 1024 + 1) }) },
    }),
  ],
  [
    'missing dependency',
    async () => ({
      inputs: {
        chart: await dir('deps', {
          'Chart.yaml':
            'apiVersion: v2\nname: deps\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: oci://r/x\n',
        }),
      },
    }),
  ],
  [
    'a .tgz with ../',
    async () => {
      const file = path.join(work, 'climb.tgz');
      await writeFile(
        file,
        gzipSync(
          writeTar(
            [
              { name: 'c/Chart.yaml', data: Buffer.from('name: c\nversion: 1.0.0\n') },
              { name: 'c/../../evil', data: Buffer.from('x') },
            ],
            0,
          ),
        ),
      );
      return { inputs: { chart: file } };
    },
  ],
  [
    'a .tgz with a link',
    async () => {
      const src = path.join(work, 'linksrc');
      await cp(chart, path.join(src, 'mychart'), { recursive: true });
      await symlink('/etc/passwd', path.join(src, 'mychart', 'passwd'));
      await run('tar', ['-czf', path.join(work, 'link.tgz'), 'mychart'], { cwd: src });
      return { inputs: { chart: path.join(work, 'link.tgz') } };
    },
  ],
  [
    'a gzip bomb',
    async () => {
      const file = path.join(work, 'bomb.tgz');
      await writeFile(file, gzipSync(writeTar([{ name: 'b/zeros', data: Buffer.alloc(110 * 1024 * 1024) }], 0), { level: 9 }));
      return { inputs: { chart: file } };
    },
  ],
  ['a bad SOURCE_DATE_EPOCH', async () => ({ inputs: {}, env: { SOURCE_DATE_EPOCH: 'yesterday' } })],
  [
    'an unwritable cache',
    async () => {
      await writeFile(path.join(work, 'a-file'), 'x');
      return { inputs: { cache: path.join(work, 'a-file', 'cache') } };
    },
  ],
  ['a ref for another chart', async () => ({ inputs: { ref: 'localhost:5000/charts/other' } })],
  ['a tag that is not the version', async () => ({ inputs: { ref: 'localhost:5000/charts/mychart:9.9.9' } })],
  ['a bad repository name', async () => ({ inputs: { ref: 'oci://localhost:5000/Bad..Name' } })],
  ['half a credential', async () => ({ inputs: { ref: `oci://${basic.host}/x`, username: 'alice' } })],
  ['an unknown if-exists', async () => ({ inputs: { 'if-exists': 'maybe' } })],
  ['a build that is not the planned one', async () => ({ inputs: { 'expect-digest': `sha256:${'0'.repeat(64)}` } })],
  ['an expected digest that is none', async () => ({ inputs: { 'expect-digest': 'sha256:abc' } })],
  ['a wrong password', async () => ({ inputs: { ref: `oci://${basic.host}/x`, username: 'alice', password: 'wrong' } })],
  ['no credentials', async () => ({ inputs: { ref: `oci://${basic.host}/x` } })],
  ['no push permission', async () => ({ inputs: { ref: `oci://${tokenRegistry.host}/x`, username: 'bob', password: 'bob-readonly-pw' } })],
  ['a closed port', async () => ({ inputs: { ref: `oci://127.0.0.1:${CLOSED_PORT}/x` } })],
  ['HTTPS to an HTTP registry', async () => ({ inputs: { ref: `oci://${open.host}/x`, 'plain-http': 'false' } })],
  ['HTTP to an HTTPS registry', async () => ({ inputs: { ref: `oci://${tlsRegistry.host}/x` } })],
  ['an untrusted certificate', async () => ({ inputs: { ref: `oci://${tlsRegistry.host}/x`, 'plain-http': 'false' } })],
  [
    'an unreadable ca-file',
    async () => ({ inputs: { ref: `oci://${tlsRegistry.host}/x`, 'plain-http': 'false', 'ca-file': path.join(work, 'no-ca.pem') } }),
  ],
  [
    'a tag with other content',
    async () => {
      const first = await runAction(
        { chart, ref: `oci://${open.host}/taken`, 'plain-http': 'true', cache: path.join(work, 'c-taken') },
        { env: { SOURCE_DATE_EPOCH: '1' } },
      );
      assert.equal(first.code, 0, first.stdout);
      // Other timestamps alone are the same chart: another appVersion is other content.
      return { inputs: { ref: `oci://${open.host}/taken`, 'app-version': '9.9.9' }, env: { SOURCE_DATE_EPOCH: '2' } };
    },
  ],
  ['a registry that stays down', async () => ({ inputs: { ref: `oci://${down.host}/x`, retries: '1' } })],
  ['a registry that keeps rate limiting', async () => ({ inputs: { ref: `oci://${limited.host}/x`, retries: '1' } })],
];

test('every row of the README’s “When it fails” table is produced by a real failure, and every failure has its row', async () => {
  const rows = await readmeRows();
  assert.ok(rows.length >= 25, `only ${rows.length} rows`);
  const matched = new Set<string>();
  const produced: string[] = [];
  const { env } = await helmHome();
  for (const [name, make] of scenarios) {
    const { inputs, env: extra } = await make();
    const r = await runAction(
      { chart, ref: `oci://${open.host}/fails`, 'plain-http': 'true', cache: path.join(work, 'cache'), ...inputs },
      { env: { ...env, SOURCE_DATE_EPOCH: '0', ...extra } },
    );
    assert.notEqual(r.code, 0, `${name}: succeeded`);
    assert.equal(r.errors.length, 1, `${name}: ${r.stdout}`);
    const line = r.errors[0].replace(/^::error::/, '');
    const row = rows.find((x) => x.pattern.test(line));
    assert.ok(row, `${name}: no README row for\n  ${line}`);
    matched.add(row.template);
    produced.push(`${name}: ${line}`);
  }
  const unmatched = rows.filter((r) => !matched.has(r.template)).map((r) => r.template);
  assert.deepEqual(unmatched, [], `README rows no test produced; the failures printed:\n${produced.join('\n')}`);
});
