import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { tree } from '../helpers/conformance-cases.js';
import type { GitHubFront } from '../helpers/github-api.js';
import { helmHome } from '../helpers/helm-env.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import type { SigstoreStandIn } from '../helpers/sigstore.js';
import { startKeylessStandIn, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { tempDir } from '../helpers/temp.js';

// Careless keyless inputs: a Sigstore URL with a password or a query, half an instance, signing with
// push: false, attesting with if-exists: skip, several refs, no github-token. Each is either refused
// before anything is pushed (and the secret in it not printed) or does exactly what it says.

let registry: Registry;
let standIn: KeylessStandIn;
let sigstore: SigstoreStandIn;
let github: GitHubFront;
let work: string;

before(async () => {
  work = await tempDir('chartlift-attack-keyless-inputs-');
  [registry, standIn] = await Promise.all([startRegistry(), startKeylessStandIn(work)]);
  ({ sigstore, github } = standIn);
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

const runnerEnv = (home: NodeJS.ProcessEnv): NodeJS.ProcessEnv => standIn.env(home);

function inputs(chartDir: string, ref: string, extra: Record<string, string> = {}): Record<string, string> {
  return { chart: chartDir, ref, 'plain-http': 'true', ...standIn.inputs({ 'github-token': 'ghs_inputsattacktoken0123456789', ...extra }) };
}

function ok(r: ActionRun): void {
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
}

describe('careless keyless inputs, refused before anything is pushed', () => {
  const withPassword = () => sigstore.fulcioURL.replace('http://', 'http://user:s3cr3t-fulcio-password@');
  const cases: Array<{ name: string; inputs: () => Record<string, string>; says: RegExp; secret?: string }> = [
    {
      name: 'fulcio-url with a user and password',
      inputs: () => ({ 'fulcio-url': withPassword() }),
      says: /`fulcio-url` must be a plain base URL \(no user, password, query or fragment\)/,
      secret: 's3cr3t-fulcio-password',
    },
    {
      name: 'rekor-url with a query',
      inputs: () => ({ 'rekor-url': `${sigstore.rekorURL}?token=s3cr3t-rekor-query` }),
      says: /`rekor-url` must be a plain base URL/,
      secret: 's3cr3t-rekor-query',
    },
    {
      name: 'rekor-url without fulcio-url',
      inputs: () => ({ 'fulcio-url': '', 'tsa-url': '' }),
      says: /`rekor-url` is set without `fulcio-url`/,
    },
    {
      name: 'a Fulcio on a host named like loopback',
      inputs: () => ({ 'fulcio-url': 'http://127.0.0.1.example.com' }),
      says: /`fulcio-url` must be an https URL/,
    },
    { name: 'keyless-sign with push: false', inputs: () => ({ push: 'false' }), says: /`push` is false/ },
    {
      name: 'a signature-format that is none of the three',
      inputs: () => ({ 'signature-format': 'cosign' }),
      says: /`signature-format` is bundle, classic or both, not "cosign"/,
    },
  ];
  for (const c of cases)
    test(c.name, async () => {
      const { env } = await helmHome();
      const repo = `careless-${c.name.replace(/\W+/g, '-').toLowerCase()}`;
      const r = await runAction(inputs(await chart(c.name), `oci://${registry.host}/${repo}`, c.inputs()), { env: runnerEnv(env) });
      assert.equal(r.code, 1, r.stdout);
      assert.equal(r.errors.length, 1, r.stdout);
      assert.match(r.errors[0], c.says);
      if (c.secret) assert.ok(!`${r.stdout}${r.stderr}`.includes(c.secret), `the secret is in the log:\n${r.stdout}`);
      assert.equal((await fetchManifest(registry, `${repo}/web`, '1.0.0')).status, 404, 'nothing pushed');
      assert.equal(github.tokenRequests.length, 0, 'no ID token asked for');
    });
});

describe('keyless inputs that do what they say', () => {
  test('two refs: each carries a signature (one bundle, signed once) and its own attestation', async () => {
    const { env } = await helmHome();
    const calls = sigstore.calls.fulcio;
    const r = await runAction(inputs(await chart('two refs'), `oci://${registry.host}/first\noci://${registry.host}/second`), {
      env: runnerEnv(env),
    });
    ok(r);
    const [one] = JSON.parse(r.outputs.charts) as Array<{ targets: Array<Record<string, string>> }>;
    assert.deepEqual(
      one.targets.map((t) => t.repository.split('/')[1]),
      ['first', 'second'],
    );
    for (const t of one.targets) {
      assert.match(t['signature-digest'], /^sha256:/, JSON.stringify(t));
      assert.match(t['attestation-digest'], /^sha256:/, JSON.stringify(t));
    }
    assert.equal(sigstore.calls.fulcio - calls, 3, 'one signature for both, one attestation each');
    // cosign's classic payload names the repository: one .sig layer each, under the one certificate.
    const certificates = [];
    for (const repo of ['first', 'second']) {
      const sig = await fetchManifest(registry, `${repo}/web`, `sha256-${r.outputs.digest.slice(7)}.sig`);
      assert.equal(sig.status, 200, repo);
      const { layers } = JSON.parse(sig.body.toString('utf8')) as { layers: Array<{ annotations: Record<string, string> }> };
      assert.equal(layers.length, 1);
      certificates.push(layers[0].annotations['dev.sigstore.cosign/certificate']);
    }
    assert.equal(certificates[0], certificates[1], 'one certificate for the chart');
  });

  test('attest with if-exists: skip attests nothing', async () => {
    const { env } = await helmHome();
    const ref = `oci://${registry.host}/skip-attest`;
    ok(await runAction({ chart: await chart('first'), ref, 'plain-http': 'true' }, { env }));
    const calls = sigstore.calls.fulcio;
    const r = await runAction(inputs(await chart('second'), ref, { 'keyless-sign': 'false', 'if-exists': 'skip' }), {
      env: runnerEnv(env),
    });
    ok(r);
    assert.equal(r.outputs.status, 'skipped');
    assert.equal(sigstore.calls.fulcio, calls);
    assert.equal(r.outputs['attestation-digest'], '');
  });

  test('no github-token: the attestation is made and attached, a warning says it was not recorded', async () => {
    const { env } = await helmHome();
    const posted = github.attestations.posted.length;
    const r = await runAction(
      inputs(await chart('no token'), `oci://${registry.host}/no-token`, { 'github-token': '', 'keyless-sign': 'false' }),
      {
        env: runnerEnv(env),
      },
    );
    ok(r);
    assert.match(r.outputs['attestation-digest'], /^sha256:/);
    assert.match(r.stdout, /::warning::.*no GitHub token was given/);
    assert.equal(github.attestations.posted.length, posted);
  });
});
