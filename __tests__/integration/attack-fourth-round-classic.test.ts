import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { appendLayers, readTaggedImage } from '../../src/oci/appended-image.js';
import type { Descriptor } from '../../src/oci/digest.js';
import { Http } from '../../src/oci/http.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { KeylessSigner, type KeylessOutcome } from '../../src/release/keyless.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { GITHUB_ISSUER, WORKFLOW_SAN, startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';
import { staleTagReads } from '../helpers/stale-tag-cache.js';

// cosign's classic tags attacked from outside: a `.sig` tag planted before the chart is first
// published (its digest is known in advance: builds are reproducible), and a registry whose tag reads
// lag its writes (a cache in front), with two signers appending at once.

const REPO = 'h/chart';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const INDEX = 'application/vnd.oci.image.index.v1+json';
const SIMPLE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let reg: HostileRegistry;
let sigstore: SigstoreStandIn;
let n = 0;

before(async () => {
  [reg, sigstore] = await Promise.all([startHostileRegistry(), startSigstore()]);
});
after(async () => {
  await Promise.all([reg?.stop(), sigstore?.stop()]);
});
beforeEach(() => {
  reg.override = undefined;
  reg.requests.length = 0;
});

const newClient = () => new RegistryClient(new Http({ timeoutMs: 5000 }), reg.host, { plainHttp: true, policy: retryPolicy(1, 5) });

describe('a .sig tag planted where the chart will be', () => {
  test('signature-format classic, the tag an index: the chart is published signed by nothing, and the run goes on', async () => {
    // Measured: ensure() resolves { made: false, digest: '' } with one warning ("the signature was not written
    // in cosign's classic layout"); the step's signature-digest output is '' and the job is green.
    const planted = plantChart(reg, REPO, `2.0.${++n}`, Buffer.from(`{"n":${n}}`), Buffer.from(`chart ${n}`));
    const subject: Descriptor = { mediaType: MANIFEST, digest: planted.digest, size: planted.manifest.length };
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [] }));
    reg.manifests.set(`${REPO}:sha256-${planted.digest.slice(7)}.sig`, index);
    reg.override = (req, res) => {
      if (!req.url.endsWith('.sig') || req.method === 'PUT') return false;
      res.writeHead(200, { 'content-type': INDEX, 'docker-content-digest': sha256(index) }).end(req.method === 'HEAD' ? undefined : index);
      return true;
    };
    const warnings: string[] = [];
    const s = new KeylessSigner({
      kinds: ['signature'],
      format: 'classic',
      endpoints: async () => ({ fulcioURL: sigstore.fulcioURL, rekorURL: sigstore.rekorURL, tsaURL: sigstore.tsaURL }),
      identityToken: async () => sigstore.token(),
      identity: async () => ({ san: WORKFLOW_SAN, issuer: GITHUB_ISSUER }),
      trustedRoot: async () => sigstore.trustedRoot(),
      predicate: async () => ({}),
      log: () => {},
      warn: (l) => warnings.push(l),
    });
    let outcome: KeylessOutcome | undefined;
    try {
      [outcome] = await s.ensure(newClient(), { registry: reg.host, repository: REPO, tag: `2.0.${n}` }, subject, true);
    } catch {
      // Refusing the chart is an answer: the signature asked for could not be made.
      return;
    }
    assert.notEqual(
      outcome.digest,
      '',
      `the only form asked for was not made, and the chart counts as done: ${JSON.stringify(outcome)}; warnings: ${warnings.join(' | ')}`,
    );
  });
});

describe('a registry whose tag reads lag its writes by 3 s (a cache in front)', () => {
  // Measured (src/oci/appended-image.ts appendLayers, default settling): with tag reads 0.3 s stale a lone
  // signer needs 5 writes; 1 s stale, 6; from 1.5 s stale on, a lone signer fails ("kept changing: 1
  // layer(s) still missing after 6 writes") within 0.3 to 1 s, its 6 writes spaced by random sleeps of
  // at most 100 ms x the write's number. Two signers at 0.6 s: one fails and its layer is gone.
  const layer = (who: string, tag: string) => ({
    mediaType: SIMPLE,
    data: Buffer.from(`{"critical":{"who":"${who}","tag":"${tag}"}}`),
    annotations: { 'dev.cosignproject.cosign/signature': Buffer.from(who).toString('base64') },
  });

  async function append(who: string[]) {
    const tag = `sha256-${randomBytes(32).toString('hex')}.sig`;
    reg.override = staleTagReads(reg, 3000);
    const results = await Promise.allSettled(who.map((w) => appendLayers(newClient(), REPO, tag, [layer(w, tag)])));
    reg.override = undefined;
    const final = await readTaggedImage(newClient(), REPO, tag);
    const writes = reg.requests.filter((q) => q.method === 'PUT' && q.url.endsWith(tag)).length;
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    return { tag, results, final, writes, errors };
  }

  test('a lone signer: its layer is appended, and the signing succeeds', async () => {
    const { results, final, writes, errors } = await append(['a']);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled'],
      `${writes} writes of the tag, then: ${errors.join('; ')}`,
    );
    assert.equal(final?.layers.length, 1);
  });

  test('two signers at once: both succeed, and both layers stay', async () => {
    const { tag, results, final, writes, errors } = await append(['a', 'b']);
    const held = (final?.layers ?? []).map((l) => l.digest);
    assert.deepEqual(
      [sha256(layer('a', tag).data), sha256(layer('b', tag).data)].filter((d) => !held.includes(d)),
      [],
      `layers lost from the tag after ${writes} writes (held: ${held.length}; ${results.map((r) => r.status).join(', ')}: ${errors.join('; ')})`,
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled'],
      errors.join('; '),
    );
  });
});
