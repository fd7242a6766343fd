import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tree } from '../helpers/conformance-cases.js';
import { GHCR_CHUNK_MAX, startGhcrFront, type GhcrFront } from '../helpers/fronts/ghcr.js';
import { actionInputs, failsWith, ok, publish, registryMatrix, withBench, type Target } from '../helpers/fronts/scenario.js';

// The publish through a front that answers as GitHub Container Registry does (fronts/ghcr.ts): the
// action and the CLI, the row `ghcr` of docs/registries.md, then what only GHCR does.

const bench = withBench();
let front: GhcrFront;
let target: Target;

before(async () => {
  front = await startGhcrFront();
  target = { front, namespace: `${front.owner}/charts`, second: `${front.owner}/mirror`, user: front.user, password: front.password };
});
after(async () => {
  await front?.stop();
});

registryMatrix('ghcr', () => target, bench);

describe('GHCR: what only it does', () => {
  test('a chart over 16 MiB: chunks over its 4 MiB cap are refused (416), and the blob goes up in one request', async () => {
    const dir = await tree(path.join(bench().work, 'big', 'big'), {
      'Chart.yaml': 'apiVersion: v2\nname: big\nversion: 1.0.0\n',
      // Incompressible, in files under Helm's 5 MiB each: the archive is over the 16 MiB at which the client chunks.
      ...Object.fromEntries([1, 2, 3, 4].map((n) => [`files/part${n}.bin`, randomBytes(4.5 * 1024 * 1024)])),
    });
    const mark = front.requests.length;
    const r = await publish(bench(), actionInputs(target, dir, [target.namespace]));
    ok(r);
    const mine = front.requests.slice(mark);
    const refused = mine.filter((x) => x.method === 'PATCH' && x.status === 416);
    assert.equal(refused.length, 1, 'one chunk tried, refused');
    assert.match(r.stdout, /does not take uploads in chunks of this size \(HTTP 416 to a chunk of \d+ bytes\): uploading sha256:/);
    assert.ok(GHCR_CHUNK_MAX < 8 * 1024 * 1024);
    assert.equal(await front.tagDigest(`${target.namespace}/big`, '1.0.0'), r.outputs.digest);
  });

  test('a token without write:packages: one error with the GITHUB_TOKEN remedy, recognised by GHCR’s own words', async () => {
    const dir = await tree(path.join(bench().work, 'denied', 'denied'), {
      'Chart.yaml': 'apiVersion: v2\nname: denied\nversion: 1.0.0\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: denied\n',
    });
    const r = await publish(bench(), {
      ...actionInputs(target, dir, [target.namespace]),
      username: front.readOnly.user,
      password: front.readOnly.password,
      retries: '0',
    });
    failsWith(r, /permission_denied: The token provided does not match expected scopes.*permissions: packages: write/, 'action');
  });
});
