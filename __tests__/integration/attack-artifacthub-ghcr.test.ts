import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { checkGhcrVisibility } from '../../src/release/ghcr-visibility.js';
import { openRegistries } from '../../src/release/registries.js';
import { parseReference } from '../../src/oci/reference.js';

// A hostile front in GHCR's place for the anonymous pull check: it answers every manifest request in
// its own way (by the owner, the first path part). The check only informs: it must never call a
// package public that the registry did not show, never throw, never send the run's credential.

const MANIFEST = Buffer.from(JSON.stringify({ schemaVersion: 2, config: {}, layers: [] }));
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const OTHER = Buffer.from(JSON.stringify({ schemaVersion: 2, config: {}, layers: [], other: true }));

let server: http.Server;
let elsewhere: http.Server;
let host: string;
const requests: string[] = [];
const elsewhereRequests: string[] = [];

before(async () => {
  elsewhere = http.createServer((req, res) => {
    elsewhereRequests.push(`${req.method} ${req.url} ${req.headers.authorization ?? 'none'}`);
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': DIGEST });
    res.end(MANIFEST);
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.2', resolve));
  const away = `127.0.0.2:${(elsewhere.address() as AddressInfo).port}`;
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? 'none'}`);
    const owner = /^\/v2\/([^/]+)\//.exec(req.url ?? '')?.[1];
    if (owner === 'other') {
      // 200 for the digest asked, with another manifest's bytes (and that one's digest claimed).
      const d = `sha256:${createHash('sha256').update(OTHER).digest('hex')}`;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': d });
      return void res.end(OTHER);
    }
    if (owner === 'redirect') {
      res.writeHead(307, { location: `http://${away}${req.url}` });
      return void res.end();
    }
    if (owner === 'huge') {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': DIGEST });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = (): void => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent >= 64) res.end();
        else res.once('drain', more);
      };
      res.on('error', () => {});
      return void more();
    }
    if (owner === 'hang') return; // headers never come
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  elsewhere.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => elsewhere.close(resolve));
});

async function check(owner: string, timeoutSeconds = 5) {
  const r = openRegistries({
    plainHttp: true,
    retries: 3,
    timeoutSeconds,
    credentialFor: () => ({ username: 'octocat', password: 'ghp_s3cret-t0ken' }),
  });
  try {
    return await checkGhcrVisibility(r, parseReference(`${host}/${owner}/charts/app:1.0.0`), DIGEST, [host]);
  } finally {
    await r.close();
  }
}

test('GHCR check: a 200 with another manifest for the digest asked is not "public"', async () => {
  const seen = await check('other');
  assert.equal(seen?.visibility, 'unknown', JSON.stringify(seen));
});

test('GHCR check: a redirect of the manifest is not followed (nothing reaches the other host), not "public"', async () => {
  const seen = await check('redirect');
  assert.notEqual(seen?.visibility, 'public');
  assert.deepEqual(elsewhereRequests, []);
});

test('GHCR check: a 64 MiB manifest body is cut at the manifest bound, not "public", never thrown', async () => {
  const seen = await check('huge');
  assert.equal(seen?.visibility, 'unknown', JSON.stringify(seen));
});

test('GHCR check: a front that never answers costs at most two timeouts (one retry), then unknown', async () => {
  const mark = requests.length;
  const seen = await check('hang', 1);
  assert.equal(seen?.visibility, 'unknown');
  assert.ok(requests.slice(mark).length <= 2, requests.slice(mark).join('\n'));
});

test("GHCR check: with the run's timeout at 60 s, a front that never answers costs two tries of 10 s, not of 60", async () => {
  const started = Date.now();
  const seen = await check('hang', 60);
  assert.equal(seen?.visibility, 'unknown');
  const seconds = (Date.now() - started) / 1000;
  assert.ok(seconds < 2 * 10 + 5, `${seconds.toFixed(1)} s`);
});

test('GHCR check: no request carried the credential given for the host', () => {
  assert.ok(requests.length > 0);
  assert.deepEqual(
    requests.filter((l) => !l.endsWith(' none')),
    [],
  );
});
