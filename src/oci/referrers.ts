import { UserError } from '../errors.js';
import { quoted } from '../util/quoted.js';
import { BoundsError, readJson, type Bounds } from '../util/bounded-read.js';
import { checkDescriptor, describe, parseDigest, type Descriptor } from './digest.js';
import { RegistryError } from './errors.js';
import { OciMediaType } from './media-types.js';
import type { RegistryClient } from './registry.js';
import { mergeIntoTag, type MergeOptions } from './merged-tag.js';

/**
 * OCI 1.1 referrers (distribution-spec "Pushing Manifests with Subject", "Listing Referrers",
 * "Referrers Tag Schema"): an artifact manifest attached to a subject manifest, found through the
 * registry's referrers API where it has one, else through the image index tagged `sha256-<hex>`
 * that clients keep up to date themselves.
 */

/** The empty config of an artifact manifest: `{}`. */
export const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
} as const;
const EMPTY_CONFIG_DATA = Buffer.from('{}');

export interface ReferrerDescriptor extends Descriptor {
  artifactType?: string;
}

export interface ReferrerArtifact {
  artifactType: string;
  layers: { mediaType: string; data: Buffer; annotations?: Record<string, string> }[];
  /** The manifest's annotations: copied into the referrers index entry, where listings read them. */
  annotations?: Record<string, string>;
}

/** The fallback index's merge (merged-tag.ts); the route taken is reported to `log` too. */
export type AttachOptions = MergeOptions;

/** A referrers index read whole: 4 MiB (the size every registry accepts for a manifest), 10,000 referrers. */
export const MAX_INDEX_BYTES = 4 * 1024 * 1024;
export const MAX_REFERRERS = 10_000;
const MAX_PAGES = 20;
const INDEX_BOUNDS: Bounds = { maxBytes: MAX_INDEX_BYTES, maxNodes: 400_000, maxDepth: 16 };
const INDEX_ACCEPT = [
  OciMediaType.index,
  OciMediaType.manifest,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  OciMediaType.dockerManifest,
].join(', ');

/** The tag of the referrers tag schema for `digest`: `sha256-<hex>`. */
export function referrersTag(digest: string): string {
  return parseDigest(digest, 'the subject digest', 'a referrers tag').replace(':', '-');
}

/**
 * Attaches `artifact` to `subject` as an OCI 1.1 referrer: uploads the empty config and the layers,
 * PUTs the manifest by digest, and, unless the registry answers with `OCI-Subject` and its referrers
 * API then lists the referrer (the path a verifier takes), adds it to the fallback index: read, merge
 * (never dropping an entry), write with If-Match, read back; again while an entry is missing. Returns
 * the referrer manifest's descriptor.
 */
export async function attachReferrer(
  client: RegistryClient,
  repository: string,
  subject: Descriptor,
  artifact: ReferrerArtifact,
  options: AttachOptions = {},
): Promise<ReferrerDescriptor> {
  const where = `${client.registry}/${repository}@${subject.digest}`;
  checkDescriptor(subject, 'the subject', where);
  const layers = artifact.layers.map((l) => ({ ...describe(l.mediaType, l.data), ...(l.annotations && { annotations: l.annotations }) }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OciMediaType.manifest,
      artifactType: artifact.artifactType,
      config: EMPTY_CONFIG,
      layers,
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      ...(artifact.annotations && Object.keys(artifact.annotations).length > 0 && { annotations: artifact.annotations }),
    }),
  );
  const blobs: [Descriptor, Buffer][] = [
    [EMPTY_CONFIG, EMPTY_CONFIG_DATA],
    ...artifact.layers.map((l, i): [Descriptor, Buffer] => [layers[i], l.data]),
  ];
  for (const [d, data] of blobs) if (!(await client.hasBlob(repository, d))) await client.uploadBlob(repository, d, data);
  const descriptor: ReferrerDescriptor = {
    ...describe(OciMediaType.manifest, manifest),
    artifactType: artifact.artifactType,
    ...(artifact.annotations && Object.keys(artifact.annotations).length > 0 && { annotations: artifact.annotations }),
  };
  const pushed = await client
    .pushManifest(repository, descriptor.digest, manifest, OciMediaType.manifest)
    .catch((err: unknown) => refusedReferrer(err, `${client.registry}/${repository}`));
  if (pushed.conflict)
    throw new UserError(`${client.registry}/${repository} refused the referrer manifest ${descriptor.digest} (HTTP 412)`, {
      hint: 'The registry does not follow the distribution spec',
    });
  const log = options.log ?? (() => {});
  // The registry says it indexed the subject, and has the API to list it (ECR has said the first without
  // the second: @sigstore/oci's PR #1183) — and the API lists it (a false 200 with an empty index:
  // sigstore/sigstore-js PR #1187). What a verifier finds counts, not what the registry says.
  if (pushed.subject !== undefined && (await client.hasReferrersApi(repository))) {
    if (await listedByApi(client, repository, subject.digest, descriptor)) {
      log(`${where}: referrer ${descriptor.digest} indexed by the registry's referrers API`);
      return descriptor;
    }
    log(
      `${where}: the registry answered OCI-Subject, but its referrers API does not list referrer ${descriptor.digest}: adding it to the fallback index ${referrersTag(subject.digest)}, where verifiers also look`,
    );
  }
  await addToFallbackIndex(client, repository, subject.digest, descriptor, options);
  log(`${where}: referrer ${descriptor.digest} added to the fallback index ${referrersTag(subject.digest)}`);
  return descriptor;
}

