import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import { UserError } from '../../errors.js';
import { IN_TOTO_PAYLOAD_TYPE, statementPayload, type Statement } from './statement.js';

export type { SerializedBundle };

export interface KeylessSignOptions {
  /** The OIDC identity token (audience `sigstore`), asked for only when Fulcio is about to be called. */
  identityToken: () => Promise<string>;
  /** Fulcio's base URL, e.g. https://fulcio.sigstore.dev. */
  fulcioURL: string;
  /** Rekor's base URL: the signature is entered in this log (a `dsse` entry). */
  rekorURL?: string;
  /** An RFC 3161 timestamp authority's base URL (an instance without Rekor, such as GitHub's own). */
  tsaURL?: string;
  /** Per-request timeout in milliseconds (default 10 000, as actions/attest). */
  timeout?: number;
  /** Retries per request (default 3, as actions/attest; 5xx, 408 and 429 are retried). */
  retry?: number;
}

/** Which service a sigstore-js failure came from, by its error code, for a message naming it. */
const SERVICE_OF_CODE: Record<string, string> = {
  IDENTITY_TOKEN_READ_ERROR: 'the OIDC identity token could not be obtained',
  IDENTITY_TOKEN_PARSE_ERROR: 'the OIDC identity token is not a JWT with a subject',
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: 'Fulcio did not issue a signing certificate',
  TLOG_CREATE_ENTRY_ERROR: 'Rekor did not enter the signature in the transparency log',
  TSA_CREATE_TIMESTAMP_ERROR: 'the timestamp authority did not timestamp the signature',
};

/** sigstore-js's signing classes, loaded on first use, never at start. */
const sigstoreSign = () => import('@sigstore/sign');

/**
 * An ephemeral P-256 key and its Fulcio certificate, asked for once and used for every signature made
 * while the certificate has CERTIFICATE_MARGIN_MS of validity left (then a new certificate for the same
 * key): a sigstore-js `Signer`. sigstore-js's FulcioSigner asks Fulcio again for every signature; this
 * one lets the bundle's statement and cosign's classic payload of a chart be signed under one
 * certificate (one Fulcio request, one identity token). Its first `sign` (and one after the margin)
 * calls Fulcio through FulcioSigner, with this key as its `keyHolder`; the others sign locally.
 */
export class CertifiedKey {
  readonly #options: KeylessSignOptions;
  readonly #keyPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  #certificate?: Promise<{ pem: string; notAfter: number }>;

  constructor(options: KeylessSignOptions) {
    this.#options = options;
  }

