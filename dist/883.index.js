export const id = 883;
export const ids = [883];
export const modules = {

/***/ 70883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KeylessSigner: () => (/* binding */ KeylessSigner),
  describeFound: () => (/* binding */ describeFound),
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
;// CONCATENATED MODULE: ./src/oci/merged-tag.ts

/** How many times a merged tag is written before giving up. */
const MAX_REWRITES = 10;
/** The merge; the last read, which holds every entry seen (undefined only when `unreadable` ended it on no tag). */
async function mergeIntoTag(tag) {
    const log = tag.log ?? (() => { });
    const maxWrites = tag.maxWrites ?? MAX_REWRITES;
    /** Every entry seen, by identity, in the order first seen; ours after the ones already there. */
    const known = new Map();
    let settled = false;
    let writes = 0;
    let writeMs = 0;
    for (;;) {
        const started = Date.now();
        const current = await tag.read();
        if (writes > 0 && (await tag.unreadable?.(current)))
            return current;
        const seen = current ? tag.entries(current) : [];
        for (const e of [...seen, ...tag.ours])
            if (!known.has(tag.key(e)))
                known.set(tag.key(e), e);
        tag.checkCount(known.size);
        const present = new Set(seen.map(tag.key));
        const missing = [...known.keys()].filter((k) => !present.has(k));
        if (missing.length === 0) {
            if (settled)
                return current;
            // Read back once more after a writer that read before ours landed has had time to write.
            settled = true;
            await (0,retry/* sleep */.yy)(tag.settleMs ?? Math.min(5000, Math.max(250, 3 * writeMs)));
            continue;
        }
        settled = false;
        if (writes >= maxWrites)
            throw tag.gaveUp(missing.length, writes);
        if (writes > 0) {
            log(tag.again(missing.length, writes + 1, maxWrites));
            await (0,retry/* sleep */.yy)(rewriteWait(writes));
        }
        writes++;
        const wrote = await tag.write([...known.values()], current);
        writeMs = Date.now() - started;
        if (wrote.conflict)
            log(tag.conflict);
    }
}
/**
 * The wait before write number `writes + 1` (`writes` already made, at least 1). Backing off, not at
 * once: a registry whose reads lag its writes (a cache in front) shows the tag as it was for a while,
 * and writing again into that lag only loses the race again. 250 ms doubling to 4 s, at least half of each
 * (equal jitter): about 25 s in all over 10 writes, which outlasts a few seconds of lag.
 */
function rewriteWait(writes, random = Math.random) {
    return (0,retry/* backoffAtLeastHalf */.Y0)(writes - 1, { baseMs: 250, capMs: 4000 }, random);
}

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
const INDEX_ACCEPT = [
    media_types/* OciMediaType */.OH.index,
    media_types/* OciMediaType */.OH.manifest,
    'application/vnd.docker.distribution.manifest.list.v2+json',
    media_types/* OciMediaType */.OH.dockerManifest,
].join(', ');
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
        mediaType: media_types/* OciMediaType */.OH.manifest,
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
        ...(0,oci_digest/* describe */.q0)(media_types/* OciMediaType */.OH.manifest, manifest),
        artifactType: artifact.artifactType,
        ...(artifact.annotations && Object.keys(artifact.annotations).length > 0 && { annotations: artifact.annotations }),
    };
    const pushed = await client
        .pushManifest(repository, descriptor.digest, manifest, media_types/* OciMediaType */.OH.manifest)
        .catch((err) => refusedReferrer(err, `${client.registry}/${repository}`));
    if (pushed.conflict)
        throw new errors/* UserError */.yo(`${client.registry}/${repository} refused the referrer manifest ${descriptor.digest} (HTTP 412)`, {
            hint: 'The registry does not follow the distribution spec',
        });
    const log = options.log ?? (() => { });
    // The registry says it indexed the subject, and has the API to list it (ECR has said the first without
    // the second: @sigstore/oci's PR #1183) \u2014 and the API lists it (a false 200 with an empty index:
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
/** Our entry added to the fallback index, as every writer merges into it (merged-tag.ts): ours is in it when this returns. */
async function addToFallbackIndex(client, repository, subject, ours, options) {
    const tag = referrersTag(subject);
    const where = `${client.registry}/${repository}:${tag}`;
    const log = options.log ?? (() => { });
    await mergeIntoTag({
        ...options,
        read: () => readIndex(client, repository, tag, subject),
        entries: (index) => index.entries,
        key: (entry) => entry.digest,
        ours: [{ ...ours }],
        // What every read showed, together: bounded like one index (a registry serving a new set each time).
        checkCount: (count) => {
            if (count > MAX_REFERRERS)
                throw tooMany(`the fallback referrers index ${where}`);
        },
        // GitLab reads `sha256-<hex>` as the digest `sha256:<hex>`: the subject's own answer (or none yet,
        // while the subject is not pushed) even after the index was written there. Nothing can read the
        // index back there, this writer included: the referrer stands, with its subject.
        unreadable: async (current) => {
            if (!(current?.subjectItself || (!current && (await readsTagsAsDigests(client, repository, ours)))))
                return false;
            log(`${where}: the registry answers this tag with the subject manifest itself (it reads sha256-<hex> as a digest), even after the index was written: the index cannot be read back there (the referrer is stored with its subject)`);
            return true;
        },
        write: (all, current) => {
            const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: media_types/* OciMediaType */.OH.index, manifests: all }));
            // Every entry any read showed is kept: bounded in bytes as well as entries, as a reader reads it.
            if (index.length > MAX_INDEX_BYTES)
                throw new errors/* UserError */.yo(`the fallback referrers index ${where} would be ${index.length} bytes, more than the ${MAX_INDEX_BYTES} a reader takes: not written`, { hint: 'No subject carries signatures that large: the registry is broken or hostile' });
            // Over the subject's own answer no condition holds (its ETag is the subject's): written as it is.
            const condition = current?.subjectItself ? {} : current ? { ifMatch: current.etag } : { ifNoneMatch: '*' };
            return client.pushManifest(repository, tag, index, media_types/* OciMediaType */.OH.index, condition);
        },
        gaveUp: (missing, writes) => new errors/* UserError */.yo(`the fallback referrers index ${where} kept changing: ${missing} referrer(s) still missing after ${writes} writes`, {
            hint: 'Other writers are updating the same index at the same time: run again',
        }),
        again: (missing, write, maxWrites) => `${where}: ${missing} referrer(s) missing from the index, writing it again (write ${write} of ${maxWrites})`,
        conflict: `${where}: the index changed since it was read (HTTP 412), reading it again`,
    });
}
/**
 * Whether the registry reads a tag of the form `sha256-<hex>` as the digest `sha256:<hex>`: asked of
 * the referrer manifest just pushed, whose digest no tag names. A registry that answers it (GitLab)
 * cannot keep a fallback index; one that answers 404 can, and a missing index there is a write lost.
 */
