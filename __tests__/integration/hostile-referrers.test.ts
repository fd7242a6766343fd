import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Descriptor } from '../../src/oci/digest.js';
import { Http } from '../../src/oci/http.js';
import { attachReferrer, listReferrers, MAX_INDEX_BYTES, MAX_REFERRERS, referrersTag } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';

// A registry that lies about referrers: a fallback index or a referrers page that is huge, lists
// too many entries, carries digests that are not digests, or is not an index at all; pages that
// never end; a competing writer between our read and our write. Each is refused clearly (nothing
// written to the index it could not read) or merged without losing an entry.
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let reg: HostileRegistry;
let client: RegistryClient;
let subject: Descriptor;
let tagPath: string;

before(async () => {
  reg = await startHostileRegistry();
});
after(() => reg?.stop());
beforeEach(() => {
  reg.override = undefined;
  reg.requests.length = 0;
  client = new RegistryClient(new Http(), reg.host, { plainHttp: true, policy: retryPolicy(1, 10) });
  const planted = plantChart(reg, 'h/chart', '1.0.0', Buffer.from('{"name":"chart"}'), Buffer.from('chart'));
  subject = { mediaType: MANIFEST, digest: planted.digest, size: planted.manifest.length };
  tagPath = `/v2/h/chart/manifests/${referrersTag(subject.digest)}`;
});

const signature = { artifactType: BUNDLE, layers: [{ mediaType: BUNDLE, data: Buffer.from('{"bundle":1}') }], annotations: { a: 'b' } };
const entry = (n: number) => ({ mediaType: MANIFEST, digest: sha256(String(n)), size: 100 + n, artifactType: BUNDLE });

/** Serves `body` for the fallback tag (GET and HEAD), as if another client had written it. */
function plantIndex(body: Buffer | string): void {
  reg.manifests.set(`h/chart:${referrersTag(subject.digest)}`, Buffer.from(body));
}

const tagWrites = () => reg.requests.filter((r) => r.method === 'PUT' && r.url === tagPath);

describe('a hostile fallback referrers index', () => {
  test('larger than 4 MiB: attach and list refused, nothing written to the tag', async () => {
    plantIndex(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [], pad: 'x'.repeat(MAX_INDEX_BYTES) }));
    await assert.rejects(attachReferrer(client, 'h/chart', subject, signature), /is larger than the 4194304-byte bound/);
    assert.equal(tagWrites().length, 0);
    await assert.rejects(listReferrers(client, 'h/chart', subject), /is larger than the 4194304-byte bound/);
  });

  test(`listing more than ${MAX_REFERRERS} referrers: refused, nothing written`, async () => {
    const manifests = Array.from({ length: MAX_REFERRERS + 1 }, (_, n) => entry(n));
    plantIndex(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests }));
    await assert.rejects(attachReferrer(client, 'h/chart', subject, signature), /lists more than 10000 referrers/);
    assert.equal(tagWrites().length, 0);
    await assert.rejects(listReferrers(client, 'h/chart', subject), /lists more than 10000 referrers/);
  });

  test('an entry whose digest is not a digest (a path, upper case, sha512, none): refused, nothing written', async () => {
    for (const bad of ['sha256:../../../etc/passwd', sha256('x').toUpperCase(), `sha512:${'a'.repeat(128)}`, undefined]) {
      reg.requests.length = 0;
      plantIndex(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [entry(1), { ...entry(2), digest: bad }] }));
      await assert.rejects(
        attachReferrer(client, 'h/chart', subject, signature),
        (err: Error) => /entry 2's digest .* is not a valid digest/.test(err.message),
        String(bad),
      );
      assert.equal(tagWrites().length, 0, String(bad));
      await assert.rejects(listReferrers(client, 'h/chart', subject), /entry 2's digest .* is not a valid digest/);
    }
  });

  test('a manifest of another media type, or not JSON, at the tag: refused, nothing written', async () => {
    for (const [body, message] of [
      [
        JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config: entry(1), layers: [] }),
        /is not an OCI image index \(its mediaType is "application\/vnd\.oci\.image\.manifest\.v1\+json"\)/,
      ],
      [JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: { a: 1 } }), /has no list of manifests/],
      ['<html>', /is not JSON/],
    ] as const) {
      reg.requests.length = 0;
      plantIndex(body);
      await assert.rejects(attachReferrer(client, 'h/chart', subject, signature), message);
      assert.equal(tagWrites().length, 0);
      await assert.rejects(listReferrers(client, 'h/chart', subject), message);
    }
  });

  test('another writer between our read and our write, on a registry that honours If-Match: 412, read again, both kept', async () => {
    const other = entry(7);
    plantIndex(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [entry(1)] }));
    let raced = false;
    reg.override = (req, res) => {
      if (req.url !== tagPath) return false;
      const key = `h/chart:${referrersTag(subject.digest)}`;
      const stored = reg.manifests.get(key);
      const etag = stored && `"${sha256(stored)}"`;
      if (req.method === 'GET') {
        if (!stored) return (void res.writeHead(404).end(), true);
        res.writeHead(200, { 'content-type': INDEX, etag, 'docker-content-digest': sha256(stored) }).end(stored);
        return true;
      }
      if (!raced) {
        // The other signer's write lands first.
        raced = true;
        const index = JSON.parse(stored!.toString()) as { manifests: unknown[] };
        index.manifests.push(other);
        reg.manifests.set(key, Buffer.from(JSON.stringify(index)));
      }
      const now = reg.manifests.get(key);
      if (req.headers['if-match'] !== `"${sha256(now!)}"`) return (void res.writeHead(412).end(), true);
      reg.manifests.set(key, req.body);
      res.writeHead(201, { 'docker-content-digest': sha256(req.body) }).end();
      return true;
    };
    const before = reg.manifests.get(`h/chart:${referrersTag(subject.digest)}`)!;
    const ours = await attachReferrer(client, 'h/chart', subject, signature, { settleMs: 0 });
    const writes = tagWrites();
    assert.equal(writes.length, 2, 'the write on the stale read was refused, the second went through');
    assert.equal(writes[0].headers['if-match'], `"${sha256(before)}"`);
    const racedIndex = JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [entry(1), other] });
    assert.equal(writes[1].headers['if-match'], `"${sha256(racedIndex)}"`);
    assert.deepEqual(
      (await listReferrers(client, 'h/chart', subject)).map((d) => d.digest),
      [entry(1).digest, ours.digest, other.digest],
    );
  });

  test('an index that is first created: If-None-Match: *; a registry that drops every write: bounded, a clear error', async () => {
    reg.override = (req, res) => {
      if (req.url !== tagPath) return false;
      if (req.method === 'GET') return (void res.writeHead(404).end(), true);
      res.writeHead(201, { 'docker-content-digest': sha256(req.body) }).end();
      return true;
    };
    await assert.rejects(
      attachReferrer(client, 'h/chart', subject, signature, { maxWrites: 3, settleMs: 0 }),
      /kept changing: 1 referrer\(s\) still missing after 3 writes/,
    );
    assert.deepEqual(
      tagWrites().map((w) => w.headers['if-none-match']),
      ['*', '*', '*'],
    );
  });
});

