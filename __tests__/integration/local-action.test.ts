import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exec } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { findNode } from '../helpers/node-versions.js';
import { ROOT } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// `npx @github/local-action . src/main.ts .env --post src/post.ts`: the action's own TypeScript, run by
// GitHub's local runner with its stand-in of @actions/core, main then post in one process.
let registry: Registry;
let work: string;
before(async () => {
  work = await tempDir('chartlift-local-action-');
  registry = await startRegistry({ users: { dev: 'l0cal-run-pw' } });
});
after(() => registry?.stop());

async function localAction(inputs: Record<string, string>) {
  const { env: home, registryConfig } = await helmHome();
  const envFile = path.join(work, `${Object.keys(inputs).length}-${Date.now()}.env`);
  await writeFile(
    envFile,
    Object.entries(inputs)
      .map(([k, v]) => `INPUT_${k.toUpperCase()}=${v}\n`)
      .join(''),
  );
  const node24 = path.dirname(await findNode(24));
  const r = await exec(path.join(ROOT, 'node_modules', '.bin', 'local-action'), ['.', 'src/main.ts', envFile, '--post', 'src/post.ts'], {
    cwd: ROOT,
    env: { ...home, PATH: `${node24}${path.delimiter}${process.env.PATH}`, NODE_PACKAGE_MANAGER: 'npm' },
    timeoutMs: 180_000,
  });
  return { ...r, registryConfig };
}

describe('npx @github/local-action runs the action from source', () => {
  test('main publishes to a local registry and logs in; post logs out', async () => {
    const r = await localAction({
      chart: path.join(ROOT, 'examples', 'hello'),
      ref: `oci://${registry.host}/local`,
      username: 'dev',
      password: 'l0cal-run-pw',
      'plain-http': 'true',
      cache: path.join(work, 'cache'),
    });
    const out = r.stdout + r.stderr;
    assert.equal(r.code, 0, out);
    assert.match(out, /Running Action/);
    assert.match(out, /0\.1\.0: pushed to remote \(1 layer, /);
    assert.match(out, /Running Post Step/);
    assert.match(out, new RegExp(`Logout succeeded \\(${registry.host}\\)`));
    assert.doesNotMatch(out, /l0cal-run-pw/);
    const basic = { authorization: `Basic ${Buffer.from('dev:l0cal-run-pw').toString('base64')}` };
    assert.equal((await fetchManifest(registry, 'local/hello', '0.1.0', basic)).status, 200);
    const stored = existsSync(r.registryConfig) ? JSON.parse(await readFile(r.registryConfig, 'utf8')) : { auths: {} };
    assert.equal(stored.auths?.[registry.host], undefined, 'the post step removed the login');
  });

  test('a failure inside run() is one error through core.setFailed, not a stack trace', async () => {
    const r = await localAction({ chart: path.join(work, 'no-such-chart'), ref: `oci://${registry.host}/local`, 'plain-http': 'true' });
    const out = r.stdout + r.stderr;
    assert.match(out, /no-such-chart: no such file or folder/);
    assert.doesNotMatch(out, /\n\s+at .*\.ts:\d+/, 'no stack trace');
  });
});
