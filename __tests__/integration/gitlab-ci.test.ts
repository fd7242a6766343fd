import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyBundle } from '../../src/sign/keyless/verify.js';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { GitRepo } from '../helpers/git.js';
import { componentJobs, gitlabJobs, jobTools, runJob, type JobRun } from '../helpers/gitlab-job.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT, tool } from '../helpers/paths.js';
import { fetchManifestTls, startRegistry, type Registry } from '../helpers/registry.js';
import { GITLAB_ISSUER, gitlabClaims, startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';
import { tempDir } from '../helpers/temp.js';
import { makeTls } from '../helpers/tls.js';

// GitLab CI as a home: the README's .gitlab-ci.yml run job by job as a runner runs it (its predefined
// variables, the job token's login to a registry with htpasswd, the ID token from id_tokens:, the dotenv
// report read by the next job), keyless against the Sigstore stand-in playing gitlab.com's issuer, over
// two commits; the component run with its inputs; and the same chart from the action and the CLI.

const JOB_TOKEN = 'glcbt-64_jobtoken0123456789abcdef';
const PROJECT = 'acme/charts';
const SAN = `https://gitlab.com/${PROJECT}//.gitlab-ci.yml@refs/heads/main`;

let registry: Registry;
let sigstore: SigstoreStandIn;
let tls: { ca: string; cert: string; key: string };
let work: string;
let repo: GitRepo;
let tools: string;
let rootFile: string;

before(async () => {
  work = await tempDir('chartlift-gitlab-');
  tls = await makeTls();
  [registry, sigstore] = await Promise.all([
    startRegistry({ users: { 'gitlab-ci-token': JOB_TOKEN }, tls: { cert: tls.cert, key: tls.key } }),
    startSigstore(),
  ]);
  rootFile = path.join(work, 'trusted_root.json');
  await writeFile(rootFile, JSON.stringify(sigstore.trustedRoot()));
  // The deploy job's image is alpine/helm:4.1.4 (Helm 3 talks plain HTTP to a registry on 127.0.0.1, whatever its TLS).
  tools = await jobTools(tool('helm4'));
  repo = await GitRepo.init(path.join(work, 'origin'));
  await mkdir(path.join(repo.dir, 'charts', 'web', 'templates'), { recursive: true });
  await writeFile(
    path.join(repo.dir, 'charts', 'web', 'Chart.yaml'),
    'apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: a web chart\n',
  );
  await writeFile(
    path.join(repo.dir, 'charts', 'web', 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  );
});
after(async () => {
  await Promise.all([registry?.stop(), sigstore?.stop()]);
});

/** The README's .gitlab-ci.yml. */
async function readmePipeline(): Promise<string> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## GitLab CI and any other CI')[1];
  const m = /```yaml\n(# \.gitlab-ci\.yml\n[\s\S]*?)```/.exec(section);
  assert.ok(m, 'the README has a .gitlab-ci.yml');
  return m[1];
}

/** A pipeline's variables, as GitLab.com gives a push to main of acme/charts (its registry played on loopback). */
async function variables(commit: string, dir: string, pipeline: number): Promise<Record<string, string>> {
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: 'https://gitlab.com',
    CI_SERVER_HOST: 'gitlab.com',
    CI_SERVER_FQDN: 'gitlab.com',
    CI_PROJECT_DIR: dir,
    CI_PROJECT_PATH: PROJECT,
    CI_PROJECT_URL: `https://gitlab.com/${PROJECT}`,
    CI_REGISTRY: registry.host,
    CI_REGISTRY_IMAGE: `${registry.host}/${PROJECT}`,
    CI_REGISTRY_USER: 'gitlab-ci-token',
    CI_REGISTRY_PASSWORD: JOB_TOKEN,
    CI_JOB_TOKEN: JOB_TOKEN,
    CI_COMMIT_SHA: commit,
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_BRANCH: 'main',
    CI_CONFIG_PATH: '.gitlab-ci.yml',
    CI_PIPELINE_ID: String(pipeline),
    CI_PIPELINE_SOURCE: 'push',
    // The registry's certificate is the test CA's (the runner's image trusts it: Go and Chartlift read SSL_CERT_FILE).
    SSL_CERT_FILE: tls.ca,
    // Project variables pointing the publication at the Sigstore stand-in (gitlab.com's issuer, a Fulcio, Rekor and TSA).
    CHARTLIFT_FULCIO_URL: sigstore.fulcioURL,
    CHARTLIFT_REKOR_URL: sigstore.rekorURL,
    CHARTLIFT_TSA_URL: sigstore.tsaURL,
    CHARTLIFT_TRUSTED_ROOT: rootFile,
  };
}

