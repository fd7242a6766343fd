import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { writeTar } from '../../src/chart/tar-writer.js';
import { bindRef, packageSource } from '../../src/release/build.js';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { startFaultyFront, seeded, type Fault, type FaultyFront } from '../helpers/faulty-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { makeTls } from '../helpers/tls.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
let work: string;
let bigChart: string;
let open: Registry;
const fronts: FaultyFront[] = [];
const others: Array<{ stop(): Promise<void> }> = [];

async function smallChart(dir: string, name: string): Promise<string> {
  const root = path.join(dir, name);
  await mkdir(path.join(root, 'templates'), { recursive: true });
  await writeFile(path.join(root, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  await writeFile(path.join(root, 'values.yaml'), `name: ${name}\n`);
  await writeFile(path.join(root, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n');
  return root;
}

before(async () => {
  work = await tempDir('chartlift-reliability-');
  open = await startRegistry();
  // A chart whose archive is about 20 MB: five 4 MiB files of incompressible bytes.
  bigChart = path.join(work, 'big');
  await mkdir(path.join(bigChart, 'files'), { recursive: true });
  await writeFile(path.join(bigChart, 'Chart.yaml'), 'apiVersion: v2\nname: big\nversion: 1.0.0\n');
  for (let i = 0; i < 5; i++) await writeFile(path.join(bigChart, 'files', `blob-${i}.bin`), randomBytes(4 * 1024 * 1024));
});
after(async () => {
  await Promise.all([...fronts, ...others].map((f) => f.stop()));
  await open?.stop();
});

describe('a flaky registry', () => {
  for (const { rate, count, retries } of [
    { rate: 0.2, count: 50, retries: '' },
    { rate: 0.4, count: 20, retries: '12' },
  ])
    test(`${count} publishes through a front failing ${rate * 100}% of requests (503, 429 + Retry-After, resets, slow answers) all succeed, with the digests of a clean run`, async () => {
      const random = seeded(20261123 + count);
      const kinds: Fault[] = ['503', '429', 'reset', 'reset-mid-body', 'slow'];
      const front = await startFaultyFront(open.url, {
        decide: () => (random() < rate ? kinds[Math.floor(random() * kinds.length)] : undefined),
        slowMs: 2500,
      });
      fronts.push(front);
      const charts = await Promise.all(
        Array.from({ length: count }, (_, i) => smallChart(path.join(work, `many-${count}`), `flaky-${String(i).padStart(2, '0')}`)),
      );
      const expected = await Promise.all(
        charts.map(
          async (c) =>
            bindRef(await packageSource(c, { env: EPOCH }), `oci://${front.host}/flaky${count}`).artifact.manifestDescriptor.digest,
        ),
      );

      const results: Array<{ code: number; digest: string; stdout: string }> = [];
      const queue = [...charts.entries()];
      await Promise.all(
        Array.from({ length: 5 }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            const [i, chart] = next;
            const r = await runAction(
              {
                chart,
                ref: `oci://${front.host}/flaky${count}`,
                'plain-http': 'true',
                timeout: '1',
                retries,
                cache: path.join(work, `flaky-cache-${count}`),
              },
              { env: EPOCH },
            );
            results[i] = { code: r.code, digest: r.outputs.digest, stdout: r.stdout };
          }
        }),
      );
      for (const [i, r] of results.entries()) assert.equal(r.code, 0, `publish ${i} failed:\n${r.stdout}`);
      assert.deepEqual(
        results.map((r) => r.digest),
        expected,
      );
      for (const [i, chart] of charts.entries()) {
        const m = await fetchManifest(open, `flaky${count}/${path.basename(chart)}`, '1.0.0');
        assert.equal(m.digest, expected[i], 'the registry holds the expected manifest');
      }
      for (const kind of kinds) assert.ok(front.faults[kind] > 0, `no ${kind} fault was injected`);
      assert.ok(
        results.some((r) => /retrying (HEAD|POST|PUT) /.test(r.stdout)),
        'retries are reported',
      );
    });

  test('a registry that always answers 503 fails within the bounded time, with a clear error and no tag', async () => {
    const front = await startFaultyFront(open.url, { decide: () => '503' });
    fronts.push(front);
    const chart = await smallChart(work, 'always-503');
    const started = Date.now();
    const r = await runAction(
      { chart, ref: `oci://${front.host}/down`, 'plain-http': 'true', cache: path.join(work, 'c503') },
      { env: EPOCH },
    );
    const seconds = (Date.now() - started) / 1000;
    assert.notEqual(r.code, 0);
    assert.equal(r.errors.length, 1);
    assert.match(
      r.errors[0],
      /look up 127\.0\.0\.1:\d+\/down\/always-503 failed: HTTP 503 \(gave up after 9 attempts\)\. The registry had an error: run again later/,
    );
    assert.ok(seconds < 40, `took ${seconds}s`);
    assert.equal((await fetchManifest(open, 'down/always-503', '1.0.0')).status, 404);
    assert.equal(front.requests.length, 9);
  });
});

describe('redirects', () => {
  test('a blob GET redirected to another listener succeeds, and that listener never sees Authorization', async () => {
    const secured = await startRegistry({ users: { alice: 'redir-secret-pw' } });
    others.push(secured);
    const basic = `Basic ${Buffer.from('alice:redir-secret-pw').toString('base64')}`;
    const seenByStorage: Array<string | undefined> = [];
    const storage = http.createServer(async (req, res) => {
      seenByStorage.push(req.headers.authorization);
      const up = await fetch(`${secured.url}${req.url}`, { headers: { authorization: basic } });
      res.writeHead(up.status, { 'content-type': 'application/octet-stream' }).end(Buffer.from(await up.arrayBuffer()));
    });
    await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
    others.push({ stop: () => new Promise((r) => storage.close(() => r())) });
    const storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}`;
    const front = await startFaultyFront(secured.url, {
      decide: () => undefined,
      intercept: async (req, res) => {
        if (req.method !== 'GET' || !req.url.includes('/blobs/sha256:')) return false;
        if (!req.headers.authorization) {
          res.writeHead(401, { 'www-authenticate': 'Basic realm="front"' }).end();
          return true;
        }
        res.writeHead(307, { location: `${storageUrl}${req.url}` }).end();
        return true;
      },
    });
    fronts.push(front);
    const { env } = await helmHome();
    const chart = await smallChart(work, 'redirected');
    const pushed = await runAction(
      {
        chart,
        ref: `oci://${front.host}/r`,
        'plain-http': 'true',
        username: 'alice',
        password: 'redir-secret-pw',
        logout: 'false',
        cache: path.join(env.HOME!, 'c1'),
      },
      { env },
    );
    assert.equal(pushed.code, 0, pushed.stdout);
    const pull = await cli(['chart', 'pull', '--plain-http', '--cache', path.join(env.HOME!, 'c2'), `${front.host}/r/redirected:1.0.0`], {
      env,
    });
    assert.equal(pull.code, 0, pull.stderr);
    assert.match(pull.stdout, /Status: Downloaded newer chart/);
    assert.ok(seenByStorage.length >= 2, 'config and chart were fetched from the second listener');
    assert.deepEqual(
      seenByStorage,
      seenByStorage.map(() => undefined),
      'the second listener saw an Authorization header',
    );
    assert.ok(
      front.requests.some((r) => r.url.includes('/blobs/') && r.authorization?.startsWith('Basic ')),
      'the registry itself got the credentials',
    );
  });
});

