import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import YAML from 'yaml';
import { bindRef, packageSource } from '../../src/release/build.js';
import { buildCorpus, type CorpusChart } from '../helpers/corpus.js';
import { exec, run } from '../helpers/exec.js';
import { HELMS } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { readTgz } from '../helpers/tgz.js';

/** Chart.yaml and Chart.lock are re-serialised by both; the rest must be the same bytes. */
const RESERIALISED = /\/(Chart\.yaml|Chart\.lock)$/;

let root: string;
let corpus: CorpusChart[];

before(async () => {
  root = await tempDir('chartlift-corpus-');
  corpus = await buildCorpus(path.join(root, 'src'));
});

test('the corpus has at least 12 charts', () => {
  assert.ok(corpus.length >= 12, `only ${corpus.length} charts`);
});

for (const helm of HELMS) {
  describe(`the archive matches helm package (${helm.label})`, () => {
    test('for every corpus chart: same files, and helm template renders it identically', async () => {
      for (const chart of corpus) {
        const outDir = path.join(root, helm.label.replace(/\W+/g, '-'), chart.id);
        await mkdir(outDir, { recursive: true });
        await run(helm.bin(), ['package', chart.dir, '-d', outDir]);
        const [helmFile] = (await readdir(outDir)).filter((f) => f.endsWith('.tgz'));
        const helmTgz = path.join(outDir, helmFile);
        const built = bindRef(await packageSource(chart.dir, { env: { SOURCE_DATE_EPOCH: '1700000000' } }), 'oci://localhost:5000/corpus');
        const ourTgz = path.join(outDir, `ours-${helmFile}`);
        await writeFile(ourTgz, built.artifact.chart);

        const theirs = await readTgz(await readFile(helmTgz));
        const ours = await readTgz(built.artifact.chart);
        assert.deepEqual(ours.map((e) => e.name).sort(), theirs.map((e) => e.name).sort(), `${chart.id}: file list`);
        for (const entry of ours) {
          const other = theirs.find((e) => e.name === entry.name)!;
          if (RESERIALISED.test(entry.name)) {
            assert.deepEqual(YAML.parse(entry.data.toString()), YAML.parse(other.data.toString()), `${chart.id}: ${entry.name}`);
          } else {
            assert.ok(entry.data.equals(other.data), `${chart.id}: ${entry.name} differs`);
          }
          assert.equal(entry.type, 'File');
          assert.equal(entry.mode & 0o777, 0o644);
          assert.equal(entry.mtime, 1700000000);
          assert.equal(entry.uid, 0);
          assert.equal(entry.gid, 0);
        }

        if (chart.renders) {
          const a = await run(helm.bin(), ['template', 'rel', ourTgz]);
          const b = await run(helm.bin(), ['template', 'rel', helmTgz]);
          assert.ok(a.length > 0 || chart.id === 'helmignore-negation', `${chart.id}: rendered nothing`);
          assert.equal(a, b, `${chart.id}: helm template output differs`);
        } else {
          const a = await exec(helm.bin(), ['template', 'rel', ourTgz]);
          const b = await exec(helm.bin(), ['template', 'rel', helmTgz]);
          assert.equal(a.code, b.code, `${chart.id}: helm template exit codes`);
          assert.equal(
            await run(helm.bin(), ['show', 'all', ourTgz]),
            await run(helm.bin(), ['show', 'all', helmTgz]),
            `${chart.id}: helm show all`,
          );
        }
      }
    });
  });
}
