import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { describe as descriptor } from '../../src/oci/digest.js';
import { defaultCachePath, Layout } from '../../src/oci/layout.js';
import { tempDir } from '../helpers/temp.js';

const manifestOf = (body: string) => descriptor('application/vnd.oci.image.manifest.v1+json', Buffer.from(body));

test("Helm's cache path, by precedence", () => {
  assert.equal(defaultCachePath({ HELM_CACHE_HOME: '/h' }, 'linux'), '/h/registry/cache');
  assert.equal(defaultCachePath({ XDG_CACHE_HOME: '/x' }, 'linux'), '/x/helm/registry/cache');
});

test('save, resolve, read back, replace, remove: index.json sorted by name, blobs shared until unused', async () => {
  const layout = new Layout(await tempDir('chartlift-layout-'));
  const shared = Buffer.from('shared blob');
  const m1 = '{"one":1}';
  const m2 = '{"two":2}';
  await layout.save('r/b:1', manifestOf(m1), [shared, Buffer.from(m1)]);
  await layout.save('r/a:1', manifestOf(m2), [shared, Buffer.from(m2)]);
  const index = JSON.parse(await readFile(path.join(layout.root, 'index.json'), 'utf8'));
  assert.deepEqual(
    index.manifests.map((d: { annotations: Record<string, string> }) => d.annotations['org.opencontainers.image.ref.name']),
    ['r/a:1', 'r/b:1'],
  );
  assert.deepEqual(JSON.parse(await readFile(path.join(layout.root, 'oci-layout'), 'utf8')), { imageLayoutVersion: '1.0.0' });
  assert.equal((await layout.resolve('r/a:1'))?.digest, manifestOf(m2).digest);
  assert.equal((await layout.readBlob(manifestOf(m1).digest)).toString(), m1);
  assert.ok(await layout.hasBlob(descriptor('x', shared)));
  assert.ok(await layout.remove('r/b:1'));
  assert.equal(await layout.resolve('r/b:1'), undefined);
  assert.ok(await layout.hasBlob(descriptor('x', shared)), 'still used by r/a:1');
  assert.equal(await layout.remove('r/b:1'), undefined);
});

test('a blob whose bytes no longer match its digest is not read as that blob', async () => {
  const layout = new Layout(await tempDir('chartlift-layout-'));
  const m = '{"m":1}';
  await layout.save('r/x:1', manifestOf(m), [Buffer.from(m)]);
  await writeFile(layout.blobPath(manifestOf(m).digest), 'tampered');
  await assert.rejects(layout.readBlob(manifestOf(m).digest));
});

test('60 saves at once, through separate Layouts of one cache, batched: every entry and blob there, the same ref saved last wins', async () => {
  const root = await tempDir('chartlift-layout-');
  const saves = Array.from({ length: 60 }, (_, i) => {
    const body = `{"n":${i}}`;
    return new Layout(root).save(`r/c${i % 50}:1`, manifestOf(body), [Buffer.from(`config ${i}`), Buffer.from(body)]);
  });
  await Promise.all(saves);
  const layout = new Layout(root);
  const index = JSON.parse(await readFile(path.join(root, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string }> };
  assert.equal(index.manifests.length, 50);
  for (let i = 0; i < 50; i++) {
    // r/c0..c9 were saved twice: the later save (n = 50..59) holds the name.
    const n = i < 10 ? i + 50 : i;
    assert.equal((await layout.resolve(`r/c${i}:1`))?.digest, manifestOf(`{"n":${n}}`).digest, `r/c${i}:1`);
    assert.equal((await layout.readBlob(descriptor('x', Buffer.from(`config ${n}`)).digest)).toString(), `config ${n}`);
  }
  assert.deepEqual(await readdir(path.join(root, 'ingest')), [], 'no staging file left');
});
