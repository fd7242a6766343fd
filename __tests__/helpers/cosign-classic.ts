import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify, X509Certificate } from 'node:crypto';
import { json, pem, RFC3161Timestamp, X509Certificate as SigstoreCertificate } from '@sigstore/core';
import { fetchBlob, fetchManifest, type Registry } from './registry.js';

/**
 * cosign 2's classic verification, repeated step by step with node:crypto (and @sigstore/core only to
 * read an extension, a timestamp and the RFC 8785 form), independently of Chartlift's own code: what
 * `cosign verify` / `cosign verify-attestation` (sigstore/cosign pkg/cosign/verify.go `verifyInternal`,
 * `VerifyBundle`, `VerifySET`, `CheckExpiry`; pkg/cosign/verifiers.go), Kyverno (type Cosign), Flux
 * source-controller < 1.8 and Ratify 1.4 do with a `sha256-<hex>.sig` / `.att` layer. Each step is an
 * assertion naming the step; a layer that passes every one is returned with what it showed.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- registry JSON, walked field by field, each asserted
type Json = any;

export const COSIGN = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
};
export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const DSSE_ENVELOPE = 'application/vnd.dsse.envelope.v1+json';
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';

export interface Expect {
  /** The registry's host as the chart's reference names it, and the repository. */
  host: string;
  repository: string;
  /** The chart's manifest digest. */
  digest: string;
  san: string;
  issuer: string;
  trustedRoot: Json;
}

const sha256hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** The PEM blocks of a text, each as DER. */
function pemBlocks(text: string, type = 'CERTIFICATE'): Buffer[] {
  return [...text.matchAll(new RegExp(`-----BEGIN ${type}-----\\n([\\s\\S]*?)-----END ${type}-----\\n?`, 'g'))].map((m) =>
    Buffer.from(m[1].replace(/\s+/g, ''), 'base64'),
  );
}

/** Step 1: the tag's manifest and config, as cosign (go-containerregistry) wrote them. */
export async function readClassicTag(registry: Registry, e: Expect, suffix: 'sig' | 'att'): Promise<{ manifest: Json; config: Buffer }> {
  const tag = `sha256-${e.digest.slice('sha256:'.length)}.${suffix}`;
  const res = await fetchManifest(registry, e.repository, tag);
  assert.equal(res.status, 200, `step 1: no tag ${tag}`);
  const manifest = JSON.parse(res.body.toString('utf8'));
  assert.equal(manifest.mediaType, 'application/vnd.oci.image.manifest.v1+json', 'step 1: an OCI image manifest (Ratify requires it)');
  assert.equal(manifest.config.mediaType, 'application/vnd.oci.image.config.v1+json', 'step 1: an OCI image config');
  assert.ok(manifest.layers.length >= 1 && manifest.layers.length <= 1000, 'step 1: at most the 1000 layers cosign reads');
  const config = await fetchBlob(registry, e.repository, manifest.config.digest);
  const zero = '0001-01-01T00:00:00Z';
  const goConfig = JSON.stringify({
    architecture: '',
    created: zero,
    history: manifest.layers.map(() => ({ created: zero })),
    os: '',
    rootfs: { type: 'layers', diff_ids: manifest.layers.map((l: Json) => l.digest) },
    config: {},
  });
  assert.equal(config.toString('utf8'), goConfig, "step 1: the config is go-containerregistry's (one diff_id and history entry per layer)");
  // The manifest's own bytes as go-containerregistry marshals them (field order; annotations' keys sorted).
  const goManifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: manifest.mediaType,
    config: { mediaType: manifest.config.mediaType, size: manifest.config.size, digest: manifest.config.digest },
    layers: manifest.layers.map((l: Json) => ({
      mediaType: l.mediaType,
      size: l.size,
      digest: l.digest,
      annotations: Object.fromEntries(Object.entries(l.annotations).sort(([a], [b]) => (a < b ? -1 : 1))),
    })),
  });
  assert.equal(res.body.toString('utf8'), goManifest, "step 1: the manifest's bytes are go-containerregistry's");
  return { manifest, config };
}

