import { createHash } from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import { UserError } from '../../errors.js';
import { SIMPLE_SIGNING_MEDIA_TYPE } from './simple-signing.js';

/**
 * cosign's classic layout, the one Kyverno (type Cosign), Flux source-controller < 1.8, Ratify,
 * `cosign verify` 2.x and Artifact Hub read: a signature is a layer of the image tagged
 * `sha256-<hex>.sig` beside the signed manifest, an attestation a layer of `sha256-<hex>.att`, each
 * carrying its certificate, chain and Rekor entry as annotations (sigstore/cosign pkg/oci/static
 * signature.go and options.go, pkg/cosign/bundle rekor.go and tsa.go). Made here from the bundles
 * sigstore-js returns: the values are the bundle's own, re-encoded as cosign writes them.
 */

export const CosignAnnotation = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
  /** On an attestation's layer (cosign cmd/cosign/cli/attest/attest.go `static.WithAnnotations`). */
  predicateType: 'predicateType',
} as const;

/** The layer media type of a classic attestation: the DSSE envelope (cosign pkg/types `DssePayloadType`). */
export const DSSE_ENVELOPE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';

export type ClassicKind = 'signature' | 'attestation';

/** The tag suffix of each kind (cosign pkg/oci/remote options.go `SignatureTagSuffix`, `AttestationTagSuffix`). */
export const CLASSIC_SUFFIX: Record<ClassicKind, string> = { signature: 'sig', attestation: 'att' };
export const CLASSIC_MEDIA_TYPE: Record<ClassicKind, string> = {
  signature: SIMPLE_SIGNING_MEDIA_TYPE,
  attestation: DSSE_ENVELOPE_MEDIA_TYPE,
};

/** A layer to append to a classic tag: its bytes and annotations. */
export interface ClassicLayer {
  mediaType: string;
  data: Buffer;
  annotations: Record<string, string>;
}

type TlogEntry = NonNullable<SerializedBundle['verificationMaterial']['tlogEntries']>[number];

/**
 * cosign's bundle annotation for a Rekor entry: Go's `json.Marshal(bundle.RekorBundle)`, the outer keys
 * capitalised (no json tags), the inner ones as tagged, in declaration order:
 * `{"SignedEntryTimestamp":…,"Payload":{"body":…,"integratedTime":…,"logIndex":…,"logID":…}}`. The SET
 * is Rekor's signature over the RFC 8785 form of Payload, which a verifier rebuilds from these values.
 * Undefined for an entry without an inclusion promise (a Rekor v2 entry has none: no classic bundle).
 */
export function rekorBundleAnnotation(entry: TlogEntry | undefined): string | undefined {
  const set = entry?.inclusionPromise?.signedEntryTimestamp;
  if (!entry || !set) return undefined;
  return JSON.stringify({
    SignedEntryTimestamp: set,
    Payload: {
      body: entry.canonicalizedBody,
      integratedTime: Number(entry.integratedTime),
      logIndex: Number(entry.logIndex),
      logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
    },
  });
}

/** cosign's timestamp annotation: `json.Marshal(bundle.RFC3161Timestamp)`, the DER TimeStampResp in base64. */
export function timestampAnnotation(signedTimestamp: string): string {
  return JSON.stringify({ SignedRFC3161Timestamp: signedTimestamp });
}

/** The signing certificate's DER, from a v0.3 bundle (`certificate`) or an older one (the chain's first). */
function leafDer(bundle: SerializedBundle): Buffer<ArrayBuffer> {
  const m = bundle.verificationMaterial as {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: Array<{ rawBytes: string }> };
  };
  const raw = m.certificate?.rawBytes ?? m.x509CertificateChain?.certificates[0]?.rawBytes;
  if (!raw) throw new UserError('the bundle carries no signing certificate: a classic signature needs one');
  return Buffer.from(raw, 'base64');
}

/** PEM as Go's pem.Encode writes it (64-column lines), which cosign writes and Rekor stores. */
async function pemOf(der: Buffer): Promise<string> {
  const { pem } = await import('@sigstore/core');
  return pem.fromDER(der);
}

/** The annotations every classic layer carries: the certificate, its chain, the Rekor entry (when there is one). */
async function commonAnnotations(bundle: SerializedBundle, chain: string | undefined): Promise<Record<string, string>> {
  const out: Record<string, string> = { [CosignAnnotation.certificate]: await pemOf(leafDer(bundle)) };
  if (chain) out[CosignAnnotation.chain] = chain;
  const rekor = rekorBundleAnnotation(bundle.verificationMaterial.tlogEntries?.[0]);
  if (rekor) out[CosignAnnotation.bundle] = rekor;
  return out;
}

/**
 * The `.sig` layer of a message signature over cosign's simple-signing `payload` (signMessage's
 * bundle): the payload itself, with the signature, certificate, chain, Rekor entry (`hashedrekord`)
 * and, where a timestamp authority signed one, its timestamp over the signature, which is what
 * cosign's timestamp covers for a signature.
 */