describe('large charts and expiring tokens', () => {
  test('a 20 MB chart pushed in chunks through a front that drops the connection in the middle: the upload resumes, the digest is right', async () => {
    let patches = 0;
    const front = await startFaultyFront(open.url, {
      decide: () => undefined,
      intercept: async (req) => {
        if (req.method === 'PATCH' && ++patches === 2) {
          // The second chunk never reaches the registry: the connection drops mid-upload.
          throw Object.assign(new Error('drop'), { drop: true });
        }
        return false;
      },
    });
    fronts.push(front);
    const built = bindRef(await packageSource(bigChart, { env: EPOCH }), `oci://${front.host}/big`);
    assert.ok(built.artifact.chart.length > 20_000_000, `archive is ${built.artifact.chart.length} bytes`);
    const r = await runAction(
      { chart: bigChart, ref: `oci://${front.host}/big`, 'plain-http': 'true', cache: path.join(work, 'cbig') },
      { env: EPOCH },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /resuming the upload of sha256:[a-f0-9]{12}… at byte 8388608 of \d+/);
    assert.equal(r.outputs['chart-digest'], built.artifact.chartDescriptor.digest);
    assert.equal(r.outputs.digest, built.artifact.manifestDescriptor.digest);
    const blob = await fetch(`${open.url}/v2/big/big/blobs/${built.artifact.chartDescriptor.digest}`);
    assert.equal(Buffer.from(await blob.arrayBuffer()).equals(built.artifact.chart), true, 'the registry holds exactly the archive');
    assert.ok(front.requests.filter((q) => q.method === 'PATCH').length >= 4, 'uploaded in chunks');
    assert.ok(
      front.requests.some((q) => q.method === 'GET' && q.url.includes('/blobs/uploads/')),
      'asked the registry how far it got',
    );
  });

  test('2-second tokens and a slow chunked upload: the token is renewed and the push succeeds', async () => {
    const tokens: TokenServer = await startTokenServer({ users: { alice: 'short-lived-pw' } });
    others.push(tokens);
    tokens.expiresIn = 2;
    const registry = await startRegistry({ token: tokens });
    others.push(registry);
    const front = await startFaultyFront(registry.url, {
      decide: () => undefined,
      intercept: async (req, res, forward) => {
        if (req.method !== 'PATCH') return false;
        const up = await forward();
        await new Promise((r) => setTimeout(r, 1500));
        res.writeHead(up.status, up.headers).end(up.body);
        return true;
      },
    });
    fronts.push(front);
    const { env } = await helmHome();
    const r = await runAction(
      {
        chart: bigChart,
        ref: `oci://${front.host}/slow`,
        'plain-http': 'true',
        username: 'alice',
        password: 'short-lived-pw',
        cache: path.join(env.HOME!, 'c'),
      },
      { env: { ...env, ...EPOCH } },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    const forRepo = tokens.requests.filter((q) => q.scopes.some((s) => s.includes('slow/big')));
    assert.ok(forRepo.length >= 2, `the token was renewed (${forRepo.length} token requests for the repository)`);
  });
});

describe('TLS', () => {
  test('a registry behind TLS with a private CA: works with ca-file or with the CA in the system store, fails clearly without it, works with insecure-skip-tls-verify', async () => {
    const tls = await makeTls();
    const registry = await startRegistry({ tls });
    others.push(registry);
    const chart = await smallChart(work, 'tls');
    const base = { chart, ref: `oci://${registry.host}/tls`, cache: path.join(work, 'ctls') };

    const without = await runAction(base, { env: EPOCH });
    assert.notEqual(without.code, 0);
    assert.equal(without.errors.length, 1);
    assert.match(
      without.errors[0],
      /the TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\. Give its CA with `ca-file`/,
    );

    const withCa = await runAction({ ...base, 'ca-file': tls.ca }, { env: EPOCH });
    assert.equal(withCa.code, 0, withCa.stdout);
    assert.equal(withCa.outputs.status, 'pushed');

    // The system's store (OpenSSL reads SSL_CERT_FILE) is consulted once Node's own roots fail.
    const viaSystem = await runAction({ ...base, ref: `oci://${registry.host}/tls-system` }, { env: { ...EPOCH, SSL_CERT_FILE: tls.ca } });
    assert.equal(viaSystem.code, 0, viaSystem.stdout);
    assert.equal(viaSystem.outputs.status, 'pushed');

    const insecure = await runAction({ ...base, 'insecure-skip-tls-verify': 'true', 'if-exists': 'fail' }, { env: EPOCH });
    assert.equal(insecure.code, 0, insecure.stdout);
    assert.equal(insecure.outputs.status, 'unchanged');
    assert.match(insecure.stdout, /::warning::insecure-skip-tls-verify is on: the registry's TLS certificate is NOT checked/);

    const badCa = await runAction({ ...base, 'ca-file': path.join(work, 'missing.pem') }, { env: EPOCH });
    assert.match(badCa.errors[0], /missing\.pem: cannot read the CA file \(ENOENT\)\. Check the `ca-file` path/);
  });
});

describe('hostile input', () => {
  test('a gzip bomb as the chart fails fast, before unpacking it all', async () => {
    const bomb = path.join(work, 'bomb.tgz');
    await writeFile(
      bomb,
      gzipSync(
        writeTar(
          [
            { name: 'bomb/Chart.yaml', data: Buffer.from('name: bomb\nversion: 1.0.0\n') },
            { name: 'bomb/zeros', data: Buffer.alloc(300 * 1024 * 1024) },
          ],
          0,
        ),
        { level: 9 },
      ),
    );
    const started = Date.now();
    const r = await runAction({ chart: bomb, ref: 'oci://localhost:5000/x', push: 'false', cache: path.join(work, 'cbomb') });
    assert.notEqual(r.code, 0);
    assert.match(
      r.errors[0],
      /bomb\.tgz: unpacks to more than 104857600 bytes, nested archives included\. A chart must be smaller than 100 MiB unpacked/,
    );
    assert.ok(Date.now() - started < 10_000);
  });
});

describe('proxies', () => {
  test('HTTP_PROXY is used (self-hosted runners behind a proxy), and NO_PROXY bypasses it', async () => {
    const seen: string[] = [];
    const proxy = http.createServer(async (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const up = await fetch(req.url!, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: ['GET', 'HEAD'].includes(req.method!) ? undefined : Buffer.concat(chunks),
      });
      const headers: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (!['content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v;
      });
      const body = Buffer.from(await up.arrayBuffer());
      res.writeHead(up.status, { ...headers, 'content-length': String(body.length) }).end(req.method === 'HEAD' ? undefined : body);
    });
    proxy.on('connect', (req, socket) => {
      seen.push(`CONNECT ${req.url}`);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    others.push({
      stop: () =>
        new Promise((r) => {
          proxy.closeAllConnections();
          proxy.close(() => r());
        }),
    });
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const chart = await smallChart(work, 'proxied');
    const viaProxy = await runAction(
      { chart, ref: `oci://${open.host}/proxied`, 'plain-http': 'true', cache: path.join(work, 'cproxy') },
      { env: { ...EPOCH, HTTP_PROXY: proxyUrl } },
    );
    assert.equal(viaProxy.code, 0, viaProxy.stdout);
    assert.ok(
      seen.some((s) => s.includes(open.host)),
      `the proxy carried the registry's traffic: ${seen.join(', ')}`,
    );
    const count = seen.length;
    const bypass = await runAction(
      { chart, ref: `oci://${open.host}/proxied`, 'plain-http': 'true', cache: path.join(work, 'cproxy') },
      { env: { ...EPOCH, HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } },
    );
    assert.equal(bypass.code, 0, bypass.stdout);
    assert.equal(bypass.outputs.status, 'unchanged');
    assert.equal(seen.length, count, 'NO_PROXY bypassed the proxy');
  });
});
