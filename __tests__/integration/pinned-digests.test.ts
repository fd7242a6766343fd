import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { packageSource } from '../../src/release/build.js';
import { buildCorpus } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The digests Chartlift gives the same charts. A change here changes every chart digest Chartlift
 * produces, and must be a decision, not an accident, named in the README ("Digests").
 *
 * Changed once, by issue #34: deflate is libdeflate 1.14 (level 6) compiled to WebAssembly instead of
 * fflate (level 6): 1.8× faster on one thread and 6% smaller for the benchmark's large chart, and as
 * deterministic. The archive's bytes, so every chart and manifest digest, changed; the tar inside,
 * the config, and whether a republish is `unchanged` (decided on the files, not the archive) did not.
 * Before: helm-create manifest f204d4da…, library-as-subchart bb488407…, helmignore-rules 84f11ded…,
 * seeded-200k 261ee52c…, seeded-3m 442ad6f8….
 */
const PINNED: Record<string, { manifest: string; chart: string; config: string }> = {
  'helm-create': {
    manifest: 'sha256:f5574bdfc7716c97826618441f691940c65ff1d5b3edb3a5001c9e22a4363783',
    chart: 'sha256:ab7fc3b253da9a58e3c3a776ddac9dece81f194a037c5da14c08f4b944846dc5',
    config: 'sha256:88bef61252e4d9d040945fe77950ad905f374cf32ed791ed9294c0e5a13116e8',
  },
  'library-as-subchart': {
    manifest: 'sha256:46b81a7a3a9c8f30c152cd171eb4bc41f4295966c6bc5f752cde04e30b9c5aed',
    chart: 'sha256:a110fbd1e27110ed38fafa753f6fe53ef30cfb7223d6da5b6cca9628872924d8',
    config: 'sha256:fa0319e23dd016c6907354c247e398b38938efeeec518ff402bdde9d0d5f41dd',
  },
  'helmignore-rules': {
    manifest: 'sha256:b354731df7aba6528b3fe79ac80fdbccc53f568e74f9e4f54fc299bad8c8f34b',
    chart: 'sha256:16ba9f0f54f2d3756668cf92f0af49d8adbe852c84ea057de6cdfb1d89c4faf7',
    config: 'sha256:631ad2a478d7736162ea02240f20df9e3642451649f74489582e7fe4762baa69',
  },
  'seeded-200k': {
    manifest: 'sha256:f7a0226cc4b2fb917d8114e23bbdaffacb7a9a6f8771cd32aa4d4bad9ada41c0',
    chart: 'sha256:d220ed2d9378b1d423c79733b2fbeb2a8ca2bd558049df54061ef5f9d71433c4',
    config: 'sha256:47b9fb07721128f230caef88e87f448842e423a8a8c4394965672658f8d28ee4',
  },
  // Issue #16: a tar over 1 MiB is gzipped in members of 1 MiB (compressed across cores).
  'seeded-3m': {
    manifest: 'sha256:88c95941841b463a48db8c1b166c4182270f5facc6354eaac8b222f98c8515c5',
    chart: 'sha256:e14aa3c1eaad2eb22234aea3c9fff6fa18d7d9ed995ea5a246f484a52ae6fcdb',
    config: 'sha256:a0689630550799c64b2bccba8438f33e49cb30fa2b50a2e501fa134c8434bd24',
  },
};

/** A chart of `files` text files, the same bytes on every machine (a fixed linear congruential generator). */
async function seededChart(root: string, name: string, files: number, bytesPerFile: number): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'files'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  let x = 12345;
  const word = (): string => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8).toString(36);
  };
  for (let i = 0; i < files; i++) {
    let text = '';
    while (text.length < bytesPerFile) text += `${word()} ${word()} value-${i}\n`;
    await writeFile(path.join(dir, 'files', `f-${String(i).padStart(4, '0')}.txt`), text.slice(0, bytesPerFile));
  }
  return dir;
}

test('the same charts give the same digests as before', async () => {
  const root = await tempDir('chartlift-pinned-');
  const corpus = await buildCorpus(path.join(root, 'corpus'));
  const charts: Array<[string, string]> = corpus
    .filter((c) => ['helm-create', 'library-as-subchart', 'helmignore-rules'].includes(c.id))
    .map((c) => [c.id, c.dir]);
  charts.push(['seeded-200k', await seededChart(root, 'seeded-small', 20, 10_000)]);
  charts.push(['seeded-3m', await seededChart(root, 'seeded-large', 300, 10_000)]);
  const got: Record<string, { manifest: string; chart: string; config: string }> = {};
  for (const [id, dir] of charts) {
    const p = await packageSource(dir, { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    got[id] = {
      manifest: p.artifact.manifestDescriptor.digest,
      chart: p.artifact.chartDescriptor.digest,
      config: p.artifact.configDescriptor.digest,
    };
  }
  if (process.env.PRINT_PINNED) console.log(JSON.stringify(got, null, 2));
  assert.deepEqual(got, PINNED);
});
