import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';
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

describe("the README's monorepo pipeline on GitLab (a plan, then a child pipeline of parallel: matrix jobs)", () => {
  test('the plan lists the charts a publish would push or refuse; each matrix job publishes exactly its planned digest; a changed published version is refused', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(# \.gitlab-ci\.yml\nstages: \[plan, publish\][\s\S]*?)```/.exec(readme);
    assert.ok(block, "the README's monorepo pipeline");
    const [pipelineText, templateText] = block[1].split(/^---$/m);
    const mono = await GitRepo.init(path.join(work, 'mono'));
    const chart = async (name: string, version: string, text = name) => {
      await mkdir(path.join(mono.dir, 'charts', name, 'templates'), { recursive: true });
      await writeFile(path.join(mono.dir, 'charts', name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
      await writeFile(
        path.join(mono.dir, 'charts', name, 'templates', 'cm.yaml'),
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${text}\n`,
      );
    };
    // The job template the generated child pipeline includes is a file of the repository.
    await mkdir(path.join(mono.dir, '.gitlab'), { recursive: true });
    await writeFile(path.join(mono.dir, '.gitlab', 'publish-chart.yml'), templateText);
    for (const name of ['a', 'b', 'c', 'e']) await chart(name, '1.0.0');
    const published = await mono.commit('four charts');
    // Published before (a job of an earlier pipeline): every chart as it stood.
    const before = await runMonoJob(mono, published, {
      name: 'earlier',
      script: [`npx --yes chartlift@0.1.0 publish 'charts/*' --ref "oci://$CI_REGISTRY_IMAGE/charts"`],
    });
    assert.equal(before.code, 0, before.stdout + before.stderr);
    await chart('c', '1.1.0', 'c-changed'); // a new version
    await chart('d', '0.1.0'); // a new chart
    await chart('e', '1.0.0', 'e-changed'); // a published version whose files changed
    const commit = await mono.commit('c 1.1.0, d, a changed e');

    const [planJob] = gitlabJobs(pipelineText);
    assert.equal(planJob.name, 'plan');
    const plan = await runMonoJob(mono, commit, planJob);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    const results = JSON.parse(await readFile(path.join(plan.dir, 'plan.json'), 'utf8')) as Array<{
      name: string;
      publish: string;
      digest: string;
    }>;
    assert.deepEqual(
      results.map((r) => [r.name, r.publish]),
      [
        ['a', 'none'],
        ['b', 'none'],
        ['c', 'push'],
        ['d', 'push'],
        ['e', 'fail'],
      ],
    );
    // The child pipeline the plan job generated: its parallel: matrix expanded into one job each.
    const child = JSON.parse(await readFile(path.join(plan.dir, 'publish.yml'), 'utf8'));
    const template = (YAML.parse(templateText) as Record<string, { script: string[] }>)['.publish-chart'];
    const entries = child.publish.parallel.matrix as Array<{ CHART: string; DIGEST: string }>;
    assert.deepEqual(
      entries.map((e) => e.CHART),
      ['charts/c', 'charts/d', 'charts/e'],
    );
    for (const entry of entries) {
      const job = await runMonoJob(
        mono,
        commit,
        { name: `publish: [${entry.CHART}]`, script: template.script },
        { CHART: entry.CHART, DIGEST: entry.DIGEST },
      );
      const planned = results.find((r) => `charts/${r.name}` === entry.CHART)!;
      if (planned.publish === 'push') {
        assert.equal(job.code, 0, job.stdout + job.stderr);
        assert.match(job.stdout, new RegExp(`digest:  ${planned.digest}`));
      } else {
        assert.equal(job.code, 1, job.stdout);
        assert.match(job.stderr, /already holds sha256:[0-9a-f]{64}.*files differ: e\/templates\/cm\.yaml \(changed\)/);
      }
    }
  });
});

/** One job of the monorepo's pipelines, in a fresh clone of `commit`; its folder is returned for its artifacts. */
async function runMonoJob(
  mono: GitRepo,
  commit: string,
  job: Parameters<typeof runJob>[0],
  extra: Record<string, string> = {},
): Promise<JobRun & { dir: string }> {
  const dir = await mono.shallowClone(commit, path.join(await tempDir('chartlift-gitlab-mono-'), 'acme', 'charts'));
  const vars = { ...(await variables(commit, dir, 401)), CI_DEFAULT_BRANCH: 'main', ...extra };
  for (const name of ['CHARTLIFT_FULCIO_URL', 'CHARTLIFT_REKOR_URL', 'CHARTLIFT_TSA_URL', 'CHARTLIFT_TRUSTED_ROOT'])
    delete (vars as Record<string, string>)[name];
  return { ...(await runJob(job, { dir, variables: vars, tools })), dir };
}