/** Whether the referrers API lists `ours` among the referrers of `subject` (of its artifact type). */
async function listedByApi(client: RegistryClient, repository: string, subject: string, ours: ReferrerDescriptor): Promise<boolean> {
  const where = `${client.registry}/${repository}@${subject}`;
  let found = false;
  const api = await client.fetchReferrers(
    repository,
    subject,
    ours.artifactType,
    { maxPages: MAX_PAGES, maxBytes: MAX_INDEX_BYTES },
    (body) => {
      if (parseIndex(body, `the referrers of ${where}`).some((e) => e.digest === ours.digest)) found = true;
    },
  );
  return api && found;
}

/**
 * A referrer manifest the registry refuses outright: AWS ECR has answered a manifest with `subject`
 * and `artifactType` with 405 `UNSUPPORTED: Invalid parameter at 'ImageManifest' failed to satisfy
 * constraint: 'Invalid JSON syntax'` (aws/containers-roadmap#2783; oras-project/oras#1133, #690). It
 * cannot be stored there at all, by referrers API or fallback tag: said so, not retried.
 */
function refusedReferrer(err: unknown, where: string): never {
  if (err instanceof RegistryError && err.status === 405 && !/REGISTRY_DISALLOWED_OPERATION/.test(err.message))
    throw new UserError(
      `${where} refuses OCI 1.1 referrer manifests (a manifest with a subject): a keyless signature or attestation cannot be stored there (${err.message})`,
      {
        hint: 'Publish without keyless signatures and attestations to this registry, or to a registry that keeps referrers (AWS ECR: aws/containers-roadmap#2783)',
        code: 'referrers-refused',
      },
    );
  throw err;
}

/** The fallback index as read: its entries and ETag, or the subject's own answer there (GitLab). */
interface FallbackIndex {
  entries: Record<string, unknown>[];
  etag: string;
  subjectItself?: boolean;
}

/** Our entry added to the fallback index, as every writer merges into it (merged-tag.ts): ours is in it when this returns. */
async function addToFallbackIndex(
  client: RegistryClient,
  repository: string,
  subject: string,
  ours: ReferrerDescriptor,
  options: AttachOptions,
): Promise<void> {
  const tag = referrersTag(subject);
  const where = `${client.registry}/${repository}:${tag}`;
  const log = options.log ?? (() => {});
  await mergeIntoTag<Record<string, unknown>, FallbackIndex>({
    ...options,
    read: () => readIndex(client, repository, tag, subject),
    entries: (index) => index.entries,
    key: (entry) => entry.digest as string,
    ours: [{ ...ours }],
    // What every read showed, together: bounded like one index (a registry serving a new set each time).
    checkCount: (count) => {
      if (count > MAX_REFERRERS) throw tooMany(`the fallback referrers index ${where}`);
    },
    // GitLab reads `sha256-<hex>` as the digest `sha256:<hex>`: the subject's own answer (or none yet,
    // while the subject is not pushed) even after the index was written there. Nothing can read the
    // index back there, this writer included: the referrer stands, with its subject.
    unreadable: async (current) => {
      if (!(current?.subjectItself || (!current && (await readsTagsAsDigests(client, repository, ours))))) return false;
      log(
        `${where}: the registry answers this tag with the subject manifest itself (it reads sha256-<hex> as a digest), even after the index was written: the index cannot be read back there (the referrer is stored with its subject)`,
      );
      return true;
    },
    write: (all, current) => {
      const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OciMediaType.index, manifests: all }));
      // Every entry any read showed is kept: bounded in bytes as well as entries, as a reader reads it.
      if (index.length > MAX_INDEX_BYTES)
        throw new UserError(
          `the fallback referrers index ${where} would be ${index.length} bytes, more than the ${MAX_INDEX_BYTES} a reader takes: not written`,
          { hint: 'No subject carries signatures that large: the registry is broken or hostile' },
        );
      // Over the subject's own answer no condition holds (its ETag is the subject's): written as it is.
      const condition = current?.subjectItself ? {} : current ? { ifMatch: current.etag } : { ifNoneMatch: '*' };
      return client.pushManifest(repository, tag, index, OciMediaType.index, condition);
    },
    gaveUp: (missing, writes) =>
      new UserError(`the fallback referrers index ${where} kept changing: ${missing} referrer(s) still missing after ${writes} writes`, {
        hint: 'Other writers are updating the same index at the same time: run again',
      }),
    again: (missing, write, maxWrites) =>
      `${where}: ${missing} referrer(s) missing from the index, writing it again (write ${write} of ${maxWrites})`,
    conflict: `${where}: the index changed since it was read (HTTP 412), reading it again`,
  });
}

