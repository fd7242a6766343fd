import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { appendLayers, MAX_IMAGE_MANIFEST_BYTES } from '../../src/oci/appended-image.js';
import { Http } from '../../src/oci/http.js';
import { attachReferrer, MAX_INDEX_BYTES, referrersTag } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';

// A tag several writers merge into (the fallback referrers index, cosign's .sig image) read from a
// registry that answers every read with something new: one more entry each time, carrying 1.5 MiB of
// annotations (each answer under the 4 MiB a reader takes). Every entry ever seen is kept, so the
// merged manifest grows with each write: it must never be written larger than a reader would take.

const REPO = 'size/chart';
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const big = () => 'x'.repeat(1536 * 1024) + randomBytes(8).toString('hex');
let reg: HostileRegistry;

before(async () => {
  reg = await startHostileRegistry();
});
after(async () => {
  await reg?.stop();
});
beforeEach(() => {
  reg.override = undefined;
  reg.requests.length = 0;
});

const newClient = () => new RegistryClient(new Http({ timeoutMs: 10_000 }), reg.host, { plainHttp: true, policy: retryPolicy(1, 10) });

/** Reads of `tag` answered with `fresh()`, a new manifest each time; everything else as the registry serves it. */
function freshReads(tag: string, mediaType: string, fresh: () => Buffer) {
  reg.override = (r, res) => {
    if ((r.method !== 'GET' && r.method !== 'HEAD') || !new URL(r.url, 'http://x').pathname.endsWith(`/manifests/${tag}`)) return false;
    const body = fresh();
    res.writeHead(200, { 'content-type': mediaType, 'docker-content-digest': sha256(body), 'content-length': String(body.length) });
    res.end(r.method === 'HEAD' ? undefined : body);
    return true;
  };
}

const putsOf = (tag: string) => reg.requests.filter((q) => q.method === 'PUT' && q.url.split('?')[0].endsWith(`/manifests/${tag}`));

describe('a merged tag never written larger than a reader takes', () => {
  test('the fallback referrers index: refused before a write over 4 MiB, with an error naming the size', async () => {
    const planted = plantChart(reg, REPO, '1.0.0', Buffer.from('{}'), randomBytes(64));
    const subject = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: planted.digest, size: planted.manifest.length };
    const tag = referrersTag(planted.digest);
    freshReads(tag, 'application/vnd.oci.image.index.v1+json', () => {
      const entry = {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: sha256(randomBytes(16)),
        size: 500,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        annotations: { note: big() },
      };
      return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [entry] }));
    });
    await assert.rejects(
      attachReferrer(
        newClient(),
        REPO,
        subject,
        {
          artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
          layers: [{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', data: Buffer.from('{"who":"a"}') }],
        },
        { settleMs: 0 },
      ),
      /would be \d+ bytes, more than the 4194304/,
    );
    const sizes = putsOf(tag).map((q) => q.body.length);
    assert.ok(
      sizes.every((n) => n <= MAX_INDEX_BYTES),
      `writes of ${sizes.join(', ')} bytes`,
    );
  });

  test("cosign's .sig image: refused before a write over 4 MiB, with an error naming the size", async () => {
    const tag = `sha256-${randomBytes(32).toString('hex')}.sig`;
    freshReads(tag, 'application/vnd.oci.image.manifest.v1+json', () => {
      const data = randomBytes(16);
      reg.blobs.set(sha256(data), data);
      const layer = {
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        size: data.length,
        digest: sha256(data),
        annotations: { 'dev.cosignproject.cosign/signature': big() },
      };
      const config = { mediaType: 'application/vnd.oci.image.config.v1+json', size: 2, digest: sha256('{}') };
      return Buffer.from(
        JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers: [layer] }),
      );
    });
    const ours = Buffer.from('{"critical":{"who":"a"}}');
    await assert.rejects(
      appendLayers(
        newClient(),
        REPO,
        tag,
        [
          {
            mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
            data: ours,
            annotations: { 'dev.cosignproject.cosign/signature': 'c2ln' },
          },
        ],
        { settleMs: 0 },
      ),
      /would be \d+ bytes, more than the 4194304/,
    );
    const sizes = putsOf(tag).map((q) => q.body.length);
    assert.ok(
      sizes.every((n) => n <= MAX_IMAGE_MANIFEST_BYTES),
      `writes of ${sizes.join(', ')} bytes`,
    );
  });
});
