import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { authorization, GITHUB_API_VERSION, recordAttestation } from '../../src/action/attestations-api.js';
import { checkIdTokenPermission, decodeIdTokenClaims, idTokenUrl, requestIdToken, type GitHubClaims } from '../../src/action/oidc.js';
import { buildProvenancePredicate, GITHUB_BUILD_TYPE, SLSA_PREDICATE_V1_TYPE } from '../../src/action/provenance-predicate.js';
import { UserError } from '../../src/errors.js';
import type { RetryPolicy } from '../../src/oci/retry.js';
import { exec } from '../helpers/exec.js';
import { githubClaims, startGitHubFront, type GitHubFront } from '../helpers/github-api.js';
import { ROOT } from '../helpers/paths.js';

// Short tries so that a hanging front ends the test quickly; the bound is what is asserted.
const FAST: RetryPolicy = { retries: 2, baseMs: 10, capMs: 20, maxRetryAfterMs: 50, timeoutMs: 400 };

let front: GitHubFront;
before(async () => {
  front = await startGitHubFront();
});
after(async () => {
  await front.close();
});
beforeEach(() => {
  front.claims = githubClaims();
  front.token.mode = 'ok';
  front.tokenRequests.length = 0;
  front.issued.length = 0;
  front.attestations.mode = 'ok';
  front.attestations.message = undefined;
  front.attestations.posted.length = 0;
});

const runnerEnv = () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: front.tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: front.requestToken });

// ---- the ID token ----

test('the token is asked for as getIDToken asks: `&audience=sigstore` after the runner URL query, the request token as a Bearer', async () => {
  const token = await requestIdToken(runnerEnv());
  assert.equal(front.tokenRequests.length, 1);
  const [req] = front.tokenRequests;
  assert.equal(req.url, '/_apis/idtoken?api-version=2.0&audience=sigstore');
  assert.equal(req.headers.authorization, `Bearer ${front.requestToken}`);
  assert.equal(req.headers.accept, 'application/json');
  assert.equal(token, front.issued[0]);
  assert.equal(decodeIdTokenClaims(token).aud, 'sigstore');
  // Another audience is encoded as encodeURIComponent encodes it.
  const other = await requestIdToken(runnerEnv(), 'https://example.test/a b');
  assert.equal(front.tokenRequests[1].url, '/_apis/idtoken?api-version=2.0&audience=https%3A%2F%2Fexample.test%2Fa%20b');
  assert.equal(decodeIdTokenClaims(other).aud, 'https://example.test/a b');
});

test('the audience joins the URL as upstream joins it: `&` after a query (even an empty one), `?` where there is none', () => {
  assert.equal(
    idTokenUrl('https://r.example/idtoken?api-version=2.0', 'sigstore'),
    'https://r.example/idtoken?api-version=2.0&audience=sigstore',
  );
  // @actions/attest's own test fixture ends its URL with `?`.
  assert.equal(
    idTokenUrl('https://token.actions.foo.ghe.com/token?', 'nobody'),
    'https://token.actions.foo.ghe.com/token?&audience=nobody',
  );
  assert.equal(idTokenUrl('https://r.example/idtoken', 'sigstore'), 'https://r.example/idtoken?audience=sigstore');
});

test('the front issues a real ES256 JWT with GitHub claims, which decodes to them', async () => {
  const token = await requestIdToken(runnerEnv());
  const [h, p, s] = token.split('.');
  const key = createPublicKey({ key: front.jwks.keys[0] as never, format: 'jwk' });
  assert.ok(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url')));
  const claims = decodeIdTokenClaims(token);
  assert.equal(claims.iss, 'https://token.actions.githubusercontent.com');
  assert.equal(claims.sub, 'repo:octo-org/octo-chart:ref:refs/heads/main');
  assert.equal(claims.repository_id, '654321');
  assert.equal(claims.job_workflow_ref, 'octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main');
});

test('without `id-token: write` the step is told which permission to add, before any request', async () => {
  const line = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      assert.ok(err instanceof UserError);
      return err.toLine();
    }
    return assert.fail('no error');
  };
  const text = line(() => checkIdTokenPermission({}));
  assert.equal(
    text,
    "Keyless signing needs the workflow's OIDC ID token, and this job has none (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN not set). " +
      "Add `id-token: write` to the job's permissions, e.g. `permissions: { id-token: write, packages: write, contents: read }` " +
      '(a job that sets `permissions` gets none it does not list; pull requests from forks never get an ID token).',
  );
  assert.match(
    line(() => checkIdTokenPermission({ ACTIONS_ID_TOKEN_REQUEST_URL: front.tokenUrl })),
    /\(ACTIONS_ID_TOKEN_REQUEST_TOKEN not set\)/,
  );
  assert.doesNotThrow(() => checkIdTokenPermission(runnerEnv()));
  await assert.rejects(requestIdToken({}), (err: Error) => err instanceof UserError && /id-token: write/.test(err.toLine()));
  assert.equal(front.tokenRequests.length, 0);
});

