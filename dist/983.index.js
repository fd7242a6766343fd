export const id = 983;
export const ids = [983];
export const modules = {

/***/ 72364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KeylessSigner: () => (/* binding */ KeylessSigner),
  publicGoodRootOrRefusal: () => (/* binding */ publicGoodRootOrRefusal),
  verifyKeylessReferrer: () => (/* binding */ verifyKeylessReferrer)
});

// UNUSED EXPORTS: PREDICATE_TYPE, bundleArtifact, findValidBundle, subjectNameFor

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/quoted.ts
var quoted = __webpack_require__(59202);
// EXTERNAL MODULE: ./src/util/bounded-read.ts
var bounded_read = __webpack_require__(34282);
// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/errors.ts + 1 modules
var oci_errors = __webpack_require__(82240);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
;// CONCATENATED MODULE: ./src/oci/referrers.ts







/**
 * OCI 1.1 referrers (distribution-spec "Pushing Manifests with Subject", "Listing Referrers",
 * "Referrers Tag Schema"): an artifact manifest attached to a subject manifest, found through the
 * registry's referrers API where it has one, else through the image index tagged `sha256-<hex>`
 * that clients keep up to date themselves.
 */
/** The empty config of an artifact manifest: `{}`. */
const EMPTY_CONFIG = {
    mediaType: 'application/vnd.oci.empty.v1+json',
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
};
const EMPTY_CONFIG_DATA = Buffer.from('{}');
/** A referrers index read whole: 4 MiB (the size every registry accepts for a manifest), 10,000 referrers. */
const MAX_INDEX_BYTES = 4 * 1024 * 1024;
const MAX_REFERRERS = 10_000;
const MAX_PAGES = 20;
const INDEX_BOUNDS = { maxBytes: MAX_INDEX_BYTES, maxNodes: 400_000, maxDepth: 16 };
/** The tag of the referrers tag schema for `digest`: `sha256-<hex>`. */
function referrersTag(digest) {
    return (0,oci_digest/* parseDigest */.m)(digest, 'the subject digest', 'a referrers tag').replace(':', '-');
}
/**
 * Attaches `artifact` to `subject` as an OCI 1.1 referrer: uploads the empty config and the layers,
 * PUTs the manifest by digest, and, unless the registry answers with `OCI-Subject` and its referrers
 * API then lists the referrer (the path a verifier takes), adds it to the fallback index: read, merge
 * (never dropping an entry), write with If-Match, read back; again while an entry is missing. Returns
 * the referrer manifest's descriptor.
 */
