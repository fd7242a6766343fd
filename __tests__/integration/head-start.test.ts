import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { startFaultyFront, type FaultyFront } from '../helpers/faulty-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { makeTls } from '../helpers/tls.js';
import { tempDir } from '../helpers/temp.js';

// The main step's first registry request goes out from the bundle's entry, before the step's code is
// loaded (src/action/head-start.ts, src/oci/early-request.ts). What it must never do: add a request,
// change one, or hold up a step that fails before it needs the registry. RUNNER_DEBUG shows its fate.

let work: string;
let chart: string;
let open: Registry;
let basic: Registry;
let tlsRegistry: Registry;
let tlsCa: string;

const USED = "::debug::The registry request sent before the step's code was loaded: its answer was the first one the step needed";

before(async () => {
  work = await tempDir('chartlift-head-start-');
  chart = path.join(work, 'hello');
  await cp(path.join(ROOT, 'examples', 'hello'), chart, { recursive: true });
  const tls = await makeTls();
  tlsCa = tls.ca;
  [open, basic, tlsRegistry] = await Promise.all([
    startRegistry(),
    startRegistry({ users: { alice: 'h3ad-start-pw' } }),
    startRegistry({ tls }),
  ]);
});
after(async () => {
  await Promise.all([open, basic, tlsRegistry].map((r) => r?.stop()));
});

/** A front that only records what reaches the registry (and swallows what `swallow` picks). */
function recorder(upstream: Registry, swallow = false): Promise<FaultyFront> {
  return startFaultyFront(upstream.url, { decide: () => (swallow ? 'swallow' : undefined) });
}

const sent = (front: FaultyFront): string[] =>
  front.requests.map((q) => `${q.method} ${q.url.replace(/\?.*/, '')}${q.authorization ? ' (authorised)' : ''}`);

test('no login: the tag look-up sent at start is the one the step needed, for a new chart and an unchanged one; no request is added', async () => {
  const front = await recorder(open);
  try {
    const { env, home } = await helmHome();
    const inputs = { chart, ref: `oci://${front.host}/early`, 'plain-http': 'true', cache: path.join(home, 'cache') };
    const r = await runAction(inputs, { env: { ...env, RUNNER_DEBUG: '1' }, cwd: work });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    assert.ok(r.stdout.includes(USED), r.stdout);
    // The tag looked up, asked again before the write and read back: three HEADs, as without a head start.
    assert.equal(sent(front).filter((q) => q === 'HEAD /v2/early/hello/manifests/0.1.0').length, 3, sent(front).join('\n'));
    assert.equal(sent(front)[0], 'HEAD /v2/early/hello/manifests/0.1.0');
    assert.equal(front.requests.length, 8, sent(front).join('\n'));

    front.requests.length = 0;
    const again = await runAction(inputs, { env: { ...env, RUNNER_DEBUG: '1' }, cwd: work });
    assert.equal(again.outputs.status, 'unchanged', again.stdout);
    assert.ok(again.stdout.includes(USED), again.stdout);
    assert.deepEqual(sent(front), ['HEAD /v2/early/hello/manifests/0.1.0']);
  } finally {
    await front.stop();
  }
});

test("username and password: the login's ping is sent at start, anonymously, and the login goes on from its 401", async () => {
  const front = await recorder(basic);
  try {
    const { env, home } = await helmHome();
    const r = await runAction(
      {
        chart,
        ref: `oci://${front.host}/early`,
        'plain-http': 'true',
        cache: path.join(home, 'cache'),
        username: 'alice',
        password: 'h3ad-start-pw',
      },
      { env: { ...env, RUNNER_DEBUG: '1' }, cwd: work },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    assert.ok(r.stdout.includes(USED), r.stdout);
    const requests = sent(front);
    assert.deepEqual(requests.slice(0, 2), ['GET /v2/', 'GET /v2/ (authorised)']);
    // One ping without credentials (the early one), one with: the login as it always was.
    assert.equal(requests.filter((q) => q.startsWith('GET /v2/')).length, 2, requests.join('\n'));
    assert.ok(
      requests.slice(1).every((q) => q.endsWith('(authorised)')),
      requests.join('\n'),
    );
  } finally {
    await front.stop();
  }
});

test('HTTPS: sent with the default trust (NODE_EXTRA_CA_CERTS counts); with a root only the system holds, the step asks again with every root', async () => {
  const { env, home } = await helmHome();
  const base = { chart, 'plain-http': 'false', cache: path.join(home, 'cache') };
  const mark = tlsRegistry.mark();
  const viaExtra = await runAction(
    { ...base, ref: `oci://${tlsRegistry.host}/extra` },
    { env: { ...env, RUNNER_DEBUG: '1', NODE_EXTRA_CA_CERTS: tlsCa }, cwd: work },
  );
  assert.equal(viaExtra.code, 0, viaExtra.stdout);
  assert.equal(viaExtra.outputs.status, 'pushed');
  assert.ok(viaExtra.stdout.includes(USED), viaExtra.stdout);
  const heads = tlsRegistry.log.slice(mark).filter((l) => /"HEAD \/v2\/extra\/hello\/manifests\/0\.1\.0/.test(l));
  assert.equal(heads.length, 3, heads.join('\n'));

  const viaSystem = await runAction(
    { ...base, ref: `oci://${tlsRegistry.host}/system` },
    { env: { ...env, RUNNER_DEBUG: '1', SSL_CERT_FILE: tlsCa }, cwd: work },
  );
  assert.equal(viaSystem.code, 0, viaSystem.stdout);
  assert.equal(viaSystem.outputs.status, 'pushed');
  assert.ok(viaSystem.stdout.includes(USED), viaSystem.stdout);
});

test('a step that fails before it needs the registry, which swallows the early request, ends with its error, at once and quietly', async () => {
  const broken = path.join(work, 'broken');
  await cp(chart, broken, { recursive: true });
  await writeFile(path.join(broken, 'values.yaml'), 'a: [unclosed\n');
  const front = await recorder(open, true);
  try {
    const { env, home } = await helmHome();
    const r = await runAction(
      { chart: broken, ref: `oci://${front.host}/early`, 'plain-http': 'true', cache: path.join(home, 'cache') },
      { env: { ...env, RUNNER_DEBUG: '1' }, cwd: work },
    );
    assert.equal(r.code, 1, r.stdout);
    assert.equal(r.errors.length, 1, r.stdout);
    assert.match(r.errors[0], /values\.yaml/);
    const lines = r.stdout
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('::debug::'));
    assert.equal(lines.at(-1), r.errors[0]);
    assert.doesNotMatch(r.stdout, /retry|attempt|::warning::/i);
    // It was sent, and swallowed: the step did not wait for it, nor ask again.
    assert.deepEqual(sent(front), ['HEAD /v2/early/hello/manifests/0.1.0']);
  } finally {
    await front.stop();
  }
});
