import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { startFaultyFront, type FaultyFront } from '../helpers/faulty-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// The race, under retries: two runs push different charts to one new tag at the same moment, and the
// registry answers the first run's manifest PUT once with 503. Its retried write lands after the other
// run's read-back: the read-back must follow the last write that landed, not the first attempt, so
// that never both say "pushed".

let registry: Registry;
let front: FaultyFront;
let work: string;
/** The rounds whose first manifest PUT was answered 503 already, and each round's Retry-After. */
const failed = new Set<string>();
const retryAfter = new Map<string, string | undefined>();

before(async () => {
  registry = await startRegistry();
  work = await tempDir('chartlift-race-retry-');
  front = await startFaultyFront(registry.url, {
    decide: () => undefined,
    intercept: async (req, res) => {
      const m = /^\/v2\/(retry-race-\d+)\/victim\/manifests\/1\.0\.0$/.exec(req.url);
      if (!m || req.method !== 'PUT' || failed.has(m[1])) return false;
      failed.add(m[1]);
      const wait = retryAfter.get(m[1]);
      res
        .writeHead(503, { 'content-type': 'application/json', ...(wait !== undefined && { 'retry-after': wait }) })
        .end('{"errors":[{"code":"UNAVAILABLE","message":"try again"}]}');
      return true;
    },
  });
});
after(async () => {
  await front?.stop();
  await registry?.stop();
});

const chart = (dir: string, description: string) =>
  tree(path.join(work, dir, 'victim'), {
    'Chart.yaml': `apiVersion: v2\nname: victim\nversion: 1.0.0\ndescription: ${description}\n`,
    'templates/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${dir}\n`,
  });

async function tagDigest(repository: string): Promise<string | undefined> {
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/1.0.0`, {
    method: 'HEAD',
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
  });
  return res.headers.get('docker-content-digest') ?? undefined;
}

describe('two runs racing to one new tag, one manifest PUT answered 503 once', () => {
  test('12 rounds (with and without Retry-After): never both "pushed", and the one that says so is what the tag holds', async () => {
    const a = await helmHome();
    const b = await helmHome();
    const srcA = await chart('one', 'the first run');
    const srcB = await chart('two', 'the second run');
    const rounds = 12;
    const refs = Array.from({ length: rounds }, (_, i) => `${front.host}/retry-race-${i}/victim:1.0.0`);
    await Promise.all(
      refs.flatMap((ref) => [
        cli(['chart', 'save', srcA, ref], { env: a.env }).then((r) => assert.equal(r.code, 0, r.stderr)),
        cli(['chart', 'save', srcB, ref], { env: b.env }).then((r) => assert.equal(r.code, 0, r.stderr)),
      ]),
    );
    let bothPushed = 0;
    for (const [i, ref] of refs.entries()) {
      retryAfter.set(`retry-race-${i}`, i % 3 === 0 ? undefined : i % 3 === 1 ? '0' : '1');
      const [ra, rb] = await Promise.all([
        cli(['chart', 'push', ref, '--plain-http'], { env: a.env }),
        cli(['chart', 'push', ref, '--plain-http'], { env: b.env }),
      ]);
      assert.ok(failed.has(`retry-race-${i}`), `round ${i}: no manifest PUT was answered 503`);
      const pushed = [ra, rb].filter((r) => r.code === 0 && /: pushed to remote/.test(r.stdout));
      for (const r of [ra, rb]) if (r.code !== 0) assert.match(r.stderr, /already holds|written by another run at the same time/, r.stderr);
      assert.ok(pushed.length >= 1, `round ${i}: neither run pushed\n${ra.stderr}\n${rb.stderr}`);
      if (pushed.length === 2) bothPushed++;
      const held = await tagDigest(`retry-race-${i}/victim`);
      if (pushed.length === 1)
        assert.ok(pushed[0].stdout.includes(`digest:  ${held}`), `round ${i}: "pushed" names another manifest than the tag's`);
    }
    assert.equal(bothPushed, 0, `${bothPushed} of ${rounds} rounds: both runs reported pushed`);
  });
});
