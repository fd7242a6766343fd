import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { quoted } from '../util/quoted.js';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export function sha256(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function describe(mediaType: string, data: Uint8Array): Descriptor {
  return { mediaType, digest: sha256(data), size: data.length };
}

/**
 * A digest as this client accepts one: `sha256:` and 64 lower-case hex digits, nothing else. The
 * OCI spec also registers sha512, but every chart Helm or Chartlift writes is sha256, and each check
 * here (a download's, a cache blob's) hashes with sha256: a sha512 digest could not be verified, so it
 * is refused like any other text.
 */
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/**
 * `value` as a digest, or a UserError naming what carried it (`what`, e.g. "the config digest") and
 * where (a reference, a registry, a file), the value escaped. Every digest that comes from outside
 * (a registry's manifest or header, the cache's index.json or a cached manifest) passes here before
 * it names a file or a request.
 */
export function parseDigest(value: unknown, what: string, where: string): string {
  if (isDigest(value)) return value;
  throw new UserError(`${what} ${quoted(value)} is not a valid digest`, {
    where,
    hint: 'A digest is sha256: and 64 lower-case hex digits: what wrote this is broken or hostile, and nothing was read or written for it',
  });
}

/** A descriptor's digest and size checked (see parseDigest); the descriptor itself is returned. */
export function checkDescriptor<T extends { digest: unknown; size: unknown }>(d: T, what: string, where: string): T & Descriptor {
  parseDigest(d.digest, `${what} digest`, where);
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
    throw new UserError(`${what} size ${quoted(d.size)} is not a size`, {
      where,
      hint: 'A size is a whole number of bytes: what wrote this is broken or hostile',
    });
  return d as T & Descriptor;
}
