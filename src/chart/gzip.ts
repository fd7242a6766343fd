import { crc32 } from 'node:zlib';
// fflate's runtime-neutral build: the same deflate, without the Node build's load of worker_threads
// (for an async API not used here).
import { deflateSync } from 'fflate/browser';

/**
 * The largest gzip member: a longer archive is cut into members of this many bytes of tar, each
 * compressed on its own (so on any number of cores, gzip-parallel.ts), concatenated as RFC 1952 allows.
 * An archive of at most this size is one member, the bytes every earlier Chartlift release wrote.
 */
export const MEMBER_BYTES = 1 << 20;

/**
 * gzip with bytes that depend on the input only: deflate in pure JavaScript (fflate, level 6),
 * never the runtime's zlib, whose output changes with its build and the CPU's features; each member's
 * header with mtime 0, no name, OS "unknown". The same bytes whichever way the members are made.
 */
export function gzipReproducible(data: Uint8Array): Buffer {
  const members: Buffer[] = [];
  for (const [start, end] of memberRanges(data.length)) members.push(gzipMember(data.subarray(start, end)));
  return members.length === 1 ? members[0] : Buffer.concat(members);
}

/** Where each member starts and ends in `length` bytes of tar (one member for an empty input). */
export function memberRanges(length: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let start = 0; start < length || out.length === 0; start += MEMBER_BYTES) out.push([start, Math.min(start + MEMBER_BYTES, length)]);
  return out;
}

/** One complete gzip member of `data`. */
export function gzipMember(data: Uint8Array): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
  const body = deflateSync(data, { level: 6 });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data) >>> 0, 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  return Buffer.concat([header, body, trailer]);
}