async function readsTagsAsDigests(client, repository, ours) {
    const got = await client.fetchManifestIfAny(repository, referrersTag(ours.digest), INDEX_ACCEPT, MAX_INDEX_BYTES);
    return got?.digest === ours.digest;
}
/**
 * The fallback index: its entries (each checked) and ETag, or undefined when the tag does not exist.
 * A registry that reads `sha256-<hex>` as the digest `sha256:<hex>` answers with the subject manifest
 * itself (registry.gitlab.com: oras-project/oras-go#1396, oras-project/oras#2148; its own children
 * would be listed as referrers, and oras-go's fix, PR #1403, reads it as no index): no fallback index
 * there, `subjectItself` saying why.
 */
async function readIndex(client, repository, tag, subject) {
    const where = `${client.registry}/${repository}:${tag}`;
    // Asked for any manifest, not an index only: distribution answers 404 for a manifest whose type
    // the Accept header leaves out, so the subject's own answer would read as "no tag" (and the index
    // just written as lost, again and again).
    const got = await client.fetchManifestIfAny(repository, tag, INDEX_ACCEPT, MAX_INDEX_BYTES);
    if (!got)
        return undefined;
    if (got.digest === subject)
        return { entries: [], etag: got.etag, subjectItself: true };
    return { entries: parseIndex(got.body, `the fallback referrers index ${where}`), etag: got.etag };
}
/**
 * Lists the referrers of `subject` (of `artifactType` when given): through the referrers API, or,
 * where the registry has none (404), through the fallback index. Bounded: MAX_REFERRERS entries,
 * MAX_INDEX_BYTES a page; every digest strict.
 */
