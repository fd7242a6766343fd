import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { describe as descriptor } from '../../src/oci/digest.js';
import { Layout } from '../../src/oci/layout.js';
import { runAction } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree.js';

// What a careless (or hostile) value in an input or a command does: one clear error, early, and
// nothing half done.
let work: string;
let chart: string;
let registry: Registry;

before(async () => {
  work = await tempDir('chartlift-careless-');
  chart = await tree(path.join(work, 'careful'), {
    'Chart.yaml': 'apiVersion: v2\nname: careful\nversion: 1.0.0\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
  });
  registry = await startRegistry({ users: { spacey: ' spaced pass ', alice: 'al1ce-pw' } });
});
after(() => registry?.stop());

describe('credential inputs', () => {
  test('username without password, or a user name with ":", fail before anything is saved', async () => {
    const cache = path.join(work, 'cache-early');
    for (const [inputs, says] of [
      [{ username: 'alice' }, /`username` and `password` go together, but only `username` is set/],
      [{ password: 'x' }, /`username` and `password` go together, but only `password` is set/],
      [{ username: 'my:user', password: 'x' }, /a user name may not contain ":"\. Check the `username` input/],
    ] as const) {
      const r = await runAction({ chart, ref: `oci://${registry.host}/early`, 'plain-http': 'true', cache, ...inputs });
      assert.equal(r.code, 1);
      assert.equal(r.errors.length, 1, r.stdout);
      assert.match(r.errors[0], says);
      assert.equal(await treeHash(cache), 'absent', 'nothing was saved');
    }
  });

  test('a password with spaces is taken as written, by the action as by the CLI', async () => {
    const { env } = await helmHome();
    const r = await runAction(
      { chart, ref: `oci://${registry.host}/spaced`, 'plain-http': 'true', username: 'spacey', password: ' spaced pass ' },
      { env },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    const c = await exec(process.execPath, [CLI, 'registry', 'login', '-u', 'spacey', '--password-stdin', '--plain-http', registry.host], {
      env,
      input: ' spaced pass ',
    });
    assert.equal(c.code, 0, c.stderr);
  });
});

describe('registry login hosts', () => {
  test('user@host, a path or a query is refused and stores nothing; oci://host is the host', async () => {
    const { env, registryConfig } = await helmHome();
    for (const host of [`alice@${registry.host}`, `${registry.host}?x=1`, `${registry.host}/path`]) {
      const r = await exec(process.execPath, [CLI, 'registry', 'login', '-u', 'alice', '--password-stdin', '--plain-http', host], {
        env,
        input: 'al1ce-pw',
      });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /is not a registry host\. Give the host and port only/);
      assert.doesNotMatch(r.stderr, /`ref`/);
    }
    assert.ok(!existsSync(registryConfig));
    const ok = await exec(
      process.execPath,
      [CLI, 'registry', 'login', '-u', 'alice', '--password-stdin', '--plain-http', `oci://${registry.host}`],
      {
        env,
        input: 'al1ce-pw',
      },
    );
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(Object.keys(JSON.parse(await readFile(registryConfig, 'utf8')).auths), [registry.host]);
  });
});

describe('the post step', () => {
  const login = () => ({ chart, 'plain-http': 'true', username: 'alice', password: 'al1ce-pw' });

  test('a later login for the same host (helm, another step) is kept, not replaced by the older entry', async () => {
    const { env, registryConfig } = await helmHome();
    const inputs = { ...login(), ref: `oci://${registry.host}/post1` };
    const main = await runAction(inputs, { env });
    assert.equal(main.code, 0, main.stdout);
    await run(tool('helm4'), ['registry', 'login', registry.host, '--plain-http', '-u', 'alice', '--password-stdin'], {
      env,
      input: 'al1ce-pw',
    });
    // helm writes the same user and password: make the later login visibly another one.
    const cfg = JSON.parse(await readFile(registryConfig, 'utf8'));
    cfg.auths[registry.host] = { auth: Buffer.from('alice:al1ce-pw').toString('base64'), note: 'a later login' };
    await (await import('node:fs/promises')).writeFile(registryConfig, JSON.stringify(cfg));
    const post = await runAction(inputs, { env, state: main.state });
    assert.equal(post.code, 0);
    assert.match(post.stdout, /a later login is kept/);
    assert.equal(JSON.parse(await readFile(registryConfig, 'utf8')).auths[registry.host].note, 'a later login');
  });

  test('with its record gone, the post step says so clearly (no raw ENOENT) and does not guess', async () => {
    const { env, registryConfig } = await helmHome();
    const inputs = { ...login(), ref: `oci://${registry.host}/post2` };
    const main = await runAction(inputs, { env });
    const record = JSON.parse(main.state.logins)[0].record as string;
    await rm(record);
    const post = await runAction(inputs, { env, state: main.state });
    assert.equal(post.code, 0);
    assert.match(post.stdout, /::warning::.*the login this step stored is left in .*its record .* is gone/);
    assert.doesNotMatch(post.stdout, /ENOENT/);
    assert.ok(JSON.parse(await readFile(registryConfig, 'utf8')).auths[registry.host]);
    assert.doesNotMatch(JSON.stringify(main.state), /al1ce-pw|YWxpY2U6YWwxY2UtcHc/, 'no secret in action state');
  });
});

describe('what is printed', () => {
  test('names, versions and references with terminal escapes are printed escaped by list', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, '.cache', 'helm', 'registry', 'cache');
    const cfg = Buffer.from('{"name":"esc","version":"1.0.0"}');
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        config: descriptor('application/vnd.cncf.helm.config.v1+json', cfg),
        layers: [descriptor('application/vnd.cncf.helm.chart.content.v1.tar+gzip', Buffer.from('x'))],
      }),
    );
    await new Layout(cache).save(
      'localhost:5000/x/esc:1.0.0\u001b[31m\u0007',
      descriptor('application/vnd.oci.image.manifest.v1+json', manifest),
      [cfg, Buffer.from('x'), manifest],
    );
    const r = await exec(process.execPath, [CLI, 'chart', 'list'], { env });
    assert.equal(r.code, 0, r.stderr);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(r.stdout, /\u001b|\u0007/);
    assert.match(r.stdout, /esc:1\.0\.0\\u001b\[31m\\u0007/);
  });
});
