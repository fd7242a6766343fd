import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

/**
 * gzip with bytes that depend on the input only: deflate in pure JavaScript (fflate, level 6),
 * never the runtime's zlib, whose output changes with its build and the CPU's features; header
 * with mtime 0, no name, OS "unknown".
 */
export function gzipReproducible(data: Uint8Array): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
  const body = deflateSync(data, { level: 6 });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data) >>> 0, 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  return Buffer.concat([header, body, trailer]);
}
