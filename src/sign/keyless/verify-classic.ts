import { createHash } from 'node:crypto';
import { UserError } from '../../errors.js';
import { acceptDerTimeFractions } from './der-time.js';
import { CLASSIC_MEDIA_TYPE, CosignAnnotation, type ClassicKind } from './cosign-classic.js';
import { readSimpleSigning } from './simple-signing.js';
import { IN_TOTO_PAYLOAD_TYPE, sha256Hex, type Statement } from './statement.js';
import { checkCertificateIdentity, checkStatement, verificationError, type KeylessVerifyOptions } from './verify.js';

/**
 * A layer of cosign's classic `.sig` / `.att` tags checked as cosign 2 checks it
 * (sigstore/cosign pkg/cosign/verify.go `verifyInternal`, `VerifyBundle`, `compareSigs`,
 * `comparePublicKey`, `bundleHash`; `verifyOCISignature`, `verifyOCIAttestation`; the claims of
 * pkg/cosign/verifiers.go), and the cryptography by @sigstore/verify: the layer and its annotations
 * are read back into a Sigstore bundle v0.1 (a message signature or a DSSE envelope, the certificate,
 * the Rekor entry with its signed entry timestamp, the RFC 3161 timestamp), which it verifies against
 * the trusted root: the certificate chains to a trusted CA and carries an SCT, the SET verifies with
 * the log's key over the RFC 8785 form of the entry, the entry matches the signature, the signature
 * covers the payload, and the certificate was valid at the entry's integrated time (and the timestamp's).
 */

export type ClassicExpectation = Omit<KeylessVerifyOptions, 'trustedRoot' | 'tlogThreshold'>;

export interface ClassicVerified {
  identity: string;
  issuer: string;
  /** An attestation's statement. */
  statement?: Statement;
}

type Certificate = InstanceType<(typeof import('@sigstore/core'))['X509Certificate']>;

/** A base64 text as cosign compares it: padded standard base64 that decodes and encodes back to itself. */
const isCanonicalBase64 = (s: string): boolean => s.length > 0 && Buffer.from(s, 'base64').toString('base64') === s;

/**
 * What is read of a classic layer without its blob: the media type, the signature annotation as
 * cosign requires it (present; empty on an attestation), the predicate type of an attestation, and a
 * certificate naming the identity and issuer (read as cosign reads the issuer). With a trusted root,
 * also what its annotations prove alone, with one signature check each and no request: the
 * certificate was issued by a trusted CA, and the Rekor entry is the log's (its SET verifies), is of
 * this certificate and signature, and hashed this very layer (its digest). A layer that fails this is
 * junk, another kind's, another signer's, or forged: it costs no read.
 */
