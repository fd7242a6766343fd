import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { gzipMember, gzipReproducible, MEMBER_BYTES } from '../../src/chart/gzip.js';
import { exec } from '../helpers/exec.js';
import { findNode } from '../helpers/node-versions.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

// The chart archive's deflate: libdeflate 1.14 compiled to WebAssembly (issue #34).

test('the WebAssembly in src/chart/gzip-wasm.ts is what scripts/deflate-wasm/build.sh builds from vendor/libdeflate-1.14', async () => {
  const out = path.join(await tempDir('chartlift-deflate-wasm-'), 'gzip-wasm.ts');
  const r = await exec('bash', [path.join(ROOT, 'scripts', 'deflate-wasm', 'build.sh'), out], { timeoutMs: 300_000 });
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.equal(await readFile(out, 'utf8'), await readFile(path.join(ROOT, 'src', 'chart', 'gzip-wasm.ts'), 'utf8'));
});

test('the same bytes on Node 20 and Node 24 (pinned)', async () => {
  const script = path.join(ROOT, '__tests__', 'helpers', 'gzip-digest.ts');
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const seen: string[] = [];
  for (const major of [20, 24]) {
    const r = await exec(await findNode(major), ['--import', 'tsx', script], { cwd: ROOT, env });
    assert.equal(r.code, 0, r.stderr);
    const [digest, version] = r.stdout.trim().split(' ');
    assert.ok(version.startsWith(`v${major}.`), version);
    seen.push(digest);
  }
  // Pinned: also what Node 22.23.3 printed when this was written (not on the machines the tests run on).
  assert.deepEqual(seen, Array(2).fill('4f5e677a71bd72eb57533ce7e48f47c54c00f91ffdfe2d44b2bfe023eecfb371'));
});

test('any size: empty, one byte, a member exactly, one byte more, and larger than a member at once', () => {
  for (const n of [0, 1, MEMBER_BYTES, MEMBER_BYTES + 1, 5 * MEMBER_BYTES + 3]) {
    const data = Buffer.alloc(n);
    for (let i = 0; i < n; i++) data[i] = (i * 2654435761) >>> 27;
    const gz = gzipReproducible(data);
    assert.deepEqual(gunzipSync(gz), data, `${n} bytes`);
    assert.deepEqual(gzipReproducible(data), gz, `${n} bytes, again`);
    // One member of any size (the compressor's buffers grow for it), then a small one again.
    assert.deepEqual(gunzipSync(gzipMember(data)), data, `${n} bytes in one member`);
    assert.deepEqual(gunzipSync(gzipMember(data.subarray(0, 100))), data.subarray(0, 100));
  }
});