async function listReferrers(client, repository, subject, artifactType, 
/** Told when there is no API and the fallback tag answers with the subject itself: nothing can be listed there. */
seen) {
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
    if (!api || !entries.some(wanted)) {
        const index = await readIndex(client, repository, referrersTag(digest), digest);
        if (index?.subjectItself && seen)
            seen.subjectItself = true;
        entries = index?.entries ?? entries;
    }
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
    if (typeof i !== 'object' || i === null || Array.isArray(i) || i.mediaType !== media_types/* OciMediaType */.OH.index)
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
// EXTERNAL MODULE: ./src/release/signature-format.ts
var signature_format = __webpack_require__(90175);
// EXTERNAL MODULE: ./src/oci/registry.ts + 2 modules
var registry = __webpack_require__(9458);
;// CONCATENATED MODULE: ./src/oci/appended-image.ts







/**
 * An image at a tag that several writers append layers to, each keeping every layer already there:
 * what cosign's classic `sha256-<hex>.sig` and `.att` tags are (sigstore/cosign pkg/oci/mutate
 * `AppendSignatures` over go-containerregistry's `mutate.Append`). Read, merge (never dropping a layer
 * seen in any read), write with If-Match where the registry honours it, read back, and again after a
 * settling time, as the referrers fallback index is kept (referrers.ts): two writers at once both
 * stay. The manifest and config are written byte for byte as go-containerregistry writes them, so
 * that the image is the one cosign would have made.
 */
/** Docker's image manifest and config, which a tag written with COSIGN_DOCKER_MEDIA_TYPES holds: kept as found. */
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const ACCEPT = [media_types/* OciMediaType */.OH.manifest, media_types/* OciMediaType */.OH.dockerManifest].join(', ');
/** cosign reads at most 1000 layers at a tag (pkg/oci/remote/signatures.go `maxLayers`): more, and it reads none. */
const MAX_LAYERS = 1000;
/** A manifest of 1000 layers with their annotations fits; what is larger is not read. */
const MAX_IMAGE_MANIFEST_BYTES = 4 * 1024 * 1024;
const BOUNDS = { maxBytes: MAX_IMAGE_MANIFEST_BYTES, maxNodes: 200_000, maxDepth: 16 };
/** An image the tag cannot be appended to (not an image manifest, too large, too many layers): said why. */
class NotAppendable extends errors/* UserError */.yo {
}
/**
 * The image manifest at `tag` (undefined when there is none), bounded: MAX_IMAGE_MANIFEST_BYTES,
 * MAX_LAYERS layers, every digest and size strict, annotations kept only where they are a map of
 * strings. What is not an image manifest is a NotAppendable naming what it is.
 */
async function readTaggedImage(client, repository, tag) {
    const where = `${client.registry}/${repository}:${tag}`;
    let got;
    try {
        got = await client.fetchManifestIfAny(repository, tag, ACCEPT, MAX_IMAGE_MANIFEST_BYTES);
    }
    catch (err) {
        if (err instanceof registry/* TooLarge */.MF)
            throw new NotAppendable(`${where} is larger than ${MAX_IMAGE_MANIFEST_BYTES} bytes: not read`, { cause: err });
        throw err;
    }
    if (!got)
        return undefined;
    let parsed;
    try {
        parsed = (0,bounded_read/* readJson */.Vh)(got.body.toString('utf8'), BOUNDS);
    }
    catch (err) {
        throw new NotAppendable(`${where} ${err instanceof bounded_read/* BoundsError */.UI ? err.message : 'is not JSON'}`);
    }
    const m = parsed;
    const mediaType = typeof m === 'object' && m !== null && !Array.isArray(m) ? m.mediaType : undefined;
    if (mediaType !== media_types/* OciMediaType */.OH.manifest && mediaType !== media_types/* OciMediaType */.OH.dockerManifest)
        throw new NotAppendable(`${where} is not an image manifest (its mediaType is ${(0,quoted/* quoted */.T)(mediaType)})`);
    const config = m.config;
    if (typeof config !== 'object' || config === null || typeof config.mediaType !== 'string' || !Array.isArray(m.layers))
        throw new NotAppendable(`${where} has no config or no list of layers`);
    if (m.layers.length > MAX_LAYERS)
        throw new NotAppendable(`${where} holds ${m.layers.length} layers, more than the ${MAX_LAYERS} cosign reads`);
    const layers = m.layers.map((l, n) => {
        if (typeof l !== 'object' || l === null || Array.isArray(l))
            throw new NotAppendable(`${where}: layer ${n + 1} is not a descriptor`);
        const d = l;
        try {
            (0,oci_digest/* checkDescriptor */.YW)(d, `layer ${n + 1}'s`, where);
        }
        catch (err) {
            throw new NotAppendable(err.message);
        }
        if (typeof d.mediaType !== 'string')
            throw new NotAppendable(`${where}: layer ${n + 1} has no mediaType`);
        const a = d.annotations;
        const annotations = typeof a === 'object' && a !== null && !Array.isArray(a)
            ? Object.fromEntries(Object.entries(a).filter(([, v]) => typeof v === 'string'))
            : undefined;
        return { mediaType: d.mediaType, digest: d.digest, size: d.size, ...(annotations && { annotations }) };
    });
    return { digest: got.digest, etag: got.etag, mediaType, configMediaType: config.mediaType, layers };
}
/** A layer's identity in a merge: the same blob signed twice (two certificates) is two layers. */
const key = (l) => `${l.digest} ${JSON.stringify(Object.entries(l.annotations ?? {}).sort())}`;
/**
 * Appends `layers` to the image at `tag` (made when there is none), keeping every layer another writer
 * put there: read, merge, write (If-Match the ETag read, or If-None-Match when there was none), read
 * back; again while a layer seen is missing, and once more after a settling time. Returns the image
 * as last read back, which holds ours.
 */
async function appendLayers(client, repository, tag, layers, options = {}) {
    const where = `${client.registry}/${repository}:${tag}`;
    const ours = layers.map((l) => ({ ...(0,oci_digest/* describe */.q0)(l.mediaType, l.data), annotations: l.annotations }));
    for (const [i, d] of ours.entries())
        if (!(await client.hasBlob(repository, d)))
            await client.uploadBlob(repository, d, layers[i].data);
    const merged = await mergeIntoTag({
        ...options,
        read: () => readTaggedImage(client, repository, tag),
        entries: (image) => image.layers,
        key,
        ours,
        checkCount: (count) => {
            if (count > MAX_LAYERS)
                throw new NotAppendable(`${where} would hold ${count} layers, more than the ${MAX_LAYERS} cosign reads: not written`);
        },
        write: async (all, current) => {
            const config = imageConfig(all);
            const configDescriptor = (0,oci_digest/* describe */.q0)(current?.configMediaType ?? OCI_CONFIG, config);
            const mediaType = current?.mediaType ?? media_types/* OciMediaType */.OH.manifest;
            const manifest = imageManifest(mediaType, configDescriptor, all);
            // Every layer any read showed is kept: a registry answering each read with other large layers would
            // have it grow with every write, past what any reader (this one included) takes.
            if (manifest.length > MAX_IMAGE_MANIFEST_BYTES)
                throw new NotAppendable(`${where} would be ${manifest.length} bytes, more than the ${MAX_IMAGE_MANIFEST_BYTES} cosign reads: not written`);
            if (!(await client.hasBlob(repository, configDescriptor)))
                await client.uploadBlob(repository, configDescriptor, config);
            return client.pushManifest(repository, tag, manifest, mediaType, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
        },
        gaveUp: (missing, writes) => new errors/* UserError */.yo(`${where} kept changing: ${missing} layer(s) still missing after ${writes} writes`, {
            hint: 'Other writers are signing the same chart at the same time: run again',
        }),
        again: (missing, write, maxWrites) => `${where}: ${missing} layer(s) missing, writing it again (write ${write} of ${maxWrites})`,
        conflict: `${where}: the tag changed since it was read (HTTP 412), reading it again`,
    });
    // Ours are in it: the merge ends on a read that holds them.
    return merged;
}
/**
 * The image config go-containerregistry writes for an empty image with these layers appended
 * (pkg/v1/empty `Image`, pkg/v1/mutate `Append`, `json.Marshal(v1.ConfigFile)`: its field order, a
 * zero `created`, one empty history entry and one diff_id per layer, a layer's diff_id being its
 * digest since cosign's layers are not compressed). Rebuilt from the layers, as cosign 2.2+ writes it
 * by default (no creation time: sigstore/cosign #3121): an older writer's top-level `created` is not
 * kept, which nothing reads.
 */
function imageConfig(layers) {
    const zero = '0001-01-01T00:00:00Z';
    return Buffer.from(JSON.stringify({
        architecture: '',
        created: zero,
        history: layers.map(() => ({ created: zero })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {},
    }));
}
/** The manifest as go-containerregistry marshals v1.Manifest: schemaVersion, mediaType, config, layers (each mediaType, size, digest, annotations). */
function imageManifest(mediaType, config, layers) {
    return Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType,
        config: { mediaType: config.mediaType, size: config.size, digest: config.digest },
        layers: layers.map((l) => ({
            mediaType: l.mediaType,
            size: l.size,
            digest: l.digest,
            ...(l.annotations && Object.keys(l.annotations).length > 0 && { annotations: sortedKeys(l.annotations) }),
        })),
    }));
}
/** Go marshals a map with its keys sorted. */
function sortedKeys(m) {
    return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// EXTERNAL MODULE: ./src/sign/keyless/cosign-classic.ts
var cosign_classic = __webpack_require__(57096);
// EXTERNAL MODULE: ./src/sign/keyless/statement.ts
var statement = __webpack_require__(42349);
;// CONCATENATED MODULE: ./src/release/cosign-classic.ts





/**
 * cosign's classic signatures and attestations of a chart, in its repository: the layers of the
 * images tagged `sha256-<hex>.sig` and `sha256-<hex>.att` (sigstore/cosign pkg/oci/remote
 * `normalize`), found (the newest valid one by an identity, within bounds) and appended to (every
 * other signer's layer kept: oci/appended-image).
 */
/** The tag of `kind` beside the manifest `digest`: `sha256-<hex>.sig` or `.att`. */
function classicTag(digest, kind) {
    return `sha256-${(0,statement/* sha256Hex */.fg)(digest)}.${cosign_classic.CLASSIC_SUFFIX[kind]}`;
}
/**
 * When looking for a valid layer (the newest first, cosign appending): at most MAX_READ layers'
 * blobs read and at most MAX_VERIFIED of them verified. A layer costs a read only once its
 * annotations say it is this kind's by this identity (screenClassicLayer: no blob; with a trusted
 * root, its certificate's CA and its Rekor entry checked too), and a verification only once its
 * bytes claim this chart (checkClaims); junk, another kind's, another signer's or a forgery costs
 * nothing but its place in the manifest, which is itself bounded (oci/appended-image: 4 MiB, 1000
 * layers). The same layer listed twice is read once.
 * All within FIND_DEADLINE_MS or one operation of the client, whichever is shorter.
 */
const MAX_VERIFIED = 8;
const MAX_READ = 32;
const FIND_DEADLINE_MS = 120_000;
/** A simple-signing payload is about 250 bytes, an attestation's envelope a few KiB: a layer over this is not read. */
const MAX_LAYER_BYTES = 1 << 20;
/** Reasons kept for the log: a tag of a thousand junk layers is summed up, not listed. */
const MAX_REASONS = 8;
/**
 * The newest layer at `kind`'s tag that `check` accepts (it throws a UserError for one it refuses),
 * once screened for `expected` from its annotations alone (screenClassicLayer); within the bounds above.
 */
async function findValidClassic(client, repository, kind, expected, check, screen = {}) {
    const tag = classicTag(expected.expectedSubjectDigest, kind);
    const { checkClaims, screenClassicLayer } = await __webpack_require__.e(/* import() */ 738).then(__webpack_require__.bind(__webpack_require__, 51738));
    return (0,deadline/* withDeadline */.NE)(Date.now() + Math.min(FIND_DEADLINE_MS, client.operationBudgetMs), async () => {
        const out = { listed: 0, screenedOut: 0, checked: 0, unread: 0, refused: [] };
        let image;
        try {
            image = await readTaggedImage(client, repository, tag);
        }
        catch (err) {
            if (!(err instanceof NotAppendable))
                throw err;
            return { ...out, unusable: err.message };
        }
        if (!image)
            return out;
        out.tagDigest = image.digest;
        out.listed = image.layers.length;
        let refusedCount = 0;
        const refuse = (why) => {
            if (refusedCount++ < MAX_REASONS)
                out.refused.push(why);
        };
        const more = () => {
            if (refusedCount > MAX_REASONS)
                out.refused.push(`and ${refusedCount - MAX_REASONS} more layer(s) that do not count`);
        };
        const seen = new Set();
        let verified = 0;
        for (let i = image.layers.length - 1; i >= 0; i--) {
            const layer = image.layers[i];
            const id = `${layer.digest} ${JSON.stringify(layer.annotations ?? {})}`;
            if (seen.has(id))
                continue;
            seen.add(id);
            try {
                await screenClassicLayer(kind, layer, expected, screen.trustedRoot);
            }
            catch (err) {
                if (!(err instanceof errors/* UserError */.yo))
                    throw err;
                out.screenedOut++;
                refuse(`layer ${i + 1} (${layer.digest}) does not count: ${err.message}`);
                continue;
            }
            const stop = (why) => {
                more();
                return { ...out, unread: i + 1, stopped: why };
            };
            if (out.checked >= MAX_READ)
                return stop(`at most ${MAX_READ} are read`);
            if (verified >= MAX_VERIFIED)
                return stop(`at most ${MAX_VERIFIED} of this identity's are verified`);
            if (((0,deadline/* deadline */.nl)() ?? Infinity) <= Date.now())
                return stop('the time to look for one ran out');
            out.checked++;
            try {
                if (layer.size > MAX_LAYER_BYTES)
                    throw new errors/* UserError */.yo(`it is ${layer.size} bytes, more than a signature is`);
                const data = await client.fetchBlob(repository, layer);
                // What the bytes claim first (no cryptography): another chart's layer copied here costs its read only.
                checkClaims(kind, data, expected);
                verified++;
                await check(layer, data);
                return { ...out, layer: { index: i + 1, digest: layer.digest } };
            }
            catch (err) {
                if (!(err instanceof errors/* UserError */.yo))
                    throw err;
                refuse(`layer ${i + 1} (${layer.digest}) does not count: ${err.message}`);
            }
        }
        more();
        if (image.layers.length >= MAX_LAYERS)
            out.unusable = `${client.registry}/${repository}:${tag} holds ${image.layers.length} layers, the most cosign reads: no room for another`;
        return out;
    });
}
/**
 * Appends `layer` to `kind`'s tag of `digest` (made when there is none), every layer already there
 * kept; the tag's manifest digest afterwards. An image there that cannot take it (not an image
 * manifest, or 1000 layers already) is a NotAppendable: nothing written.
 */
async function appendClassic(client, repository, digest, kind, layer, log) {
    const tag = classicTag(digest, kind);
    const image = await appendLayers(client, repository, tag, [layer], { log });
    return { tag, digest: image.digest, layers: image.layers.length };
}


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
const keyless_MAX_VERIFIED = 8;
const keyless_MAX_READ = 32;
const keyless_FIND_DEADLINE_MS = 120_000;
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
 * repository the same manifest is pushed to; cosign's classic payload names the repository, so each
 * repository gets its own, signed under the same certificate (one Fulcio certificate per chart per
 * run for its signatures: CertifiedKey). An attestation names the repository, so each gets its own;
 * its classic `.att` layer is the same DSSE envelope as its bundle (one signing, both forms).
 */
class KeylessSigner {
    #options;
    #signatures = new Map();
    #keys = new Map();
    #chainWarned = false;
    constructor(options) {
        this.#options = options;
    }
    get format() {
        return this.#options.format ?? signature_format/* DEFAULT_SIGNATURE_FORMAT */.j;
    }
    /**
     * Signs and attests `subject` in the reference's repository, each kind once in each form asked for:
     * `fresh` (this run wrote the manifest) signs at once; otherwise a valid one by this identity already
     * there is kept, form by form, and only the forms missing are made.
     */
    async ensure(client, ref, subject, fresh) {
        return Promise.all(this.#options.kinds.map((kind) => this.#ensureKind(client, ref, subject, fresh, kind)));
    }
    async #ensureKind(client, ref, subject, fresh, kind) {
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
        if (foundBundle)
            this.#options.log(`${where}: ${kind} ${foundBundle.digest} by this identity is there already: not signed again`);
        if (foundClassic?.layer)
            this.#options.log(`${where}: ${kind} in ${tag} (layer ${foundClassic.layer.index}) by this identity is there already: not signed again`);
        // A registry that lists no referrer (GitLab: no API, and the fallback tag reads as the subject)
        // would hide a bundle made now from every verifier and from the next run: where the classic form
        // is there, it is the one that counts, and no bundle is made again on each run.
        const unlistable = lookedUp !== undefined && 'unlistable' in lookedUp && Boolean(foundClassic?.layer);
        if (unlistable)
            this.#options.log(`${where}: the registry lists no referrers (no referrers API, and its fallback tag answers with the chart's own manifest): a bundle made now could not be found there; the ${kind} in ${tag} counts`);
        // The look stopped at its bounds with referrers or layers left unread (more than any chart's signers
        // make: someone with push rights may have planted them ahead of this identity's): whether this
        // identity signed already is not known, and signing again on every run would make exactly-once
        // anyone's to break. Not made; said.
        const undecidedBundle = lookedUp !== undefined && 'undecided' in lookedUp ? lookedUp.undecided : undefined;
        const undecidedClassic = !foundClassic?.layer && foundClassic && foundClassic.unread > 0
            ? `${foundClassic.unread} layer(s) of ${foundClassic.listed} left unread (${foundClassic.stopped})`
            : undefined;
        for (const [form, why] of [
            ['bundle', undecidedBundle],
            [tag, undecidedClassic],
        ])
            if (why)
                this.#options.warn(`${where}: the ${kind} is not made as a ${form === 'bundle' ? 'Sigstore bundle' : `layer of ${form}`}: ${why}, so whether this identity made one already is not known (someone with push rights may have planted these ahead of it; see docs/security.md)`);
        const needBundle = wantBundle && !foundBundle && !unlistable && !undecidedBundle;
        // A tag that cannot be read cannot be appended to either: nothing is signed for it (said once per tag).
        if (foundClassic?.unusable)
            this.#options.warn(`${foundClassic.unusable}: the ${kind} is not made in cosign's classic layout; verifiers that read only that layout will not find it`);
        const needClassic = wantClassic && !foundClassic?.layer && !foundClassic?.unusable && !undecidedClassic;
        const outcome = { kind, digest: '', made: needBundle || needClassic };
        const name = (0,statement/* ociSubjectName */.fR)(ref.registry, ref.repository);
        // Both forms are made before either is written, together (one certificate, asked once): a
        // signing that fails leaves the registry as it was.
        let bundle;
        let layer;
        if (kind === 'signature') {
            [bundle, layer] = await Promise.all([
                needBundle ? this.#signatureBundle(subject.digest) : undefined,
                needClassic ? this.#signatureLayer(ref, subject.digest) : undefined,
            ]);
        }
        else if (needBundle || needClassic) {
            // An attestation found as a bundle gives the `.att` its envelope without signing again (the
            // same envelope, the same log entry); one found only in `.att` cannot give a bundle (a v0.3
            // bundle needs the entry's inclusion proof, which the classic layout does not keep).
            const reused = needClassic && !needBundle ? await this.#reusableEnvelope(foundBundle?.bundle) : undefined;
            if (reused)
                layer = await this.#attestationLayer(reused, false);
            else {
                bundle = await this.#sign((0,statement/* provenanceStatement */.D2)(name, subject.digest, await this.#options.predicate()));
                if (needClassic)
                    layer = await this.#attestationLayer(bundle, true);
            }
        }
        if (bundle && needBundle) {
            const attached = await attachReferrer(client, ref.repository, subject, bundleArtifact(bundle, PREDICATE_TYPE[kind]), {
                log: this.#options.log,
            });
            this.#options.log(`${where}: ${kind} ${attached.digest} (${describeWitness(bundle)})`);
            outcome.bundle = { digest: attached.digest, made: true };
        }
        else if (foundBundle)
            outcome.bundle = { digest: foundBundle.digest, made: false };
        if (layer)
            outcome.classic = await this.#writeClassic(client, ref, subject.digest, kind, layer);
        else if (foundClassic?.layer)
            outcome.classic = { tag, digest: foundClassic.tagDigest ?? '', made: false, layer: foundClassic.layer.index };
        if (bundle && kind === 'attestation' && this.#options.record) {
            const warning = await this.#options.record(bundle, { name, digest: subject.digest });
            if (warning)
                this.#options.warn(warning);
        }
        outcome.digest = outcome.bundle?.digest ?? outcome.classic?.digest ?? '';
        // `made` says what was written; a chart whose every form asked for could not be stored is not
        // signed, and fails (a tag planted where the classic form goes left a classic-only chart unsigned
        // while the run went on). One whose look was undecided has been warned about, and stands as it was.
        outcome.made = Boolean(outcome.bundle?.made || outcome.classic?.made);
        if (!outcome.bundle?.digest && !outcome.classic?.digest && !undecidedBundle && !undecidedClassic)
            throw new errors/* UserError */.yo(`${where}: the ${kind} could not be stored in the form asked for (${this.format}): see the warning above`, {
                hint: "Remove what stands at the chart's sha256-<hex>.sig / .att tag (another tool's, or planted), or sign as a Sigstore bundle (signature format bundle)",
            });
        return outcome;
    }
    /** Appends the layer to its tag; a tag that cannot take it (another writer's image there, 1000 layers) is a warning, not a failure. */
    async #writeClassic(client, ref, digest, kind, layer) {
        const where = `${ref.registry}/${ref.repository}@${digest}`;
        const tag = classicTag(digest, kind);
        try {
            const wrote = await appendClassic(client, ref.repository, digest, kind, layer, this.#options.log);
            this.#options.log(`${where}: ${kind} appended to ${tag} (layer ${wrote.layers}, ${wrote.digest}), as cosign writes it`);
            return { tag, digest: wrote.digest, made: true, layer: wrote.layers };
        }
        catch (err) {
            if (!(err instanceof NotAppendable))
                throw err;
            this.#options.warn(`${ref.registry}/${ref.repository}:${tag}: the ${kind} was not written in cosign's classic layout (${err.message}); verifiers that read only that layout will not find it`);
            return { tag, digest: '', made: false };
        }
    }
    /** The key a digest's signatures are made with: one Fulcio certificate for its bundle and each repository's classic payload. */
    #key(digest) {
        let key = this.#keys.get(digest);
        if (!key) {
            key = Promise.all([__webpack_require__.e(/* import() */ 115).then(__webpack_require__.bind(__webpack_require__, 71115)), this.#signOptions()]).then(([m, o]) => new m.CertifiedKey(o));
            this.#keys.set(digest, key);
            key.catch(() => this.#keys.delete(digest));
        }
        return key;
    }
    async #signatureBundle(digest) {
        let made = this.#signatures.get(digest);
        if (!made) {
            made = this.#key(digest).then((key) => this.#sign((0,statement/* signatureStatement */.q$)(digest), key));
            this.#signatures.set(digest, made);
            // A failed signature is not kept: the next target asks again (and reports its own failure).
            made.catch(() => this.#signatures.delete(digest));
        }
        return made;
    }
    /** cosign's `.sig` layer for this repository: its simple-signing payload signed under the digest's certificate. */
    async #signatureLayer(ref, digest) {
        const [{ signMessage }, { simpleSigningPayload }, { signatureLayer }] = await Promise.all([
            __webpack_require__.e(/* import() */ 115).then(__webpack_require__.bind(__webpack_require__, 71115)),
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 26918)),
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 57096)),
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
    async #attestationLayer(bundle, fresh) {
        const [{ attestationLayer, envelopeBytes }, { timestampBytes }] = await Promise.all([
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 57096)),
            __webpack_require__.e(/* import() */ 115).then(__webpack_require__.bind(__webpack_require__, 71115)),
        ]);
        const options = await this.#signOptions();
        const timestamp = fresh && options.tsaURL ? await timestampBytes(envelopeBytes(bundle), { ...options, tsaURL: options.tsaURL }) : undefined;
        return attestationLayer(bundle, statement/* SLSA_PROVENANCE_V1_PREDICATE_TYPE */.vg, await this.#chain(bundle), timestamp);
    }
    /** A valid attestation bundle found as a referrer, when its envelope can be the `.att` layer (it has the Rekor entry that hashed those very bytes). */
    async #reusableEnvelope(found) {
        if (!found)
            return undefined;
        const { envelopeBytes, rekorBundleAnnotation } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 57096));
        try {
            const bundle = JSON.parse(found);
            if (!rekorBundleAnnotation(bundle.verificationMaterial.tlogEntries?.[0]))
                return undefined;
            envelopeBytes(bundle);
            return bundle;
        }
        catch {
            return undefined;
        }
    }
    /** The chain annotation for a bundle's certificate, from the trusted root; undefined (said once) when there is none. */
    async #chain(bundle) {
        const { chainFromTrustedRoot } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 57096));
        let root;
        try {
            root = await this.#options.trustedRoot?.();
        }
        catch {
            root = undefined;
        }
        const chain = root === undefined ? undefined : await chainFromTrustedRoot(bundle, root);
        if (!chain && !this.#chainWarned) {
            this.#chainWarned = true;
            this.#options.warn(`cosign's classic signatures are written without their certificate chain (${root === undefined ? 'no trusted root for this Sigstore instance' : 'no certificate authority of the trusted root issued the certificate'}): Kyverno and Ratify need it to verify them`);
        }
        return chain;
    }
    async #signOptions() {
        const { fulcioURL, rekorURL, tsaURL } = await this.#options.endpoints();
        return { identityToken: this.#options.identityToken, fulcioURL, rekorURL, tsaURL };
    }
    async #sign(statement, key) {
        const { signStatement } = await __webpack_require__.e(/* import() */ 115).then(__webpack_require__.bind(__webpack_require__, 71115));
        return signStatement(statement, await this.#signOptions(), key);
    }
    /** A referrer of `digest` holding a valid bundle of `kind` by this run's identity (with the bundle); undefined when none. */
    async #findValid(client, ref, digest, kind) {
        const expected = await this.#expectation(ref, digest, kind);
        const found = await findValidBundle(client, ref.repository, expected, async (bundle) => {
            const trustedRoot = await this.#options.trustedRoot?.();
            const verify = await __webpack_require__.e(/* import() */ 323).then(__webpack_require__.bind(__webpack_require__, 32323));
            if (trustedRoot !== undefined)
                await verify.verifyBundle(bundle, { ...expected, trustedRoot });
            else
                await verify.checkBundleIdentity(bundle, expected);
        });
        for (const why of found.refused)
            this.#options.log(`${ref.registry}/${ref.repository}@${digest}: ${why}`);
        if (found.digest && found.bundle)
            return { digest: found.digest, bundle: found.bundle };
        if (found.unread > 0)
            return { undecided: `${found.unread} referrer(s) of ${found.listed} left unread (${found.stopped})` };
        return found.unlistable ? { unlistable: true } : undefined;
    }
    /** The newest layer of `kind`'s classic tag holding a valid one by this run's identity. */
    async #findClassic(client, ref, digest, kind) {
        const expected = await this.#expectation(ref, digest, kind);
        const tag = `${ref.registry}/${ref.repository}:${classicTag(digest, kind)}`;
        let trustedRoot;
        try {
            trustedRoot = await this.#options.trustedRoot?.();
        }
        catch {
            // Refused when a layer is checked (the bundle's rule: no trusted root, nothing counts).
        }
        const found = await findValidClassic(client, ref.repository, kind, expected, async (layer, data) => {
            const root = await this.#options.trustedRoot?.();
            const { verifyClassicLayer } = await __webpack_require__.e(/* import() */ 738).then(__webpack_require__.bind(__webpack_require__, 51738));
            await verifyClassicLayer(kind, layer, data, { ...expected, trustedRoot: root });
        }, { trustedRoot });
        if (!found.layer)
            for (const why of found.refused)
                this.#options.log(`${tag}: ${why}`);
        return found;
    }
    async #expectation(ref, digest, kind) {
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
    return (0,deadline/* withDeadline */.NE)(Date.now() + Math.min(keyless_FIND_DEADLINE_MS, client.operationBudgetMs), async () => {
        const seen = {};
        const listed = (await listReferrers(client, repository, digest, statement/* SIGSTORE_BUNDLE_V03_MEDIA_TYPE */.cX, seen)).filter((r) => {
            const t = r.annotations?.['dev.sigstore.bundle.predicateType'];
            return t === undefined || t === predicateType;
        });
        const candidates = [...listed].sort((a, b) => created(b).localeCompare(created(a)));
        const refused = [];
        const { screenBundle } = await __webpack_require__.e(/* import() */ 323).then(__webpack_require__.bind(__webpack_require__, 32323));
        let read = 0;
        let verified = 0;
        const result = (found, stopped, bundle) => ({
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
            if (read >= keyless_MAX_READ)
                return result(undefined, `at most ${keyless_MAX_READ} are read`);
            if (verified >= keyless_MAX_VERIFIED)
                return result(undefined, `at most ${keyless_MAX_VERIFIED} of this identity's are verified`);
            if (((0,deadline/* deadline */.nl)() ?? Infinity) <= Date.now())
                return result(undefined, 'the time to look for one ran out');
            read++;
            try {
                const bundle = await readBundle(client, repository, candidate);
                await screenBundle(bundle, expected);
                verified++;
                await check(bundle);
                return result(candidate.digest, undefined, bundle);
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
 * Verifies that `digest` carries a keyless signature (or an attestation of the predicate type) valid
 * against the trusted root and made by the identity, in the form(s) asked for: a Sigstore bundle among
 * its referrers, a layer of cosign's classic tag beside it, or (by default) either, the bundle looked
 * at first. What `chart verify` and `chart pull --verify` check. Throws a UserError saying what was
 * found instead, form by form. `referrer` is where the first form that verified is: the referrer's
 * digest, or the classic tag and layer.
 */
async function verifyKeylessReferrer(client, repository, digest, check) {
    const expected = {
        certificateIdentity: check.identity,
        certificateIssuer: check.issuer,
        expectedSubjectDigest: digest,
        expectedPredicateType: check.predicateType,
        expectedSubjectName: subjectNameFor(check.predicateType, client.registry, repository),
        githubWorkflowRepository: check.githubWorkflowRepository,
    };
    const where = `${client.registry}/${repository}@${digest}`;
    const kind = check.predicateType === statement/* COSIGN_SIGN_PREDICATE_TYPE */.Z4 ? 'keyless signature' : `attestation of ${check.predicateType}`;
    const classicKind = check.predicateType === statement/* COSIGN_SIGN_PREDICATE_TYPE */.Z4 ? 'signature' : 'attestation';
    const forms = check.format === 'bundle' ? ['bundle'] : check.format === 'classic' ? ['classic'] : ['bundle', 'classic'];
    const results = [];
    for (const form of forms) {
        const r = form === 'bundle'
            ? await verifyBundleForm(client, repository, expected, check, kind)
            : await verifyClassicForm(client, repository, classicKind, expected, check, kind);
        results.push(r);
        // Either form will do unless both are asked for: the first that verifies ends the search.
        if ('found' in r && check.format !== 'both')
            break;
    }
    const found = results.flatMap((r) => ('found' in r ? [r.found] : []));
    const failures = results.flatMap((r) => ('failure' in r ? [r] : []));
    if (failures.length === 0 || (check.format !== 'both' && found.length > 0)) {
        const first = found[0];
        return { referrer: first.where, identity: first.identity, issuer: first.issuer, found };
    }
    if (failures.every((f) => f.nothing) && found.length === 0)
        throw new errors/* UserError */.yo(`${where} carries no ${kind}${check.format && check.format !== 'both' ? ` ${FORM_NAME[check.format]}` : ''}`, {
            hint: 'It was not signed keylessly, or the signature is in another repository',
        });
    throw new errors/* UserError */.yo(`${where}: ${failures.map((f) => f.failure).join('; and ')}`, {
        hint: check.format === 'both' && found.length > 0
            ? `Only one form is there (${found.map(describeFound).join(', ')}): ask for that form (${found[0].format}), or sign again in both forms`
            : 'Check the identity and issuer; a chart whose content changed has another digest, and no signature',
    });
}
const FORM_NAME = { bundle: 'in a Sigstore bundle', classic: "in cosign's classic layout" };
/** How a face names a form found: the referrer's digest, or the tag and layer. */
function describeFound(f) {
    return f.format === 'bundle' ? `${f.where} (Sigstore bundle referrer)` : `${f.where} (cosign classic)`;
}
async function verifyBundleForm(client, repository, expected, check, kind) {
    const verify = await __webpack_require__.e(/* import() */ 323).then(__webpack_require__.bind(__webpack_require__, 32323));
    let verified;
    const found = await findValidBundle(client, repository, expected, async (bundle) => {
        verified = await verify.verifyBundle(bundle, { ...expected, trustedRoot: check.trustedRoot });
    });
    if (found.digest && verified)
        return { found: { format: 'bundle', where: found.digest, ...verified } };
    if (found.listed === 0)
        return { failure: 'no Sigstore bundle among its referrers', nothing: true };
    const unread = found.unread > 0 ? ` (the ${found.checked} newest read: ${found.stopped})` : '';
    return {
        failure: `none of its ${found.listed} Sigstore bundles${unread} is a valid ${kind} by ${String(check.identity)}: ${found.refused.slice(0, 8).join('; ')}${found.refused.length > 8 ? `; and ${found.refused.length - 8} more` : ''}`,
        nothing: false,
    };
}
async function verifyClassicForm(client, repository, classicKind, expected, check, kind) {
    const { verifyClassicLayer } = await __webpack_require__.e(/* import() */ 738).then(__webpack_require__.bind(__webpack_require__, 51738));
    let verified;
    const tag = classicTag(expected.expectedSubjectDigest, classicKind);
    const found = await findValidClassic(client, repository, classicKind, expected, async (layer, data) => {
        verified = await verifyClassicLayer(classicKind, layer, data, { ...expected, trustedRoot: check.trustedRoot });
    }, { trustedRoot: check.trustedRoot });
    if (found.layer && verified)
        return { found: { format: 'classic', where: `${tag} layer ${found.layer.index} of ${found.listed}`, ...verified } };
    if (found.unusable)
        return { failure: `no valid ${kind} in its cosign tag (${found.unusable})`, nothing: false };
    if (found.listed === 0)
        return { failure: `no cosign tag ${tag}`, nothing: true };
    const unread = found.unread > 0 ? ` (${found.unread} left unread: ${found.stopped})` : '';
    return {
        failure: `none of the ${found.listed} layers of its cosign tag ${tag}${unread} is a valid ${kind} by ${String(check.identity)}: ${found.refused.join('; ')}`,
        nothing: false,
    };
}


/***/ }),

/***/ 57096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CLASSIC_MEDIA_TYPE: () => (/* binding */ CLASSIC_MEDIA_TYPE),
/* harmony export */   CLASSIC_SUFFIX: () => (/* binding */ CLASSIC_SUFFIX),
/* harmony export */   CosignAnnotation: () => (/* binding */ CosignAnnotation),
/* harmony export */   DSSE_ENVELOPE_MEDIA_TYPE: () => (/* binding */ DSSE_ENVELOPE_MEDIA_TYPE),
/* harmony export */   attestationLayer: () => (/* binding */ attestationLayer),
/* harmony export */   chainFromTrustedRoot: () => (/* binding */ chainFromTrustedRoot),
/* harmony export */   envelopeBytes: () => (/* binding */ envelopeBytes),
/* harmony export */   rekorBundleAnnotation: () => (/* binding */ rekorBundleAnnotation),
/* harmony export */   signatureLayer: () => (/* binding */ signatureLayer),
/* harmony export */   timestampAnnotation: () => (/* binding */ timestampAnnotation)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _simple_signing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26918);



/**
 * cosign's classic layout, the one Kyverno (type Cosign), Flux source-controller < 1.8, Ratify,
 * `cosign verify` 2.x and Artifact Hub read: a signature is a layer of the image tagged
 * `sha256-<hex>.sig` beside the signed manifest, an attestation a layer of `sha256-<hex>.att`, each
 * carrying its certificate, chain and Rekor entry as annotations (sigstore/cosign pkg/oci/static
 * signature.go and options.go, pkg/cosign/bundle rekor.go and tsa.go). Made here from the bundles
 * sigstore-js returns: the values are the bundle's own, re-encoded as cosign writes them.
 */
const CosignAnnotation = {
    signature: 'dev.cosignproject.cosign/signature',
    certificate: 'dev.sigstore.cosign/certificate',
    chain: 'dev.sigstore.cosign/chain',
    bundle: 'dev.sigstore.cosign/bundle',
    timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
    /** On an attestation's layer (cosign cmd/cosign/cli/attest/attest.go `static.WithAnnotations`). */
    predicateType: 'predicateType',
};
/** The layer media type of a classic attestation: the DSSE envelope (cosign pkg/types `DssePayloadType`). */
const DSSE_ENVELOPE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
/** The tag suffix of each kind (cosign pkg/oci/remote options.go `SignatureTagSuffix`, `AttestationTagSuffix`). */
const CLASSIC_SUFFIX = { signature: 'sig', attestation: 'att' };
const CLASSIC_MEDIA_TYPE = {
    signature: _simple_signing_js__WEBPACK_IMPORTED_MODULE_2__.SIMPLE_SIGNING_MEDIA_TYPE,
    attestation: DSSE_ENVELOPE_MEDIA_TYPE,
};
/**
 * cosign's bundle annotation for a Rekor entry: Go's `json.Marshal(bundle.RekorBundle)`, the outer keys
 * capitalised (no json tags), the inner ones as tagged, in declaration order:
 * `{"SignedEntryTimestamp":\u2026,"Payload":{"body":\u2026,"integratedTime":\u2026,"logIndex":\u2026,"logID":\u2026}}`. The SET
 * is Rekor's signature over the RFC 8785 form of Payload, which a verifier rebuilds from these values.
 * Undefined for an entry without an inclusion promise (a Rekor v2 entry has none: no classic bundle).
 */
function rekorBundleAnnotation(entry) {
    const set = entry?.inclusionPromise?.signedEntryTimestamp;
    if (!entry || !set)
        return undefined;
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
function timestampAnnotation(signedTimestamp) {
    return JSON.stringify({ SignedRFC3161Timestamp: signedTimestamp });
}
/** The signing certificate's DER, from a v0.3 bundle (`certificate`) or an older one (the chain's first). */
function leafDer(bundle) {
    const m = bundle.verificationMaterial;
    const raw = m.certificate?.rawBytes ?? m.x509CertificateChain?.certificates[0]?.rawBytes;
    if (!raw)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the bundle carries no signing certificate: a classic signature needs one');
    return Buffer.from(raw, 'base64');
}
/** PEM as Go's pem.Encode writes it (64-column lines), which cosign writes and Rekor stores. */
async function pemOf(der) {
    const { pem } = await __webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23));
    return pem.fromDER(der);
}
/** The annotations every classic layer carries: the certificate, its chain, the Rekor entry (when there is one). */
async function commonAnnotations(bundle, chain) {
    const out = { [CosignAnnotation.certificate]: await pemOf(leafDer(bundle)) };
    if (chain)
        out[CosignAnnotation.chain] = chain;
    const rekor = rekorBundleAnnotation(bundle.verificationMaterial.tlogEntries?.[0]);
    if (rekor)
        out[CosignAnnotation.bundle] = rekor;
    return out;
}
/**
 * The `.sig` layer of a message signature over cosign's simple-signing `payload` (signMessage's
 * bundle): the payload itself, with the signature, certificate, chain, Rekor entry (`hashedrekord`)
 * and, where a timestamp authority signed one, its timestamp over the signature, which is what
 * cosign's timestamp covers for a signature.
 */
async function signatureLayer(bundle, payload, chain) {
    const message = bundle.messageSignature;
    if (!message)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('a classic signature is made from a message signature, and this bundle holds none');
    const annotations = await commonAnnotations(bundle, chain);
    // cosign compares the annotation with the log entry's signature as text: padded standard base64.
    annotations[CosignAnnotation.signature] = Buffer.from(message.signature, 'base64').toString('base64');
    const ts = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
    if (ts)
        annotations[CosignAnnotation.timestamp] = timestampAnnotation(ts);
    return { mediaType: _simple_signing_js__WEBPACK_IMPORTED_MODULE_2__.SIMPLE_SIGNING_MEDIA_TYPE, data: payload, annotations };
}
/**
 * The envelope of a DSSE bundle as the bytes of a `.att` layer: sigstore-js's JSON of it
 * (`payload`, `payloadType`, `signatures[{sig}]`), which is the very string its Rekor `dsse` entry
 * hashed (sigstore-js witness/tlog/entry.js: `JSON.stringify(envelopeToJSON(envelope))`). cosign
 * checks the entry's envelopeHash against the layer's sha256, so a layer that differs from that string
 * by a byte would never verify: checked against the entry, where there is one.
 */
function envelopeBytes(bundle) {
    const envelope = bundle.dsseEnvelope;
    if (!envelope)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the bundle holds no DSSE envelope');
    // The envelope as serialised in the bundle (protobuf-specs' Envelope.toJSON: payload, payloadType,
    // signatures[{sig}], an empty keyid left out), read back in its own key order.
    const data = Buffer.from(JSON.stringify(envelope));
    const body = bundle.verificationMaterial.tlogEntries?.[0]?.canonicalizedBody;
    if (body) {
        let hash;
        try {
            hash = JSON.parse(Buffer.from(body, 'base64').toString('utf8')).spec
                ?.envelopeHash?.value;
        }
        catch {
            hash = undefined;
        }
        if (hash !== (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("the bundle's envelope is not the one its transparency-log entry hashed: it cannot be a classic attestation");
    }
    return data;
}
/**
 * The `.att` layer of an attestation (a DSSE bundle): the envelope, an empty signature annotation
 * (cosign's `static.NewAttestation`), the predicate type, the certificate, chain and Rekor entry
 * (`dsse`), and `timestamp` when one was taken over the envelope bytes (the bundle's own covers the
 * DSSE signature, which is not what cosign checks on a `.att`).
 */
async function attestationLayer(bundle, predicateType, chain, timestamp) {
    const data = envelopeBytes(bundle);
    const annotations = await commonAnnotations(bundle, chain);
    annotations[CosignAnnotation.signature] = '';
    annotations[CosignAnnotation.predicateType] = predicateType;
    if (timestamp)
        annotations[CosignAnnotation.timestamp] = timestampAnnotation(timestamp);
    return { mediaType: DSSE_ENVELOPE_MEDIA_TYPE, data, annotations };
}
/**
 * The chain cosign writes beside a Fulcio certificate (Fulcio's own `ChainPEM`: the intermediates,
 * then the root): taken from the trusted root's certificate authority whose first certificate issued
 * the leaf (sigstore-js's FulcioSigner keeps only the leaf). Kyverno's keyless check builds its
 * intermediate pool from this annotation alone, and Ratify 1.4 reads no certificate without it.
 * Undefined when no listed authority issued the leaf.
 */
async function chainFromTrustedRoot(bundle, trustedRoot) {
    const { X509Certificate } = await __webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23));
    const root = (typeof trustedRoot === 'string' ? JSON.parse(trustedRoot) : trustedRoot);
    const leaf = X509Certificate.parse(leafDer(bundle));
    for (const ca of root?.certificateAuthorities ?? []) {
        const certs = (ca.certChain?.certificates ?? []).map((c) => Buffer.from(c.rawBytes ?? '', 'base64'));
        if (certs.length === 0)
            continue;
        try {
            if (!leaf.verify(X509Certificate.parse(certs[0])))
                continue;
        }
        catch {
            continue;
        }
        return (await Promise.all(certs.map(pemOf))).join('');
    }
    return undefined;
}


/***/ }),

