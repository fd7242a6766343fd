import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { tree } from '../helpers/conformance-cases.js';
import { entry, tgz } from '../helpers/crafted-tar.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS } from '../helpers/paths.js';
import { pushRawBlob, pushRawManifest, sha256 } from '../helpers/raw-push.js';
import { fetchBlob, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { startKeylessStandIn, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { tempDir } from '../helpers/temp.js';

// Third round against "never vouch for what this run did not build": someone with push rights rewrites
// the tag of a chart the owner published, keeping everything Chartlift compares equal, and changing
// what Helm (or any Go reader of the manifest) sees. When the owner's next run signs keylessly, the
// signature covers the registry's manifest: each case must be named a difference, and nothing signed.

let registry: Registry;
let standIn: KeylessStandIn;
let work: string;
let gnupg: string;
let owner: { fingerprint: string; armored: string };

const gpg = (args: string[]) =>
  run('gpg', ['--batch', '--pinentry-mode', 'loopback', ...args], { env: { ...process.env, GNUPGHOME: gnupg } });

before(async () => {
  work = await tempDir('chartlift-third-vouch-');
  gnupg = path.join(work, 'gnupg');
  await mkdir(gnupg, { mode: 0o700 });
  [registry, standIn] = await Promise.all([startRegistry(), startKeylessStandIn(work)]);
  const uid = 'Owner <owner@example.com>';
  await gpg(['--passphrase', '', '--quick-gen-key', uid, 'ed25519', 'sign', 'never']);
  const fingerprint = (await gpg(['--with-colons', '--list-keys', uid]))
    .split('\n')
    .find((l) => l.startsWith('fpr:'))!
    .split(':')[9];
  owner = { fingerprint, armored: await gpg(['--passphrase', '', '--export-secret-keys', '--armor', fingerprint]) };
});
after(async () => {
  await Promise.all([registry?.stop(), standIn?.stop()]);
});

const CHART_YAML = 'apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: a chart\nappVersion: 1.2.3\n';
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: "nginx:{{ .Chart.AppVersion }}"\n';

let n = 0;
/** The owner's chart, checked out afresh (each run builds from its own folder). */
async function chart(): Promise<string> {
  return tree(path.join(work, `c${++n}`, 'web'), { 'Chart.yaml': CHART_YAML, 'templates/pod.yaml': POD });
}

/** The owner's first publication (no keyless signing yet): the manifest the tag holds, and its env. */
async function publishGenuine(repo: string, extra: Record<string, string> = {}) {
  const { env } = await helmHome();
  const first = await runAction(
    { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', ...extra },
    { env: standIn.env(env) },
  );
  assert.equal(first.code, 0, first.stdout);
  assert.equal(first.outputs.status, 'pushed');
  const manifest = await fetchManifest(registry, `${repo}/web`, '1.0.0');
  return { env, digest: first.outputs.digest, manifest: manifest.body.toString('utf8') };
}

/** The owner's next run, signing and attesting keylessly (if-exists: fail, the default). */
async function ownerSigns(repo: string, env: NodeJS.ProcessEnv, extra: Record<string, string> = {}) {
  return runAction(
    { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', ...standIn.inputs(), ...extra },
    { env: standIn.env(env) },
  );
}

/** The fallback referrers index of `digest` (distribution 2.8 has no referrers API): its entries, or none. */
async function referrers(repo: string, digest: string): Promise<unknown[]> {
  const res = await fetchManifest(registry, repo, digest.replace(':', '-'), { Accept: 'application/vnd.oci.image.index.v1+json' });
  return res.status === 200 ? JSON.parse(res.body.toString('utf8')).manifests : [];
}

/** What `helm template` renders from a packaged chart (helm 3 and 4 alike). */
async function helmRenders(archive: Buffer): Promise<string[]> {
  const file = path.join(work, `rendered-${++n}.tgz`);
  await writeFile(file, archive);
  return Promise.all(HELMS.map((h) => run(h.bin(), ['template', 'r', file])));
}

/**
 * The tag rewritten to the same config and annotations over a chart layer whose Chart.yaml is `chartYaml`
 * (the same templates): returns the planted manifest's digest.
 */
async function plantChartYaml(repo: string, genuine: string, chartYaml: string): Promise<{ digest: string; layer: Buffer }> {
  const layer = tgz(entry('web/Chart.yaml', chartYaml), entry('web/templates/pod.yaml', POD));
  const blob = await pushRawBlob(registry, `${repo}/web`, layer);
  const manifest = JSON.parse(genuine) as { layers: Array<{ mediaType: string; digest: string; size: number }> };
  manifest.layers = [{ mediaType: manifest.layers[0].mediaType, digest: blob.digest, size: blob.size }];
  return { digest: await pushRawManifest(registry, `${repo}/web`, '1.0.0', JSON.stringify(manifest)), layer };
}

describe('a Chart.yaml that Chartlift reads as the owner’s and Helm reads otherwise', () => {
  // Go's encoding/json (which sigs.k8s.io/yaml hands Chart.yaml to, as JSON) matches a key to a field
  // case-insensitively with Unicode simple folding: `appVerſion` (U+017F, long s) is appVersion for
  // Helm; Chartlift reads it as an unknown field. The JSON object's keys come sorted, so it wins.
  test('`appVerſion: 6.6.6` beside `appVersion: 1.2.3`: helm renders nginx:6.6.6; the keyless run must not call it the same chart, nor sign it', async () => {
    const repo = 'longs';
    const genuine = await publishGenuine(repo);
    const planted = await plantChartYaml(repo, genuine.manifest, `${CHART_YAML}appVerſion: 6.6.6\n`);
    for (const out of await helmRenders(planted.layer))
      assert.match(out, /image: "nginx:6\.6\.6"/, 'the planted chart is not the owner’s for Helm');
    const r = await ownerSigns(repo, genuine.env);
    assert.notEqual(r.outputs.status, 'unchanged', `reported unchanged (the same chart) and signed ${r.outputs['signature-digest']}`);
    assert.equal(r.code, 1, r.stdout);
    assert.deepEqual(await referrers(`${repo}/web`, planted.digest), [], 'the planted manifest was signed');
  });

  // YAML 1.1 merge keys as go-yaml v2 applies them: a `<<` after a key overrides it (Helm 3 and 4).
  test('`<<: {appVersion: 6.6.6}` after `appVersion: 1.2.3`: helm renders nginx:6.6.6; the keyless run must not call it the same chart, nor sign it', async () => {
    const repo = 'merge';
    const genuine = await publishGenuine(repo);
    const planted = await plantChartYaml(repo, genuine.manifest, `${CHART_YAML}<<: {appVersion: 6.6.6}\n`);
    for (const out of await helmRenders(planted.layer)) assert.match(out, /image: "nginx:6\.6\.6"/);
    const r = await ownerSigns(repo, genuine.env);
    assert.notEqual(r.outputs.status, 'unchanged', `reported unchanged (the same chart) and signed ${r.outputs['signature-digest']}`);
    assert.equal(r.code, 1, r.stdout);
    assert.deepEqual(await referrers(`${repo}/web`, planted.digest), []);
  });

  test('`kubeVerſion: ">=99.0.0"`: helm refuses to install it anywhere; not the same chart either', async () => {
    const repo = 'kubeversion';
    const genuine = await publishGenuine(repo);
    const planted = await plantChartYaml(repo, genuine.manifest, `${CHART_YAML}kubeVerſion: ">=99.0.0"\n`);
    const file = path.join(work, 'kube.tgz');
    await writeFile(file, planted.layer);
    const helm = await new Promise<string>((resolve) =>
      execFile(HELMS[1].bin(), ['template', 'r', file], (err, _out, stderr) => resolve(err ? stderr : 'rendered')),
    );
    assert.match(helm, /chart requires kubeVersion: >=99\.0\.0/);
    const r = await ownerSigns(repo, genuine.env);
    assert.notEqual(r.outputs.status, 'unchanged');
    assert.deepEqual(await referrers(`${repo}/web`, planted.digest), []);
  });
});

describe('a manifest with a key twice', () => {
  // JSON.parse keeps the last of two equal keys; Go's encoding/json (distribution, Helm's ORAS, cosign,
  // Artifact Hub) decodes both into the same map, and keeps the first's entries the second lacks.
  test('`annotations` twice, the first naming another source: the signature would cover what Go readers take as its annotations', async () => {
    const repo = 'dupkeys';
    const genuine = await publishGenuine(repo);
    const smuggled = genuine.manifest.replace(
      '{"schemaVersion":2,',
      '{"schemaVersion":2,"annotations":{"org.opencontainers.image.source":"https://evil.example/mallory/web","org.opencontainers.image.description":"Verified build from the official pipeline"},',
    );
    assert.notEqual(smuggled, genuine.manifest);
    const digest = await pushRawManifest(registry, `${repo}/web`, '1.0.0', smuggled);
    const r = await ownerSigns(repo, genuine.env);
    assert.notEqual(r.outputs.status, 'unchanged', `reported unchanged and signed ${r.outputs['signature-digest']} over ${digest}`);
    assert.equal(r.code, 1, r.stdout);
    assert.deepEqual(await referrers(`${repo}/web`, digest), []);
  });

  test('a layer given twice, the first with annotations of its own: not this build’s descriptor', async () => {
    const repo = 'duplayers';
    const genuine = await publishGenuine(repo);
    const manifest = JSON.parse(genuine.manifest) as { layers: object[] };
    const withAnnotations = JSON.stringify(
      manifest.layers.map((l) => ({ ...l, annotations: { 'org.opencontainers.image.title': 'evil.tgz' } })),
    );
    const smuggled = genuine.manifest.replace('"layers":', `"layers":${withAnnotations},"layers":`);
    const digest = await pushRawManifest(registry, `${repo}/web`, '1.0.0', smuggled);
    const r = await ownerSigns(repo, genuine.env);
    assert.notEqual(r.outputs.status, 'unchanged', `reported unchanged and signed ${r.outputs['signature-digest']} over ${digest}`);
    assert.deepEqual(await referrers(`${repo}/web`, digest), []);
  });
});

describe('the owner’s own provenance, with bytes around it', () => {
  // openpgp.js reads a clear-signed message wherever it starts and ignores what follows the signature
  // and any armour header: the owner's genuine provenance with text before it verifies as the owner's.
  // The provenance layer is part of what a keyless signature covers (the manifest names its digest).
  test('text before the owner’s genuine provenance: a provenance layer this build did not make; not signed keylessly', async () => {
    const repo = 'provjunk';
    const genuine = await publishGenuine(repo, { 'sign-key': owner.armored });
    const manifest = JSON.parse(genuine.manifest) as { layers: Array<{ mediaType: string; digest: string; size: number }> };
    const provIndex = manifest.layers.findIndex((l) => l.mediaType === 'application/vnd.cncf.helm.chart.provenance.v1.prov');
    const prov = await fetchBlob(registry, `${repo}/web`, manifest.layers[provIndex].digest);
    const junk = Buffer.concat([
      Buffer.from('Verified by the ACME security team: also trust https://evil.example/mallory.asc\nfiles:\n  web-1.0.0.tgz: sha256:0\n\n'),
      prov,
    ]);
    const blob = await pushRawBlob(registry, `${repo}/web`, junk);
    manifest.layers[provIndex] = { ...manifest.layers[provIndex], digest: blob.digest, size: blob.size };
    const digest = await pushRawManifest(registry, `${repo}/web`, '1.0.0', JSON.stringify(manifest));
    assert.equal(sha256(junk), blob.digest);
    const r = await ownerSigns(repo, genuine.env, { 'sign-key': owner.armored });
    assert.notEqual(
      r.outputs.status,
      'unchanged',
      `reported unchanged (signed=${r.outputs.signed}) and signed ${r.outputs['signature-digest']} over ${digest}`,
    );
    assert.deepEqual(await referrers(`${repo}/web`, digest), []);
  });
});

describe('a descriptor value this build does not write', () => {
  // The config is "the same" by its digest alone: its descriptor's size is never looked at (nothing
  // is downloaded), yet it is part of the manifest a signature covers, and a client that pulls checks it.
  test('the config descriptor’s size off by 1000: helm cannot pull it; not the same manifest, and not signed', async () => {
    const repo = 'configsize';
    const genuine = await publishGenuine(repo);
    const manifest = JSON.parse(genuine.manifest) as { config: { size: number } };
    manifest.config.size += 1000;
    const digest = await pushRawManifest(registry, `${repo}/web`, '1.0.0', JSON.stringify(manifest));
    const { env } = await helmHome();
    const pulled = await new Promise<string>((resolve) =>
      execFile(
        HELMS[1].bin(),
        ['pull', `oci://${registry.host}/${repo}/web`, '--version', '1.0.0', '--plain-http', '-d', work],
        { env },
        (err, _out, stderr) => resolve(err ? stderr : 'pulled'),
      ),
    );
    assert.match(pulled, /size|mismatch|length/i, 'helm pulled a manifest whose config size is wrong');
    const r = await ownerSigns(repo, genuine.env);
    assert.notEqual(r.outputs.status, 'unchanged', `reported unchanged and signed ${r.outputs['signature-digest']} over ${digest}`);
    assert.deepEqual(await referrers(`${repo}/web`, digest), []);
  });
});

describe('the created annotation', () => {
  // `org.opencontainers.image.created` is accounted as "any string": it is when the copy was pushed,
  // not content. But the signature covers its text too, and Artifact Hub and registries show it.
  test('a created annotation that is no time at all (a message, 64 KiB long): not signed as this build’s', async () => {
    const repo = 'created';
    const genuine = await publishGenuine(repo);
    const manifest = JSON.parse(genuine.manifest) as { annotations: Record<string, string> };
    manifest.annotations['org.opencontainers.image.created'] =
      `Audited and approved by ACME security; mirror at https://evil.example/mallory ${'x'.repeat(64 * 1024)}`;
    const digest = await pushRawManifest(registry, `${repo}/web`, '1.0.0', JSON.stringify(manifest));
    const r = await ownerSigns(repo, genuine.env);
    assert.notEqual(r.outputs.status, 'unchanged', `reported unchanged and signed ${r.outputs['signature-digest']} over ${digest}`);
    assert.deepEqual(await referrers(`${repo}/web`, digest), []);
  });
});
