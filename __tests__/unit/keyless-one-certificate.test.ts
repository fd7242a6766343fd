import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { after, before, test } from 'node:test';
import { pem } from '@sigstore/core';
import { CertifiedKey, signMessage, signStatement, timestampBytes, type KeylessSignOptions } from '../../src/sign/keyless/sign.js';
import { signatureStatement } from '../../src/sign/keyless/statement.js';
import { startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';

// One Fulcio certificate for a chart's signatures (the bundle's statement and cosign's classic
// payloads): CertifiedKey. And the stand-in's Rekor storing what Rekor stores, so that the tests hold
// Chartlift to the real log's form: hashedrekord entries checked and canonical, every key as Go PEM.

const DIGEST = `sha256:${createHash('sha256').update('a chart manifest').digest('hex')}`;

let sigstore: SigstoreStandIn;
before(async () => {
  sigstore = await startSigstore();
});
after(async () => {
  await sigstore?.stop();
});

const options = (): KeylessSignOptions => ({
  identityToken: async () => sigstore.token(),
  fulcioURL: sigstore.fulcioURL,
  rekorURL: sigstore.rekorURL,
  tsaURL: sigstore.tsaURL,
  retry: 0,
});

const leafOf = (b: { verificationMaterial: Record<string, unknown> }): string => {
  const m = b.verificationMaterial as {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: Array<{ rawBytes: string }> };
  };
  return m.certificate?.rawBytes ?? m.x509CertificateChain!.certificates[0].rawBytes;
};

/** Every line of a PEM text at most 64 columns, as Go writes it; the text is what @sigstore/core's fromDER writes. */
function isGoPem(b64: string): boolean {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return text === pem.fromDER(Buffer.from(body, 'base64')) && text.split('\n').every((l) => l.length <= 64);
}

test('one certificate for the statement and two classic payloads, asked of Fulcio once, even at once', async () => {
  const calls = { ...sigstore.calls };
  const key = new CertifiedKey(options());
  const [bundle, first, second] = await Promise.all([
    signStatement(signatureStatement(DIGEST), options(), key),
    signMessage(Buffer.from('payload for one repository'), options(), key),
    signMessage(Buffer.from('payload for another'), options(), key),
  ]);
  assert.equal(sigstore.calls.fulcio - calls.fulcio, 1, 'one certificate');
  assert.equal(sigstore.calls.rekor - calls.rekor, 3, 'an entry each');
  assert.equal(leafOf(first), leafOf(bundle));
  assert.equal(leafOf(second), leafOf(bundle));
  assert.equal(first.mediaType, 'application/vnd.dev.sigstore.bundle+json;version=0.2', "sigstore-js's message-signature bundle");
  // Without a key of its own, each signing asks for its own certificate (as before).
  const alone = await signStatement(signatureStatement(DIGEST), options());
  assert.notEqual(leafOf(alone), leafOf(bundle));
});

test("the stand-in's Rekor stores a hashedrekord entry as Rekor does: digest, signature, certificate in Go PEM", async () => {
  const payload = Buffer.from('{"critical":{}}');
  const before = sigstore.entries.length;
  const bundle = await signMessage(payload, options());
  const entry = sigstore.entries[before] as { kind: string; spec: Record<string, Record<string, unknown>> };
  assert.equal(entry.kind, 'hashedrekord');
  assert.deepEqual(entry.spec.data, { hash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') } });
  const key = (entry.spec.signature.publicKey as { content: string }).content;
  assert.ok(isGoPem(key), Buffer.from(key, 'base64').toString());
  assert.equal(Buffer.from(key, 'base64').toString(), pem.fromDER(Buffer.from(leafOf(bundle), 'base64')));
  // What the log signed is this body: the bundle carries the canonical form the stand-in logged.
  const logged = JSON.parse(Buffer.from(bundle.verificationMaterial.tlogEntries[0].canonicalizedBody, 'base64').toString());
  assert.deepEqual(logged, entry);
});

test("the stand-in's Rekor stores a dsse entry's verifier as Go PEM", async () => {
  const before = sigstore.entries.length;
  await signStatement(signatureStatement(DIGEST), options());
  const entry = sigstore.entries[before] as { kind: string; spec: { signatures: Array<{ verifier: string }> } };
  assert.equal(entry.kind, 'dsse');
  assert.ok(isGoPem(entry.spec.signatures[0].verifier));
});

test("the stand-in's Rekor refuses a hashedrekord entry whose signature does not verify over the digest, as Rekor does", async () => {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKey = Buffer.from(key.publicKey.export({ format: 'pem', type: 'spki' })).toString('base64');
  const propose = (signature: Buffer, value: string) =>
    fetch(`${sigstore.rekorURL}/api/v1/log/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: '0.0.1',
        kind: 'hashedrekord',
        spec: {
          data: { hash: { algorithm: 'sha256', value } },
          signature: { content: signature.toString('base64'), publicKey: { content: publicKey } },
        },
      }),
    });
  const data = Buffer.from('signed');
  const hash = createHash('sha256').update(data).digest('hex');
  const good = await propose(sign('sha256', data, key.privateKey), hash);
  assert.equal(good.status, 201, await good.text());
  const bad = await propose(sign('sha256', Buffer.from('other'), key.privateKey), hash);
  assert.equal(bad.status, 400, await bad.text());
  const noHash = await propose(sign('sha256', data, key.privateKey), 'abc');
  assert.equal(noHash.status, 400);
});

test('a timestamp over any bytes (a .att layer): the TSA imprints their sha256', async () => {
  const { RFC3161Timestamp } = await import('@sigstore/core');
  const data = Buffer.from('{"payload":"e30=","payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"AAAA"}]}');
  const token = RFC3161Timestamp.parse(Buffer.from(await timestampBytes(data, { ...options(), tsaURL: sigstore.tsaURL }), 'base64'));
  assert.deepEqual(Buffer.from(token.tstInfo.messageImprintHashedMessage), createHash('sha256').update(data).digest());
});
