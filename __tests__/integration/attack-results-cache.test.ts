import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { cli, CLI } from '../helpers/cli.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tempDir } from '../helpers/temp.js';

// A cache's index.json is whatever an earlier job on the runner left: a folder, a FIFO, a link to a
// device, a file far larger than any index. Each is set aside as a file that is not JSON is (one
// warning naming it), and the command goes on with a new index: never a hang, an exhausted heap or a
// raw EISDIR on every run after.
const damaged: Array<[string, (file: string) => Promise<void>]> = [
  ['a folder', (file) => mkdir(file)],
  ['a FIFO (no writer: reading it would wait for ever)', (file) => run('mkfifo', [file]).then(() => undefined)],
  ['a link to /dev/zero (endless)', (file) => symlink('/dev/zero', file)],
  [
    'a 600 MB file (sparse: no disk used; read whole it took 1.1 GB and failed with "Cannot create a string longer")',
    async (file) => {
      await writeFile(file, '');
      await truncate(file, 600 * 1024 * 1024);
    },
  ],
  // Valid JSON, but no image index: read as an empty index, and overwritten by the next save (lost).
  ['a JSON array', (file) => writeFile(file, '[1, 2]\n')],
  ["a JSON object with no manifests (another tool's file)", (file) => writeFile(file, '{"layers": ["kept"]}\n')],
];

for (const [what, make] of damaged) {
  test(`chart save and list with an index.json that is ${what}: set aside, the chart saved`, async () => {
    const work = await tempDir('chartlift-attack-cache-');
    const { env } = await helmHome();
    const cache = path.join(work, 'cache');
    await mkdir(cache, { recursive: true });
    await make(path.join(cache, 'index.json'));
    const chart = path.join(work, 'c');
    await mkdir(chart);
    await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
    // A hang is what is tested: a publish of one small chart takes well under a second.
    const save = await exec(process.execPath, [CLI, 'chart', 'save', chart, 'example.com/charts/c:1.0.0', '--cache', cache], {
      env,
      timeoutMs: 30_000,
    });
    assert.equal(save.code, 0, save.stdout + save.stderr);
    assert.match(save.stderr + save.stdout, /set aside as index\.json\.damaged-/);
    assert.equal((await readdir(cache)).filter((f) => f.startsWith('index.json.damaged-')).length, 1);
    const list = await exec(process.execPath, [CLI, 'chart', 'list', '--cache', cache], { env, timeoutMs: 30_000 });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /example\.com\/charts\/c:1\.0\.0/);
  });
}

/** A cache holding one saved chart, `example.com/charts/c:1.0.0`, and the save's run. */
async function savedChart() {
  const work = await tempDir('chartlift-attack-cache-');
  const { env } = await helmHome();
  const cache = path.join(work, 'cache');
  const chart = path.join(work, 'c');
  await mkdir(chart);
  await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
  const ref = 'example.com/charts/c:1.0.0';
  const save = await cli(['chart', 'save', chart, ref, '--cache', cache], { env });
  return { work, env, cache, ref, save };
}

test('chart export and push of a cached chart whose blob was deleted: one line naming the missing blob and what to do, not ENOENT', async () => {
  const { work, env, cache, ref, save } = await savedChart();
  assert.equal(save.code, 0, save.stderr);
  const digest = /digest:\s+sha256:([0-9a-f]{64})/.exec(save.stdout)![1];
  const blobs = path.join(cache, 'blobs', 'sha256');
  // Every blob but the manifest's is taken away in turn: the config, then the chart.
  for (const blob of (await readdir(blobs)).filter((b) => b !== digest)) {
    const kept = await readFile(path.join(blobs, blob));
    await rm(path.join(blobs, blob));
    for (const argv of [
      ['chart', 'export', ref, '-d', path.join(work, 'out')],
      ['chart', 'push', ref, '--plain-http'],
    ]) {
      const r = await cli([...argv, '--cache', cache], { env });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.doesNotMatch(r.stderr, /ENOENT/);
      assert.match(r.stderr, new RegExp(`sha256:${blob}.*missing.*(pull|save)`, 'i'));
    }
    await writeFile(path.join(blobs, blob), kept);
  }
});

test('a reader (chart list) finding index.json damaged while a writer holds the lock: it does not move the index the writer is replacing', async () => {
  const { env, cache, save } = await savedChart();
  assert.equal(save.code, 0, save.stderr);
  const good = await readFile(path.join(cache, 'index.json'));
  // A writer (this test) holds the index lock, and index.json is damaged: the writer is about to
  // set it aside and write the new one. A reader that moves index.json meanwhile moves the new one.
  const lock = path.join(cache, 'index.json.lock');
  await writeFile(lock, String(process.pid));
  await writeFile(path.join(cache, 'index.json'), '{bad\n');
  const list = cli(['chart', 'list', '--cache', cache], { env });
  // The reader is given time to do what it does without the lock (a list takes some 100 ms).
  const early = await Promise.race([list.then(() => 'exited'), new Promise((r) => setTimeout(() => r('waiting'), 3000))]);
  // The writer's work: the new index in place (written as a rename, as the cache writes it), then the lock released.
  await writeFile(path.join(cache, 'index.json.new'), good);
  await rename(path.join(cache, 'index.json.new'), path.join(cache, 'index.json'));
  await rm(lock);
  const r = await list;
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(await readFile(path.join(cache, 'index.json')), good, 'the new index stays');
  assert.match(r.stdout, /example\.com\/charts\/c:1\.0\.0/, `the reader ${early} before the writer was done and listed:\n${r.stdout}`);
});
