import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { startGitHubFront, type GitHubFront } from '../helpers/github-api.js';
import { helmHome } from '../helpers/helm-env.js';
import { CLOSED_PORT, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';
import { tempDir } from '../helpers/temp.js';

// Attacks on the keyless step and on `chart verify` from outside: bundles by an identity that only
// looks like the workflow's (a branch whose name extends `main`), bundles by the right identity from
// another Sigstore instance (another CA: what anyone can make for themselves), the public instance's
// trusted root out of reach, and the secrets of a run in its log.

const MAIN_REF = 'octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main';
const SAN = `https://github.com/${MAIN_REF}`;
const ISSUER = 'https://token.actions.githubusercontent.com';

let registry: Registry;
let sigstore: SigstoreStandIn;
/** Another instance: its CA issues certificates for the same identity, and is not in `rootFile`. */
let other: SigstoreStandIn;
let github: GitHubFront;
let work: string;
let rootFile: string;
let otherRootFile: string;
/** Which instance's Fulcio the front's tokens are for (both stand-ins check their own issuer key). */
let issuer: SigstoreStandIn;

before(async () => {
  [registry, sigstore, other] = await Promise.all([startRegistry(), startSigstore(), startSigstore()]);
  issuer = sigstore;
  github = await startGitHubFront({ issue: (claims) => issuer.token(claims) });
  work = await tempDir('chartlift-attack-keyless-');
  rootFile = path.join(work, 'trusted_root.json');
  otherRootFile = path.join(work, 'other_trusted_root.json');
  await writeFile(rootFile, JSON.stringify(sigstore.trustedRoot()));
  await writeFile(otherRootFile, JSON.stringify(other.trustedRoot()));
});
after(async () => {
  await Promise.all([registry?.stop(), sigstore?.stop(), other?.stop(), github?.close()]);
});

let n = 0;
async function chart(description: string): Promise<string> {
  return tree(path.join(work, `c${++n}`, 'web'), {
    'Chart.yaml': `apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: ${description}\n`,
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  });
}

function runnerEnv(home: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...home,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: 'octo-org/octo-chart',
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW_REF: MAIN_REF,
    ACTIONS_ID_TOKEN_REQUEST_URL: github.tokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken,
  };
}

const GITHUB_TOKEN = 'ghs_attackkeylesstoken0123456789abcdef';

function inputs(
  chartDir: string,
  repo: string,
  instance: SigstoreStandIn,
  root: string | undefined,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    chart: chartDir,
    ref: `oci://${registry.host}/${repo}`,
    'plain-http': 'true',
    'keyless-sign': 'true',
    attest: 'false',
    'fulcio-url': instance.fulcioURL,
    'rekor-url': instance.rekorURL,
    'tsa-url': instance.tsaURL,
    'trusted-root': root ?? '',
    'github-token': GITHUB_TOKEN,
    ...extra,
  };
}

function ok(r: ActionRun): void {
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
}

/** Runs with the front's tokens naming `jobWorkflowRef` (and signed for `instance`'s Fulcio). */
async function asWorkflow<T>(jobWorkflowRef: string, instance: SigstoreStandIn, run: () => Promise<T>): Promise<T> {
  const saved = github.claims.job_workflow_ref;
  github.claims.job_workflow_ref = jobWorkflowRef;
  issuer = instance;
  try {
    return await run();
  } finally {
    github.claims.job_workflow_ref = saved;
    issuer = sigstore;
  }
}

const verifyFlags = (identity: string) => [
  '--certificate-identity',
  identity,
  '--certificate-oidc-issuer',
  ISSUER,
  '--trusted-root',
  rootFile,
  '--plain-http',
];

