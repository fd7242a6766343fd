// Run as a script (by deflate-wasm.test.ts) on each Node: gzips a seeded input of several members
// (text, repeats, noise) with gzipReproducible and prints the result's sha256 and the Node version.
import { createHash } from 'node:crypto';
import { gzipReproducible } from '../../src/chart/gzip.js';

const data = Buffer.alloc(3 * 1024 * 1024 + 12_345);
let x = 99;
for (let i = 0; i < data.length;) {
  x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  const kind = x % 3;
  const run = 1 + ((x >>> 8) % 300);
  for (let k = 0; k < run && i < data.length; k++, i++)
    data[i] = kind === 0 ? 97 + ((x >>> (k % 16)) % 26) : kind === 1 ? 32 + (i % 7) : (Math.imul(x, k + 1) >>> 13) & 0xff;
}
const gz = gzipReproducible(data);
process.stdout.write(`${createHash('sha256').update(gz).digest('hex')} ${process.version}\n`);
