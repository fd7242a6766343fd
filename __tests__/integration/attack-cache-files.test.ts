import assert from 'node:assert/strict';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { runAction } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tempDir } from '../helpers/temp.js';

// The runner-local cache persists on a self-hosted runner and other tools (and other jobs) touch it:
// every file in it is whatever was left there. Each cache file is read only if it is a regular file,
// within a bound fitting what it is; the lock's wait ends whatever the lock file is; and writes stay
// inside the cache folder. What is tested is behaviour (the run ends, says what is wrong and what to
// do, writes nothing outside); the peak each run reaches is reported beside it (GNU time's %M).

const MiB = 1024 * 1024;
/** Each run's own bound: a list or save of one small chart takes well under a second. */
const BOUND_S = 30;
const REF = 'example.com/charts/c:1.0.0';

interface Bounded {
  code: number;
  stdout: string;
  stderr: string;
  rssMiB: number;
}

/** The CLI under its own bound (timeout kills the whole group, node included), with its peak resident memory. */
async function cliBounded(t: TestContext, args: string[], env: NodeJS.ProcessEnv): Promise<Bounded> {
  const r = await exec('timeout', ['-s', 'KILL', String(BOUND_S), '/usr/bin/time', '-f', 'maxrss=%M', process.execPath, CLI, ...args], {
    env,
    timeoutMs: (BOUND_S + 10) * 1000,
  });
  const rssMiB = (Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 'NaN') * 1024) / MiB;
  t.diagnostic(`chartlift ${args.slice(0, 2).join(' ')}: exit ${r.code}, peak ${rssMiB.toFixed(0)} MiB`);
  return { ...r, rssMiB };
}

/** The bundled action with push: false (a save to the cache), under its own bound, with its peak. */
async function saveActionBounded(t: TestContext, chart: string, cache: string, env: NodeJS.ProcessEnv) {
  const dir = await tempDir('chartlift-attack-cache-run-');
  const report = path.join(dir, 'maxrss');
  const node = path.join(dir, 'node');
  await writeFile(
    node,
    `#!${process.execPath}\nconst r = require('node:child_process').spawnSync('timeout', ['-s', 'KILL', '${BOUND_S}', '/usr/bin/time', '-o', ${JSON.stringify(report)}, '-f', 'maxrss=%M', process.execPath, ...process.argv.slice(2)], { stdio: 'inherit' });\nprocess.exit(r.status ?? 137);\n`,
  );
  await chmod(node, 0o755);
  const r = await runAction({ chart, ref: 'oci://localhost:5000/charts', push: 'false', cache }, { env, node });
  const measured = await readFile(report, 'utf8').catch(() => '');
  const rssMiB = (Number(/maxrss=(\d+)/.exec(measured)?.[1] ?? 'NaN') * 1024) / MiB;
  t.diagnostic(`the action (push: false): exit ${r.code}, peak ${rssMiB.toFixed(0)} MiB`);
  return { ...r, rssMiB };
}

/** A cache holding one saved chart, the paths of its blobs by role, and an empty folder outside it. */
async function savedCache() {
  const work = await tempDir('chartlift-attack-cache-');
  const { env } = await helmHome();
  const cache = path.join(work, 'cache');
  const chart = path.join(work, 'c');
  await mkdir(chart);
  await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
  const save = await exec(process.execPath, [CLI, 'chart', 'save', chart, REF, '--cache', cache], { env, timeoutMs: BOUND_S * 1000 });
  assert.equal(save.code, 0, save.stderr);
  const blobs = path.join(cache, 'blobs', 'sha256');
  const manifestHex = /digest:\s+sha256:([0-9a-f]{64})/.exec(save.stdout)![1];
  const manifest = JSON.parse(await readFile(path.join(blobs, manifestHex), 'utf8')) as {
    config: { digest: string };
    layers: Array<{ digest: string }>;
  };
  const blob = {
    manifest: path.join(blobs, manifestHex),
    config: path.join(blobs, manifest.config.digest.slice(7)),
    chart: path.join(blobs, manifest.layers[0].digest.slice(7)),
  };
  const outside = path.join(work, 'outside');
  await mkdir(outside);
  return { work, env, cache, chart, blobs, blob, outside };
}

