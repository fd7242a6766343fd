import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { basicAuth, basicToken } from '../../src/oci/basic-auth.js';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (name.endsWith('.ts')) yield full;
  }
}

/** The files under src/ whose code matches `pattern`, relative to src/. */
function filesMatching(pattern: RegExp): string[] {
  return [...sources(SRC)].filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f));
}

test('registry clients are made in one module, for both faces', () => {
  assert.deepEqual(filesMatching(/new RegistryClient\(/), ['release/registries.ts']);
});

test('Basic credentials are encoded in one function', () => {
  assert.equal(basicToken('user', 'pa:ss word'), Buffer.from('user:pa:ss word').toString('base64'));
  assert.equal(basicAuth('user', 'pa:ss word'), `Basic ${basicToken('user', 'pa:ss word')}`);
  // Anything else Base64 in src/ is an OpenPGP armour (pgp-sign.ts), not a credential.
  assert.deepEqual(filesMatching(/\$\{[^}]+\}:\$\{[^}]+\}`\)\.toString\('base64'\)/), ['oci/basic-auth.ts']);
});
