/**
 * A minimal, fully deterministic tar writer: regular files only, mode 0644, uid/gid 0, no user
 * names, one fixed mtime, USTAR headers (a PAX `path` record when a name does not fit or is not
 * ASCII), two zero blocks at the end. The same entries always give the same bytes.
 */
export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const BLOCK = 512;

export function writeTar(entries: readonly TarEntry[], mtimeSeconds: number): Buffer {
  // Headers first (small), then one allocation for the whole archive, the data copied in once.
  const tar = tarPieces(entries, mtimeSeconds, Number.MAX_SAFE_INTEGER);
  return Buffer.from(tar.next().buffer);
}

/** The archive's layout: what each 512-byte-aligned stretch holds, and the total length. */
interface Layout {
  /** Headers and data in order; each data is followed by zeros to the next block. */
  parts: Uint8Array[];
  total: number;
}

function layout(entries: readonly TarEntry[], mtimeSeconds: number): Layout {
  const parts: Uint8Array[] = [];
  let total = BLOCK * 2;
  const add = (h: Buffer, data: Uint8Array): void => {
    parts.push(h, data);
    total += BLOCK + Math.ceil(data.length / BLOCK) * BLOCK;
  };
  for (const entry of entries) {
    const split = ustarSplit(entry.name);
    if (!split) {
      const record = paxRecord('path', entry.name);
      add(
        header({ name: paxName(Buffer.from(entry.name, 'utf8')), prefix: '', size: record.length, mtime: mtimeSeconds, type: 'x' }),
        record,
      );
    }
    const [prefix, base] = split ?? ['', asciiTail(entry.name)];
    add(header({ name: base, prefix, size: entry.data.length, mtime: mtimeSeconds, type: '0' }), entry.data);
  }
  return { parts, total };
}

/** An archive in pieces of one size (the last shorter), each made when asked for. */
export interface Pieces {
  /** How many pieces (at least one). */
  count: number;
  /**
   * The next piece: exactly the pieces' size of the archive, or what is left; in a new buffer, or
   * written over `into` (at least that size) and a view of it returned.
   */
  next(into?: Uint8Array): Uint8Array;
}

/**
 * writeTar's bytes cut into pieces of `size` bytes, made one at a time: a large chart's archive is
 * never held whole (its files already are), and each piece can be moved to a deflate worker as it is.
 */
export function tarPieces(entries: readonly TarEntry[], mtimeSeconds: number, size: number): Pieces {
  const { parts, total } = layout(entries, mtimeSeconds);
  const count = Math.max(1, Math.ceil(total / size));
  let part = 0;
  /** Bytes of parts[part] (with its padding) already written. */
  let within = 0;
  let written = 0;
  return {
    count,
    next(into?: Uint8Array): Uint8Array {
      const length = Math.min(size, total - written);
      // Padding and the end blocks are zeros: a new buffer is, a reused one is cleared.
      const out = into ? into.subarray(0, length).fill(0) : new Uint8Array(length);
      let at = 0;
      while (at < out.length && part < parts.length) {
        const p = parts[part];
        const span = Math.ceil(p.length / BLOCK) * BLOCK;
        const n = Math.min(span - within, out.length - at);
        if (within < p.length) out.set(p.subarray(within, Math.min(p.length, within + n)), at);
        at += n;
        within += n;
        if (within === span) {
          part++;
          within = 0;
        }
      }
      // The rest is the two zero blocks that end the archive (a new array is zeros).
      written += out.length;
      return out;
    },
  };
}

/** [prefix, name] when the path fits USTAR's fields as ASCII, else undefined. */
function ustarSplit(path: string): [string, string] | undefined {
  if (!/^[\x20-\x7e]*$/.test(path)) return undefined;
  if (path.length <= 100) return ['', path];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const rest = path.slice(i + 1);
    if (prefix.length <= 155 && rest.length <= 100 && rest.length > 0) return [prefix, rest];
  }
  return undefined;
}

function asciiTail(path: string): string {
  const ascii = path.replace(/[^\x20-\x7e]/g, '_');
  return ascii.slice(-100);
}

function paxName(name: Buffer): string {
  return `PaxHeaders/${asciiTail(name.toString('utf8')).slice(-88)}`;
}

/** "<len> key=value\n" where len counts the whole record, itself included. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLen = Buffer.byteLength(body);
  let len = bodyLen + 1;
  while (String(len).length + bodyLen !== len) len = String(len).length + bodyLen;
  return Buffer.from(`${len}${body}`, 'utf8');
}

function header(h: { name: string; prefix: string; size: number; mtime: number; type: string }): Buffer {
  const b = Buffer.alloc(BLOCK);
  b.write(h.name, 0, 100, 'ascii');
  octal(b, 100, 8, 0o644);
  octal(b, 108, 8, 0);
  octal(b, 116, 8, 0);
  octal(b, 124, 12, h.size);
  octal(b, 136, 12, h.mtime);
  b.fill(0x20, 148, 156);
  b.write(h.type, 156, 1, 'ascii');
  b.write('ustar\u000000', 257, 8, 'ascii');
  octal(b, 329, 8, 0);
  octal(b, 337, 8, 0);
  b.write(h.prefix, 345, 155, 'ascii');
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return b;
}

function octal(b: Buffer, offset: number, width: number, value: number): void {
  b.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, width, 'ascii');
}
