import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { dropEarly, EARLY_MAX_AGE_MS, earlyOutcome, earlyPing, earlyTagLookup, sendEarly, takeEarly } from '../../src/oci/early-request.js';
import { Http, type HttpRequest } from '../../src/oci/http.js';
import { MANIFEST_ACCEPT } from '../../src/oci/media-types.js';
import { HEADERS_TIMEOUT } from '../../src/oci/transport.js';
import { exec } from '../helpers/exec.js';
import { ROOT } from '../helpers/paths.js';

interface Seen {
  method: string;
  url: string;
  connection: number;
}

/** A registry stand-in on loopback: records each request and the connection it came on; `swallow` leaves a request unanswered. */
async function server(swallow: (req: http.IncomingMessage) => boolean = () => false) {
  const seen: Seen[] = [];
  let connections = 0;
  const srv = http.createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, connection: (req.socket as { n?: number }).n! });
    if (swallow(req)) return;
    res.writeHead(req.url === '/v2/' ? 401 : 404, {
      'www-authenticate': 'Basic realm="x"',
      'x-request': String(seen.length),
      'content-length': '2',
    });
    res.end(req.method === 'HEAD' ? undefined : '{}');
  });
  srv.on('connection', (s) => Object.assign(s, { n: ++connections }));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    stop: () =>
      new Promise<void>((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      }),
  };
}

const lookup = (base: string) => earlyTagLookup(base, 'charts/hello', '0.1.0');

test("the run's first request to the registry, when it is the early one, is answered by it, on its connection", async () => {
  const reg = await server();
  const client = new Http();
  try {
    sendEarly(lookup(reg.base));
    assert.equal(earlyOutcome(), 'sent');
    const res = await client.send({
      method: 'HEAD',
      url: `${reg.base}/v2/charts/hello/manifests/0.1.0`,
      headers: { accept: MANIFEST_ACCEPT },
    });
    assert.equal(earlyOutcome(), 'used');
    assert.equal(res.status, 404);
    assert.equal(res.headers['x-request'], '1');
    // The next request goes on the early request's connection: the transport took its agent over.
    const next = await client.send({ method: 'GET', url: `${reg.base}/v2/` });
    assert.equal(next.headers['x-request'], '2');
    assert.deepEqual(
      reg.seen.map((s) => `${s.method} ${s.url} on ${s.connection}`),
      ['HEAD /v2/charts/hello/manifests/0.1.0 on 1', 'GET /v2/ on 1'],
    );
  } finally {
    await client.close();
    await reg.stop();
  }
});

test('a different first request (method, URL or any header) drops the early one and goes out itself; a later request is never answered from it', async () => {
  const reg = await server();
  const client = new Http();
  try {
    const firsts: HttpRequest[] = [
      { method: 'GET', url: `${reg.base}/v2/` },
      { method: 'HEAD', url: `${reg.base}/v2/charts/hello/manifests/0.2.0`, headers: { accept: MANIFEST_ACCEPT } },
      { method: 'HEAD', url: `${reg.base}/v2/charts/hello/manifests/0.1.0`, headers: { accept: 'application/json' } },
      {
        method: 'HEAD' as const,
        url: `${reg.base}/v2/charts/hello/manifests/0.1.0`,
        headers: { accept: MANIFEST_ACCEPT, authorization: 'Basic eDp5' },
      },
    ];
    for (const first of firsts) {
      sendEarly(lookup(reg.base));
      const before = reg.seen.length;
      const res = await client.send(first);
      assert.equal(earlyOutcome(), 'dropped', JSON.stringify(first));
      // The answer is the run's own request's: the last the registry saw.
      assert.equal(res.headers['x-request'], String(reg.seen.length));
      assert.ok(reg.seen.length > before);
      // Offered once: the same request as the early one now goes out on its own.
      const again = await client.send({
        method: 'HEAD',
        url: `${reg.base}/v2/charts/hello/manifests/0.1.0`,
        headers: { accept: MANIFEST_ACCEPT },
      });
      assert.equal(again.headers['x-request'], String(reg.seen.length));
    }
  } finally {
    await client.close();
    await reg.stop();
  }
});

test('requests to other origins leave the early one waiting; a request with a body never takes it', async () => {
  const reg = await server();
  const other = await server();
  const client = new Http();
  try {
    sendEarly(lookup(reg.base));
    await client.send({ method: 'GET', url: `${other.base}/v2/` });
    assert.equal(earlyOutcome(), 'sent');
    assert.equal(takeEarly({ method: 'GET', url: `${other.base}/v2/`, headers: {} }), undefined);
    assert.equal(earlyOutcome(), 'sent');
    const res = await client.send({
      method: 'HEAD',
      url: `${reg.base}/v2/charts/hello/manifests/0.1.0`,
      headers: { accept: MANIFEST_ACCEPT },
    });
    assert.equal(earlyOutcome(), 'used');
    assert.equal(res.headers['x-request'], '1');

    sendEarly(earlyPing(reg.base));
    await client.send({ method: 'PUT', url: `${reg.base}/v2/`, body: 'x' });
    assert.equal(earlyOutcome(), 'dropped');
  } finally {
    await client.close();
    await reg.stop();
    await other.stop();
  }
});

