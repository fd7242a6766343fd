import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { ACR_TOKEN_USER, startAcrFront, type AcrFront } from '../helpers/fronts/acr.js';
import {
  actionInputs,
  chartDir,
  failsWith,
  ok,
  publish,
  registryMatrix,
  runnerEnv,
  withBench,
  type Target,
} from '../helpers/fronts/scenario.js';
import { helmHome } from '../helpers/helm-env.js';
import { tempDir } from '../helpers/temp.js';

// The publish through a front that answers as Azure Container Registry does (fronts/acr.ts): the row
// `acr` of docs/registries.md (a service principal), then its refresh tokens and locked tags.

const bench = withBench();
let front: AcrFront;
let target: Target;

before(async () => {
  front = await startAcrFront();
  target = { front, namespace: 'helm', second: 'mirror', user: front.user, password: front.password };
});
after(async () => {
  await front?.stop();
});

registryMatrix('acr', () => target, bench);

describe('ACR: what only it does', () => {
  test('az acr login --expose-token: the 00000000-… user with the refresh token logs in and pulls (Basic to the token service)', async () => {
    const { env } = await helmHome();
    const mark = front.tokenRequests.length;
    const login = await cli(['registry', 'login', '-u', ACR_TOKEN_USER, '--password-stdin', '--plain-http', front.host], {
      env,
      input: front.refreshToken,
    });
    ok(login);
    const cache = path.join(await tempDir('chartlift-acr-cache-'), 'cache');
    ok(await cli(['chart', 'pull', `${front.host}/helm/web:1.0.0`, '--plain-http', '--cache', cache], { env }));
    const asked = front.tokenRequests.slice(mark);
    assert.ok(asked.length > 0 && asked.every((x) => x.user === ACR_TOKEN_USER && x.method === 'GET' && x.granted), JSON.stringify(asked));
  });

  test('az acr login’s identity token in Docker’s config: exchanged with a refresh_token grant, no password given', async () => {
    const env = await runnerEnv(bench());
    const docker = path.join(env.HOME!, '.docker');
    await mkdir(docker, { recursive: true });
    await writeFile(path.join(docker, 'config.json'), JSON.stringify({ auths: { [front.host]: { identitytoken: front.refreshToken } } }));
    const mark = front.tokenRequests.length;
    const r = await runAction(
      { chart: await chartDir(bench(), 'identity'), ref: `oci://${front.host}/helm`, 'plain-http': 'true' },
      { env: { ...env, DOCKER_CONFIG: docker } },
    );
    ok(r);
    assert.match(r.stdout, /Using the stored credentials for 127\.0\.0\.1:\d+ from .*config\.json/);
    const asked = front.tokenRequests.slice(mark);
    assert.ok(asked.length > 0 && asked.every((x) => x.method === 'POST' && x.user === ACR_TOKEN_USER), JSON.stringify(asked));
    assert.ok(
      !r.stdout.split('\n').some((l) => !l.startsWith('::add-mask::') && l.includes(front.refreshToken)),
      'the refresh token in the log',
    );
  });

  test('a locked tag met with if-exists: overwrite: one error naming az acr repository update', async () => {
    ok(await publish(bench(), actionInputs(target, await chartDir(bench(), 'web', '3.0.0', 'first'), ['locked'])));
    front.locked.add('locked/web:3.0.0');
    const r = await publish(
      bench(),
      actionInputs(target, await chartDir(bench(), 'web', '3.0.0', 'second'), ['locked'], { 'if-exists': 'overwrite' }),
    );
    failsWith(
      r,
      /locked\/web:3\.0\.0 is locked \(ACR: writeEnabled false; unlock it with az acr repository update --image locked\/web:3\.0\.0 --write-enabled true\)/,
      'action',
    );
    assert.ok(r.errors[0].includes('REGISTRY_DISALLOWED_OPERATION'), r.errors[0]);
  });
});
