import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { gzipReproducible, MEMBER_BYTES } from '../../src/chart/gzip.js';
import { gzipParallel, piecesOf } from '../../src/chart/gzip-parallel.js';
import { tarPieces, writeTar, type TarEntry } from '../../src/chart/tar-writer.js';

// A large chart's archive is made a member at a time (issue #34: its memory), to the same bytes.

const entries: TarEntry[] = [
  { name: 'c/Chart.yaml', data: Buffer.from('name: c\n') },
  { name: 'c/empty', data: Buffer.alloc(0) },
  { name: 'c/exactly-a-block', data: randomBytes(512) },
  { name: `c/${'long-name/'.repeat(20)}file`, data: randomBytes(3000) },
  { name: 'c/ünïcode', data: randomBytes(1025) },
  { name: 'c/big', data: randomBytes(70_000) },
];

test('pieces of any size join to writeTar’s bytes: cut inside headers, data, padding and the end blocks', () => {
  const whole = writeTar(entries, 1700000000);
  for (const size of [1, 7, 511, 512, 513, 4096, 65_536, whole.length - 1, whole.length, whole.length + 1]) {
    const tar = tarPieces(entries, 1700000000, size);
    const got: Uint8Array[] = [];
    for (let i = 0; i < tar.count; i++) got.push(tar.next());
    assert.equal(tar.count, Math.ceil(whole.length / size), `size ${size}`);
    assert.ok(got.slice(0, -1).every((p) => p.length === size));
    assert.ok(Buffer.concat(got).equals(whole), `size ${size}`);
  }
  assert.equal(tarPieces([], 0, 512).count, 2);
});

test('gzip of the pieces is gzipReproducible of the whole archive (one member a MEMBER_BYTES piece)', async () => {
  const big = [...entries, { name: 'c/more', data: randomBytes(2 * MEMBER_BYTES + 77) }];
  const whole = writeTar(big, 0);
  assert.ok((await gzipParallel(tarPieces(big, 0, MEMBER_BYTES))).equals(gzipReproducible(whole)));
  assert.ok((await gzipParallel(piecesOf(whole))).equals(gzipReproducible(whole)));
  assert.ok((await gzipParallel(piecesOf(Buffer.alloc(0)))).equals(gzipReproducible(Buffer.alloc(0))));
});
