import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { startFaultyFront, type FaultyFront } from '../helpers/faulty-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// What a new user saw in the log (issue #34): a retry warning for the early login and a "Login succeeded"
// after the error of a chart that failed before it needed the registry; a tally and titles that told
// only the first ref's status; a timestamp line with two pairs of parentheses, once per chart.

let registry: Registry;
let slowLogin: FaultyFront;
let work: string;

before(async () => {
  work = await tempDir('chartlift-log-');
  registry = await startRegistry({ users: { ci: 'ci-password' } });
  // The registry's answer to the login (GET /v2/) takes a while: the early login is still under way when
  // a chart with a local mistake fails.
  slowLogin = await startFaultyFront(registry.url, {
    decide: () => undefined,
    intercept: async (req) => {
      if (req.method === 'GET' && req.url === '/v2/') await new Promise((r) => setTimeout(r, 1500));
      return false;
    },
  });
});
after(async () => {
  await slowLogin?.stop();
  await registry?.stop();
});

async function chart(name: string, version = '1.0.0'): Promise<string> {
  const dir = path.join(work, `${name}-${version}`, name);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
  return dir;
}

describe('a chart that fails before the registry is needed', () => {
  for (const mistake of ['a typo in the path', 'a YAML error', 'a bad version'])
    test(`${mistake}, with username and password given: the early login is dropped quietly, the error is the last thing said`, async () => {
      const { env } = await helmHome();
      let dir = await chart('oops');
      if (mistake === 'a typo in the path') dir = `${dir}-typo`;
      if (mistake === 'a YAML error') await writeFile(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: oops\nversion: [1\n');
      if (mistake === 'a bad version') await writeFile(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: oops\nversion: one\n');
      const r = await runAction(
        { chart: dir, ref: `oci://${slowLogin.host}/charts`, 'plain-http': 'true', username: 'ci', password: 'ci-password' },
        { env },
      );
      assert.equal(r.code, 1, r.stdout);
      const lines = r.stdout.split('\n').filter(Boolean);
      assert.match(lines.at(-1)!, /^::error/, `the error is the last line:\n${r.stdout}`);
      assert.doesNotMatch(r.stdout, /retrying GET \/v2\//);
      assert.doesNotMatch(r.stdout, /Login succeeded/);
    });
});

describe('several refs', () => {
  test("each ref's status is in the group title and counted in the tally", async () => {
    const { env } = await helmHome();
    const web = await chart('web');
    const api = await chart('api');
    const refs = (second: string) => `oci://${registry.host}/first\noci://${registry.host}/${second}`;
    const base = { 'plain-http': 'true', username: 'ci', password: 'ci-password' };
    const first = await runAction({ ...base, chart: `${web}\n${api}`, ref: refs('second') }, { env });
    assert.equal(first.code, 0, first.stdout);
    // The first ref holds both already; the third is new.
    const r = await runAction({ ...base, chart: `${web}\n${api}`, ref: refs('third') }, { env });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /::group::web 1\.0\.0 — unchanged sha256:[0-9a-f]{64} \(and 1 more ref: 1 pushed\)/);
    assert.match(r.stdout, /::group::api 1\.0\.0 — unchanged sha256:[0-9a-f]{64} \(and 1 more ref: 1 pushed\)/);
    assert.match(r.stdout, /^2 charts, 4 tags: 2 pushed, 2 unchanged$/m);
  });
});

describe('the timestamp line', () => {
  test('once per run, with one pair of parentheses', async () => {
    const { env } = await helmHome();
    const r = await runAction(
      { chart: `${await chart('one')}\n${await chart('two')}`, ref: `oci://${registry.host}/stamps`, push: 'false' },
      { env },
    );
    assert.equal(r.code, 0, r.stdout);
    const stamps = r.stdout.split('\n').filter((l) => /timestamps/.test(l));
    assert.deepEqual(stamps, ['timestamps: 1970-01-01T00:00:00Z, the fixed epoch (SOURCE_DATE_EPOCH is not set)']);
    const dated = await runAction(
      { chart: await chart('three'), ref: `oci://${registry.host}/stamps`, push: 'false' },
      { env: { ...env, SOURCE_DATE_EPOCH: '1700000000' } },
    );
    assert.match(dated.stdout, /^timestamps: 2023-11-14T22:13:20Z, SOURCE_DATE_EPOCH=1700000000$/m);
  });
});
