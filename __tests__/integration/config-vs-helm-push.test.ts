import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { bindRef, packageSource } from '../../src/release/build.js';
import { buildCorpus, type CorpusChart } from '../helpers/corpus.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS } from '../helpers/paths.js';
import { fetchBlob, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

let registry: Registry;
let corpus: CorpusChart[];
let work: string;

before(async () => {
  registry = await startRegistry();
  work = await tempDir('chartlift-cfg-');
  corpus = await buildCorpus(path.join(work, 'src'));
});
after(() => registry?.stop());

for (const [i, helm] of HELMS.entries()) {
  test(`the config blob and manifest equal what helm push stores (${helm.label}, every corpus chart)`, async () => {
    const { env } = await helmHome();
    for (const chart of corpus) {
      const out = path.join(work, `pkg-${i}`, chart.id);
      await mkdir(out, { recursive: true });
      await run(helm.bin(), ['package', chart.dir, '-d', out], { env });
      const [file] = (await readdir(out)).filter((f) => f.endsWith('.tgz'));
      await run(helm.bin(), ['push', path.join(out, file), `oci://${registry.host}/helm${i}`, '--plain-http'], { env });

      const built = bindRef(await packageSource(chart.dir, { env: { SOURCE_DATE_EPOCH: '0' } }), `oci://${registry.host}/helm${i}`);
      const { body } = await fetchManifest(registry, built.ref.repository, built.ref.tag);
      const theirs = JSON.parse(body.toString());
      const config = await fetchBlob(registry, built.ref.repository, theirs.config.digest);
      assert.equal(built.artifact.config.toString(), config.toString(), `${chart.id}: config blob`);
      assert.equal(built.artifact.configDescriptor.digest, theirs.config.digest, `${chart.id}: config digest`);

      const ours = JSON.parse(built.artifact.manifest.toString());
      assert.deepEqual(Object.keys(ours), Object.keys(theirs), `${chart.id}: manifest fields`);
      assert.deepEqual(ours.config, theirs.config);
      assert.deepEqual(
        ours.layers.map((l: { mediaType: string }) => l.mediaType),
        theirs.layers.map((l: { mediaType: string }) => l.mediaType),
      );
      const strip = (a: Record<string, string>) =>
        Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'org.opencontainers.image.created'));
      assert.deepEqual(strip(ours.annotations), strip(theirs.annotations), `${chart.id}: annotations`);
      assert.match(theirs.annotations['org.opencontainers.image.created'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(ours.annotations['org.opencontainers.image.created'], '1970-01-01T00:00:00Z');
    }
  });
}