test('an early request the registry swallows fails, once taken, as any unanswered request: HEADERS_TIMEOUT, retried by the caller', async () => {
  const reg = await server((req) => req.method === 'HEAD');
  const client = new Http({ timeoutMs: 10_000 });
  try {
    sendEarly(lookup(reg.base));
    await assert.rejects(
      client.send({ method: 'HEAD', url: `${reg.base}/v2/charts/hello/manifests/0.1.0`, headers: { accept: MANIFEST_ACCEPT } }),
      (err: { code?: string }) => err.code === HEADERS_TIMEOUT,
    );
    assert.equal(earlyOutcome(), 'used');
    // The next try is a request of its own, answered.
    const ping = await client.send({ method: 'GET', url: `${reg.base}/v2/` });
    assert.equal(ping.status, 401);
  } finally {
    await client.close();
    await reg.stop();
  }
});

test('a refused early connection fails the request that takes it with the refusal, as its own would', async () => {
  const reg = await server();
  await reg.stop();
  const client = new Http();
  try {
    sendEarly(earlyPing(reg.base));
    await assert.rejects(client.send({ method: 'GET', url: `${reg.base}/v2/` }), (err: { code?: string }) => err.code === 'ECONNREFUSED');
    assert.equal(earlyOutcome(), 'used');
  } finally {
    await client.close();
  }
});

test("another client's closing leaves the early request waiting; its owner drops it when done; none is sent through a proxy", async () => {
  const reg = await server();
  try {
    sendEarly(lookup(reg.base));
    // Another Http of the run (an ID token's, a release's) closing is no reason to drop it.
    await new Http().close();
    assert.equal(earlyOutcome(), 'sent');
    dropEarly();
    assert.equal(earlyOutcome(), 'unused');
    assert.equal(takeEarly({ ...lookup(reg.base) }), undefined);

    process.env.HTTPS_PROXY = 'http://127.0.0.1:9';
    try {
      sendEarly(lookup(reg.base));
      assert.equal(earlyOutcome(), 'unused');
      assert.equal(takeEarly({ ...lookup(reg.base) }), undefined);
    } finally {
      delete process.env.HTTPS_PROXY;
    }
  } finally {
    await reg.stop();
  }
});

test('an unanswered early request does not keep a run that never asks for it alive', async () => {
  const reg = await server(() => true);
  try {
    const script = `
      import { sendEarly, earlyTagLookup } from './src/oci/early-request.ts';
      sendEarly(earlyTagLookup(${JSON.stringify(reg.base)}, 'charts/hello', '0.1.0'));
      setTimeout(() => console.log('done'), 200);
    `;
    const r = await exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeoutMs: 30_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'done');
    // It was sent: the registry holds it, unanswered, while the process has already exited.
    assert.deepEqual(
      reg.seen.map((s) => `${s.method} ${s.url}`),
      ['HEAD /v2/charts/hello/manifests/0.1.0'],
    );
  } finally {
    await reg.stop();
  }
});

test('a taken early answer whose body comes later keeps the run alive until it is read (its socket was left out of the count while nobody had asked)', async () => {
  // The 401's headers at once, its body 50 ms later: the login's ping from a registry that flushes its headers first.
  const srv = http.createServer((_req, res) => {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="x"', 'transfer-encoding': 'chunked' });
    res.flushHeaders();
    setTimeout(() => res.end('{"errors":[{"code":"UNAUTHORIZED"}]}'), 50);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  try {
    const script = `
      import { sendEarly, earlyPing } from './src/oci/early-request.ts';
      import { Http } from './src/oci/http.ts';
      sendEarly(earlyPing(${JSON.stringify(base)}));
      const http = new Http();
      await new Promise((r) => setTimeout(r, 20));
      const res = await http.send({ method: 'GET', url: ${JSON.stringify(`${base}/v2/`)} });
      console.log(res.status, res.body.toString());
      await http.close();
    `;
    const r = await exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeoutMs: 30_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), '401 {"errors":[{"code":"UNAUTHORIZED"}]}');
  } finally {
    srv.closeAllConnections();
    await new Promise<void>((r) => srv.close(() => r()));
  }
});

test('an early answer asked for more than EARLY_MAX_AGE_MS after its sending is dropped, and the run asks the registry itself', async () => {
  const reg = await server();
  const client = new Http();
  try {
    sendEarly(lookup(reg.base));
    // Answered, then left waiting past its age (a large chart read for a second before the tag is looked up).
    while (reg.seen.length === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, EARLY_MAX_AGE_MS + 200));
    const res = await client.send({
      method: 'HEAD',
      url: `${reg.base}/v2/charts/hello/manifests/0.1.0`,
      headers: { accept: MANIFEST_ACCEPT },
    });
    assert.equal(earlyOutcome(), 'stale');
    assert.equal(res.headers['x-request'], '2');
    assert.equal(reg.seen.length, 2);
  } finally {
    await client.close();
    await reg.stop();
  }
});
