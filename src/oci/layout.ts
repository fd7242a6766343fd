import { lstatSync, mkdirSync, realpathSync, renameSync, statSync, type Stats } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fsCode, UserError } from '../errors.js';
import { BoundsError, readJson, type Bounds } from '../util/bounded-read.js';
import { compareBytes } from '../util/bytes-order.js';
import { withFileLock } from '../util/file-lock.js';
import { FileTooLarge, kindOf, NotRegularFile, readRegularFile, readRegularFileSync } from '../util/read-regular-file.js';
import { isDigest, parseDigest, sha256, type Descriptor } from './digest.js';
import { Annotation, OciMediaType as MediaType } from './media-types.js';
import { MAX_BLOB_BYTES } from './registry.js';

interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
}

/**
 * Helm's registry cache path: $HELM_CACHE_HOME/registry/cache, else $XDG_CACHE_HOME/helm/…, else the
 * platform's cache folder (~/.cache on Linux, ~/Library/Caches on macOS, %TEMP% on Windows).
 */
export function defaultCachePath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HELM_CACHE_HOME) return path.join(env.HELM_CACHE_HOME, 'registry', 'cache');
  let base: string;
  if (env.XDG_CACHE_HOME) base = env.XDG_CACHE_HOME;
  else if (platform === 'darwin') base = path.join(os.homedir(), 'Library', 'Caches');
  else if (platform === 'win32') base = env.TEMP ?? os.tmpdir();
  else base = path.join(os.homedir(), '.cache');
  return path.join(base, 'helm', 'registry', 'cache');
}

interface PendingSave {
  refName: string;
  manifest: Descriptor;
  blobs: Uint8Array[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

let cacheWarning: (line: string) => void = () => {};

/**
 * The most charts (entries) a cache lists: more than any runner's cache holds (an entry is a name and
 * tag: a save of a new version adds one, of the same version replaces it; 400 charts that each
 * release every week add some 21,000 a year), and few enough that the index stays a small cost to
 * read on every save: an entry as written here is about 300 bytes and 11 JSON values, so 100,000 of
 * them are some 30 MB, read and parsed in well under a second.
 */
export const MAX_INDEX_ENTRIES = 100_000;

/**
 * An index.json is read within these: twice the bytes of the largest index (a file larger is not
 * one), and 16 values an entry (room for a few more annotations than the one written here). The
 * values are what costs: JSON.parse holds some 100 bytes for each `{}`, and a 64 MiB file of them
 * (22 million) took 2.3 GB to list and 2.9 GB to save over; at 1.6 million values the most any file
 * within these can cost is some 200 MB.
 */
const INDEX_JSON: Bounds = { maxBytes: 64 * 1024 * 1024, maxNodes: MAX_INDEX_ENTRIES * 16, maxDepth: 32 };

/** A manifest as the registry client bounds one (4 MiB, a few dozen values: artifact/parse.ts's MANIFEST_JSON). */
const MANIFEST_BOUNDS: Bounds = { maxBytes: 4 * 1024 * 1024, maxNodes: 10_000, maxDepth: 32 };

/** Where the cache's warnings go (a damaged index.json set aside): each face's own sink. */
export function onCacheWarning(warn: (line: string) => void): void {
  cacheWarning = warn;
}

/** Per cache folder: the batch still taking saves, and the write of the last batch (after which the next starts). */
const batches = new Map<string, { open?: PendingSave[]; last: Promise<void> }>();

/**
 * The runner-local cache: an OCI image layout (oci-layout, index.json, blobs/sha256/…) in which
 * index.json names each manifest by its full reference, as Helm 3.0–3.6 kept it. Blobs are staged
 * under ingest/ and renamed into place; index.json is replaced atomically under a lock, so
 * concurrent writers never lose an entry or leave half a file.
 *
 * The files are written off the main thread, a batch of saves at a time (see `save`). They are not
 * fsync'ed: this is a cache, rebuilt by a save or a pull, and a rename over the old file is atomic for
 * every reader.
 */
export class Layout {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /**
   * The one mapping of a digest to a file: `blobs/sha256/<hex>`, for a digest that parses strictly
   * (anything else is refused before it names a path), and checked to stay in that folder.
   */
  blobPath(digest: string): string {
    const [alg, hex] = parseDigest(digest, 'the blob digest', this.root).split(':');
    const store = path.join(this.root, 'blobs', alg);
    const file = path.resolve(store, hex);
    if (path.dirname(file) !== store) throw new Error(`blob path ${file} is outside ${store}`);
    return file;
  }

  get #indexFile(): string {
    return path.join(this.root, 'index.json');
  }

  /**
   * Makes the layout's folders, and checks them before any write: every file a save or a remove
   * writes, renames or deletes is in blobs/sha256/, ingest/ or the cache folder itself.
   */
  async init(): Promise<void> {
    try {
      mkdirSync(this.root, { recursive: true });
    } catch (err) {
      throw fsCode(err) === 'EEXIST' || fsCode(err) === 'ENOTDIR' ? this.#notAFolder(err) : err;
    }
    const root = realpathSync(this.root);
    for (const folder of [['blobs'], ['blobs', 'sha256'], ['ingest']]) this.#folderInside(root, path.join(this.root, ...folder));
    // The layout's marker, which Chartlift never reads but other tools that read the cache do (skopeo,
    // oras): written when missing, and over a FIFO or a device link there (which would hang them).
    const marker = path.join(this.root, 'oci-layout');
    const st = lstatSync(marker, { throwIfNoEntry: false });
    if (!st || !(st.isFile() || st.isDirectory())) await this.#writeFile(marker, '{"imageLayoutVersion":"1.0.0"}');
  }

  /**
   * What a path into the cache met that is not a folder (ENOTDIR): the cache folder itself (a file, a
   * FIFO, /dev/zero given as the cache), blobs or blobs/sha256, named; else the error as it was.
   */
  #notAFolder(cause: unknown): unknown {
    for (const folder of [this.root, path.join(this.root, 'blobs'), path.join(this.root, 'blobs', 'sha256')]) {
      // A folder above the cache that is a file (ENOTDIR here too) is left to the error as it was.
      const st = statIfAny(folder);
      if (!st || st.isDirectory()) continue;
      return folder === this.root
        ? new UserError(`the cache is ${kindOf(st)}, not a folder`, { where: folder, code: 'cache-unwritable', cause })
        : new UserError(`it is ${kindOf(st)}, not a folder (the cache is damaged)`, {
            where: folder,
            hint: 'Remove it; the next save makes the folder',
            cause,
          });
    }
    return cause;
  }

