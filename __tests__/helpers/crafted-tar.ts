import { gzipSync } from 'node:zlib';

/** Hand-made tar entries for archives no honest writer makes: each field as the test says. */
export interface Fields {
  type?: string;
  mode?: number;
  /** 'ustar' (prefix used), 'gnu' (prefix not used), 'v7' (no magic), 'star'. */
  format?: 'ustar' | 'gnu' | 'v7' | 'star';
  prefix?: string;
  linkname?: string;
  /** Raw size field (e.g. base-256) instead of octal. */
  sizeField?: Buffer;
  /** Checksum as the signed sum of the bytes (old writers). */
  signedChecksum?: boolean;
}

export function header(name: string, size: number, f: Fields = {}): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write(`${(f.mode ?? 0o644).toString(8).padStart(7, '0')}\0`, 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  if (f.sizeField) f.sizeField.copy(h, 124);
  else h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write(f.type ?? '0', 156, 1, 'latin1');
  if (f.linkname) h.write(f.linkname, 157, 100, 'utf8');
  const format = f.format ?? 'ustar';
  if (format === 'ustar' || format === 'star') h.write('ustar\x0000', 257, 'latin1');
  if (format === 'gnu') h.write('ustar  \x00', 257, 'latin1');
  if (f.prefix) h.write(f.prefix, 345, 155, 'utf8');
  if (format === 'star') h.write('tar\0', 508, 'latin1');
  return checksum(h, f.signedChecksum);
}

export function checksum(h: Buffer, signed = false): Buffer {
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += signed && b > 127 ? b - 256 : b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

export const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);

export function paxRecords(recs: Record<string, string>): Buffer {
  let out = '';
  for (const [k, v] of Object.entries(recs)) {
    const body = ` ${k}=${v}\n`;
    const bodyLen = Buffer.byteLength(body);
    let len = bodyLen + 1;
    while (String(len).length + bodyLen !== len) len = String(len).length + bodyLen;
    out += `${len}${body}`;
  }
  return Buffer.from(out);
}

/** An entry with its data; PAX records (an 'x' header) or a GNU long name (an 'L' entry) before it when given. */
export function entry(name: string, data: Buffer | string, f: Fields & { pax?: Record<string, string>; longName?: string } = {}): Buffer {
  const d = Buffer.from(data);
  const parts: Buffer[] = [];
  if (f.longName !== undefined) {
    const l = Buffer.from(`${f.longName}\0`);
    parts.push(header('././@LongLink', l.length, { type: 'L', format: 'gnu' }), pad(l));
  }
  if (f.pax) {
    const p = paxRecords(f.pax);
    parts.push(header('PaxHeader', p.length, { type: 'x' }), pad(p));
  }
  parts.push(header(name, d.length, f), pad(d));
  return Buffer.concat(parts);
}

export const tarEnd = (): Buffer => Buffer.alloc(1024);
export const tar = (...parts: Buffer[]): Buffer => Buffer.concat([...parts, tarEnd()]);
export const tgz = (...parts: Buffer[]): Buffer => gzipSync(tar(...parts));

/** The four shapes two tar readers read differently, each a chart whose Chart.yaml or templates differ by reader. */
export const chartYaml = (name: string, says: string): string => `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndescription: ${says}\n`;