const notFiles: Array<[string, RegExp, (file: string) => Promise<unknown>]> = [
  ['a FIFO (no writer: reading it waits for ever)', /a FIFO/, (file) => run('mkfifo', [file])],
  ['a link to /dev/zero (endless)', /a device/, (file) => symlink('/dev/zero', file)],
  ['a folder', /a folder/, (file) => mkdir(file)],
];

for (const role of ['manifest', 'config', 'chart'] as const) {
  for (const [what, kind, make] of notFiles) {
    test(`the ${role} blob is ${what}: list marks it damaged, export names the file and what to do, a save replaces it or names it; each run ends`, async (t) => {
      const { work, env, cache, chart, blob } = await savedCache();
      await rm(blob[role]);
      await make(blob[role]);
      const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
      assert.equal(list.code, 0, list.stdout + list.stderr);
      assert.match(list.stdout, /example\.com\/charts\/c:1\.0\.0\s.*damaged: pull or save it again/);

      const exported = await cliBounded(t, ['chart', 'export', REF, '-d', path.join(work, 'out'), '--cache', cache], env);
      assert.equal(exported.code, 1, exported.stdout + exported.stderr);
      assert.match(exported.stderr, new RegExp(`${blob[role].replace(/[/.]/g, '\\$&')}.*is ${kind.source}, not a file.*(pull|save)`, 'i'));

      const save = await cliBounded(t, ['chart', 'save', chart, REF, '--cache', cache], env);
      if (kind.source === 'a folder') {
        // A folder may hold anything: it is named, not deleted.
        assert.equal(save.code, 1, save.stdout + save.stderr);
        assert.match(save.stderr, new RegExp(`${blob[role].replace(/[/.]/g, '\\$&')}.*is a folder, not a file.*remove`, 'i'));
        return;
      }
      assert.equal(save.code, 0, save.stdout + save.stderr);
      assert.ok((await stat(blob[role])).isFile(), 'the save put the blob back as a file');
      const again = await cliBounded(t, ['chart', 'export', REF, '-d', path.join(work, 'out'), '--cache', cache], env);
      assert.equal(again.code, 0, again.stderr);
    });
  }
}

test('blobs far larger than their kind (sparse: no disk used): not read, named as too large; list and export end', async (t) => {
  for (const [role, size] of [
    ['manifest', 600 * MiB],
    ['chart', 4 * 1024 * MiB],
  ] as const) {
    const { work, env, cache, blob } = await savedCache();
    await truncate(blob[role], size);
    const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
    assert.equal(list.code, 0, list.stdout + list.stderr);
    assert.match(list.stdout, /damaged: pull or save it again/);
    const exported = await cliBounded(t, ['chart', 'export', REF, '-d', path.join(work, 'out'), '--cache', cache], env);
    assert.equal(exported.code, 1, exported.stdout + exported.stderr);
    assert.match(exported.stderr, new RegExp(`${blob[role].replace(/[/.]/g, '\\$&')}.*is ${size} bytes, more than`));
  }
});

const lockShapes: Array<[string, RegExp, (file: string) => Promise<unknown>]> = [
  ['a FIFO', /a FIFO/, (file) => run('mkfifo', [file])],
  ['a link to /dev/zero', /a link/, (file) => symlink('/dev/zero', file)],
  ['a folder', /a folder/, (file) => mkdir(file)],
];

for (const [what, kind, make] of lockShapes) {
  test(`the lock file index.json.lock is ${what}: save, remove and the action (push: false) end naming it and what to do`, async (t) => {
    const { env, cache, chart, blob } = await savedCache();
    const lock = path.join(cache, 'index.json.lock');
    await make(lock);
    const lockRe = new RegExp(`${lock.replace(/[/.]/g, '\\$&')}.*${kind.source}, not a lock file.*remove it`, 'i');
    const save = await cliBounded(t, ['chart', 'save', chart, REF, '--cache', cache], env);
    assert.equal(save.code, 1, save.stdout + save.stderr);
    assert.match(save.stderr, lockRe);
    const removed = await cliBounded(t, ['chart', 'remove', REF, '--cache', cache], env);
    assert.equal(removed.code, 1, removed.stdout + removed.stderr);
    assert.match(removed.stderr, lockRe);
    assert.ok((await stat(blob.manifest)).isFile(), 'nothing removed');
    const action = await saveActionBounded(t, chart, cache, env);
    assert.equal(action.code, 1, action.stdout + action.stderr);
    assert.match(action.errors.join('\n'), lockRe);
    // A reader that needs no lock (the index is sound) lists as before.
    const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /example\.com\/charts\/c:1\.0\.0\s+c\s+1\.0\.0\s/);
  });
}