/***/ 26918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SIMPLE_SIGNING_MEDIA_TYPE: () => (/* binding */ SIMPLE_SIGNING_MEDIA_TYPE),
/* harmony export */   SIMPLE_SIGNING_TYPE: () => (/* binding */ SIMPLE_SIGNING_TYPE),
/* harmony export */   dockerReference: () => (/* binding */ dockerReference),
/* harmony export */   readSimpleSigning: () => (/* binding */ readSimpleSigning),
/* harmony export */   simpleSigningPayload: () => (/* binding */ simpleSigningPayload)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42349);


/**
 * The payload a classic cosign signature signs: Red Hat's "simple signing" container image
 * signature, as cosign writes it (sigstore/sigstore pkg/signature/payload `SimpleContainerImage`,
 * marshalled by Go's encoding/json: field order as declared, no whitespace, no trailing newline,
 * `"optional":null` when `cosign sign` was given no `-a` annotation). Checked byte for byte against a
 * layer cosign pushed: a public `cosign verify -d` trace of index.docker.io/chihjenhuang/cosign1:t1
 * (cosign v1.13.1) names its layer's digest, which this payload hashes to (the unit test). No
 * Sigstore code here.
 */
/** The `type` of a cosign container image signature. */
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
/** The layer media type of a classic signature (cosign pkg/types `SimpleSigningMediaType`). */
const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
/**
 * The repository as go-containerregistry names it (pkg/name `Repository.Name()`): `registry/repository`,
 * Docker Hub as `index.docker.io` (its `docker.io` rewritten, a one-segment name under `library/`),
 * a port kept. What cosign writes as the payload's `docker-reference`.
 */
