/**
 * A strict streaming tar reader for chart archives. It reads what Go's archive/tar (Helm's reader)
 * reads, the same way, on a well-formed subset: USTAR (prefix joined), GNU (prefix not used) and v7
 * headers, checksum signed or unsigned, octal or base-256 numbers, PAX `x` records applied to the
 * next entry, GNU `L` long names. Whatever two tar readers could read differently is refused, not
 * guessed: sparse files, `S`/`K`/`V`/`M`/`7` entries, PAX keys beyond the harmless ones, a long name
 * and a PAX path for one entry, a regular entry whose name ends in `/` or whose mode says another
 * kind of file, a folder entry with data, STAR headers, a global header that says more than a
 * comment or a time.
 */

const BLOCK = 512;
/** Go's maxSpecialFileSize: a PAX or long-name entry larger than this is an error there. */
const MAX_SPECIAL = 1024 * 1024;

/** An entry the sink decides on: a regular file, a folder, or a link or device (for the sink to refuse by name). */
export interface TarHeader {
  name: string;
  type: 'File' | 'Directory' | 'Link' | 'SymbolicLink' | 'CharacterDevice' | 'BlockDevice' | 'FIFO';
  size: number;
}

/** Given each entry before its data: a receiver for the whole data, or undefined to skip it. Throws to stop. */
export type TarSink = (header: TarHeader) => ((data: Buffer) => void) | undefined;

/** What a tar archive is refused for; the message reads after the archive's name. */
export class TarError extends Error {}

const LINKLIKE: Record<string, TarHeader['type']> = {
  '1': 'Link',
  '2': 'SymbolicLink',
  '3': 'CharacterDevice',
  '4': 'BlockDevice',
  '6': 'FIFO',
};
const KINDS: Record<string, string> = {
  S: 'GNU sparse',
  K: 'GNU long link name',
  V: 'GNU volume label',
  M: 'GNU multi-volume',
  N: 'GNU old long name',
  D: 'GNU dump directory',
  '7': 'contiguous file',
};
const PAX_KEYS = new Set(['path', 'size', 'mtime', 'atime', 'ctime', 'uid', 'gid', 'uname', 'gname', 'comment', 'charset']);
const GLOBAL_KEYS = new Set(['comment', 'mtime']);
const PAX_VALUES: Record<string, RegExp> = {
  size: /^[0-9]{1,15}$/,
  uid: /^[0-9]{1,18}$/,
  gid: /^[0-9]{1,18}$/,
  mtime: /^-?[0-9]{1,18}(\.[0-9]+)?$/,
  atime: /^-?[0-9]{1,18}(\.[0-9]+)?$/,
  ctime: /^-?[0-9]{1,18}(\.[0-9]+)?$/,
};
const utf8 = new TextDecoder('utf-8', { fatal: true });

const differently = (name: string, what: string): TarError =>
  new TarError(`entry ${JSON.stringify(name)} is ${what}, which Helm reads differently: refused`);
const invalid = (why: string): TarError => new TarError(`is not a valid tar archive: ${why}`);

type State =
  | { at: 'header' }
  | { at: 'data'; left: number; parts: Buffer[]; take?: (data: Buffer) => void; size: number; pad: number }
  | { at: 'special'; type: string; name: string; left: number; parts: Buffer[]; pad: number }
  | { at: 'skip'; left: number }
  | { at: 'end' };

export class TarReader {
  private state: State = { at: 'header' };
  private readonly block = Buffer.alloc(BLOCK);
  private filled = 0;
  private zeros = 0;
  /** Bytes consumed so far: where a bad header is. */
  private offset = 0;
  private pax?: Map<string, string>;
  private longName?: string;

  constructor(private readonly sink: TarSink) {}

  /** True once the two zero blocks that end the archive were read (what follows is not tar). */
  get ended(): boolean {
    return this.state.at === 'end';
  }

