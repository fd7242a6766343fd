import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// A team switching a publish-all workflow from `helm package && helm push` to Chartlift: every version
// Helm published from the same files is the same chart, whatever Helm's timestamps and annotations.
let registry: Registry;
let work: string;
before(async () => {
  work = await tempDir('chartlift-from-helm-');
  registry = await startRegistry();
});
after(() => registry?.stop());

describe('versions helm pushed before', () => {
  for (const helm of HELMS) {
    test(`a chart ${helm.label} packaged and pushed is unchanged, and digest is Helm's (${helm.label})`, async () => {
      const { env } = await helmHome();
      const id = helm.label.replace(/\W+/g, '-').toLowerCase();
      const src = path.join(work, id);
      await run(helm.bin(), ['create', 'web'], { cwd: path.dirname(src), env });
      await run('mv', [path.join(path.dirname(src), 'web'), src]);
      const out = path.join(work, `${id}-pkg`);
      await run(helm.bin(), ['package', src, '-d', out], { env });
      const [tgz] = await readdir(out);
      await run(helm.bin(), ['push', path.join(out, tgz), `oci://${registry.host}/${id}`, '--plain-http'], { env });
      const helms = await fetchManifest(registry, `${id}/web`, '0.1.0');
      assert.equal(helms.status, 200);

      const mark = registry.mark();
      const r = await runAction(
        { chart: src, ref: `oci://${registry.host}/${id}`, 'plain-http': 'true', cache: path.join(work, `${id}-cache`) },
        { env: { ...env, SOURCE_DATE_EPOCH: '', GITHUB_SHA: 'f'.repeat(40) } },
      );
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.outputs.status, 'unchanged', r.stdout);
      assert.equal(r.outputs.digest, helms.digest);
      assert.equal(r.outputs['digest-ref'], `${registry.host}/${id}/web@${helms.digest}`);
      assert.equal(r.outputs.repository, `${registry.host}/${id}/web`);
      const manifest = JSON.parse(helms.body.toString());
      const chartLayer = manifest.layers.find((l: { mediaType: string }) => l.mediaType.endsWith('tar+gzip'));
      assert.equal(r.outputs['chart-digest'], chartLayer.digest, "chart-digest is Helm's archive");
      // The log names what stands (Helm's manifest) and whose it is; this build's own chart differs in bytes.
      assert.equal(r.stdout.match(/digest:\s+(\S+)/)?.[1], helms.digest);
      assert.match(r.stdout, /unchanged \(the registry already holds the same chart: sha256:[0-9a-f]{64}, pushed by another tool\)/);
      assert.notEqual(r.stdout.match(/this build is \d+ bytes, chart (\S+)/)?.[1], chartLayer.digest, 'our own build differs in bytes');
      const writes = registry.requests(mark).filter((l) => !/^(GET|HEAD) /.test(l));
      assert.deepEqual(writes, []);
      // The cache holds what the registry holds, so `helm chart export`-style reads see Helm's archive.
      const cached = JSON.parse(await run('skopeo', ['inspect', '--raw', `oci:${path.join(work, `${id}-cache`)}:${r.outputs.ref}`]));
      assert.deepEqual(cached, manifest);
    });
  }
});
