// The quick start's main job: runs the bundled action (dist/index.js) on examples/hello, as a runner
// would, and prints its log and outputs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'chartlift-demo-'));
const outputFile = path.join(work, 'outputs');
writeFileSync(outputFile, '');
writeFileSync(path.join(work, 'state'), '');

const inputs = {
  chart: path.join(root, 'examples', 'hello'),
  ref: 'oci://localhost:5000/examples',
  push: 'false',
  cache: path.join(work, 'cache'),
};
const env = { ...process.env, GITHUB_OUTPUT: outputFile, GITHUB_STATE: path.join(work, 'state') };
for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;

console.log(`$ chartlift (action) chart=examples/hello ref=${inputs.ref} push=false`);
const r = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], { env, stdio: 'inherit' });
console.log('\noutputs:');
console.log(
  readFileSync(outputFile, 'utf8')
    .replace(/^ghadelimiter_.*\n/gm, '')
    .replace(/<<ghadelimiter_.*\n/g, '='),
);
rmSync(work, { recursive: true, force: true });
process.exit(r.status ?? 1);
