import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Authenticator } from '../../src/oci/auth.js';
import { Http } from '../../src/oci/http.js';

// A registry front on loopback that plays Basic or Bearer, and a token service that can misbehave.
let server: http.Server;
let base: string;
let tokenBody: unknown = { token: 'tok-1', expires_in: 300 };
const seen: Array<{ url: string; auth?: string }> = [];

before(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    if (req.url?.startsWith('/token')) return void res.end(JSON.stringify(tokenBody));
    if (req.url?.startsWith('/basic/')) {
      if (req.headers.authorization === `Basic ${Buffer.from('u:p').toString('base64')}`) return void res.end('ok');
      return void res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
    }
    if (req.headers.authorization === 'Bearer tok-1') return void res.end('ok');
    res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="svc"` }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

test('Basic: after the first 401 the credential goes with the request', async () => {
  const h = new Http();
  const auth = new Authenticator(h, '127.0.0.1', { username: 'u', password: 'p' }, undefined, base);
  seen.length = 0;
  assert.equal((await auth.send({ method: 'GET', url: `${base}/basic/a` }, undefined)).status, 200);
  assert.deepEqual(
    seen.map((s) => s.auth),
    [undefined, `Basic ${Buffer.from('u:p').toString('base64')}`],
  );
  await h.close();
});

test('Bearer: one token per scope, asked with the scope and service, cached, and handed to onSecret before use', async () => {
  const h = new Http();
  const secrets: string[] = [];
  const auth = new Authenticator(h, '127.0.0.1', undefined, (s) => secrets.push(s), base);
  seen.length = 0;
  tokenBody = { token: 'tok-1', expires_in: 300 };
  const scope = 'repository:team/app:pull';
  assert.equal((await auth.send({ method: 'GET', url: `${base}/v2/a` }, scope)).status, 200);
  assert.equal((await auth.send({ method: 'GET', url: `${base}/v2/b` }, scope)).status, 200);
  const tokenCalls = seen.filter((s) => s.url.startsWith('/token'));
  assert.equal(tokenCalls.length, 1);
  assert.match(tokenCalls[0].url, /service=svc/);
  assert.match(decodeURIComponent(tokenCalls[0].url), /scope=repository:team\/app:pull/);
  assert.deepEqual(secrets, ['tok-1']);
  assert.equal(auth.tokenRequests, 1);
  await h.close();
});

test('a token answer whose token is not a string is refused, never sent as "[object Object]"', async () => {
  const h = new Http();
  const auth = new Authenticator(h, '127.0.0.1', undefined, undefined, base);
  tokenBody = { token: { nested: true } };
  seen.length = 0;
  await assert.rejects(auth.send({ method: 'GET', url: `${base}/v2/c` }, 'repository:x:pull'), /returned no token/);
  assert.ok(!seen.some((s) => s.auth?.includes('object')));
  await h.close();
});

test('credentials go to the registry’s own origin only: not to another host, port or scheme', async () => {
  const h = new Http();
  const auth = new Authenticator(h, '127.0.0.1', { username: 'u', password: 'p' }, undefined, base);
  seen.length = 0;
  await auth.send({ method: 'GET', url: `${base}/basic/a` }, undefined);
  const other = base.replace('127.0.0.1', 'localhost');
  await auth.send({ method: 'GET', url: `${other}/basic/b` }, undefined);
  assert.equal(seen.at(-1)?.auth, undefined, 'another host got the credentials');
  assert.equal(seen.filter((s) => s.url === '/basic/b').length, 1, 'its 401 was not answered with credentials');
  await h.close();
});

test('a token realm on another host is refused before any request; a host listed in CHARTLIFT_TOKEN_HOSTS is asked', async () => {
  const realmServer = http.createServer((req, res) => {
    seen.push({ url: `realm:${req.url}`, auth: req.headers.authorization });
    res.end(JSON.stringify({ token: 'tok-1', expires_in: 300 }));
  });
  await new Promise<void>((r) => realmServer.listen(0, '127.0.0.2', r));
  const realmHost = `127.0.0.2:${(realmServer.address() as AddressInfo).port}`;
  const registry = http.createServer((req, res) => {
    if (req.headers.authorization === 'Bearer tok-1') return void res.end('ok');
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${realmHost}/token",service="svc"` }).end();
  });
  await new Promise<void>((r) => registry.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`;
  const h = new Http();
  try {
    seen.length = 0;
    const refused = new Authenticator(h, '127.0.0.1', { username: 'u', password: 'p' }, undefined, origin, []);
    await assert.rejects(refused.send({ method: 'GET', url: `${origin}/v2/` }, 'repository:x:pull'), (err: Error) => {
      assert.match(err.message, /names a token realm on another host, 127\.0\.0\.2:\d+: no request is sent there/);
      return true;
    });
    assert.equal(seen.length, 0, 'the realm was asked');
    const listed = new Authenticator(h, '127.0.0.1', { username: 'u', password: 'p' }, undefined, origin, [realmHost]);
    assert.equal((await listed.send({ method: 'GET', url: `${origin}/v2/` }, 'repository:x:pull')).status, 200);
    assert.equal(seen.length, 1);
  } finally {
    await h.close();
    await new Promise<void>((r) => realmServer.close(() => r()));
    await new Promise<void>((r) => registry.close(() => r()));
  }
});
