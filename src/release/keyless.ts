import { UserError } from '../errors.js';
import type { Descriptor } from '../oci/digest.js';
import type { Reference } from '../oci/reference.js';
import { attachReferrer, listReferrers, type ReferrerArtifact, type ReferrerDescriptor } from '../oci/referrers.js';
import type { RegistryClient } from '../oci/registry.js';
import { deadline, withDeadline } from '../oci/deadline.js';
import type { SigstoreEndpoints } from '../sign/keyless/endpoints.js';
import type { CertifiedKey, KeylessSignOptions, SerializedBundle } from '../sign/keyless/sign.js';
import type { ClassicLayer } from '../sign/keyless/cosign-classic.js';
import { DEFAULT_SIGNATURE_FORMAT, type SignatureFormat } from './signature-format.js';
import { appendClassic, classicTag, findValidClassic, NotAppendable, type FoundClassic } from './cosign-classic.js';
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
 * Keyless signatures and provenance attestations of pushed charts, each made once, in two forms: a
 * Sigstore bundle (sign/keyless) attached to the chart's manifest as an OCI 1.1 referrer
 * (oci/referrers), as cosign 3 and actions/attest attach theirs, and cosign's classic layout, a layer
 * of the `sha256-<hex>.sig` / `.att` tag beside the chart (release/cosign-classic), which Kyverno,
 * Flux < 1.8, Ratify, cosign 2 and Artifact Hub read. A chart the registry already held gets only the
 * forms it lacks: a valid one by this run's identity, in either place, is kept and not made again.
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
  /** The forms made (default both). */
  format?: SignatureFormat;
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
  /** The referrer manifest's digest; in the classic form only, the `.sig` / `.att` tag's manifest digest. */
  digest: string;
  /** Made by this run, in some form (false: a valid one was there already in every form asked for). */
  made: boolean;
  /** The referrer bundle, when that form was asked for. */
  bundle?: { digest: string; made: boolean };
  /** The classic tag, when that form was asked for; `digest` is the tag's manifest (empty when it could not be written). */
  classic?: { tag: string; digest: string; made: boolean; layer?: number };
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
 * Sigstore's public-good trusted root, refreshed through its TUF repository (cached in `cacheDir`). Out
 * of reach, it is not replaced by the identity-only check (anyone can make a certificate naming an
 * identity): `warn` says so once, and each earlier bundle looked at is refused (a UserError), so the
 * chart is signed again.
 */
export async function publicGoodRootOrRefusal(cacheDir: string, warn: (line: string) => void): Promise<unknown> {
  try {
    return await (await import('../sign/keyless/trusted-root.js')).publicGoodTrustedRoot(cacheDir);
  } catch (err) {
    warn(
      `Sigstore's trusted root could not be refreshed (${(err as Error).message}): an earlier signature cannot be checked, so the chart is signed again`,
    );
    throw new UserError("Sigstore's trusted root could not be refreshed: not checked");
  }
}

/**
 * The run's keyless signer. A signature statement names only the digest, so one bundle serves every
 * repository the same manifest is pushed to; cosign's classic payload names the repository, so each
 * repository gets its own, signed under the same certificate (one Fulcio certificate per chart per
 * run for its signatures: CertifiedKey). An attestation names the repository, so each gets its own;
 * its classic `.att` layer is the same DSSE envelope as its bundle (one signing, both forms).
 */
export class KeylessSigner {
  readonly #options: KeylessOptions;
  readonly #signatures = new Map<string, Promise<SerializedBundle>>();
  readonly #keys = new Map<string, Promise<CertifiedKey>>();
  #chainWarned = false;

  constructor(options: KeylessOptions) {
    this.#options = options;
  }

  get format(): SignatureFormat {
    return this.#options.format ?? DEFAULT_SIGNATURE_FORMAT;
  }

