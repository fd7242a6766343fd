import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { startKeylessStandIn, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { tempDir } from '../helpers/temp.js';

// Never vouch for what this run did not build. Someone with push rights (or the registry) publishes the
// next version first: the same chart files, but a manifest with a provenance layer and annotations of
// their choosing. "Unchanged" may still mean the same content; but a keyless signature or attestation
// covers the whole manifest, and a `signed` output says whose provenance stands: the run signs and
// reports as signed only what it can account for, layer by layer and annotation by annotation.

let registry: Registry;
let standIn: KeylessStandIn;
let work: string;
let gnupg: string;
let owner: { fingerprint: string; armored: string; pubring: string };
let attacker: { fingerprint: string; armored: string };

const gpg = (args: string[]) =>
  run('gpg', ['--batch', '--pinentry-mode', 'loopback', ...args], { env: { ...process.env, GNUPGHOME: gnupg } });
function gpgBytes(args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    execFile('gpg', ['--batch', ...args], { env: { ...process.env, GNUPGHOME: gnupg }, encoding: 'buffer' }, (err, out) =>
      err ? reject(err) : resolve(out),
    ),
  );
}
async function makeKey(label: string): Promise<{ fingerprint: string; armored: string }> {
  const uid = `${label} <${label.toLowerCase()}@example.com>`;
  await gpg(['--passphrase', '', '--quick-gen-key', uid, 'ed25519', 'sign', 'never']);
  const fingerprint = (await gpg(['--with-colons', '--list-keys', uid]))
    .split('\n')
    .find((l) => l.startsWith('fpr:'))!
    .split(':')[9];
  return { fingerprint, armored: await gpg(['--passphrase', '', '--export-secret-keys', '--armor', fingerprint]) };
}

before(async () => {
  work = await tempDir('chartlift-vouch-');
  gnupg = path.join(work, 'gnupg');
  await mkdir(gnupg, { mode: 0o700 });
  [registry, standIn] = await Promise.all([startRegistry(), startKeylessStandIn(work)]);
  const o = await makeKey('Owner');
  attacker = await makeKey('Mallory');
  owner = { ...o, pubring: path.join(work, 'owner.gpg') };
  await writeFile(owner.pubring, await gpgBytes(['--export', o.fingerprint]));
});
after(async () => {
  await Promise.all([registry?.stop(), standIn?.stop()]);
});

