import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli } from '../helpers/cli.js';
import { startDockerHubFront, type DockerHubFront } from '../helpers/fronts/docker-hub.js';
import { actionInputs, chartDir, failsWith, publish, registryMatrix, withBench, type Target } from '../helpers/fronts/scenario.js';
import { helmHome } from '../helpers/helm-env.js';
import { tempDir } from '../helpers/temp.js';

// The publish through a front that answers as Docker Hub does (fronts/docker-hub.ts): the row
// `docker-hub` of docs/registries.md, then its rate limit and its two-component repositories.
// Docker Hub's token service is auth.docker.io, which Chartlift takes without configuration
// (token-realm.ts; __tests__/unit/token-realm.test.ts): on loopback it is another address, listed
// as a token host here as that built-in entry cannot name it.

const bench = withBench();
let front: DockerHubFront;
let target: Target;

before(async () => {
  front = await startDockerHubFront();
  target = {
    front,
    namespace: front.namespace,
    second: 'octo-org',
    user: front.user,
    password: front.password,
    actionInputs: { 'token-hosts': front.tokenHost! },
    cliFlags: ['--token-hosts', front.tokenHost!],
  };
});
after(async () => {
  await front?.stop();
});

registryMatrix('docker-hub', () => target, bench);

describe('Docker Hub: what only it does', () => {
  test('over the pull rate limit: one error with the window and when it frees up, not retried', async () => {
    const ref = `${front.host}/${front.namespace}/web:1.0.0`;
    front.quota.remaining = 0;
    try {
      // Anonymous: the remedy is to authenticate.
      const anonymous = await helmHome();
      const mark = front.requests.length;
      const cache = path.join(await tempDir('chartlift-dh-cache-'), 'cache');
      const r = await cli(['chart', 'pull', ref, '--plain-http', '--token-hosts', front.tokenHost!, '--cache', cache], {
        env: anonymous.env,
      });
      failsWith(
        r,
        /Docker Hub is rate limiting requests \(0 of 100 pulls left in a 21600-second window, counted for 192\.0\.2\.1\)/,
        'cli',
      );
      assert.match(r.stderr, /it frees up within the window, by \d{4}-\d\d-\d\d \d\d:\d\d UTC at the latest/);
      assert.match(r.stderr, /TOOMANYREQUESTS: You have reached your pull rate limit/);
      assert.match(r.stderr, /log in first \(chartlift registry login HOST\)/);
      const limited = front.requests.slice(mark).filter((x) => x.status === 429);
      assert.equal(limited.length, 1, 'a spent quota is not retried');
    } finally {
      front.quota.remaining = front.quota.limit;
    }
  });

  test('a repository three components deep: one error naming Docker Hub’s <namespace>/<name>', async () => {
    const r = await publish(bench(), actionInputs(target, await chartDir(bench(), 'web'), [`${front.namespace}/charts`]));
    failsWith(
      r,
      /Docker Hub refused the repository .*octodev\/charts\/web: its repositories are <namespace>\/<name>, two components/,
      'action',
    );
    assert.ok(r.errors[0].includes('oci://registry-1.docker.io/<namespace>'), r.errors[0]);
  });
});

describe('Docker Hub: the token host is needed on loopback only', () => {
  test('without it, the realm on 127.0.0.2 is refused, naming the host and the `token-hosts` input', async () => {
    const r = await publish(bench(), {
      ...actionInputs(target, await chartDir(bench(), 'web', '2.0.0'), [front.namespace]),
      'token-hosts': '',
    });
    failsWith(r, /token realm on another host, 127\.0\.0\.2:\d+: no request is sent there.*list it in the `token-hosts` input/, 'action');
  });
});
