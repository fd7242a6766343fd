import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, cli } from '../helpers/cli.js';
import { exec } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

// The CLI's output piped into another program arrives whole: the process ends only once standard
// output has been written out (it was cut off at about 64 KiB, the pipe's buffer, by an exit that did not wait).

test('chart list of 3,000 charts piped through tail: the last line arrives', async () => {
  const { env } = await helmHome();
  const cache = path.join(await tempDir('chartlift-output-'), 'cache');
  const saved = await cli(['chart', 'save', path.join(ROOT, 'examples', 'hello'), 'example.com/charts/hello:0.1.0', '--cache', cache], {
    env,
  });
  assert.equal(saved.code, 0, saved.stderr);
  const index = JSON.parse(await readFile(path.join(cache, 'index.json'), 'utf8'));
  const [entry] = index.manifests;
  index.manifests = Array.from({ length: 3000 }, (_, i) => ({
    ...entry,
    annotations: { 'org.opencontainers.image.ref.name': `example.com/charts/c${String(i).padStart(4, '0')}/hello:0.1.0` },
  }));
  await writeFile(path.join(cache, 'index.json'), JSON.stringify(index));
  const r = await exec('bash', ['-c', `"${process.execPath}" "${CLI}" chart list --cache "${cache}" | tail -n 1`], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^example\.com\/charts\/c2999\/hello:0\.1\.0\s/);
});
