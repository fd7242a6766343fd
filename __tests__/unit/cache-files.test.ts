import assert from 'node:assert/strict';
import { link, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { describe as descriptor } from '../../src/oci/digest.js';
import { Layout, MAX_INDEX_ENTRIES } from '../../src/oci/layout.js';
import { withFileLock } from '../../src/util/file-lock.js';
import { run } from '../helpers/exec.js';
import { tempDir } from '../helpers/temp.js';

const manifestOf = (body: string) => descriptor('application/vnd.oci.image.manifest.v1+json', Buffer.from(body));

test(`a cache listing ${MAX_INDEX_ENTRIES} charts: a save of one more is refused, naming the bound, the index left as it was; one replacing a name is saved`, async () => {
  const root = await tempDir('chartlift-cache-files-');
  const layout = new Layout(root);
  await layout.save('r/first:1', manifestOf('{"first":1}'), [Buffer.from('{"first":1}')]);
  const index = path.join(root, 'index.json');
  const entry = (i: number) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: manifestOf('{"first":1}').digest,
    size: 11,
    annotations: { 'org.opencontainers.image.ref.name': `r/c${String(i).padStart(6, '0')}:1` },
  });
  const full = JSON.stringify({ schemaVersion: 2, manifests: Array.from({ length: MAX_INDEX_ENTRIES }, (_, i) => entry(i)) });
  await writeFile(index, full);
  await assert.rejects(layout.save('r/one-more:1', manifestOf('{"m":2}'), [Buffer.from('{"m":2}')]), (err: Error & { where?: string }) => {
    assert.match(err.message, new RegExp(`would list ${MAX_INDEX_ENTRIES + 1} charts, more than the ${MAX_INDEX_ENTRIES} a cache holds`));
    assert.equal(err.where, root);
    return true;
  });
  assert.equal(await readFile(index, 'utf8'), full);
  await layout.save('r/c000007:1', manifestOf('{"m":3}'), [Buffer.from('{"m":3}')]);
  assert.equal((await layout.resolve('r/c000007:1'))?.digest, manifestOf('{"m":3}').digest);
  assert.equal(JSON.parse(await readFile(index, 'utf8')).manifests.length, MAX_INDEX_ENTRIES);
});

test('a blob damaged in place (same size, other bytes): the next save of the same content writes it again', async () => {
  const layout = new Layout(await tempDir('chartlift-cache-files-'));
  const body = '{"m":1}';
  await layout.save('r/x:1', manifestOf(body), [Buffer.from(body)]);
  await writeFile(layout.blobPath(manifestOf(body).digest), '{"m":2}');
  await assert.rejects(layout.readBlob(manifestOf(body).digest), /is corrupt/);
  await layout.save('r/x:1', manifestOf(body), [Buffer.from(body)]);
  assert.equal((await layout.readBlob(manifestOf(body).digest)).toString(), body);
});

test('a blob that is a hard link to a file outside the cache: a save replaces the name, a remove unlinks it; the outside file is never written', async () => {
  const work = await tempDir('chartlift-cache-files-');
  const layout = new Layout(path.join(work, 'cache'));
  const body = '{"m":1}';
  await layout.save('r/x:1', manifestOf(body), [Buffer.from(body)]);
  const outside = path.join(work, 'precious');
  await writeFile(outside, 'precious');
  const blob = layout.blobPath(manifestOf(body).digest);
  await run('rm', [blob]);
  await link(outside, blob);
  await layout.save('r/x:1', manifestOf(body), [Buffer.from(body)]);
  assert.equal((await layout.readBlob(manifestOf(body).digest)).toString(), body);
  assert.equal(await readFile(outside, 'utf8'), 'precious');
  await run('rm', [blob]);
  await link(outside, blob);
  assert.ok(await layout.remove('r/x:1'));
  assert.equal(await readFile(outside, 'utf8'), 'precious');
  assert.equal((await stat(outside)).nlink, 1);
});

test('a lock path that is a FIFO: the lock is refused at once, naming it (not waited on past any timeout), and the work never runs', async () => {
  const lock = path.join(await tempDir('chartlift-cache-files-'), 'x.lock');
  await run('mkfifo', [lock]);
  let ran = false;
  await assert.rejects(
    withFileLock(
      lock,
      async () => {
        ran = true;
      },
      { timeoutMs: 60_000 },
    ),
    (err: Error & { where?: string }) => {
      assert.match(err.message, /it is a FIFO, not a lock file/);
      assert.equal(err.where, lock);
      return true;
    },
  );
  assert.equal(ran, false);
  assert.ok((await stat(lock)).isFIFO(), 'left as it was');
});
