import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startQuayFront, type QuayFront } from '../helpers/fronts/quay.js';
import { registryMatrix, withBench, type Target } from '../helpers/fronts/scenario.js';

// The publish through a front that answers as Quay does (fronts/quay.ts): the row `quay` of
// docs/registries.md with a robot account `octo-org+publisher` and nested repositories (org/charts/web).

const bench = withBench();
let front: QuayFront;
let target: Target;

before(async () => {
  front = await startQuayFront();
  target = { front, namespace: `${front.org}/charts`, second: `${front.org}/mirror`, user: front.user, password: front.password };
});
after(async () => {
  await front?.stop();
});

registryMatrix('quay', () => target, bench);

describe('Quay: what only it does', () => {
  test('the robot account’s name (+) reaches the token service as it is', () => {
    const users = new Set(front.tokenRequests.filter((x) => x.user !== undefined).map((x) => x.user));
    assert.deepEqual([...users], ['octo-org+publisher']);
  });
});