async function attachReferrer(client, repository, subject, artifact, options = {}) {
    const where = `${client.registry}/${repository}@${subject.digest}`;
    (0,oci_digest/* checkDescriptor */.YW)(subject, 'the subject', where);
    const layers = artifact.layers.map((l) => ({ ...(0,oci_digest/* describe */.q0)(l.mediaType, l.data), ...(l.annotations && { annotations: l.annotations }) }));
    const manifest = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: media_types/* OciMediaType */.O.manifest,
        artifactType: artifact.artifactType,
        config: EMPTY_CONFIG,
        layers,
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        ...(artifact.annotations && Object.keys(artifact.annotations).length > 0 && { annotations: artifact.annotations }),
    }));
    const blobs = [
        [EMPTY_CONFIG, EMPTY_CONFIG_DATA],
        ...artifact.layers.map((l, i) => [layers[i], l.data]),
    ];
    for (const [d, data] of blobs)
        if (!(await client.hasBlob(repository, d)))
            await client.uploadBlob(repository, d, data);
    const descriptor = {
        ...(0,oci_digest/* describe */.q0)(media_types/* OciMediaType */.O.manifest, manifest),
        artifactType: artifact.artifactType,
        ...(artifact.annotations && Object.keys(artifact.annotations).length > 0 && { annotations: artifact.annotations }),
    };
    const pushed = await client
        .pushManifest(repository, descriptor.digest, manifest, media_types/* OciMediaType */.O.manifest)
        .catch((err) => refusedReferrer(err, `${client.registry}/${repository}`));
    if (pushed.conflict)
        throw new errors/* UserError */.yo(`${client.registry}/${repository} refused the referrer manifest ${descriptor.digest} (HTTP 412)`, {
            hint: 'The registry does not follow the distribution spec',
        });
    const log = options.log ?? (() => { });
    // The registry says it indexed the subject, and has the API to list it (ECR has said the first without
    // the second: @sigstore/oci's PR #1183) — and the API lists it (a false 200 with an empty index:
    // sigstore/sigstore-js PR #1187). What a verifier finds counts, not what the registry says.
    if (pushed.subject !== undefined && (await client.hasReferrersApi(repository))) {
        if (await listedByApi(client, repository, subject.digest, descriptor)) {
            log(`${where}: referrer ${descriptor.digest} indexed by the registry's referrers API`);
            return descriptor;
        }
        log(`${where}: the registry answered OCI-Subject, but its referrers API does not list referrer ${descriptor.digest}: adding it to the fallback index ${referrersTag(subject.digest)}, where verifiers also look`);
    }
    await addToFallbackIndex(client, repository, subject.digest, descriptor, options);
    log(`${where}: referrer ${descriptor.digest} added to the fallback index ${referrersTag(subject.digest)}`);
    return descriptor;
}
/** Whether the referrers API lists `ours` among the referrers of `subject` (of its artifact type). */
async function listedByApi(client, repository, subject, ours) {
    const where = `${client.registry}/${repository}@${subject}`;
    let found = false;
    const api = await client.fetchReferrers(repository, subject, ours.artifactType, { maxPages: MAX_PAGES, maxBytes: MAX_INDEX_BYTES }, (body) => {
        if (parseIndex(body, `the referrers of ${where}`).some((e) => e.digest === ours.digest))
            found = true;
    });
    return api && found;
}
/**
 * A referrer manifest the registry refuses outright: AWS ECR has answered a manifest with `subject`
 * and `artifactType` with 405 `UNSUPPORTED: Invalid parameter at 'ImageManifest' failed to satisfy
 * constraint: 'Invalid JSON syntax'` (aws/containers-roadmap#2783; oras-project/oras#1133, #690). It
 * cannot be stored there at all, by referrers API or fallback tag: said so, not retried.
 */
function refusedReferrer(err, where) {
    if (err instanceof oci_errors/* RegistryError */.gl && err.status === 405 && !/REGISTRY_DISALLOWED_OPERATION/.test(err.message))
        throw new errors/* UserError */.yo(`${where} refuses OCI 1.1 referrer manifests (a manifest with a subject): a keyless signature or attestation cannot be stored there (${err.message})`, {
            hint: 'Publish without keyless signatures and attestations to this registry, or to a registry that keeps referrers (AWS ECR: aws/containers-roadmap#2783)',
            code: 'referrers-refused',
        });
    throw err;
}
/**
 * Read, merge, write, read back — and again after a settling time: an entry another writer added is
 * never dropped (every entry seen in any read is kept), and ours is in the index when this returns.
 * A registry that honours If-Match / If-None-Match answers a write on a stale read with 412, and
 * the round starts again; one that ignores them is caught by the reads back.
 */
