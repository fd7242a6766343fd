import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { SIGSTORE_PUBLIC_GOOD, githubSigstoreEndpoints } from '../../src/sign/keyless/endpoints.js';
import { signStatement, type KeylessSignOptions, type SerializedBundle } from '../../src/sign/keyless/sign.js';
import {
  COSIGN_SIGN_PREDICATE_TYPE,
  IN_TOTO_PAYLOAD_TYPE,
  SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
  SLSA_PROVENANCE_V1_PREDICATE_TYPE,
  ociSubjectName,
  provenanceStatement,
  signatureStatement,
} from '../../src/sign/keyless/statement.js';
import { verifyBundle, type KeylessVerifyOptions } from '../../src/sign/keyless/verify.js';
import { GITHUB_ISSUER, WORKFLOW_SAN, startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';

// Keyless signing against a Sigstore stand-in on loopback (real HTTP: @sigstore/mock's Fulcio, Rekor
// and TSA behind a token-checking Fulcio front and a canonicalising Rekor front), verified with
// @sigstore/verify against the stand-in's trusted root.

const DIGEST = `sha256:${createHash('sha256').update('a chart manifest').digest('hex')}`;
const OTHER = `sha256:${createHash('sha256').update('another manifest').digest('hex')}`;

let sigstore: SigstoreStandIn;
let other: SigstoreStandIn;
before(async () => {
  [sigstore, other] = await Promise.all([startSigstore(), startSigstore()]);
});
after(async () => {
  await Promise.all([sigstore?.stop(), other?.stop()]);
});

function signOptions(extra: Partial<KeylessSignOptions> = {}): KeylessSignOptions {
  return {
    identityToken: async () => sigstore.token(),
    fulcioURL: sigstore.fulcioURL,
    rekorURL: sigstore.rekorURL,
    tsaURL: sigstore.tsaURL,
    retry: 0,
    ...extra,
  };
}

function verifyOptions(extra: Partial<KeylessVerifyOptions> = {}): KeylessVerifyOptions {
  return {
    trustedRoot: sigstore.trustedRoot(),
    certificateIdentity: WORKFLOW_SAN,
    certificateIssuer: GITHUB_ISSUER,
    expectedSubjectDigest: DIGEST,
    expectedPredicateType: COSIGN_SIGN_PREDICATE_TYPE,
    ...extra,
  };
}

let signed: SerializedBundle;
async function signedBundle(): Promise<SerializedBundle> {
  signed ??= await signStatement(signatureStatement(DIGEST), signOptions());
  return structuredClone(signed);
}

test("the signature statement is cosign 3's: subject digest with empty annotations and no name, empty predicate", () => {
  assert.deepEqual(signatureStatement(DIGEST), {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ digest: { sha256: DIGEST.slice(7) }, annotations: {} }],
    predicateType: 'https://sigstore.dev/cosign/sign/v1',
    predicate: {},
  });
  assert.deepEqual(provenanceStatement(ociSubjectName('ghcr.io', 'acme/charts/web'), DIGEST, { buildDefinition: {} }).subject, [
    { name: 'ghcr.io/acme/charts/web', digest: { sha256: DIGEST.slice(7) } },
  ]);
  assert.throws(() => signatureStatement('sha256:abc'), /not a sha256 digest/);
});

