import { UserError } from '../errors.js';
import { quoted } from '../util/quoted.js';
import { BoundsError, readJson, type Bounds } from '../util/bounded-read.js';
import { checkDescriptor, describe, type Descriptor } from './digest.js';
import { OciMediaType } from './media-types.js';
import { TooLarge, type RegistryClient } from './registry.js';
import { mergeIntoTag, type MergeOptions } from './merged-tag.js';

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
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const ACCEPT = [OciMediaType.manifest, OciMediaType.dockerManifest].join(', ');

/** cosign reads at most 1000 layers at a tag (pkg/oci/remote/signatures.go `maxLayers`): more, and it reads none. */
export const MAX_LAYERS = 1000;
/** A manifest of 1000 layers with their annotations fits; what is larger is not read. */
export const MAX_IMAGE_MANIFEST_BYTES = 4 * 1024 * 1024;
const BOUNDS: Bounds = { maxBytes: MAX_IMAGE_MANIFEST_BYTES, maxNodes: 200_000, maxDepth: 16 };

export interface ImageLayer extends Descriptor {
  annotations?: Record<string, string>;
}

export interface TaggedImage {
  /** The manifest's digest and ETag (for a conditional write). */
  digest: string;
  etag: string;
  mediaType: string;
  configMediaType: string;
  /** In the manifest's order (cosign appends: the newest last). */
  layers: ImageLayer[];
}

/** An image the tag cannot be appended to (not an image manifest, too large, too many layers): said why. */
export class NotAppendable extends UserError {}

/**
 * The image manifest at `tag` (undefined when there is none), bounded: MAX_IMAGE_MANIFEST_BYTES,
 * MAX_LAYERS layers, every digest and size strict, annotations kept only where they are a map of
 * strings. What is not an image manifest is a NotAppendable naming what it is.
 */
