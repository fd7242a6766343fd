import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyBundle } from '../../src/sign/keyless/verify.js';
import { runAction, type ActionRun } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import type { GitHubFront } from '../helpers/github-api.js';
import { helmHome } from '../helpers/helm-env.js';
import { startReferrersFront } from '../helpers/referrers-front.js';
import { fetchBlob, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { startTimingFront } from '../helpers/round-trips.js';
import type { SigstoreStandIn } from '../helpers/sigstore.js';
import { startKeylessStandIn, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { tempDir } from '../helpers/temp.js';

// The action signs and attests what it pushed, keylessly, against a Sigstore stand-in on loopback
// (Fulcio, Rekor, a TSA), with the runner's OIDC token service and GitHub's attestations API played by
// a front, and a real registry (distribution 2.8: the referrers go to the fallback tag).

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SIGN_TYPE = 'https://sigstore.dev/cosign/sign/v1';
const SLSA_TYPE = 'https://slsa.dev/provenance/v1';
const SAN = 'https://github.com/octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

/** JSON read back from the registry or a front, as the test looks into it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walked field by field, each asserted
type Json = any;

let registry: Registry;
let standIn: KeylessStandIn;
let sigstore: SigstoreStandIn;
let github: GitHubFront;
let work: string;
let rootFile: string;

before(async () => {
  work = await tempDir('chartlift-keyless-');
  [registry, standIn] = await Promise.all([startRegistry(), startKeylessStandIn(work)]);
  ({ sigstore, github, rootFile } = standIn);
});
after(async () => {
  await Promise.all([registry?.stop(), standIn?.stop()]);
});

let n = 0;
async function chart(description = 'a chart signed keylessly'): Promise<string> {
  return tree(path.join(work, `c${++n}`, 'web'), {
    'Chart.yaml': `apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: ${description}\n`,
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  });
}

/** As a runner runs the step for a job with `id-token: write` (drop the two ACTIONS_ variables for one without). */
const runnerEnv = (home: NodeJS.ProcessEnv): NodeJS.ProcessEnv => standIn.env(home);

function keylessInputs(chartDir: string, host: string, repo: string, extra: Record<string, string> = {}): Record<string, string> {
  return { chart: chartDir, ref: `oci://${host}/${repo}`, 'plain-http': 'true', ...standIn.inputs(extra) };
}

/** The referrers of `digest` in the fallback index (`sha256-<hex>`) of distribution 2.8. */
async function fallbackIndex(repo: string, digest: string): Promise<Array<Record<string, Json>>> {
  const res = await fetchManifest(registry, repo, digest.replace(':', '-'), { Accept: 'application/vnd.oci.image.index.v1+json' });
  assert.equal(res.status, 200, `no fallback index for ${digest}`);
  return JSON.parse(res.body.toString('utf8')).manifests;
}

/** The bundle in a referrer manifest, with the manifest itself. */
async function bundleOf(repo: string, referrer: string): Promise<{ manifest: Json; bundle: string }> {
  const res = await fetchManifest(registry, repo, referrer);
  const manifest = JSON.parse(res.body.toString('utf8'));
  return { manifest, bundle: (await fetchBlob(registry, repo, manifest.layers[0].digest)).toString('utf8') };
}

const verifyFor = (digest: string, predicateType: string, extra: Record<string, unknown> = {}) => ({
  trustedRoot: sigstore.trustedRoot(),
  certificateIdentity: SAN,
  certificateIssuer: ISSUER,
  expectedSubjectDigest: digest,
  expectedPredicateType: predicateType,
  ...extra,
});

function ok(r: ActionRun): void {
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
}

describe('keyless signing and attesting in the step', () => {
  test('a new chart: signed and attested before its tag is written, both verify for this workflow only, found in the fallback index', async () => {
    const { env } = await helmHome();
    const before = { ...sigstore.calls };
    const posted = github.attestations.posted.length;
    const r = await runAction(keylessInputs(await chart(), registry.host, 'one'), { env: runnerEnv(env) });
    ok(r);
    assert.equal(r.outputs.status, 'pushed');
    const digest = r.outputs.digest;
    const sig = r.outputs['signature-digest'];
    const att = r.outputs['attestation-digest'];
    assert.match(sig, /^sha256:[0-9a-f]{64}$/);
    assert.match(att, /^sha256:[0-9a-f]{64}$/);
    assert.equal(sigstore.calls.fulcio - before.fulcio, 2, 'one certificate for each');
    // signature-format both (the default): the signature's statement (dsse) and cosign's classic
    // payload (hashedrekord), under the one certificate; the attestation's envelope, in both forms (dsse).
    assert.equal(sigstore.calls.rekor - before.rekor, 3, 'one log entry for each signing');

    const entries = await fallbackIndex('one/web', digest);
    assert.deepEqual(entries.map((e) => e.digest).sort(), [sig, att].sort());
    for (const e of entries) {
      assert.equal(e.artifactType, BUNDLE);
      assert.equal(e.annotations['dev.sigstore.bundle.content'], 'dsse-envelope');
    }
    const signature = await bundleOf('one/web', sig);
    assert.equal(signature.manifest.artifactType, BUNDLE);
    assert.equal(signature.manifest.subject.digest, digest);
    assert.equal(signature.manifest.config.mediaType, 'application/vnd.oci.empty.v1+json');
    assert.equal(signature.manifest.annotations['dev.sigstore.bundle.predicateType'], SIGN_TYPE);
    const verified = await verifyBundle(signature.bundle, verifyFor(digest, SIGN_TYPE));
    assert.equal(verified.identity, SAN);
    const attestation = await bundleOf('one/web', att);
    assert.equal(attestation.manifest.annotations['dev.sigstore.bundle.predicateType'], SLSA_TYPE);
    const provenance = await verifyBundle(attestation.bundle, verifyFor(digest, SLSA_TYPE));
    assert.equal(provenance.statement.subject[0].name, `${registry.host}/one/web`);
    assert.equal((provenance.statement.predicate as Json).runDetails.builder.id, SAN);

    // Another identity, another digest, a changed statement: each refused.
    await assert.rejects(verifyBundle(signature.bundle, verifyFor(digest, SIGN_TYPE, { certificateIdentity: `${SAN}x` })), /identity/);
    await assert.rejects(verifyBundle(signature.bundle, verifyFor(`sha256:${'0'.repeat(64)}`, SIGN_TYPE)), /is for/);
    const changed = JSON.parse(signature.bundle);
    const payload = JSON.parse(Buffer.from(changed.dsseEnvelope.payload, 'base64').toString());
    payload.subject[0].digest.sha256 = '1'.repeat(64);
    changed.dsseEnvelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
    await assert.rejects(verifyBundle(changed, verifyFor(`sha256:${'1'.repeat(64)}`, SIGN_TYPE)), /refused/);

    // Recorded with GitHub's attestations API, as actions/attest records it.
    assert.equal(github.attestations.posted.length - posted, 1);
    const post = github.attestations.posted.at(-1)!;
    assert.equal(post.path, '/repos/octo-org/octo-chart/attestations');
    assert.equal((post.body as Json).bundle.dsseEnvelope.payloadType, 'application/vnd.in-toto+json');
    const summary = await import('node:fs/promises').then((fs) => fs.readFile(r.summaryFile, 'utf8'));
    assert.match(summary, new RegExp(`keyless signature <code>${sig}</code>, provenance attestation <code>${att}</code>`));
  });

  test('the same chart again: no Fulcio, Rekor or registry write; the outputs name the referrers already there', async () => {
    const { env } = await helmHome();
    const dir = await chart('signed once');
    // Both runs name the registry by the front's address: an attestation names the registry and repository it was made for.
    const front = await startTimingFront(registry.url, 0);
    try {
      const first = await runAction(keylessInputs(dir, front.host, 'again'), { env: runnerEnv(env) });
      ok(first);
      front.spans.length = 0;
      const calls = { ...sigstore.calls };
      const posted = github.attestations.posted.length;
      const second = await runAction(keylessInputs(dir, front.host, 'again'), { env: runnerEnv(env) });
      ok(second);
      assert.equal(second.outputs.status, 'unchanged');
      assert.deepEqual(sigstore.calls, calls, 'no certificate, entry or timestamp');
      assert.equal(github.attestations.posted.length, posted);
      const writes = front.spans.filter((s) => /^(PUT|POST|PATCH|DELETE) /.test(s.what));
      assert.deepEqual(writes, [], 'no registry write');
      assert.equal(second.outputs['signature-digest'], first.outputs['signature-digest']);
      assert.equal(second.outputs['attestation-digest'], first.outputs['attestation-digest']);
    } finally {
      await front.stop();
    }
  });

  test('a chart published before without a signature gets one; another identity’s signature does not count', async () => {
    const { env } = await helmHome();
    const dir = await chart('published unsigned');
    const plain = await runAction({ chart: dir, ref: `oci://${registry.host}/late`, 'plain-http': 'true' }, { env });
    ok(plain);
    const calls = sigstore.calls.fulcio;
    const signed = await runAction(keylessInputs(dir, registry.host, 'late', { attest: 'false' }), { env: runnerEnv(env) });
    ok(signed);
    assert.equal(signed.outputs.status, 'unchanged');
    assert.equal(sigstore.calls.fulcio - calls, 1);
    assert.equal(signed.outputs['attestation-digest'], '');
    const { bundle } = await bundleOf('late/web', signed.outputs['signature-digest']);
    await verifyBundle(bundle, verifyFor(plain.outputs.digest, SIGN_TYPE));

    // From a release tag the workflow's identity differs: the signature made from main does not count.
    const savedRef = github.claims.job_workflow_ref;
    github.claims.job_workflow_ref = 'octo-org/octo-chart/.github/workflows/release.yml@refs/tags/v1';
    try {
      const fromTag = await runAction(keylessInputs(dir, registry.host, 'late', { attest: 'false' }), { env: runnerEnv(env) });
      ok(fromTag);
      assert.equal(sigstore.calls.fulcio - calls, 2);
      assert.notEqual(fromTag.outputs['signature-digest'], signed.outputs['signature-digest']);
      assert.equal((await fallbackIndex('late/web', plain.outputs.digest)).length, 2, 'both referrers kept');
    } finally {
      github.claims.job_workflow_ref = savedRef;
    }
  });

  test('two runs signing the same chart at once: both referrers stay in the fallback index', async () => {
    const { env } = await helmHome();
    const dir = await chart('signed twice at once');
    ok(await runAction({ chart: dir, ref: `oci://${registry.host}/twice`, 'plain-http': 'true' }, { env }));
    const runs = await Promise.all(
      [1, 2].map(() => runAction(keylessInputs(dir, registry.host, 'twice', { attest: 'false' }), { env: runnerEnv(env) })),
    );
    for (const r of runs) ok(r);
    const listed = (await fallbackIndex('twice/web', runs[0].outputs.digest)).map((e) => e.digest);
    for (const r of runs)
      assert.ok(listed.includes(r.outputs['signature-digest']), `${r.outputs['signature-digest']} kept: ${listed.join(', ')}`);
  });

  test('a private instance without a trusted root: an earlier signature by this workflow still counts (by its certificate)', async () => {
    const { env } = await helmHome();
    const dir = await chart('no trusted root');
    const noRoot = { attest: 'false', 'trusted-root': '' };
    const first = await runAction(keylessInputs(dir, registry.host, 'noroot', noRoot), { env: runnerEnv(env) });
    ok(first);
    const calls = sigstore.calls.fulcio;
    const second = await runAction(keylessInputs(dir, registry.host, 'noroot', noRoot), { env: runnerEnv(env) });
    ok(second);
    assert.match(second.stdout, /no trusted root for this Sigstore instance/);
    assert.equal(sigstore.calls.fulcio, calls);
    assert.equal(second.outputs['signature-digest'], first.outputs['signature-digest']);
  });

  test('several charts: each signed and attested', async () => {
    const { env } = await helmHome();
    const root = path.join(work, 'several');
    for (const name of ['alpha', 'beta'])
      await tree(path.join(root, name), {
        'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
        'templates/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`,
      });
    const r = await runAction(keylessInputs(`${root}/*`, registry.host, 'several'), { env: runnerEnv(env) });
    ok(r);
    const charts = JSON.parse(r.outputs.charts) as Array<{ 'signature-digest'?: string; 'attestation-digest'?: string }>;
    assert.equal(charts.length, 2);
    for (const c of charts) {
      assert.match(c['signature-digest'] ?? '', /^sha256:/);
      assert.match(c['attestation-digest'] ?? '', /^sha256:/);
    }
  });

  test('one ID token while it lives, a new one when it is within a minute of expiring', async () => {
    const { env } = await helmHome();
    // Two refs: the chart's attestations are made one after the other (each names its repository).
    const dir = await chart('two refs');
    const inputs = (repo: string) => ({
      ...keylessInputs(dir, registry.host, repo, { 'keyless-sign': 'false' }),
      ref: `oci://${registry.host}/${repo}-a\noci://${registry.host}/${repo}-b`,
    });
    let asked = github.tokenRequests.length;
    ok(await runAction(inputs('lives'), { env: runnerEnv(env) }));
    assert.equal(github.tokenRequests.length - asked, 1, 'one token for the step');
    github.lifetimeSeconds = 30;
    try {
      asked = github.tokenRequests.length;
      ok(await runAction(inputs('expiring'), { env: runnerEnv(env) }));
      // Tokens that live 30 s are always within a minute of expiring: each certificate is asked with a new
      // one (2), besides the first, whose claims name the workflow (1).
      assert.equal(github.tokenRequests.length - asked, 3, 'a token within a minute of expiring is asked for again');
    } finally {
      github.lifetimeSeconds = 300;
    }
  });

  test('if-exists: skip signs nothing', async () => {
    const { env } = await helmHome();
    ok(await runAction({ chart: await chart('first'), ref: `oci://${registry.host}/skipped`, 'plain-http': 'true' }, { env }));
    const calls = sigstore.calls.fulcio;
    const r = await runAction(keylessInputs(await chart('second'), registry.host, 'skipped', { 'if-exists': 'skip' }), {
      env: runnerEnv(env),
    });
    ok(r);
    assert.equal(r.outputs.status, 'skipped');
    assert.equal(sigstore.calls.fulcio, calls);
    assert.equal(r.outputs['signature-digest'], '');
  });

  test('through a registry with the referrers API: found there, and not signed again', async () => {
    const front = await startReferrersFront(registry.host, { api: true });
    try {
      const { env } = await helmHome();
      const dir = await chart('behind the referrers API');
      const first = await runAction(keylessInputs(dir, front.host, 'api'), { env: runnerEnv(env) });
      ok(first);
      assert.match(first.stdout, /indexed by the registry's referrers API/);
      const listed = await fetch(
        `http://${front.host}/v2/api/web/referrers/${first.outputs.digest}?artifactType=${encodeURIComponent(BUNDLE)}`,
      );
      const index = (await listed.json()) as { manifests: Array<{ digest: string }> };
      assert.deepEqual(
        index.manifests.map((m) => m.digest).sort(),
        [first.outputs['signature-digest'], first.outputs['attestation-digest']].sort(),
      );
      const calls = sigstore.calls.fulcio;
      const again = await runAction(keylessInputs(dir, front.host, 'api'), { env: runnerEnv(env) });
      ok(again);
      assert.equal(sigstore.calls.fulcio, calls);
    } finally {
      await front.stop();
    }
  });

  test('a recording refused by GitHub warns and the step still passes', async () => {
    const { env } = await helmHome();
    github.attestations.mode = 403;
    try {
      const r = await runAction(keylessInputs(await chart('not recorded'), registry.host, 'unrecorded', { 'keyless-sign': 'false' }), {
        env: runnerEnv(env),
      });
      ok(r);
      assert.match(r.stdout, /::warning::The attestation was not recorded with GitHub's attestations API: GitHub forbade it/);
      assert.match(r.outputs['attestation-digest'], /^sha256:/);
    } finally {
      github.attestations.mode = 'ok';
    }
  });
});

describe('keyless failures: one clear error, and the tag not written', () => {
  const cases: Array<{
    name: string;
    env?: (e: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
    inputs?: Record<string, string>;
    arrange?: () => () => void;
    says: RegExp;
  }> = [
    {
      name: 'no id-token permission',
      env: (e) => ({ ...e, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }),
      says: /Keyless signing needs the workflow's OIDC ID token, and this job has none .*id-token: write/,
    },
    {
      name: 'a trusted root that is a device',
      inputs: { 'trusted-root': '/dev/zero' },
      says: /cannot read the `trusted-root` file \/dev\/zero: it is a device, not a file/,
    },
    {
      name: 'a Fulcio over plain HTTP on another host',
      inputs: { 'fulcio-url': 'http://fulcio.example.com' },
      says: /`fulcio-url` must be an https URL, not "http:\/\/fulcio\.example\.com"/,
    },
    { name: 'an unreachable Fulcio', inputs: { 'fulcio-url': 'http://127.0.0.1:1' }, says: /Fulcio did not issue a signing certificate/ },
    {
      name: 'a Rekor that refuses',
      arrange: () => {
        sigstore.refuse.rekor = 500;
        return () => delete sigstore.refuse.rekor;
      },
      says: /Rekor did not enter the signature in the transparency log/,
    },
  ];
  for (const c of cases)
    test(c.name, async () => {
      const { env } = await helmHome();
      const repo = `fail-${c.name.replace(/\W+/g, '-').toLowerCase()}`;
      const undo = c.arrange?.();
      try {
        const base = runnerEnv(env);
        const r = await runAction(keylessInputs(await chart(c.name), registry.host, repo, { ...c.inputs, attest: 'false' }), {
          env: c.env ? c.env(base) : base,
        });
        assert.equal(r.code, 1, r.stdout);
        assert.equal(r.errors.length, 1, r.stdout);
        assert.match(r.errors[0], c.says);
        assert.equal((await fetchManifest(registry, `${repo}/web`, '1.0.0')).status, 404, 'no tag');
      } finally {
        undo?.();
      }
    });
});

describe('the CLI checks what the action made', () => {
  test('chart verify: the signature and the attestation verify; another identity and a tampered tag are refused', async () => {
    const { env } = await helmHome();
    const r = await runAction(keylessInputs(await chart('verified by the CLI'), registry.host, 'cli'), { env: runnerEnv(env) });
    ok(r);
    const ref = `${registry.host}/cli/web:1.0.0`;
    const flags = ['--certificate-identity', SAN, '--certificate-oidc-issuer', ISSUER, '--trusted-root', rootFile, '--plain-http'];
    const sig = await cli(['chart', 'verify', ref, ...flags], { env });
    assert.equal(sig.code, 0, sig.stderr);
    assert.match(sig.stdout, new RegExp(`keyless signature: ${r.outputs['signature-digest']}`));
    assert.match(sig.stdout, new RegExp(`identity: ${SAN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const att = await cli(['chart', 'verify', ref, ...flags, '--type', 'slsaprovenance'], { env });
    assert.equal(att.code, 0, att.stderr);
    assert.match(att.stdout, new RegExp(`provenance attestation: ${r.outputs['attestation-digest']}`));

    const other = await cli(['chart', 'verify', ref, ...flags.slice(2), '--certificate-identity', `${SAN}-other`], { env });
    assert.equal(other.code, 1);
    assert.match(other.stderr, /^Error: .*none of its 1 Sigstore bundles is a valid keyless signature by .*-other/m);
    assert.equal(other.stderr.trim().split('\n').length, 1, other.stderr);

    // A pull that checks the keyless signature: saved when it holds, nothing saved when it does not.
    const cache = path.join(await tempDir('chartlift-keyless-cache-'), 'cache');
    const pulled = await cli(['chart', 'pull', ref, '--verify', ...flags, '--cache', cache], { env });
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.match(pulled.stdout, /Signed keylessly by: https:\/\/github\.com\/octo-org/);
    const refusedCache = path.join(await tempDir('chartlift-keyless-cache-'), 'cache');
    const refused = await cli(
      ['chart', 'pull', ref, '--verify', ...flags.slice(2), '--certificate-identity', 'someone-else', '--cache', refusedCache],
      {
        env,
      },
    );
    assert.equal(refused.code, 1);
    const list = await cli(['chart', 'list', '--cache', refusedCache], { env });
    assert.doesNotMatch(list.stdout, /cli\/web/);

    // The tag overwritten with other content (no signature): refused.
    ok(
      await runAction(
        { chart: await chart('tampered'), ref: `oci://${registry.host}/cli`, 'plain-http': 'true', 'if-exists': 'overwrite' },
        { env },
      ),
    );
    const tampered = await cli(['chart', 'verify', ref, ...flags], { env });
    assert.equal(tampered.code, 1);
    assert.match(tampered.stderr, /^Error: .*cli\/web@sha256:[0-9a-f]{64} carries no keyless signature/m);
  });

  test('chart verify without the identity or issuer says which flag to give', async () => {
    const { env } = await helmHome();
    const r = await cli(['chart', 'verify', `${registry.host}/cli/web:1.0.0`, '--plain-http', '--trusted-root', rootFile], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /give --certificate-identity \(or --certificate-identity-regexp\), exactly one/);
  });
});
