import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { helmHome } from '../helpers/helm-env.js';
import { startHostileRegistry } from '../helpers/hostile-registry.js';
import { tempDir } from '../helpers/temp.js';

// A registry chooses its own Bearer token, and the step hands every token of six characters or more
// to the runner's masker. A registry (a chart's dependency's registry will do) that answers with the
// token `sha256` makes the runner blank `sha256` in the whole job's log, and drop every job output
// that holds it ("Skip output 'charts' since it may contain secret"): `charts`, `digest`, `digest-ref`.
let chart: string;
before(async () => {
  chart = path.join(await tempDir('chartlift-attack-masks-'), 'm');
  await mkdir(chart);
  await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: m\nversion: 1.0.0\n');
});

for (const token of ['sha256', 'pushed']) {
  test(`a registry's token "${token}" (a word every result holds) is not handed to the runner's masker`, async () => {
    const reg = await startHostileRegistry();
    reg.override = (req, res) => {
      if (req.url.startsWith('/token')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, expires_in: 300 }));
        return true;
      }
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${reg.url}/token",service="x"` }).end();
        return true;
      }
      return false;
    };
    try {
      const r = await runAction({ chart, ref: `oci://${reg.host}/masks`, 'plain-http': 'true' }, { env: (await helmHome()).env });
      assert.equal(r.code, 0, r.stdout);
      assert.ok(r.outputs.charts.includes(token), 'the charts output holds the word');
      assert.ok(
        !r.stdout.split('\n').includes(`::add-mask::${token}`),
        `the runner would blank "${token}" and drop the outputs holding it`,
      );
    } finally {
      await reg.stop();
    }
  });
}