export async function screenClassicLayer(
  kind: ClassicKind,
  layer: { mediaType: string; digest?: string; annotations?: Record<string, string> },
  expected: ClassicExpectation,
  trustedRoot?: unknown,
): Promise<{ identity: string; issuer: string; cert: Certificate }> {
  const a = layer.annotations ?? {};
  if (layer.mediaType !== CLASSIC_MEDIA_TYPE[kind])
    throw new UserError(`its media type is ${layer.mediaType}, not ${CLASSIC_MEDIA_TYPE[kind]}`);
  const signature = a[CosignAnnotation.signature];
  // cosign's layer reader: "signature layer … is missing dev.cosignproject.cosign/signature annotation".
  if (signature === undefined) throw new UserError(`it has no ${CosignAnnotation.signature} annotation`);
  if (kind === 'attestation' && signature !== '')
    throw new UserError(`an attestation's ${CosignAnnotation.signature} is empty, and this one is not`);
  if (kind === 'signature' && !isCanonicalBase64(signature)) throw new UserError(`its ${CosignAnnotation.signature} is not base64`);
  if (kind === 'attestation' && a[CosignAnnotation.predicateType] !== expected.expectedPredicateType)
    throw new UserError(
      `its predicate type is ${JSON.stringify(a[CosignAnnotation.predicateType] ?? null)}, not ${expected.expectedPredicateType}`,
    );
  const pem = a[CosignAnnotation.certificate];
  if (!pem) throw new UserError('it carries no certificate');
  const core = await import('@sigstore/core');
  let cert: Certificate;
  try {
    cert = core.X509Certificate.parse(firstPemBlock(pem, 'CERTIFICATE'));
  } catch {
    throw new UserError('its certificate is not an X.509 certificate in PEM');
  }
  const identity = checkCertificateIdentity(cert, expected, true);
  if (trustedRoot === undefined) return { ...identity, cert };

  const root = trustedRootKeys(trustedRoot, core);
  if (!root.cas.some((ca) => verifiesLeaf(cert, ca)))
    throw new UserError('its certificate was not issued by a certificate authority of the trusted root');
  const rekorText = a[CosignAnnotation.bundle];
  if (!rekorText) {
    if (root.logs.size > 0) throw new UserError('it carries no Rekor entry (no bundle annotation)');
    return { ...identity, cert };
  }
  const rekor = readRekorBundle(rekorText);
  const logKey = root.logs.get(rekor.Payload.logID);
  if (!logKey) throw new UserError('its Rekor entry is from a log the trusted root does not list');
  const set = core.json.canonicalize(rekor.Payload);
  if (!core.crypto.verify(Buffer.from(set), logKey, Buffer.from(rekor.SignedEntryTimestamp, 'base64')))
    throw new UserError("its Rekor entry's signed entry timestamp does not verify");
  // The body, against the layer's digest (not its bytes, unread yet) and annotations; an attestation's
  // envelope signature is compared once the layer is read.
  const sig = kind === 'signature' ? signature : undefined;
  checkEntryBody(kind, rekor.Payload.body, layer.digest?.replace(/^sha256:/, '') ?? '', sig, derOf(cert));
  return { ...identity, cert };
}

type Core = typeof import('@sigstore/core');

/** A trusted root's CA certificates (each chain's first) and Rekor keys (by hex log ID), read once per root. */
const rootKeys = new WeakMap<object, { cas: Certificate[]; logs: Map<string, ReturnType<Core['crypto']['createPublicKey']>> }>();
function trustedRootKeys(trustedRoot: unknown, core: Core) {
  const parsed = (typeof trustedRoot === 'string' ? JSON.parse(trustedRoot) : trustedRoot) as {
    certificateAuthorities?: Array<{ certChain?: { certificates?: Array<{ rawBytes?: string }> } }>;
    tlogs?: Array<{ logId?: { keyId?: string }; publicKey?: { rawBytes?: string } }>;
  };
  const cached = typeof trustedRoot === 'object' && trustedRoot !== null ? rootKeys.get(trustedRoot) : undefined;
  if (cached) return cached;
  const cas: Certificate[] = [];
  for (const ca of parsed?.certificateAuthorities ?? []) {
    const first = ca.certChain?.certificates?.[0]?.rawBytes;
    if (!first) continue;
    try {
      cas.push(core.X509Certificate.parse(Buffer.from(first, 'base64')));
    } catch {
      // A CA that cannot be read issues nothing here.
    }
  }
  const logs = new Map<string, ReturnType<Core['crypto']['createPublicKey']>>();
  for (const t of parsed?.tlogs ?? []) {
    if (!t.logId?.keyId || !t.publicKey?.rawBytes) continue;
    try {
      logs.set(
        Buffer.from(t.logId.keyId, 'base64').toString('hex'),
        core.crypto.createPublicKey(Buffer.from(t.publicKey.rawBytes, 'base64'), 'spki'),
      );
    } catch {
      // A log whose key cannot be read vouches for nothing.
    }
  }
  const keys = { cas, logs };
  if (typeof trustedRoot === 'object' && trustedRoot !== null) rootKeys.set(trustedRoot, keys);
  return keys;
}

