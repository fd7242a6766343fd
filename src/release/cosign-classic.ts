import { UserError } from '../errors.js';
import { MAX_LAYERS, NotAppendable, appendLayers, readTaggedImage, type ImageLayer, type TaggedImage } from '../oci/appended-image.js';
import { deadline, withDeadline } from '../oci/deadline.js';
import type { RegistryClient } from '../oci/registry.js';
import { CLASSIC_SUFFIX, type ClassicKind, type ClassicLayer } from '../sign/keyless/cosign-classic.js';
import type { ClassicExpectation } from '../sign/keyless/verify-classic.js';
import { sha256Hex } from '../sign/keyless/statement.js';

/**
 * cosign's classic signatures and attestations of a chart, in its repository: the layers of the
 * images tagged `sha256-<hex>.sig` and `sha256-<hex>.att` (sigstore/cosign pkg/oci/remote
 * `normalize`), found (the newest valid one by an identity, within bounds) and appended to (every
 * other signer's layer kept: oci/appended-image).
 */

/** The tag of `kind` beside the manifest `digest`: `sha256-<hex>.sig` or `.att`. */
export function classicTag(digest: string, kind: ClassicKind): string {
  return `sha256-${sha256Hex(digest)}.${CLASSIC_SUFFIX[kind]}`;
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

export interface FoundClassic {
  /** The valid layer, when one was found: its place (1 = oldest) and digest. */
  layer?: { index: number; digest: string };
  /** The tag's manifest digest, when there is a tag. */
  tagDigest?: string;
  /** Layers at the tag. */
  listed: number;
  /** Of those, how many were screened out, read, and left unexamined (and why the search stopped). */
  screenedOut: number;
  checked: number;
  unread: number;
  stopped?: string;
  /** Why layers did not count (at most MAX_REASONS, then a count). */
  refused: string[];
  /**
   * Why the tag can take no layer of ours: it cannot be read (not an image, too large, over 1000
   * layers: nothing in it counts), or it holds the 1000 layers cosign reads and no valid one.
   */
  unusable?: string;
}

export interface ClassicScreen {
  /** The trusted root: with it, a layer's certificate and Rekor entry are checked before its blob is read. */
  trustedRoot?: unknown;
}

/**
 * The newest layer at `kind`'s tag that `check` accepts (it throws a UserError for one it refuses),
 * once screened for `expected` from its annotations alone (screenClassicLayer); within the bounds above.
 */
export async function findValidClassic(
  client: RegistryClient,
  repository: string,
  kind: ClassicKind,
  expected: ClassicExpectation,
  check: (layer: ImageLayer, data: Buffer) => Promise<void>,
  screen: ClassicScreen = {},
): Promise<FoundClassic> {
  const tag = classicTag(expected.expectedSubjectDigest, kind);
  const { checkClaims, screenClassicLayer } = await import('../sign/keyless/verify-classic.js');
  return withDeadline(Date.now() + Math.min(FIND_DEADLINE_MS, client.operationBudgetMs), async () => {
    const out: FoundClassic = { listed: 0, screenedOut: 0, checked: 0, unread: 0, refused: [] };
    let image: TaggedImage | undefined;
    try {
      image = await readTaggedImage(client, repository, tag);
    } catch (err) {
      if (!(err instanceof NotAppendable)) throw err;
      return { ...out, unusable: err.message };
    }
    if (!image) return out;
    out.tagDigest = image.digest;
    out.listed = image.layers.length;
    let refusedCount = 0;
    const refuse = (why: string): void => {
      if (refusedCount++ < MAX_REASONS) out.refused.push(why);
    };
    const more = (): void => {
      if (refusedCount > MAX_REASONS) out.refused.push(`and ${refusedCount - MAX_REASONS} more layer(s) that do not count`);
    };
    const seen = new Set<string>();
    let verified = 0;
    for (let i = image.layers.length - 1; i >= 0; i--) {
      const layer = image.layers[i];
      const id = `${layer.digest} ${JSON.stringify(layer.annotations ?? {})}`;
      if (seen.has(id)) continue;
      seen.add(id);
      try {
        await screenClassicLayer(kind, layer, expected, screen.trustedRoot);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        out.screenedOut++;
        refuse(`layer ${i + 1} (${layer.digest}) does not count: ${err.message}`);
        continue;
      }
      const stop = (why: string): FoundClassic => {
        more();
        return { ...out, unread: i + 1, stopped: why };
      };
      if (out.checked >= MAX_READ) return stop(`at most ${MAX_READ} are read`);
      if (verified >= MAX_VERIFIED) return stop(`at most ${MAX_VERIFIED} of this identity's are verified`);
      if ((deadline() ?? Infinity) <= Date.now()) return stop('the time to look for one ran out');
      out.checked++;
      try {
        if (layer.size > MAX_LAYER_BYTES) throw new UserError(`it is ${layer.size} bytes, more than a signature is`);
        const data = await client.fetchBlob(repository, layer);
        // What the bytes claim first (no cryptography): another chart's layer copied here costs its read only.
        checkClaims(kind, data, expected);
        verified++;
        await check(layer, data);
        return { ...out, layer: { index: i + 1, digest: layer.digest } };
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
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
export async function appendClassic(
  client: RegistryClient,
  repository: string,
  digest: string,
  kind: ClassicKind,
  layer: ClassicLayer,
  log?: (line: string) => void,
): Promise<{ tag: string; digest: string; layers: number }> {
  const tag = classicTag(digest, kind);
  const image = await appendLayers(client, repository, tag, [layer], { log });
  return { tag, digest: image.digest, layers: image.layers.length };
}

export { NotAppendable };
