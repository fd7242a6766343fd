/**
 * CRC-32 (ISO 3309, the gzip trailer's), slicing by 8. zlib's would be faster on a large chart
 * (about 5× here), but loading node:zlib costs a small chart's publish about 2 MiB of memory and a
 * few milliseconds, in every deflate thread; this takes about 20 ms for 20 MB, spread over them.
 */
export function crc32(data: Uint8Array): number {
  const t = table();
  let c = 0xffffffff;
  let i = 0;
  const whole = data.length - (data.length & 7);
  for (; i < whole; i += 8) {
    const a = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) ^ c;
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

let tables: Uint32Array | undefined;

/** Eight tables of 256: the first is the byte-at-a-time table of the reflected polynomial 0xedb88320. */
function table(): Uint32Array {
  if (tables) return tables;
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let k = 1; k < 8; k++) for (let n = 0; n < 256; n++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return (tables = t);
}