async function addToFallbackIndex(client, repository, subject, ours, options) {
    const tag = referrersTag(subject);
    const where = `${client.registry}/${repository}:${tag}`;
    const log = options.log ?? (() => { });
    const maxWrites = options.maxWrites ?? 6;
    /** Every entry seen, by digest, in the order first seen; ours last unless it was there already. */
    const known = new Map();
    let settled = false;
    let writes = 0;
    let writeMs = 0;
    for (;;) {
        const started = Date.now();
        const current = await readIndex(client, repository, tag);
        for (const entry of current?.entries ?? [])
            if (!known.has(entry.digest))
                known.set(entry.digest, entry);
        if (!known.has(ours.digest))
            known.set(ours.digest, { ...ours });
        // What every read showed, together: bounded like one index (a registry serving a new set each time).
        if (known.size > MAX_REFERRERS)
            throw tooMany(`the fallback referrers index ${where}`);
        const present = new Set((current?.entries ?? []).map((e) => e.digest));
        const missing = [...known.keys()].filter((d) => !present.has(d));
        if (missing.length === 0) {
            if (settled)
                return;
            // Read back once more after a writer that read before ours landed has had time to write.
            settled = true;
            await (0,retry/* sleep */.yy)(options.settleMs ?? Math.min(5000, Math.max(250, 3 * writeMs)));
            continue;
        }
        settled = false;
        if (writes >= maxWrites)
            throw new errors/* UserError */.yo(`the fallback referrers index ${where} kept changing: ${missing.length} referrer(s) still missing after ${writes} writes`, {
                hint: 'Other writers are updating the same index at the same time: run again',
            });
        if (writes > 0) {
            log(`${where}: ${missing.length} referrer(s) missing from the index, writing it again (write ${writes + 1} of ${maxWrites})`);
            await (0,retry/* sleep */.yy)(Math.random() * 100 * writes);
        }
        writes++;
        const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: media_types/* OciMediaType */.O.index, manifests: [...known.values()] }));
        const wrote = await client.pushManifest(repository, tag, index, media_types/* OciMediaType */.O.index, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
        writeMs = Date.now() - started;
        if (wrote.conflict)
            log(`${where}: the index changed since it was read (HTTP 412), reading it again`);
    }
}
/** The fallback index: its entries (each checked) and ETag, or undefined when the tag does not exist. */
async function readIndex(client, repository, tag) {
    const where = `${client.registry}/${repository}:${tag}`;
    const got = await client.fetchManifestIfAny(repository, tag, media_types/* OciMediaType */.O.index, MAX_INDEX_BYTES);
    if (!got)
        return undefined;
    return { entries: parseIndex(got.body, `the fallback referrers index ${where}`), etag: got.etag };
}
/**
 * Lists the referrers of `subject` (of `artifactType` when given): through the referrers API, or,
 * where the registry has none (404), through the fallback index. Bounded: MAX_REFERRERS entries,
 * MAX_INDEX_BYTES a page; every digest strict.
 */
async function listReferrers(client, repository, subject, artifactType) {
    const digest = (0,oci_digest/* parseDigest */.m)(typeof subject === 'string' ? subject : subject.digest, 'the subject digest', `${client.registry}/${repository}`);
    const where = `${client.registry}/${repository}@${digest}`;
    let entries = [];
    const api = await client.fetchReferrers(repository, digest, artifactType, { maxPages: MAX_PAGES, maxBytes: MAX_INDEX_BYTES }, (body) => {
        entries.push(...parseIndex(body, `the referrers of ${where}`));
        if (entries.length > MAX_REFERRERS)
            throw tooMany(`the referrers of ${where}`);
    });
    // No API, or an API that lists none of them (one that claims more than it keeps, as ECR has: see
    // attachReferrer): the fallback index, where a referrer goes when the API does not list it.
    const wanted = (e) => !artifactType || e.artifactType === artifactType;
    if (!api || !entries.some(wanted))
        entries = (await readIndex(client, repository, referrersTag(digest)))?.entries ?? entries;
    // Filtered here too: a registry that did not apply the filter (or lies about it) adds nothing.
    return entries.filter(wanted).map(asReferrer);
}
/**
 * A checked index entry as a descriptor: its annotations only where they are what the image spec
 * says, a map of strings (a value that is not one, a number for a date, is left out), so that no
 * reader meets a type it did not expect.
 */
