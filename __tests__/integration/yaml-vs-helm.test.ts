import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec, run } from '../helpers/exec.js';
import { HELMS } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

// How a plain YAML scalar lands in a string field of Chart.yaml, asked of Helm itself: each one is a
// keyword (and one the appVersion) of a chart that both Helm and Chartlift package; `helm show chart`
// of the two archives must read the same. The expectations are Helm's answers, not ours.
const SCALARS = [
  '.',
  '-.',
  '+.',
  '.5',
  '1.',
  '-1.5',
  '1e6',
  '1E6',
  '1.5e10',
  '1e-7',
  '.e5',
  '1_000',
  '1_0.5',
  '0777',
  '08',
  '0o17',
  '0x1F',
  '0b101',
  '+1',
  '-0',
  '0.0',
  '123456789012',
  '1.10',
  '3.0',
  '12:30',
  '1:20:30',
  '2024-01-02',
  '2024-01-02T10:00:00Z',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'true',
  'True',
  'TRUE',
  'false',
  '~',
  'null',
  'Null',
  '""',
  "''",
  'a b',
  'é',
];

for (const helm of HELMS) {
  test(`YAML scalars in Chart.yaml read as ${helm.label} reads them (${SCALARS.length} cases)`, async () => {
    const root = await tempDir('chartlift-yaml-');
    const src = await tree(path.join(root, 'scalars'), {
      'Chart.yaml': `apiVersion: v2\nname: scalars\nversion: 0.1.0\nappVersion: 1e6\nkeywords:\n${SCALARS.map((s) => `  - ${s}\n`).join('')}`,
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  app: {{ .Chart.AppVersion | quote }}\n  kw: {{ toJson .Chart.Keywords | quote }}\n',
    });
    await run(helm.bin(), ['package', src, '-d', path.join(root, 'helm')]);
    const helmTgz = path.join(root, 'helm', (await readdir(path.join(root, 'helm')))[0]);
    const cache = path.join(root, 'cache');
    const r = await runAction({ chart: src, ref: 'oci://localhost:5000/yaml', push: 'false', cache });
    assert.equal(r.code, 0, r.stdout);
    const ours = path.join(root, 'ours.tgz');
    await writeFile(ours, await readFile(path.join(cache, 'blobs', 'sha256', r.outputs['chart-digest'].slice(7))));
    for (const args of [
      ['show', 'chart'],
      ['template', 'r'],
    ]) {
      const [a, b] = [await exec(helm.bin(), [...args, ours]), await exec(helm.bin(), [...args, helmTgz])];
      assert.equal(a.code, 0, a.stderr);
      assert.equal(a.stdout, b.stdout, `helm ${args.join(' ')}`);
    }
  });
}
