import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Http } from '../../src/oci/http.js';
import { attachReferrer } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { bundleArtifact } from '../../src/release/keyless.js';
import { signStatement } from '../../src/sign/keyless/sign.js';
import { COSIGN_SIGN_PREDICATE_TYPE, SIGSTORE_BUNDLE_V03_MEDIA_TYPE, signatureStatement } from '../../src/sign/keyless/statement.js';
import { runAction, type ActionRun } from '../helpers/action.js';
import { tree } from '../helpers/conformance-cases.js';
import { helmHome } from '../helpers/helm-env.js';
import { startKeylessStandIn, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';
import { tempDir } from '../helpers/temp.js';

// The exactly-once check against someone who can push referrers (or the registry): it reads the newest
// 32 referrers by their own `created` annotation, and verifies at most 8 of those that pass the screen.
// Both bounds are spent by what the attacker dates later than the real signature, for free (junk) or
// for a certificate from a CA of their own naming the workflow (anyone can run one): the real
// signature is then never looked at, and every run signs again.

let registry: Registry;
let standIn: KeylessStandIn;
/** The attacker's own Sigstore instance: its CA issues certificates naming the same workflow. */
let forger: SigstoreStandIn;
let work: string;
let client: RegistryClient;

before(async () => {
  work = await tempDir('chartlift-third-keyless-');
  [registry, standIn, forger] = await Promise.all([startRegistry(), startKeylessStandIn(work), startSigstore()]);
  client = new RegistryClient(new Http({ timeoutMs: 5000 }), registry.host, { plainHttp: true, policy: retryPolicy(1, 2) });
});
after(async () => {
  await Promise.all([registry?.stop(), standIn?.stop(), forger?.stop()]);
});

let n = 0;
async function chart(): Promise<string> {
  return tree(path.join(work, `c${++n}`, 'web'), {
    'Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: a chart\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  });
}

/** The owner's run, signing keylessly (no attestation: one kind is enough to count). */
async function ownerRun(repo: string, env: NodeJS.ProcessEnv): Promise<ActionRun> {
  const r = await runAction(
    { chart: await chart(), ref: `oci://${registry.host}/${repo}`, 'plain-http': 'true', ...standIn.inputs({ attest: 'false' }) },
    { env: standIn.env(env) },
  );
  assert.equal(r.code, 0, r.stdout);
  return r;
}

/** The signature referrers of `digest` (distribution 2.8: the fallback tag's index). */
async function signatures(repo: string, digest: string): Promise<Array<{ digest: string }>> {
  const res = await fetchManifest(registry, repo, digest.replace(':', '-'), { Accept: 'application/vnd.oci.image.index.v1+json' });
  const entries =
    res.status === 200
      ? (JSON.parse(res.body.toString('utf8')).manifests as Array<{ digest: string; annotations?: Record<string, string> }>)
      : [];
  return entries.filter((e) => e.annotations?.['dev.sigstore.bundle.predicateType'] === COSIGN_SIGN_PREDICATE_TYPE);
}

const subjectOf = (digest: string, size: number) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size });

/** Three more runs of the owner's step over the unchanged chart: what each did, and the Fulcio certificates asked for. */
async function threeMoreRuns(repo: string, env: NodeJS.ProcessEnv) {
  const calls = standIn.sigstore.calls.fulcio;
  const runs: ActionRun[] = [];
  for (let i = 0; i < 3; i++) runs.push(await ownerRun(repo, env));
  return { runs, certificates: standIn.sigstore.calls.fulcio - calls };
}

describe('the real signature pushed out of the exactly-once check', () => {
  test('32 junk referrers dated 9999 (no crypto, ~100 bytes each): the real signature is never read; no run signs again (it says why)', async () => {
    const repo = 'junk32';
    const { env } = await helmHome();
    const first = await ownerRun(repo, env);
    assert.equal(first.outputs.status, 'pushed');
    const manifest = await fetchManifest(registry, `${repo}/web`, first.outputs.digest);
    const subject = subjectOf(first.outputs.digest, manifest.body.length);
    for (let i = 0; i < 32; i++)
      await attachReferrer(
        client,
        `${repo}/web`,
        subject,
        {
          artifactType: SIGSTORE_BUNDLE_V03_MEDIA_TYPE,
          layers: [{ mediaType: SIGSTORE_BUNDLE_V03_MEDIA_TYPE, data: Buffer.from(`{"junk":${i}}`) }],
          annotations: {
            'dev.sigstore.bundle.predicateType': COSIGN_SIGN_PREDICATE_TYPE,
            'org.opencontainers.image.created': `9999-12-31T00:00:${String(i).padStart(2, '0')}Z`,
          },
        },
        { settleMs: 0 },
      );
    const { runs, certificates } = await threeMoreRuns(repo, env);
    for (const r of runs) assert.equal(r.outputs.status, 'unchanged');
    // Signed again: a certificate asked for, or one more signature referrer than the first run's.
    const ours = (await signatures(`${repo}/web`, first.outputs.digest)).length - 32;
    const signedAgain = certificates + (ours - 1);
    assert.equal(
      signedAgain,
      0,
      `${signedAgain} of 3 runs signed again (${certificates} certificates asked for, ${ours} signatures of this identity now): ${runs[0].stdout.split('\n').find((l) => /left unread/.test(l)) ?? ''}`,
    );
  });

  test('8 bundles by the same workflow identity from the attacker’s own CA, dated 9999: they spend the 8 verifications; no run signs again (it says why)', async () => {
    const repo = 'forged8';
    const { env } = await helmHome();
    const first = await ownerRun(repo, env);
    const manifest = await fetchManifest(registry, `${repo}/web`, first.outputs.digest);
    const subject = subjectOf(first.outputs.digest, manifest.body.length);
    // The identity the owner's certificates carry (the runner's claims), from a CA nobody trusts.
    const claims = { ...standIn.github.claims };
    for (let i = 0; i < 8; i++) {
      const bundle = await signStatement(signatureStatement(first.outputs.digest), {
        identityToken: async () => forger.token(claims),
        fulcioURL: forger.fulcioURL,
        rekorURL: forger.rekorURL,
        tsaURL: forger.tsaURL,
      });
      await attachReferrer(
        client,
        `${repo}/web`,
        subject,
        bundleArtifact(bundle, COSIGN_SIGN_PREDICATE_TYPE, new Date(Date.UTC(9999, 11, 31, 0, 0, i))),
        { settleMs: 0 },
      );
    }
    const { runs, certificates } = await threeMoreRuns(repo, env);
    assert.equal(
      certificates,
      0,
      `${certificates} certificates asked for by 3 runs: ${runs[0].stdout.split('\n').find((l) => /left unread/.test(l)) ?? ''}`,
    );
  });
});
