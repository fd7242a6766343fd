import type { SerializedBundle } from '@sigstore/bundle';
import { UserError } from '../../errors.js';
import { quoted } from '../../util/quoted.js';
import { acceptDerTimeFractions } from './der-time.js';
import { IN_TOTO_PAYLOAD_TYPE, parseStatement, sameSubjectName, sha256Hex, type Statement } from './statement.js';

export interface KeylessVerifyOptions {
  /** A `trusted_root.json` (its JSON text or parsed object): the CAs, logs and timestamp authorities trusted. */
  trustedRoot: unknown;
  /** The certificate's subject alternative name: exactly this string, or matching this expression. */
  certificateIdentity: string | RegExp;
  /** The OIDC issuer recorded in the certificate (exactly). */
  certificateIssuer: string;
  /** The digest the statement must name as its subject (`sha256:<hex>`). */
  expectedSubjectDigest: string;
  /** The statement's predicate type, e.g. `https://sigstore.dev/cosign/sign/v1`. */
  expectedPredicateType: string;
  /**
   * The name the statement's subject must carry beside the digest (an attestation names the
   * repository, `registry/repository`): one made for a chart in another repository is not this one's.
   */
  expectedSubjectName?: string;
  /**
   * The repository whose workflow ran (`owner/repo`), as Fulcio records it for GitHub Actions
   * (extension 1.3.6.1.4.1.57264.1.5, what cosign's --certificate-github-workflow-repository checks):
   * a reusable workflow's certificate names the reusable workflow as its identity, and only this
   * names the repository that called it.
   */
  githubWorkflowRepository?: string;
  /**
   * Transparency-log entries required. Default: 1 when the trusted root lists a log, 0 when it lists
   * none (an instance that timestamps with a TSA only, as GitHub's own does).
   */
  tlogThreshold?: number;
}

export interface KeylessVerified {
  /** The certificate's subject alternative name (e.g. the workflow's URL at its ref). */
  identity: string;
  /** The OIDC issuer in the certificate. */
  issuer: string;
  statement: Statement;
}

/**
 * Verifies a Sigstore bundle with @sigstore/verify against a trusted root: the certificate chains to
 * a trusted CA and carries an SCT, the signature was made while the certificate was valid (Rekor's
 * integrated time or an RFC 3161 timestamp), the Rekor entry is included in the log and matches the
 * envelope, the signature verifies over the DSSE envelope, the certificate names the expected
 * identity and issuer. Then the statement itself: its subject digest and predicate type. Throws a
 * UserError naming what did not match. sigstore-js is loaded here, on first use.
 */
export async function verifyBundle(bundle: SerializedBundle | string, options: KeylessVerifyOptions): Promise<KeylessVerified> {
  const [{ Verifier, toSignedEntity, toTrustMaterial }, { TrustedRoot }] = await Promise.all([
    import('@sigstore/verify'),
    import('@sigstore/protobuf-specs'),
    acceptDerTimeFractions(),
  ]);
  sha256Hex(options.expectedSubjectDigest);

  let root;
  try {
    root = TrustedRoot.fromJSON(typeof options.trustedRoot === 'string' ? JSON.parse(options.trustedRoot) : options.trustedRoot);
  } catch (cause) {
    throw new UserError('the trusted root is not a Sigstore trusted_root.json', { cause });
  }
  // What needs no cryptography first (the statement, the certificate's identity and extensions).
  await screenBundle(bundle, options);
  const { parsed, envelope } = await readDsseBundle(bundle);

  const tlogThreshold = options.tlogThreshold ?? (root.tlogs.length > 0 ? 1 : 0);
  const verifier = new Verifier(toTrustMaterial(root), { tlogThreshold, ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0 });
  let signer;
  try {
    // The identity is not handed to @sigstore/verify: it reads a string as an unanchored regular
    // expression (String.prototype.match), so `…@refs/heads/main` would accept `…@refs/heads/main-evil`.
    signer = verifier.verify(toSignedEntity(parsed), { extensions: { issuer: options.certificateIssuer } });
  } catch (err) {
    throw verificationError(err, options);
  }
  const identity = signer.identity?.subjectAlternativeName ?? '';
  if (!identityMatches(options.certificateIdentity, identity))
    throw new UserError(
      `keyless signature refused: the certificate's identity is not ${String(options.certificateIdentity)} from ${options.certificateIssuer} (it is ${identity})`,
      { hint: 'Check --certificate-identity and --certificate-oidc-issuer, and the trusted root.' },
    );

  return { identity, issuer: signer.identity?.extensions?.issuer ?? '', statement: checkStatement(envelope.payload, options) };
}

