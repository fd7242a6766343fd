import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { bindRef, packageSource } from '../../src/release/build.js';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { startFaultyFront, seeded, type Fault, type FaultyFront } from '../helpers/faulty-front.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Issue #34: a request a load balancer swallows (read, never answered, the connection left open)
// cost the whole `timeout` (60 s) before its retry. The answer's headers now have seconds once the
// request is sent; the body keeps `timeout`; a registry that is slow but alive still succeeds.
// These runs use the default `timeout` and `retries`, as a user's workflow does.

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
let work: string;
let registry: Registry;
const fronts: FaultyFront[] = [];

before(async () => {
  work = await tempDir('chartlift-swallowed-');
  registry = await startRegistry();
});
after(async () => {
  await Promise.all(fronts.map((f) => f.stop()));
  await registry?.stop();
});

async function smallChart(name: string): Promise<string> {
  const root = path.join(work, name);
  await mkdir(path.join(root, 'templates'), { recursive: true });
  await writeFile(path.join(root, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  await writeFile(path.join(root, 'values.yaml'), `name: ${name}\n`);
  await writeFile(path.join(root, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n');
  return root;
}

async function expectedDigest(chart: string, ref: string): Promise<string> {
  return bindRef(await packageSource(chart, { env: EPOCH }), ref).artifact.manifestDescriptor.digest;
}

function publish(chart: string, ref: string, name: string) {
  return runAction({ chart, ref, 'plain-http': 'true', cache: path.join(work, `cache-${name}`) }, { env: EPOCH });
}

test('publishes through a front failing 40% of requests (503, 502, 429, swallowed) all succeed, with the digests of a clean run', async () => {
  const random = seeded(20261207);
  const kinds: Fault[] = ['503', '502', '429', 'swallow'];
  // The first request is swallowed whatever the draw, so that every run meets one.
  const front = await startFaultyFront(registry.url, {
    decide: ({ n }) => (n === 0 ? 'swallow' : random() < 0.4 ? kinds[Math.floor(random() * kinds.length)] : undefined),
  });
  fronts.push(front);
  const logs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const name = `faulty-${i}`;
    const chart = await smallChart(name);
    const ref = `oci://${front.host}/forty`;
    const r = await publish(chart, ref, name);
    assert.equal(r.code, 0, `publish ${i} failed:\n${r.stdout}`);
    assert.equal(r.outputs.status, 'pushed');
    assert.equal(r.outputs.digest, await expectedDigest(chart, ref));
    assert.equal((await fetchManifest(registry, `forty/${name}`, '1.0.0')).digest, r.outputs.digest);
    logs.push(r.stdout);
  }
  for (const kind of kinds) assert.ok(front.faults[kind] > 0, `no ${kind} fault was injected`);
  assert.match(logs.join('\n'), /retrying (GET|HEAD|POST|PUT) \S+ (in \d+\.\ds|at once) \(.*did not answer in time/);
  // A failed answer's backoff is drawn from nothing to all of it (full jitter): under 50 ms it is said "at once".
  assert.match(logs.join('\n'), /retrying (GET|HEAD|POST|PUT) \S+ (in \d+\.\ds|at once) \(HTTP 50[23]/);
});

test('a manifest PUT the front swallows is sent again, and the publish succeeds (no 60 s wait)', { timeout: 45_000 }, async () => {
  let swallowed = 0;
  const front = await startFaultyFront(registry.url, {
    decide: ({ method, url }) => (method === 'PUT' && url.includes('/manifests/') && swallowed++ === 0 ? 'swallow' : undefined),
  });
  fronts.push(front);
  const chart = await smallChart('swallowed-put');
  const ref = `oci://${front.host}/swallowed`;
  const r = await publish(chart, ref, 'swallowed-put');
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.digest, await expectedDigest(chart, ref));
  const puts = front.requests.filter((q) => q.method === 'PUT' && q.url.includes('/manifests/'));
  assert.equal(puts.length, 2, 'the swallowed PUT, then its retry');
  assert.equal(puts[0].fault, 'swallow');
  assert.match(
    r.stdout,
    /retrying PUT \/v2\/swallowed\/swallowed-put\/manifests\/1\.0\.0 (in \d+\.\ds|at once) \(.*did not answer in time; attempt 2 of 9\)/,
  );
});

test('a slow but live registry succeeds: the blob PUT and the manifest PUT answered 7 s after a 10 MB body; a pull whose bodies trickle for 7 s', async () => {
  const root = path.join(work, 'slow-big');
  await mkdir(path.join(root, 'files'), { recursive: true });
  await writeFile(path.join(root, 'Chart.yaml'), 'apiVersion: v2\nname: slow-big\nversion: 1.0.0\n');
  for (let i = 0; i < 2; i++) await writeFile(path.join(root, 'files', `blob-${i}.bin`), randomBytes(5 * 1024 * 1024));
  const held: string[] = [];
  const front = await startFaultyFront(registry.url, {
    slowMs: 7000,
    // Every answer to a GET (a manifest, a blob) sends its headers at once and its body over 7 s.
    decide: ({ method }) => (method === 'GET' ? 'trickle' : undefined),
    // The requests that complete a blob or publish a manifest are held 7 s before the registry sees
    // them (verifying the blob, say); one the client gave up on meanwhile never reaches it.
    intercept: async (req, res, forward) => {
      const slow = req.method === 'PUT' && (req.url.includes('digest=') || req.url.includes('/manifests/'));
      if (!slow) return false;
      held.push(`${req.method} ${req.url.split('?')[0]} ${req.body.length}`);
      await new Promise((r) => setTimeout(r, 7000));
      if (res.destroyed || res.socket?.destroyed) return true;
      const up = await forward();
      res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) }).end(up.body);
      return true;
    },
  });
  fronts.push(front);
  const ref = `oci://${front.host}/slow`;
  const r = await publish(root, ref, 'slow-big');
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.digest, await expectedDigest(root, ref));
  assert.equal((await fetchManifest(registry, 'slow/slow-big', '1.0.0')).digest, r.outputs.digest);
  assert.ok(
    held.some((h) => /^PUT \S+blobs\/uploads\/\S+ (\d+)$/.test(h) && Number(h.split(' ').pop()) > 10_000_000),
    `a final PUT carried the 10 MB blob: ${held.join(', ')}`,
  );
  // Each held request was given up at least once (2 s, 2 s, 4 s, then 8 s: answered) and sent again.
  assert.ok(held.filter((h) => h.includes('/manifests/')).length >= 2, held.join(', '));
  const pull = await cli(['chart', 'pull', '--plain-http', '--cache', path.join(work, 'slow-pull'), `${front.host}/slow/slow-big:1.0.0`], {
    env: { ...process.env, HOME: work },
  });
  assert.equal(pull.code, 0, pull.stderr);
  assert.match(pull.stdout, /Status: Downloaded newer chart/);
  assert.ok(front.faults.trickle >= 3, 'the manifest, config and chart bodies trickled');
});
