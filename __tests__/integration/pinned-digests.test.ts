import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { packageSource } from '../../src/release/build.js';
import { buildCorpus } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The digests Chartlift gives the same charts, pinned across the performance work of issue #16:
 * start-up, requests and compression changed; what a chart packages to did not. A change here
 * changes every chart digest Chartlift has ever produced, and must be a decision, not an accident.
 */
const PINNED: Record<string, { manifest: string; chart: string; config: string }> = {
  'helm-create': {
    manifest: 'sha256:f204d4dada3b682dd32a760d7f20e83392e781112396ef6247f19662aea18011',
    chart: 'sha256:4669c50cf876c38e1a702e13205447697a9867796ee76548f2b77884ffc087ce',
    config: 'sha256:88bef61252e4d9d040945fe77950ad905f374cf32ed791ed9294c0e5a13116e8',
  },
  'library-as-subchart': {
    manifest: 'sha256:bb4884079645acffa5ba7a3f133fc7d2385a2fab150490275f977a41b312cf23',
    chart: 'sha256:97471e03f799f92f544c4fc3c62db66fb750dce92cb2d62f1b98ca44a90e4367',
    config: 'sha256:fa0319e23dd016c6907354c247e398b38938efeeec518ff402bdde9d0d5f41dd',
  },
  'helmignore-rules': {
    manifest: 'sha256:84f11ded312207206c4651f3a6c730018732864e74eccc2a13d8338e61cf6544',
    chart: 'sha256:c0793734770b7ca482123b7041173dff14a66a3ceba0bfc084aad6475cf6575a',
    config: 'sha256:631ad2a478d7736162ea02240f20df9e3642451649f74489582e7fe4762baa69',
  },
  'seeded-200k': {
    manifest: 'sha256:261ee52c97071c0fdb1cf6b469ab439d552d5fe53fd7a6205f7f20bc26656104',
    chart: 'sha256:578586882cf6d18ef37a26dcd33940eaf307ef6b3714cfa4122fa86b8950c86b',
    config: 'sha256:47b9fb07721128f230caef88e87f448842e423a8a8c4394965672658f8d28ee4',
  },
  // The one rule #16 changed: a tar over 1 MiB is gzipped in members of 1 MiB (compressed across
  // cores), so this chart's archive, and its manifest, differ from what Chartlift wrote before
  // (manifest sha256:0d5c77e2…, chart sha256:7f8bd0dc…). Its config, and every chart under 1 MiB, did not.
  'seeded-3m': {
    manifest: 'sha256:442ad6f85a08e41be0d42ff3c6a5dff5512323951b6976139ed81dbd52254d7e',
    chart: 'sha256:aefd0712889e99477bcc8625668385bc69e02368e13d1ba9772697ad51b5995d',
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