describe('a hostile referrers API', () => {
  const page = (manifests: unknown[], headers: Record<string, string> = {}) => ({
    headers: { 'content-type': INDEX, ...headers },
    body: JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests }),
  });
  const serveReferrers = (answer: (req: { url: string }) => { headers: Record<string, string>; body: string }) => {
    reg.override = (req, res) => {
      if (!req.url.startsWith('/v2/h/chart/referrers/')) return false;
      const a = answer(req);
      res.writeHead(200, a.headers).end(a.body);
      return true;
    };
  };

  test('a bad digest in a page, a page over 4 MiB, too many referrers: refused', async () => {
    serveReferrers(() => page([entry(1), { ...entry(2), digest: 'sha256:zz' }]));
    await assert.rejects(
      listReferrers(client, 'h/chart', subject),
      /the referrers of .* entry 2's digest "sha256:zz" is not a valid digest/,
    );
    serveReferrers(() => ({ headers: { 'content-type': INDEX }, body: 'x'.repeat(MAX_INDEX_BYTES + 1) }));
    await assert.rejects(listReferrers(client, 'h/chart', subject), /a page of the referrers of .* is larger than the 4194304-byte bound/);
    let n = 0;
    serveReferrers(() =>
      page(
        Array.from({ length: 4000 }, () => entry(n++)),
        { link: '</v2/h/chart/referrers/next>; rel="next"' },
      ),
    );
    await assert.rejects(listReferrers(client, 'h/chart', subject), /lists more than 10000 referrers/);
  });

  test('pages that never end, a next page on another host: refused', async () => {
    serveReferrers(() => page([], { link: `</v2/h/chart/referrers/${subject.digest}?last=x>; rel="next"` }));
    await assert.rejects(listReferrers(client, 'h/chart', subject), /run over more than 20 pages/);
    assert.equal(reg.requests.filter((r) => r.url.includes('/referrers/')).length, 20);
    serveReferrers(() => page([entry(1)], { link: '<http://127.0.0.2:9/v2/h/chart/referrers/x>; rel="next"' }));
    await assert.rejects(
      listReferrers(client, 'h/chart', subject),
      /link their next page to another host \(http:\/\/127\.0\.0\.2:9\): refused/,
    );
  });

  test('a filter the registry did not apply (or says it did): only the asked artifactType is returned', async () => {
    serveReferrers(() =>
      page([entry(1), { ...entry(2), artifactType: 'application/vnd.other' }], { 'oci-filters-applied': 'artifactType' }),
    );
    assert.deepEqual(
      (await listReferrers(client, 'h/chart', subject, BUNDLE)).map((d) => d.digest),
      [entry(1).digest],
    );
  });

  test('an OCI-Subject that is not a digest on the referrer PUT: refused', async () => {
    reg.override = (req, res) => {
      if (req.method !== 'PUT' || !req.url.startsWith('/v2/h/chart/manifests/sha256:')) return false;
      res.writeHead(201, { 'docker-content-digest': sha256(req.body), 'oci-subject': '../../x' }).end();
      return true;
    };
    await assert.rejects(attachReferrer(client, 'h/chart', subject, signature), /the OCI-Subject header "..\/..\/x" is not a valid digest/);
  });
});
