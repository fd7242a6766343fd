import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32 } from '../../src/chart/crc32.js';

test('CRC-32 as zlib computes it: every length around the 8-byte steps, any alignment, and the check value', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
  const data = randomBytes(70_000);
  for (let start = 0; start < 9; start++)
    for (const length of [1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 4114, 65_536, 69_990])
      assert.equal(crc32(data.subarray(start, start + length)), zlibCrc32(data.subarray(start, start + length)), `${start}+${length}`);
  const ones = Buffer.alloc(1 << 20, 0xff);
  assert.equal(crc32(ones), zlibCrc32(ones));
});
