import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { writeTar } from '../../src/chart/tar-writer.js';
import { runAction } from '../helpers/action.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Chart API v3 as Helm 4.1.4 treats it (measured, HELM_EXPERIMENTAL_CHART_V3 set or not): `helm package`
// and `helm template` refuse it ("invalid chart apiVersion"); `helm push` and `helm show` read an archive
// with the v2 loader and take it. Chartlift packages no v3 chart and pushes a v3 .tgz as it is.
let registry: Registry;
let work: string;
let env: NodeJS.ProcessEnv;
before(async () => {
  work = await tempDir('chartlift-v3-');
  registry = await startRegistry();
  ({ env } = await helmHome());
});
after(() => registry?.stop());

const CHART = 'apiVersion: v3\nname: three\nversion: 0.1.0\n';

async function v3Archive(): Promise<string> {
  const file = path.join(work, 'three-0.1.0.tgz');
  const tar = writeTar(
    [
      { name: 'three/Chart.yaml', data: Buffer.from(CHART) },
      { name: 'three/values.yaml', data: Buffer.from('a: 1\n') },
    ],
    1_700_000_000,
  );
  await writeFile(file, gzipSync(tar));
  return file;
}

test('a v3 .tgz is pushed as it is, as helm push (4.1.4) pushes it; helm pulls and shows it', async () => {
  const tgz = await v3Archive();
  for (const extra of [{}, { HELM_EXPERIMENTAL_CHART_V3: '1' }]) {
    const helms = await exec(tool('helm4'), ['push', tgz, `oci://${registry.host}/helm`, '--plain-http'], { env: { ...env, ...extra } });
    assert.equal(helms.code, 0, helms.stderr);
  }
  const r = await runAction(
    { chart: tgz, ref: `oci://${registry.host}/helm`, 'plain-http': 'true', cache: path.join(work, 'cache') },
    { env: { ...env, SOURCE_DATE_EPOCH: '' } },
  );
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.status, 'unchanged', 'the same archive helm pushed');
  const shown = await run(tool('helm4'), ['show', 'chart', `oci://${registry.host}/helm/three`, '--version', '0.1.0', '--plain-http'], {
    env,
  });
  assert.match(shown, /^apiVersion: v3$/m);
});

test('a v3 folder, or a v3 .tgz to be repackaged with another version, is refused as helm package refuses it', async () => {
  const dir = path.join(work, 'three');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), CHART);
  for (const extra of [{}, { HELM_EXPERIMENTAL_CHART_V3: '1' }]) {
    const helm = await exec(tool('helm4'), ['package', dir, '-d', path.join(work, 'out')], { env: { ...env, ...extra } });
    assert.notEqual(helm.code, 0);
    assert.match(helm.stderr, /invalid chart apiVersion/);
  }
  for (const inputs of [{ chart: dir }, { chart: await v3Archive(), version: '0.2.0' }] as Array<Record<string, string>>) {
    const r = await runAction(
      { ...inputs, ref: `oci://${registry.host}/ours`, 'plain-http': 'true', cache: path.join(work, 'cache') },
      { env: { ...env, SOURCE_DATE_EPOCH: '' } },
    );
    assert.notEqual(r.code, 0);
    assert.equal(r.errors.length, 1, r.stdout);
    assert.match(
      r.errors[0],
      /Chart\.yaml: apiVersion "v3": Helm 4\.1\.4 loads chart API v3 but does not package it \("invalid chart apiVersion"\)/,
    );
  }
});
