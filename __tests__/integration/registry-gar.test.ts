import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startGarFront, type GarFront } from '../helpers/fronts/gar.js';
import { actionInputs, chartDir, failsWith, ok, publish, registryMatrix, withBench, type Target } from '../helpers/fronts/scenario.js';

// The publish through a front that answers as Google Artifact Registry does (fronts/gar.ts): the row
// `gar` of docs/registries.md (oauth2accesstoken and an access token), then its repositories that must
// exist, its PROJECT/REPOSITORY/IMAGE paths and its immutable tags.

const bench = withBench();
let front: GarFront;
let target: Target;

before(async () => {
  front = await startGarFront();
  target = {
    front,
    namespace: `${front.project}/charts`,
    second: `${front.project}/mirror`,
    user: front.user,
    password: front.password,
    prepare: (repository) => front.repositories.add(repository.split('/').slice(0, 2).join('/')),
  };
});
after(async () => {
  await front?.stop();
});

registryMatrix('gar', () => target, bench);

describe('GAR: what only it does', () => {
  test('a repository not created: one error naming gcloud artifacts repositories create', async () => {
    const r = await publish(bench(), actionInputs(target, await chartDir(bench(), 'web'), [`${front.project}/absent`]));
    failsWith(r, /the Artifact Registry repository "absent" does not exist \(NAME_UNKNOWN: Repository "absent" not found\)/, 'action');
    assert.ok(
      r.errors[0].includes('gcloud artifacts repositories create absent --repository-format=docker --location=europe'),
      r.errors[0],
    );
  });

  test('a path without a repository: one error naming PROJECT/REPOSITORY', async () => {
    const r = await publish(bench(), actionInputs(target, await chartDir(bench(), 'web'), [front.project]));
    failsWith(r, /is not an Artifact Registry image path/, 'action');
    assert.ok(r.errors[0].includes('oci://LOCATION-docker.pkg.dev/PROJECT/REPOSITORY'), r.errors[0]);
  });

  test('immutable tags met with if-exists: overwrite: one error, the registry’s words', async () => {
    front.repositories.add(`${front.project}/frozen`);
    front.immutable.add(`${front.project}/frozen`);
    ok(await publish(bench(), actionInputs(target, await chartDir(bench(), 'web', '1.0.0', 'first'), [`${front.project}/frozen`])));
    const r = await publish(
      bench(),
      actionInputs(target, await chartDir(bench(), 'web', '1.0.0', 'second'), [`${front.project}/frozen`], { 'if-exists': 'overwrite' }),
    );
    failsWith(r, /frozen\/web:1\.0\.0 is immutable in this registry: it cannot be replaced \(FAILED_PRECONDITION: /, 'action');
  });
});
