import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Descriptor } from '../../src/oci/digest.js';
import { Http } from '../../src/oci/http.js';
import { attachReferrer, referrersTag } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { bundleArtifact, findValidBundle, verifyKeylessReferrer, type KeylessCheck } from '../../src/release/keyless.js';
import { signStatement, type SerializedBundle } from '../../src/sign/keyless/sign.js';
import {
  COSIGN_SIGN_PREDICATE_TYPE,
  SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
  SLSA_PROVENANCE_V1_PREDICATE_TYPE,
  provenanceStatement,
  signatureStatement,
} from '../../src/sign/keyless/statement.js';
import { verifyBundle } from '../../src/sign/keyless/verify.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { GITHUB_ISSUER, WORKFLOW_SAN, startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';

// A registry that answers the exactly-once check (and `chart verify`) with what it likes: thousands of
// referrers, referrer manifests that are not there, a bundle layer that claims or streams a GiB, a
// bundle valid for another digest or another predicate type, junk dated in the future ahead of the
// real signature, an answer that never comes. The check must end, read little, and never take
// something invalid for a signature.

const BUNDLE = SIGSTORE_BUNDLE_V03_MEDIA_TYPE;
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let reg: HostileRegistry;
let sigstore: SigstoreStandIn;
let client: RegistryClient;
let subject: Descriptor;
let n = 0;
const REPO = 'h/chart';

before(async () => {
  [reg, sigstore] = await Promise.all([startHostileRegistry(), startSigstore()]);
});
after(async () => {
  await Promise.all([reg?.stop(), sigstore?.stop()]);
});
beforeEach(() => {
  reg.override = undefined;
  reg.requests.length = 0;
  client = new RegistryClient(new Http({ timeoutMs: 2000 }), reg.host, { plainHttp: true, policy: retryPolicy(1, 2) });
  const planted = plantChart(reg, REPO, `1.0.${++n}`, Buffer.from(`{"name":"chart","n":${n}}`), Buffer.from(`chart ${n}`));
  subject = { mediaType: MANIFEST, digest: planted.digest, size: planted.manifest.length };
});

const endpoints = () => ({ fulcioURL: sigstore.fulcioURL, rekorURL: sigstore.rekorURL, tsaURL: sigstore.tsaURL });
const signature = (digest: string) =>
  signStatement(signatureStatement(digest), { identityToken: async () => sigstore.token(), ...endpoints() });

const check = (): KeylessCheck => ({
  predicateType: COSIGN_SIGN_PREDICATE_TYPE,
  identity: WORKFLOW_SAN,
  issuer: GITHUB_ISSUER,
  trustedRoot: sigstore.trustedRoot(),
});

/** What the step looks for: a signature of `digest` by the workflow. */
const expectation = (digest: string) => ({
  certificateIdentity: WORKFLOW_SAN,
  certificateIssuer: GITHUB_ISSUER,
  expectedSubjectDigest: digest,
  expectedPredicateType: COSIGN_SIGN_PREDICATE_TYPE,
});

/** The step's check of a candidate (trusted root given): what KeylessSigner hands findValidBundle. */
const stepCheck = (digest: string) => async (bundle: string) => {
  await verifyBundle(bundle, {
    trustedRoot: sigstore.trustedRoot(),
    certificateIdentity: WORKFLOW_SAN,
    certificateIssuer: GITHUB_ISSUER,
    expectedSubjectDigest: digest,
    expectedPredicateType: COSIGN_SIGN_PREDICATE_TYPE,
  });
};

function plantIndex(entries: object[]): void {
  reg.manifests.set(
    `${REPO}:${referrersTag(subject.digest)}`,
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: entries })),
  );
}

/** A referrer manifest whose one layer is `layer` (as described), planted with its entry for the index. */
function plantReferrer(layer: { digest: string; size: number }, created: string): object {
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST,
      artifactType: BUNDLE,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256('{}'), size: 2 },
      layers: [{ mediaType: BUNDLE, ...layer }],
      subject,
    }),
  );
  reg.manifests.set(`${REPO}:${sha256(manifest)}`, manifest);
  return {
    mediaType: MANIFEST,
    digest: sha256(manifest),
    size: manifest.length,
    artifactType: BUNDLE,
    annotations: { 'dev.sigstore.bundle.predicateType': COSIGN_SIGN_PREDICATE_TYPE, 'org.opencontainers.image.created': created },
  };
}

async function attach(bundle: SerializedBundle, predicateType = COSIGN_SIGN_PREDICATE_TYPE, at = new Date()): Promise<string> {
  const d = await attachReferrer(client, REPO, subject, bundleArtifact(bundle, predicateType, at), { settleMs: 0 });
  return d.digest;
}

