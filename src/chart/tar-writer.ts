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
  const blocks: Array<{ header: Buffer; data?: Uint8Array }> = [];
  for (const entry of entries) {
    const split = ustarSplit(entry.name);
    if (!split) {
      const record = paxRecord('path', entry.name);
      blocks.push({
        header: header({ name: paxName(Buffer.from(entry.name, 'utf8')), prefix: '', size: record.length, mtime: mtimeSeconds, type: 'x' }),
        data: record,
      });
    }
    const [prefix, base] = split ?? ['', asciiTail(entry.name)];
    blocks.push({ header: header({ name: base, prefix, size: entry.data.length, mtime: mtimeSeconds, type: '0' }), data: entry.data });
  }
  const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;
  const total = blocks.reduce((n, b) => n + BLOCK + padded(b.data?.length ?? 0), 0) + BLOCK * 2;
  const out = Buffer.alloc(total);
  let at = 0;
  for (const b of blocks) {
    b.header.copy(out, at);
    at += BLOCK;
    if (b.data) {
      out.set(b.data, at);
      at += padded(b.data.length);
    }
  }
  return out;
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