/** A bundle read as the DSSE-signed in-toto statement both checks expect; anything else is refused. */
async function readDsseBundle(bundle: SerializedBundle | string) {
  const { bundleFromJSON } = await import('@sigstore/bundle');
  let parsed;
  try {
    parsed = bundleFromJSON(typeof bundle === 'string' ? JSON.parse(bundle) : bundle);
  } catch (cause) {
    throw new UserError(`the signature is not a Sigstore bundle (${(cause as Error).message})`, { cause });
  }
  if (parsed.content.$case !== 'dsseEnvelope')
    throw new UserError('the bundle holds a message signature, not a DSSE-signed in-toto statement');
  const envelope = parsed.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw new UserError(`the bundle's payload type is ${JSON.stringify(envelope.payloadType)}, not ${IN_TOTO_PAYLOAD_TYPE}`);
  return { parsed, envelope };
}

/** The signed statement, once it names the expected subject digest and predicate type. */
export function checkStatement(
  payload: Buffer,
  options: Pick<KeylessVerifyOptions, 'expectedSubjectDigest' | 'expectedPredicateType' | 'expectedSubjectName'>,
): Statement {
  const expectedHex = sha256Hex(options.expectedSubjectDigest);
  const statement = parseStatement(payload);
  const ofDigest = statement.subject.filter((s) => s?.digest?.sha256 === expectedHex);
  if (ofDigest.length === 0) {
    const named = statement.subject
      .slice(0, 4)
      .map((s) => `sha256:${bare(s?.digest?.sha256)}`)
      .join(', ');
    throw new UserError(`the signed statement is for ${named}, not ${options.expectedSubjectDigest}`, {
      hint: 'The signature belongs to another artifact.',
    });
  }
  const name = options.expectedSubjectName;
  if (name !== undefined && !ofDigest.some((s) => typeof s.name === 'string' && sameSubjectName(s.name) === sameSubjectName(name)))
    throw new UserError(
      `the signed statement names ${ofDigest.map((s) => quoted(s.name ?? '', 200)).join(', ')}, not ${name}: it was made for a copy in another repository`,
      { hint: 'An attestation names the repository it was made in: attest the chart where it is published' },
    );
  if (statement.predicateType !== options.expectedPredicateType)
    throw new UserError(`the signed statement's predicate type is ${bare(statement.predicateType)}, not ${options.expectedPredicateType}`);
  return statement;
}

/** A value from a statement as a message shows it: as it is when it is one word of printable ASCII, else quoted and escaped. */
function bare(value: unknown): string {
  return typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) && !/["'`]/.test(value) ? value : quoted(value, 200);
}

/**
 * Whether a certificate's SAN is the identity asked for: a string exactly (as cosign's
 * --certificate-identity), an expression as the user wrote it (as cosign's --certificate-identity-regexp).
 */
export function identityMatches(wanted: string | RegExp, identity: string): boolean {
  return typeof wanted === 'string' ? identity === wanted : wanted.test(identity);
}

/** @sigstore/verify's error as one line: its code says which check refused. */
export function verificationError(
  err: unknown,
  options: Pick<KeylessVerifyOptions, 'certificateIdentity' | 'certificateIssuer'>,
): UserError {
  const code = String((err as { code?: unknown }).code ?? '');
  const detail = err instanceof Error ? err.message : String(err);
  const what: Record<string, string> = {
    UNTRUSTED_SIGNER_ERROR: `the certificate's identity is not ${String(options.certificateIdentity)} from ${options.certificateIssuer}`,
    SIGNATURE_ERROR: 'the signature does not verify over the signed statement (changed after signing?)',
    TLOG_BODY_ERROR: "the transparency-log entry does not match the bundle's signature or statement",
    TLOG_INCLUSION_PROOF_ERROR: 'the transparency-log inclusion proof does not verify',
    TLOG_INCLUSION_PROMISE_ERROR: "the transparency log's signed entry timestamp does not verify",
    TLOG_ERROR: 'the transparency-log entries are not what the trusted root requires',
    CERTIFICATE_ERROR: 'the signing certificate is not trusted by the trusted root',
    TIMESTAMP_ERROR: 'the signature has no trusted time (a Rekor entry or an RFC 3161 timestamp)',
  };
  return new UserError(`keyless signature refused: ${what[code] ?? 'verification failed'} (${detail})`, {
    cause: err,
    hint: 'Check --certificate-identity and --certificate-oidc-issuer, and the trusted root.',
  });
}

const OID_FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_GITHUB_WORKFLOW_REPOSITORY = '1.3.6.1.4.1.57264.1.5';

/**
 * What is read of a bundle without any cryptography: a DSSE-signed in-toto statement for the subject
 * (digest, predicate type, and name where one is expected) whose certificate names the identity and
 * issuer. A bundle that fails this is not one of this identity's for this subject (junk, another
 * artifact's, another signer's): it costs a read, never a verification. Nothing here says the
 * certificate or the signature is genuine.
 */
