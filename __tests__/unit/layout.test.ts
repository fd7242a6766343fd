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

test('50 saves at once, then 10 more, through separate Layouts of one cache, batched: every entry and blob there, the same ref saved later wins', async () => {
  const root = await tempDir('chartlift-layout-');
  const save = (i: number) => {
    const body = `{"n":${i}}`;
    return new Layout(root).save(`r/c${i % 50}:1`, manifestOf(body), [Buffer.from(`config ${i}`), Buffer.from(body)]);
  };
  // Saves through separate Layouts (as separate processes) at the same moment have no order between
  // them: "later" is a save that starts after the others ended.
  await Promise.all(Array.from({ length: 50 }, (_, i) => save(i)));
  await Promise.all(Array.from({ length: 10 }, (_, i) => save(50 + i)));
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

test('blobPath is the one mapping of a digest to a file: only a sha256 digest, only under blobs/sha256/', async () => {
  const layout = new Layout(await tempDir('chartlift-layout-'));
  const good = manifestOf('{}').digest;
  assert.equal(layout.blobPath(good), path.join(layout.root, 'blobs', 'sha256', good.slice(7)));
  for (const bad of ['sha256:../../../../etc/passwd', 'sha256:../index.json', '../sha256:x', `sha512:${'0'.repeat(128)}`, 'sha256:', '']) {
    assert.throws(() => layout.blobPath(bad), /the blob digest .* is not a valid digest/, bad);
    await assert.rejects(layout.readBlob(bad), /is not a valid digest/);
    await assert.rejects(layout.hasBlob({ digest: bad, size: 0 }), /is not a valid digest/);
  }
  await assert.rejects(layout.save('r/x:1', { mediaType: 'm', digest: 'sha256:../x', size: 1 }, []), /the manifest digest/);
});

test('an index entry or a cached manifest naming sha256:../…: resolve refuses the entry naming index.json, remove drops it and deletes nothing outside', async () => {
  const root = await tempDir('chartlift-layout-');
  const outside = path.join(path.dirname(root), `${path.basename(root)}-victim`);
  await writeFile(outside, 'precious');
  const climb = `sha256:${'../'.repeat(20)}${outside.slice(1)}`;
  const layout = new Layout(root);
  const body = JSON.stringify({ config: { digest: climb }, layers: [{ digest: climb }, null] });
  await layout.save('r/layer:1', manifestOf(body), [Buffer.from(body)]);
  const indexFile = path.join(root, 'index.json');
  const index = JSON.parse(await readFile(indexFile, 'utf8'));
  index.manifests.push({ mediaType: 'm', digest: climb, size: 1, annotations: { 'org.opencontainers.image.ref.name': 'r/index:1' } });
  await writeFile(indexFile, JSON.stringify(index));
  await assert.rejects(layout.resolve('r/index:1'), (err: Error & { where?: string }) => {
    assert.match(err.message, /the digest of r\/index:1 "sha256:(\.\.\/)+.*" is not a valid digest/);
    assert.equal(err.where, indexFile);
    return true;
  });
  assert.ok(await layout.remove('r/layer:1'));
  assert.ok(await layout.remove('r/index:1'));
  assert.equal(await readFile(outside, 'utf8'), 'precious');
  assert.deepEqual(JSON.parse(await readFile(indexFile, 'utf8')).manifests, []);
  assert.deepEqual(await readdir(path.join(root, 'blobs', 'sha256')), [], "the manifest's own blob is gone");
});
