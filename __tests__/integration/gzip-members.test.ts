import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { gzipReproducible, MEMBER_BYTES } from '../../src/chart/gzip.js';
import { loadChart } from '../../src/chart/load.js';
import { archiveEntries, packageChart } from '../../src/chart/package.js';
import { writeTar } from '../../src/chart/tar-writer.js';
import { sha256 } from '../../src/oci/digest.js';
import { packageSource } from '../../src/release/build.js';
import { CLI } from '../helpers/cli.js';
import { exec, run } from '../helpers/exec.js';
import { findNode } from '../helpers/node-versions.js';
import { HELMS, ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { readTgz } from '../helpers/tgz.js';

// A chart whose tar is over 1 MiB is gzipped in members of 1 MiB, compressed across cores (#16).
let work: string;
let chartDir: string;
let tar: Buffer;
let tgz: Buffer;
before(async () => {
  work = await tempDir('chartlift-gzip-members-');
  chartDir = path.join(work, 'wide');
  await mkdir(path.join(chartDir, 'files'), { recursive: true });
  await mkdir(path.join(chartDir, 'templates'));
  await writeFile(path.join(chartDir, 'Chart.yaml'), 'apiVersion: v2\nname: wide\nversion: 1.0.0\n');
  await writeFile(
    path.join(chartDir, 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n  files: {{ .Files.Glob "files/*" | len | quote }}\n',
  );
  let x = 7;
  for (let i = 0; i < 500; i++) {
    let text = '';
    while (text.length < 11_000) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      text += `line ${i} ${(x >>> 4).toString(36)} ${'k'.repeat(x % 40)}\n`;
    }
    await writeFile(path.join(chartDir, 'files', `f-${i}.txt`), text);
  }
  const { chart } = await loadChart(chartDir);
  tar = writeTar(await archiveEntries(chart), 0);
  tgz = gzipReproducible(tar);
  await writeFile(path.join(work, 'wide.tar'), tar);
  await writeFile(path.join(work, 'wide-1.0.0.tgz'), tgz);
  assert.ok(tar.length > 5 * MEMBER_BYTES, `${tar.length} bytes of tar`);
});

test('the members are the same bytes whatever the number of cores, and when a worker stops', async () => {
  const script = path.join(ROOT, '__tests__', 'helpers', 'gzip-cores.ts');
  const serial = sha256(tgz).slice('sha256:'.length);
  assert.equal(sha256(await packageChart((await loadChart(chartDir)).chart, 0)), `sha256:${serial}`);
  // A process of its own for each pool (no NODE_TEST_CONTEXT: it is a script, not a test file), on
  // Node 24, the action's runtime: on Node 20.20 tsx's hooks do not reach a worker's entry (.ts), so
  // every worker would stop at once and this thread compress alone.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const node = await findNode(24);
  for (const cores of [1, 2, 3, 5]) {
    const r = await exec(node, ['--import', 'tsx', script, path.join(work, 'wide.tar'), String(cores)], { cwd: ROOT, env });
    assert.equal(r.code, 0, `${r.stderr} ${r.stdout}`);
    // Two cores: this thread alone (one worker cost 47 MiB for a few per cent of the large chart's time).
    const workers = cores < 3 ? 0 : cores - 1;
    assert.equal(r.stdout.trim(), `${serial} ${workers}`, `${cores} cores: the same bytes, from ${workers} workers and this thread`);
  }
  // Workers that stop (crashed, killed): their members are compressed on this thread, to the same bytes.
  const broken = await exec(node, ['--import', 'tsx', script, path.join(work, 'wide.tar'), '3', 'broken'], { cwd: ROOT, env });
  assert.equal(broken.code, 0, broken.stderr);
  assert.equal(broken.stdout.trim().split(' ')[0], serial);
});

test("one member per MiB of tar, each a complete gzip member; Node's zlib, node-tar, GNU gzip, Python and Go read the whole", async () => {
  // Every member starts with the same header (mtime 0, OS unknown).
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  let members = 0;
  for (let at = tgz.indexOf(header); at >= 0; at = tgz.indexOf(header, at + 1)) members++;
  assert.ok(members >= Math.ceil(tar.length / MEMBER_BYTES), `${members} headers`);
  assert.deepEqual(gunzipSync(tgz), tar);
  assert.equal((await readTgz(tgz)).length, 502);
  const file = path.join(work, 'wide-1.0.0.tgz');
  const gnu = await exec('sh', ['-c', `gzip -dc "${file}" | cmp - "${path.join(work, 'wide.tar')}" && tar -tzf "${file}" | wc -l`]);
  assert.equal(gnu.code, 0, gnu.stderr);
  assert.equal(gnu.stdout.trim(), '502');
  const py = await run('python3', [
    '-c',
    'import gzip, tarfile, sys; d = gzip.open(sys.argv[1]).read(); t = open(sys.argv[2], "rb").read(); print(d == t, len(tarfile.open(sys.argv[1], "r:gz").getnames()))',
    file,
    path.join(work, 'wide.tar'),
  ]);
  assert.equal(py.trim(), 'True 502');
  for (const { label, bin } of HELMS) {
    const shown = await run(bin(), ['show', 'chart', file]);
    assert.match(shown, /name: wide/, label);
    const rendered = await run(bin(), ['template', 'x', file]);
    assert.match(rendered, /files: "500"/, label);
  }
});

test("what a reader that stops after the first member sees: the first MiB (Python's zlib.decompress)", async () => {
  const first = await run('python3', [
    '-c',
    'import zlib, sys; print(len(zlib.decompress(open(sys.argv[1], "rb").read(), 31)))',
    path.join(work, 'wide-1.0.0.tgz'),
  ]);
  assert.equal(Number(first.trim()), MEMBER_BYTES);
  assert.deepEqual(await readFile(path.join(work, 'wide.tar')), tar);
});

for (const cores of [4, 2])
  test(`the bundle on ${cores} cores compresses a large chart ${cores > 2 ? `on ${cores - 1} worker threads` : 'on its own thread'}, to the digest the library gives on one thread`, async () => {
    // The machine's cores as the bundle sees them (os.availableParallelism), set by a preloaded hook.
    const hook = path.join(work, `hook-${cores}.mjs`);
    await writeFile(
      hook,
      `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\nimport os from 'node:os';\nimport { isMainThread } from 'node:worker_threads';\n` +
        `os.availableParallelism = () => ${cores};\n` +
        `registerHooks({ load(url, context, next) { if (url.endsWith('/dist/index.js')) appendFileSync(process.env.LOADED_LOG, (isMainThread ? 'main' : 'worker') + '\\n'); return next(url, context); } });\n`,
    );
    const log = path.join(work, `loaded-${cores}`);
    await writeFile(log, '');
    const env = { PATH: process.env.PATH, HOME: work, SOURCE_DATE_EPOCH: '0', NODE_OPTIONS: `--import=${hook}`, LOADED_LOG: log };
    const save = await exec(
      await findNode(24),
      [CLI, 'chart', 'save', chartDir, `example.test/c${cores}/wide:1.0.0`, '--cache', path.join(work, `cache-${cores}`)],
      { env },
    );
    assert.equal(save.code, 0, save.stderr);
    const digest = /digest: {2}(sha256:\S+)/.exec(save.stdout)?.[1];
    const library = await packageSource(chartDir, { env: { SOURCE_DATE_EPOCH: '0' } });
    assert.equal(digest, library.artifact.manifestDescriptor.digest);
    const workers = cores > 2 ? cores - 1 : 0;
    assert.deepEqual((await readFile(log, 'utf8')).trim().split('\n').sort(), ['main', ...Array(workers).fill('worker')]);
  });
