import { UserError } from '../errors.js';
import type { Descriptor } from '../oci/digest.js';
import type { Reference } from '../oci/reference.js';
import { attachReferrer, listReferrers, type ReferrerArtifact, type ReferrerDescriptor } from '../oci/referrers.js';
import type { RegistryClient } from '../oci/registry.js';
import { deadline, withDeadline } from '../oci/deadline.js';
import type { SigstoreEndpoints } from '../sign/keyless/endpoints.js';
import type { SerializedBundle } from '../sign/keyless/sign.js';
import type { KeylessVerifyOptions } from '../sign/keyless/verify.js';
import {
  COSIGN_SIGN_PREDICATE_TYPE,
  SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
  SLSA_PROVENANCE_V1_PREDICATE_TYPE,
  ociSubjectName,
  provenanceStatement,
  signatureStatement,
  type Statement,
} from '../sign/keyless/statement.js';

/**
 * Keyless signatures and provenance attestations of pushed charts, each made once: a Sigstore bundle
 * (sign/keyless) attached to the chart's manifest as an OCI 1.1 referrer (oci/referrers), as cosign 3
 * and actions/attest attach theirs. A chart the registry already held is signed only when no referrer
 * of its manifest holds a valid bundle by this run's identity.
 */

export type KeylessKind = 'signature' | 'attestation';

export const PREDICATE_TYPE: Record<KeylessKind, string> = {
  signature: COSIGN_SIGN_PREDICATE_TYPE,
  attestation: SLSA_PROVENANCE_V1_PREDICATE_TYPE,
};

/** The identity a Fulcio certificate names: its subject alternative name and the OIDC issuer. */
export interface KeylessIdentity {
  san: string;
  issuer: string;
}

export interface KeylessOptions {
  kinds: KeylessKind[];
  /** The Sigstore instance (asked when the first bundle is made). */
  endpoints: () => Promise<SigstoreEndpoints>;
  /** The OIDC identity token for Fulcio (asked once by the caller, however often this is called). */
  identityToken: () => Promise<string>;
  /** The identity this run's certificates carry: what an existing bundle must name to count (asked per bundle: keep it cheap). */
  identity: () => Promise<KeylessIdentity>;
  /**
   * The trusted root an existing bundle is verified against. Without one, only the certificate's
   * identity, the signature over the statement and the statement are checked (see checkBundleIdentity).
   * Asked per bundle: the caller keeps the one it fetched.
   */
  trustedRoot?: () => Promise<unknown>;
  /** The SLSA provenance predicate of an attestation. */
  predicate: () => Promise<Record<string, unknown>>;
  /** Records a new attestation elsewhere too (GitHub's attestations API); a warning when that failed. */
  record?: (bundle: SerializedBundle, subject: { name: string; digest: string }) => Promise<string | undefined>;
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface KeylessOutcome {
  kind: KeylessKind;
  /** The referrer manifest's digest. */
  digest: string;
  /** Made by this run (false: a valid one was there already). */
  made: boolean;
}

/**
 * When looking for a valid bundle (the newest first): at most MAX_READ referrers read, and at most
 * MAX_VERIFIED of them verified. A referrer costs a verification only once it is a bundle of this
 * identity's for this subject (screenBundle: no cryptography); anything else (missing, not a bundle,
 * too large, another artifact's, another signer's) costs a read, so junk cannot hide a valid one
 * behind it. All of it within FIND_DEADLINE_MS, or one operation of the client (the run's timeout and
 * retries), whichever is shorter, however slowly the registry answers.
 */
const MAX_VERIFIED = 8;
const MAX_READ = 32;
const FIND_DEADLINE_MS = 120_000;
/** A Sigstore bundle is a few KiB: a referrer's layer over this is not read. */
const MAX_BUNDLE_BYTES = 1 << 20;

/**
 * The run's keyless signer. A signature statement names only the digest, so one bundle serves every
 * repository the same manifest is pushed to; an attestation names the repository, so each gets its own.
 */
export class KeylessSigner {
  readonly #options: KeylessOptions;
  readonly #signatures = new Map<string, Promise<SerializedBundle>>();