function asReferrer(entry) {
    const { annotations, ...rest } = entry;
    const kept = typeof annotations === 'object' && annotations !== null && !Array.isArray(annotations)
        ? Object.fromEntries(Object.entries(annotations).filter(([, v]) => typeof v === 'string'))
        : undefined;
    return { ...rest, ...(kept && { annotations: kept }) };
}
/** An image index's `manifests`, each a descriptor with a strict digest; bounded. */
function parseIndex(body, what) {
    let index;
    try {
        index = (0,bounded_read/* readJson */.Vh)(body.toString('utf8'), INDEX_BOUNDS);
    }
    catch (err) {
        if (err instanceof bounded_read/* BoundsError */.UI)
            throw invalid(`${what} ${err.message}`);
        throw invalid(`${what} is not JSON`);
    }
    const i = index;
    if (typeof i !== 'object' || i === null || Array.isArray(i) || i.mediaType !== media_types/* OciMediaType */.O.index)
        throw invalid(`${what} is not an OCI image index (its mediaType is ${(0,quoted/* quoted */.T)(i?.mediaType)})`);
    if (!Array.isArray(i.manifests))
        throw invalid(`${what} has no list of manifests`);
    if (i.manifests.length > MAX_REFERRERS)
        throw tooMany(what);
    return i.manifests.map((e, n) => {
        if (typeof e !== 'object' || e === null || Array.isArray(e))
            throw invalid(`${what}: entry ${n + 1} is not a descriptor`);
        const d = e;
        (0,oci_digest/* checkDescriptor */.YW)(d, `${what}: entry ${n + 1}'s`, what);
        if (typeof d.mediaType !== 'string')
            throw invalid(`${what}: entry ${n + 1} has no mediaType`);
        if (d.artifactType !== undefined && typeof d.artifactType !== 'string')
            throw invalid(`${what}: entry ${n + 1}'s artifactType is not text`);
        return d;
    });
}
function invalid(message) {
    return new errors/* UserError */.yo(message, {
        hint: 'The registry is answering with something other than a referrers index: nothing was written to it',
    });
}
function tooMany(what) {
    return new errors/* UserError */.yo(`${what} lists more than ${MAX_REFERRERS} referrers`, {
        hint: 'No subject carries that many signatures and attestations: the registry is broken or hostile, and nothing was written to it',
    });
}

// EXTERNAL MODULE: ./src/oci/deadline.ts
var deadline = __webpack_require__(39301);
// EXTERNAL MODULE: ./src/sign/keyless/statement.ts
var statement = __webpack_require__(42349);
;// CONCATENATED MODULE: ./src/release/keyless.ts




const PREDICATE_TYPE = {
    signature: statement/* COSIGN_SIGN_PREDICATE_TYPE */.Z4,
    attestation: statement/* SLSA_PROVENANCE_V1_PREDICATE_TYPE */.vg,
};
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
async function publicGoodRootOrRefusal(cacheDir, warn) {
    try {
        return await (await __webpack_require__.e(/* import() */ 820).then(__webpack_require__.bind(__webpack_require__, 93820))).publicGoodTrustedRoot(cacheDir);
    }
    catch (err) {
        warn(`Sigstore's trusted root could not be refreshed (${err.message}): an earlier signature cannot be checked, so the chart is signed again`);
        throw new errors/* UserError */.yo("Sigstore's trusted root could not be refreshed: not checked");
    }
}
/**
 * The run's keyless signer. A signature statement names only the digest, so one bundle serves every
 * repository the same manifest is pushed to; an attestation names the repository, so each gets its own.
 */