export async function readTaggedImage(client: RegistryClient, repository: string, tag: string): Promise<TaggedImage | undefined> {
  const where = `${client.registry}/${repository}:${tag}`;
  let got;
  try {
    got = await client.fetchManifestIfAny(repository, tag, ACCEPT, MAX_IMAGE_MANIFEST_BYTES);
  } catch (err) {
    if (err instanceof TooLarge)
      throw new NotAppendable(`${where} is larger than ${MAX_IMAGE_MANIFEST_BYTES} bytes: not read`, { cause: err });
    throw err;
  }
  if (!got) return undefined;
  let parsed: unknown;
  try {
    parsed = readJson(got.body.toString('utf8'), BOUNDS);
  } catch (err) {
    throw new NotAppendable(`${where} ${err instanceof BoundsError ? err.message : 'is not JSON'}`);
  }
  const m = parsed as { mediaType?: unknown; config?: unknown; layers?: unknown } | null;
  const mediaType = typeof m === 'object' && m !== null && !Array.isArray(m) ? m.mediaType : undefined;
  if (mediaType !== OciMediaType.manifest && mediaType !== OciMediaType.dockerManifest)
    throw new NotAppendable(`${where} is not an image manifest (its mediaType is ${quoted(mediaType)})`);
  const config = m!.config as { mediaType?: unknown } | undefined;
  if (typeof config !== 'object' || config === null || typeof config.mediaType !== 'string' || !Array.isArray(m!.layers))
    throw new NotAppendable(`${where} has no config or no list of layers`);
  if (m!.layers.length > MAX_LAYERS)
    throw new NotAppendable(`${where} holds ${m!.layers.length} layers, more than the ${MAX_LAYERS} cosign reads`);
  const layers = m!.layers.map((l: unknown, n): ImageLayer => {
    if (typeof l !== 'object' || l === null || Array.isArray(l)) throw new NotAppendable(`${where}: layer ${n + 1} is not a descriptor`);
    const d = l as Record<string, unknown>;
    try {
      checkDescriptor(d as { digest: unknown; size: unknown }, `layer ${n + 1}'s`, where);
    } catch (err) {
      throw new NotAppendable((err as Error).message);
    }
    if (typeof d.mediaType !== 'string') throw new NotAppendable(`${where}: layer ${n + 1} has no mediaType`);
    const a = d.annotations;
    const annotations =
      typeof a === 'object' && a !== null && !Array.isArray(a)
        ? (Object.fromEntries(Object.entries(a).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
        : undefined;
    return { mediaType: d.mediaType, digest: d.digest as string, size: d.size as number, ...(annotations && { annotations }) };
  });
  return { digest: got.digest, etag: got.etag, mediaType, configMediaType: config.mediaType, layers };
}

export interface NewLayer {
  mediaType: string;
  data: Buffer;
  annotations: Record<string, string>;
}

export type AppendOptions = MergeOptions;

/** A layer's identity in a merge: the same blob signed twice (two certificates) is two layers. */
const key = (l: ImageLayer): string => `${l.digest} ${JSON.stringify(Object.entries(l.annotations ?? {}).sort())}`;

/**
 * Appends `layers` to the image at `tag` (made when there is none), keeping every layer another writer
 * put there: read, merge, write (If-Match the ETag read, or If-None-Match when there was none), read
 * back; again while a layer seen is missing, and once more after a settling time. Returns the image
 * as last read back, which holds ours.
 */
export async function appendLayers(
  client: RegistryClient,
  repository: string,
  tag: string,
  layers: NewLayer[],
  options: AppendOptions = {},
): Promise<TaggedImage> {
  const where = `${client.registry}/${repository}:${tag}`;
  const ours = layers.map((l): ImageLayer => ({ ...describe(l.mediaType, l.data), annotations: l.annotations }));
  for (const [i, d] of ours.entries()) if (!(await client.hasBlob(repository, d))) await client.uploadBlob(repository, d, layers[i].data);
  const merged = await mergeIntoTag<ImageLayer, TaggedImage>({
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
      const configDescriptor = describe(current?.configMediaType ?? OCI_CONFIG, config);
      const mediaType = current?.mediaType ?? OciMediaType.manifest;
      const manifest = imageManifest(mediaType, configDescriptor, all);
      // Every layer any read showed is kept: a registry answering each read with other large layers would
      // have it grow with every write, past what any reader (this one included) takes.
      if (manifest.length > MAX_IMAGE_MANIFEST_BYTES)
        throw new NotAppendable(
          `${where} would be ${manifest.length} bytes, more than the ${MAX_IMAGE_MANIFEST_BYTES} cosign reads: not written`,
        );
      if (!(await client.hasBlob(repository, configDescriptor))) await client.uploadBlob(repository, configDescriptor, config);
      return client.pushManifest(repository, tag, manifest, mediaType, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
    },
    gaveUp: (missing, writes) =>
      new UserError(`${where} kept changing: ${missing} layer(s) still missing after ${writes} writes`, {
        hint: 'Other writers are signing the same chart at the same time: run again',
      }),
    again: (missing, write, maxWrites) => `${where}: ${missing} layer(s) missing, writing it again (write ${write} of ${maxWrites})`,
    conflict: `${where}: the tag changed since it was read (HTTP 412), reading it again`,
  });
  // Ours are in it: the merge ends on a read that holds them.
  return merged!;
}

/**
 * The image config go-containerregistry writes for an empty image with these layers appended
 * (pkg/v1/empty `Image`, pkg/v1/mutate `Append`, `json.Marshal(v1.ConfigFile)`: its field order, a
 * zero `created`, one empty history entry and one diff_id per layer, a layer's diff_id being its
 * digest since cosign's layers are not compressed). Rebuilt from the layers, as cosign 2.2+ writes it
 * by default (no creation time: sigstore/cosign #3121): an older writer's top-level `created` is not
 * kept, which nothing reads.
 */
export function imageConfig(layers: Descriptor[]): Buffer {
  const zero = '0001-01-01T00:00:00Z';
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: zero,
      history: layers.map(() => ({ created: zero })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
}

/** The manifest as go-containerregistry marshals v1.Manifest: schemaVersion, mediaType, config, layers (each mediaType, size, digest, annotations). */
export function imageManifest(mediaType: string, config: Descriptor, layers: ImageLayer[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: { mediaType: config.mediaType, size: config.size, digest: config.digest },
      layers: layers.map((l) => ({
        mediaType: l.mediaType,
        size: l.size,
        digest: l.digest,
        ...(l.annotations && Object.keys(l.annotations).length > 0 && { annotations: sortedKeys(l.annotations) }),
      })),
    }),
  );
}

/** Go marshals a map with its keys sorted. */
function sortedKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
