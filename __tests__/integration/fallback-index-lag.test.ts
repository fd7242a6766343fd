import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Http } from '../../src/oci/http.js';
import { attachReferrer, referrersTag } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { staleTagReads } from '../helpers/stale-tag-cache.js';

// The fallback referrers index (`sha256-<hex>`, where keyless bundles go on a registry with no
// referrers API, distribution 2.8 among them) on a registry whose tag reads lag its writes (a cache in
// front): written again only after a backoff, as cosign's appended tags are, so that a lone writer
// outlasts the lag and two writers at once both keep their entries.

const REPO = 'lag/chart';
let reg: HostileRegistry;

before(async () => {
  reg = await startHostileRegistry();
});
after(async () => {
  await reg?.stop();
});

const newClient = () => new RegistryClient(new Http({ timeoutMs: 5000 }), reg.host, { plainHttp: true, policy: retryPolicy(1, 5) });

describe('the fallback referrers index on a registry whose tag reads lag its writes by 3 s', () => {
  async function attach(who: string[]) {
    const planted = plantChart(reg, REPO, `1.0.${randomBytes(4).readUInt32BE()}`, Buffer.from('{}'), randomBytes(64));
    const subject = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: planted.digest, size: planted.manifest.length };
    const tag = referrersTag(planted.digest);
    reg.requests.length = 0;
    reg.override = staleTagReads(reg, 3000);
    const results = await Promise.allSettled(
      who.map((w) =>
        attachReferrer(newClient(), REPO, subject, {
          artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
          layers: [{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', data: Buffer.from(`{"who":"${w}"}`) }],
        }),
      ),
    );
    reg.override = undefined;
    const index = JSON.parse(reg.manifests.get(`${REPO}:${tag}`)?.toString('utf8') ?? '{"manifests":[]}') as {
      manifests: Array<{ digest: string }>;
    };
    const writes = reg.requests.filter((q) => q.method === 'PUT' && q.url.endsWith(tag)).length;
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    const ours = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.digest] : []));
    return { results, index, writes, errors, ours };
  }

  test('a lone writer: its entry is in the index, and the attach succeeds', async () => {
    const { results, index, writes, errors, ours } = await attach(['a']);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled'],
      `${writes} writes of the index, then: ${errors.join('; ')}`,
    );
    assert.deepEqual(
      index.manifests.map((m) => m.digest),
      ours,
    );
  });

  test('two writers at once: both succeed, and both entries stay', async () => {
    const { results, index, writes, errors, ours } = await attach(['a', 'b']);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled'],
      `${writes} writes of the index, then: ${errors.join('; ')}`,
    );
    assert.deepEqual(index.manifests.map((m) => m.digest).sort(), [...ours].sort());
  });
});