  constructor(options: KeylessOptions) {
    this.#options = options;
  }

  /**
   * Signs and attests `subject` in the reference's repository, each kind once: `fresh` (this run wrote the
   * manifest) signs at once; otherwise a valid bundle by this identity already attached is kept.
   */
  async ensure(client: RegistryClient, ref: Reference, subject: Descriptor, fresh: boolean): Promise<KeylessOutcome[]> {
    return Promise.all(this.#options.kinds.map((kind) => this.#ensureKind(client, ref, subject, fresh, kind)));
  }

  async #ensureKind(
    client: RegistryClient,
    ref: Reference,
    subject: Descriptor,
    fresh: boolean,
    kind: KeylessKind,
  ): Promise<KeylessOutcome> {
    const where = `${ref.registry}/${ref.repository}@${subject.digest}`;
    if (!fresh) {
      const found = await this.#findValid(client, ref, subject.digest, kind);
      if (found) {
        this.#options.log(`${where}: ${kind} ${found} by this identity is there already: not signed again`);
        return { kind, digest: found, made: false };
      }
    }
    const name = ociSubjectName(ref.registry, ref.repository);
    const bundle = await this.#bundle(kind, name, subject.digest);
    const attached = await attachReferrer(client, ref.repository, subject, bundleArtifact(bundle, PREDICATE_TYPE[kind]), {
      log: this.#options.log,
    });
    this.#options.log(`${where}: ${kind} ${attached.digest} (${describeWitness(bundle)})`);
    if (kind === 'attestation' && this.#options.record) {
      const warning = await this.#options.record(bundle, { name, digest: subject.digest });
      if (warning) this.#options.warn(warning);
    }
    return { kind, digest: attached.digest, made: true };
  }

  async #bundle(kind: KeylessKind, subjectName: string, digest: string): Promise<SerializedBundle> {
    if (kind === 'signature') {
      let made = this.#signatures.get(digest);
      if (!made) {
        made = this.#sign(signatureStatement(digest));
        this.#signatures.set(digest, made);
        // A failed signature is not kept: the next target asks again (and reports its own failure).
        made.catch(() => this.#signatures.delete(digest));
      }
      return made;
    }
    return this.#sign(provenanceStatement(subjectName, digest, await this.#options.predicate()));
  }

  async #sign(statement: Statement): Promise<SerializedBundle> {
    const { signStatement } = await import('../sign/keyless/sign.js');
    const { fulcioURL, rekorURL, tsaURL } = await this.#options.endpoints();
    return signStatement(statement, { identityToken: this.#options.identityToken, fulcioURL, rekorURL, tsaURL });
  }

  /** A referrer of `digest` holding a valid bundle of `kind` by this run's identity; undefined when none. */
  async #findValid(client: RegistryClient, ref: Reference, digest: string, kind: KeylessKind): Promise<string | undefined> {
    const { san, issuer } = await this.#options.identity();
    const expected: BundleExpectation = {
      certificateIdentity: san,
      certificateIssuer: issuer,
      expectedSubjectDigest: digest,
      expectedPredicateType: PREDICATE_TYPE[kind],
      expectedSubjectName: subjectNameFor(PREDICATE_TYPE[kind], ref.registry, ref.repository),
    };
    const found = await findValidBundle(client, ref.repository, expected, async (bundle) => {
      const trustedRoot = await this.#options.trustedRoot?.();
      const verify = await import('../sign/keyless/verify.js');
      if (trustedRoot !== undefined) await verify.verifyBundle(bundle, { ...expected, trustedRoot });
      else await verify.checkBundleIdentity(bundle, expected);
    });
    for (const why of found.refused) this.#options.log(`${ref.registry}/${ref.repository}@${digest}: ${why}`);
    if (!found.digest && found.unread > 0)
      this.#options.log(
        `${ref.registry}/${ref.repository}@${digest}: ${found.unread} referrer(s) of ${found.listed} left unread (${found.stopped}): signed again`,
      );
    return found.digest;
  }
}

