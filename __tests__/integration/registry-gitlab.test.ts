import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startGitLabFront, type GitLabFront } from '../helpers/fronts/gitlab.js';
import { runAction } from '../helpers/action.js';
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

// The publish through fronts that answer as GitLab's container registry does (fronts/gitlab.ts): the
// rows `gitlab-com` and `gitlab-self-managed` of docs/registries.md, a CI job's gitlab-ci-token. Both
// send the runner to the GitLab host for tokens: a self-managed instance's host must be listed in
// `token-hosts`; GitLab.com's (gitlab.com) is built in (token-realm.ts; __tests__/unit/token-realm.test.ts),
// and listed here only because on loopback it is another address.

const bench = withBench();
let com: GitLabFront;
let selfManaged: GitLabFront;
const targetOf = (front: GitLabFront): Target => ({
  front,
  namespace: `${front.project}/charts`,
  second: `${front.project}/mirror`,
  user: front.user,
  password: front.password,
  actionInputs: { 'token-hosts': front.tokenHost! },
  cliFlags: ['--token-hosts', front.tokenHost!],
});

before(async () => {
  [com, selfManaged] = await Promise.all([startGitLabFront({ edition: 'gitlab.com' }), startGitLabFront({ edition: 'self-managed' })]);
});
after(async () => {
  await Promise.all([com?.stop(), selfManaged?.stop()]);
});

registryMatrix('gitlab-com', () => targetOf(com), bench);
registryMatrix('gitlab-self-managed', () => targetOf(selfManaged), bench);

describe('GitLab: what only it does', () => {
  test('self-managed without token-hosts: one error naming the GitLab host, why, and the `token-hosts` input; no request goes there', async () => {
    const t = targetOf(selfManaged);
    const mark = selfManaged.tokenRequests.length;
    const r = await publish(bench(), { ...actionInputs(t, await chartDir(bench(), 'web', '5.0.0'), [t.namespace]), 'token-hosts': '' });
    failsWith(
      r,
      new RegExp(
        `token realm on another host, ${selfManaged.tokenHost!.replace(/\./g, '\\.')}: no request is sent there, as the runner's credentials would go with it`,
      ),
      'action',
    );
    assert.ok(
      r.errors[0].includes('a self-managed GitLab’s is the GitLab host, not the registry’s), list it in the `token-hosts` input'),
      r.errors[0],
    );
    assert.equal(selfManaged.tokenRequests.length, mark, 'the realm was asked');
    // The environment variable of the same name works as well.
    const env = await runnerEnv(bench());
    ok(
      await runAction(
        { ...actionInputs(t, await chartDir(bench(), 'web', '5.0.0'), [t.namespace]), 'token-hosts': '' },
        { env: { ...env, CHARTLIFT_TOKEN_HOSTS: selfManaged.tokenHost! } },
      ),
    );
  });

  test('a path three names below the project: one error naming GitLab’s limit of two', async () => {
    const t = targetOf(com);
    const r = await publish(bench(), { ...actionInputs(t, await chartDir(bench(), 'web'), [`${com.project}/a/b`]), retries: '0' });
    failsWith(r, /requested access to the resource is denied/, 'action');
    assert.ok(r.errors[0].includes('at most two names after the project'), r.errors[0]);
  });
});
