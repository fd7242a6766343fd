import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { describe as descriptorOf, type Descriptor } from '../../src/oci/digest.js';
import { Http } from '../../src/oci/http.js';
import { attachReferrer, EMPTY_CONFIG, listReferrers, referrersTag } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { run } from '../helpers/exec.js';
import { startReferrersFront, type ReferrersFront } from '../helpers/referrers-front.js';
import { startRegistry, type Registry } from '../helpers/registry.js';

// OCI 1.1 referrers on distribution 2.8 (no referrers API: the `sha256-<hex>` fallback index) and
// through a front that serves the API, read back with skopeo and plain HTTP as well as the library.
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SBOM = 'application/vnd.example.sbom.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const INDEX = 'application/vnd.oci.image.index.v1+json';

let registry: Registry;
let front: ReferrersFront;
const http = new Http();

before(async () => {
  registry = await startRegistry();
  front = await startReferrersFront(registry.host);
});
after(async () => {
  await front?.stop();
  await registry?.stop();
});

/** A small manifest to refer to, pushed as a chart would be. */
async function pushSubject(client: RegistryClient, repository: string, seed: string): Promise<Descriptor> {
  const config = Buffer.from(JSON.stringify({ name: seed, version: '1.0.0' }));
  const layer = Buffer.from(`chart ${seed}`);
  const c = descriptorOf('application/vnd.cncf.helm.config.v1+json', config);
  const l = descriptorOf('application/vnd.cncf.helm.chart.content.v1.tar+gzip', layer);
  await client.uploadBlob(repository, c, config);
  await client.uploadBlob(repository, l, layer);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config: c, layers: [l] }));
  await client.pushManifest(repository, '1.0.0', manifest, MANIFEST);
  return descriptorOf(MANIFEST, manifest);
}

const artifact = (artifactType: string, text: string) => ({
  artifactType,
  layers: [{ mediaType: artifactType, data: Buffer.from(JSON.stringify({ text })) }],
  annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': `https://example.test/${text}` },
});

