import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { gzipReproducible } from '../../src/chart/gzip.js';
import { writeTar } from '../../src/chart/tar-writer.js';
import { sha256 } from '../../src/oci/digest.js';
import { run } from '../helpers/exec.js';
import { tempDir } from '../helpers/temp.js';
import { readTgz } from '../helpers/tgz.js';

const entries = [
  { name: 'c/Chart.yaml', data: Buffer.from('name: c\n') },
  { name: `c/${'d/'.repeat(60)}deep.txt`, data: Buffer.from('deep') },
  { name: `c/${'x'.repeat(150)}`, data: Buffer.from('long base name') },
  { name: 'c/naïve.txt', data: Buffer.from('ünï') },
  { name: 'c/empty', data: Buffer.alloc(0) },
];

test('node-tar reads back every name, byte and header field', async () => {
  const read = await readTgz(gzipReproducible(writeTar(entries, 1234567890)));
  assert.deepEqual(
    read.map((e) => [e.name, e.data.toString(), e.mode & 0o7777, e.uid, e.gid, e.mtime, e.type]),
    entries.map((e) => [e.name, e.data.toString(), 0o644, 0, 0, 1234567890, 'File']),
  );
});

test('GNU tar reads the same list', async () => {
  const dir = await tempDir('chartlift-tar-');
  const file = path.join(dir, 'x.tgz');
  await writeFile(file, gzipReproducible(writeTar(entries, 0)));
  const listed = (await run('tar', ['-tzf', file])).trim().split('\n');
  assert.deepEqual(
    listed,
    entries.map((e) => e.name),
  );
});

test('gzip: standard, and the same bytes for the same input (pinned vector)', () => {
  const data = Buffer.from('apiVersion: v2\nname: pinned\nversion: 0.1.0\n'.repeat(50));
  const gz = gzipReproducible(data);
  assert.deepEqual(gunzipSync(gz), data);
  assert.deepEqual(gz.subarray(0, 10), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]));
  // Pinned: a change here changes every chart digest Chartlift has ever produced.
  assert.equal(sha256(gz), PINNED_GZIP);
  assert.equal(sha256(writeTar(entries, 0)), PINNED_TAR);
});

// libdeflate 1.14 in WebAssembly since issue #34 (fflate before: sha256:6d65837b…); see pinned-digests.test.ts.
const PINNED_GZIP = 'sha256:c8e611dfd2571b6a5a64d2fafc6a7ad677339bb7e72d091dd9c54a16ffe08355';
const PINNED_TAR = 'sha256:8fd73e22dba927c108501cc04fbf7fa02a4a337759b63c4befa6649efea3ae9c';