export async function signatureLayer(bundle: SerializedBundle, payload: Buffer, chain: string | undefined): Promise<ClassicLayer> {
  const message = (bundle as { messageSignature?: { signature: string } }).messageSignature;
  if (!message) throw new UserError('a classic signature is made from a message signature, and this bundle holds none');
  const annotations = await commonAnnotations(bundle, chain);
  // cosign compares the annotation with the log entry's signature as text: padded standard base64.
  annotations[CosignAnnotation.signature] = Buffer.from(message.signature, 'base64').toString('base64');
  const ts = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  if (ts) annotations[CosignAnnotation.timestamp] = timestampAnnotation(ts);
  return { mediaType: SIMPLE_SIGNING_MEDIA_TYPE, data: payload, annotations };
}

/**
 * The envelope of a DSSE bundle as the bytes of a `.att` layer: sigstore-js's JSON of it
 * (`payload`, `payloadType`, `signatures[{sig}]`), which is the very string its Rekor `dsse` entry
 * hashed (sigstore-js witness/tlog/entry.js: `JSON.stringify(envelopeToJSON(envelope))`). cosign
 * checks the entry's envelopeHash against the layer's sha256, so a layer that differs from that string
 * by a byte would never verify: checked against the entry, where there is one.
 */
export function envelopeBytes(bundle: SerializedBundle): Buffer {
  const envelope = (
    bundle as { dsseEnvelope?: { payload: string; payloadType: string; signatures: Array<{ sig: string; keyid?: string }> } }
  ).dsseEnvelope;
  if (!envelope) throw new UserError('the bundle holds no DSSE envelope');
  // The envelope as serialised in the bundle (protobuf-specs' Envelope.toJSON: payload, payloadType,
  // signatures[{sig}], an empty keyid left out), read back in its own key order.
  const data = Buffer.from(JSON.stringify(envelope));
  const body = bundle.verificationMaterial.tlogEntries?.[0]?.canonicalizedBody;
  if (body) {
    let hash: unknown;
    try {
      hash = (JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as { spec?: { envelopeHash?: { value?: unknown } } }).spec
        ?.envelopeHash?.value;
    } catch {
      hash = undefined;
    }
    if (hash !== createHash('sha256').update(data).digest('hex'))
      throw new UserError("the bundle's envelope is not the one its transparency-log entry hashed: it cannot be a classic attestation");
  }
  return data;
}

/**
 * The `.att` layer of an attestation (a DSSE bundle): the envelope, an empty signature annotation
 * (cosign's `static.NewAttestation`), the predicate type, the certificate, chain and Rekor entry
 * (`dsse`), and `timestamp` when one was taken over the envelope bytes (the bundle's own covers the
 * DSSE signature, which is not what cosign checks on a `.att`).
 */
export async function attestationLayer(
  bundle: SerializedBundle,
  predicateType: string,
  chain: string | undefined,
  timestamp?: string,
): Promise<ClassicLayer> {
  const data = envelopeBytes(bundle);
  const annotations = await commonAnnotations(bundle, chain);
  annotations[CosignAnnotation.signature] = '';
  annotations[CosignAnnotation.predicateType] = predicateType;
  if (timestamp) annotations[CosignAnnotation.timestamp] = timestampAnnotation(timestamp);
  return { mediaType: DSSE_ENVELOPE_MEDIA_TYPE, data, annotations };
}

/**
 * The chain cosign writes beside a Fulcio certificate (Fulcio's own `ChainPEM`: the intermediates,
 * then the root): taken from the trusted root's certificate authority whose first certificate issued
 * the leaf (sigstore-js's FulcioSigner keeps only the leaf). Kyverno's keyless check builds its
 * intermediate pool from this annotation alone, and Ratify 1.4 reads no certificate without it.
 * Undefined when no listed authority issued the leaf.
 */
export async function chainFromTrustedRoot(bundle: SerializedBundle, trustedRoot: unknown): Promise<string | undefined> {
  const { X509Certificate } = await import('@sigstore/core');
  const root = (typeof trustedRoot === 'string' ? JSON.parse(trustedRoot) : trustedRoot) as {
    certificateAuthorities?: Array<{ certChain?: { certificates?: Array<{ rawBytes?: string }> } }>;
  } | null;
  const leaf = X509Certificate.parse(leafDer(bundle));
  for (const ca of root?.certificateAuthorities ?? []) {
    const certs = (ca.certChain?.certificates ?? []).map((c) => Buffer.from(c.rawBytes ?? '', 'base64'));
    if (certs.length === 0) continue;
    try {
      if (!leaf.verify(X509Certificate.parse(certs[0] as Buffer<ArrayBuffer>))) continue;
    } catch {
      continue;
    }
    return (await Promise.all(certs.map(pemOf))).join('');
  }
  return undefined;
}
