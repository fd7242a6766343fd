import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli } from '../helpers/cli.js';
import { parseDotenv } from '../helpers/gitlab-job.js';
import { helmHome } from '../helpers/helm-env.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// The dotenv report a later GitLab job reads. GitLab stores a dotenv report's variables with
// expansion on (Ci::JobVariable, raw: false; /work/notes/gitlab.md §6; firecow/gitlab-ci-local#563
// "artifact.reports.dotenv is expanded with environment variables (remote works this way)"): a `$NAME`
// in a value becomes the later job's NAME, and only `$$` is a literal `$`. The CHARTS value carries
// text from the chart (its release notes, from artifacthub.io/changes): a contributor's change line
// reading "$KUBECONFIG" becomes, in every later job, that job's secret inside CHARTS (release-notes
// escapes it for Markdown as `\$KUBECONFIG`, which GitLab still expands; `$DEPLOY_TOKEN` becomes
// `\$DEPLOY\_TOKEN`, in which GitLab expands `$DEPLOY`).

let registry: Registry;
let work: string;

before(async () => {
  work = await tempDir('chartlift-attack4-dotenv-');
  registry = await startRegistry();
});
after(() => registry?.stop());

/** What GitLab would expand in a value: `$NAME` or `${NAME}` not written as `$$`. */
const references = (value: string): string[] => value.replace(/\$\$/g, '').match(/\$\{?[A-Za-z_][A-Za-z0-9_]*/g) ?? [];

test('a change line naming a CI variable: the dotenv report holds no reference GitLab would expand', async () => {
  const dir = path.join(work, 'web');
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(
    path.join(dir, 'Chart.yaml'),
    [
      'apiVersion: v2',
      'name: web',
      'version: 1.0.0',
      'annotations:',
      '  artifacthub.io/changes: |',
      '    - Rotated the key read from $KUBECONFIG and $DEPLOY_TOKEN',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n');
  const { env } = await helmHome();
  const report = path.join(work, 'publish.env');
  const r = await cli(['publish', dir, '--ref', `oci://${registry.host}/dot`, '--plain-http', '--dotenv', report], { env });
  assert.equal(r.code, 0, r.stderr);
  const vars = parseDotenv(await readFile(report, 'utf8'));
  assert.match(vars.CHARTS, /KUBECONFIG/, 'the release notes are in CHARTS');
  const expanded = Object.entries(vars).flatMap(([name, value]) => references(value).map((ref) => `${name}: ${ref}`));
  assert.deepEqual(expanded, [], 'variable references a later job would see replaced by its own variables');
});