function dockerReference(registry, repository) {
    const hub = registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io';
    if (!hub)
        return `${registry}/${repository}`;
    return `index.docker.io/${repository.includes('/') ? repository : `library/${repository}`}`;
}
/** The exact bytes cosign signs for the manifest `digest` in `registry/repository`. */
function simpleSigningPayload(registry, repository, digest) {
    (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .fg)(digest);
    return Buffer.from(JSON.stringify({
        critical: {
            identity: { 'docker-reference': dockerReference(registry, repository) },
            image: { 'docker-manifest-digest': digest },
            type: SIMPLE_SIGNING_TYPE,
        },
        optional: null,
    }));
}
/**
 * What a classic signature's payload claims, checked as cosign checks it (pkg/cosign/verifiers.go
 * `SimpleClaimVerifier`: the type, and the digest against the image's; the reference is not compared,
 * a copy in another repository keeping its signature): the digest it names, or a UserError.
 */
function readSimpleSigning(payload) {
    let parsed;
    try {
        parsed = JSON.parse(payload.toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the signed payload is not JSON');
    }
    const critical = parsed?.critical;
    const type = critical?.type;
    const digest = critical?.image?.['docker-manifest-digest'];
    const reference = critical?.identity?.['docker-reference'];
    if (type !== SIMPLE_SIGNING_TYPE || typeof digest !== 'string' || typeof reference !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the signed payload is not a cosign container image signature (critical.type ${SIMPLE_SIGNING_TYPE})`);
    return { digest, reference };
}


/***/ })

};
