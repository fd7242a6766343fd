import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { imageConfig, imageManifest, type ImageLayer } from '../../src/oci/appended-image.js';
import type { Descriptor } from '../../src/oci/digest.js';
import { Http } from '../../src/oci/http.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { KeylessSigner, verifyKeylessReferrer } from '../../src/release/keyless.js';
import { chainFromTrustedRoot, signatureLayer, type ClassicLayer } from '../../src/sign/keyless/cosign-classic.js';
import { signMessage } from '../../src/sign/keyless/sign.js';
import { simpleSigningPayload } from '../../src/sign/keyless/simple-signing.js';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../../src/sign/keyless/statement.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { GITHUB_ISSUER, WORKFLOW_SAN, startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';

// A `.sig` tag that a registry (or anyone able to write to it) fills with what it likes: a thousand
// junk layers, forged certificates naming this workflow, genuine layers of other charts copied in,
// more layers than cosign reads, a manifest of megabytes, an index. The step must read little, never
// miss a valid signature for it, never sign twice, and never write over what it cannot read.

const REPO = 'h/chart';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const SIMPLE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let reg: HostileRegistry;
let sigstore: SigstoreStandIn;
let other: SigstoreStandIn;
let client: RegistryClient;
let subject: Descriptor;
let tag: string;
let n = 0;

before(async () => {
  [reg, sigstore, other] = await Promise.all([startHostileRegistry(), startSigstore(), startSigstore()]);
});
after(async () => {
  await Promise.all([reg?.stop(), sigstore?.stop(), other?.stop()]);
});
beforeEach(() => {
  reg.override = undefined;
  reg.requests.length = 0;
  client = new RegistryClient(new Http({ timeoutMs: 2000 }), reg.host, { plainHttp: true, policy: retryPolicy(1, 2) });
  const planted = plantChart(reg, REPO, `1.0.${++n}`, Buffer.from(`{"name":"chart","n":${n}}`), Buffer.from(`chart ${n}`));
  subject = { mediaType: MANIFEST, digest: planted.digest, size: planted.manifest.length };
  tag = `sha256-${planted.digest.slice(7)}.sig`;
});

const ref = () => ({ registry: reg.host, repository: REPO, tag: `1.0.${n}` });

/** The step's signer, classic only, against the stand-in; what it logged and warned. */
function signer() {
  const lines: string[] = [];
  const warnings: string[] = [];
  const s = new KeylessSigner({
    kinds: ['signature'],
    format: 'classic',
    endpoints: async () => ({ fulcioURL: sigstore.fulcioURL, rekorURL: sigstore.rekorURL, tsaURL: sigstore.tsaURL }),
    identityToken: async () => sigstore.token(),
    identity: async () => ({ san: WORKFLOW_SAN, issuer: GITHUB_ISSUER }),
    trustedRoot: async () => sigstore.trustedRoot(),
    predicate: async () => ({}),
    log: (l) => lines.push(l),
    warn: (l) => warnings.push(l),
  });
  return { s, lines, warnings };
}

/** A signature layer over `digest`'s payload, made by `by` (another instance is a forgery here), its blob in the registry. */
async function layerBy(by: SigstoreStandIn, digest = subject.digest): Promise<ImageLayer> {
  const payload = simpleSigningPayload(reg.host, REPO, digest);
  const message = await signMessage(payload, {
    identityToken: async () => by.token(),
    fulcioURL: by.fulcioURL,
    rekorURL: by.rekorURL,
    tsaURL: by.tsaURL,
  });
  const l: ClassicLayer = await signatureLayer(message, payload, await chainFromTrustedRoot(message, by.trustedRoot()));
  reg.blobs.set(sha256(l.data), l.data);
  return { mediaType: l.mediaType, digest: sha256(l.data), size: l.data.length, annotations: l.annotations };
}

/** Writes the `.sig` tag with these layers, as cosign would (config included). */
function plantSig(layers: ImageLayer[]): Buffer {
  const config = imageConfig(layers);
  reg.blobs.set(sha256(config), config);
  const manifest = imageManifest(
    MANIFEST,
    { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
    layers,
  );
  reg.manifests.set(`${REPO}:${tag}`, manifest);
  reg.manifests.set(`${REPO}:${sha256(manifest)}`, manifest);
  return manifest;
}

/** Junk of every kind: foreign media types, missing or bogus annotations, certificates that are not, bundles that are not. */
function junk(count: number, real: ImageLayer): ImageLayer[] {
  const kinds: Array<(i: number) => Record<string, string> | undefined> = [
    () => undefined,
    () => ({ 'dev.cosignproject.cosign/signature': '!!not base64!!' }),
    () => ({ 'dev.cosignproject.cosign/signature': 'c2ln', 'dev.sigstore.cosign/certificate': 'not a certificate' }),
    (i) => ({ ...real.annotations!, 'dev.sigstore.cosign/bundle': `{"junk":${i}}` }),
    () => ({
      ...real.annotations!,
      'dev.sigstore.cosign/certificate': real.annotations!['dev.sigstore.cosign/certificate'].replace(/[A-Z]/, 'A'),
    }),
  ];
  return Array.from({ length: count }, (_, i) => ({
    mediaType: i % 7 === 0 ? 'application/x-junk' : SIMPLE,
    digest: sha256(randomBytes(8)),
    size: 250,
    ...(kinds[i % kinds.length](i) && { annotations: kinds[i % kinds.length](i) }),
  }));
}

const blobReads = () => reg.requests.filter((r) => r.method === 'GET' && /\/blobs\/sha256:/.test(r.url)).length;

describe('a hostile .sig tag', () => {
  test('a thousand layers of junk and forged certificates after the valid one: none is read, the valid one counts, nothing is signed', async () => {
    const valid = await layerBy(sigstore);
    const forged = await Promise.all(Array.from({ length: 20 }, () => layerBy(other)));
    plantSig([valid, ...junk(979, valid), ...forged]);
    reg.requests.length = 0;
    const calls = { ...sigstore.calls };
    const { s, lines } = signer();
    const [outcome] = await s.ensure(client, ref(), subject, false);
    assert.equal(outcome.made, false, lines.join('\n'));
    assert.equal(outcome.classic?.layer, 1);
    assert.deepEqual(sigstore.calls, calls, 'nothing signed');
    assert.equal(blobReads(), 1, 'only the valid layer is read');
    assert.equal(reg.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').length, 0, 'nothing written');
    // chart verify finds it too, and names it.
    const found = await verifyKeylessReferrer(client, REPO, subject.digest, {
      predicateType: COSIGN_SIGN_PREDICATE_TYPE,
      identity: WORKFLOW_SAN,
      issuer: GITHUB_ISSUER,
      trustedRoot: sigstore.trustedRoot(),
      format: 'classic',
    });
    assert.equal(found.referrer, `${tag} layer 1 of 1000`);
  });

  test('genuine layers of other charts copied in, newer than the valid one: each costs a read, none a verification; the valid one counts', async () => {
    const valid = await layerBy(sigstore);
    const copies = await Promise.all(Array.from({ length: 12 }, (_, i) => layerBy(sigstore, sha256(`another chart ${i}`))));
    plantSig([valid, ...copies]);
    reg.requests.length = 0;
    const calls = { ...sigstore.calls };
    const { s, lines } = signer();
    const [outcome] = await s.ensure(client, ref(), subject, false);
    assert.equal(outcome.made, false, lines.join('\n'));
    assert.deepEqual(sigstore.calls, calls);
    assert.equal(blobReads(), 13, 'each copy read once, then the valid one (more than the 8 verifications a search allows)');
  });

  test('forty copies: the search stops after 32 reads, and does not sign again: whether this identity signed is not known (said)', async () => {
    const valid = await layerBy(sigstore);
    const copies = await Promise.all(Array.from({ length: 40 }, (_, i) => layerBy(sigstore, sha256(`copy ${i}`))));
    plantSig([valid, ...copies]);
    reg.requests.length = 0;
    const calls = { ...sigstore.calls };
    const { s, warnings } = signer();
    const [outcome] = await s.ensure(client, ref(), subject, false);
    assert.equal(outcome.made, false);
    assert.ok(
      warnings.some((l) => /left unread \(at most 32 are read\), so whether this identity made one already is not known/.test(l)),
      warnings.join('\n'),
    );
    assert.equal(blobReads(), 32);
    assert.equal(sigstore.calls.fulcio - calls.fulcio, 0, 'no certificate');
    assert.equal(sigstore.calls.rekor - calls.rekor, 0, 'no entry');
    const after = JSON.parse(reg.manifests.get(`${REPO}:${tag}`)!.toString());
    assert.equal(after.layers.length, 41, 'the tag as it was');
  });

  for (const [name, plant, says] of [
    [
      'more than the 1000 layers cosign reads',
      async () => {
        const valid = await layerBy(sigstore);
        return plantSig([...junk(1000, valid), valid]);
      },
      /holds 1001 layers, more than the 1000 cosign reads/,
    ],
    [
      'an image index (another tool’s) at the tag',
      async () => {
        const index = Buffer.from(
          JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }),
        );
        reg.manifests.set(`${REPO}:${tag}`, index);
        return index;
      },
      /is not an image manifest \(its mediaType is "application\/vnd\.oci\.image\.index\.v1\+json"\)/,
    ],
    [
      'a manifest of 5 MiB',
      async () => {
        const huge = Buffer.alloc(5 * 1024 * 1024, 0x20);
        reg.override = (r, res) => {
          if (r.method !== 'GET' || !r.url.endsWith(`/manifests/${tag}`)) return false;
          res.writeHead(200, { 'content-type': MANIFEST, 'content-length': String(huge.length) });
          res.end(huge);
          return true;
        };
        return huge;
      },
      /larger than 4194304 bytes/,
    ],
  ] as const)
    test(`${name}: read no further than its bounds, nothing counts, not written over, nothing signed: the one form asked for cannot be stored, and the chart fails (a warning says why)`, async () => {
      const planted = await plant();
      reg.requests.length = 0;
      const calls = { ...sigstore.calls };
      const { s, warnings } = signer();
      await assert.rejects(s.ensure(client, ref(), subject, false), /could not be stored in the form asked for \(classic\)/);
      assert.deepEqual(sigstore.calls, calls, 'nothing signed');
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0], says);
      assert.match(warnings[0], /not made in cosign's classic layout/);
      assert.equal(blobReads(), 0);
      assert.equal(reg.requests.filter((r) => r.method === 'PUT').length, 0, 'not written');
      if (!reg.override) assert.deepEqual(reg.manifests.get(`${REPO}:${tag}`), planted);
    });
});
