import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tree } from '../helpers/conformance-cases.js';
import { startEcrFront, type EcrFront } from '../helpers/fronts/ecr.js';
import { actionInputs, chartDir, failsWith, ok, publish, registryMatrix, withBench, type Target } from '../helpers/fronts/scenario.js';

// The publish through fronts that answer as Amazon ECR does (fronts/ecr.ts): the rows `ecr` (a
// referrer PUT answered with OCI-Subject, referrers never listed) and `ecr-405` (referrer manifests
// refused) of docs/registries.md, then its repositories that must exist, immutable tags and chunks.

const bench = withBench();
let claimed: EcrFront;
let refusing: EcrFront;
const targetOf = (front: EcrFront): Target => ({
  front,
  namespace: 'team/charts',
  second: 'team/mirror',
  user: front.user,
  password: front.password,
  prepare: (repository) => front.repositories.add(repository),
});

before(async () => {
  [claimed, refusing] = await Promise.all([startEcrFront({ referrers: 'claimed' }), startEcrFront({ referrers: 'refused' })]);
});
after(async () => {
  await Promise.all([claimed?.stop(), refusing?.stop()]);
});

registryMatrix('ecr', () => targetOf(claimed), bench);
registryMatrix('ecr-405', () => targetOf(refusing), bench);

describe('ECR: what only it does', () => {
  test('a repository not created: one error naming aws ecr create-repository and a creation template', async () => {
    const r = await publish(bench(), actionInputs(targetOf(claimed), await chartDir(bench(), 'web'), ['missing']));
    failsWith(
      r,
      /missing\/web does not exist: Amazon ECR creates no repository on push \(NAME_UNKNOWN: The repository with name 'missing\/web' does not exist in the registry with id '123456789012'\)/,
      'action',
    );
    assert.ok(r.errors[0].includes('aws ecr create-repository --repository-name missing/web'), r.errors[0]);
    assert.ok(r.errors[0].includes('CREATE_ON_PUSH'), r.errors[0]);
  });

  test('an immutable tag met with if-exists: overwrite: one error, the registry’s words, the action’s remedy', async () => {
    const t = targetOf(claimed);
    claimed.repositories.add('frozen/web');
    claimed.immutable.set('frozen/web', []);
    ok(await publish(bench(), actionInputs(t, await chartDir(bench(), 'web', '1.0.0', 'first'), ['frozen'])));
    const r = await publish(
      bench(),
      actionInputs(t, await chartDir(bench(), 'web', '1.0.0', 'second'), ['frozen'], { 'if-exists': 'overwrite' }),
    );
    failsWith(r, /frozen\/web:1\.0\.0 is immutable in this ECR repository \(image tag mutability IMMUTABLE\)/, 'action');
    assert.ok(r.errors[0].includes('TAG_INVALID: The image tag'), r.errors[0]);
    assert.ok(r.errors[0].includes('set `if-exists: skip`'), r.errors[0]);
  });

  test('keyless in an IMMUTABLE repository: the fallback tag cannot take a second referrer, said so; with sha256-* excluded it works', async () => {
    const t = targetOf(claimed);
    claimed.repositories.add('locked/signed');
    claimed.immutable.set('locked/signed', []);
    const inputs = { ...actionInputs(t, await chartDir(bench(), 'signed'), ['locked']), ...bench().standIn.inputs() };
    const r = await publish(bench(), inputs);
    failsWith(r, /is immutable in this registry, and it is the referrers index/, 'action');
    assert.ok(r.errors[0].includes('IMMUTABLE_WITH_EXCLUSION with the wildcard filter sha256-*'), r.errors[0]);
    assert.equal(await claimed.tagDigest('locked/signed', '1.0.0'), undefined, 'the tag was written');
    // The remedy: IMMUTABLE_WITH_EXCLUSION, sha256-* excluded.
    claimed.immutable.set('locked/signed', ['sha256-*']);
    const again = await publish(bench(), inputs);
    ok(again);
    assert.match(again.outputs['signature-digest'], /^sha256:/);
  });

  test('a chart over 16 MiB: a chunk answered 201 (ECR drops later chunks) sends the blob in one request', async () => {
    const t = targetOf(claimed);
    claimed.repositories.add('big/big');
    const dir = await tree(path.join(bench().work, 'ecr-big', 'big'), {
      'Chart.yaml': 'apiVersion: v2\nname: big\nversion: 1.0.0\n',
      ...Object.fromEntries([1, 2, 3, 4].map((n) => [`files/part${n}.bin`, randomBytes(4.5 * 1024 * 1024)])),
    });
    const mark = claimed.requests.length;
    const r = await publish(bench(), actionInputs(t, dir, ['big']));
    ok(r);
    assert.match(r.stdout, /does not take uploads in chunks of this size \(HTTP 201 to a chunk of \d+ bytes\)/);
    assert.equal(claimed.requests.slice(mark).filter((x) => x.method === 'PATCH').length, 1, 'one chunk, then one request');
    assert.equal(await claimed.tagDigest('big/big', '1.0.0'), r.outputs.digest);
  });
});
