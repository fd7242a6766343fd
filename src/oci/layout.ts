import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fsCode, UserError } from '../errors.js';
import { compareBytes } from '../util/bytes-order.js';
import { withFileLock } from '../util/file-lock.js';
import { isDigest, parseDigest, sha256, type Descriptor } from './digest.js';
import { Annotation, OciMediaType as MediaType } from './media-types.js';

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

/** An index.json larger than this is not one (a cache of 100,000 charts writes about 25 MB). */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

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

  async init(): Promise<void> {
    mkdirSync(path.join(this.root, 'blobs', 'sha256'), { recursive: true });
    mkdirSync(path.join(this.root, 'ingest'), { recursive: true });
    const marker = path.join(this.root, 'oci-layout');
    if (!statSync(marker, { throwIfNoEntry: false })) await this.#writeFile(marker, '{"imageLayoutVersion":"1.0.0"}');
  }

  get ingest(): string {
    return path.join(this.root, 'ingest');
  }

  async hasBlob(d: Pick<Descriptor, 'digest' | 'size'>): Promise<boolean> {
    return this.#hasBlob(d);
  }

  #hasBlob(d: Pick<Descriptor, 'digest' | 'size'>): boolean {
    return statSync(this.blobPath(d.digest), { throwIfNoEntry: false })?.size === d.size;
  }

  /** Stores bytes under their digest (a no-op when an intact copy is there). */
  async #putBlob(digest: string, data: Uint8Array): Promise<void> {
    if (!this.#hasBlob({ digest, size: data.length })) await this.#writeFile(this.blobPath(digest), data);
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

  /** A blob's bytes, checked against its digest; one that is gone (deleted by hand, a cleaner) is named as missing. */
  async readBlob(digest: string): Promise<Buffer> {
    let data: Buffer;
    try {
      data = await readFile(this.blobPath(digest));
    } catch (err) {
      if (fsCode(err) !== 'ENOENT') throw err;
      throw new UserError(`the cache's blob ${digest} is missing (the cache is damaged)`, {
        where: this.root,
        hint: 'Pull or save the chart again',
        cause: err,
      });
    }
    if (sha256(data) !== digest)
      throw new Error(`cache blob ${digest} is corrupt (its content has another digest); remove it and pull again`);
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
    // Opened without waiting (a FIFO would block the open) and looked at before it is read: a folder,
    // a FIFO, a device (a link to /dev/zero) or a file too large to be an index is not read.
    let fd: number;
    try {
      fd = openSync(this.#indexFile, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (err) {
      if (fsCode(err) === 'ENOENT') return empty;
      throw err;
    }
    let text = '';
    let notAnIndex: string | undefined;
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) notAnIndex = 'it is not a file';
      else if (st.size > MAX_INDEX_BYTES) notAnIndex = `it is ${st.size} bytes, over ${MAX_INDEX_BYTES}`;
      else text = readFileSync(fd, 'utf8');
    } finally {
      // Closed before it is moved (Windows does not rename an open file).
      closeSync(fd);
    }
    if (notAnIndex) return notAnIndex;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
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
      for (const d of rest) for (const digest of await this.#referenced(d.digest)) keep.add(digest);
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
      const m = JSON.parse(await readFile(this.blobPath(manifestDigest), 'utf8')) as { config?: Descriptor; layers?: Descriptor[] };
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
    manifests.sort((a, b) => compareBytes(a.annotations?.[Annotation.refName] ?? '', b.annotations?.[Annotation.refName] ?? ''));
    const body = JSON.stringify({ schemaVersion: 2, mediaType: MediaType.index, manifests }, null, 2) + '\n';
    await this.#writeFile(path.join(this.root, 'index.json'), body);
  }
}
