import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS, tool } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Versions Helm reads with Masterminds semver's NewVersion but which are not SemVer 2. Measured with
// helm 3.17.3 and 4.1.4 (both alike): `helm package` names the archive <name>-<version as written>.tgz,
// `helm push` tags it as written ('+' as '_'), and `helm pull --version <as written>` finds it.
// Chartlift publishes them the same way and warns once per chart.
let registry: Registry;
let work: string;
let env: NodeJS.ProcessEnv;
before(async () => {
  work = await tempDir('chartlift-lenient-');
  registry = await startRegistry();
  ({ env } = await helmHome());
});
after(() => registry?.stop());

async function chart(name: string, version: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = path.join(work, `${name}-${version}`.replace(/\W+/g, '-'), name);
  const files: Record<string, string> = {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: "${version}"\n`,
    'templates/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  v: {{ .Chart.Version | quote }}\n',
    ...extra,
  };
  for (const [f, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), body);
  }
  return dir;
}

const tags = async (repo: string): Promise<string[]> =>
  ((await (await fetch(`${registry.url}/v2/${repo}/tags/list`)).json()) as { tags: string[] }).tags;

describe('a chart whose version Helm reads but is not SemVer 2', () => {
  for (const [version, tag] of [
    ['v0.1.0', 'v0.1.0'],
    ['1.2', '1.2'],
    ['01.2.3', '01.2.3'],
    ['v1.2.3+build.7', 'v1.2.3_build.7'],
  ]) {
    test(`${version}: published under tag ${tag} with one warning; helm pull --version ${version} finds it (both Helms)`, async () => {
      const src = await chart('loose', version);
      const r = await runAction(
        { chart: src, ref: `oci://${registry.host}/act`, 'plain-http': 'true', cache: path.join(work, 'cache') },
        { env: { ...env, SOURCE_DATE_EPOCH: '' } },
      );
      assert.equal(r.code, 0, r.stdout);
      const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
      assert.equal(warnings.length, 1, r.stdout);
      assert.match(
        warnings[0],
        new RegExp(
          `the chart version "${version.replace(/[.+]/g, '\\$&')}" is not SemVer 2.*tag ${tag.replace(/[.+]/g, '\\$&')}.*Artifact Hub, Renovate`,
        ),
      );
      assert.equal(r.outputs.ref, `${registry.host}/act/loose:${tag}`);
      assert.ok((await tags('act/loose')).includes(tag));
      for (const helm of HELMS) {
        const out = path.join(work, `pull-${helm.label}-${tag}`.replace(/\W+/g, '-'));
        await mkdir(out, { recursive: true });
        await run(helm.bin(), ['pull', `oci://${registry.host}/act/loose`, '--version', version, '--plain-http', '-d', out], { env });
        assert.deepEqual(await readdir(out), [`loose-${version}.tgz`], helm.label);
        const shown = await run(helm.bin(), ['show', 'chart', path.join(out, `loose-${version}.tgz`)], { env });
        assert.match(shown, new RegExp(`^version: "?${version.replace(/[.+]/g, '\\$&')}"?$`, 'm'));
      }
    });
  }

  test('what helm package && helm push published from the same files is found unchanged (the same tag)', async () => {
    const src = await chart('fromhelm', 'v2.0.0');
    const out = path.join(work, 'fromhelm-pkg');
    await run(tool('helm4'), ['package', src, '-d', out], { env });
    assert.deepEqual(await readdir(out), ['fromhelm-v2.0.0.tgz']);
    await run(tool('helm4'), ['push', path.join(out, 'fromhelm-v2.0.0.tgz'), `oci://${registry.host}/helm`, '--plain-http'], { env });
    const helms = await fetchManifest(registry, 'helm/fromhelm', 'v2.0.0');
    assert.equal(helms.status, 200);
    const r = await runAction(
      { chart: src, ref: `oci://${registry.host}/helm`, 'plain-http': 'true', cache: path.join(work, 'cache') },
      { env: { ...env, SOURCE_DATE_EPOCH: '' } },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'unchanged', r.stdout);
    assert.equal(r.outputs.digest, helms.digest);
  });

  test('the version input: a leading v is dropped as documented, and a shortened version is taken (with the warning)', async () => {
    const src = await chart('override', '0.1.0');
    const r = await runAction(
      { chart: src, ref: `oci://${registry.host}/act`, 'plain-http': 'true', cache: path.join(work, 'cache'), version: 'v3.1' },
      { env: { ...env, SOURCE_DATE_EPOCH: '' } },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.ref, `${registry.host}/act/override:3.1`);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('::warning')).length, 1, r.stdout);
    const bad = await runAction(
      { chart: src, ref: `oci://${registry.host}/act`, 'plain-http': 'true', cache: path.join(work, 'cache'), version: '1.2.3-01' },
      { env: { ...env, SOURCE_DATE_EPOCH: '' } },
    );
    assert.notEqual(bad.code, 0);
    assert.match(bad.errors.join('\n'), /the version "1\.2\.3-01" given to publish is not a version Helm reads/);
  });

  test('a SemVer 2 version warns of nothing', async () => {
    const r = await runAction(
      { chart: await chart('strict', '1.0.0'), ref: `oci://${registry.host}/act`, 'plain-http': 'true', cache: path.join(work, 'cache') },
      { env: { ...env, SOURCE_DATE_EPOCH: '' } },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(
      r.stdout.split('\n').filter((l) => l.startsWith('::warning')),
      [],
    );
  });

  test('the CLI: one warning: line on stderr, saved and pushed under the tag as written', async () => {
    const src = await chart('clichart', 'v0.3.0');
    const cache = path.join(work, 'cli-cache');
    const ref = `${registry.host}/cli/clichart:v0.3.0`;
    const save = await cli(['--cache', cache, 'chart', 'save', src, ref], { env });
    assert.equal(save.code, 0, save.stderr);
    const warnings = save.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    assert.equal(warnings.length, 1, save.stderr);
    assert.match(warnings[0], /chart version "v0\.3\.0" is not SemVer 2; Helm takes it \(tag v0\.3\.0\)/);
    const push = await cli(['--cache', cache, 'chart', 'push', '--plain-http', ref], { env });
    assert.equal(push.code, 0, push.stderr);
    assert.ok((await tags('cli/clichart')).includes('v0.3.0'));
  });

  test('a dependency published as 1.2 is resolved from its registry by a parent asking for 1.2', async () => {
    const dep = await chart('shortdep', '1.2');
    const pub = await runAction(
      { chart: dep, ref: `oci://${registry.host}/deps`, 'plain-http': 'true', cache: path.join(work, 'cache') },
      { env: { ...env, SOURCE_DATE_EPOCH: '' } },
    );
    assert.equal(pub.code, 0, pub.stdout);
    const parent = await chart('parent', '1.0.0', {
      'Chart.yaml': `apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n  - name: shortdep\n    version: "1.2"\n    repository: oci://${registry.host}/deps\n`,
    });
    const r = await runAction(
      { chart: parent, ref: `oci://${registry.host}/act`, 'plain-http': 'true', cache: path.join(work, 'cache') },
      { env: { ...env, SOURCE_DATE_EPOCH: '' } },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /dependency shortdep 1\.2 vendored/);
    const out = path.join(work, 'parent-pull');
    await mkdir(out, { recursive: true });
    await run(tool('helm4'), ['pull', `oci://${registry.host}/act/parent`, '--version', '1.0.0', '--plain-http', '-d', out, '--untar'], {
      env,
    });
    assert.deepEqual(await readdir(path.join(out, 'parent', 'charts')), ['shortdep']);
  });
});
