import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRealm, tokenHostsFrom } from '../../src/oci/token-realm.js';

const none = new Set<string>();
const refused = (registry: string, origin: string, realm: string, hosts = none) => {
  try {
    checkRealm(registry, origin, realm, hosts);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
};

test('a realm on the registry host is taken; on another host only where the registry is known for it or the user listed it', () => {
  assert.equal(checkRealm('ghcr.io', 'https://ghcr.io', 'https://ghcr.io/token', none).host, 'ghcr.io');
  // Docker Hub and GitLab.com document their token service on another host of theirs.
  assert.equal(
    checkRealm('registry-1.docker.io', 'https://registry-1.docker.io', 'https://auth.docker.io/token', none).host,
    'auth.docker.io',
  );
  assert.equal(checkRealm('registry.gitlab.com', 'https://registry.gitlab.com', 'https://gitlab.com/jwt/auth', none).host, 'gitlab.com');
  // Known pairs hold only for those registries, and only over HTTPS.
  assert.match(
    refused('evil.example', 'https://evil.example', 'https://auth.docker.io/token') ?? '',
    /token realm on another host, auth\.docker\.io/,
  );
  assert.match(
    refused('ghcr.io', 'https://ghcr.io', 'https://169.254.169.254/latest/meta-data') ?? '',
    /another host, 169\.254\.169\.254: no request/,
  );
  assert.match(refused('registry.gitlab.com', 'https://registry.gitlab.com', 'http://gitlab.com/jwt/auth') ?? '', /plain-HTTP token realm/);
  const listed = new Set(tokenHostsFrom('auth.example.com, other.example:8443'));
  assert.equal(checkRealm('reg.example.com', 'https://reg.example.com', 'https://auth.example.com/t', listed).host, 'auth.example.com');
  assert.equal(checkRealm('reg.example.com', 'https://reg.example.com', 'https://other.example:8443/t', listed).host, 'other.example:8443');
  assert.match(refused('reg.example.com', 'https://reg.example.com', 'https://other.example:9443/t', listed) ?? '', /another host/);
  assert.match(refused('reg.example.com', 'https://reg.example.com', 'file:///etc/passwd') ?? '', /not HTTP\(S\)/);
});