  write(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const s = this.state;
      if (s.at === 'end') return;
      if (s.at === 'header') {
        if (this.filled === 0 && chunk.length - at >= BLOCK) {
          at += BLOCK;
          this.offset += BLOCK;
          this.header(chunk.subarray(at - BLOCK, at));
        } else {
          const n = Math.min(BLOCK - this.filled, chunk.length - at);
          chunk.copy(this.block, this.filled, at, at + n);
          this.filled += n;
          at += n;
          this.offset += n;
          if (this.filled === BLOCK) {
            this.filled = 0;
            this.header(this.block);
          }
        }
        continue;
      }
      const n = Math.min(s.left, chunk.length - at);
      this.offset += n;
      if (s.at === 'skip') {
        s.left -= n;
        at += n;
        if (s.left === 0) this.state = { at: 'header' };
        continue;
      }
      if (s.at === 'special' || s.take) s.parts.push(chunk.subarray(at, at + n));
      s.left -= n;
      at += n;
      if (s.left === 0) this.complete(s);
    }
  }

  /** The input ended: only at a header boundary, with nothing announced and left unread. */
  end(): void {
    if (this.state.at === 'end') return;
    if (this.state.at !== 'header' || this.filled !== 0) throw invalid('it ends inside an entry');
    if (this.pax || this.longName !== undefined) throw invalid('it ends after an extended header, with no entry it applies to');
  }

  private complete(s: Extract<State, { at: 'data' | 'special' }>): void {
    const data = s.parts.length === 1 ? s.parts[0] : Buffer.concat(s.parts);
    this.state = s.pad > 0 ? { at: 'skip', left: s.pad } : { at: 'header' };
    if (s.at === 'data') s.take?.(data);
    else this.special(s.type, s.name, data);
  }

  private header(b: Buffer): void {
    if (isZero(b)) {
      this.zeros += 1;
      if (this.zeros === 2) {
        if (this.pax || this.longName !== undefined) throw invalid('it ends after an extended header, with no entry it applies to');
        this.state = { at: 'end' };
      }
      return;
    }
    const where = this.offset - BLOCK;
    if (this.zeros > 0) throw invalid(`a zero block is followed by a header at byte ${where}`);
    const h = parseHeader(b, where);
    const type = String.fromCharCode(b[156]);
    const pad = (n: number): number => (BLOCK - (n % BLOCK)) % BLOCK;
    if (type === 'x' || type === 'g' || type === 'L') {
      if (h.size > MAX_SPECIAL) throw invalid(`the extended header ${JSON.stringify(h.name)} is over ${MAX_SPECIAL} bytes`);
      const s = { at: 'special' as const, type, name: h.name, left: h.size, parts: [], pad: pad(h.size) };
      if (h.size === 0) this.complete(s);
      else this.state = s;
      return;
    }
    // The entry the pending extended headers apply to (Go: PAX records first, then the long name over them).
    const pax = this.pax;
    const longName = this.longName;
    this.pax = undefined;
    this.longName = undefined;
    let name = pax?.get('path') || h.name;
    if (longName !== undefined) {
      if (pax?.has('path')) throw differently(longName, 'a GNU long-name entry also named by a PAX path');
      name = longName;
    }
    for (const key of pax?.keys() ?? []) {
      if (!PAX_KEYS.has(key))
        throw differently(
          name,
          key.startsWith('GNU.sparse.') ? 'a GNU sparse (PAX) entry' : `an entry with a PAX ${JSON.stringify(key)} record`,
        );
    }
    const sizeRecord = pax?.get('size');
    const size = sizeRecord ? Number(sizeRecord) : h.size;
    let kind: TarHeader['type'];
    if (type === '0' || type === '\0') {
      if (name.endsWith('/')) throw differently(name, "a regular entry whose name ends in '/'");
      const fileType = h.mode & ~0o7777;
      if (h.mode > 0o177777 || (fileType !== 0 && fileType !== 0o100000))
        throw differently(name, `a regular entry whose mode (0${h.mode.toString(8)}) says another kind of file`);
      kind = 'File';
    } else if (type === '5') {
      if (size !== 0) throw differently(name, 'a folder entry with data');
      kind = 'Directory';
    } else if (LINKLIKE[type]) {
      kind = LINKLIKE[type];
    } else {
      throw differently(name, `a ${KINDS[type] ?? `type ${JSON.stringify(type)}`} entry`);
    }
    const take = this.sink({ name, type: kind, size });
    // Links and devices carry no data in Go's reader; the sink refuses them, so this is moot but exact.
    const dataSize = kind === 'File' ? size : 0;
    if (dataSize === 0) {
      take?.(Buffer.alloc(0));
      return;
    }
    this.state = { at: 'data', left: dataSize, parts: [], take, size: dataSize, pad: pad(dataSize) };
  }

  private special(type: string, name: string, data: Buffer): void {
    if (type === 'L') {
      if (this.longName !== undefined) throw differently(name, 'a second GNU long name for one entry');
      const end = data.indexOf(0);
      this.longName = decode(end < 0 ? data : data.subarray(0, end), 'a GNU long name');
      return;
    }
    const records = parsePax(data);
    if (type === 'g') {
      if (this.pax || this.longName !== undefined) throw differently(name, 'a PAX global header between an extended header and its entry');
      for (const key of records.keys())
        if (!GLOBAL_KEYS.has(key)) throw differently(name, `a PAX global header with a ${JSON.stringify(key)} record`);
      return;
    }
    if (this.pax) throw differently(name, 'a second PAX header for one entry');
    this.pax = records;
  }
}

