import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { buildArtifact } from '../../src/artifact/manifest.js';
import { emptyMetadata } from '../../src/chart/metadata.js';
import { Http } from '../../src/oci/http.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { LOOKUP_MAX_AGE_MS, pushArtifact } from '../../src/release/push.js';
import { parseReference } from '../../src/oci/reference.js';
import { startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';

// A new tag is asked for again just before the manifest is written, and read back once another run's
// write would have landed. The wait is as long as the window between the two: asked as a large chart's
// upload starts, the window (and the wait) would span the whole upload; asked once its body is out, it
// spans the registry's answer.
let reg: HostileRegistry;
before(async () => {
  reg = await startHostileRegistry();
});
after(() => reg?.stop());

test('a new tag is asked for again only once the last upload body has gone out, not as it starts', async () => {
  const events: string[] = [];
  const HOLD_MS = 400;
  reg.onArrive = (req) => {
    const url = new URL(req.url ?? '', 'http://x');
    if (req.method === 'HEAD' && /\/manifests\/1\.0\.0$/.test(url.pathname)) events.push('tag asked');
    // The large blob's body is read only after a pause: a client that sends the rest of it only as the
    // registry reads meets that pause (the body is far larger than the sockets' buffers).
    if (Number(req.headers['content-length']) > 1 << 20) {
      events.push('upload arrived');
      req.pause();
      setTimeout(() => {
        events.push('upload read');
        req.resume();
      }, HOLD_MS);
    }
  };
  const chart = randomBytes(48 << 20);
  const artifact = buildArtifact({ ...emptyMetadata(), apiVersion: 'v2', name: 'big', version: '1.0.0' }, chart, 0);
  const http = new Http();
  try {
    const client = new RegistryClient(http, reg.host, { plainHttp: true, monolithicMax: 64 << 20 });
    const ref = parseReference(`${reg.host}/recheck/big:1.0.0`);
    const outcome = await pushArtifact(client, ref, artifact, 'fail');
    assert.equal(outcome.status, 'pushed');
  } finally {
    await http.close();
  }
  // Asked three times: before the upload (nothing there), again before the write, and read back after it.
  const asked = events.flatMap((e, i) => (e === 'tag asked' ? [i] : []));
  assert.equal(asked.length, 3, events.join(' → '));
  assert.ok(asked[0] < events.indexOf('upload arrived'), events.join(' → '));
  assert.ok(asked[1] > events.indexOf('upload read'), `asked again before the upload's body was read: ${events.join(' → ')}`);
});

test('a tag looked up while the chart was packaged, more than LOOKUP_MAX_AGE_MS before the build is ready, is asked again before deciding on it', async () => {
  const artifactOf = (version: string, bytes: number) =>
    buildArtifact({ ...emptyMetadata(), apiVersion: 'v2', name: 'aged', version }, randomBytes(bytes), 0);
  const ours = artifactOf('1.0.0', 1024);
  const theirs = artifactOf('1.0.0', 2048);
  const http = new Http();
  try {
    const client = new RegistryClient(http, reg.host, { plainHttp: true });
    const ref = parseReference(`${reg.host}/recheck/aged:1.0.0`);
    // Our build stands at the tag; it is looked up as a publish does, while the chart is packaged.
    assert.equal((await pushArtifact(client, ref, ours, 'fail')).status, 'pushed');
    const askedAt = Date.now();
    const lookedUp = client.resolveTag(ref.repository, ref.tag, true);
    assert.equal(await lookedUp, ours.manifestDescriptor.digest);
    // Another run overwrites the tag after the look-up's answer, while this build is still being made.
    assert.equal((await pushArtifact(client, ref, theirs, 'overwrite')).status, 'pushed');
    // Decided at once, the answer stands (a small chart: no second look-up) ...
    const fresh = await pushArtifact(client, ref, ours, 'fail', {
      current: Promise.resolve(ours.manifestDescriptor.digest),
      currentAskedAt: Date.now(),
    });
    assert.equal(fresh.status, 'unchanged');
    // ... but an answer asked for longer ago is asked again: the tag holds theirs now, and `fail` says so.
    await assert.rejects(
      pushArtifact(client, ref, ours, 'fail', { current: lookedUp, currentAskedAt: askedAt - LOOKUP_MAX_AGE_MS - 1 }),
      (err: Error) => err.message.includes(`already holds ${theirs.manifestDescriptor.digest}`),
    );
  } finally {
    await http.close();
  }
});