test('a signed statement is a v0.3 bundle with a Rekor dsse entry in canonical form and a timestamp, and verifies for the workflow identity', async () => {
  const bundle = await signedBundle();
  assert.equal(bundle.mediaType, SIGSTORE_BUNDLE_V03_MEDIA_TYPE);
  assert.equal(bundle.dsseEnvelope?.payloadType, IN_TOTO_PAYLOAD_TYPE);
  assert.ok(bundle.verificationMaterial.certificate, 'a single leaf certificate, as v0.3 has it');
  const [entry] = bundle.verificationMaterial.tlogEntries;
  assert.deepEqual(entry.kindVersion, { kind: 'dsse', version: '0.0.1' });
  const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString('utf8'));
  const payload = Buffer.from(bundle.dsseEnvelope!.payload, 'base64');
  assert.deepEqual(Object.keys(body.spec).sort(), ['envelopeHash', 'payloadHash', 'signatures']);
  assert.equal(body.spec.payloadHash.value, createHash('sha256').update(payload).digest('hex'));
  assert.equal(body.spec.signatures[0].signature, bundle.dsseEnvelope!.signatures[0].sig);
  assert.equal(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length, 1);

  const verified = await verifyBundle(bundle, verifyOptions());
  assert.equal(verified.identity, WORKFLOW_SAN);
  assert.equal(verified.issuer, GITHUB_ISSUER);
  assert.deepEqual(verified.statement, signatureStatement(DIGEST));
  // A regular expression for the identity, as cosign's --certificate-identity-regexp.
  await verifyBundle(JSON.stringify(bundle), verifyOptions({ certificateIdentity: /^https:\/\/github\.com\/acme\/charts\// }));
});

test('another identity, another issuer, another digest, another predicate type: each refused, saying which', async () => {
  const bundle = await signedBundle();
  await assert.rejects(
    verifyBundle(
      bundle,
      verifyOptions({ certificateIdentity: 'https://github.com/acme/charts/.github/workflows/other.yml@refs/heads/main' }),
    ),
    /certificate's identity is not .*other\.yml/,
  );
  await assert.rejects(verifyBundle(bundle, verifyOptions({ certificateIdentity: /^https:\/\/github\.com\/evil\// })), /identity is not/);
  await assert.rejects(verifyBundle(bundle, verifyOptions({ certificateIssuer: 'https://accounts.google.com' })), /identity is not/);
  await assert.rejects(
    verifyBundle(bundle, verifyOptions({ expectedSubjectDigest: OTHER })),
    /statement is for sha256:[0-9a-f]{64}, not sha256:/,
  );
  await assert.rejects(
    verifyBundle(bundle, verifyOptions({ expectedPredicateType: SLSA_PROVENANCE_V1_PREDICATE_TYPE })),
    /predicate type is https:\/\/sigstore\.dev\/cosign\/sign\/v1, not https:\/\/slsa\.dev/,
  );
});

test('a changed statement is refused: the payload re-pointed at another digest no longer matches the signature or the log', async () => {
  const bundle = await signedBundle();
  const changed = { ...signatureStatement(OTHER) };
  bundle.dsseEnvelope!.payload = Buffer.from(JSON.stringify(changed)).toString('base64');
  await assert.rejects(verifyBundle(bundle, verifyOptions({ expectedSubjectDigest: OTHER })), /keyless signature refused/);
  // The signature replaced by another valid-looking one: the log entry no longer matches.
  const resigned = await signedBundle();
  resigned.dsseEnvelope!.signatures[0].sig = Buffer.from('not the signature').toString('base64');
  await assert.rejects(verifyBundle(resigned, verifyOptions()), /keyless signature refused/);
});

test("a bundle is refused against another instance's trusted root (the certificate chains to no trusted CA)", async () => {
  await assert.rejects(
    verifyBundle(await signedBundle(), verifyOptions({ trustedRoot: other.trustedRoot() })),
    /keyless signature refused/,
  );
});

test('rekor only: the log entry is the trusted time; tsa only: the timestamp is, for an instance without Rekor', async () => {
  const rekorOnly = await signStatement(signatureStatement(DIGEST), signOptions({ tsaURL: undefined }));
  assert.equal(rekorOnly.verificationMaterial.tlogEntries.length, 1);
  assert.equal(rekorOnly.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.length ?? 0, 0);
  await verifyBundle(rekorOnly, verifyOptions({ trustedRoot: sigstore.trustedRoot({ tsa: false }) }));

  const before = sigstore.calls.rekor;
  const tsaOnly = await signStatement(signatureStatement(DIGEST), signOptions({ rekorURL: undefined }));
  assert.equal(sigstore.calls.rekor, before, 'no Rekor request');
  assert.equal(tsaOnly.verificationMaterial.tlogEntries?.length ?? 0, 0);
  assert.equal(tsaOnly.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length, 1);
  await verifyBundle(tsaOnly, verifyOptions({ trustedRoot: sigstore.trustedRoot({ rekor: false }) }));
  // Where the trusted root has a log, a bundle without an entry in it is refused (no downgrade by dropping it).
  await assert.rejects(verifyBundle(tsaOnly, verifyOptions()), /transparency-log entries are not what the trusted root requires/);
});

test('the attestation: a SLSA provenance statement signs and verifies with its predicate type and subject name', async () => {
  const predicate = { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' }, runDetails: {} };
  const statement = provenanceStatement('127.0.0.1:5000/acme/charts/web', DIGEST, predicate);
  const bundle = await signStatement(statement, signOptions());
  const verified = await verifyBundle(bundle, verifyOptions({ expectedPredicateType: SLSA_PROVENANCE_V1_PREDICATE_TYPE }));
  assert.deepEqual(verified.statement, statement);
});

test('a token Fulcio refuses, a Rekor that refuses, a timestamp authority that refuses: one error each naming the service', async () => {
  const calls = { ...sigstore.calls };
  await assert.rejects(
    signStatement(signatureStatement(DIGEST), signOptions({ identityToken: async () => sigstore.forgedToken() })),
    /^UserError: Fulcio did not issue a signing certificate .*identity token/,
  );
  assert.deepEqual(sigstore.calls, calls, 'nothing issued, logged or timestamped');
  await assert.rejects(
    signStatement(signatureStatement(DIGEST), signOptions({ identityToken: () => Promise.reject(new Error('no id-token permission')) })),
    /OIDC identity token could not be obtained .*no id-token permission/,
  );
  sigstore.refuse.rekor = 500;
  try {
    await assert.rejects(signStatement(signatureStatement(DIGEST), signOptions()), /Rekor did not enter the signature/);
  } finally {
    delete sigstore.refuse.rekor;
  }
  sigstore.refuse.tsa = 503;
  try {
    await assert.rejects(
      signStatement(signatureStatement(DIGEST), signOptions({ rekorURL: undefined })),
      /timestamp authority did not timestamp/,
    );
  } finally {
    delete sigstore.refuse.tsa;
  }
  await assert.rejects(
    signStatement(signatureStatement(DIGEST), signOptions({ rekorURL: undefined, tsaURL: undefined })),
    /needs a transparency log or a timestamp authority/,
  );
});

const pem = (b64: string) => `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

test("the stand-in's Rekor refuses a dsse entry whose signature does not verify, as Rekor does", async () => {
  const res = await fetch(`${sigstore.rekorURL}/api/v1/log/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        proposedContent: {
          envelope: JSON.stringify({ payloadType: IN_TOTO_PAYLOAD_TYPE, payload: 'e30=', signatures: [{ sig: 'AAAA', keyid: '' }] }),
          verifiers: [Buffer.from(pem((await signedBundle()).verificationMaterial.certificate!.rawBytes)).toString('base64')],
        },
      },
    }),
  });
  assert.equal(res.status, 400, await res.text());
});

test("the instances actions/attest signs with: public-good's Fulcio and Rekor, GitHub's Fulcio and timestamp authority", () => {
  assert.deepEqual(SIGSTORE_PUBLIC_GOOD, { fulcioURL: 'https://fulcio.sigstore.dev', rekorURL: 'https://rekor.sigstore.dev' });
  assert.deepEqual(githubSigstoreEndpoints(), { fulcioURL: 'https://fulcio.githubapp.com', tsaURL: 'https://timestamp.githubapp.com' });
  assert.deepEqual(githubSigstoreEndpoints('https://acme.ghe.com'), {
    fulcioURL: 'https://fulcio.acme.ghe.com',
    tsaURL: 'https://timestamp.acme.ghe.com',
  });
});