export async function screenBundle(
  bundle: SerializedBundle | string,
  options: Omit<KeylessVerifyOptions, 'trustedRoot' | 'tlogThreshold'>,
): Promise<
  KeylessVerified & { envelope: { payloadType: string; payload: Buffer; signatures: Array<{ sig: Buffer }> }; publicKey: unknown }
> {
  const { X509Certificate } = await import('@sigstore/core');
  const { parsed, envelope } = await readDsseBundle(bundle);
  const statement = checkStatement(envelope.payload, options);
  const material = parsed.verificationMaterial.content;
  const der =
    material.$case === 'certificate'
      ? material.certificate.rawBytes
      : material.$case === 'x509CertificateChain'
        ? material.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  if (!der) throw new UserError('the bundle carries no signing certificate');
  let cert;
  try {
    cert = X509Certificate.parse(Buffer.from(der));
  } catch (cause) {
    throw new UserError('the bundle’s signing certificate is not X.509', { cause });
  }
  const { identity, issuer } = checkCertificateIdentity(cert, options);
  return { identity, issuer, statement, envelope, publicKey: cert.publicKey };
}

/** A parsed certificate, as @sigstore/core reads one. */
type Certificate = InstanceType<(typeof import('@sigstore/core'))['X509Certificate']>;

/**
 * The certificate's identity (SAN) and issuer, once they are the expected ones (and the workflow's
 * repository, when one is expected); a UserError naming what they are otherwise. The issuer is read
 * as @sigstore/verify reads it (extension 1.3.6.1.4.1.57264.1.8, else .1.1), or with `cosign` as
 * cosign reads it for a classic signature: from 1.3.6.1.4.1.57264.1.1 only (cosign
 * pkg/cosign/certextensions.go `GetIssuer`).
 */
export function checkCertificateIdentity(
  cert: Certificate,
  options: Pick<KeylessVerifyOptions, 'certificateIdentity' | 'certificateIssuer' | 'githubWorkflowRepository'>,
  cosign = false,
): { identity: string; issuer: string } {
  let issuer: string | undefined;
  let identity: string;
  try {
    const v2 = cosign ? undefined : cert.extension(OID_FULCIO_ISSUER_V2);
    issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString('ascii') : cert.extension(OID_FULCIO_ISSUER_V1)?.value.toString('ascii');
    identity = cert.subjectAltName ?? '';
  } catch (cause) {
    throw new UserError('the signing certificate cannot be read', { cause });
  }
  const wanted = options.certificateIdentity;
  if (!identityMatches(wanted, identity) || issuer !== options.certificateIssuer)
    throw new UserError(
      `keyless signature refused: the certificate's identity is not ${String(wanted)} from ${options.certificateIssuer} (it is ${identity} from ${issuer ?? 'no issuer'})`,
    );
  const repository = options.githubWorkflowRepository;
  if (repository !== undefined) {
    // A raw string, as Fulcio writes its first extensions (fulcio pkg/certificate/extensions.go, OIDGitHubWorkflowRepository).
    const named = cert.extension(OID_GITHUB_WORKFLOW_REPOSITORY)?.value.toString('utf8');
    if (named !== repository)
      throw new UserError(
        `keyless signature refused: the workflow ran in ${named === undefined ? 'a repository the certificate does not name' : named}, not ${repository}`,
        { hint: 'A reusable workflow signs as itself: --certificate-github-workflow-repository names the repository that called it' },
      );
  }
  return { identity, issuer: issuer ?? '' };
}

/**
 * The weaker check, for a private Sigstore instance whose trusted root was not given: the bundle's
 * certificate names the expected identity and issuer (as @sigstore/verify reads them), its key
 * verifies the DSSE signature, and the statement names the subject and predicate type. Nothing says
 * that a trusted CA issued the certificate or that a log holds the entry: anyone able to write to the
 * registry could plant such a bundle. Used only to decide not to sign again.
 */
export async function checkBundleIdentity(
  bundle: SerializedBundle | string,
  options: Omit<KeylessVerifyOptions, 'trustedRoot' | 'tlogThreshold'>,
): Promise<KeylessVerified> {
  const { crypto, dsse } = await import('@sigstore/core');
  const { identity, issuer, statement, envelope, publicKey } = await screenBundle(bundle, options);
  const signature = envelope.signatures[0]?.sig;
  const key = crypto.createPublicKey(publicKey as Parameters<typeof crypto.createPublicKey>[0]);
  if (!signature || !crypto.verify(dsse.preAuthEncoding(envelope.payloadType, envelope.payload), key, Buffer.from(signature)))
    throw new UserError('keyless signature refused: the signature does not verify over the signed statement');
  return { identity, issuer, statement };
}