async function skopeoRaw(host: string, ref: string): Promise<unknown> {
  const out = await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${host}/${ref}`]);
  return JSON.parse(out) as unknown;
}

describe('referrers on distribution 2.8 (no referrers API): the fallback index', () => {
  test('two referrers of different artifactTypes: in the sha256-<hex> index skopeo reads, listed all and by type', async () => {
    const client = new RegistryClient(http, registry.host, { plainHttp: true });
    const subject = await pushSubject(client, 'ref/plain', 'plain');
    const lines: string[] = [];
    const sig = await attachReferrer(client, 'ref/plain', subject, artifact(BUNDLE, 'signature'), { log: (l) => lines.push(l) });
    const sbom = await attachReferrer(client, 'ref/plain', subject, artifact(SBOM, 'sbom'));
    assert.match(lines.join('\n'), /added to the fallback index sha256-/);

    const api = await fetch(`${registry.url}/v2/ref/plain/referrers/${subject.digest}`);
    assert.equal(api.status, 404, 'distribution 2.8 has no referrers API');

    const index = (await skopeoRaw(registry.host, `ref/plain:${referrersTag(subject.digest)}`)) as {
      mediaType: string;
      manifests: { digest: string; artifactType: string; annotations: Record<string, string>; mediaType: string; size: number }[];
    };
    assert.equal(index.mediaType, INDEX);
    assert.deepEqual(
      index.manifests.map((m) => [m.digest, m.artifactType, m.mediaType, m.size]),
      [
        [sig.digest, BUNDLE, MANIFEST, sig.size],
        [sbom.digest, SBOM, MANIFEST, sbom.size],
      ],
    );
    assert.equal(index.manifests[0].annotations['dev.sigstore.bundle.predicateType'], 'https://example.test/signature');

    const manifest = (await skopeoRaw(registry.host, `ref/plain@${sig.digest}`)) as Record<string, unknown>;
    assert.equal(manifest.artifactType, BUNDLE);
    assert.deepEqual(manifest.config, EMPTY_CONFIG);
    assert.deepEqual(manifest.subject, { mediaType: MANIFEST, digest: subject.digest, size: subject.size });
    assert.deepEqual(manifest.annotations, artifact(BUNDLE, 'signature').annotations);
    const empty = await fetch(`${registry.url}/v2/ref/plain/blobs/${EMPTY_CONFIG.digest}`);
    assert.equal(await empty.text(), '{}');

    assert.deepEqual(
      (await listReferrers(client, 'ref/plain', subject)).map((d) => d.digest),
      [sig.digest, sbom.digest],
    );
    assert.deepEqual(
      (await listReferrers(client, 'ref/plain', subject, BUNDLE)).map((d) => d.digest),
      [sig.digest],
    );
    assert.deepEqual(
      (await listReferrers(client, 'ref/plain', subject.digest, SBOM)).map((d) => [d.digest, d.artifactType]),
      [[sbom.digest, SBOM]],
    );
    assert.deepEqual(await listReferrers(client, 'ref/plain', subject, 'application/vnd.none'), []);
  });

  test('attaching the same referrer again adds no second entry', async () => {
    const client = new RegistryClient(http, registry.host, { plainHttp: true });
    const subject = await pushSubject(client, 'ref/again', 'again');
    const first = await attachReferrer(client, 'ref/again', subject, artifact(BUNDLE, 'same'));
    const second = await attachReferrer(client, 'ref/again', subject, artifact(BUNDLE, 'same'));
    assert.equal(second.digest, first.digest);
    assert.deepEqual(
      (await listReferrers(client, 'ref/again', subject)).map((d) => d.digest),
      [first.digest],
    );
  });

  test('two signers attaching at once, 10 rounds: both referrers are always in the fallback index', async () => {
    for (let round = 0; round < 10; round++) {
      const a = new RegistryClient(new Http(), registry.host, { plainHttp: true });
      const b = new RegistryClient(new Http(), registry.host, { plainHttp: true });
      const subject = await pushSubject(a, 'ref/race', `race-${round}`);
      const [x, y] = await Promise.all([
        attachReferrer(a, 'ref/race', subject, artifact(BUNDLE, `a-${round}`)),
        attachReferrer(b, 'ref/race', subject, artifact(BUNDLE, `b-${round}`)),
      ]);
      const res = await fetch(`${registry.url}/v2/ref/race/manifests/${referrersTag(subject.digest)}`, { headers: { accept: INDEX } });
      const index = (await res.json()) as { manifests: { digest: string }[] };
      assert.deepEqual(
        index.manifests.map((m) => m.digest).sort(),
        [x.digest, y.digest].sort(),
        `round ${round + 1}: the index holds ${index.manifests.length} referrer(s)`,
      );
    }
  });

  test('listing where the registry has no referrers API: the API is asked first, its 404 sends the listing to the tag', async () => {
    const plain = new RegistryClient(http, registry.host, { plainHttp: true });
    const subject = await pushSubject(plain, 'ref/old', 'old');
    const sig = await attachReferrer(plain, 'ref/old', subject, artifact(BUNDLE, 'old'));
    // Listed through a pass-through front, which records each request as it comes (the registry's
    // own access log arrives later).
    const passing = await startReferrersFront(registry.host, { api: false });
    try {
      const client = new RegistryClient(http, passing.host, { plainHttp: true });
      assert.deepEqual(
        (await listReferrers(client, 'ref/old', subject)).map((d) => d.digest),
        [sig.digest],
      );
      assert.deepEqual(passing.requests, [
        `GET /v2/ref/old/referrers/${subject.digest}`,
        `GET /v2/ref/old/manifests/${referrersTag(subject.digest)}`,
      ]);
    } finally {
      await passing.stop();
    }
  });
});

describe('referrers through a registry that serves the referrers API', () => {
  test('OCI-Subject on the PUT: no fallback index is written; both referrers listed through the API, all and by type', async () => {
    const client = new RegistryClient(http, front.host, { plainHttp: true });
    const subject = await pushSubject(client, 'ref/api', 'api');
    const start = front.requests.length;
    const lines: string[] = [];
    const sig = await attachReferrer(client, 'ref/api', subject, artifact(BUNDLE, 'signature'), { log: (l) => lines.push(l) });
    const sbom = await attachReferrer(client, 'ref/api', subject, artifact(SBOM, 'sbom'));
    assert.match(lines.join('\n'), /indexed by the registry's referrers API/);
    const tag = referrersTag(subject.digest);
    assert.deepEqual(
      front.requests.slice(start).filter((r) => r.includes(tag)),
      [],
    );
    const probe = await fetch(`${registry.url}/v2/ref/api/manifests/${tag}`, { headers: { accept: INDEX } });
    assert.equal(probe.status, 404, 'no fallback tag');

    const listed = await listReferrers(client, 'ref/api', subject);
    assert.deepEqual(
      listed.map((d) => [d.digest, d.artifactType]),
      [
        [sig.digest, BUNDLE],
        [sbom.digest, SBOM],
      ],
    );
    assert.equal(listed[0].annotations?.['dev.sigstore.bundle.content'], 'dsse-envelope');
    const mark = front.requests.length;
    assert.deepEqual(
      (await listReferrers(client, 'ref/api', subject, SBOM)).map((d) => d.digest),
      [sbom.digest],
    );
    assert.deepEqual(front.requests.slice(mark), [`GET /v2/ref/api/referrers/${subject.digest}`]);
  });
});

describe('a registry that answers OCI-Subject but has no referrers API (AWS ECR, as @sigstore/oci describes it)', () => {
  test('the fallback index is written all the same, and the listing finds the referrer there', async () => {
    const ecr = await startReferrersFront(registry.host, { api: false });
    try {
      const client = new RegistryClient(http, ecr.host, { plainHttp: true });
      const subject = await pushSubject(client, 'ref/ecr', 'ecr');
      const lines: string[] = [];
      const sig = await attachReferrer(client, 'ref/ecr', subject, artifact(BUNDLE, 'ecr'), { log: (l) => lines.push(l) });
      assert.match(lines.join('\n'), /added to the fallback index/);
      const index = (await skopeoRaw(registry.host, `ref/ecr:${referrersTag(subject.digest)}`)) as { manifests: { digest: string }[] };
      assert.deepEqual(
        index.manifests.map((m) => m.digest),
        [sig.digest],
      );
      assert.deepEqual(
        (await listReferrers(client, 'ref/ecr', subject)).map((d) => d.digest),
        [sig.digest],
      );
    } finally {
      await ecr.stop();
    }
  });
});
