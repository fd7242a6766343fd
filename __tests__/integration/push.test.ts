import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS, tool } from '../helpers/paths.js';
import { CLOSED_PORT, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { assertNoSecrets } from '../helpers/secrets.js';
import { sequentialRoundTrips, startTimingFront } from '../helpers/round-trips.js';
import { startSinglePostFront } from '../helpers/single-post-front.js';
import { tempDir } from '../helpers/temp.js';
import { makeTls } from '../helpers/tls.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';

let work: string;
let chart: string;
let open: Registry;
let basic: Registry;
let tokenRegistry: Registry;
let tokens: TokenServer;
let tlsRegistry: Registry;

before(async () => {
  work = await tempDir('chartlift-push-');
  await run(tool('helm3'), ['create', 'mychart'], { cwd: work });
  chart = path.join(work, 'mychart');
  tokens = await startTokenServer({ users: { alice: 'wonderland-T0ken-pw', bob: 'bob-readonly-pw' }, readOnly: ['bob'] });
  const tls = await makeTls();
  [open, basic, tokenRegistry, tlsRegistry] = await Promise.all([
    startRegistry(),
    startRegistry({ users: { alice: 'b4sic-secret-pw' } }),
    startRegistry({ token: tokens }),
    startRegistry({ tls }),
  ]);
});
after(async () => {
  await Promise.all([open, basic, tokenRegistry, tlsRegistry].map((r) => r?.stop()));
  await tokens?.stop();
});

interface Target {
  label: string;
  registry: () => Registry;
  username?: string;
  password?: string;
}
const targets: Target[] = [
  { label: 'an open registry', registry: () => open },
  { label: 'an htpasswd (Basic) registry', registry: () => basic, username: 'alice', password: 'b4sic-secret-pw' },
  { label: 'a token (Bearer) registry', registry: () => tokenRegistry, username: 'alice', password: 'wonderland-T0ken-pw' },
];

async function publish(t: Target, env: NodeJS.ProcessEnv, extra: Record<string, string> = {}, source = chart): Promise<ActionRun> {
  const inputs: Record<string, string> = {
    chart: source,
    ref: `oci://${t.registry().host}/charts`,
    'plain-http': 'true',
    cache: path.join(env.HOME!, 'cache'),
    ...extra,
  };
  if (t.username) Object.assign(inputs, { username: t.username, password: t.password });
  return runAction(inputs, { env: { ...env, SOURCE_DATE_EPOCH: '1700000000' } });
}

for (const t of targets) {
  describe(`publishing to ${t.label}`, () => {
    test('pushes; digest and size match the registry; Helm 3 and 4 pull it by tag and digest and render it as helm package’s archive', async () => {
      const { env, home } = await helmHome();
      const r = await publish(t, env);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.outputs.status, 'pushed');
      assert.match(r.stdout, /The push refers to repository \[127\.0\.0\.1:\d+\/charts\/mychart\]/);
      assert.match(r.stdout, /\n0\.1\.0: pushed to remote \(1 layer, \d+\.\d KiB total\)\n/);

      const headers: Record<string, string> = {};
      if (t === targets[1]) headers.authorization = `Basic ${Buffer.from(`${t.username}:${t.password}`).toString('base64')}`;
      if (t === targets[2]) {
        const res = await fetch(`${tokens.realm}?service=${tokens.service}&scope=repository:charts/mychart:pull`, {
          headers: { authorization: `Basic ${Buffer.from(`${t.username}:${t.password}`).toString('base64')}` },
        });
        headers.authorization = `Bearer ${((await res.json()) as { token: string }).token}`;
      }
      const m = await fetchManifest(t.registry(), 'charts/mychart', '0.1.0', headers);
      assert.equal(m.status, 200);
      assert.equal(r.outputs.digest, m.digest, 'digest output = Docker-Content-Digest');
      const manifest = JSON.parse(m.body.toString());
      assert.equal(Number(r.outputs.size), manifest.layers[0].size);
      assert.equal(r.outputs['chart-digest'], manifest.layers[0].digest);
      assert.equal(r.outputs['digest-ref'], `${t.registry().host}/charts/mychart@${m.digest}`);

      const reference = path.join(work, `ref-${t.registry().port}`);
      await mkdir(reference, { recursive: true });
      await run(tool('helm3'), ['package', chart, '-d', reference], { env });
      const expected = await run(tool('helm3'), ['template', 'rel', path.join(reference, 'mychart-0.1.0.tgz')], { env });
      for (const helm of HELMS) {
        for (const [how, ref, extra] of [
          ['tag', `oci://${r.outputs.ref.replace(/:0\.1\.0$/, '')}`, ['--version', '0.1.0']],
          ['digest', `oci://${r.outputs['digest-ref']}`, []],
        ] as const) {
          const dest = path.join(home, `pull-${helm.label}-${how}`.replace(/\W+/g, '-'));
          await mkdir(dest, { recursive: true });
          // Same HOME as the action: the login it stored is what lets helm in.
          await run(helm.bin(), ['pull', ref, ...extra, '--plain-http', '-d', dest], { env });
          const [file] = await readdir(dest);
          assert.equal(await run(helm.bin(), ['template', 'rel', path.join(dest, file)], { env }), expected, `${helm.label} by ${how}`);
        }
      }
    });
  });
}