function isZero(b: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

function decode(b: Uint8Array, what: string): string {
  try {
    return utf8.decode(b);
  } catch {
    throw invalid(`${what} is not UTF-8`);
  }
}

/** NUL-terminated (or full-width) string field. */
function field(b: Buffer, start: number, width: number, what: string): string {
  const end = b.indexOf(0, start);
  return decode(b.subarray(start, end < 0 || end > start + width ? start + width : end), what);
}

/** Go's parseNumeric, stricter: octal (spaces and NULs around it), or positive base-256; anything else is refused. */
function numeric(b: Buffer, start: number, width: number, what: string, where: number): number {
  if (b[start] & 0x80) {
    if (b[start] & 0x40) throw invalid(`the header at byte ${where} has a negative ${what}`);
    let x = b[start] & 0x7f;
    for (let i = start + 1; i < start + width; i++) {
      x = x * 256 + b[i];
      if (x > Number.MAX_SAFE_INTEGER) throw invalid(`the header at byte ${where} has a ${what} too large`);
    }
    return x;
  }
  let from = start;
  let to = start + width;
  while (from < to && (b[from] === 0x20 || b[from] === 0)) from++;
  while (to > from && (b[to - 1] === 0x20 || b[to - 1] === 0)) to--;
  let x = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 7) throw invalid(`the header at byte ${where} has a ${what} that is not an octal number`);
    x = x * 8 + d;
  }
  if (x > Number.MAX_SAFE_INTEGER) throw invalid(`the header at byte ${where} has a ${what} too large`);
  return x;
}

interface RawHeader {
  name: string;
  size: number;
  mode: number;
}

/** One header block as Go's readHeader reads it (checksum, format by magic, fields). */
function parseHeader(b: Buffer, where: number): RawHeader {
  const stored = numeric(b, 148, 8, 'checksum', where);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const v = i >= 148 && i < 156 ? 0x20 : b[i];
    unsigned += v;
    signed += v > 127 ? v - 256 : v;
  }
  if (stored !== unsigned && stored !== signed) throw invalid(`the header at byte ${where} has a wrong checksum`);
  const magic = b.toString('latin1', 257, 263);
  const version = b.toString('latin1', 263, 265);
  const ustar = magic === 'ustar\0';
  const gnu = magic === 'ustar ' && version === ' \0';
  if (ustar && b.toString('latin1', 508, 512) === 'tar\0')
    throw invalid(`the header at byte ${where} is in the STAR format, which Helm reads differently: refused`);
  let name = field(b, 0, 100, 'an entry name');
  const size = numeric(b, 124, 12, 'size', where);
  const mode = numeric(b, 100, 8, 'mode', where);
  numeric(b, 108, 8, 'uid', where);
  numeric(b, 116, 8, 'gid', where);
  numeric(b, 136, 12, 'modification time', where);
  if (ustar || gnu) {
    field(b, 265, 32, 'a user name');
    field(b, 297, 32, 'a group name');
    numeric(b, 329, 8, 'device major', where);
    numeric(b, 337, 8, 'device minor', where);
  }
  if (ustar) {
    const prefix = field(b, 345, 155, 'a name prefix');
    if (prefix) name = `${prefix}/${name}`;
  }
  return { name, size, mode };
}

/** PAX records ("<len> key=value\n"), as Go's parsePAXRecord reads them; a key twice is refused (Go keeps the last). */
function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const lenText = space < 0 ? '' : data.toString('latin1', at, space);
    if (!/^[1-9][0-9]{0,7}$/.test(lenText)) throw invalid('a PAX record has no valid length');
    const len = Number(lenText);
    if (len < 5 || at + len > data.length || data[at + len - 1] !== 0x0a) throw invalid('a PAX record has a wrong length');
    const rec = data.subarray(space + 1, at + len - 1);
    at += len;
    const eq = rec.indexOf(0x3d);
    if (eq <= 0 || rec.includes(0)) throw invalid('a PAX record is not key=value');
    const key = decode(rec.subarray(0, eq), 'a PAX key');
    const value = decode(rec.subarray(eq + 1), 'a PAX value');
    if (records.has(key)) throw invalid(`a PAX header holds ${JSON.stringify(key)} twice`);
    if (value !== '' && PAX_VALUES[key] && !PAX_VALUES[key].test(value))
      throw invalid(`a PAX ${key} record is not a number: ${JSON.stringify(value)}`);
    records.set(key, value);
  }
  // Go ignores a record with an empty value (the header's field stays).
  for (const [key, value] of records) if (value === '' && (key === 'path' || key === 'size')) records.delete(key);
  return records;
}
