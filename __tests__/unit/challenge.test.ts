import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChallenge } from '../../src/oci/challenge.js';

const cases: Array<[string, ReturnType<typeof parseChallenge>]> = [
  ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
  [
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
    {
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' },
    },
  ],
  [
    'bearer Realm=https://ghcr.io/token, Service=ghcr.io',
    { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io' } },
  ],
  [
    'Bearer realm="https://r/t",scope="repository:a:pull,push",error="insufficient_scope"',
    { scheme: 'bearer', params: { realm: 'https://r/t', scope: 'repository:a:pull,push', error: 'insufficient_scope' } },
  ],
  ['Basic realm="say \\"hi\\""', { scheme: 'basic', params: { realm: 'say "hi"' } }],
  ['Bearer', { scheme: 'bearer', params: {} }],
];
for (const [header, want] of cases) test(`parses ${header}`, () => assert.deepEqual(parseChallenge(header), want));
test('no header, no challenge', () => assert.equal(parseChallenge(undefined), undefined));