describe('credentials: stored like helm registry login, removed by the post step', () => {
  for (const t of targets.slice(1)) {
    test(`${t.label}: helm pulls with no login after main; post removes only this step's entry`, async () => {
      const { env, registryConfig } = await helmHome();
      const other = { auth: Buffer.from('someone:else').toString('base64') };
      await mkdir(path.dirname(registryConfig), { recursive: true });
      await writeFile(registryConfig, JSON.stringify({ auths: { 'other.example.com': other } }));
      const r = await publish(t, env);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /Login succeeded/);
      const stored = JSON.parse(await readFile(registryConfig, 'utf8'));
      assert.deepEqual(stored.auths[t.registry().host], { auth: Buffer.from(`${t.username}:${t.password}`).toString('base64') });
      assert.deepEqual(stored.auths['other.example.com'], other);
      assert.equal((await stat(registryConfig)).mode & 0o777, 0o600);
      assert.match(await readFile(registryConfig, 'utf8'), /^\{\n\t"auths"/);

      const dest = path.join(env.HOME!, 'pulled');
      await mkdir(dest, { recursive: true });
      await run(tool('helm4'), ['pull', `oci://${t.registry().host}/charts/mychart`, '--version', '0.1.0', '--plain-http', '-d', dest], {
        env,
      });

      const postRun = await runAction({ logout: 'true' }, { env, state: r.state });
      assert.equal(postRun.code, 0, postRun.stdout);
      assert.match(postRun.stdout, /Logout succeeded/);
      const after = JSON.parse(await readFile(registryConfig, 'utf8'));
      assert.deepEqual(after.auths, { 'other.example.com': other });
      await assertNoSecrets(r, [t.password!, Buffer.from(`${t.username}:${t.password}`).toString('base64'), ...tokens.issued]);
    });
  }

  test('an earlier login for the same host is put back by the post step', async () => {
    const { env, registryConfig } = await helmHome();
    const earlier = { auth: Buffer.from('alice:an-older-password').toString('base64') };
    await mkdir(path.dirname(registryConfig), { recursive: true });
    await writeFile(registryConfig, JSON.stringify({ auths: { [basic.host]: earlier } }));
    const r = await publish(targets[1], env);
    assert.equal(r.code, 0, r.stdout);
    assert.doesNotMatch(JSON.stringify(r.state), /b4sic|older-password/);
    await runAction({}, { env, state: r.state });
    assert.deepEqual(JSON.parse(await readFile(registryConfig, 'utf8')).auths, { [basic.host]: earlier });
  });

  test('stored credentials are used when the inputs are empty, and nothing is removed afterwards', async () => {
    const { env, registryConfig } = await helmHome();
    await mkdir(path.dirname(registryConfig), { recursive: true });
    const entry = { auth: Buffer.from('alice:b4sic-secret-pw').toString('base64') };
    await writeFile(registryConfig, JSON.stringify({ auths: { [basic.host]: entry } }));
    const r = await publish({ ...targets[1], username: undefined, password: undefined }, env);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /Using the stored credentials for 127\.0\.0\.1:\d+ from .*config\.json/);
    await runAction({}, { env, state: r.state });
    assert.deepEqual(JSON.parse(await readFile(registryConfig, 'utf8')).auths, { [basic.host]: entry });
  });

  test("Docker's config (auths) is read when Helm has none", async () => {
    const { env, home } = await helmHome();
    await mkdir(path.join(home, '.docker'), { recursive: true });
    await writeFile(
      path.join(home, '.docker', 'config.json'),
      JSON.stringify({ auths: { [basic.host]: { auth: Buffer.from('alice:b4sic-secret-pw').toString('base64') } } }),
    );
    const r = await publish({ ...targets[1], username: undefined, password: undefined }, env);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /from .*\.docker\/config\.json/);
  });

  test('a docker-credential helper (credHelpers) is run for the host', async () => {
    const { env, home } = await helmHome();
    const bin = path.join(home, 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(
      path.join(bin, 'docker-credential-testhelper'),
      `#!/bin/sh\nread host\n[ "$host" = "${basic.host}" ] || exit 1\necho '{"ServerURL":"'$host'","Username":"alice","Secret":"b4sic-secret-pw"}'\n`,
      { mode: 0o755 },
    );
    await mkdir(path.join(home, '.docker'), { recursive: true });
    await writeFile(path.join(home, '.docker', 'config.json'), JSON.stringify({ credHelpers: { [basic.host]: 'testhelper' } }));
    const r = await publish({ ...targets[1], username: undefined, password: undefined }, { ...env, PATH: `${bin}:${env.PATH}` });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /from docker-credential-testhelper/);
  });
});