describe('an identity that only looks like the workflow’s', () => {
  // Fulcio writes `https://github.com/<job_workflow_ref>`: a branch `main-evil` (anyone who can push a
  // branch) gets a SAN that starts with main's. @sigstore/verify reads the policy's SAN as an
  // unanchored regular expression (String.prototype.match), so an exact identity must not be handed
  // to it as a string.
  test('a signature made from refs/heads/main-evil: chart verify --certificate-identity <main> refuses it', async () => {
    const { env } = await helmHome();
    const dir = await chart('signed from main-evil');
    const made = await asWorkflow(`${MAIN_REF}-evil`, sigstore, () =>
      runAction(inputs(dir, 'prefix', sigstore, rootFile), { env: runnerEnv(env) }),
    );
    ok(made);
    const ref = `${registry.host}/prefix/web:1.0.0`;
    const evil = await cli(['chart', 'verify', ref, ...verifyFlags(`${SAN}-evil`)], { env });
    assert.equal(evil.code, 0, `the real signer verifies: ${evil.stderr}`);
    const main = await cli(['chart', 'verify', ref, ...verifyFlags(SAN)], { env });
    assert.equal(main.code, 1, `verified as main's: ${main.stdout}`);
    assert.match(main.stderr, /none of its 1 Sigstore bundles is a valid keyless signature/);
    // The dots of the identity are dots, not "any character".
    const dotted = await cli(['chart', 'verify', ref, ...verifyFlags(`${SAN}-evil`.replace('github.com', 'github-com'))], { env });
    assert.equal(dotted.code, 1, dotted.stdout);
  });

  test('exactly once: a signature from refs/heads/main-evil does not stop the run on main from signing', async () => {
    const { env } = await helmHome();
    const dir = await chart('main-evil first, then main');
    ok(
      await asWorkflow(`${MAIN_REF}-evil`, sigstore, () =>
        runAction(inputs(dir, 'prefix-once', sigstore, rootFile), { env: runnerEnv(env) }),
      ),
    );
    const calls = sigstore.calls.fulcio;
    const onMain = await runAction(inputs(dir, 'prefix-once', sigstore, rootFile), { env: runnerEnv(env) });
    ok(onMain);
    assert.equal(onMain.outputs.status, 'unchanged');
    assert.doesNotMatch(onMain.stdout, /is there already: not signed again/);
    assert.equal(sigstore.calls.fulcio - calls, 1, 'signed for main');
  });

  test('an identity carrying a workflow command: quoted in the refusal, never a command in the log', async () => {
    const { env } = await helmHome();
    const dir = await chart('identity with a command');
    const made = await asWorkflow(`${MAIN_REF}\n::error::forged by the certificate`, sigstore, () =>
      runAction(inputs(dir, 'command-san', sigstore, rootFile), { env: runnerEnv(env) }),
    );
    ok(made);
    const r = await runAction(inputs(dir, 'command-san', sigstore, rootFile), { env: runnerEnv(env) });
    ok(r);
    assert.match(r.stdout, /does not count \(keyless signature refused: the certificate's identity is not/);
    assert.match(r.stdout, /main\\u000a::error::forged by the certificate/, 'the identity quoted, its newline escaped');
    assert.ok(!r.stdout.split('\n').some((l) => l.startsWith('::error::forged')), r.stdout);
    assert.deepEqual(r.errors, []);
  });

  test('a user’s own --certificate-identity-regexp stays a regular expression (as cosign’s)', async () => {
    const { env } = await helmHome();
    const ref = `${registry.host}/prefix/web:1.0.0`;
    const flags = verifyFlags('');
    flags.splice(
      0,
      2,
      '--certificate-identity-regexp',
      '^https://github\\.com/octo-org/octo-chart/\\.github/workflows/release\\.yml@refs/heads/main-',
    );
    const r = await cli(['chart', 'verify', ref, ...flags], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /identity: https:\/\/github\.com\/.*main-evil/);
  });
});

describe('a bundle by the right identity from another instance (a CA not trusted)', () => {
  test('with trusted-root: does not count, the chart is signed again; chart verify refuses it', async () => {
    const { env } = await helmHome();
    const dir = await chart('planted from another CA');
    const planted = await asWorkflow(MAIN_REF, other, () =>
      runAction(inputs(dir, 'planted', other, otherRootFile), { env: runnerEnv(env) }),
    );
    ok(planted);
    const ref = `${registry.host}/planted/web:1.0.0`;
    const refused = await cli(['chart', 'verify', ref, ...verifyFlags(SAN)], { env });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stderr, /not trusted by the trusted root|refused/);

    const calls = sigstore.calls.fulcio;
    const again = await runAction(inputs(dir, 'planted', sigstore, rootFile), { env: runnerEnv(env) });
    ok(again);
    assert.match(again.stdout, /does not count/);
    assert.equal(sigstore.calls.fulcio - calls, 1);
    assert.notEqual(again.outputs['signature-digest'], planted.outputs['signature-digest']);
    const verified = await cli(['chart', 'verify', ref, ...verifyFlags(SAN)], { env });
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, new RegExp(`keyless signature: ${again.outputs['signature-digest']}`));
  });

  test('without trusted-root (a private instance): it counts, as the README says (weaker), and the log says why', async () => {
    const { env } = await helmHome();
    const dir = await chart('planted, no trusted root');
    ok(await asWorkflow(MAIN_REF, other, () => runAction(inputs(dir, 'planted-noroot', other, otherRootFile), { env: runnerEnv(env) })));
    const calls = sigstore.calls.fulcio;
    const r = await runAction(inputs(dir, 'planted-noroot', sigstore, undefined), { env: runnerEnv(env) });
    ok(r);
    assert.match(r.stdout, /no trusted root for this Sigstore instance/);
    assert.match(r.stdout, /is there already: not signed again/);
    assert.equal(sigstore.calls.fulcio, calls);
  });

  test('the public instance with its trusted root out of reach: the planted bundle does not count', async () => {
    // No `fulcio-url` and a public repository: Sigstore's public-good instance, whose trusted root
    // comes through its TUF repository. Every https request goes to a closed port on this machine
    // (HTTPS_PROXY), so the TUF refresh fails, and so would a signature: the step must then try to
    // sign (and fail, naming Fulcio), not accept a bundle checked by its certificate's identity only.
    const { env } = await helmHome();
    const dir = await chart('planted, public instance offline');
    ok(await asWorkflow(MAIN_REF, other, () => runAction(inputs(dir, 'planted-public', other, otherRootFile), { env: runnerEnv(env) })));
    const offline = { ...runnerEnv(env), HTTPS_PROXY: `http://127.0.0.1:${CLOSED_PORT}`, https_proxy: `http://127.0.0.1:${CLOSED_PORT}` };
    const r = await runAction(inputs(dir, 'planted-public', sigstore, undefined, { 'fulcio-url': '', 'rekor-url': '', 'tsa-url': '' }), {
      env: offline,
    });
    assert.doesNotMatch(r.stdout, /is there already: not signed again/, r.stdout);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.errors.join('\n'), /Fulcio did not issue a signing certificate/);
  });
});