test('the lock file is a FIFO and index.json is damaged: a list, which must take the lock to set the index aside, ends naming the lock', async (t) => {
  const { env, cache } = await savedCache();
  await run('mkfifo', [path.join(cache, 'index.json.lock')]);
  await writeFile(path.join(cache, 'index.json'), '{bad\n');
  const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
  assert.equal(list.code, 1, list.stdout + list.stderr);
  assert.match(list.stderr, /index\.json\.lock.*a FIFO, not a lock file/);
});

/** An index.json of `count` entries, each `entry` (a JSON text), streamed to disk. */
async function writeIndex(file: string, count: number, entry: (i: number) => string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write('{"schemaVersion":2,"manifests":[');
    const batch = 100_000;
    for (let i = 0; i < count; i += batch) {
      const parts: string[] = [];
      for (let j = i; j < Math.min(count, i + batch); j++) parts.push(entry(j));
      await handle.write((i === 0 ? '' : ',') + parts.join(','));
    }
    await handle.write(']}\n');
  } finally {
    await handle.close();
  }
}

test('an index.json within its byte bound holding 22 million {} entries: set aside as damaged by list and save, the new index holds the one chart', async (t) => {
  const { env, cache, chart } = await savedCache();
  const index = path.join(cache, 'index.json');
  await writeIndex(index, 22_000_000, () => '{}');
  assert.ok((await stat(index)).size < 64 * MiB);
  const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
  assert.equal(list.code, 0, list.stdout + list.stderr);
  assert.match(list.stderr, /cache index .*index\.json could not be read \(it holds more than .* set aside as index\.json\.damaged-/);
  await rm(
    path.join(
      cache,
      (await readdir(cache)).find((f) => f.startsWith('index.json.damaged-'))!,
    ),
  );
  await writeIndex(index, 22_000_000, () => '{}');
  const save = await cliBounded(t, ['chart', 'save', chart, REF, '--cache', cache], env);
  assert.equal(save.code, 0, save.stdout + save.stderr);
  assert.match(save.stderr, /set aside as index\.json\.damaged-/);
  assert.ok((await stat(index)).size < 4096, 'the new index holds one entry');
  assert.equal(JSON.parse(await readFile(index, 'utf8')).manifests.length, 1);
});

test('an index.json of 100,001 entries (more than any cache holds, within the byte bound): set aside with the same warning', async (t) => {
  const { env, cache } = await savedCache();
  const index = path.join(cache, 'index.json');
  const digest = `sha256:${'0'.repeat(64)}`;
  await writeIndex(
    index,
    100_001,
    (i) =>
      `{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"${digest}","size":1,"annotations":{"org.opencontainers.image.ref.name":"example.com/charts/c${i}:1.0.0"}}`,
  );
  const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
  assert.equal(list.code, 0, list.stdout + list.stderr);
  assert.match(
    list.stderr,
    /could not be read \(it lists 100001 charts, more than the 100000 a cache holds\): set aside as index\.json\.damaged-/,
  );
});

for (const linked of [['blobs', 'sha256'], ['blobs'], ['ingest']]) {
  test(`${linked.join('/')} is a link leading outside the cache: save and remove refuse, naming it; nothing outside written or deleted`, async (t) => {
    const { work, env, cache, outside } = await savedCache();
    // Another chart: its blobs are not in the cache yet, so a save writes them.
    const chart = path.join(work, 'c2');
    await mkdir(chart);
    await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c2\nversion: 2.0.0\n');
    const inCache = path.join(cache, ...linked);
    // What the folder held moves outside, and the link takes its place.
    const target = path.join(outside, linked.at(-1)!);
    await rename(inCache, target);
    await symlink(target, inCache);
    const before = await run('find', [outside, '-printf', '%P %s\n']);
    const refusal = new RegExp(`${inCache.replace(/[/.]/g, '\\$&')}.*leads outside the cache`);
    const save = await cliBounded(t, ['chart', 'save', chart, 'example.com/charts/c2:2.0.0', '--cache', cache], env);
    assert.equal(save.code, 1, save.stdout + save.stderr);
    assert.match(save.stderr, refusal);
    const removed = await cliBounded(t, ['chart', 'remove', REF, '--cache', cache], env);
    assert.equal(removed.code, 1, removed.stdout + removed.stderr);
    assert.match(removed.stderr, refusal);
    const action = await saveActionBounded(t, chart, cache, env);
    assert.equal(action.code, 1, action.stdout + action.stderr);
    assert.match(action.errors.join('\n'), refusal);
    assert.equal(await run('find', [outside, '-printf', '%P %s\n']), before, 'nothing written or deleted outside the cache');
  });
}

test('the cache folder itself is a link (to another disk, say): save, list, export and remove work as in any cache', async (t) => {
  const work = await tempDir('chartlift-attack-cache-');
  const { env } = await helmHome();
  const real = path.join(work, 'disk', 'helm-cache');
  await mkdir(real, { recursive: true });
  const cache = path.join(work, 'cache');
  await symlink(real, cache);
  const chart = path.join(work, 'c');
  await mkdir(chart);
  await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
  const save = await cliBounded(t, ['chart', 'save', chart, REF, '--cache', cache], env);
  assert.equal(save.code, 0, save.stderr);
  const action = await saveActionBounded(t, chart, cache, env);
  assert.equal(action.code, 0, action.stdout);
  const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
  assert.match(list.stdout, /example\.com\/charts\/c:1\.0\.0\s+c\s+1\.0\.0\s/);
  const exported = await cliBounded(t, ['chart', 'export', REF, '-d', path.join(work, 'out'), '--cache', cache], env);
  assert.equal(exported.code, 0, exported.stderr);
  const removed = await cliBounded(t, ['chart', 'remove', REF, '--cache', cache], env);
  assert.equal(removed.code, 0, removed.stderr);
  assert.ok((await readdir(path.join(real, 'blobs', 'sha256'))).length > 0, 'the action’s chart stays');
});

// Shapes beyond the reported ones.

test('the cache given is a file, a FIFO or /dev/zero: list and save end naming it as no folder, with the face’s hint', async (t) => {
  const work = await tempDir('chartlift-attack-cache-');
  const { env } = await helmHome();
  const chart = path.join(work, 'c');
  await mkdir(chart);
  await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
  const file = path.join(work, 'file');
  await writeFile(file, 'x');
  const fifo = path.join(work, 'fifo');
  await run('mkfifo', [fifo]);
  for (const [cache, kind] of [
    [file, 'a file'],
    [fifo, 'a FIFO'],
    ['/dev/zero', 'a device'],
  ]) {
    for (const argv of [
      ['chart', 'list'],
      ['chart', 'save', chart, REF],
    ]) {
      const r = await cliBounded(t, [...argv, '--cache', cache], env);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^Error: ${cache.replace(/[/.]/g, '\\$&')}: the cache is ${kind}, not a folder\\. Give --cache a writable folder\\.$`,
          'm',
        ),
      );
    }
  }
});

test('blobs/sha256 is a FIFO: export names that folder and what to do; a save names it too', async (t) => {
  const { work, env, cache, chart, blobs } = await savedCache();
  await rm(blobs, { recursive: true });
  await run('mkfifo', [blobs]);
  const named = new RegExp(`${blobs.replace(/[/.]/g, '\\$&')}: it is a FIFO, not a folder.*Remove it`);
  const exported = await cliBounded(t, ['chart', 'export', REF, '-d', path.join(work, 'out'), '--cache', cache], env);
  assert.equal(exported.code, 1, exported.stdout + exported.stderr);
  assert.match(exported.stderr, named);
  const save = await cliBounded(t, ['chart', 'save', chart, REF, '--cache', cache], env);
  assert.equal(save.code, 1, save.stdout + save.stderr);
  assert.match(save.stderr, named);
});

test('oci-layout is a link to /dev/zero (other tools reading the layout would read it without end): a save writes the marker over the link', async (t) => {
  const { env, cache, chart } = await savedCache();
  const marker = path.join(cache, 'oci-layout');
  await rm(marker);
  await symlink('/dev/zero', marker);
  const save = await cliBounded(t, ['chart', 'save', chart, REF, '--cache', cache], env);
  assert.equal(save.code, 0, save.stderr);
  assert.deepEqual(JSON.parse(await readFile(marker, 'utf8')), { imageLayoutVersion: '1.0.0' });
});

test('index.json is a link to a file outside the cache: read within its bounds, the link set aside, the file outside unchanged', async (t) => {
  const { env, cache, chart, outside } = await savedCache();
  const precious = path.join(outside, 'precious.json');
  await writeFile(precious, '{"precious": true}\n');
  const index = path.join(cache, 'index.json');
  await rm(index);
  await symlink(precious, index);
  const save = await cliBounded(t, ['chart', 'save', chart, REF, '--cache', cache], env);
  assert.equal(save.code, 0, save.stderr);
  assert.match(save.stderr, /set aside as index\.json\.damaged-/);
  assert.equal(await readFile(precious, 'utf8'), '{"precious": true}\n');
  assert.equal(JSON.parse(await readFile(index, 'utf8')).manifests.length, 1);
});

test('1,000 manifests (each its own file) naming one 100 MiB chart blob: list reads that blob once and ends', async (t) => {
  const { createHash, randomBytes } = await import('node:crypto');
  const { env, cache, blob } = await savedCache();
  const chart = randomBytes(100 * MiB);
  const chartDigest = `sha256:${createHash('sha256').update(chart).digest('hex')}`;
  await writeFile(path.join(path.dirname(blob.chart), chartDigest.slice(7)), chart);
  const saved = JSON.parse(await readFile(blob.manifest, 'utf8'));
  const entries = [];
  for (let i = 0; i < 1000; i++) {
    const manifest = Buffer.from(
      JSON.stringify({
        ...saved,
        layers: [{ ...saved.layers[0], digest: chartDigest, size: chart.length }],
        annotations: { n: String(i) },
      }),
    );
    const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
    await writeFile(path.join(path.dirname(blob.chart), digest.slice(7)), manifest);
    entries.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest,
      size: manifest.length,
      annotations: { 'org.opencontainers.image.ref.name': `example.com/charts/c${i}:1.0.0` },
    });
  }
  await writeFile(path.join(cache, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: entries }));
  const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
  assert.equal(list.code, 0, list.stderr);
  assert.equal(list.stdout.split('\n').filter((l) => /\t100\.0 MiB\t/.test(l)).length, 1000);
});

test('the manifest blob swapped between a file and a FIFO, hundreds of times a second, while chart list runs: every run ends', async (t) => {
  const { env, cache, blob } = await savedCache();
  // FIFOs made 500 at a time (one mkfifo each batch), so that the file spends as long a FIFO as a file.
  const swap = `
    const fs = require('node:fs'), path = require('node:path'), { execFileSync } = require('node:child_process');
    const [file, seconds] = process.argv.slice(1);
    const good = fs.readFileSync(file);
    const end = Date.now() + seconds * 1000;
    for (let batch = 0; Date.now() < end; batch++) {
      const fifos = Array.from({ length: 500 }, (_, i) => path.join(path.dirname(file), '.fifo' + batch + '-' + i));
      execFileSync('mkfifo', fifos);
      for (const [i, fifo] of fifos.entries()) {
        const t = path.join(path.dirname(file), '.file' + batch + '-' + i);
        fs.writeFileSync(t, good);
        fs.renameSync(t, file);
        fs.renameSync(fifo, file);
      }
    }`;
  const swapper = exec(process.execPath, ['-e', swap, blob.manifest, '12']);
  let runs = 0;
  const started = Date.now();
  while (Date.now() - started < 10_000) {
    const list = await cliBounded(t, ['chart', 'list', '--cache', cache], env);
    assert.equal(list.code, 0, list.stderr);
    runs++;
  }
  const swapped = await swapper;
  assert.equal(swapped.code, 0, swapped.stderr);
  t.diagnostic(`${runs} runs of chart list ended`);
});