function verifiesLeaf(leaf: Certificate, ca: Certificate): boolean {
  try {
    return leaf.verify(ca);
  } catch {
    return false;
  }
}

/** The DER of the first PEM block of `type` in `text` (cosign reads the first; what follows is ignored there). */
function firstPemBlock(text: string, type: string): Buffer<ArrayBuffer> {
  const m = new RegExp(`-----BEGIN ${type}-----([A-Za-z0-9+/=\\s]+)-----END ${type}-----`).exec(text);
  if (!m) throw new UserError(`not a PEM ${type}`);
  return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}

/**
 * What the layer's bytes claim, checked without cryptography (cosign's claim verifiers): the
 * simple-signing payload names the digest; the attestation's statement names the subject (and name)
 * and predicate type. A genuine layer of another chart copied here fails this once read.
 */
export function checkClaims(kind: ClassicKind, data: Buffer, expected: ClassicExpectation): { statement?: Statement; envelope?: Envelope } {
  if (kind === 'signature') {
    const { digest } = readSimpleSigning(data);
    if (digest !== expected.expectedSubjectDigest)
      throw new UserError(`its payload signs ${digest}, not ${expected.expectedSubjectDigest}`, {
        hint: 'The signature belongs to another artifact.',
      });
    return {};
  }
  const envelope = readEnvelope(data);
  return { envelope, statement: checkStatement(Buffer.from(envelope.payload, 'base64'), expected) };
}

interface Envelope {
  payload: string;
  payloadType: string;
  signatures: Array<{ sig: string; keyid?: string }>;
}

/** A `.att` layer as a DSSE envelope of an in-toto statement with one signature (cosign `verifyOCIAttestation`). */
function readEnvelope(data: Buffer): Envelope {
  let e: Envelope;
  try {
    e = JSON.parse(data.toString('utf8')) as Envelope;
  } catch {
    throw new UserError('the layer is not a DSSE envelope (not JSON)');
  }
  if (typeof e?.payload !== 'string' || e.payloadType !== IN_TOTO_PAYLOAD_TYPE || !Array.isArray(e.signatures) || e.signatures.length !== 1)
    throw new UserError(`the layer is not a DSSE envelope of an in-toto statement (${IN_TOTO_PAYLOAD_TYPE}) with one signature`);
  if (typeof e.signatures[0]?.sig !== 'string' || !isCanonicalBase64(e.signatures[0].sig))
    throw new UserError("the envelope's signature is not base64");
  return e;
}