class KeylessSigner {
    #options;
    #signatures = new Map();
    constructor(options) {
        this.#options = options;
    }
    /**
     * Signs and attests `subject` in the reference's repository, each kind once: `fresh` (this run wrote the
     * manifest) signs at once; otherwise a valid bundle by this identity already attached is kept.
     */
    async ensure(client, ref, subject, fresh) {
        return Promise.all(this.#options.kinds.map((kind) => this.#ensureKind(client, ref, subject, fresh, kind)));
    }
    async #ensureKind(client, ref, subject, fresh, kind) {
        const where = `${ref.registry}/${ref.repository}@${subject.digest}`;
        if (!fresh) {
            const found = await this.#findValid(client, ref, subject.digest, kind);
            if (found) {
                this.#options.log(`${where}: ${kind} ${found} by this identity is there already: not signed again`);
                return { kind, digest: found, made: false };
            }
        }
        const name = (0,statement/* ociSubjectName */.fR)(ref.registry, ref.repository);
        const bundle = await this.#bundle(kind, name, subject.digest);
        const attached = await attachReferrer(client, ref.repository, subject, bundleArtifact(bundle, PREDICATE_TYPE[kind]), {
            log: this.#options.log,
        });
        this.#options.log(`${where}: ${kind} ${attached.digest} (${describeWitness(bundle)})`);
        if (kind === 'attestation' && this.#options.record) {
            const warning = await this.#options.record(bundle, { name, digest: subject.digest });
            if (warning)
                this.#options.warn(warning);
        }
        return { kind, digest: attached.digest, made: true };
    }
    async #bundle(kind, subjectName, digest) {
        if (kind === 'signature') {
            let made = this.#signatures.get(digest);
            if (!made) {
                made = this.#sign((0,statement/* signatureStatement */.q$)(digest));
                this.#signatures.set(digest, made);
                // A failed signature is not kept: the next target asks again (and reports its own failure).
                made.catch(() => this.#signatures.delete(digest));
            }
            return made;
        }
        return this.#sign((0,statement/* provenanceStatement */.D2)(subjectName, digest, await this.#options.predicate()));
    }
    async #sign(statement) {
        const { signStatement } = await __webpack_require__.e(/* import() */ 115).then(__webpack_require__.bind(__webpack_require__, 71115));
        const { fulcioURL, rekorURL, tsaURL } = await this.#options.endpoints();
        return signStatement(statement, { identityToken: this.#options.identityToken, fulcioURL, rekorURL, tsaURL });
    }
    /** A referrer of `digest` holding a valid bundle of `kind` by this run's identity; undefined when none. */
    async #findValid(client, ref, digest, kind) {
        const { san, issuer } = await this.#options.identity();
        const expected = {
            certificateIdentity: san,
            certificateIssuer: issuer,
            expectedSubjectDigest: digest,
            expectedPredicateType: PREDICATE_TYPE[kind],
            expectedSubjectName: subjectNameFor(PREDICATE_TYPE[kind], ref.registry, ref.repository),
        };
        const found = await findValidBundle(client, ref.repository, expected, async (bundle) => {
            const trustedRoot = await this.#options.trustedRoot?.();
            const verify = await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 94914));
            if (trustedRoot !== undefined)
                await verify.verifyBundle(bundle, { ...expected, trustedRoot });
            else
                await verify.checkBundleIdentity(bundle, expected);
        });
        for (const why of found.refused)
            this.#options.log(`${ref.registry}/${ref.repository}@${digest}: ${why}`);
        if (!found.digest && found.unread > 0)
            this.#options.log(`${ref.registry}/${ref.repository}@${digest}: ${found.unread} referrer(s) of ${found.listed} left unread (${found.stopped}): signed again`);
        return found.digest;
    }
}
/**
 * The subject name a statement of `predicateType` must carry for a chart in `registry/repository`:
 * an attestation names the repository (actions/attest's subject-name), a signature names none.
 */
function subjectNameFor(predicateType, registry, repository) {
    return predicateType === statement/* COSIGN_SIGN_PREDICATE_TYPE */.Z4 ? undefined : (0,statement/* ociSubjectName */.fR)(registry, repository);
}
/**
 * The newest referrer of the subject that holds a Sigstore bundle as `expected` which `check` accepts
 * (it throws a UserError for one it refuses), within the bounds above, each read bounded too.
 */