describe('secrets of a keyless run', () => {
  test('the ID token, the request token and github-token appear nowhere in the output', async () => {
    const { env } = await helmHome();
    const issued = github.issued.length;
    const r = await runAction(inputs(await chart('secrets'), 'secrets', sigstore, rootFile, { attest: 'true' }), { env: runnerEnv(env) });
    ok(r);
    const tokens = github.issued.slice(issued);
    assert.ok(tokens.length >= 1, 'a token was issued');
    // `::add-mask::` is how a step tells the runner to mask a value: the one line allowed to carry it.
    const logged = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    assert.ok(logged.length < `${r.stdout}\n${r.stderr}`.split('\n').length, 'the tokens were masked');
    const out = `${logged.join('\n')}\n${Object.values(r.outputs).join('\n')}`;
    for (const secret of [github.requestToken, GITHUB_TOKEN, ...tokens]) {
      assert.ok(!out.includes(secret), `a secret (${secret.slice(0, 12)}…) in the output`);
      // Not even a part of the ID token's signature or payload.
      for (const part of secret.split('.').filter((p) => p.length > 20)) assert.ok(!out.includes(part), 'a part of a token in the output');
    }
  });
});

describe('racing runs', () => {
  test('three runs signing the same unchanged chart at once (a registry that ignores If-Match): all three referrers kept', async () => {
    const { env } = await helmHome();
    const dir = await chart('signed three times at once');
    ok(await runAction({ chart: dir, ref: `oci://${registry.host}/race3`, 'plain-http': 'true' }, { env }));
    const runs = await Promise.all([1, 2, 3].map(() => runAction(inputs(dir, 'race3', sigstore, rootFile), { env: runnerEnv(env) })));
    for (const r of runs) ok(r);
    const res = await fetchManifest(registry, 'race3/web', runs[0].outputs.digest.replace(':', '-'), {
      Accept: 'application/vnd.oci.image.index.v1+json',
    });
    const listed = (JSON.parse(res.body.toString('utf8')) as { manifests: Array<{ digest: string }> }).manifests.map((m) => m.digest);
    for (const r of runs)
      assert.ok(listed.includes(r.outputs['signature-digest']), `${r.outputs['signature-digest']} kept: ${listed.join(', ')}`);
  });
});

describe('a reusable workflow signs as itself', () => {
  // Fulcio names the reusable workflow (job_workflow_ref) as the identity, whoever calls it: a shared
  // release workflow called from a fork signs with the same SAN. The calling repository is in the
  // certificate's GitHub Workflow Repository extension, which --certificate-github-workflow-repository
  // checks, as cosign's flag of that name does.
  const SHARED = 'acme-org/shared-workflows/.github/workflows/helm-release.yml@refs/heads/main';
  test('called from octo-org/octo-chart and from a fork: the identity alone takes both; the caller flag tells them apart', async () => {
    const { env } = await helmHome();
    const signAs = async (repository: string, repo: string) => {
      const saved = github.claims.repository;
      github.claims.repository = repository;
      try {
        ok(
          await asWorkflow(SHARED, sigstore, async () =>
            runAction(inputs(await chart(`called from ${repository}`), repo, sigstore, rootFile), { env: runnerEnv(env) }),
          ),
        );
      } finally {
        github.claims.repository = saved;
      }
    };
    await signAs('octo-org/octo-chart', 'called-by-owner');
    await signAs('mallory/octo-chart-fork', 'called-by-fork');
    const verify = (repo: string, caller?: string) =>
      cli(
        [
          'chart',
          'verify',
          `${registry.host}/${repo}/web:1.0.0`,
          ...verifyFlags(`https://github.com/${SHARED}`),
          ...(caller ? ['--certificate-github-workflow-repository', caller] : []),
        ],
        { env },
      );
    assert.equal((await verify('called-by-fork')).code, 0, 'the identity alone does not tell the caller');
    const owner = await verify('called-by-owner', 'octo-org/octo-chart');
    assert.equal(owner.code, 0, owner.stderr);
    const fork = await verify('called-by-fork', 'octo-org/octo-chart');
    assert.equal(fork.code, 1, fork.stdout);
    assert.match(fork.stderr, /the workflow ran in mallory\/octo-chart-fork, not octo-org\/octo-chart/);
    const bad = await verify('called-by-owner', 'not a repository');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /takes OWNER\/REPO/);
  });
});