interface RekorBundle {
  SignedEntryTimestamp: string;
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

/** The bundle annotation, its shape checked as cosign unmarshals it (`VerifyBundle`: the body must be a string). */
function readRekorBundle(text: string): RekorBundle {
  let b: RekorBundle;
  try {
    b = JSON.parse(text) as RekorBundle;
  } catch {
    throw new UserError(`its ${CosignAnnotation.bundle} is not JSON`);
  }
  const p = b?.Payload;
  if (
    typeof b?.SignedEntryTimestamp !== 'string' ||
    !isCanonicalBase64(b.SignedEntryTimestamp) ||
    typeof p?.body !== 'string' ||
    !Number.isSafeInteger(p.integratedTime) ||
    !Number.isSafeInteger(p.logIndex) ||
    typeof p.logID !== 'string' ||
    !/^[0-9a-f]{64}$/.test(p.logID)
  )
    throw new UserError(
      `its ${CosignAnnotation.bundle} is not cosign's Rekor bundle (SignedEntryTimestamp, Payload: body, integratedTime, logIndex, logID)`,
    );
  return b;
}

/**
 * The Rekor entry's body checked against the layer as cosign checks it before the SET: the kind
 * (`hashedrekord` for a signature, `dsse` for an attestation), the signature (`compareSigs`), the
 * key by its DER (`comparePublicKey`: the body's PEM against the certificate annotation's), and the
 * hash of the layer bytes (`bundleHash`: hashedrekord's data hash, dsse's envelopeHash).
 */
function checkEntryBody(kind: ClassicKind, body: string, layerHash: string, signature: string | undefined, certDer: Buffer): void {
  let entry: {
    apiVersion?: unknown;
    kind?: unknown;
    spec?: {
      data?: { hash?: { algorithm?: unknown; value?: unknown } };
      signature?: { content?: unknown; publicKey?: { content?: unknown } };
      envelopeHash?: { algorithm?: unknown; value?: unknown };
      signatures?: Array<{ signature?: unknown; verifier?: unknown }>;
    };
  };
  try {
    entry = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
  } catch {
    throw new UserError('its Rekor entry is not JSON');
  }
  const want = kind === 'signature' ? 'hashedrekord' : 'dsse';
  if (entry?.kind !== want || entry.apiVersion !== '0.0.1') throw new UserError(`its Rekor entry is not a ${want} 0.0.1 entry`);
  let key: unknown;
  let hash: { algorithm?: unknown; value?: unknown } | undefined;
  if (kind === 'signature') {
    const spec = entry.spec;
    if (!spec?.signature || spec.signature.content !== signature) throw new UserError("its Rekor entry's signature is not the layer's");
    key = spec.signature.publicKey?.content;
    hash = spec.data?.hash;
  } else {
    if (entry.spec?.signatures?.length !== 1) throw new UserError('its Rekor entry does not hold exactly one signature');
    if (signature !== undefined && entry.spec.signatures[0].signature !== signature)
      throw new UserError("its Rekor entry's signature is not the envelope's");
    key = entry.spec.signatures[0].verifier;
    hash = entry.spec.envelopeHash;
  }
  let keyDer: Buffer;
  try {
    keyDer = firstPemBlock(Buffer.from(String(key), 'base64').toString('utf8'), 'CERTIFICATE');
  } catch {
    throw new UserError("its Rekor entry's key is not a PEM certificate");
  }
  if (!keyDer.equals(certDer)) throw new UserError("its Rekor entry's certificate is not the layer's");
  if (hash?.algorithm !== 'sha256' || hash.value !== layerHash) throw new UserError("its Rekor entry's hash is not the layer's sha256");
}

/**
 * Verifies a classic layer (its bytes `data` and annotations) as cosign does, against `trustedRoot`;
 * without one (a private instance whose root was not given) only the weaker check: the certificate's
 * identity and the signature over the layer. Throws a UserError naming what did not hold.
 */
export async function verifyClassicLayer(
  kind: ClassicKind,
  layer: { mediaType: string; digest?: string; annotations?: Record<string, string> },
  data: Buffer,
  options: ClassicExpectation & { trustedRoot?: unknown },
): Promise<ClassicVerified> {
  sha256Hex(options.expectedSubjectDigest);
  const { identity, issuer, cert } = await screenClassicLayer(kind, layer, options, options.trustedRoot);
  const { statement, envelope } = checkClaims(kind, data, options);
  const a = layer.annotations ?? {};
  const signature = kind === 'signature' ? a[CosignAnnotation.signature] : envelope!.signatures[0].sig;
  const [{ crypto, dsse }] = await Promise.all([import('@sigstore/core'), acceptDerTimeFractions()]);
  if (options.trustedRoot === undefined) {
    const key = crypto.createPublicKey(cert.publicKey);
    const signed = kind === 'signature' ? data : dsse.preAuthEncoding(envelope!.payloadType, Buffer.from(envelope!.payload, 'base64'));
    if (!crypto.verify(signed, key, Buffer.from(signature, 'base64')))
      throw new UserError('keyless signature refused: the signature does not verify over the layer');
    return { identity, issuer, statement };
  }

  const rekorText = a[CosignAnnotation.bundle];
  const rekor = rekorText ? readRekorBundle(rekorText) : undefined;
  if (rekor) checkEntryBody(kind, rekor.Payload.body, createHash('sha256').update(data).digest('hex'), signature, derOf(cert));
  const timestamp = a[CosignAnnotation.timestamp] ? readTimestamp(a[CosignAnnotation.timestamp]) : undefined;

  const [{ Verifier, toSignedEntity, toTrustMaterial }, { TrustedRoot }, { bundleFromJSON }] = await Promise.all([
    import('@sigstore/verify'),
    import('@sigstore/protobuf-specs'),
    import('@sigstore/bundle'),
  ]);
  let root;
  try {
    root = TrustedRoot.fromJSON(typeof options.trustedRoot === 'string' ? JSON.parse(options.trustedRoot) : options.trustedRoot);
  } catch (cause) {
    throw new UserError('the trusted root is not a Sigstore trusted_root.json', { cause });
  }
  let bundle;
  try {
    bundle = bundleFromJSON({
      mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
      verificationMaterial: {
        x509CertificateChain: { certificates: [{ rawBytes: derOf(cert).toString('base64') }] },
        tlogEntries: rekor
          ? [
              {
                logIndex: String(rekor.Payload.logIndex),
                logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
                kindVersion: { kind: kind === 'signature' ? 'hashedrekord' : 'dsse', version: '0.0.1' },
                integratedTime: String(rekor.Payload.integratedTime),
                inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
                canonicalizedBody: rekor.Payload.body,
              },
            ]
          : [],
        timestampVerificationData: { rfc3161Timestamps: timestamp ? [{ signedTimestamp: timestamp }] : [] },
      },
      ...(kind === 'signature'
        ? {
            messageSignature: {
              messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(data).digest('base64') },
              signature,
            },
          }
        : {
            dsseEnvelope: { payload: envelope!.payload, payloadType: envelope!.payloadType, signatures: [{ sig: signature, keyid: '' }] },
          }),
    });
  } catch (cause) {
    throw new UserError(`the layer cannot be read as a Sigstore bundle (${(cause as Error).message})`, { cause });
  }
  const entity = toSignedEntity(bundle, kind === 'signature' ? data : undefined);
  // cosign's timestamp on an attestation covers the layer (the envelope), not the DSSE signature
  // (VerifyRFC3161Timestamp: the payload when the signature annotation is empty): @sigstore/verify
  // checks a timestamp against `signature.signature`, which is the layer's bytes here, and nothing else.
  if (kind === 'attestation' && timestamp) {
    const content = entity.signature;
    entity.signature = Object.create(content, {
      signature: { value: data },
      compareSignature: { value: (s: Buffer) => content.compareSignature(s) },
      verifySignature: { value: (k: Parameters<typeof content.verifySignature>[0]) => content.verifySignature(k) },
    }) as typeof content;
  }
  const verifier = new Verifier(toTrustMaterial(root), {
    tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
  });
  try {
    verifier.verify(entity);
  } catch (err) {
    throw verificationError(err, options);
  }
  return { identity, issuer, statement };
}

/** The certificate's DER (what cosign compares keys by). */
function derOf(cert: Certificate): Buffer {
  return cert.root.toDER();
}

/** The timestamp annotation: `{"SignedRFC3161Timestamp": <base64 DER TimeStampResp>}`. */
function readTimestamp(text: string): string {
  let t: { SignedRFC3161Timestamp?: unknown };
  try {
    t = JSON.parse(text) as { SignedRFC3161Timestamp?: unknown };
  } catch {
    throw new UserError(`its ${CosignAnnotation.timestamp} is not JSON`);
  }
  if (typeof t?.SignedRFC3161Timestamp !== 'string' || !isCanonicalBase64(t.SignedRFC3161Timestamp))
    throw new UserError(`its ${CosignAnnotation.timestamp} is not cosign's timestamp (SignedRFC3161Timestamp)`);
  return t.SignedRFC3161Timestamp;
}
