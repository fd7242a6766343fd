import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RFC3161Timestamp } from '@sigstore/core';
import { signStatement } from '../../src/sign/keyless/sign.js';
import { signatureStatement, COSIGN_SIGN_PREDICATE_TYPE } from '../../src/sign/keyless/statement.js';
import { verifyBundle } from '../../src/sign/keyless/verify.js';
import { GITHUB_ISSUER, WORKFLOW_SAN, startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';

// A TSA that writes genTime with DER's trimmed fraction of a second (`…12.12Z`, as @sigstore/mock's
// does whenever the clock is not on a whole second): @sigstore/core 4.0.1 alone refuses it ("invalid
// time"); a bundle timestamped by such a TSA verifies with Chartlift all the same.

let sigstore: SigstoreStandIn;
before(async () => {
  sigstore = await startSigstore({ tsaFractionMs: 120 });
});
after(() => sigstore?.stop());

test('a timestamp whose genTime has two fraction digits: refused by @sigstore/core alone, read by Chartlift, the bundle verifies', async () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  const bundle = await signStatement(signatureStatement(digest), {
    identityToken: async () => sigstore.token(),
    fulcioURL: sigstore.fulcioURL,
    rekorURL: sigstore.rekorURL,
    tsaURL: sigstore.tsaURL,
  });
  const token = bundle.verificationMaterial?.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  assert.ok(token, 'the bundle carries an RFC 3161 timestamp');
  const der = Buffer.from(token, 'base64');
  assert.match(der.toString('latin1'), /\d{14}\.12Z/, 'genTime is written with two fraction digits');
  assert.throws(() => RFC3161Timestamp.parse(der).signingTime, /invalid time/);
  const verified = await verifyBundle(bundle, {
    trustedRoot: sigstore.trustedRoot(),
    certificateIdentity: WORKFLOW_SAN,
    certificateIssuer: GITHUB_ISSUER,
    expectedSubjectDigest: digest,
    expectedPredicateType: COSIGN_SIGN_PREDICATE_TYPE,
  });
  assert.equal(verified.identity, WORKFLOW_SAN);
});
