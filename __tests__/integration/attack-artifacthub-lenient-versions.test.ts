import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Lenient versions name their tag as written: `v1.0.0`, `1.0`, `01.0.0` and `1.0.0` are one version
// to Helm's and Artifact Hub's SemVer, four tags to a registry. if-exists (fail, skip, overwrite) and
// "unchanged" look at the one tag only, so a second chart with the same version under another
// spelling is published beside the first: two different charts for one version, which of the two
// `helm pull --version ~1.0` or Artifact Hub then takes depends on tag order.

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

test(
  'a chart 1.0.0 pushed with if-exists: fail where another chart v1.0.0 stands is refused, naming the tag that holds the version',
  {
    todo: 'if-exists looks at one tag: finding another spelling of the version needs a tag list per push (one more request); only for a version whose canonical form differs from its tag, or on every push, is a decision for the push step (src/release/push.ts)',
  },
  async () => {
    const home = await tempDir('chartlift-a24-lenient-home-');
    const publish = (dir: string) =>
      runAction(
        { chart: dir, ref: `oci://${registry.host}/dup`, 'plain-http': 'true', cache: path.join(home, 'cache'), 'if-exists': 'fail' },
        { env: { HOME: home, GITHUB_WORKSPACE: work } },
      );
    const first = await publish(await chart('v1.0.0', 'one'));
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const second = await publish(await chart('1.0.0', 'two'));
    assert.deepEqual((await tags('dup/app')).sort(), ['v1.0.0'], 'one chart for version 1.0.0');
    assert.equal(second.code, 1, second.stdout + second.stderr);
    assert.match(second.stdout + second.stderr, /v1\.0\.0/);
  },
);