/**
 * Whether the registry reads a tag of the form `sha256-<hex>` as the digest `sha256:<hex>`: asked of
 * the referrer manifest just pushed, whose digest no tag names. A registry that answers it (GitLab)
 * cannot keep a fallback index; one that answers 404 can, and a missing index there is a write lost.
 */
async function readsTagsAsDigests(client: RegistryClient, repository: string, ours: ReferrerDescriptor): Promise<boolean> {
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
async function readIndex(client: RegistryClient, repository: string, tag: string, subject: string): Promise<FallbackIndex | undefined> {
  const where = `${client.registry}/${repository}:${tag}`;
  // Asked for any manifest, not an index only: distribution answers 404 for a manifest whose type
  // the Accept header leaves out, so the subject's own answer would read as "no tag" (and the index
  // just written as lost, again and again).
  const got = await client.fetchManifestIfAny(repository, tag, INDEX_ACCEPT, MAX_INDEX_BYTES);
  if (!got) return undefined;
  if (got.digest === subject) return { entries: [], etag: got.etag, subjectItself: true };
  return { entries: parseIndex(got.body, `the fallback referrers index ${where}`), etag: got.etag };
}

/**
 * Lists the referrers of `subject` (of `artifactType` when given): through the referrers API, or,
 * where the registry has none (404), through the fallback index. Bounded: MAX_REFERRERS entries,
 * MAX_INDEX_BYTES a page; every digest strict.
 */
export async function listReferrers(
  client: RegistryClient,
  repository: string,
  subject: Descriptor | string,
  artifactType?: string,
  /** Told when there is no API and the fallback tag answers with the subject itself: nothing can be listed there. */
  seen?: { subjectItself?: boolean },
): Promise<ReferrerDescriptor[]> {
  const digest = parseDigest(
    typeof subject === 'string' ? subject : subject.digest,
    'the subject digest',
    `${client.registry}/${repository}`,
  );
  const where = `${client.registry}/${repository}@${digest}`;
  let entries: Record<string, unknown>[] = [];
  const api = await client.fetchReferrers(repository, digest, artifactType, { maxPages: MAX_PAGES, maxBytes: MAX_INDEX_BYTES }, (body) => {
    entries.push(...parseIndex(body, `the referrers of ${where}`));
    if (entries.length > MAX_REFERRERS) throw tooMany(`the referrers of ${where}`);
  });
  // No API, or an API that lists none of them (one that claims more than it keeps, as ECR has: see
  // attachReferrer): the fallback index, where a referrer goes when the API does not list it.
  const wanted = (e: Record<string, unknown>): boolean => !artifactType || e.artifactType === artifactType;
  if (!api || !entries.some(wanted)) {
    const index = await readIndex(client, repository, referrersTag(digest), digest);
    if (index?.subjectItself && seen) seen.subjectItself = true;
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
function asReferrer(entry: Record<string, unknown>): ReferrerDescriptor {
  const { annotations, ...rest } = entry;
  const kept =
    typeof annotations === 'object' && annotations !== null && !Array.isArray(annotations)
      ? Object.fromEntries(Object.entries(annotations).filter(([, v]) => typeof v === 'string'))
      : undefined;
  return { ...(rest as unknown as ReferrerDescriptor), ...(kept && { annotations: kept as Record<string, string> }) };
}

/** An image index's `manifests`, each a descriptor with a strict digest; bounded. */
function parseIndex(body: Buffer, what: string): Record<string, unknown>[] {
  let index: unknown;
  try {
    index = readJson(body.toString('utf8'), INDEX_BOUNDS);
  } catch (err) {
    if (err instanceof BoundsError) throw invalid(`${what} ${err.message}`);
    throw invalid(`${what} is not JSON`);
  }
  const i = index as { mediaType?: unknown; manifests?: unknown } | null;
  if (typeof i !== 'object' || i === null || Array.isArray(i) || i.mediaType !== OciMediaType.index)
    throw invalid(`${what} is not an OCI image index (its mediaType is ${quoted((i as { mediaType?: unknown } | null)?.mediaType)})`);
  if (!Array.isArray(i.manifests)) throw invalid(`${what} has no list of manifests`);
  if (i.manifests.length > MAX_REFERRERS) throw tooMany(what);
  return i.manifests.map((e: unknown, n) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw invalid(`${what}: entry ${n + 1} is not a descriptor`);
    const d = e as Record<string, unknown>;
    checkDescriptor(d as { digest: unknown; size: unknown }, `${what}: entry ${n + 1}'s`, what);
    if (typeof d.mediaType !== 'string') throw invalid(`${what}: entry ${n + 1} has no mediaType`);
    if (d.artifactType !== undefined && typeof d.artifactType !== 'string')
      throw invalid(`${what}: entry ${n + 1}'s artifactType is not text`);
    return d;
  });
}

function invalid(message: string): UserError {
  return new UserError(message, {
    hint: 'The registry is answering with something other than a referrers index: nothing was written to it',
  });
}

function tooMany(what: string): UserError {
  return new UserError(`${what} lists more than ${MAX_REFERRERS} referrers`, {
    hint: 'No subject carries that many signatures and attestations: the registry is broken or hostile, and nothing was written to it',
  });
}