test('on a token registry only the login meets a 401: each repository scope gets its token before its first request', async () => {
  const { env, home } = await helmHome();
  const mark = tokenRegistry.log.length;
  const r = await runAction(
    {
      chart,
      ref: `oci://${tokenRegistry.host}/early`,
      username: 'alice',
      password: 'wonderland-T0ken-pw',
      'plain-http': 'true',
      cache: path.join(home, 'cache'),
    },
    { env },
  );
  assert.equal(r.code, 0, r.stdout);
  const access = tokenRegistry.log.slice(mark).filter((l) => !l.includes('level='));
  const refused = access.filter((l) => /" 401 /.test(l));
  assert.deepEqual(
    refused.map((l) => /"(\w+ [^ ]+)/.exec(l)![1]),
    ['GET /v2/'],
    access.join('\n'),
  );
});

describe('republishing', () => {
  test('the same source uploads nothing (status unchanged); a changed chart fails by default, is kept with skip, replaced with overwrite', async () => {
    const { env } = await helmHome();
    const t = targets[2];
    const first = await publish(t, env);
    assert.equal(first.code, 0, first.stdout);
    const mark = tokenRegistry.mark();
    const tokensBefore = tokens.requests.length;
    const again = await publish(t, env);
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.outputs.status, 'unchanged');
    assert.equal(again.outputs.digest, first.outputs.digest);
    const seen = tokenRegistry.requests(mark);
    assert.deepEqual(
      seen.filter((l) => /^(POST|PUT|PATCH)/.test(l)),
      [],
      seen.join('\n'),
    );
    assert.ok(tokens.requests.length - tokensBefore <= 2, 'one token for the login check and one for the repository');

    const changed = path.join(work, 'changed', 'mychart');
    await cp(chart, changed, { recursive: true });
    await writeFile(path.join(changed, 'templates', 'extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n');

    const failed = await publish(t, env, {}, changed);
    assert.notEqual(failed.code, 0);
    assert.equal(failed.errors.length, 1);
    assert.match(
      failed.errors[0],
      new RegExp(
        `already holds ${first.outputs.digest} \\(chart ${first.outputs['chart-digest']}\\), and this build is sha256:[a-f0-9]{64} \\(chart sha256:[a-f0-9]{64}\\): files differ: mychart/templates/extra\\.yaml \\(added\\)\\. A published version is immutable: bump the chart version, or set if-exists`,
      ),
    );

    const skipped = await publish(t, env, { 'if-exists': 'skip' }, changed);
    assert.equal(skipped.code, 0, skipped.stdout);
    assert.equal(skipped.outputs.status, 'skipped');
    assert.equal(skipped.outputs.digest, first.outputs.digest);

    const overwritten = await publish(t, env, { 'if-exists': 'overwrite' }, changed);
    assert.equal(overwritten.code, 0, overwritten.stdout);
    assert.equal(overwritten.outputs.status, 'pushed');
    assert.notEqual(overwritten.outputs.digest, first.outputs.digest);
    const unchanged = await publish(t, env, {}, changed);
    assert.equal(unchanged.outputs.status, 'unchanged');
  });
});

test('on a registry with single-request uploads, a new chart takes 6 requests (the tag asked again before and after the write) and helm pulls it', async () => {
  const front = await startSinglePostFront(open.url);
  try {
    const { env, home } = await helmHome();
    const r = await runAction({ chart, ref: `oci://${front.host}/single`, 'plain-http': 'true', cache: path.join(home, 'cache') }, { env });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    const sent = front.requests.map((q) => `${q.method} ${q.url.replace(/\?.*/, '')}`);
    // Registries have no conditional tag update: the tag is asked for before the upload, again just
    // before the write, and read back after it, so that a run racing this one is never overwritten silently.
    assert.deepEqual(sent.sort(), [
      'HEAD /v2/single/mychart/manifests/0.1.0',
      'HEAD /v2/single/mychart/manifests/0.1.0',
      'HEAD /v2/single/mychart/manifests/0.1.0',
      'POST /v2/single/mychart/blobs/uploads/',
      'POST /v2/single/mychart/blobs/uploads/',
      'PUT /v2/single/mychart/manifests/0.1.0',
    ]);
    await run(tool('helm4'), ['pull', `oci://${open.host}/single/mychart`, '--version', '0.1.0', '--plain-http', '-d', home], { env });
    await stat(path.join(home, 'mychart-0.1.0.tgz'));
  } finally {
    await front.stop();
  }
});

test('a new chart waits for 5 round trips on distribution 2.8 (the tag asked again with the last upload request), an unchanged one for 1', async () => {
  // Every answer held back 40 ms: requests sent together overlap, requests sent after an answer follow it.
  const front = await startTimingFront(open.url, 40);
  const spans = front.spans;
  try {
    const { env, home } = await helmHome();
    const inputs = { chart, ref: `oci://${front.host}/trips`, 'plain-http': 'true', cache: path.join(home, 'cache') };
    const r = await runAction(inputs, { env });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    // HEAD tag; POST, then PUT with the HEAD asked again; PUT manifest; HEAD read back (8 requests).
    assert.equal(spans.length, 8, spans.map((s) => s.what).join('\n'));
    assert.equal(sequentialRoundTrips(spans), 5, spans.map((s) => `${s.start.toFixed(0)}-${s.end.toFixed(0)} ${s.what}`).join('\n'));
    spans.length = 0;
    const again = await runAction(inputs, { env });
    assert.equal(again.outputs.status, 'unchanged', again.stdout);
    assert.equal(sequentialRoundTrips(spans), 1);
  } finally {
    await front.stop();
  }
});

test('a cache that cannot be written fails the step before the tag is written (the save overlaps the upload)', async () => {
  const { env, home } = await helmHome();
  await writeFile(path.join(home, 'a-file'), 'x');
  const r = await runAction(
    { chart, ref: `oci://${open.host}/nocache`, 'plain-http': 'true', cache: path.join(home, 'a-file', 'cache') },
    { env },
  );
  assert.notEqual(r.code, 0);
  assert.equal(r.errors.length, 1, r.stdout);
  assert.match(r.errors[0], /cannot write the chart cache/);
  assert.equal((await fetchManifest(open, 'nocache/mychart', '0.1.0')).status, 404, 'no tag');
});

describe('failures: non-zero exit, one clear error, no tag, no secret', () => {
  const failures: Array<{
    name: string;
    inputs: () => Promise<Record<string, string>>;
    says: RegExp;
    registry?: () => Registry;
    secrets: string[];
  }> = [
    {
      name: 'wrong password (Basic)',
      inputs: async () => ({ ref: `oci://${basic.host}/fail1`, username: 'alice', password: 'Wr0ng-pass-basic' }),
      says: /authentication failed for 127\.0\.0\.1:\d+ as "alice" \(UNAUTHORIZED: authentication required\)\. Check the username and password/,
      registry: () => basic,
      secrets: ['Wr0ng-pass-basic'],
    },
    {
      name: 'wrong password (token)',
      inputs: async () => ({ ref: `oci://${tokenRegistry.host}/fail2`, username: 'alice', password: 'Wr0ng-pass-token' }),
      says: /authentication failed for 127\.0\.0\.1:\d+ as "alice" \(UNAUTHORIZED: invalid username or password\)/,
      registry: () => tokenRegistry,
      secrets: ['Wr0ng-pass-token'],
    },
    {
      name: 'denied push',
      inputs: async () => ({ ref: `oci://${tokenRegistry.host}/fail3`, username: 'bob', password: 'bob-readonly-pw' }),
      says: /no permission to start an upload to 127\.0\.0\.1:\d+\/fail3\/mychart \(UNAUTHORIZED: authentication required\)\. Check that "bob" may push to this repository/,
      registry: () => tokenRegistry,
      secrets: ['bob-readonly-pw'],
    },
    {
      name: 'unreachable host',
      inputs: async () => ({ ref: `oci://127.0.0.1:${CLOSED_PORT}/x` }),
      says: /cannot reach 127\.0\.0\.1:\d+: connection refused\. Check the host and port in `ref`/,
      secrets: [],
    },
    {
      name: 'HTTPS spoken to a plain-HTTP registry',
      inputs: async () => ({ ref: `oci://${open.host}/fail4`, 'plain-http': 'false' }),
      says: /does not speak HTTPS .* set `plain-http: true`/,
      registry: () => open,
      secrets: [],
    },
    {
      name: 'plain HTTP spoken to an HTTPS registry',
      inputs: async () => ({ ref: `oci://${tlsRegistry.host}/fail5`, 'plain-http': 'true' }),
      says: /speaks HTTPS, but plain HTTP was used\. Remove `plain-http: true`/,
      secrets: [],
    },
  ];
  for (const f of failures) {
    test(f.name, async () => {
      const { env } = await helmHome();
      const inputs: Record<string, string> = { chart, 'plain-http': 'true', cache: path.join(env.HOME!, 'cache'), ...(await f.inputs()) };
      const r = await runAction(inputs, { env });
      assert.notEqual(r.code, 0);
      assert.equal(r.errors.length, 1, r.stdout);
      assert.match(r.errors[0], f.says);
      assert.equal(r.outputs.status, undefined);
      if (f.registry) {
        const repo = `${inputs.ref.split('/').slice(3).join('/')}/mychart`;
        const m = await fetch(`${f.registry().url}/v2/${repo}/tags/list`);
        assert.notEqual(m.status, 200, 'no tag created');
        const creds = f === failures[0] ? `Basic ${Buffer.from('alice:b4sic-secret-pw').toString('base64')}` : undefined;
        if (creds) assert.equal((await fetchManifest(f.registry(), repo, '0.1.0', { authorization: creds })).status, 404);
      }
      await assertNoSecrets(r, [...f.secrets, ...tokens.issued]);
    });
  }
});
