import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Lenient versions name their tag as written: `v1.0.0`, `1.0`, `01.0.0` and `1.0.0` are one version
// to Helm's and Artifact Hub's SemVer, four tags to a registry. if-exists (fail, skip, overwrite) and
// "unchanged" look at the one tag only, as helm push does, so a second chart with the same version
// under another spelling is published beside the first. Chartlift refuses only what Helm refuses; the
// spelling that is not SemVer 2 is warned about when it is published.

let registry: Registry;
let work: string;
before(async () => {
  work = await tempDir('chartlift-a24-lenient-');
  registry = await startRegistry();
});
after(() => registry?.stop());

async function chart(version: string, data: string): Promise<string> {
  const dir = path.join(work, version, 'app');
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: app\nversion: "${version}"\n`);
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${data}\n`);
  return dir;
}

const tags = async (repo: string): Promise<string[]> =>
  ((await (await fetch(`${registry.url}/v2/${repo}/tags/list`)).json()) as { tags: string[] }).tags;

test('a chart 1.0.0 beside another chart v1.0.0: two tags, as helm push makes them, and the v1.0.0 publish warned that it is not SemVer 2', async () => {
  const home = await tempDir('chartlift-a24-lenient-home-');
  const publish = (dir: string) =>
    runAction(
      { chart: dir, ref: `oci://${registry.host}/dup`, 'plain-http': 'true', cache: path.join(home, 'cache'), 'if-exists': 'fail' },
      { env: { HOME: home, GITHUB_WORKSPACE: work } },
    );
  const first = await publish(await chart('v1.0.0', 'one'));
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /::warning::.*the chart version "v1\.0\.0" is not SemVer 2/);
  const second = await publish(await chart('1.0.0', 'two'));
  assert.equal(second.code, 0, second.stdout + second.stderr);
  assert.deepEqual((await tags('dup/app')).sort(), ['1.0.0', 'v1.0.0']);
  // Helm does the same: its tag is the version as written, and it looks at no other tag.
  const { env } = await helmHome();
  for (const [version, data] of [
    ['v1.0.0', 'helm-one'],
    ['1.0.0', 'helm-two'],
  ]) {
    const out = path.join(work, `helm-${data}`);
    await run(tool('helm4'), ['package', await chart(version, data), '-d', out], { env });
    await run(tool('helm4'), ['push', path.join(out, `app-${version}.tgz`), `oci://${registry.host}/helm-dup`, '--plain-http'], { env });
  }
  assert.deepEqual((await tags('helm-dup/app')).sort(), ['1.0.0', 'v1.0.0']);
});