export interface VerifiedLayer {
  layer: Json;
  data: Buffer;
  leaf: X509Certificate;
  chain: X509Certificate[];
  integratedTime: number;
  entry: Json;
  statement?: Json;
}

/** Steps 2–11 on one layer of `.sig` (kind signature) or `.att` (kind attestation). */
export async function verifyClassicLayer(
  registry: Registry,
  e: Expect,
  kind: 'signature' | 'attestation',
  layer: Json,
  predicateType?: string,
): Promise<VerifiedLayer> {
  const a = layer.annotations as Record<string, string>;
  // 2. The layer: its media type, its bytes (their digest), the signature annotation as cosign reads it.
  assert.equal(layer.mediaType, kind === 'signature' ? SIMPLE_SIGNING : DSSE_ENVELOPE, 'step 2: layer media type');
  const data = await fetchBlob(registry, e.repository, layer.digest);
  assert.equal(`sha256:${sha256hex(data)}`, layer.digest, 'step 2: the layer is what its digest says');
  assert.equal(data.length, layer.size, 'step 2: size');
  assert.ok(COSIGN.signature in a, `step 2: the ${COSIGN.signature} annotation is present (cosign refuses a layer without it)`);
  let statement: Json;
  let signature: Buffer;
  if (kind === 'signature') {
    assert.ok(a[COSIGN.signature].length > 0);
    assert.equal(Buffer.from(a[COSIGN.signature], 'base64').toString('base64'), a[COSIGN.signature], 'step 2: padded standard base64');
    signature = Buffer.from(a[COSIGN.signature], 'base64');
    // 3. The payload: cosign's simple signing, byte for byte, naming the chart's manifest digest.
    const expected = JSON.stringify({
      critical: {
        identity: { 'docker-reference': `${e.host}/${e.repository}` },
        image: { 'docker-manifest-digest': e.digest },
        type: 'cosign container image signature',
      },
      optional: null,
    });
    assert.equal(data.toString('utf8'), expected, 'step 3: the payload is the one cosign signs for this repository and digest');
  } else {
    assert.equal(a[COSIGN.signature], '', 'step 2: an attestation carries the signature annotation, empty');
    assert.equal(a.predicateType, predicateType, 'step 2: the predicateType annotation');
    const envelope = JSON.parse(data.toString('utf8'));
    assert.deepEqual(Object.keys(envelope), ['payload', 'payloadType', 'signatures']);
    assert.equal(envelope.payloadType, 'application/vnd.in-toto+json', 'step 3: an in-toto statement');
    assert.equal(envelope.signatures.length, 1);
    signature = Buffer.from(envelope.signatures[0].sig, 'base64');
    statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    assert.equal(statement.predicateType, predicateType, "step 3: the statement's predicate type");
    assert.ok(
      statement.subject.some((s: Json) => s.digest.sha256 === e.digest.slice('sha256:'.length)),
      "step 3: a subject is the chart's manifest digest (IntotoSubjectClaimVerifier)",
    );
  }

  // 4. The certificate (one PEM block, Go's 64-column form) and its chain (intermediates, then a root of the trusted root).
  const leafDer = pemBlocks(a[COSIGN.certificate]);
  assert.equal(leafDer.length, 1, 'step 4: one certificate');
  assert.equal(a[COSIGN.certificate], pem.fromDER(leafDer[0]), 'step 4: PEM in 64-column lines, as Fulcio and Go write it');
  const leaf = new X509Certificate(leafDer[0]);
  assert.ok(
    a[COSIGN.chain],
    'step 4: a chain annotation (Ratify reads no certificate without one; Kyverno takes its intermediates from it)',
  );
  const chainDer = pemBlocks(a[COSIGN.chain]);
  assert.ok(chainDer.length >= 1, 'step 4: at least one certificate in the chain');
  const chain = chainDer.map((d) => new X509Certificate(d));
  const roots = (e.trustedRoot.certificateAuthorities as Json[]).map(
    (ca) => new X509Certificate(Buffer.from(ca.certChain.certificates.at(-1).rawBytes, 'base64')),
  );
  assert.ok(
    roots.some((r) => r.raw.equals(chain.at(-1)!.raw)),
    "step 4: the chain's last certificate is a root of the trusted root",
  );
  // The leaf was issued by chain[0], each certificate by the next, the last is self-signed.
  for (const [child, parent] of [leaf, ...chain].map((c, i, all) => [c, all[i + 1] ?? c] as const)) {
    assert.ok(child.checkIssued(parent), `step 4: ${child.subject} is issued by ${parent.subject}`);
    assert.ok(child.verify(parent.publicKey), `step 4: ${child.subject}'s signature verifies with its issuer's key`);
  }
  assert.ok(leaf.keyUsage?.includes('1.3.6.1.5.5.7.3.3'), 'step 4: extended key usage codeSigning');

  // 5. The bundle annotation: Go's json.Marshal of cosign's RekorBundle, keys as cosign writes them.
  const bundle = JSON.parse(a[COSIGN.bundle]);
  assert.deepEqual(Object.keys(bundle), ['SignedEntryTimestamp', 'Payload'], 'step 5: the bundle annotation');
  assert.deepEqual(Object.keys(bundle.Payload), ['body', 'integratedTime', 'logIndex', 'logID'], 'step 5: its payload');
  assert.equal(typeof bundle.Payload.body, 'string', 'step 5: the body is a string (VerifyBundle refuses anything else)');
  assert.ok(Number.isSafeInteger(bundle.Payload.integratedTime) && Number.isSafeInteger(bundle.Payload.logIndex), 'step 5: integers');
  assert.match(bundle.Payload.logID, /^[0-9a-f]{64}$/, 'step 5: logID in hex');

  // 6. The entry: the kind cosign expects, its signature, key (by DER) and hash (of the layer bytes).
  const body = Buffer.from(bundle.Payload.body, 'base64');
  const entry = JSON.parse(body.toString('utf8'));
  assert.equal(json.canonicalize(entry), body.toString('utf8'), 'step 6: the body is in RFC 8785 canonical form, as Rekor stores it');
  assert.equal(entry.apiVersion, '0.0.1');
  let keyPem: string;
  if (kind === 'signature') {
    assert.equal(entry.kind, 'hashedrekord', 'step 6: a hashedrekord entry');
    assert.equal(entry.spec.signature.content, a[COSIGN.signature], "step 6: compareSigs: the entry's signature is the annotation");
    keyPem = Buffer.from(entry.spec.signature.publicKey.content, 'base64').toString('utf8');
    assert.deepEqual(entry.spec.data, { hash: { algorithm: 'sha256', value: sha256hex(data) } }, 'step 6: bundleHash: sha256 of the layer');
  } else {
    assert.equal(entry.kind, 'dsse', 'step 6: a dsse entry');
    assert.equal(entry.spec.signatures.length, 1, 'step 6: one signature');
    assert.equal(entry.spec.signatures[0].signature, signature.toString('base64'));
    keyPem = Buffer.from(entry.spec.signatures[0].verifier, 'base64').toString('utf8');
    assert.deepEqual(
      entry.spec.envelopeHash,
      { algorithm: 'sha256', value: sha256hex(data) },
      'step 6: bundleHash: envelopeHash is the layer',
    );
    assert.deepEqual(entry.spec.payloadHash, {
      algorithm: 'sha256',
      value: sha256hex(Buffer.from(JSON.parse(data.toString('utf8')).payload, 'base64')),
    });
  }
  const keyDer = pemBlocks(keyPem);
  assert.equal(keyDer.length, 1, 'step 6: comparePublicKey: one PEM block, nothing after it');
  assert.ok(keyDer[0].equals(leafDer[0]), "step 6: comparePublicKey: the entry's certificate is the layer's (DER)");
  assert.equal(keyPem, pem.fromDER(keyDer[0]), 'step 6: the entry holds the certificate as Rekor stores it (Go PEM, 64 columns)');

  // 7. The SET: Rekor's signature over the RFC 8785 form of the payload, with the log whose key ID is logID.
  const tlog = (e.trustedRoot.tlogs as Json[]).find((t) => Buffer.from(t.logId.keyId, 'base64').toString('hex') === bundle.Payload.logID);
  assert.ok(tlog, 'step 7: logID names a log of the trusted root');
  const rekorKey = createPublicKey({ key: Buffer.from(tlog.publicKey.rawBytes, 'base64'), format: 'der', type: 'spki' });
  assert.equal(
    sha256hex(Buffer.from(tlog.publicKey.rawBytes, 'base64')),
    bundle.Payload.logID,
    "step 7: logID is the sha256 of the log's key",
  );
  const signed = json.canonicalize(bundle.Payload);
  assert.ok(signed.startsWith('{"body":') && signed.indexOf('"logID"') < signed.indexOf('"logIndex"'), 'step 7: canonical key order');
  assert.ok(
    verify('sha256', Buffer.from(signed), rekorKey, Buffer.from(bundle.SignedEntryTimestamp, 'base64')),
    "step 7: the SET verifies with Rekor's key over the canonical entry",
  );
  assert.ok(bundle.Payload.integratedTime * 1000 >= Date.parse(tlog.publicKey.validFor.start), "step 7: inside the log key's validity");

  // 8. The identity: SAN and the issuer from OID 1.3.6.1.4.1.57264.1.1 (the one cosign reads).
  assert.equal(leaf.subjectAltName, `URI:${e.san}`, 'step 8: the SAN is the expected identity');
  const issuer = SigstoreCertificate.parse(leafDer[0] as Buffer<ArrayBuffer>)
    .extension(OID_ISSUER_V1)
    ?.value.toString('ascii');
  assert.equal(issuer, e.issuer, 'step 8: the issuer (1.3.6.1.4.1.57264.1.1) is the expected one');

  // 9. The signature covers the payload (a signature: the layer; an attestation: DSSE's PAE of the statement).
  if (kind === 'signature') assert.ok(verify('sha256', data, leaf.publicKey, signature), 'step 9: the signature covers the payload');
  else {
    const envelope = JSON.parse(data.toString('utf8'));
    const payload = Buffer.from(envelope.payload, 'base64');
    const pae = Buffer.concat([Buffer.from(`DSSEv1 ${envelope.payloadType.length} ${envelope.payloadType} ${payload.length} `), payload]);
    assert.ok(verify('sha256', pae, leaf.publicKey, signature), 'step 9: the DSSE signature covers the statement');
  }

  // 10. CheckExpiry: the integrated time is inside the validity of the leaf and of each certificate of the chain.
  const at = bundle.Payload.integratedTime * 1000;
  for (const c of [leaf, ...chain])
    assert.ok(Date.parse(c.validFrom) <= at && at <= Date.parse(c.validTo), `step 10: ${c.subject} was valid at the integrated time`);

  // 11. A timestamp, where there is one: {"SignedRFC3161Timestamp": …}, by a trusted TSA, over what cosign imprints
  // (a signature's raw bytes; an attestation's layer), inside the leaf's validity.
  if (a[COSIGN.timestamp]) {
    const ts = JSON.parse(a[COSIGN.timestamp]);
    assert.deepEqual(Object.keys(ts), ['SignedRFC3161Timestamp'], 'step 11: the timestamp annotation');
    const token = RFC3161Timestamp.parse(Buffer.from(ts.SignedRFC3161Timestamp, 'base64') as Buffer<ArrayBuffer>);
    const imprinted = kind === 'signature' ? signature : data;
    const tsa = (e.trustedRoot.timestampAuthorities as Json[])[0];
    const tsaKey = new X509Certificate(Buffer.from(tsa.certChain.certificates[0].rawBytes, 'base64')).publicKey;
    assert.doesNotThrow(() => token.verify(imprinted, tsaKey), 'step 11: the timestamp covers what cosign imprints, signed by the TSA');
    const when = token.tstInfo.genTime.getTime();
    assert.ok(
      Date.parse(leaf.validFrom) <= when && when <= Date.parse(leaf.validTo),
      'step 11: timestamped while the certificate was valid',
    );
  }
  return { layer, data, leaf, chain, integratedTime: bundle.Payload.integratedTime, entry, statement };
}