  /**
   * A folder of the layout, made when missing. One that is a link leading outside the cache folder is
   * refused: a save would write its blobs, and a remove delete files, wherever it leads (another
   * job's folder, a home directory). The cache folder itself may be a link (to a larger disk, say):
   * what is checked is where each folder is found from the cache folder's own real path. A link
   * inside the cache is harmless and kept. (A folder swapped for a link between this check and the
   * write is not caught: Node has no openat/renameat to write relative to a checked folder.)
   */
  #folderInside(root: string, folder: string): void {
    try {
      mkdirSync(folder);
    } catch (err) {
      if (fsCode(err) !== 'EEXIST') throw err;
    }
    let real: string;
    try {
      real = realpathSync(folder);
    } catch (err) {
      if (fsCode(err) !== 'ENOENT' && fsCode(err) !== 'ELOOP') throw err;
      throw new UserError('it is a link that leads nowhere (to nothing, or back to itself)', {
        where: folder,
        hint: 'Remove the link; the next save makes the folder',
        cause: err,
      });
    }
    if (!real.startsWith(root + path.sep))
      throw new UserError(`it leads outside the cache (to ${real}): the cache writes and deletes only inside its own folder`, {
        where: folder,
        hint: 'Replace the link with a folder; to keep the cache elsewhere, make the cache folder itself the link',
      });
    const st = statSync(real);
    if (!st.isDirectory())
      throw new UserError(`it is ${kindOf(st)}, not a folder`, { where: folder, hint: 'Remove it; the next save makes the folder' });
  }

  get ingest(): string {
    return path.join(this.root, 'ingest');
  }

  async hasBlob(d: Pick<Descriptor, 'digest' | 'size'>): Promise<boolean> {
    return this.#hasBlob(d);
  }

  /** A regular file of the blob's size is there (a FIFO, a device or a folder is not a blob, whatever stat says of its size). */
  #hasBlob(d: Pick<Descriptor, 'digest' | 'size'>): boolean {
    let st;
    try {
      st = statSync(this.blobPath(d.digest), { throwIfNoEntry: false });
    } catch (err) {
      throw fsCode(err) === 'ENOTDIR' ? this.#notAFolder(err) : err;
    }
    return st?.isFile() === true && st.size === d.size;
  }

  /**
   * Stores bytes under their digest: a no-op when the very bytes are there; anything else there (a
   * damaged copy, a FIFO, a link) is replaced by the rename, which never writes through a link or
   * into another name's file (a hard link). A folder there is named: a rename cannot replace it, and
   * it may hold anything.
   */
  async #putBlob(digest: string, data: Uint8Array): Promise<void> {
    const file = this.blobPath(digest);
    try {
      if ((await readRegularFile(file, data.length)).equals(data)) return;
    } catch (err) {
      if (!(err instanceof NotRegularFile || err instanceof FileTooLarge) && fsCode(err) !== 'ENOENT' && fsCode(err) !== 'ELOOP') throw err;
      if (lstatSync(file, { throwIfNoEntry: false })?.isDirectory())
        throw new UserError(`the cache's blob ${digest} is a folder, not a file (the cache is damaged)`, {
          where: file,
          hint: 'Remove that folder, then save or pull the chart again',
        });
    }
    await this.#writeFile(file, data);
  }

  /**
   * Writes a file whole or not at all: staged under ingest/, then renamed into place. Off this thread:
   * a save's files are created while the publish goes on (creating a file waits for the file
   * system's journal, which a busy disk holds for milliseconds).
   */
  async #writeFile(target: string, data: Uint8Array | string): Promise<void> {
    const temp = path.join(this.ingest, `${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}`);
    try {
      await writeFile(temp, data, { flag: 'wx' });
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /**
   * A blob's bytes, checked against its digest; one that is gone (deleted by hand, a cleaner) is named
   * as missing. Only a regular file of at most `maxBytes` is read (the caller's bound for what the blob
   * is: a manifest, a config, a chart): a FIFO, a device (a link to /dev/zero), a folder or a larger
   * file is damaged, named with its path, never read.
   */
  async readBlob(digest: string, maxBytes = MAX_BLOB_BYTES): Promise<Buffer> {
    const file = this.blobPath(digest);
    const damaged = (what: string, err?: unknown) =>
      new UserError(`the cache's blob ${digest} ${what} (the cache is damaged)`, {
        where: file,
        hint: 'Remove it, then pull or save the chart again',
        cause: err,
      });
    let data: Buffer;
    try {
      data = await readRegularFile(file, maxBytes);
    } catch (err) {
      if (fsCode(err) === 'ENOENT')
        throw new UserError(`the cache's blob ${digest} is missing (the cache is damaged)`, {
          where: this.root,
          hint: 'Pull or save the chart again',
          cause: err,
        });
      if (fsCode(err) === 'ENOTDIR') throw this.#notAFolder(err);
      if (err instanceof NotRegularFile) throw damaged(`is ${err.kind}, not a file`, err);
      if (err instanceof FileTooLarge) throw damaged(`is ${err.size} bytes, more than the ${err.maxBytes} such a blob may be`, err);
      if (fsCode(err) === 'ELOOP') throw damaged('is a link that leads back to itself', err);
      throw err;
    }
    if (sha256(data) !== digest) throw damaged('is corrupt (its content has another digest)');
    return data;
  }

  /**
   * The index, read without the lock; one found damaged is read again under it, and set aside only
   * then: a writer holding the lock may be setting it aside and writing the new one right now, and a
   * reader that moved index.json then would move the writer's new index (and the charts just saved).
   */
  async readIndex(): Promise<ImageIndex> {
    const index = this.#parseIndex();
    if (typeof index !== 'string') return index;
    return this.#locked(async () => this.#readIndex());
  }

  /** The index, a damaged one set aside: for those holding the lock. */
  #readIndex(): ImageIndex {
    const index = this.#parseIndex();
    return typeof index === 'string' ? this.#setAside(index) : index;
  }

  /** The index, or why it is damaged. */
  #parseIndex(): ImageIndex | string {
    const empty: ImageIndex = { schemaVersion: 2, mediaType: MediaType.index, manifests: [] };
    // Only a regular file is read, and only up to its bound: a folder, a FIFO (opened without waiting,
    // never read), a device (a link to /dev/zero) or a file too large to be an index is damaged.
    let text: string;
    try {
      text = readRegularFileSync(this.#indexFile, INDEX_JSON.maxBytes).toString('utf8');
    } catch (err) {
      if (fsCode(err) === 'ENOENT') return empty;
      if (fsCode(err) === 'ENOTDIR') throw this.#notAFolder(err);
      if (err instanceof NotRegularFile || err instanceof FileTooLarge) return err.message;
      if (fsCode(err) === 'ELOOP') return 'it is a link that leads back to itself';
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = readJson(text, INDEX_JSON);
    } catch (err) {
      // Counted before anything is built: an index of millions of `{}` costs its scan, not gigabytes.
      if (err instanceof BoundsError)
        return `it ${err.message}, more than an index of ${MAX_INDEX_ENTRIES} charts (the most a cache holds) does`;
      return `it is not JSON: ${(err as Error).message}`;
    }
    // `manifests` may be null (Go writes an empty list so), never absent: an array, or an object
    // without it, is another file, kept rather than overwritten by the next save.
    const manifests = (parsed as Partial<ImageIndex> | null)?.manifests ?? [];
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed) ||
      !('manifests' in parsed) ||
      !Array.isArray(manifests) ||
      manifests.some((m) => typeof m !== 'object' || m === null)
    )
      return 'it is not an image index (no list of manifests)';
    if (manifests.length > MAX_INDEX_ENTRIES)
      return `it lists ${manifests.length} charts, more than the ${MAX_INDEX_ENTRIES} a cache holds`;
    return { ...empty, manifests };
  }

  /**
   * An index.json that cannot be read is moved aside (kept, beside it, for whoever wants what it
   * named) and the cache starts a new one: a damaged file would otherwise fail every save and every
   * publish of a runner whose cache persists. The charts it named are said to be gone, never dropped
   * silently; their blobs stay until a `remove`.
   */
  #setAside(why: string): ImageIndex {
    const aside = `${this.#indexFile}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
    try {
      renameSync(this.#indexFile, aside);
      cacheWarning(
        `The cache index ${this.#indexFile} could not be read (${why}): set aside as ${path.basename(aside)}, and a new index started. The charts it listed are no longer in the cache: save or pull them again.`,
      );
    } catch (err) {
      // Another process set it aside first: read what is there now.
      if (fsCode(err) === 'ENOENT') return this.#readIndex();
      throw err;
    }
    return { schemaVersion: 2, mediaType: MediaType.index, manifests: [] };
  }

  /**
   * Saves blobs and points `refName` at `manifest`, all under the index lock, so that a concurrent
   * `remove` never deletes a blob this save is about to reference. Saves to one cache that arrive
   * while another is being written are written together after it: one lock and one index.json for
   * the batch (a step publishing 400 charts rewrote index.json, and took the lock, 400 times).
   */
  async save(refName: string, manifest: Descriptor, blobs: Uint8Array[]): Promise<void> {
    parseDigest(manifest.digest, 'the manifest digest', refName);
    await this.init();
    const state = batches.get(this.root) ?? { last: Promise.resolve() };
    batches.set(this.root, state);
    if (!state.open) {
      const batch: PendingSave[] = (state.open = []);
      // Written once the batch before it is; every save that comes meanwhile joins it.
      const written = state.last.then(() => {
        state.open = undefined;
        return this.#writeBatch(batch);
      });
      state.last = written;
      void written.then(() => state.last === written && batches.delete(this.root));
    }
    const batch = state.open;
    await new Promise<void>((resolve, reject) => batch.push({ refName, manifest, blobs, resolve, reject }));
  }

  async #writeBatch(batch: PendingSave[]): Promise<void> {
    try {
      await this.#locked(async () => {
        const blobs = new Map<string, Uint8Array>();
        const entries = new Map<string, Descriptor>();
        for (const { refName, manifest, blobs: own } of batch) {
          for (const blob of own) blobs.set(sha256(blob), blob);
          // A name saved twice in one batch: the later save holds it, as if written one after the other.
          entries.set(refName, {
            mediaType: manifest.mediaType,
            digest: manifest.digest,
            size: manifest.size,
            annotations: { [Annotation.refName]: refName },
          });
        }
        await Promise.all([...blobs].map(([digest, blob]) => this.#putBlob(digest, blob)));
        await this.#writeIndex((list) => [
          ...list.filter((d) => !entries.has(d.annotations?.[Annotation.refName] ?? '')),
          ...entries.values(),
        ]);
      });
      for (const save of batch) save.resolve();
    } catch (err) {
      for (const save of batch) save.reject(err);
    }
  }

  /**
   * Drops the entry named `refName` and deletes the blobs only it used: its manifest, config and
   * layers that no other manifest in the index references. Returns the removed descriptor.
   */
  async remove(refName: string): Promise<Descriptor | undefined> {
    await this.init();
    return this.#locked(async () => {
      const index = this.#readIndex();
      const removed = index.manifests.find((d) => d.annotations?.[Annotation.refName] === refName);
      if (!removed) return undefined;
      const rest = index.manifests.filter((d) => d !== removed);
      await this.#writeIndex(() => rest);
      const keep = new Set<string>();
      // Each manifest read once, however many entries name it.
      for (const manifest of new Set(rest.map((d) => d.digest))) for (const digest of await this.#referenced(manifest)) keep.add(digest);
      for (const digest of await this.#referenced(removed.digest)) {
        if (!keep.has(digest)) await rm(this.blobPath(digest), { force: true });
      }
      return removed;
    });
  }

  /** The entry named `refName`, its digest checked (index.json may have been written by anything). */
  async resolve(refName: string): Promise<Descriptor | undefined> {
    const entry = (await this.readIndex()).manifests.find((d) => d.annotations?.[Annotation.refName] === refName);
    if (entry) parseDigest(entry.digest, `the digest of ${refName}`, this.#indexFile);
    return entry;
  }

  /**
   * A manifest's own digest and the digests it references: only those that are digests. What is
   * not names no blob of this store, so it is neither kept nor deleted (nor read, nor probed).
   */
  async #referenced(manifestDigest: unknown): Promise<string[]> {
    if (!isDigest(manifestDigest)) return [];
    try {
      // Read as any cache file is: a regular file, within a manifest's bound.
      const m = readJson(
        (await readRegularFile(this.blobPath(manifestDigest), MANIFEST_BOUNDS.maxBytes)).toString('utf8'),
        MANIFEST_BOUNDS,
      ) as {
        config?: Descriptor;
        layers?: Descriptor[];
      };
      const listed = [m.config?.digest, ...(Array.isArray(m.layers) ? m.layers.map((l) => l?.digest) : [])];
      return [manifestDigest, ...listed.filter(isDigest)];
    } catch {
      return [manifestDigest];
    }
  }

  async #locked<T>(fn: () => Promise<T>): Promise<T> {
    return withFileLock(path.join(this.root, 'index.json.lock'), fn);
  }

  async #writeIndex(change: (list: Descriptor[]) => Descriptor[]): Promise<void> {
    const index = this.#readIndex();
    const manifests = change(index.manifests);
    // An index past the bound would be set aside, with every chart it lists, by the next reader.
    if (manifests.length > MAX_INDEX_ENTRIES)
      throw new UserError(
        `the cache would list ${manifests.length} charts, more than the ${MAX_INDEX_ENTRIES} a cache holds; the index was left as it was`,
        {
          where: this.root,
          hint: 'Remove the charts it no longer needs, or use a new cache folder',
        },
      );
    manifests.sort((a, b) => compareBytes(a.annotations?.[Annotation.refName] ?? '', b.annotations?.[Annotation.refName] ?? ''));
    const body = JSON.stringify({ schemaVersion: 2, mediaType: MediaType.index, manifests }, null, 2) + '\n';
    await this.#writeFile(path.join(this.root, 'index.json'), body);
  }
}

/** What a path names, or undefined when nothing can be found there (missing, or under a file). */
function statIfAny(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