/** What a bundle must be to count: of this subject, predicate type (and name), by this identity and issuer. */
export type BundleExpectation = Omit<KeylessVerifyOptions, 'trustedRoot' | 'tlogThreshold'>;

/**
 * The subject name a statement of `predicateType` must carry for a chart in `registry/repository`:
 * an attestation names the repository (actions/attest's subject-name), a signature names none.
 */
export function subjectNameFor(predicateType: string, registry: string, repository: string): string | undefined {
  return predicateType === COSIGN_SIGN_PREDICATE_TYPE ? undefined : ociSubjectName(registry, repository);
}

export interface FoundBundle {
  /** The referrer holding the valid bundle, when one was found. */
  digest?: string;
  /** Why each referrer read did not count. */
  refused: string[];
  /** Referrers of the predicate type listed. */
  listed: number;
  /** Of those, how many were read. */
  checked: number;
  /** Of those, how many were left unread, and why the search stopped before them. */
  unread: number;
  stopped?: string;
}

/**
 * The newest referrer of the subject that holds a Sigstore bundle as `expected` which `check` accepts
 * (it throws a UserError for one it refuses), within the bounds above, each read bounded too.
 */
export async function findValidBundle(
  client: RegistryClient,
  repository: string,
  expected: BundleExpectation,
  check: (bundle: string) => Promise<void>,
): Promise<FoundBundle> {
  const { expectedSubjectDigest: digest, expectedPredicateType: predicateType } = expected;
  return withDeadline(Date.now() + Math.min(FIND_DEADLINE_MS, client.operationBudgetMs), async () => {
    const listed = (await listReferrers(client, repository, digest, SIGSTORE_BUNDLE_V03_MEDIA_TYPE)).filter((r) => {
      const t = r.annotations?.['dev.sigstore.bundle.predicateType'];
      return t === undefined || t === predicateType;
    });
    const candidates = [...listed].sort((a, b) => created(b).localeCompare(created(a)));
    const refused: string[] = [];
    const { screenBundle } = await import('../sign/keyless/verify.js');
    let read = 0;
    let verified = 0;
    const result = (found?: string, stopped?: string): FoundBundle => ({
      digest: found,
      refused,
      listed: listed.length,
      checked: read,
      unread: found ? 0 : listed.length - read,
      stopped,
    });
    for (const candidate of candidates) {
      if (read >= MAX_READ) return result(undefined, `at most ${MAX_READ} are read`);
      if (verified >= MAX_VERIFIED) return result(undefined, `at most ${MAX_VERIFIED} of this identity's are verified`);
      if ((deadline() ?? Infinity) <= Date.now()) return result(undefined, 'the time to look for one ran out');
      read++;
      try {
        const bundle = await readBundle(client, repository, candidate);
        await screenBundle(bundle, expected);
        verified++;
        await check(bundle);
        return result(candidate.digest);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        refused.push(`referrer ${candidate.digest} does not count (${err.message})`);
      }
    }
    return result();
  });
}

/** When a referrer says it was made (newest first); a value that is not text sorts last. */
const created = (r: ReferrerDescriptor): string => {
  const at = r.annotations?.['org.opencontainers.image.created'];
  return typeof at === 'string' ? at : '';
};

/** The referrer cosign 3 and actions/attest push for a bundle: its one layer, and the annotations Artifact Hub and cosign read. */
export function bundleArtifact(bundle: SerializedBundle, predicateType: string, now = new Date()): ReferrerArtifact {
  return {
    artifactType: SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
    layers: [{ mediaType: SIGSTORE_BUNDLE_V03_MEDIA_TYPE, data: Buffer.from(JSON.stringify(bundle)) }],
    annotations: {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': predicateType,
      'org.opencontainers.image.created': now.toISOString(),
    },
  };
}

