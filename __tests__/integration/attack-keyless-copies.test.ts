import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { helmHome } from '../helpers/helm-env.js';
import { fetchBlob, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { startKeylessStandIn, WORKFLOW, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { tempDir } from '../helpers/temp.js';

// A chart and its referrers copied to another repository (a mirror, `oras cp -r`, `cosign copy`): a
// signature names only the manifest's digest (cosign's classic payload names the repository too, but
// no verifier compares it), and is still the workflow's there; an attestation names the repository
// it was made in, and is not the copy's, in either form. Neither the exactly-once check nor `chart verify` may count
// acme's attestation for other/web.

let registry: Registry;
let standIn: KeylessStandIn;
let work: string;

before(async () => {
  work = await tempDir('chartlift-copies-');
  [registry, standIn] = await Promise.all([startRegistry(), startKeylessStandIn(work)]);
});
after(async () => {
  await Promise.all([registry?.stop(), standIn?.stop()]);
});

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** Copies a manifest (by tag or digest) and its blobs from one repository to another, as a mirroring tool does. */
async function copyManifest(from: string, to: string, reference: string, accept = MANIFEST): Promise<Record<string, unknown>> {
  const got = await fetchManifest(registry, from, reference, { Accept: accept });
  assert.equal(got.status, 200, `${from}:${reference}`);
  const manifest = JSON.parse(got.body.toString('utf8'));
  for (const d of [manifest.config, ...(manifest.layers ?? [])].filter(Boolean)) {
    const data = await fetchBlob(registry, from, d.digest);
    const session = await fetch(`${registry.url}/v2/${to}/blobs/uploads/`, { method: 'POST' });
    assert.equal(session.status, 202);
    const at = new URL(session.headers.get('location')!, registry.url);
    at.searchParams.set('digest', d.digest);
    const up = await fetch(at, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: data });
    assert.equal(up.status, 201);
  }
  const put = await fetch(`${registry.url}/v2/${to}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': manifest.mediaType ?? MANIFEST },
    body: got.body,
  });
  assert.equal(put.status, 201);
  return manifest;
}

const verifyArgs = (ref: string, type?: string) => [
  'chart',
  'verify',
  ref,
  '--plain-http',
  '--certificate-identity',
  `https://github.com/${WORKFLOW}`,
  '--certificate-oidc-issuer',
  'https://token.actions.githubusercontent.com',
  '--trusted-root',
  standIn.rootFile,
  ...(type ? ['--type', type] : []),
];

describe('a chart and its referrers copied to another repository', () => {
  test("the signature still counts there; acme's attestation does not: chart verify refuses it, and the step attests the copy anew", async () => {
    const { env } = await helmHome();
    const chartDir = await tree(path.join(work, 'web'), {
      'Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: a mirrored chart\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
    });
    const inputs = (repo: string) => ({
      chart: chartDir,
      ref: `oci://${registry.host}/${repo}`,
      'plain-http': 'true',
      ...standIn.inputs(),
    });
    const first = await runAction(inputs('acme'), { env: standIn.env(env) });
    assert.equal(first.code, 0, first.stdout);
    const digest = first.outputs.digest;

    // The copy: the chart by its tag, the fallback referrers index, and each referrer by its digest.
    await copyManifest('acme/web', 'other/web', '1.0.0');
    // (The referrers first: distribution stores an index only once the manifests it lists are there.)
    const listed = await fetchManifest(registry, 'acme/web', digest.replace(':', '-'), { Accept: INDEX });
    for (const entry of JSON.parse(listed.body.toString('utf8')).manifests as Array<{ digest: string }>)
      await copyManifest('acme/web', 'other/web', entry.digest);
    await copyManifest('acme/web', 'other/web', digest.replace(':', '-'), INDEX);
    // And cosign's classic tags, as `cosign copy` copies them.
    for (const suffix of ['sig', 'att']) await copyManifest('acme/web', 'other/web', `${digest.replace(':', '-')}.${suffix}`);

    const signature = await cli(verifyArgs(`${registry.host}/other/web:1.0.0`), { env });
    assert.equal(signature.code, 0, signature.stderr);
    const attestation = await cli(verifyArgs(`${registry.host}/other/web:1.0.0`, 'slsaprovenance'), { env });
    assert.equal(attestation.code, 1, attestation.stdout);
    assert.match(attestation.stderr, new RegExp(`names "${registry.host}/acme/web", not ${registry.host}/other/web`));

    const before = standIn.sigstore.calls.fulcio;
    const copy = await runAction(inputs('other'), { env: standIn.env(env) });
    assert.equal(copy.code, 0, copy.stdout);
    assert.equal(copy.outputs.status, 'unchanged');
    assert.equal(copy.outputs['signature-digest'], first.outputs['signature-digest'], 'the copied signature is kept');
    assert.notEqual(copy.outputs['attestation-digest'], first.outputs['attestation-digest'], 'the copy is attested for itself');
    assert.equal(standIn.sigstore.calls.fulcio - before, 1, 'one certificate: for the attestation only');
    const now = await cli(verifyArgs(`${registry.host}/other/web:1.0.0`, 'slsaprovenance'), { env });
    assert.equal(now.code, 0, now.stderr);

    // Again: nothing more is made (exactly once, in each repository).
    const again = await runAction(inputs('other'), { env: standIn.env(env) });
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.outputs['attestation-digest'], copy.outputs['attestation-digest']);
    assert.equal(standIn.sigstore.calls.fulcio - before, 1);
  });
});