test('a token service that refuses, fails, hangs or answers no token: one error, bounded, quoting neither token', async () => {
  const fails = async (env: ReturnType<typeof runnerEnv>, pattern: RegExp) => {
    let line = '';
    await assert.rejects(requestIdToken(env, 'sigstore', { policy: FAST }), (err: Error) => {
      line = err instanceof UserError ? err.toLine() : err.message;
      return true;
    });
    assert.match(line, pattern);
    assert.ok(!line.includes(front.requestToken) && !line.includes('secret'), line);
    assert.ok(!line.includes('\n'));
  };
  await fails({ ...runnerEnv(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong-request-token' }, /answered HTTP 401/);
  front.token.mode = 500;
  front.tokenRequests.length = 0;
  await fails(runnerEnv(), /answered HTTP 500/);
  assert.equal(front.tokenRequests.length, FAST.retries + 1, 'a 5xx is tried again, a bounded number of times');
  front.token.mode = 'no-value';
  await fails(runnerEnv(), /has no token \(`value`\)/);
  front.token.mode = 'hang';
  const started = Date.now();
  await fails(runnerEnv(), /runner: no answer in time/);
  assert.ok(Date.now() - started < (FAST.retries + 1) * FAST.timeoutMs + 1000);
  front.token.mode = 'not-jwt';
  const token = await requestIdToken(runnerEnv(), 'sigstore', { policy: FAST });
  assert.throws(
    () => decodeIdTokenClaims(token),
    (err: Error) => /is not a JWT/.test(err.message) && !err.message.includes(token),
  );
});

test('a token without a claim the predicate needs is refused, naming the claims', () => {
  const payload = { ...githubClaims() } as Record<string, unknown>;
  delete payload.workflow_ref;
  payload.run_attempt = 2; // GitHub writes every claim as a string
  const jwt = `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
  assert.throws(() => decodeIdTokenClaims(jwt), /lacks the claims a GitHub Actions token carries: workflow_ref, run_attempt/);
});

test('the ID token is masked before anything is printed, and never printed by a step that logs all around it', async () => {
  const child = path.join(ROOT, '__tests__', 'helpers', 'oidc-child.ts');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_DEBUG: '1',
    ...runnerEnv(),
    GITHUB_SERVER_URL: 'https://github.com',
  };
  const r = await exec(process.execPath, ['--import', 'tsx', child], { env, cwd: ROOT });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(front.issued.length, 1);
  const token = front.issued[0];
  const lines = r.stdout.split('\n');
  const maskAt = lines.indexOf(`::add-mask::${token}`);
  assert.ok(maskAt >= 0, 'the token is masked');
  assert.ok(lines.findIndex((l) => l.startsWith('claims: ')) > maskAt, 'before the claims are printed');
  assert.match(r.stdout, /^predicate: \{"buildDefinition"/m);
  const visible = lines.filter((l) => !l.startsWith('::add-mask::')).join('\n');
  for (const secret of [token, front.requestToken, token.split('.')[2]]) {
    assert.ok(!visible.includes(secret), 'the token is not printed');
    assert.ok(!r.stderr.includes(secret));
  }

  // A value that is no JWT: masked too, and the error does not quote it.
  front.token.mode = 'not-jwt';
  const bad = await exec(process.execPath, ['--import', 'tsx', child], { env, cwd: ROOT });
  assert.match(bad.stdout, /^::add-mask::not-a-jwt-secret-value-0123456789$/m);
  assert.match(bad.stdout, /^::error::The runner's ID token is not a JWT/m);
  const shown = bad.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  assert.ok(!shown.includes('not-a-jwt-secret-value') && !shown.includes(front.requestToken));
});

// ---- the provenance predicate ----

test('the predicate for a push to main is what @actions/attest 3.2.0 builds (golden, written from provenance.ts)', () => {
  const claims = githubClaims() as GitHubClaims;
  const predicate = buildProvenancePredicate({ GITHUB_SERVER_URL: 'https://github.com' }, claims);
  // Each value below follows buildSLSAProvenancePredicate line by line, for the helper's claims.
  const golden = {
    buildDefinition: {
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: {
        workflow: {
          ref: 'refs/heads/main',
          repository: 'https://github.com/octo-org/octo-chart',
          path: '.github/workflows/release.yml',
        },
      },
      internalParameters: {
        github: {
          event_name: 'push',
          repository_id: '654321',
          repository_owner_id: '123456',
          runner_environment: 'github-hosted',
        },
      },
      resolvedDependencies: [
        {
          uri: 'git+https://github.com/octo-org/octo-chart@refs/heads/main',
          digest: { gitCommit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
        },
      ],
    },
    runDetails: {
      builder: { id: 'https://github.com/octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main' },
      metadata: { invocationId: 'https://github.com/octo-org/octo-chart/actions/runs/9876543210/attempts/2' },
    },
  };
  assert.deepStrictEqual(predicate, golden);
  // The same keys in the same order as upstream's object literal: the JSON is byte for byte theirs.
  assert.equal(JSON.stringify(predicate), JSON.stringify(golden));
  assert.equal(SLSA_PREDICATE_V1_TYPE, 'https://slsa.dev/provenance/v1');
  assert.equal(GITHUB_BUILD_TYPE, 'https://actions.github.io/buildtypes/workflow/v1');
});

test("the predicate for upstream's own test claims (a reusable workflow on GHE.com) equals upstream's snapshot", () => {
  // actions/toolkit packages/attest/__tests__/provenance.test.ts claims, GITHUB_SERVER_URL https://foo.ghe.com,
  // and __snapshots__/provenance.test.ts.snap's `params` (the snapshot sorts keys; deepStrictEqual ignores order).
  const claims = {
    iss: 'https://token.actions.foo.ghe.com',
    aud: 'nobody',
    repository: 'owner/repo',
    ref: 'refs/heads/main',
    sha: 'babca52ab0c93ae16539e5923cb0d7403b9a093b',
    job_workflow_ref: 'owner/workflows/.github/workflows/publish.yml@main',
    workflow_ref: 'owner/repo/.github/workflows/main.yml@main',
    event_name: 'push',
    repository_id: 'repo-id',
    repository_owner_id: 'owner-id',
    run_id: 'run-id',
    run_attempt: 'run-attempt',
    runner_environment: 'github-hosted',
  };
  assert.deepStrictEqual(buildProvenancePredicate({ GITHUB_SERVER_URL: 'https://foo.ghe.com' }, claims), {
    buildDefinition: {
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: {
        workflow: { path: '.github/workflows/main.yml', ref: 'refs/heads/main', repository: 'https://foo.ghe.com/owner/repo' },
      },
      internalParameters: {
        github: { event_name: 'push', repository_id: 'repo-id', repository_owner_id: 'owner-id', runner_environment: 'github-hosted' },
      },
      resolvedDependencies: [
        { digest: { gitCommit: 'babca52ab0c93ae16539e5923cb0d7403b9a093b' }, uri: 'git+https://foo.ghe.com/owner/repo@refs/heads/main' },
      ],
    },
    runDetails: {
      builder: { id: 'https://foo.ghe.com/owner/workflows/.github/workflows/publish.yml@main' },
      metadata: { invocationId: 'https://foo.ghe.com/owner/repo/actions/runs/run-id/attempts/run-attempt' },
    },
  });
});

test('the predicate is built from the claims the front put in the token (a tag push from a self-hosted runner)', async () => {
  front.claims = {
    ...githubClaims(),
    ref: 'refs/tags/v1.2.3',
    ref_type: 'tag',
    event_name: 'release',
    runner_environment: 'self-hosted',
    workflow_ref: 'octo-org/octo-chart/.github/workflows/release.yml@refs/tags/v1.2.3',
    job_workflow_ref: 'octo-org/shared/.github/workflows/chart.yml@refs/heads/stable',
  };
  const claims = decodeIdTokenClaims(await requestIdToken(runnerEnv()));
  const p = buildProvenancePredicate({}, claims); // no GITHUB_SERVER_URL: github.com
  assert.deepStrictEqual(p.buildDefinition.externalParameters.workflow, {
    ref: 'refs/tags/v1.2.3',
    repository: 'https://github.com/octo-org/octo-chart',
    path: '.github/workflows/release.yml',
  });
  assert.equal(p.buildDefinition.internalParameters.github.event_name, 'release');
  assert.equal(p.buildDefinition.internalParameters.github.runner_environment, 'self-hosted');
  assert.equal(p.buildDefinition.resolvedDependencies[0].uri, 'git+https://github.com/octo-org/octo-chart@refs/tags/v1.2.3');
  assert.equal(p.runDetails.builder.id, 'https://github.com/octo-org/shared/.github/workflows/chart.yml@refs/heads/stable');
});

// ---- the attestations API ----

const BUNDLE = {
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  verificationMaterial: { certificate: { rawBytes: 'MIIB' }, tlogEntries: [] },
  dsseEnvelope: { payload: 'e30=', payloadType: 'application/vnd.in-toto+json', signatures: [{ sig: 'MEUC', keyid: '' }] },
};
const GITHUB_TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';

test('the bundle is POSTed to /repos/{owner}/{repo}/attestations as writeAttestation posts it, and GitHub’s id returned', async () => {
  const r = await recordAttestation(BUNDLE, { token: GITHUB_TOKEN, repository: 'octo-org/octo-chart', apiUrl: front.url });
  assert.deepEqual(r, { id: '1' });
  const [post] = front.attestations.posted;
  assert.equal(post.path, '/repos/octo-org/octo-chart/attestations');
  assert.deepStrictEqual(post.body, { bundle: BUNDLE });
  assert.equal(post.headers.authorization, `token ${GITHUB_TOKEN}`);
  assert.equal(post.headers.accept, 'application/vnd.github+json');
  assert.equal(post.headers['x-github-api-version'], GITHUB_API_VERSION);
  assert.equal(post.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(post.headers['user-agent'], 'chartlift');
  // A GHES API URL (a path, a trailing slash) keeps its path.
  const again = await recordAttestation(BUNDLE, { token: GITHUB_TOKEN, repository: 'octo-org/octo-chart', apiUrl: `${front.url}/api/v3/` });
  assert.deepEqual(again, { id: '2' });
  assert.equal(front.attestations.posted[1].path, '/api/v3/repos/octo-org/octo-chart/attestations');
  // Octokit's prefix: `bearer` for a JWT (an app's token), `token` otherwise.
  assert.equal(authorization('a.b.c'), 'bearer a.b.c');
});

test('each way the attestations API fails is one warning line saying why, never a throw, never the token', async () => {
  const warning = async (opts: Partial<Parameters<typeof recordAttestation>[1]> = {}) => {
    const r = await recordAttestation(BUNDLE, {
      token: GITHUB_TOKEN,
      repository: 'octo-org/octo-chart',
      apiUrl: front.url,
      policy: FAST,
      ...opts,
    });
    assert.equal(r.id, undefined);
    const w = r.warning ?? '';
    assert.ok(w.startsWith("The attestation was not recorded with GitHub's attestations API: "), w);
    assert.ok(w.endsWith('(it is attached to the chart in the registry: `gh attestation verify --bundle-from-oci` finds it).'), w);
    assert.ok(!w.includes('\n') && !w.includes(GITHUB_TOKEN), w);
    return w;
  };
  const posts = () => front.attestations.posted.length;

  front.attestations.mode = 403;
  front.attestations.message = 'Resource not accessible by integration';
  assert.match(
    await warning(),
    /GitHub forbade it \(HTTP 403: "Resource not accessible by integration"\): give the job `attestations: write`/,
  );
  assert.equal(posts(), 1, 'a 403 is not tried again');

  front.attestations.mode = 404;
  front.attestations.message = 'Not Found';
  assert.match(
    await warning(),
    /GitHub found no such API \(HTTP 404: "Not Found"\): this server has no attestations API, or the token cannot see octo-org\/octo-chart/,
  );

  front.attestations.mode = 401;
  front.attestations.message = 'Bad credentials';
  assert.match(await warning(), /GitHub refused the token \(HTTP 401: "Bad credentials"\)/);

  front.attestations.mode = 422;
  front.attestations.message = 'Validation Failed\n\u001b[31mred';
  assert.match(await warning(), /did not accept the bundle \(HTTP 422: "Validation Failed\\u000a\\u001b\[31mred"\)/);

  front.attestations.mode = 500;
  front.attestations.message = undefined;
  const before500 = posts();
  assert.match(await warning(), /GitHub answered HTTP 500 after 3 tries: "Internal Server Error"/);
  assert.equal(posts() - before500, FAST.retries + 1);

  front.attestations.mode = 'hang';
  const started = Date.now();
  assert.match(await warning(), /GitHub's API: no answer in time/);
  assert.ok(Date.now() - started < (FAST.retries + 1) * FAST.timeoutMs + 1000, 'bounded by the tries');

  front.attestations.mode = 'no-id';
  assert.match(await warning(), /answered HTTP 201 without an attestation id/);

  // Nothing listening there.
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((r) => closed.close(() => r()));
  assert.match(await warning({ apiUrl: `http://127.0.0.1:${port}` }), /GitHub's API: the connection failed \(ECONNREFUSED\)/);

  // Bad options: warned, nothing sent.
  const sent = posts();
  assert.match(await warning({ token: '' }), /no GitHub token was given/);
  assert.match(await warning({ repository: 'octo-chart' }), /the repository `octo-chart` is not owner\/name/);
  assert.match(await warning({ apiUrl: 'ftp://example.test' }), /is not an http\(s\) URL/);
  assert.equal(posts(), sent);
});
