import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotNative, readSecretKeys } from '../../src/sign/pgp-sign.js';

// The native signer reads only what it fully understands; anything else goes to openpgp.js.
test('what is not a v4 RSA or Ed25519 secret key is NotNative (openpgp.js takes over)', () => {
  const cases = [
    Buffer.from('hello'),
    Buffer.from('-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxjMEZ\n-----END PGP PUBLIC KEY BLOCK-----\n'),
    Buffer.from([0xc5, 0x03, 0x05, 0x00, 0x00]), // a secret key packet of version 5
    Buffer.from([0xc5, 0x08, 0x04, 0x60, 0x00, 0x00, 0x00, 0x13, 0x00, 0x00]), // ECDSA (algorithm 19)
  ];
  for (const data of cases) assert.throws(() => readSecretKeys(data), NotNative, data.toString('hex'));
});
