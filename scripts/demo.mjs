// The quick start's main job: starts a local registry (Debian's docker-registry on a free loopback
// port), runs the bundled action (dist/index.js) as a runner would to publish examples/hello, then
// publishes again to show that an unchanged chart uploads nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'chartlift-demo-'));

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
writeFileSync(
  path.join(work, 'registry.yml'),
  `version: 0.1\nlog: {level: error}\nstorage: {filesystem: {rootdirectory: ${work}/registry}}\nhttp: {addr: 127.0.0.1:${port}, secret: demo}\n`,
);
const registry = spawn('docker-registry', ['serve', path.join(work, 'registry.yml')], { stdio: 'ignore' });
for (let i = 0; ; i++) {
  try {
    await fetch(`http://127.0.0.1:${port}/v2/`);
    break;
  } catch (err) {
    if (i > 100) throw new Error(`the local registry did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
console.log(`local registry: http://127.0.0.1:${port}\n`);

function publish() {
  const outputFile = path.join(work, 'outputs');
  writeFileSync(outputFile, '');
  writeFileSync(path.join(work, 'state'), '');
  const inputs = {
    chart: path.join(root, 'examples', 'hello'),
    ref: `oci://127.0.0.1:${port}/examples`,
    'plain-http': 'true',
    cache: path.join(work, 'cache'),
  };
  const env = { ...process.env, HOME: work, GITHUB_OUTPUT: outputFile, GITHUB_STATE: path.join(work, 'state') };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  console.log(`$ chartlift (action) chart=examples/hello ref=${inputs.ref} plain-http=true`);
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], { env, stdio: 'inherit' });
  const outputs = readFileSync(outputFile, 'utf8')
    .replace(/^ghadelimiter_.*\n/gm, '')
    .replace(/<<ghadelimiter_.*\n/g, '=');
  console.log(`\noutputs:\n${outputs}`);
  return r.status ?? 1;
}

let status = 1;
try {
  status = publish() || publish();
} finally {
  registry.kill();
  rmSync(work, { recursive: true, force: true });
}
process.exit(status);
