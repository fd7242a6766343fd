import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyClassicLayer as chartliftVerifyClassic } from '../../src/sign/keyless/verify-classic.js';
import { runAction, type ActionRun } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { COSIGN, readClassicTag, verifyClassicLayer, type Expect } from '../helpers/cosign-classic.js';
import { helmHome } from '../helpers/helm-env.js';
import { fetchBlob, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import type { SigstoreStandIn } from '../helpers/sigstore.js';
import { startKeylessStandIn, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { tempDir } from '../helpers/temp.js';

// cosign's classic layout beside the bundles (signature-format both, the default): the `.sig` and
// `.att` tags verified the way cosign 2, Kyverno, Flux < 1.8 and Ratify verify them, and found the way
// Artifact Hub finds a signature; each form made once across runs, whichever was there first.

const SIGN_TYPE = 'https://sigstore.dev/cosign/sign/v1';
const SLSA_TYPE = 'https://slsa.dev/provenance/v1';
const SAN = 'https://github.com/octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- registry JSON, walked field by field, each asserted
type Json = any;

let registry: Registry;
let standIn: KeylessStandIn;
let sigstore: SigstoreStandIn;
let work: string;

before(async () => {
  work = await tempDir('chartlift-classic-');
  [registry, standIn] = await Promise.all([startRegistry(), startKeylessStandIn(work)]);
  ({ sigstore } = standIn);
});
after(async () => {
  await Promise.all([registry?.stop(), standIn?.stop()]);
});

let n = 0;
async function chart(description: string): Promise<string> {
  return tree(path.join(work, `c${++n}`, 'web'), {
    'Chart.yaml': `apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: ${description}\n`,
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  });
}

const publish = async (dir: string, repo: string, extra: Record<string, string> = {}, keyless = true): Promise<ActionRun> => {
  const { env } = await helmHome();
  const r = await runAction(
    { chart: dir, ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', ...(keyless ? standIn.inputs(extra) : extra) },
    { env: keyless ? standIn.env(env) : env },
  );
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  return r;
};

const expectFor = (repo: string, digest: string): Expect => ({
  host: registry.host,
  repository: `${repo}/web`,
  digest,
  san: SAN,
  issuer: ISSUER,
  trustedRoot: sigstore.trustedRoot(),
});

/** The layers of a classic tag (an empty list when there is no tag). */
async function layers(repo: string, digest: string, suffix: 'sig' | 'att'): Promise<Json[]> {
  const res = await fetchManifest(registry, `${repo}/web`, `sha256-${digest.slice(7)}.${suffix}`);
  return res.status === 404 ? [] : JSON.parse(res.body.toString('utf8')).layers;
}

/** The referrers of `digest` in the fallback index, by predicate type. */
async function referrers(repo: string, digest: string, predicateType?: string): Promise<Json[]> {
  const res = await fetchManifest(registry, `${repo}/web`, digest.replace(':', '-'), { Accept: 'application/vnd.oci.image.index.v1+json' });
  if (res.status === 404) return [];
  const all = JSON.parse(res.body.toString('utf8')).manifests as Json[];
  return all.filter((m) => !predicateType || m.annotations?.['dev.sigstore.bundle.predicateType'] === predicateType);
}

async function bundleOf(repo: string, referrer: string): Promise<Json> {
  const manifest = JSON.parse((await fetchManifest(registry, `${repo}/web`, referrer)).body.toString('utf8'));
  return JSON.parse((await fetchBlob(registry, `${repo}/web`, manifest.layers[0].digest)).toString('utf8'));
}

const certOf = (bundle: Json): string =>
  bundle.verificationMaterial.certificate?.rawBytes ?? bundle.verificationMaterial.x509CertificateChain.certificates[0].rawBytes;

describe("cosign's classic layout, verified as its consumers verify it", () => {
  test('.sig: cosign 2 verification step by step; one certificate signs the bundle and the classic payload', async () => {
    const before = { ...sigstore.calls };
    const r = await publish(await chart('classic and bundle'), 'steps', { attest: 'false' });
    const digest = r.outputs.digest;
    assert.equal(sigstore.calls.fulcio - before.fulcio, 1, 'one Fulcio certificate for both forms of the signature');
    assert.equal(sigstore.calls.rekor - before.rekor, 2, 'a dsse entry (the bundle) and a hashedrekord entry (the .sig)');
    const e = expectFor('steps', digest);
    const { manifest } = await readClassicTag(registry, e, 'sig');
    assert.equal(manifest.layers.length, 1);
    const v = await verifyClassicLayer(registry, e, 'signature', manifest.layers[0]);
    assert.ok(manifest.layers[0].annotations[COSIGN.timestamp], 'the TSA timestamped the signature');
    // The same certificate as the bundle's.
    const bundle = await bundleOf('steps', r.outputs['signature-digest']);
    assert.equal(v.leaf.raw.toString('base64'), certOf(bundle), 'one certificate for the bundle and the .sig');
    // Rekor's stored body for the .sig is what the stand-in logged (the canonical hashedrekord).
    assert.ok(sigstore.entries.some((x) => JSON.stringify(x) === JSON.stringify(v.entry)));
  });

  test('.att: the same envelope and log entry as the attestation bundle; its timestamp covers the layer', async () => {
    const before = { ...sigstore.calls };
    const r = await publish(await chart('attested both ways'), 'att', { 'keyless-sign': 'false' });
    assert.equal(sigstore.calls.fulcio - before.fulcio, 1, 'one signing for both forms');
    assert.equal(sigstore.calls.rekor - before.rekor, 1, 'one log entry for both forms');
    assert.equal(sigstore.calls.tsa - before.tsa, 2, "the bundle's timestamp (over the signature) and the .att's (over the envelope)");
    const e = expectFor('att', r.outputs.digest);
    const { manifest } = await readClassicTag(registry, e, 'att');
    const v = await verifyClassicLayer(registry, e, 'attestation', manifest.layers[0], SLSA_TYPE);
    assert.equal(v.statement.subject[0].name, `${registry.host}/att/web`);
    const bundle = await bundleOf('att', r.outputs['attestation-digest']);
    assert.deepEqual(JSON.parse(v.data.toString('utf8')), bundle.dsseEnvelope, 'the envelope of the bundle');
    const tlog = bundle.verificationMaterial.tlogEntries[0];
    assert.equal(JSON.parse(manifest.layers[0].annotations[COSIGN.bundle]).Payload.logIndex, Number(tlog.logIndex), 'its log entry');
  });

  test("Chartlift's own classic check refuses what cosign refuses", async () => {
    const r = await publish(await chart('tampered copies'), 'refuse', { attest: 'false' });
    const digest = r.outputs.digest;
    const [layer] = await layers('refuse', digest, 'sig');
    const data = await fetchBlob(registry, 'refuse/web', layer.digest);
    const options = {
      certificateIdentity: SAN,
      certificateIssuer: ISSUER,
      expectedSubjectDigest: digest,
      expectedPredicateType: SIGN_TYPE,
      trustedRoot: sigstore.trustedRoot(),
    };
    await chartliftVerifyClassic('signature', layer, data, options);
    const withAnnotations = (change: (a: Record<string, string>) => void) => {
      const a = { ...layer.annotations };
      change(a);
      return { ...layer, annotations: a };
    };
    const rekor = (change: (p: Json) => void) =>
      withAnnotations((a) => {
        const b = JSON.parse(a[COSIGN.bundle]);
        change(b.Payload);
        a[COSIGN.bundle] = JSON.stringify(b);
      });
    const cases: Array<[string, Promise<unknown>, RegExp]> = [
      ['another identity', chartliftVerifyClassic('signature', layer, data, { ...options, certificateIdentity: `${SAN}x` }), /identity/],
      [
        'another digest',
        chartliftVerifyClassic('signature', layer, data, { ...options, expectedSubjectDigest: `sha256:${'1'.repeat(64)}` }),
        /signs sha256:/,
      ],
      [
        'a payload changed by a byte',
        chartliftVerifyClassic('signature', layer, Buffer.from(data.toString().replace('"optional":null', '"optional":{}')), options),
        /hash|signature/,
      ],
      [
        'no signature annotation',
        chartliftVerifyClassic(
          'signature',
          withAnnotations((a) => delete a[COSIGN.signature]),
          data,
          options,
        ),
        /no dev\.cosignproject/,
      ],
      [
        'a SET over another logIndex',
        chartliftVerifyClassic(
          'signature',
          rekor((p) => p.logIndex++),
          data,
          options,
        ),
        /signed entry timestamp/,
      ],
      [
        'another log',
        chartliftVerifyClassic(
          'signature',
          rekor((p) => (p.logID = 'a'.repeat(64))),
          data,
          options,
        ),
        /log the trusted root does not list/,
      ],
      [
        'another signature in the annotation',
        chartliftVerifyClassic(
          'signature',
          withAnnotations((a) => (a[COSIGN.signature] = Buffer.alloc(70, 1).toString('base64'))),
          data,
          options,
        ),
        /not the layer's/,
      ],
    ];
    for (const [name, p, says] of cases) await assert.rejects(p, says, name);
    // The integrated time outside the certificate's validity: the SET no longer verifies over it either,
    // and an entry re-signed with another key is another log's: cosign's CheckExpiry is not reachable
    // with a forged time, and @sigstore/verify checks it for the real one (the layer above verified).
  });

  test("Artifact Hub finds the signature: the .sig tag first, then referrers whose manifest names cosign's sign predicate", async () => {
    // artifacthub/hub internal/oci/oci.go HasCosignSignature: se.Signatures() (the .sig tag, layers > 0),
    // else referrers with an artifactType whose manifest has dev.sigstore.bundle.predicateType = cosign's sign predicate.
    const artifactHubSees = async (repo: string, digest: string): Promise<'sig tag' | 'referrer' | 'unsigned'> => {
      if ((await layers(repo, digest, 'sig')).length > 0) return 'sig tag';
      for (const d of await referrers(repo, digest)) {
        if (d.artifactType === 'application/vnd.dev.cosign.artifact.sig.v1+json') return 'referrer';
        if (!d.artifactType) continue;
        const m = JSON.parse((await fetchManifest(registry, `${repo}/web`, d.digest)).body.toString('utf8'));
        if (m.annotations?.['dev.sigstore.bundle.predicateType'] === SIGN_TYPE) return 'referrer';
      }
      return 'unsigned';
    };
    const dir = await chart('listed by Artifact Hub');
    const both = await publish(dir, 'ah-both', { attest: 'false' });
    assert.equal(await artifactHubSees('ah-both', both.outputs.digest), 'sig tag');
    const bundleOnly = await publish(dir, 'ah-bundle', { attest: 'false', 'signature-format': 'bundle' });
    assert.equal(await artifactHubSees('ah-bundle', bundleOnly.outputs.digest), 'referrer');
    assert.deepEqual(await layers('ah-bundle', bundleOnly.outputs.digest, 'sig'), [], 'bundle: no .sig');
    const classicOnly = await publish(dir, 'ah-classic', { attest: 'false', 'signature-format': 'classic' });
    assert.equal(await artifactHubSees('ah-classic', classicOnly.outputs.digest), 'sig tag');
    assert.deepEqual(await referrers('ah-classic', classicOnly.outputs.digest), [], 'classic: no referrer');
    assert.match(classicOnly.outputs['signature-digest'], /^sha256:/);
    const sigTag = await fetchManifest(registry, 'ah-classic/web', `sha256-${classicOnly.outputs.digest.slice(7)}.sig`);
    assert.equal(classicOnly.outputs['signature-digest'], sigTag.digest, "classic only: the output is the .sig tag's manifest");
    const unsigned = await publish(await chart('unsigned'), 'ah-none', {}, false);
    assert.equal(await artifactHubSees('ah-none', unsigned.outputs.digest), 'unsigned');
  });
});

describe('each form once, whichever was there first', () => {
  test('a .sig by this identity but no bundle: only the bundle is made; the reverse: only the .sig (and the .att from the bundle, unsigned again)', async () => {
    const dir = await chart('one form first');
    const classicFirst = await publish(dir, 'once-a', { 'signature-format': 'classic' });
    const digest = classicFirst.outputs.digest;
    let calls = { ...sigstore.calls };
    const both = await publish(dir, 'once-a');
    assert.equal(both.outputs.status, 'unchanged');
    // The signature's bundle (one certificate) and the attestation's bundle (one more: a .att cannot give a bundle).
    assert.equal(sigstore.calls.fulcio - calls.fulcio, 2);
    assert.equal(sigstore.calls.rekor - calls.rekor, 2, 'two dsse entries, no hashedrekord');
    assert.equal((await layers('once-a', digest, 'sig')).length, 1, 'the .sig not signed again');
    assert.equal((await layers('once-a', digest, 'att')).length, 1, 'the .att not signed again');
    assert.equal((await referrers('once-a', digest)).length, 2);
    assert.match(both.stdout, /signature in sha256-[0-9a-f]{64}\.sig \(layer 1\) by this identity is there already/);

    const bundleFirst = await publish(dir, 'once-b', { 'signature-format': 'bundle' });
    calls = { ...sigstore.calls };
    const again = await publish(dir, 'once-b');
    assert.equal(again.outputs['signature-digest'], bundleFirst.outputs['signature-digest'], 'the bundle kept');
    assert.equal(again.outputs['attestation-digest'], bundleFirst.outputs['attestation-digest']);
    assert.equal(sigstore.calls.fulcio - calls.fulcio, 1, "the .sig's payload signed; the .att takes the bundle's envelope");
    assert.equal(sigstore.calls.rekor - calls.rekor, 1, 'one hashedrekord entry');
    assert.equal(sigstore.calls.tsa - calls.tsa, 1, "the .sig's timestamp; none for a .att reused from an older bundle");
    assert.equal((await referrers('once-b', bundleFirst.outputs.digest)).length, 2, 'no new referrer');
    const e = expectFor('once-b', bundleFirst.outputs.digest);
    const att = await readClassicTag(registry, e, 'att');
    const v = await verifyClassicLayer(registry, e, 'attestation', att.manifest.layers[0], SLSA_TYPE);
    const bundle = await bundleOf('once-b', bundleFirst.outputs['attestation-digest']);
    assert.deepEqual(JSON.parse(v.data.toString('utf8')), bundle.dsseEnvelope);
    await verifyClassicLayer(registry, e, 'signature', (await readClassicTag(registry, e, 'sig')).manifest.layers[0]);

    // And then nothing: every form is there.
    calls = { ...sigstore.calls };
    await publish(dir, 'once-b');
    assert.deepEqual(sigstore.calls, calls);
  });

  test("another signer's layers are kept: read, appended to, read back", async () => {
    const dir = await chart('foreign layers');
    const plain = await publish(dir, 'foreign', {}, false);
    const digest = plain.outputs.digest;
    // A signature by another identity (the tag workflow), then this workflow's.
    const savedRef = standIn.github.claims.job_workflow_ref;
    standIn.github.claims.job_workflow_ref = 'octo-org/octo-chart/.github/workflows/release.yml@refs/tags/v1';
    try {
      await publish(dir, 'foreign', { attest: 'false', 'signature-format': 'classic' });
    } finally {
      standIn.github.claims.job_workflow_ref = savedRef;
    }
    const theirs = await layers('foreign', digest, 'sig');
    assert.equal(theirs.length, 1);
    await publish(dir, 'foreign', { attest: 'false', 'signature-format': 'classic' });
    const now = await layers('foreign', digest, 'sig');
    assert.equal(now.length, 2);
    assert.deepEqual(now[0], theirs[0], 'theirs first, unchanged');
    const e = expectFor('foreign', digest);
    await readClassicTag(registry, e, 'sig');
    await verifyClassicLayer(registry, e, 'signature', now[1]);
  });

  test('two runs signing at once: every layer stays', async () => {
    const dir = await chart('two at once');
    const plain = await publish(dir, 'concurrent', {}, false);
    const { env } = await helmHome();
    const runs = await Promise.all(
      [1, 2].map(() =>
        runAction(
          {
            chart: dir,
            ref: `oci://${registry.host}/concurrent`,
            'plain-http': 'true',
            ...standIn.inputs({ attest: 'false', 'signature-format': 'classic' }),
          },
          { env: standIn.env(env) },
        ),
      ),
    );
    for (const r of runs) assert.equal(r.code, 0, r.stdout);
    const sig = await layers('concurrent', plain.outputs.digest, 'sig');
    assert.equal(sig.length, 2, 'both runs’ layers');
    const e = expectFor('concurrent', plain.outputs.digest);
    await readClassicTag(registry, e, 'sig');
    for (const l of sig) await verifyClassicLayer(registry, e, 'signature', l);
  });
});

describe('chart verify and chart pull --verify read both layouts', () => {
  test('either form by default, named; --signature-format requires one', async () => {
    const { env } = await helmHome();
    const dir = await chart('verified by form');
    const flags = ['--certificate-identity', SAN, '--certificate-oidc-issuer', ISSUER, '--trusted-root', standIn.rootFile, '--plain-http'];
    const both = await publish(dir, 'verify-both');
    const ref = (repo: string) => `${registry.host}/${repo}/web:1.0.0`;
    const any = await cli(['chart', 'verify', ref('verify-both'), ...flags], { env });
    assert.equal(any.code, 0, any.stderr);
    assert.match(any.stdout, new RegExp(`keyless signature: ${both.outputs['signature-digest']} \\(Sigstore bundle referrer\\)`));
    const all = await cli(['chart', 'verify', ref('verify-both'), ...flags, '--signature-format', 'both'], { env });
    assert.equal(all.code, 0, all.stderr);
    assert.match(
      all.stdout,
      /keyless signature: sha256:[0-9a-f]{64} \(Sigstore bundle referrer\)\nkeyless signature: sha256-[0-9a-f]{64}\.sig layer 1 of 1 \(cosign classic\)/,
    );
    const att = await cli(['chart', 'verify', ref('verify-both'), ...flags, '--type', 'slsaprovenance', '--signature-format', 'classic'], {
      env,
    });
    assert.equal(att.code, 0, att.stderr);
    assert.match(att.stdout, /provenance attestation: sha256-[0-9a-f]{64}\.att layer 1 of 1 \(cosign classic\)/);

    await publish(dir, 'verify-classic', { 'signature-format': 'classic' });
    const classic = await cli(['chart', 'verify', ref('verify-classic'), ...flags], { env });
    assert.equal(classic.code, 0, classic.stderr);
    assert.match(classic.stdout, /keyless signature: sha256-[0-9a-f]{64}\.sig layer 1 of 1 \(cosign classic\)/);
    const wantBundle = await cli(['chart', 'verify', ref('verify-classic'), ...flags, '--signature-format', 'bundle'], { env });
    assert.equal(wantBundle.code, 1);
    assert.match(wantBundle.stderr, /carries no keyless signature in a Sigstore bundle/);
    const wantBoth = await cli(['chart', 'verify', ref('verify-classic'), ...flags, '--signature-format', 'both'], { env });
    assert.equal(wantBoth.code, 1);
    assert.match(wantBoth.stderr, /no Sigstore bundle among its referrers/);
    assert.match(wantBoth.stderr, /ask for that form \(classic\)/);

    const cache = path.join(await tempDir('chartlift-classic-cache-'), 'cache');
    const pulled = await cli(['chart', 'pull', ref('verify-classic'), '--verify', ...flags, '--cache', cache], { env });
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.match(pulled.stdout, /Signed keylessly by: https:\/\/github\.com\/octo-org\/\S+ \(sha256-[0-9a-f]{64}\.sig layer 1 of 1\)/);
    const other = await cli(['chart', 'verify', ref('verify-classic'), ...flags.slice(2), '--certificate-identity', `${SAN}-other`], {
      env,
    });
    assert.equal(other.code, 1);
    assert.match(other.stderr, /none of the 1 layers of its cosign tag sha256-[0-9a-f]{64}\.sig is a valid keyless signature by \S+-other/);
    const bad = await cli(['chart', 'verify', ref('verify-classic'), ...flags, '--signature-format', 'cosign'], { env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--signature-format takes bundle, classic or both, not "cosign"/);
  });
});
