import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { exec, run } from '../helpers/exec.js';
import { GitRepo } from '../helpers/git.js';
import { findNode } from '../helpers/node-versions.js';
import { tool } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

let work: string;
let chartDir: string;

before(async () => {
  work = await tempDir('chartlift-save-');
  await run(tool('helm3'), ['create', 'mychart'], { cwd: work });
  chartDir = path.join(work, 'mychart');
});

const save = (cache: string, extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}, node?: string) =>
  runAction(
    { chart: chartDir, ref: 'oci://localhost:5000/myrepo', push: 'false', cache, ...extra },
    { env: { SOURCE_DATE_EPOCH: '1700000000', ...env }, node },
  );

describe('push: false saves to the cache (the seed’s helm chart save)', () => {
  test('outputs, the seed’s log lines, and an OCI layout skopeo reads', async () => {
    const cache = path.join(work, 'cache-outputs');
    const r = await save(cache);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const o = r.outputs;
    assert.equal(o.ref, 'localhost:5000/myrepo/mychart:0.1.0');
    assert.equal(o.name, 'mychart');
    assert.equal(o.version, '0.1.0');
    assert.equal(o.status, 'saved');
    assert.match(o.digest, /^sha256:[a-f0-9]{64}$/);
    assert.equal(o['digest-ref'], `localhost:5000/myrepo/mychart@${o.digest}`);
    const chartBlob = await readFile(path.join(cache, 'blobs', 'sha256', o['chart-digest'].slice(7)));
    assert.equal(`sha256:${createHash('sha256').update(chartBlob).digest('hex')}`, o['chart-digest']);
    assert.equal(Number(o.size), chartBlob.length);

    const lines = r.stdout.split('\n');
    const block = lines.slice(
      lines.findIndex((l) => l.startsWith('ref:')),
      lines.findIndex((l) => l.startsWith('ref:')) + 6,
    );
    assert.deepEqual(block, [
      'ref:     localhost:5000/myrepo/mychart:0.1.0',
      `digest:  ${o.digest}`,
      `size:    ${(chartBlob.length / 1024).toFixed(1)} KiB`,
      'name:    mychart',
      'version: 0.1.0',
      '0.1.0: saved',
    ]);

    assert.deepEqual(JSON.parse(await readFile(path.join(cache, 'oci-layout'), 'utf8')), { imageLayoutVersion: '1.0.0' });
    const index = JSON.parse(await readFile(path.join(cache, 'index.json'), 'utf8'));
    assert.equal(index.manifests.length, 1);
    assert.equal(index.manifests[0].annotations['org.opencontainers.image.ref.name'], o.ref);
    assert.equal(index.manifests[0].digest, o.digest);

    // skopeo 1.9 refuses plain `inspect` on any non-image artifact (Helm's own too); --raw reads the layout.
    const manifest = JSON.parse(await run('skopeo', ['inspect', '--raw', `oci:${cache}:${o.ref}`]));
    assert.equal(manifest.config.mediaType, 'application/vnd.cncf.helm.config.v1+json');
    assert.equal(manifest.layers[0].digest, o['chart-digest']);
    assert.equal(manifest.annotations['org.opencontainers.image.created'], '2023-11-14T22:13:20Z');
    const config = JSON.parse(await run('skopeo', ['inspect', '--config', '--raw', `oci:${cache}:${o.ref}`]));
    assert.equal(config.name, 'mychart');
  });

  test('saving the same reference again replaces its entry', async () => {
    const cache = path.join(work, 'cache-replace');
    const first = await save(cache);
    const second = await save(cache, {}, { SOURCE_DATE_EPOCH: '1800000000' });
    assert.notEqual(first.outputs.digest, second.outputs.digest);
    const index = JSON.parse(await readFile(path.join(cache, 'index.json'), 'utf8'));
    assert.deepEqual(
      index.manifests.map((m: { digest: string }) => m.digest),
      [second.outputs.digest],
    );
  });

  test('a packaged .tgz is taken as it is: its bytes are the chart blob', async () => {
    const out = path.join(work, 'pkg');
    await run(tool('helm3'), ['package', chartDir, '-d', out]);
    const tgz = path.join(out, 'mychart-0.1.0.tgz');
    const r = await runAction({ chart: tgz, ref: 'oci://localhost:5000/myrepo', push: 'false', cache: path.join(work, 'cache-tgz') });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(
      r.outputs['chart-digest'],
      `sha256:${createHash('sha256')
        .update(await readFile(tgz))
        .digest('hex')}`,
    );
  });
});

