import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarborFront, type HarborFront } from '../helpers/fronts/harbor.js';
import { actionInputs, chartDir, failsWith, ok, publish, registryMatrix, withBench, type Target } from '../helpers/fronts/scenario.js';

// The publish through a front that answers as Harbor 2.11+ does (fronts/harbor.ts): the row `harbor`
// of docs/registries.md with a robot account `robot$charts+publisher`, then its projects and its tag
// immutability rules.

const bench = withBench();
let front: HarborFront;
let target: Target;

before(async () => {
  front = await startHarborFront();
  target = {
    front,
    namespace: front.project,
    second: 'mirror',
    user: front.user,
    password: front.password,
    prepare: (repository) => front.projects.add(repository.split('/')[0]),
  };
});
after(async () => {
  await front?.stop();
});

registryMatrix('harbor', () => target, bench);

describe('Harbor: what only it does', () => {
  test('the robot account’s name ($ and +) reaches the token service as it is', () => {
    const users = new Set(front.tokenRequests.filter((x) => x.user !== undefined).map((x) => x.user));
    assert.deepEqual([...users], ['robot$charts+publisher']);
  });

  test('a project not created: one error naming the project to create, not a password to check', async () => {
    const r = await publish(bench(), { ...actionInputs(target, await chartDir(bench(), 'web'), ['nowhere']), retries: '0' });
    failsWith(r, /the Harbor project "nowhere" does not exist \(UNAUTHORIZED: project not found, name: nowhere/, 'action');
    assert.ok(r.errors[0].includes('Create the project "nowhere" in Harbor first'), r.errors[0]);
    assert.doesNotMatch(r.errors[0], /Check the username and password/);
  });

  test('a tag immutability rule met with if-exists: overwrite: one error, Harbor’s 412 is not taken for a conflict', async () => {
    front.projects.add('frozen');
    front.immutable.push({ repositories: /^web$/, tags: /^1\./ });
    ok(await publish(bench(), actionInputs(target, await chartDir(bench(), 'web', '1.0.0', 'first'), ['frozen'])));
    const r = await publish(
      bench(),
      actionInputs(target, await chartDir(bench(), 'web', '1.0.0', 'second'), ['frozen'], { 'if-exists': 'overwrite' }),
    );
    failsWith(r, /frozen\/web:1\.0\.0 is immutable in this Harbor project \(a tag immutability rule\)/, 'action');
    assert.ok(
      r.errors[0].includes("PRECONDITION: Failed to process request due to 'frozen/web:1.0.0' configured as immutable."),
      r.errors[0],
    );
  });
});