let n = 0;
/** The same chart files, in a folder of their own (each party checks out the same commit). */
async function chart(): Promise<string> {
  return tree(path.join(work, `c${++n}`, 'web'), {
    'Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: a chart\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  });
}

const runner = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => standIn.env(env);

/** The planted copy: published first by someone else, with a provenance and annotations of their choosing. */
async function plant(repo: string, extra: Record<string, string>): Promise<ActionRun> {
  const { env } = await helmHome();
  const r = await runAction(
    { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', ...extra },
    { env: { ...env, GITHUB_REPOSITORY: 'mallory/elsewhere', GITHUB_SERVER_URL: 'https://github.com' } },
  );
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.status, 'pushed');
  return r;
}

const plantedAnnotations = [
  'org.opencontainers.image.source=https://evil.example/mallory/web',
  'org.opencontainers.image.description=Verified build from the official pipeline',
].join('\n');

/** The fallback referrers index of `digest` (distribution 2.8 has no referrers API): its entries, or none. */
async function referrers(repo: string, digest: string): Promise<unknown[]> {
  const res = await fetchManifest(registry, repo, digest.replace(':', '-'), { Accept: 'application/vnd.oci.image.index.v1+json' });
  return res.status === 200 ? JSON.parse(res.body.toString('utf8')).manifests : [];
}

describe('a planted copy of the same chart, with a provenance and annotations of someone else', () => {
  test('keyless: named as a difference, nothing signed or attested, no certificate asked for; chart verify finds nothing', async () => {
    const repo = 'planted-keyless';
    const planted = await plant(repo, { annotations: plantedAnnotations, 'sign-key': attacker.armored });
    const { env } = await helmHome();
    const before = { ...standIn.sigstore.calls };
    const r = await runAction(
      { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', ...standIn.inputs() },
      { env: runner(env) },
    );
    assert.equal(r.code, 1, r.stdout);
    const error = r.errors.join('\n');
    assert.match(error, new RegExp(`already holds ${planted.outputs.digest}`));
    // Every part this build cannot account for is named, so that one look shows what was planted.
    assert.match(error, /provenance file this build did not make/);
    assert.match(error, /org\.opencontainers\.image\.source/);
    assert.match(error, /org\.opencontainers\.image\.description/);
    assert.equal(standIn.sigstore.calls.fulcio, before.fulcio, 'no certificate asked for');
    assert.deepEqual(await referrers(`${repo}/web`, planted.outputs.digest), []);
    const verify = await cli(
      [
        'chart',
        'verify',
        `${registry.host}/${repo}/web:1.0.0`,
        '--plain-http',
        '--certificate-identity',
        `https://github.com/${'octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main'}`,
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
        '--trusted-root',
        standIn.rootFile,
      ],
      { env },
    );
    assert.equal(verify.code, 1, verify.stdout);
    assert.match(verify.stderr, /carries no keyless signature/);
  });

  test('keyless with if-exists: skip: the planted copy is kept, named as skipped, and neither signed nor attested', async () => {
    const repo = 'planted-skip';
    const planted = await plant(repo, { annotations: plantedAnnotations });
    const { env } = await helmHome();
    const before = { ...standIn.sigstore.calls };
    const r = await runAction(
      { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', 'if-exists': 'skip', ...standIn.inputs() },
      { env: runner(env) },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'skipped');
    assert.equal(r.outputs.digest, planted.outputs.digest);
    assert.equal(r.outputs['signature-digest'], '');
    assert.equal(r.outputs['attestation-digest'], '');
    assert.equal(standIn.sigstore.calls.fulcio, before.fulcio);
    assert.deepEqual(await referrers(`${repo}/web`, planted.outputs.digest), []);
  });

  test('keyless over the same chart helm pushed (its own gzip and created time, nothing added): unchanged, and signed once', async () => {
    const repo = 'helm-pushed';
    const { env } = await helmHome();
    const dir = await chart();
    const out = path.join(work, `helm-${++n}`);
    await mkdir(out);
    const helm = tool('helm4');
    await run(helm, ['package', dir, '-d', out], { env });
    await run(helm, ['push', path.join(out, 'web-1.0.0.tgz'), `oci://${registry.host}/${repo}`, '--plain-http'], { env });
    const r = await runAction(
      { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', ...standIn.inputs() },
      { env: runner(env) },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'unchanged');
    assert.match(r.outputs['signature-digest'], /^sha256:[0-9a-f]{64}$/);
    assert.equal((await referrers(`${repo}/web`, r.outputs.digest)).length, 2);
  });
});

describe('a planted provenance signed by another key', () => {
  test('the owner signs: a difference named with both keys; with skip, the step does not report the chart as signed', async () => {
    const repo = 'planted-prov';
    const planted = await plant(repo, { 'sign-key': attacker.armored });
    const { env } = await helmHome();
    const r = await runAction(
      { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', 'sign-key': owner.armored },
      { env: { ...env, GITHUB_REPOSITORY: 'octo-org/octo-chart' } },
    );
    assert.equal(r.code, 1, r.stdout);
    const error = r.errors.join('\n');
    assert.match(error, new RegExp(`already holds ${planted.outputs.digest}`));
    assert.match(error, new RegExp(`provenance file is not signed by this build's key ${owner.fingerprint}`));
    const skipped = await runAction(
      { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', 'sign-key': owner.armored, 'if-exists': 'skip' },
      { env: { ...env, GITHUB_REPOSITORY: 'octo-org/octo-chart' } },
    );
    assert.equal(skipped.code, 0, skipped.stdout);
    assert.equal(skipped.outputs.status, 'skipped');
    assert.equal(skipped.outputs.signed, 'false');
    assert.equal(skipped.outputs['sign-fingerprint'], '');
    const charts = JSON.parse(skipped.outputs.charts);
    assert.equal(charts[0].signed, false);
  });

  test("the owner's own earlier provenance (another signing time, so another manifest) is this build's: unchanged, signed, and helm verifies it", async () => {
    const repo = 'owners-prov';
    const { env } = await helmHome();
    const first = await runAction(
      { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', 'sign-key': owner.armored },
      { env: { ...env, GITHUB_REPOSITORY: 'octo-org/octo-chart' } },
    );
    assert.equal(first.code, 0, first.stdout);
    // A second later: the signature's time differs (no SOURCE_DATE_EPOCH), so this build's manifest does.
    await new Promise((r) => setTimeout(r, 1100));
    const again = await runAction(
      { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', 'sign-key': owner.armored },
      { env: { ...env, GITHUB_REPOSITORY: 'octo-org/octo-chart' } },
    );
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.outputs.status, 'unchanged');
    assert.equal(again.outputs.digest, first.outputs.digest);
    assert.equal(again.outputs.signed, 'true');
    assert.equal(again.outputs['sign-fingerprint'], owner.fingerprint);
    const pulled = await cli(
      ['chart', 'pull', `${registry.host}/${repo}/web:1.0.0`, '--plain-http', '--verify', '--keyring', owner.pubring],
      {
        env,
      },
    );
    assert.equal(pulled.code, 0, pulled.stderr);
    const summary = await readFile(again.summaryFile, 'utf8');
    assert.match(summary, new RegExp(owner.fingerprint));
  });
});