async function findValidBundle(client, repository, expected, check) {
    const { expectedSubjectDigest: digest, expectedPredicateType: predicateType } = expected;
    return (0,deadline/* withDeadline */.NE)(Date.now() + Math.min(FIND_DEADLINE_MS, client.operationBudgetMs), async () => {
        const listed = (await listReferrers(client, repository, digest, statement/* SIGSTORE_BUNDLE_V03_MEDIA_TYPE */.cX)).filter((r) => {
            const t = r.annotations?.['dev.sigstore.bundle.predicateType'];
            return t === undefined || t === predicateType;
        });
        const candidates = [...listed].sort((a, b) => created(b).localeCompare(created(a)));
        const refused = [];
        const { screenBundle } = await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 94914));
        let read = 0;
        let verified = 0;
        const result = (found, stopped) => ({
            digest: found,
            refused,
            listed: listed.length,
            checked: read,
            unread: found ? 0 : listed.length - read,
            stopped,
        });
        for (const candidate of candidates) {
            if (read >= MAX_READ)
                return result(undefined, `at most ${MAX_READ} are read`);
            if (verified >= MAX_VERIFIED)
                return result(undefined, `at most ${MAX_VERIFIED} of this identity's are verified`);
            if (((0,deadline/* deadline */.nl)() ?? Infinity) <= Date.now())
                return result(undefined, 'the time to look for one ran out');
            read++;
            try {
                const bundle = await readBundle(client, repository, candidate);
                await screenBundle(bundle, expected);
                verified++;
                await check(bundle);
                return result(candidate.digest);
            }
            catch (err) {
                if (!(err instanceof errors/* UserError */.yo))
                    throw err;
                refused.push(`referrer ${candidate.digest} does not count (${err.message})`);
            }
        }
        return result();
    });
}
/** When a referrer says it was made (newest first); a value that is not text sorts last. */
const created = (r) => {
    const at = r.annotations?.['org.opencontainers.image.created'];
    return typeof at === 'string' ? at : '';
};
/** The referrer cosign 3 and actions/attest push for a bundle: its one layer, and the annotations Artifact Hub and cosign read. */
function bundleArtifact(bundle, predicateType, now = new Date()) {
    return {
        artifactType: statement/* SIGSTORE_BUNDLE_V03_MEDIA_TYPE */.cX,
        layers: [{ mediaType: statement/* SIGSTORE_BUNDLE_V03_MEDIA_TYPE */.cX, data: Buffer.from(JSON.stringify(bundle)) }],
        annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': predicateType,
            'org.opencontainers.image.created': now.toISOString(),
        },
    };
}
/** The bundle in a referrer manifest: its one layer of the bundle media type, bounded. */
async function readBundle(client, repository, referrer) {
    const { body } = await client.fetchManifest(repository, referrer.digest);
    let manifest;
    try {
        manifest = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new errors/* UserError */.yo(`the referrer manifest ${referrer.digest} is not JSON`);
    }
    const layer = manifest.layers?.find((l) => l.mediaType === statement/* SIGSTORE_BUNDLE_V03_MEDIA_TYPE */.cX);
    if (!layer || typeof layer.digest !== 'string' || typeof layer.size !== 'number')
        throw new errors/* UserError */.yo(`the referrer ${referrer.digest} holds no Sigstore bundle`);
    if (layer.size > MAX_BUNDLE_BYTES)
        throw new errors/* UserError */.yo(`the referrer ${referrer.digest}'s bundle is ${layer.size} bytes, more than a bundle is`);
    const data = await client.fetchBlob(repository, { mediaType: statement/* SIGSTORE_BUNDLE_V03_MEDIA_TYPE */.cX, digest: layer.digest, size: layer.size });
    return data.toString('utf8');
}
/** What witnesses the signing time: the log entry, the timestamp, or both. */
function describeWitness(bundle) {
    const tlog = bundle.verificationMaterial?.tlogEntries?.[0];
    const parts = [];
    if (tlog)
        parts.push(`transparency log entry ${tlog.logIndex}`);
    if (bundle.verificationMaterial?.timestampVerificationData?.rfc3161Timestamps?.length)
        parts.push('RFC 3161 timestamp');
    return parts.join(', ') || 'no witness';
}
/**
 * Verifies that a referrer of `digest` holds a Sigstore bundle of the predicate type, valid against
 * the trusted root and made by the identity: what `chart verify` and `chart pull --verify` check.
 * Throws a UserError saying what was found instead.
 */
async function verifyKeylessReferrer(client, repository, digest, check) {
    const verify = await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 94914));
    let verified;
    const expected = {
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
    if (found.digest && verified)
        return { referrer: found.digest, ...verified };
    const kind = check.predicateType === statement/* COSIGN_SIGN_PREDICATE_TYPE */.Z4 ? 'keyless signature' : `attestation of ${check.predicateType}`;
    if (found.listed === 0)
        throw new errors/* UserError */.yo(`${where} carries no ${kind}`, {
            hint: 'It was not signed keylessly, or the signature is in another repository',
        });
    const unread = found.unread > 0 ? ` (the ${found.checked} newest read: ${found.stopped})` : '';
    throw new errors/* UserError */.yo(`${where}: none of its ${found.listed} Sigstore bundles${unread} is a valid ${kind} by ${String(check.identity)}: ${found.refused.slice(0, 8).join('; ')}${found.refused.length > 8 ? `; and ${found.refused.length - 8} more` : ''}`, {
        hint: 'Check the identity and issuer; a chart whose content changed has another digest, and no signature',
    });
}


/***/ })

};