/** The bundle in a referrer manifest: its one layer of the bundle media type, bounded. */
async function readBundle(client: RegistryClient, repository: string, referrer: ReferrerDescriptor): Promise<string> {
  const { body } = await client.fetchManifest(repository, referrer.digest);
  let manifest: { layers?: Array<{ mediaType?: unknown; digest?: unknown; size?: unknown }> };
  try {
    manifest = JSON.parse(body.toString('utf8'));
  } catch {
    throw new UserError(`the referrer manifest ${referrer.digest} is not JSON`);
  }
  const layer = manifest.layers?.find((l) => l.mediaType === SIGSTORE_BUNDLE_V03_MEDIA_TYPE);
  if (!layer || typeof layer.digest !== 'string' || typeof layer.size !== 'number')
    throw new UserError(`the referrer ${referrer.digest} holds no Sigstore bundle`);
  if (layer.size > MAX_BUNDLE_BYTES)
    throw new UserError(`the referrer ${referrer.digest}'s bundle is ${layer.size} bytes, more than a bundle is`);
  const data = await client.fetchBlob(repository, { mediaType: SIGSTORE_BUNDLE_V03_MEDIA_TYPE, digest: layer.digest, size: layer.size });
  return data.toString('utf8');
}

/** What witnesses the signing time: the log entry, the timestamp, or both. */
function describeWitness(bundle: SerializedBundle): string {
  const tlog = bundle.verificationMaterial?.tlogEntries?.[0];
  const parts: string[] = [];
  if (tlog) parts.push(`transparency log entry ${tlog.logIndex}`);
  if (bundle.verificationMaterial?.timestampVerificationData?.rfc3161Timestamps?.length) parts.push('RFC 3161 timestamp');
  return parts.join(', ') || 'no witness';
}

export interface KeylessCheck {
  predicateType: string;
  /** The certificate's identity (SAN): exactly, or matching the expression. */
  identity: string | RegExp;
  issuer: string;
  trustedRoot: unknown;
  /** The repository whose workflow ran (a reusable workflow's caller), when it must be this one. */
  githubWorkflowRepository?: string;
}

/**
 * Verifies that a referrer of `digest` holds a Sigstore bundle of the predicate type, valid against
 * the trusted root and made by the identity: what `chart verify` and `chart pull --verify` check.
 * Throws a UserError saying what was found instead.
 */
export async function verifyKeylessReferrer(
  client: RegistryClient,
  repository: string,
  digest: string,
  check: KeylessCheck,
): Promise<{ referrer: string; identity: string; issuer: string }> {
  const verify = await import('../sign/keyless/verify.js');
  let verified: { identity: string; issuer: string } | undefined;
  const expected: BundleExpectation = {
    certificateIdentity: check.identity,
    certificateIssuer: check.issuer,
    expectedSubjectDigest: digest,
    expectedPredicateType: check.predicateType,
    expectedSubjectName: subjectNameFor(check.predicateType, client.registry, repository),
    githubWorkflowRepository: check.githubWorkflowRepository,
  };
  const found = await findValidBundle(client, repository, expected, async (bundle) => {
    verified = await verify.verifyBundle(bundle, { ...expected, trustedRoot: check.trustedRoot });
  });
  const where = `${client.registry}/${repository}@${digest}`;
  if (found.digest && verified) return { referrer: found.digest, ...verified };
  const kind = check.predicateType === COSIGN_SIGN_PREDICATE_TYPE ? 'keyless signature' : `attestation of ${check.predicateType}`;
  if (found.listed === 0)
    throw new UserError(`${where} carries no ${kind}`, {
      hint: 'It was not signed keylessly, or the signature is in another repository',
    });
  const unread = found.unread > 0 ? ` (the ${found.checked} newest read: ${found.stopped})` : '';
  throw new UserError(
    `${where}: none of its ${found.listed} Sigstore bundles${unread} is a valid ${kind} by ${String(check.identity)}: ${found.refused.slice(0, 8).join('; ')}${found.refused.length > 8 ? `; and ${found.refused.length - 8} more` : ''}`,
    {
      hint: 'Check the identity and issuer; a chart whose content changed has another digest, and no signature',
    },
  );
}
