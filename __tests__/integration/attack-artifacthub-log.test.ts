import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Outside text that reaches the action's log by way of Artifact Hub's checks: annotation values
// quoted in a warning (artifacthub-lint: warn) and in an error, a repository file's path and content.
// No line of the log may start a workflow command but the action's own.

let work: string;
let registry: Registry;
let n = 0;

before(async () => {
  work = await tempDir('chartlift-a24-log-');
  registry = await startRegistry();
});
after(async () => {
  await registry?.stop();
});

async function chartDir(annotations: string): Promise<string> {
  const dir = path.join(work, `app-${++n}`);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: app\nversion: 1.0.${n}\nannotations:\n${annotations}`);
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  return dir;
}

async function publish(chart: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  const home = await tempDir('chartlift-a24-log-home-');
  return runAction(
    { chart, ref: `oci://${registry.host}/charts`, 'plain-http': 'true', cache: path.join(home, 'cache'), ...extra },
    { env: { HOME: home, GITHUB_WORKSPACE: work } },
  );
}

/** Lines a runner would take as a workflow command the action did not mean. */
const injected = (r: ActionRun) =>
  (r.stdout + r.stderr)
    .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
    .filter((l) => /^::(error|warning|notice|add-mask|stop-commands|set-output)\b[^:]*::pwned/.test(l.trimStart()));

// Each value holds a break a YAML double-quoted string can carry: \n, \r, NEL, LS, PS.
const VALUES = ['x\\n::error::pwned', 'x\\r::warning::pwned', 'x\\N::error::pwned', 'x\\L::error::pwned', 'x\\P::notice::pwned'];

for (const lint of ['warn', 'error'] as const) {
  test(`annotation values holding line breaks then workflow commands (artifacthub-lint: ${lint}) start no command in the log`, async () => {
    const annotations = VALUES.map((v, i) =>
      i === 0
        ? `  artifacthub.io/category: "${v}"\n`
        : `  artifacthub.io/${['operatorCapabilities', 'prerelease', 'operator', 'containsSecurityUpdates'][i - 1]}: "${v}"\n`,
    ).join('');
    const r = await publish(await chartDir(annotations), { 'artifacthub-lint': lint, push: 'false' });
    assert.equal(r.code, lint === 'warn' ? 0 : 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /Artifact Hub cannot read/);
    assert.deepEqual(injected(r), []);
  });
}

test('an artifacthub-repo path holding a line break then a workflow command starts no command in the log', async () => {
  const chart = await chartDir('  artifacthub.io/license: MIT\n');
  const dir = path.join(work, 'meta\n::error::pwned');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'artifacthub-repo.yml'), 'repositoryID: "x\\n::error::pwned"\n');
  const r = await publish(chart, { 'artifacthub-repo': path.join(dir, 'artifacthub-repo.yml') });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /not a UUID/);
  assert.deepEqual(injected(r), []);
});
