import { backoffAtLeastHalf, sleep } from './retry.js';

/**
 * A tag that several writers merge into (cosign's appended `.sig`/`.att` images, the fallback
 * referrers index): read, merge, write, read back, and again after a settling time. An entry another
 * writer added is never dropped (every entry seen in any read is kept), and ours are there when this
 * returns. A registry that honours If-Match / If-None-Match answers a write on a stale read with 412,
 * and the round starts again; one that ignores them is caught by the reads back.
 */
/** How a merge runs: where it reports, how many writes it makes, how long a write settles. */
export interface MergeOptions {
  /** Where each write again and each 412 are reported. */
  log?: (line: string) => void;
  /** Writes at most (each after a conflict or a lost entry, backing off: `rewriteWait`): 10 by default. */
  maxWrites?: number;
  /**
   * How long a write is left to settle before it is read back a second time (a writer that read the
   * tag before ours landed writes within about its own read-to-write time): by default three times
   * this writer's own, at least 250 ms, at most 5 s.
   */
  settleMs?: number;
}

export interface MergedTag<E, R> extends MergeOptions {
  /** What the tag holds now, or undefined when it does not exist. */
  read(): Promise<R | undefined>;
  /** The entries a read holds. */
  entries(current: R): E[];
  /** An entry's identity in the merge. */
  key(entry: E): string;
  /** This writer's entries. */
  ours: E[];
  /** Throws when the entries seen together are more than a reader takes. */
  checkCount(count: number): void;
  /** Writes every entry seen over `current` (conditionally); whether the registry refused it as stale (412). */
  write(all: E[], current: R | undefined): Promise<{ conflict: boolean }>;
  /** After a write, a read that can never show it (the caller says why): the merge ends there. */
  unreadable?(current: R | undefined): Promise<boolean>;
  /** The error when entries are still missing after `writes` writes. */
  gaveUp(missing: number, writes: number): Error;
  /** The log's lines: before writing again, and after a 412. */
  again(missing: number, write: number, maxWrites: number): string;
  conflict: string;
}

/** How many times a merged tag is written before giving up. */
export const MAX_REWRITES = 10;

/** The merge; the last read, which holds every entry seen (undefined only when `unreadable` ended it on no tag). */
export async function mergeIntoTag<E, R>(tag: MergedTag<E, R>): Promise<R | undefined> {
  const log = tag.log ?? (() => {});
  const maxWrites = tag.maxWrites ?? MAX_REWRITES;
  /** Every entry seen, by identity, in the order first seen; ours after the ones already there. */
  const known = new Map<string, E>();
  let settled = false;
  let writes = 0;
  let writeMs = 0;
  for (;;) {
    const started = Date.now();
    const current = await tag.read();
    if (writes > 0 && (await tag.unreadable?.(current))) return current;
    const seen = current ? tag.entries(current) : [];
    for (const e of [...seen, ...tag.ours]) if (!known.has(tag.key(e))) known.set(tag.key(e), e);
    tag.checkCount(known.size);
    const present = new Set(seen.map(tag.key));
    const missing = [...known.keys()].filter((k) => !present.has(k));
    if (missing.length === 0) {
      if (settled) return current;
      // Read back once more after a writer that read before ours landed has had time to write.
      settled = true;
      await sleep(tag.settleMs ?? Math.min(5000, Math.max(250, 3 * writeMs)));
      continue;
    }
    settled = false;
    if (writes >= maxWrites) throw tag.gaveUp(missing.length, writes);
    if (writes > 0) {
      log(tag.again(missing.length, writes + 1, maxWrites));
      await sleep(rewriteWait(writes));
    }
    writes++;
    const wrote = await tag.write([...known.values()], current);
    writeMs = Date.now() - started;
    if (wrote.conflict) log(tag.conflict);
  }
}

/**
 * The wait before write number `writes + 1` (`writes` already made, at least 1). Backing off, not at
 * once: a registry whose reads lag its writes (a cache in front) shows the tag as it was for a while,
 * and writing again into that lag only loses the race again. 250 ms doubling to 4 s, at least half of each
 * (equal jitter): about 25 s in all over 10 writes, which outlasts a few seconds of lag.
 */
export function rewriteWait(writes: number, random = Math.random): number {
  return backoffAtLeastHalf(writes - 1, { baseMs: 250, capMs: 4000 }, random);
}
