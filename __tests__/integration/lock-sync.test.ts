import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

// Chart.lock records a digest of Chart.yaml's dependencies (resolver.HashReq): a lock that no longer
// matches is refused by `helm dependency build`, and so by Chartlift, which resolves what it lacks.
for (const helm of HELMS) {
  test(`a Chart.lock helm dependency update wrote is in sync; one Chart.yaml has moved past is refused (${helm.label})`, async () => {
    const root = await tempDir('chartlift-lock-');
    const { env } = await helmHome();
    await tree(path.join(root, 'lib'), { 'Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.2.0\ntype: library\n' });
    const app = await tree(path.join(root, 'app'), {
      'Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: lib\n    version: ~1.2.0\n    repository: file://../lib\n    condition: lib.enabled\n    tags: [base]\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n',
    });
    await run(helm.bin(), ['dependency', 'update', app], { env });
    await rm(path.join(app, 'charts'), { recursive: true });

    const inSync = await runAction({ chart: app, ref: 'oci://localhost:5000/lock', push: 'false', cache: path.join(root, 'c1') }, { env });
    assert.equal(inSync.code, 0, inSync.stdout);
    assert.match(inSync.stdout, /dependency lib 1\.2\.0 vendored from file:\/\/\.\.\/lib/);

    await writeFile(
      path.join(app, 'Chart.yaml'),
      'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: lib\n    version: ~1.3.0\n    repository: file://../lib\n    condition: lib.enabled\n    tags: [base]\n',
    );
    const helmSays = await exec(helm.bin(), ['dependency', 'build', app], { env });
    assert.notEqual(helmSays.code, 0);
    assert.match(helmSays.stderr, /out of sync/);
    const stale = await runAction({ chart: app, ref: 'oci://localhost:5000/lock', push: 'false', cache: path.join(root, 'c2') }, { env });
    assert.equal(stale.code, 1, stale.stdout);
    assert.match(
      stale.errors.join('\n'),
      /app: Chart\.lock is out of sync with the dependencies in Chart\.yaml\. Run helm dependency update/,
    );
  });
}
