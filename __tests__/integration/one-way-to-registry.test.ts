import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli } from '../helpers/cli.js';
import { startFaultyFront, type FaultyFront } from '../helpers/faulty-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { makeTls } from '../helpers/tls.js';

// Both faces reach registries through one factory (src/release/registries.ts): the CLI's clients get
// what the action's get, a CA to trust and a log for their retries.

const hello = path.join(ROOT, 'examples', 'hello');

describe('the CLI reaches a registry as the action does', () => {
  let tlsRegistry: Registry;
  let open: Registry;
  let front: FaultyFront | undefined;
  let tls: Awaited<ReturnType<typeof makeTls>>;

  before(async () => {
    tls = await makeTls();
    [tlsRegistry, open] = await Promise.all([
      startRegistry({ tls: { cert: tls.cert, key: tls.key }, users: { dora: 'd0ra-pass-word' } }),
      startRegistry(),
    ]);
  });
  after(async () => {
    await front?.stop();
    await Promise.all([tlsRegistry?.stop(), open?.stop()]);
  });

  test('--ca-file trusts a private CA: login, push and pull', async () => {
    const { home, env } = await helmHome();
    const cache = path.join(home, 'cache');
    const ref = `${tlsRegistry.host}/apps/hello:0.1.0`;
    const login = await cli(['registry', 'login', tlsRegistry.host, '-u', 'dora', '--password-stdin', '--ca-file', tls.ca], {
      env,
      input: 'd0ra-pass-word',
    });
    assert.equal(login.code, 0, login.stderr);
    assert.match(login.stdout, /Login succeeded/);
    const save = await cli(['chart', 'save', hello, ref, '--cache', cache], { env });
    assert.equal(save.code, 0, save.stderr);
    const push = await cli(['chart', 'push', ref, '--cache', cache, '--ca-file', tls.ca], { env });
    assert.equal(push.code, 0, push.stderr);
    assert.match(push.stdout, /0\.1\.0: pushed to remote/);
    const pull = await cli(['chart', 'pull', ref, '--cache', path.join(home, 'other-cache'), '--ca-file', tls.ca], { env });
    assert.equal(pull.code, 0, pull.stderr);
    assert.match(pull.stdout, /Downloaded newer chart/);
    // Without it, the certificate is not trusted, and the hint names the flag.
    const untrusted = await cli(['chart', 'pull', ref, '--cache', path.join(home, 'third-cache')], { env });
    assert.equal(untrusted.code, 1);
    assert.match(untrusted.stderr, /is not trusted .*--ca-file/);
  });

  test("a registry's transient failure is retried and said on stderr", async () => {
    const { home, env } = await helmHome();
    const cache = path.join(home, 'cache');
    let failed = false;
    front = await startFaultyFront(open.url, {
      decide: (req) => {
        if (failed || req.method !== 'HEAD' || !req.url.includes('/manifests/')) return undefined;
        failed = true;
        return '503';
      },
    });
    const ref = `${front.host}/apps/hello:0.1.0`;
    assert.equal((await cli(['chart', 'save', hello, ref, '--cache', cache], { env })).code, 0);
    const push = await cli(['chart', 'push', ref, '--cache', cache, '--plain-http'], { env });
    assert.equal(push.code, 0, push.stderr);
    assert.equal(front.faults['503'], 1);
    assert.match(push.stderr, /retrying HEAD \/v2\/apps\/hello\/manifests\/0\.1\.0 (in \d+\.\ds|at once) \(.*503.*; attempt 2 of 9\)/);
  });
});
