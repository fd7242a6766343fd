import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_HINTS } from '../../src/action/hints.js';
import { CLI_HINTS } from '../../src/cli/hints.js';
import { errorLine, type ErrorCode, type UserError } from '../../src/errors.js';
import { quotaSpent, responseError } from '../../src/oci/errors.js';
import { hostedFamily } from '../../src/oci/hosted-registries.js';
import { checkRealm } from '../../src/oci/token-realm.js';

// What the hosted registries answer, named with their own remedy (src/oci/hosted-registries.ts): by
// their host where it names one, else by the answer itself. The answers are the ones the fronts in
// __tests__/helpers/fronts play, from each registry's docs and issue trackers.

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  url: 'https://r/v2/',
});
const errors = (code: string, message: string) => ({ errors: [{ code, message }] });

test('a registry’s family by its host, else by its challenge’s service', () => {
  const hosts: Array<[string, string | undefined]> = [
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'ecr'],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com', 'ecr'],
    ['myregistry.azurecr.io', 'acr'],
    ['europe-docker.pkg.dev', 'gar'],
    ['us-central1-docker.pkg.dev', 'gar'],
    ['ghcr.io', 'ghcr'],
    ['registry-1.docker.io', 'docker-hub'],
    ['docker.io', 'docker-hub'],
    ['quay.io', 'quay'],
    ['mycompany.jfrog.io', 'artifactory'],
    ['registry.gitlab.com', 'gitlab'],
    ['registry.example.com', undefined],
    ['evil.example/ghcr.io', undefined],
    ['ghcr.io.evil.example', undefined],
  ];
  for (const [host, family] of hosts) assert.equal(hostedFamily(host), family, host);
  assert.equal(hostedFamily('127.0.0.1:5000', 'registry.docker.io'), 'docker-hub');
  assert.equal(hostedFamily('registry.example.com', 'container_registry'), 'gitlab');
  assert.equal(hostedFamily('harbor.example.com', 'harbor-registry'), 'harbor');
  assert.equal(hostedFamily('127.0.0.1:5000', 'ecr.amazonaws.com'), 'ecr');
});