  /**
   * Signs and attests `subject` in the reference's repository, each kind once in each form asked for:
   * `fresh` (this run wrote the manifest) signs at once; otherwise a valid one by this identity already
   * there is kept, form by form, and only the forms missing are made.
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
    const wantBundle = this.format !== 'classic';
    const wantClassic = this.format !== 'bundle';
    const tag = classicTag(subject.digest, kind);
    const [lookedUp, foundClassic] = fresh
      ? [undefined, undefined]
      : await Promise.all([
          wantBundle ? this.#findValid(client, ref, subject.digest, kind) : undefined,
          wantClassic ? this.#findClassic(client, ref, subject.digest, kind) : undefined,
        ]);
    const foundBundle = lookedUp && 'digest' in lookedUp ? lookedUp : undefined;
    if (foundBundle) this.#options.log(`${where}: ${kind} ${foundBundle.digest} by this identity is there already: not signed again`);
    if (foundClassic?.layer)
      this.#options.log(
        `${where}: ${kind} in ${tag} (layer ${foundClassic.layer.index}) by this identity is there already: not signed again`,
      );
    // A registry that lists no referrer (GitLab: no API, and the fallback tag reads as the subject)
    // would hide a bundle made now from every verifier and from the next run: where the classic form
    // is there, it is the one that counts, and no bundle is made again on each run.
    const unlistable = lookedUp !== undefined && 'unlistable' in lookedUp && Boolean(foundClassic?.layer);
    if (unlistable)
      this.#options.log(
        `${where}: the registry lists no referrers (no referrers API, and its fallback tag answers with the chart's own manifest): a bundle made now could not be found there; the ${kind} in ${tag} counts`,
      );
    // The look stopped at its bounds with referrers or layers left unread (more than any chart's signers
    // make: someone with push rights may have planted them ahead of this identity's): whether this
    // identity signed already is not known, and signing again on every run would make exactly-once
    // anyone's to break. Not made; said.
    const undecidedBundle = lookedUp !== undefined && 'undecided' in lookedUp ? lookedUp.undecided : undefined;
    const undecidedClassic =
      !foundClassic?.layer && foundClassic && foundClassic.unread > 0
        ? `${foundClassic.unread} layer(s) of ${foundClassic.listed} left unread (${foundClassic.stopped})`
        : undefined;
    for (const [form, why] of [
      ['bundle', undecidedBundle],
      [tag, undecidedClassic],
    ] as const)
      if (why)
        this.#options.warn(
          `${where}: the ${kind} is not made as a ${form === 'bundle' ? 'Sigstore bundle' : `layer of ${form}`}: ${why}, so whether this identity made one already is not known (someone with push rights may have planted these ahead of it; see docs/security.md)`,
        );
    const needBundle = wantBundle && !foundBundle && !unlistable && !undecidedBundle;
    // A tag that cannot be read cannot be appended to either: nothing is signed for it (said once per tag).
    if (foundClassic?.unusable)
      this.#options.warn(
        `${foundClassic.unusable}: the ${kind} is not made in cosign's classic layout; verifiers that read only that layout will not find it`,
      );
    const needClassic = wantClassic && !foundClassic?.layer && !foundClassic?.unusable && !undecidedClassic;
    const outcome: KeylessOutcome = { kind, digest: '', made: needBundle || needClassic };
    const name = ociSubjectName(ref.registry, ref.repository);

    // Both forms are made before either is written, together (one certificate, asked once): a
    // signing that fails leaves the registry as it was.
    let bundle: SerializedBundle | undefined;
    let layer: ClassicLayer | undefined;
    if (kind === 'signature') {
      [bundle, layer] = await Promise.all([
        needBundle ? this.#signatureBundle(subject.digest) : undefined,
        needClassic ? this.#signatureLayer(ref, subject.digest) : undefined,
      ]);
    } else if (needBundle || needClassic) {
      // An attestation found as a bundle gives the `.att` its envelope without signing again (the
      // same envelope, the same log entry); one found only in `.att` cannot give a bundle (a v0.3
      // bundle needs the entry's inclusion proof, which the classic layout does not keep).
      const reused = needClassic && !needBundle ? await this.#reusableEnvelope(foundBundle?.bundle) : undefined;
      if (reused) layer = await this.#attestationLayer(reused, false);
      else {
        bundle = await this.#sign(provenanceStatement(name, subject.digest, await this.#options.predicate()));
        if (needClassic) layer = await this.#attestationLayer(bundle, true);
      }
    }
    if (bundle && needBundle) {
      const attached = await attachReferrer(client, ref.repository, subject, bundleArtifact(bundle, PREDICATE_TYPE[kind]), {
        log: this.#options.log,
      });
      this.#options.log(`${where}: ${kind} ${attached.digest} (${describeWitness(bundle)})`);
      outcome.bundle = { digest: attached.digest, made: true };
    } else if (foundBundle) outcome.bundle = { digest: foundBundle.digest, made: false };
    if (layer) outcome.classic = await this.#writeClassic(client, ref, subject.digest, kind, layer);
    else if (foundClassic?.layer)
      outcome.classic = { tag, digest: foundClassic.tagDigest ?? '', made: false, layer: foundClassic.layer.index };
    if (bundle && kind === 'attestation' && this.#options.record) {
      const warning = await this.#options.record(bundle, { name, digest: subject.digest });
      if (warning) this.#options.warn(warning);
    }
    outcome.digest = outcome.bundle?.digest ?? outcome.classic?.digest ?? '';
    // `made` says what was written; a chart whose every form asked for could not be stored is not
    // signed, and fails (a tag planted where the classic form goes left a classic-only chart unsigned
    // while the run went on). One whose look was undecided has been warned about, and stands as it was.
    outcome.made = Boolean(outcome.bundle?.made || outcome.classic?.made);
    if (!outcome.bundle?.digest && !outcome.classic?.digest && !undecidedBundle && !undecidedClassic)
      throw new UserError(`${where}: the ${kind} could not be stored in the form asked for (${this.format}): see the warning above`, {
        hint: "Remove what stands at the chart's sha256-<hex>.sig / .att tag (another tool's, or planted), or sign as a Sigstore bundle (signature format bundle)",
      });
    return outcome;
  }

  /** Appends the layer to its tag; a tag that cannot take it (another writer's image there, 1000 layers) is a warning, not a failure. */
  async #writeClassic(
    client: RegistryClient,
    ref: Reference,
    digest: string,
    kind: KeylessKind,
    layer: ClassicLayer,
  ): Promise<NonNullable<KeylessOutcome['classic']>> {
    const where = `${ref.registry}/${ref.repository}@${digest}`;
    const tag = classicTag(digest, kind);
    try {
      const wrote = await appendClassic(client, ref.repository, digest, kind, layer, this.#options.log);
      this.#options.log(`${where}: ${kind} appended to ${tag} (layer ${wrote.layers}, ${wrote.digest}), as cosign writes it`);
      return { tag, digest: wrote.digest, made: true, layer: wrote.layers };
    } catch (err) {
      if (!(err instanceof NotAppendable)) throw err;
      this.#options.warn(
        `${ref.registry}/${ref.repository}:${tag}: the ${kind} was not written in cosign's classic layout (${err.message}); verifiers that read only that layout will not find it`,
      );
      return { tag, digest: '', made: false };
    }
  }

  /** The key a digest's signatures are made with: one Fulcio certificate for its bundle and each repository's classic payload. */
  #key(digest: string): Promise<CertifiedKey> {
    let key = this.#keys.get(digest);
    if (!key) {
      key = Promise.all([import('../sign/keyless/sign.js'), this.#signOptions()]).then(([m, o]) => new m.CertifiedKey(o));
      this.#keys.set(digest, key);
      key.catch(() => this.#keys.delete(digest));
    }
    return key;
  }

  async #signatureBundle(digest: string): Promise<SerializedBundle> {
    let made = this.#signatures.get(digest);
    if (!made) {
      made = this.#key(digest).then((key) => this.#sign(signatureStatement(digest), key));
      this.#signatures.set(digest, made);
      // A failed signature is not kept: the next target asks again (and reports its own failure).
      made.catch(() => this.#signatures.delete(digest));
    }
    return made;
  }

  /** cosign's `.sig` layer for this repository: its simple-signing payload signed under the digest's certificate. */
  async #signatureLayer(ref: Reference, digest: string): Promise<ClassicLayer> {
    const [{ signMessage }, { simpleSigningPayload }, { signatureLayer }] = await Promise.all([
      import('../sign/keyless/sign.js'),
      import('../sign/keyless/simple-signing.js'),
      import('../sign/keyless/cosign-classic.js'),
    ]);
    const payload = simpleSigningPayload(ref.registry, ref.repository, digest);
    const message = await signMessage(payload, await this.#signOptions(), await this.#key(digest));
    return signatureLayer(message, payload, await this.#chain(message));
  }

  /**
   * cosign's `.att` layer for an attestation bundle: its envelope, with a timestamp over the envelope
   * bytes when the instance has a timestamp authority and the bundle was just made (cosign's `.att`
   * timestamp covers the layer, the bundle's covers the DSSE signature; one taken later than the
   * certificate's validity would fail cosign's expiry check, so a reused bundle gets none and its
   * Rekor entry is the witness of its time).
   */
  async #attestationLayer(bundle: SerializedBundle, fresh: boolean): Promise<ClassicLayer> {
    const [{ attestationLayer, envelopeBytes }, { timestampBytes }] = await Promise.all([
      import('../sign/keyless/cosign-classic.js'),
      import('../sign/keyless/sign.js'),
    ]);
    const options = await this.#signOptions();
    const timestamp =
      fresh && options.tsaURL ? await timestampBytes(envelopeBytes(bundle), { ...options, tsaURL: options.tsaURL }) : undefined;
    return attestationLayer(bundle, SLSA_PROVENANCE_V1_PREDICATE_TYPE, await this.#chain(bundle), timestamp);
  }

  /** A valid attestation bundle found as a referrer, when its envelope can be the `.att` layer (it has the Rekor entry that hashed those very bytes). */
  async #reusableEnvelope(found: string | undefined): Promise<SerializedBundle | undefined> {
    if (!found) return undefined;
    const { envelopeBytes, rekorBundleAnnotation } = await import('../sign/keyless/cosign-classic.js');
    try {
      const bundle = JSON.parse(found) as SerializedBundle;
      if (!rekorBundleAnnotation(bundle.verificationMaterial.tlogEntries?.[0])) return undefined;
      envelopeBytes(bundle);
      return bundle;
    } catch {
      return undefined;
    }
  }

  /** The chain annotation for a bundle's certificate, from the trusted root; undefined (said once) when there is none. */
  async #chain(bundle: SerializedBundle): Promise<string | undefined> {
    const { chainFromTrustedRoot } = await import('../sign/keyless/cosign-classic.js');
    let root: unknown;
    try {
      root = await this.#options.trustedRoot?.();
    } catch {
      root = undefined;
    }
    const chain = root === undefined ? undefined : await chainFromTrustedRoot(bundle, root);
    if (!chain && !this.#chainWarned) {
      this.#chainWarned = true;
      this.#options.warn(
        `cosign's classic signatures are written without their certificate chain (${root === undefined ? 'no trusted root for this Sigstore instance' : 'no certificate authority of the trusted root issued the certificate'}): Kyverno and Ratify need it to verify them`,
      );
    }
    return chain;
  }

  async #signOptions(): Promise<KeylessSignOptions> {
    const { fulcioURL, rekorURL, tsaURL } = await this.#options.endpoints();
    return { identityToken: this.#options.identityToken, fulcioURL, rekorURL, tsaURL };
  }

  async #sign(statement: Statement, key?: CertifiedKey): Promise<SerializedBundle> {
    const { signStatement } = await import('../sign/keyless/sign.js');
    return signStatement(statement, await this.#signOptions(), key);
  }

  /** A referrer of `digest` holding a valid bundle of `kind` by this run's identity (with the bundle); undefined when none. */
  async #findValid(
    client: RegistryClient,
    ref: Reference,
    digest: string,
    kind: KeylessKind,
  ): Promise<{ digest: string; bundle: string } | { unlistable: true } | { undecided: string } | undefined> {
    const expected = await this.#expectation(ref, digest, kind);
    const found = await findValidBundle(client, ref.repository, expected, async (bundle) => {
      const trustedRoot = await this.#options.trustedRoot?.();
      const verify = await import('../sign/keyless/verify.js');
      if (trustedRoot !== undefined) await verify.verifyBundle(bundle, { ...expected, trustedRoot });
      else await verify.checkBundleIdentity(bundle, expected);
    });
    for (const why of found.refused) this.#options.log(`${ref.registry}/${ref.repository}@${digest}: ${why}`);
    if (found.digest && found.bundle) return { digest: found.digest, bundle: found.bundle };
    if (found.unread > 0) return { undecided: `${found.unread} referrer(s) of ${found.listed} left unread (${found.stopped})` };
    return found.unlistable ? { unlistable: true } : undefined;
  }

  /** The newest layer of `kind`'s classic tag holding a valid one by this run's identity. */
  async #findClassic(client: RegistryClient, ref: Reference, digest: string, kind: KeylessKind): Promise<FoundClassic> {
    const expected = await this.#expectation(ref, digest, kind);
    const tag = `${ref.registry}/${ref.repository}:${classicTag(digest, kind)}`;
    let trustedRoot: unknown;
    try {
      trustedRoot = await this.#options.trustedRoot?.();
    } catch {
      // Refused when a layer is checked (the bundle's rule: no trusted root, nothing counts).
    }
    const found = await findValidClassic(
      client,
      ref.repository,
      kind,
      expected,
      async (layer, data) => {
        const root = await this.#options.trustedRoot?.();
        const { verifyClassicLayer } = await import('../sign/keyless/verify-classic.js');
        await verifyClassicLayer(kind, layer, data, { ...expected, trustedRoot: root });
      },
      { trustedRoot },
    );
    if (!found.layer) for (const why of found.refused) this.#options.log(`${tag}: ${why}`);
    return found;
  }

  async #expectation(ref: Reference, digest: string, kind: KeylessKind): Promise<BundleExpectation> {
    const { san, issuer } = await this.#options.identity();
    return {
      certificateIdentity: san,
      certificateIssuer: issuer,
      expectedSubjectDigest: digest,
      expectedPredicateType: PREDICATE_TYPE[kind],
      expectedSubjectName: subjectNameFor(PREDICATE_TYPE[kind], ref.registry, ref.repository),
    };
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
  /** The referrer holding the valid bundle, when one was found, and the bundle. */
  digest?: string;
  bundle?: string;
  /** Why each referrer read did not count. */
  refused: string[];
  /** Referrers of the predicate type listed. */
  listed: number;
  /** Of those, how many were read. */
  checked: number;
  /** Of those, how many were left unread, and why the search stopped before them. */
  unread: number;
  stopped?: string;
  /** The registry can list no referrer: no referrers API, and its fallback tag answers with the subject itself (GitLab). */
  unlistable?: boolean;
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
    const seen: { subjectItself?: boolean } = {};
    const listed = (await listReferrers(client, repository, digest, SIGSTORE_BUNDLE_V03_MEDIA_TYPE, seen)).filter((r) => {
      const t = r.annotations?.['dev.sigstore.bundle.predicateType'];
      return t === undefined || t === predicateType;
    });
    const candidates = [...listed].sort((a, b) => created(b).localeCompare(created(a)));
    const refused: string[] = [];
    const { screenBundle } = await import('../sign/keyless/verify.js');
    let read = 0;
    let verified = 0;
    const result = (found?: string, stopped?: string, bundle?: string): FoundBundle => ({
      digest: found,
      bundle,
      refused,
      listed: listed.length,
      checked: read,
      unread: found ? 0 : listed.length - read,
      stopped,
      unlistable: seen.subjectItself,
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
        return result(candidate.digest, undefined, bundle);
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
  /** The form that must verify: the referrer bundle, cosign's classic tag, or both; either when not given. */
  format?: SignatureFormat;
}

/** Where a valid keyless signature or attestation was found, in which form. */
export interface KeylessFound {
  format: 'bundle' | 'classic';
  /** The referrer manifest's digest, or the classic tag and the layer's place in it. */
  where: string;
  identity: string;
  issuer: string;
}

/** Either form's answer: what verified, or why none did (and whether there was anything at all). */
type FormResult = { found: KeylessFound } | { failure: string; nothing: boolean };

/**
 * Verifies that `digest` carries a keyless signature (or an attestation of the predicate type) valid
 * against the trusted root and made by the identity, in the form(s) asked for: a Sigstore bundle among
 * its referrers, a layer of cosign's classic tag beside it, or (by default) either, the bundle looked
 * at first. What `chart verify` and `chart pull --verify` check. Throws a UserError saying what was
 * found instead, form by form. `referrer` is where the first form that verified is: the referrer's
 * digest, or the classic tag and layer.
 */
export async function verifyKeylessReferrer(
  client: RegistryClient,
  repository: string,
  digest: string,
  check: KeylessCheck,
): Promise<{ referrer: string; identity: string; issuer: string; found: KeylessFound[] }> {
  const expected: BundleExpectation = {
    certificateIdentity: check.identity,
    certificateIssuer: check.issuer,
    expectedSubjectDigest: digest,
    expectedPredicateType: check.predicateType,
    expectedSubjectName: subjectNameFor(check.predicateType, client.registry, repository),
    githubWorkflowRepository: check.githubWorkflowRepository,
  };
  const where = `${client.registry}/${repository}@${digest}`;
  const kind = check.predicateType === COSIGN_SIGN_PREDICATE_TYPE ? 'keyless signature' : `attestation of ${check.predicateType}`;
  const classicKind: KeylessKind = check.predicateType === COSIGN_SIGN_PREDICATE_TYPE ? 'signature' : 'attestation';
  const forms: Array<'bundle' | 'classic'> =
    check.format === 'bundle' ? ['bundle'] : check.format === 'classic' ? ['classic'] : ['bundle', 'classic'];
  const results: FormResult[] = [];
  for (const form of forms) {
    const r =
      form === 'bundle'
        ? await verifyBundleForm(client, repository, expected, check, kind)
        : await verifyClassicForm(client, repository, classicKind, expected, check, kind);
    results.push(r);
    // Either form will do unless both are asked for: the first that verifies ends the search.
    if ('found' in r && check.format !== 'both') break;
  }
  const found = results.flatMap((r) => ('found' in r ? [r.found] : []));
  const failures = results.flatMap((r) => ('failure' in r ? [r] : []));
  if (failures.length === 0 || (check.format !== 'both' && found.length > 0)) {
    const first = found[0];
    return { referrer: first.where, identity: first.identity, issuer: first.issuer, found };
  }
  if (failures.every((f) => f.nothing) && found.length === 0)
    throw new UserError(`${where} carries no ${kind}${check.format && check.format !== 'both' ? ` ${FORM_NAME[check.format]}` : ''}`, {
      hint: 'It was not signed keylessly, or the signature is in another repository',
    });
  throw new UserError(`${where}: ${failures.map((f) => f.failure).join('; and ')}`, {
    hint:
      check.format === 'both' && found.length > 0
        ? `Only one form is there (${found.map(describeFound).join(', ')}): ask for that form (${found[0].format}), or sign again in both forms`
        : 'Check the identity and issuer; a chart whose content changed has another digest, and no signature',
  });
}

const FORM_NAME = { bundle: 'in a Sigstore bundle', classic: "in cosign's classic layout" } as const;

/** How a face names a form found: the referrer's digest, or the tag and layer. */
export function describeFound(f: KeylessFound): string {
  return f.format === 'bundle' ? `${f.where} (Sigstore bundle referrer)` : `${f.where} (cosign classic)`;
}

async function verifyBundleForm(
  client: RegistryClient,
  repository: string,
  expected: BundleExpectation,
  check: KeylessCheck,
  kind: string,
): Promise<FormResult> {
  const verify = await import('../sign/keyless/verify.js');
  let verified: { identity: string; issuer: string } | undefined;
  const found = await findValidBundle(client, repository, expected, async (bundle) => {
    verified = await verify.verifyBundle(bundle, { ...expected, trustedRoot: check.trustedRoot });
  });
  if (found.digest && verified) return { found: { format: 'bundle', where: found.digest, ...verified } };
  if (found.listed === 0) return { failure: 'no Sigstore bundle among its referrers', nothing: true };
  const unread = found.unread > 0 ? ` (the ${found.checked} newest read: ${found.stopped})` : '';
  return {
    failure: `none of its ${found.listed} Sigstore bundles${unread} is a valid ${kind} by ${String(check.identity)}: ${found.refused.slice(0, 8).join('; ')}${found.refused.length > 8 ? `; and ${found.refused.length - 8} more` : ''}`,
    nothing: false,
  };
}

async function verifyClassicForm(
  client: RegistryClient,
  repository: string,
  classicKind: KeylessKind,
  expected: BundleExpectation,
  check: KeylessCheck,
  kind: string,
): Promise<FormResult> {
  const { verifyClassicLayer } = await import('../sign/keyless/verify-classic.js');
  let verified: { identity: string; issuer: string } | undefined;
  const tag = classicTag(expected.expectedSubjectDigest, classicKind);
  const found = await findValidClassic(
    client,
    repository,
    classicKind,
    expected,
    async (layer, data) => {
      verified = await verifyClassicLayer(classicKind, layer, data, { ...expected, trustedRoot: check.trustedRoot });
    },
    { trustedRoot: check.trustedRoot },
  );
  if (found.layer && verified)
    return { found: { format: 'classic', where: `${tag} layer ${found.layer.index} of ${found.listed}`, ...verified } };
  if (found.unusable) return { failure: `no valid ${kind} in its cosign tag (${found.unusable})`, nothing: false };
  if (found.listed === 0) return { failure: `no cosign tag ${tag}`, nothing: true };
  const unread = found.unread > 0 ? ` (${found.unread} left unread: ${found.stopped})` : '';
  return {
    failure: `none of the ${found.listed} layers of its cosign tag ${tag}${unread} is a valid ${kind} by ${String(check.identity)}: ${found.refused.join('; ')}`,
    nothing: false,
  };
}