const gets = (re: RegExp) => reg.requests.filter((r) => r.method === 'GET' && re.test(r.url)).length;

describe('the exactly-once check against a hostile registry', () => {
  test('10,000 referrers listed, none there: one listing read, 32 manifests asked for (no bundle verified), none counts', async () => {
    plantIndex(
      Array.from({ length: 10_000 }, (_, i) => ({
        mediaType: MANIFEST,
        digest: sha256(`missing ${i}`),
        size: 500,
        artifactType: BUNDLE,
        annotations: { 'org.opencontainers.image.created': `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z` },
      })),
    );
    const found = await findValidBundle(client, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, undefined);
    assert.equal(found.refused.length, 32);
    assert.match(found.refused[0], /not found/);
    assert.equal(gets(new RegExp(`/manifests/${referrersTag(subject.digest)}$`)), 1);
    assert.equal(gets(/\/manifests\/sha256:/), 32);
    assert.equal(gets(/\/blobs\//), 0);
  });

  test('a bundle layer that claims 1 GiB is not fetched; one that claims 1 KiB and streams without end is cut at 1 KiB', async (t) => {
    const big = plantReferrer({ digest: sha256('big'), size: 1 << 30 }, '2026-01-02T00:00:00Z');
    const endless = sha256('endless');
    const dripped = plantReferrer({ digest: endless, size: 1024 }, '2026-01-01T00:00:00Z');
    plantIndex([big, dripped]);
    let sent = 0;
    reg.override = (r, res) => {
      if (!r.url.endsWith(`/blobs/${endless}`)) return false;
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (!res.destroyed && sent < 1 << 30) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
      return true;
    };
    const found = await findValidBundle(client, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, undefined);
    assert.match(found.refused[0], /bundle is 1073741824 bytes, more than a bundle is/);
    assert.equal(gets(new RegExp(`/blobs/${sha256('big')}`)), 0);
    assert.equal(found.refused.length, 2, found.refused.join('\n'));
    assert.ok(sent < 64 << 20, `the registry got ${sent} bytes out before the client hung up`);
    t.diagnostic(`the endless blob: ${sent} bytes written by the registry before the client hung up`);
  });

  test('a valid bundle for another digest, and one of another predicate type dressed as a signature: neither counts', async () => {
    const other = `sha256:${'1'.repeat(64)}`;
    await attach(await signature(other));
    const provenance = await signStatement(provenanceStatement(`${reg.host}/${REPO}`, subject.digest, { buildDefinition: {} }), {
      identityToken: async () => sigstore.token(),
      ...endpoints(),
    });
    // Its annotation says "signature"; its statement says provenance.
    await attach(provenance, COSIGN_SIGN_PREDICATE_TYPE);
    const found = await findValidBundle(client, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, undefined, found.refused.join('\n'));
    assert.equal(found.refused.length, 2);
    assert.ok(found.refused.some((r) => /is for sha256:1{64}, not/.test(r)));
    assert.ok(found.refused.some((r) => /predicate type is https:\/\/slsa\.dev\/provenance\/v1/.test(r)));
    await assert.rejects(verifyKeylessReferrer(client, REPO, subject.digest, check()), /none of its 2 Sigstore bundles is a valid/);
    assert.ok(SLSA_PROVENANCE_V1_PREDICATE_TYPE);
  });

  test('a referrer manifest that never answers: the check ends (request timeout × tries) and the referrer does not count', async () => {
    const hung = plantReferrer({ digest: sha256('x'), size: 10 }, '2026-01-01T00:00:00Z');
    plantIndex([hung]);
    reg.override = (r) => r.url.endsWith(`/manifests/${(hung as { digest: string }).digest}`);
    const found = await findValidBundle(client, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, undefined);
    assert.equal(found.refused.length, 1);
    assert.match(found.refused[0], /does not count \(.*(time|answer)/i);
    assert.equal(gets(new RegExp(`/manifests/${(hung as { digest: string }).digest}$`)), 2, 'one try and one retry');
  });
});

describe('chart verify against a hostile registry', () => {
  test('eight junk referrers dated in the future do not hide a valid signature: a referrer that is no bundle costs a read, not a verification', async () => {
    const real = await attach(await signature(subject.digest));
    const entries = JSON.parse(reg.manifests.get(`${REPO}:${referrersTag(subject.digest)}`)!.toString()).manifests as object[];
    const junk = Array.from({ length: 8 }, (_, i) => plantReferrer({ digest: sha256(`junk ${i}`), size: 10 }, `9999-12-31T00:00:0${i}Z`));
    plantIndex([...entries, ...junk]);
    const verified = await verifyKeylessReferrer(client, REPO, subject.digest, check());
    assert.equal(verified.referrer, real);
  });
});

describe('the third round: junk, odd annotations and a registry that never answers', () => {
  /** A blob the registry holds, served by its digest. */
  const plantBlob = (data: Buffer): { digest: string; size: number } => {
    const digest = sha256(data);
    reg.blobs.set(digest, data);
    return { digest, size: data.length };
  };

  test('eight referrers whose bundle layer is there but is junk ({"junk":N}), dated 9999: each costs a read, and the valid signature is found', async () => {
    const real = await attach(await signature(subject.digest));
    const entries = JSON.parse(reg.manifests.get(`${REPO}:${referrersTag(subject.digest)}`)!.toString()).manifests as object[];
    const junk = Array.from({ length: 8 }, (_, i) => plantReferrer(plantBlob(Buffer.from(`{"junk":${i}}`)), `9999-12-31T00:00:0${i}Z`));
    plantIndex([...entries, ...junk]);
    const found = await findValidBundle(client, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, real, found.refused.join('\n'));
    assert.equal(found.refused.length, 8);
    assert.match(found.refused[0], /not a Sigstore bundle/);
    const verified = await verifyKeylessReferrer(client, REPO, subject.digest, check());
    assert.equal(verified.referrer, real);
  });

  test("ten valid bundles of other signers (another workflow's certificate), dated later: each costs a read, and ours is found", async () => {
    const real = await attach(await signature(subject.digest), COSIGN_SIGN_PREDICATE_TYPE, new Date('2026-01-01T00:00:00Z'));
    const others = await Promise.all(
      Array.from({ length: 10 }, () =>
        signStatement(signatureStatement(subject.digest), {
          identityToken: async () => sigstore.token({ job_workflow_ref: 'mallory/elsewhere/.github/workflows/x.yml@refs/heads/main' }),
          ...endpoints(),
        }),
      ),
    );
    for (const [i, b] of others.entries()) await attach(b, COSIGN_SIGN_PREDICATE_TYPE, new Date(Date.UTC(2027, 0, 1, 0, 0, i)));
    const found = await findValidBundle(client, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, real, found.refused.join('\n'));
    assert.equal(found.refused.length, 10);
    assert.match(found.refused[0], /identity is not .* \(it is https:\/\/github\.com\/mallory/);
  });

  test('a referrer entry whose created annotation is a number (or whose annotations are not a map): no crash, and the valid signature is found', async () => {
    const real = await attach(await signature(subject.digest));
    const entries = JSON.parse(reg.manifests.get(`${REPO}:${referrersTag(subject.digest)}`)!.toString()).manifests as object[];
    const odd = plantReferrer(plantBlob(Buffer.from('{"junk":"odd"}')), '2026-01-01T00:00:00Z') as { annotations: Record<string, unknown> };
    odd.annotations['org.opencontainers.image.created'] = 20261231;
    const notAMap = { ...(plantReferrer(plantBlob(Buffer.from('{"junk":"map"}')), 'x') as object), annotations: 'created today' };
    plantIndex([odd, notAMap, ...entries]);
    const found = await findValidBundle(client, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, real, found.refused.join('\n'));
    const verified = await verifyKeylessReferrer(client, REPO, subject.digest, check());
    assert.equal(verified.referrer, real);
  });

  test('32 referrers listed, none ever answered, with a 1 s timeout and one retry: the look ends within that operation, not 32 of them', async () => {
    const quick = new RegistryClient(new Http({ timeoutMs: 1000 }), reg.host, { plainHttp: true, policy: retryPolicy(1, 1) });
    plantIndex(
      Array.from({ length: 32 }, (_, i) =>
        plantReferrer(plantBlob(Buffer.from(`{"slow":${i}}`)), `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`),
      ),
    );
    reg.override = (r) => r.method === 'GET' && /\/manifests\/sha256:/.test(r.url); // never answered
    const found = await findValidBundle(quick, REPO, expectation(subject.digest), stepCheck(subject.digest));
    assert.equal(found.digest, undefined);
    assert.match(found.stopped ?? '', /time to look for one ran out/);
    assert.ok(found.unread > 0, `${found.checked} read, ${found.unread} unread`);
    assert.ok(gets(/\/manifests\/sha256:/) <= 4, `${gets(/\/manifests\/sha256:/)} referrer manifests asked for`);
  });
});