  /** Signs `data` with the key (ECDSA P-256, SHA-256, DER), under a certificate valid for a while yet. */
  async sign(data: Buffer): Promise<{ signature: Buffer; key: { $case: 'x509Certificate'; certificate: string } }> {
    const held = this.#certificate && (await this.#certificate.catch(() => undefined));
    if (held && held.notAfter - Date.now() > CERTIFICATE_MARGIN_MS)
      return { signature: this.#signLocally(data), key: { $case: 'x509Certificate', certificate: held.pem } };
    const asked = this.#ask(data);
    const certificate = asked.then((r) => r.certificate);
    // A failure is the signing's that asked (it throws it); a later signing asks again.
    certificate.catch(() => {});
    this.#certificate = certificate;
    return (await asked).signature;
  }

  async #ask(data: Buffer) {
    const [{ FulcioSigner }, { X509Certificate }] = await Promise.all([sigstoreSign(), import('@sigstore/core')]);
    const keyHolder = {
      sign: async (bytes: Buffer) => ({
        signature: this.#signLocally(bytes),
        key: { $case: 'publicKey' as const, publicKey: this.#keyPair.publicKey.export({ format: 'pem', type: 'spki' }).toString() },
      }),
    };
    const fulcio = new FulcioSigner({
      fulcioBaseURL: this.#options.fulcioURL,
      identityProvider: { getToken: this.#options.identityToken },
      keyHolder,
      ...fetchOptions(this.#options),
    });
    const signature = await fulcio.sign(data);
    if (signature.key.$case !== 'x509Certificate') throw new Error('Fulcio answered no certificate');
    const pem = signature.key.certificate;
    return {
      signature: { signature: signature.signature, key: { $case: 'x509Certificate' as const, certificate: pem } },
      certificate: { pem, notAfter: X509Certificate.parse(pem).notAfter.getTime() },
    };
  }

  #signLocally(data: Buffer): Buffer {
    return cryptoSign('sha256', data, this.#keyPair.privateKey);
  }
}

/** A certificate is used while it has this much validity left: its Rekor entry must be integrated before it expires (cosign's CheckExpiry). */
const CERTIFICATE_MARGIN_MS = 120_000;

const fetchOptions = (o: KeylessSignOptions) => ({ timeout: o.timeout ?? 10_000, retry: o.retry ?? 3 });

/** The witnesses of a signature's time: a Rekor entry (of `entryType` for a DSSE envelope) and/or an RFC 3161 timestamp. */
async function witnesses(options: KeylessSignOptions) {
  if (!options.rekorURL && !options.tsaURL)
    throw new UserError('keyless signing needs a transparency log or a timestamp authority', {
      hint: 'Give a Rekor URL, a timestamp authority URL, or both.',
    });
  const { RekorWitness, TSAWitness } = await sigstoreSign();
  const out = [];
  // A `dsse` entry for an envelope, as actions/attest and cosign 3 make (a message signature is a
  // `hashedrekord`, whatever entryType says); an entry already in the log (409) is fetched, as actions/attest does.
  if (options.rekorURL)
    out.push(new RekorWitness({ rekorBaseURL: options.rekorURL, entryType: 'dsse', fetchOnConflict: true, ...fetchOptions(options) }));
  if (options.tsaURL) out.push(new TSAWitness({ tsaBaseURL: options.tsaURL, ...fetchOptions(options) }));
  return out;
}

/**
 * Signs an in-toto statement keylessly: an ephemeral key, a Fulcio certificate for the identity
 * token, a DSSE envelope (payload type `application/vnd.in-toto+json`), then a Rekor `dsse` entry
 * and/or an RFC 3161 timestamp. Returns the Sigstore bundle v0.3 as JSON
 * (`application/vnd.dev.sigstore.bundle.v0.3+json`), as actions/attest and cosign 3 make it. With
 * `key`, under that key's certificate (asked for once, see CertifiedKey); else a key of its own.
 * sigstore-js is loaded here, on first use, never at start.
 */
export async function signStatement(statement: Statement, options: KeylessSignOptions, key?: CertifiedKey): Promise<SerializedBundle> {
  const witnessed = await witnesses(options);
  const [{ DSSEBundleBuilder }, { bundleToJSON }] = await Promise.all([sigstoreSign(), import('@sigstore/bundle')]);
  const builder = new DSSEBundleBuilder({ signer: key ?? new CertifiedKey(options), witnesses: witnessed });
  try {
    const bundle = await builder.create({ data: statementPayload(statement), type: IN_TOTO_PAYLOAD_TYPE });
    return bundleToJSON(bundle);
  } catch (err) {
    throw signingError(err);
  }
}

/**
 * Signs `data` itself (ECDSA over its SHA-256), as `cosign sign` signs its simple-signing payload:
 * a Rekor `hashedrekord` entry of the digest, signature and certificate (what cosign 2 enters) and/or
 * an RFC 3161 timestamp over the signature. Returns sigstore-js's message-signature bundle (v0.2,
 * the certificate as a one-element chain), from which cosign's classic annotations are read.
 */
export async function signMessage(data: Buffer, options: KeylessSignOptions, key?: CertifiedKey): Promise<SerializedBundle> {
  const witnessed = await witnesses(options);
  const [{ MessageSignatureBundleBuilder }, { bundleToJSON }] = await Promise.all([sigstoreSign(), import('@sigstore/bundle')]);
  const builder = new MessageSignatureBundleBuilder({ signer: key ?? new CertifiedKey(options), witnesses: witnessed });
  try {
    return bundleToJSON(await builder.create({ data }));
  } catch (err) {
    throw signingError(err);
  }
}

/**
 * An RFC 3161 timestamp over `data` from the timestamp authority (the DER TimeStampResp, base64): what
 * cosign puts on a `.att` layer, whose timestamp covers the layer (the DSSE envelope), not a signature
 * (cosign pkg/cosign/verify.go `VerifyRFC3161Timestamp`: the payload when the signature annotation is
 * empty). sigstore-js's TSAWitness timestamps a message signature's `signature` bytes; `data` is
 * handed to it as one.
 */
export async function timestampBytes(data: Buffer, options: KeylessSignOptions & { tsaURL: string }): Promise<string> {
  const { TSAWitness } = await sigstoreSign();
  const tsa = new TSAWitness({ tsaBaseURL: options.tsaURL, ...fetchOptions(options) });
  try {
    const { rfc3161Timestamps } = await tsa.testify({
      $case: 'messageSignature',
      messageSignature: { messageDigest: { algorithm: 0, digest: Buffer.alloc(0) }, signature: data },
    });
    return Buffer.from(rfc3161Timestamps[0].signedTimestamp).toString('base64');
  } catch (err) {
    throw signingError(err);
  }
}

/** A sigstore-js failure as one line naming the service and its answer. */
function signingError(err: unknown): UserError {
  const code = (err as { code?: unknown }).code;
  const what = (typeof code === 'string' && SERVICE_OF_CODE[code]) || 'keyless signing failed';
  const detail = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return new UserError(`${what} (${detail}${cause})`, {
    cause: err,
    hint: 'Check the Sigstore URLs and that the workflow may request an OIDC token (permissions: id-token: write).',
  });
}
