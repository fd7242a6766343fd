import { crc32 } from './crc32.js';
import { DEFLATE_WASM } from './gzip-wasm.js';

/**
 * The largest gzip member: a longer archive is cut into members of this many bytes of tar, each
 * compressed on its own (so on any number of cores, gzip-parallel.ts), concatenated as RFC 1952 allows.
 */
export const MEMBER_BYTES = 1 << 20;

/** libdeflate's level 6 (its default, and gzip's): 8.24 MB for the benchmark's 20 MB chart, where level 9 saves 0.4% at 3× the time. */
const LEVEL = 6;

/**
 * gzip with bytes that depend on the input only: libdeflate 1.14's compressor compiled to
 * WebAssembly (vendor/libdeflate-1.14, built by scripts/deflate-wasm/build.sh), whose integer
 * arithmetic is the same on every CPU and every Node; never the runtime's zlib, which picks its
 * hash by the CPU's features (Node's deps/zlib/contrib/optimizations/insert_string.h, Chromium's
 * zlib) and changed its bytes within one Node line (nodejs/node#50138). Each member's header has
 * mtime 0, no name, OS "unknown". The same bytes whichever way the members are made.
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

const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

/** One complete gzip member of `data`: header, raw deflate, CRC-32 and length, in one allocation. */
export function gzipMember(data: Uint8Array): Buffer {
  const member = compressMember(data);
  return member.writeTo(Buffer.allocUnsafe(member.length), 0);
}

/** A member compressed and not yet written: valid until the next member is compressed on this thread. */
export interface PendingMember {
  length: number;
  /** Writes the member at `out[at..]` (`length` bytes); returns `out`. */
  writeTo(out: Buffer, at: number): Buffer;
}

/** Compresses `data` into this thread's compressor; the member is written where the caller says. */
export function compressMember(data: Uint8Array): PendingMember {
  const d = deflater(data.length);
  new Uint8Array(d.exports.memory.buffer, d.input, data.length).set(data);
  const size = d.exports.deflate(d.input, data.length, d.output, d.outputBytes);
  if (size === 0) throw new Error(`deflate gave nothing for ${data.length} bytes`);
  const crc = crc32(data) >>> 0;
  return {
    length: HEADER.length + size + 8,
    writeTo(out: Buffer, at: number): Buffer {
      HEADER.copy(out, at);
      out.set(new Uint8Array(d.exports.memory.buffer, d.output, size), at + HEADER.length);
      out.writeUInt32LE(crc, at + HEADER.length + size);
      out.writeUInt32LE(data.length % 2 ** 32, at + HEADER.length + size + 4);
      return out;
    },
  };
}

/** The part of WebAssembly's JavaScript API used here (Node's types, without the DOM library, do not declare it). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

/** What scripts/deflate-wasm/exports.c exports. */
interface DeflateExports {
  memory: { buffer: ArrayBuffer };
  init(level: number): number;
  alloc(bytes: number): number;
  bound(bytes: number): number;
  deflate(input: number, bytes: number, output: number, outputBytes: number): number;
}

interface Deflater {
  exports: DeflateExports;
  /** Where the input goes in the module's memory, and how much fits. */
  input: number;
  inputBytes: number;
  output: number;
  outputBytes: number;
}

/** This thread's compressor (each worker has its own), made on first use: 38 KiB of WebAssembly, ~3 MiB of memory. */
let current: Deflater | undefined;

/** The compressor, with room for `bytes` of input (a member: MEMBER_BYTES at most, but any size works). */
function deflater(bytes: number): Deflater {
  if (!current) {
    const module = new WebAssembly.Module(Buffer.from(DEFLATE_WASM, 'base64'));
    const exports = new WebAssembly.Instance(module, {}).exports as DeflateExports;
    if (!exports.init(LEVEL)) throw new Error('could not start the deflate compressor (out of memory)');
    current = { exports, input: 0, inputBytes: 0, output: 0, outputBytes: 0 };
  }
  if (current.output === 0 || bytes > current.inputBytes) {
    // Room for at least a whole member, taken once: the module's heap never gives memory back.
    const room = Math.max(bytes, MEMBER_BYTES);
    const e = current.exports;
    const outputBytes = e.bound(room);
    const input = e.alloc(room);
    const output = e.alloc(outputBytes);
    if (!input || !output) throw new Error(`no memory to deflate ${room} bytes`);
    Object.assign(current, { input, inputBytes: room, output, outputBytes });
  }
  return current;
}