test('a missing repository names the command that creates it: ECR, GAR, Harbor', () => {
  const ecr = responseError(
    'start an upload to',
    answer(404, errors('NAME_UNKNOWN', "The repository with name 'charts/web' does not exist in the registry with id '123456789012'")),
    { registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', repository: 'charts/web' },
  );
  assert.match(ecr.message, /charts\/web does not exist: Amazon ECR creates no repository on push/);
  assert.match(ecr.hint!, /aws ecr create-repository --repository-name charts\/web.*CREATE_ON_PUSH/);
  const gar = responseError('start an upload to', answer(404, errors('NAME_UNKNOWN', 'Repository "charts" not found')), {
    registry: 'us-docker.pkg.dev',
    repository: 'p/charts/web',
  });
  assert.match(gar.message, /the Artifact Registry repository "charts" does not exist/);
  assert.match(gar.hint!, /gcloud artifacts repositories create charts --repository-format=docker --location=us/);
  const harbor = responseError(
    'look up',
    answer(401, errors('UNAUTHORIZED', 'project not found, name: library: project not found, name: library')),
    { registry: 'harbor.example.com', repository: 'library/web', username: 'robot$library+ci' },
  );
  assert.match(harbor.message, /the Harbor project "library" does not exist/);
  assert.doesNotMatch(errorLine(harbor), /Check the username and password/);
  // Another registry's NAME_UNKNOWN is its own words, nothing more.
  const other = responseError('start an upload to', answer(404, errors('NAME_UNKNOWN', 'repository name not known to registry')), {
    registry: 'registry.example.com',
    repository: 'x/web',
  });
  assert.doesNotMatch(errorLine(other), /aws ecr|gcloud|Harbor/);
});

test('immutable tags: ECR, Harbor (412), ACR (locked), any registry’s words; a referrers tag gets its own remedy', () => {
  const cases: Array<[number, unknown, RegExp]> = [
    [
      400,
      errors(
        'TAG_INVALID',
        "The image tag '1.0.0' already exists in the 'charts/web' repository and cannot be overwritten because the tag is immutable.",
      ),
      /is immutable in this registry/,
    ],
    [412, errors('PRECONDITION', "Failed to process request due to 'library/web:1.0.0' configured as immutable."), /is immutable/],
    [
      405,
      errors('REGISTRY_DISALLOWED_OPERATION', 'The operation is disallowed on this registry, repository or image.'),
      /is locked \(ACR: writeEnabled false; unlock it with az acr repository update --image charts\/web:1\.0\.0 --write-enabled true\)/,
    ],
  ];
  for (const [status, body, says] of cases) {
    const e = responseError('push the manifest to', answer(status, body), {
      registry: 'r.example',
      repository: 'charts/web',
      reference: '1.0.0',
    });
    assert.equal(e.code, 'tag-immutable');
    assert.match(e.message, says);
    assert.match(errorLine(e, ACTION_HINTS), /set `if-exists: skip`/);
    assert.match(errorLine(e, CLI_HINTS), /--if-exists skip/);
  }
  const ecr = responseError(
    'push the manifest to',
    answer(400, errors('TAG_INVALID', "The image tag 'x' already exists ... cannot be overwritten because the tag is immutable.")),
    { registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', repository: 'charts/web', reference: '1.0.0' },
  );
  assert.match(ecr.message, /image tag mutability IMMUTABLE/);
  const fallback = responseError('push the manifest to', answer(400, errors('TAG_INVALID', 'the tag is immutable')), {
    registry: 'r.example',
    repository: 'charts/web',
    reference: `sha256-${'a'.repeat(64)}`,
  });
  assert.equal(fallback.code, 'referrers-tag-immutable');
  assert.match(errorLine(fallback, ACTION_HINTS), /IMMUTABLE_WITH_EXCLUSION.*`keyless-sign: false`/);
  // Only a manifest write is about a tag.
  assert.equal(responseError('look up', answer(400, errors('DENIED', 'immutable')), { registry: 'r.example' }).code, undefined);
});

test('Docker Hub’s pull limit: the window, the source, when it frees up; not retried; the remedy by who asks', () => {
  const headers = { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '0;w=21600', 'docker-ratelimit-source': '192.0.2.1' };
  const body = errors('TOOMANYREQUESTS', 'You have reached your pull rate limit.');
  const anonymous = responseError('pull', answer(429, body, headers), { registry: 'registry-1.docker.io', repository: 'library/x' });
  assert.match(
    anonymous.message,
    /^Docker Hub is rate limiting requests \(0 of 100 pulls left in a 21600-second window, counted for 192\.0\.2\.1\): it frees up within the window, by \d{4}-\d\d-\d\d \d\d:\d\d UTC at the latest/,
  );
  assert.equal(anonymous.code, 'rate-limited');
  assert.equal(anonymous.transient, false);
  assert.ok(quotaSpent(headers));
  assert.ok(!quotaSpent({ 'ratelimit-remaining': '3;w=21600' }));
  const withRetryAfter = responseError('pull', answer(429, body, { ...headers, 'retry-after': '120' }), {
    registry: 'registry-1.docker.io',
  });
  assert.match(withRetryAfter.message, /it resets at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  const signedIn = responseError('pull', answer(429, body, headers), { registry: 'registry-1.docker.io', username: 'me' });
  assert.equal(signedIn.code, undefined);
  assert.match(signedIn.hint!, /paid plan/);
  // A 429 without a window is a passing limit: retried, reported as before.
  const passing = responseError('look up', answer(429, errors('TOOMANYREQUESTS', 'slow down'), { 'retry-after': '1' }), {
    registry: 'r.example',
  });
  assert.equal(passing.transient, true);
  assert.match(passing.message, /^r\.example is rate limiting requests \(TOOMANYREQUESTS: slow down\)$/);
});

test('paths deeper or shallower than the registry allows: Docker Hub, GAR, GitLab', () => {
  const hub = responseError('get a token for', answer(400, { details: 'invalid repository name' }), {
    registry: '127.0.0.1:5000',
    repository: 'me/charts/web',
    service: 'registry.docker.io',
  });
  assert.match(hub.message, /its repositories are <namespace>\/<name>, two components/);
  assert.match(hub.hint!, /oci:\/\/registry-1\.docker\.io\/<namespace>/);
  const gar = responseError(
    'start an upload to',
    answer(
      400,
      errors('NAME_INVALID', 'Missing image name. Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE'),
    ),
    { registry: 'europe-docker.pkg.dev', repository: 'p/web' },
  );
  assert.match(gar.hint!, /LOCATION-docker\.pkg\.dev\/PROJECT\/REPOSITORY/);
  const gitlab = responseError('push the manifest to', answer(403, errors('DENIED', 'requested access to the resource is denied')), {
    registry: 'registry.gitlab.com',
    repository: 'g/p/a/b/web',
  });
  assert.match(gitlab.hint!, /at most two names after the project/);
});

test('GHCR’s denial by its own words, wherever it runs', () => {
  const e = responseError(
    'push the manifest to',
    answer(403, errors('DENIED', 'permission_denied: The token provided does not match expected scopes.')),
    { registry: '127.0.0.1:5000', repository: 'o/c/web' },
  );
  assert.equal(e.code, 'ghcr-denied');
});

test('a realm on another host: the host, why, and the setting, in each face’s words', () => {
  let refused: UserError | undefined;
  try {
    checkRealm('registry.example.com', 'https://registry.example.com', 'https://gitlab.example.com/jwt/auth', new Set());
  } catch (err) {
    refused = err as UserError;
  }
  assert.equal(refused?.code, 'token-realm-refused');
  assert.match(
    refused!.message,
    /token realm on another host, gitlab\.example\.com: no request is sent there, as the runner's credentials would go with it/,
  );
  assert.match(errorLine(refused, ACTION_HINTS), /list it in the `token-hosts` input \(or CHARTLIFT_TOKEN_HOSTS\)/);
  assert.match(errorLine(refused, CLI_HINTS), /give --token-hosts HOST \(or set CHARTLIFT_TOKEN_HOSTS=HOST\)/);
  assert.match(errorLine(refused), /list it in CHARTLIFT_TOKEN_HOSTS/);
});

test('the new codes have words in both faces; the CLI’s name no input', () => {
  const codes: ErrorCode[] = ['token-realm-refused', 'tag-immutable', 'referrers-refused', 'referrers-tag-immutable', 'rate-limited'];
  for (const code of codes) {
    assert.ok(ACTION_HINTS[code], `action: ${code}`);
    assert.ok(CLI_HINTS[code], `cli: ${code}`);
    assert.doesNotMatch(CLI_HINTS[code]!, /input|`[a-z-]+: (true|false|skip)`/, code);
  }
});