/** Runs a pipeline's jobs in order, each as a runner runs it in a fresh clone of `commit` (depth 1). */
async function runPipeline(text: string, commit: string, pipeline: number, ref = 'main'): Promise<Map<string, JobRun>> {
  const runs = new Map<string, JobRun>();
  const reports = new Map<string, Record<string, string>>();
  for (const job of gitlabJobs(text)) {
    const dir = await repo.shallowClone(commit, path.join(await tempDir('chartlift-gitlab-build-'), 'acme', 'charts'));
    const vars = await variables(commit, dir, pipeline);
    const r = await runJob(job, { dir, variables: vars, tools, reports, tokens: () => sigstore.token(gitlabClaims(ref, PROJECT)) });
    runs.set(job.name, r);
    reports.set(job.name, r.dotenv);
    assert.equal(r.code, 0, `job ${job.name} failed:\n${r.stdout}\n${r.stderr}`);
  }
  return runs;
}

const verifyArgs = (reference: string, identity: string, issuer = GITLAB_ISSUER, type?: string) => [
  'chart',
  'verify',
  reference,
  '--certificate-identity',
  identity,
  '--certificate-oidc-issuer',
  issuer,
  '--trusted-root',
  rootFile,
  ...(type ? ['--type', type] : []),
];

describe("the README's .gitlab-ci.yml, as GitLab runs it", () => {
  test('publish with the job token and keyless (GitLab identity), the dotenv read by the deploy job; a second commit signs nothing', async () => {
    const pipelineText = await readmePipeline();
    const first = await repo.commit('web 1.0.0');
    const before = { ...sigstore.calls };
    const runs = await runPipeline(pipelineText, first, 101);
    const publish = runs.get('publish-chart')!;
    assert.match(
      publish.stdout,
      /Login succeeded \(127\.0\.0\.1:\d+ as gitlab-ci-token, from the job's CI_REGISTRY_USER and CI_REGISTRY_PASSWORD; not stored\)/,
    );
    assert.doesNotMatch(publish.stdout + publish.stderr, new RegExp(JOB_TOKEN));
    const env = publish.dotenv;
    assert.equal(env.STATUS, 'pushed');
    assert.equal(env.NAME, 'web');
    assert.equal(env.VERSION, '1.0.0');
    assert.equal(env.REF, `${registry.host}/${PROJECT}/charts/web:1.0.0`);
    assert.equal(env.DIGEST_REF, `${registry.host}/${PROJECT}/charts/web@${env.DIGEST}`);
    assert.match(env.SIGNATURE_DIGEST, /^sha256:[0-9a-f]{64}$/);
    assert.match(env.ATTESTATION_DIGEST, /^sha256:[0-9a-f]{64}$/);
    assert.equal(JSON.parse(env.CHARTS)[0].digest, env.DIGEST);
    assert.equal(sigstore.calls.fulcio - before.fulcio, 2, 'a certificate for the signature and one for the attestation');

    // The deploy job got the variables and pulled the very digest.
    const deploy = runs.get('deploy-chart')!;
    assert.match(deploy.stdout, new RegExp(`published web 1\\.0\\.0 as ${env.DIGEST} \\(pushed\\)`));
    assert.match(deploy.stdout, /kind: ConfigMap/);

    // The manifest names the project (CI_PROJECT_URL) as the source of a chart whose Chart.yaml lists none.
    const manifest = JSON.parse(
      (await fetchManifestTls(registry, `${PROJECT}/charts/web`, env.DIGEST, tls.ca, 'gitlab-ci-token', JOB_TOKEN)).toString('utf8'),
    );
    assert.equal(manifest.annotations['org.opencontainers.image.source'], `https://gitlab.com/${PROJECT}`);

    // Verified for the pipeline's identity, refused for another branch's and another issuer.
    const { env: home } = await helmHome();
    const verifyEnv = { ...home, SSL_CERT_FILE: tls.ca };
    await cli(['registry', 'login', registry.host, '-u', 'gitlab-ci-token', '--password-stdin'], { env: verifyEnv, input: JOB_TOKEN });
    const signed = await cli(verifyArgs(env.REF, SAN), { env: verifyEnv });
    assert.equal(signed.code, 0, signed.stderr);
    const attested = await cli(verifyArgs(env.REF, SAN, GITLAB_ISSUER, 'slsaprovenance'), { env: verifyEnv });
    assert.equal(attested.code, 0, attested.stderr);
    const otherBranch = await cli(verifyArgs(env.REF, SAN.replace('refs/heads/main', 'refs/heads/dev')), { env: verifyEnv });
    assert.equal(otherBranch.code, 1, otherBranch.stdout);
    const otherIssuer = await cli(verifyArgs(env.REF, SAN, 'https://gitlab.example.com'), { env: verifyEnv });
    assert.equal(otherIssuer.code, 1, otherIssuer.stdout);

    // The attestation is GitLab's provenance of the job.
    const logged = sigstore.entries.length;
    assert.ok(logged >= 2);
    const bundle = await fetchManifestTls(registry, `${PROJECT}/charts/web`, env.ATTESTATION_DIGEST, tls.ca, 'gitlab-ci-token', JOB_TOKEN);
    const layer = JSON.parse(bundle.toString('utf8')).layers[0].digest as string;
    const bundleText = (
      await fetchManifestTls(registry, `${PROJECT}/charts/web`, layer, tls.ca, 'gitlab-ci-token', JOB_TOKEN, 'blobs')
    ).toString('utf8');
    const provenance = await verifyBundle(bundleText, {
      trustedRoot: sigstore.trustedRoot(),
      certificateIdentity: SAN,
      certificateIssuer: GITLAB_ISSUER,
      expectedSubjectDigest: env.DIGEST,
      expectedPredicateType: 'https://slsa.dev/provenance/v1',
      expectedSubjectName: `${registry.host}/${PROJECT}/charts/web`,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walked field by field, each asserted
    const predicate = provenance.statement.predicate as any;
    assert.equal(predicate.buildDefinition.buildType, 'https://docs.gitlab.com/ci/pipeline_security/slsa/provenance_v1');
    assert.deepEqual(predicate.buildDefinition.externalParameters, {
      source: `https://gitlab.com/${PROJECT}`,
      entryPoint: 'publish-chart',
    });
    assert.equal(predicate.runDetails.builder.id, `https://gitlab.com/${PROJECT}/-/runners/1`);

    // A second commit that leaves the chart alone: unchanged, nothing signed again.
    await writeFile(path.join(repo.dir, 'NOTES.md'), 'another commit\n');
    const second = await repo.commit('notes');
    const calls = { ...sigstore.calls };
    const again = await runPipeline(pipelineText, second, 102);
    const env2 = again.get('publish-chart')!.dotenv;
    assert.equal(env2.STATUS, 'unchanged');
    assert.equal(env2.DIGEST, env.DIGEST);
    assert.equal(env2.SIGNATURE_DIGEST, env.SIGNATURE_DIGEST);
    assert.equal(env2.ATTESTATION_DIGEST, env.ATTESTATION_DIGEST);
    assert.deepEqual(sigstore.calls, calls, 'no certificate, log entry or timestamp');
  });
});

describe('the CI/CD component (templates/publish.yml)', () => {
  test('included with its inputs: the job publishes every chart of a pattern and reports them', async () => {
    const component = await readFile(path.join(ROOT, 'templates', 'publish.yml'), 'utf8');
    const [job] = componentJobs(component, { chart: 'charts/*', ref: 'oci://$CI_REGISTRY_IMAGE/component' });
    const commit = await repo.commit('for the component');
    const dir = await repo.shallowClone(commit, path.join(await tempDir('chartlift-gitlab-component-'), 'acme', 'charts'));
    const r = await runJob(job, {
      dir,
      variables: await variables(commit, dir, 201),
      tools,
      tokens: (aud) => {
        assert.equal(aud, 'sigstore');
        return sigstore.token(gitlabClaims('main', PROJECT));
      },
    });
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.equal(r.dotenv.STATUS, 'pushed');
    assert.equal(r.dotenv.REF, `${registry.host}/${PROJECT}/component/web:1.0.0`);
    assert.match(r.dotenv.SIGNATURE_DIGEST, /^sha256:/);
  });
});

describe('the same chart from the action and from chartlift publish', () => {
  test('the same digests (chart and manifest)', async () => {
    const chart = path.join(work, 'same', 'api');
    await mkdir(path.join(chart, 'templates'), { recursive: true });
    await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: api\nversion: 2.1.0\nsources:\n  - https://example.com/api\n');
    await writeFile(path.join(chart, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n');
    const { env } = await helmHome();
    const action = await runAction(
      { chart, ref: `oci://${registry.host}/via-action`, username: 'gitlab-ci-token', password: JOB_TOKEN, push: 'true' },
      {
        env: {
          ...env,
          SSL_CERT_FILE: tls.ca,
          GITHUB_REPOSITORY: 'acme/charts',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_REF: 'refs/heads/main',
        },
      },
    );
    assert.equal(action.code, 0, action.stdout);
    const viaCli = await cli(
      ['publish', chart, '--ref', `oci://${registry.host}/via-cli`, '-u', 'gitlab-ci-token', '--password-stdin', '--output', 'json'],
      {
        env: { ...env, SSL_CERT_FILE: tls.ca, ...(await variables('b'.repeat(40), path.dirname(chart), 301)) },
        input: JOB_TOKEN,
      },
    );
    assert.equal(viaCli.code, 0, viaCli.stderr);
    const [result] = JSON.parse(viaCli.stdout);
    assert.equal(result.digest, action.outputs.digest);
    assert.equal(result['chart-digest'], action.outputs['chart-digest']);
  });
});
