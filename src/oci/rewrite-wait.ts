import { backoff } from './retry.js';

/**
 * How many times a tag that several writers merge into (cosign's appended `.sig`/`.att` images, the
 * fallback referrers index) is written before giving up, and the wait before each write after the
 * first. Backing off, not at once: a registry whose reads lag its writes (a cache in front) shows the
 * tag as it was for a while, and writing again into that lag only loses the race again. 250 ms
 * doubling to 4 s, jittered: about 25 s in all over 10 writes, which outlasts a few seconds of lag.
 */
export const MAX_REWRITES = 10;

/** The wait before write number `writes + 1` (`writes` already made, at least 1). */
export function rewriteWait(writes: number, random = Math.random): number {
  return backoff(writes - 1, { baseMs: 250, capMs: 4000 }, random);
}