describe('reproducible', () => {
  test('the same source twice, and on Node 20 and Node 24, gives the same chart and manifest digests', async () => {
    const node20 = await findNode(20);
    const node24 = await findNode(24);
    const runs = [
      await save(path.join(work, 'r1'), {}, {}, node24),
      await save(path.join(work, 'r2'), {}, {}, node24),
      await save(path.join(work, 'r3'), {}, {}, node20),
      await save(path.join(work, 'r4'), {}, {}, node20),
    ];
    for (const r of runs) assert.equal(r.code, 0, r.stdout + r.stderr);
    const digests = runs.map((r) => [r.outputs['chart-digest'], r.outputs.digest]);
    assert.deepEqual(digests, Array(4).fill(digests[0]));
  });

  test('without SOURCE_DATE_EPOCH, content alone decides: full clone, --depth 1 clone, no .git, any commit', async () => {
    const repo = await GitRepo.init(path.join(work, 'repo'));
    await cp(chartDir, path.join(repo.dir, 'mychart'), { recursive: true });
    const first = await repo.commit('chart');
    await writeFile(path.join(repo.dir, 'README.md'), 'a later commit outside the chart\n');
    const later = await repo.commit('readme');
    const plain = path.join(work, 'no-git');
    await cp(path.join(repo.dir, 'mychart'), plain, { recursive: true });
    const places = [
      path.join(repo.dir, 'mychart'),
      path.join(await repo.shallowClone(first, path.join(work, 'shallow-1')), 'mychart'),
      path.join(await repo.shallowClone(later, path.join(work, 'shallow-2')), 'mychart'),
      plain,
    ];
    const runs = [];
    for (const [i, chart] of places.entries()) {
      runs.push(
        await runAction(
          { chart, ref: 'oci://localhost:5000/x', push: 'false', cache: path.join(work, `g${i}`) },
          { env: { SOURCE_DATE_EPOCH: '', GITHUB_SHA: i % 2 ? first : later }, cwd: path.dirname(chart) },
        ),
      );
    }
    for (const r of runs) assert.equal(r.code, 0, r.stdout + r.stderr);
    const digests = runs.map((r) => [r.outputs['chart-digest'], r.outputs.digest]);
    assert.deepEqual(digests, Array(places.length).fill(digests[0]));
    assert.match(runs[0].stdout, /timestamps: 1970-01-01T00:00:00Z, the fixed epoch \(SOURCE_DATE_EPOCH is not set\)/);
    const manifest = JSON.parse(await run('skopeo', ['inspect', '--raw', `oci:${path.join(work, 'g0')}:${runs[0].outputs.ref}`]));
    assert.equal(manifest.annotations['org.opencontainers.image.created'], '1970-01-01T00:00:00Z');
    assert.equal(manifest.annotations['org.opencontainers.image.revision'], undefined);
  });
});

describe('concurrency', () => {
  test('eight processes saving at once into one cache lose no entry and leave a valid index.json', async () => {
    const cache = path.join(work, 'cache-concurrent');
    const refs = Array.from({ length: 8 }, (_, i) => `localhost:5000/team${i}/mychart`);
    const results = await Promise.all(refs.map((ref) => save(cache, { ref })));
    for (const r of results) assert.equal(r.code, 0, r.stdout + r.stderr);
    const index = JSON.parse(await readFile(path.join(cache, 'index.json'), 'utf8'));
    assert.deepEqual(
      index.manifests.map((m: { annotations: Record<string, string> }) => m.annotations['org.opencontainers.image.ref.name']).sort(),
      refs.map((r) => `${r}:0.1.0`).sort(),
    );
    const leftovers = await exec('find', [cache, '-name', '*.tmp', '-o', '-name', '*.lock']);
    assert.equal(leftovers.stdout.trim(), '');
  });
});
