import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';
import { runAction, type ActionRun } from '../helpers/action.js';
import { exec, run } from '../helpers/exec.js';
import { GitRepo } from '../helpers/git.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT, tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { startGitHubFront } from '../helpers/github-api.js';
import { startSigstore } from '../helpers/sigstore.js';

// The README's "Workflows" section, run as written: each workflow's Chartlift step with its `${{ }}`
// expressions filled in as a runner fills them, against a local registry standing in for ghcr.io.
const USER = 'octocat';
const TOKEN = 'ghs_w0rkfl0w-token';
const OWNER = 'example';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix?: string | { include?: Array<Record<string, string>> } };
  steps: Step[];
}
interface Workflow {
  title: string;
  on: unknown;
  /** The first job's steps (the workflows of one job). */
  steps: Step[];
  jobs: Record<string, Job>;
}

async function readmeWorkflows(): Promise<Workflow[]> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Workflows\n')[1].split('\n## ')[0];
  const out: Workflow[] = [];
  for (const m of section.matchAll(/^\*\*([^*\n]+)\*\*[\s\S]*?```yaml\n([\s\S]*?)```/gm)) {
    const doc = YAML.parse(m[2]) as { on: unknown; jobs: Record<string, Job> };
    out.push({ title: m[1], on: doc.on, steps: Object.values(doc.jobs)[0].steps, jobs: doc.jobs });
  }
  return out;
}

let registry: Registry;
let repo: GitRepo;
let work: string;
let workflows: Workflow[];

before(async () => {
  work = await tempDir('chartlift-workflows-');
  registry = await startRegistry({ users: { [USER]: TOKEN } });
  workflows = await readmeWorkflows();
  repo = await GitRepo.init(path.join(work, 'origin'));
  const chart = async (dir: string, name: string, version: string) => {
    await mkdir(path.join(repo.dir, dir, 'templates'), { recursive: true });
    await writeFile(path.join(repo.dir, dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
    await writeFile(path.join(repo.dir, dir, 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
  };
  await chart('charts/web', 'web', '1.0.0');
  await chart('charts/api', 'api', '2.1.0');
  await chart('charts/team/worker', 'worker', '0.3.0');
  await chart('charts/deprecated', 'old', '0.0.1');
  await writeFile(path.join(repo.dir, 'README.md'), '# charts\n');
});
after(() => registry?.stop());

/** A runner's evaluation of the expressions the README uses; anything else is a README mistake. */
function evaluate(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (!(expr in context)) throw new Error(`the README uses \${{ ${expr} }}, which this test does not know`);
    return context[expr];
  });
}

async function runWorkflow(
  w: Workflow,
  opts: { sha: string; ref: string; event: string; inputs?: Record<string, string>; env?: Record<string, string> },
) {
  const checkout = await repo.shallowClone(opts.sha, path.join(work, `checkout-${Math.random().toString(36).slice(2)}`));
  const { env: home } = await helmHome();
  const context: Record<string, string> = {
    'github.repository_owner': OWNER,
    'github.actor': USER,
    'secrets.GITHUB_TOKEN': TOKEN,
    'github.ref_name': opts.ref.replace(/^refs\/(heads|tags)\//, ''),
    'github.sha': opts.sha,
  };
  const env = {
    ...home,
    GITHUB_SHA: opts.sha,
    GITHUB_REF: opts.ref,
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_REPOSITORY: `${OWNER}/charts`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: checkout,
    RUNNER_TEMP: await tempDir('chartlift-runner-'),
    ...opts.env,
  };
  const runs: ActionRun[] = [];
  const commands: string[] = [];
  for (const step of w.steps) {
    if (step.uses?.startsWith('chartlift/chartlift@')) {
      const inputs: Record<string, string> = { 'plain-http': 'true' };
      for (const [k, v] of Object.entries(step.with ?? {})) inputs[k] = evaluate(String(v), context).replace('ghcr.io', registry.host);
      const r = await runAction({ ...inputs, ...opts.inputs }, { env, cwd: checkout });
      runs.push(r);
      if (step.id) for (const [k, v] of Object.entries(r.outputs)) context[`steps.${step.id}.outputs.${k}`] = v;
    } else if (step.run) commands.push(evaluate(step.run, context));
  }
  return { runs, commands };
}

/** What a job came to: GitHub's result, each matrix instance's action runs and run: lines, its outputs. */
interface JobRun {
  result: 'success' | 'failure' | 'skipped';
  instances: Array<{ matrix: Record<string, string>; runs: ActionRun[]; commands: string[] }>;
  outputs: Record<string, string>;
}

/**
 * A condition as the README writes them: `a == 'b'` and `a != 'b'`, joined by `&&`, each side a context
 * name or a quoted string (GitHub compares strings as they are); anything else is a README mistake.
 */
function condition(expr: string, context: Record<string, string>): boolean {
  const value = (x: string): string => {
    if (/^'.*'$/.test(x)) return x.slice(1, -1);
    if (!(x in context)) throw new Error(`the README's condition uses ${x}, which this test does not know`);
    return context[x];
  };
  return expr
    .replace(/^\$\{\{\s*|\s*\}\}$/g, '')
    .split('&&')
    .every((part) => {
      const m = /^\s*(.+?)\s*(==|!=)\s*(.+?)\s*$/.exec(part);
      if (!m) throw new Error(`the README's condition ${JSON.stringify(part)} is not one this test evaluates`);
      return (value(m[1]) === value(m[3])) === (m[2] === '==');
    });
}

/** A job's matrix instances: none for a job without a matrix ([{}]), else its include entries, from fromJSON(...) as GitHub expands it. */
function matrixOf(job: Job, context: Record<string, string>): Array<Record<string, string>> {
  const matrix = job.strategy?.matrix;
  if (matrix === undefined) return [{}];
  const m = typeof matrix === 'string' ? /^\$\{\{\s*fromJSON\((.+)\)\s*\}\}$/.exec(matrix) : null;
  const value = m ? (JSON.parse(evaluate(`\${{ ${m[1]} }}`, context)) as unknown) : matrix;
  const include = (value as { include?: unknown } | null)?.include;
  // GitHub refuses a matrix without a job ("Matrix vector … does not contain any values"): the job's if must have skipped it.
  if (!Array.isArray(include) || include.length === 0) throw new Error(`GitHub refuses this matrix: ${JSON.stringify(value)}`);
  return include as Array<Record<string, string>>;
}

/** The action.yml defaults a runner fills in, where they are expressions (github-token: ${{ github.token }}). */
const defaults = YAML.parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')).inputs as Record<string, { default?: string }>;

/**
 * A workflow of several jobs, run as GitHub runs it: in the order written (each job's needs come
 * first there), a job skipped when a job it needs did not succeed or its `if` is false, else once per
 * matrix entry (fail-fast off: every instance runs), each instance in a fresh shallow clone of the
 * commit; its `uses:` steps other than Chartlift's are skipped, its `run:` steps run with bash (a step
 * named "not run by the tests" is checked with bash -n), and a failing step ends the instance.
 */
async function runJobs(
  w: Workflow,
  opts: { sha: string; ref: string; event: string; env?: Record<string, string>; context?: Record<string, string> },
): Promise<Record<string, JobRun>> {
  const base: Record<string, string> = {
    'github.repository_owner': OWNER,
    'github.actor': USER,
    'secrets.GITHUB_TOKEN': TOKEN,
    'github.token': TOKEN,
    'github.event_name': opts.event,
    'github.ref_name': opts.ref.replace(/^refs\/(heads|tags)\//, ''),
    'github.sha': opts.sha,
    ...opts.context,
  };
  const done: Record<string, JobRun> = {};
  for (const [name, job] of Object.entries(w.jobs)) {
    const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []);
    const context = { ...base };
    for (const n of needs) for (const [k, v] of Object.entries(done[n].outputs)) context[`needs.${n}.outputs.${k}`] = v;
    if (needs.some((n) => done[n].result !== 'success') || (job.if !== undefined && !condition(job.if, context))) {
      done[name] = { result: 'skipped', instances: [], outputs: {} };
      continue;
    }
    const instances: JobRun['instances'] = [];
    let outputs: Record<string, string> = {};
    for (const entry of matrixOf(job, context)) {
      const checkout = await repo.shallowClone(opts.sha, path.join(work, `job-${name}-${Math.random().toString(36).slice(2)}`));
      const { env: home } = await helmHome();
      const env = {
        ...home,
        PATH: `${path.dirname(tool('helm3'))}:${process.env.PATH}`,
        GITHUB_SHA: opts.sha,
        GITHUB_REF: opts.ref,
        GITHUB_EVENT_NAME: opts.event,
        GITHUB_REPOSITORY: `${OWNER}/charts`,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_WORKSPACE: checkout,
        RUNNER_TEMP: await tempDir('chartlift-runner-'),
        ...opts.env,
      };
      const ctx = { ...context, ...Object.fromEntries(Object.entries(entry).map(([k, v]) => [`matrix.${k}`, String(v)])) };
      const instance = { matrix: entry, runs: [] as ActionRun[], commands: [] as string[], ok: true };
      for (const step of job.steps) {
        if (step.uses?.startsWith('chartlift/chartlift@')) {
          const inputs: Record<string, string> = { 'plain-http': 'true' };
          for (const [k, d] of Object.entries(defaults)) if (d.default?.includes('${{')) inputs[k] = evaluate(d.default, ctx);
          for (const [k, v] of Object.entries(step.with ?? {})) inputs[k] = evaluate(String(v), ctx).replace('ghcr.io', registry.host);
          const r = await runAction(inputs, { env, cwd: checkout });
          instance.runs.push(r);
          if (step.id) for (const [k, v] of Object.entries(r.outputs)) ctx[`steps.${step.id}.outputs.${k}`] = v;
          if (r.code !== 0) instance.ok = false;
        } else if (step.run) {
          const command = evaluate(step.run, ctx);
          instance.commands.push(command);
          if (step.name?.includes('not run by the tests')) {
            assert.equal((await exec('bash', ['-n', '-c', command])).code, 0, command);
            continue;
          }
          const r = await exec('bash', ['-e', '-c', command], { cwd: checkout, env });
          if (r.code !== 0) instance.ok = false;
        }
        if (!instance.ok) break;
      }
      instances.push(instance);
      outputs = Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, evaluate(v, ctx)]));
    }
    const result = instances.every((i) => (i as { ok?: boolean }).ok !== false) ? 'success' : 'failure';
    done[name] = { result, instances, outputs };
  }
  return done;
}

/**
 * The README's GitLab twin of the monorepo workflow: its plan job's line that turns the plan into the
 * child pipeline, run here on a real plan (the action's `plan` output, which `chartlift publish --plan
 * --json` prints), in a folder holding only plan.json; returns the child pipeline it wrote.
 */
async function gitlabChild(plan: string): Promise<Record<string, unknown>> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const block = /The same on GitLab CI[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1];
  const [ci] = YAML.parseAllDocuments(block).map((d) => d.toJS() as Record<string, { script?: string[] }>);
  const generate = ci.plan.script!.find((l) => l.includes('publish.yml'))!;
  const dir = await tempDir('chartlift-gitlab-');
  await writeFile(path.join(dir, 'plan.json'), plan);
  const r = await exec('bash', ['-e', '-c', generate], {
    cwd: dir,
    env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
  });
  assert.equal(r.code, 0, `${generate}\n${r.stderr}`);
  return YAML.parse(await readFile(path.join(dir, 'publish.yml'), 'utf8')) as Record<string, unknown>;
}

const charts = (r: ActionRun) =>
  Object.fromEntries(
    (JSON.parse(r.outputs.charts) as Array<{ name: string; version: string; status: string }>).map((c) => [
      c.name,
      `${c.version} ${c.status}`,
    ]),
  );
const byTitle = (t: string) => workflows.find((w) => w.title.startsWith(t))!;
const writesSince = (mark: number) => registry.requests(mark).filter((l) => !/^(GET|HEAD) /.test(l));

/** A digest reference the registry resolves to exactly that manifest. */
async function resolvesExactly(digestRef: string): Promise<void> {
  assert.match(digestRef, new RegExp(`^${registry.host.replace(/\./g, '\\.')}/${OWNER}/charts/\\w+@sha256:[0-9a-f]{64}$`));
  const raw = await run('skopeo', ['inspect', '--raw', '--tls-verify=false', '--creds', `${USER}:${TOKEN}`, `docker://${digestRef}`]);
  assert.equal(`sha256:${createHash('sha256').update(raw).digest('hex')}`, digestRef.split('@')[1]);
}

describe('the README’s workflows, run as written', () => {
  test('the README has the five workflows', () => {
    assert.deepEqual(
      workflows.map((w) => w.title.split(':')[0]),
      [
        'Publish every chart on every push to main',
        'Publish on a tag, the version from the tag',
        'A pull-request dry run',
        'Sign and attest what was published',
        'A monorepo',
      ],
    );
  });

  test('a pull-request dry run packages every chart and writes nothing to the registry', async () => {
    const sha = await repo.commit('charts');
    const mark = registry.mark();
    const { runs } = await runWorkflow(byTitle('A pull-request dry run'), { sha, ref: 'refs/pull/7/merge', event: 'pull_request' });
    assert.equal(runs[0].code, 0, runs[0].stdout);
    assert.deepEqual(charts(runs[0]), { api: '2.1.0 saved', old: '0.0.1 saved', web: '1.0.0 saved' });
    assert.deepEqual(registry.requests(mark), []);
  });

  test('every push to main: the first publishes every chart (not the excluded one), the next commit changes nothing', async () => {
    const w = byTitle('Publish every chart on every push to main');
    const first = await runWorkflow(w, { sha: await repo.commit('main 1'), ref: 'refs/heads/main', event: 'push' });
    assert.equal(first.runs[0].code, 0, first.runs[0].stdout);
    assert.deepEqual(charts(first.runs[0]), { api: '2.1.0 pushed', web: '1.0.0 pushed', worker: '0.3.0 pushed' });
    await writeFile(path.join(repo.dir, 'README.md'), '# charts\n\nUpdated.\n');
    const mark = registry.mark();
    const second = await runWorkflow(w, { sha: await repo.commit('main 2'), ref: 'refs/heads/main', event: 'push' });
    assert.equal(second.runs[0].code, 0, second.runs[0].stdout);
    assert.deepEqual(charts(second.runs[0]), { api: '2.1.0 unchanged', web: '1.0.0 unchanged', worker: '0.3.0 unchanged' });
    assert.deepEqual(writesSince(mark), []);
  });

  test('a tag v1.4.0 publishes version 1.4.0', async () => {
    const sha = await repo.commit('release');
    const { runs } = await runWorkflow(byTitle('Publish on a tag'), { sha, ref: 'refs/tags/v1.4.0', event: 'push' });
    assert.equal(runs[0].code, 0, runs[0].stdout);
    assert.equal(runs[0].outputs.version, '1.4.0');
    assert.equal(runs[0].outputs.status, 'pushed');
    assert.equal(runs[0].outputs.ref, `${registry.host}/${OWNER}/charts/web:1.4.0`);
  });

  test('sign and attest: each chart signed and attested once, also when it was published before, and not again', async () => {
    const w = byTitle('Sign and attest what was published');
    // The workflow as written signs with Sigstore's public instance; here its stand-in on loopback plays
    // it (given as a private instance would be), with the runner's token service and GitHub's API.
    const sigstore = await startSigstore();
    const github = await startGitHubFront({ issue: (claims) => sigstore.token(claims) });
    try {
      const root = path.join(work, 'trusted_root.json');
      await writeFile(root, JSON.stringify(sigstore.trustedRoot()));
      const instance = {
        'fulcio-url': sigstore.fulcioURL,
        'rekor-url': sigstore.rekorURL,
        'tsa-url': sigstore.tsaURL,
        'trusted-root': root,
      };
      const runner = {
        ACTIONS_ID_TOKEN_REQUEST_URL: github.tokenUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken,
        GITHUB_API_URL: github.url,
      };
      const seen: Array<Record<string, string>> = [];
      for (const round of ['first', 'again']) {
        const calls = sigstore.calls.fulcio;
        const sha = await repo.commit(`sign ${round}`);
        const { runs } = await runWorkflow(w, { sha, ref: 'refs/heads/main', event: 'push', inputs: instance, env: runner });
        assert.equal(runs[0].code, 0, runs[0].stdout);
        assert.equal(runs[0].outputs.status, 'unchanged', 'web 1.0.0 was published by the main workflow');
        assert.match(runs[0].outputs['signature-digest'], /^sha256:[0-9a-f]{64}$/);
        assert.match(runs[0].outputs['attestation-digest'], /^sha256:[0-9a-f]{64}$/);
        assert.equal(sigstore.calls.fulcio - calls, round === 'first' ? 2 : 0);
        await resolvesExactly(runs[0].outputs['digest-ref']);
        seen.push(runs[0].outputs);
      }
      assert.equal(seen[1]['signature-digest'], seen[0]['signature-digest']);
      assert.equal(seen[1]['attestation-digest'], seen[0]['attestation-digest']);
    } finally {
      await Promise.all([sigstore.stop(), github.close()]);
    }
  });

  test('a monorepo: the plan job, a test and a publish job per entry of its real matrix, each publish held to its planned digest', async () => {
    const w = byTitle('A monorepo');
    const github = await startGitHubFront();
    github.releases.token = TOKEN; // the job's GITHUB_TOKEN, which github-token defaults to
    try {
      // api: a new version, with notes; web: other files under its published 1.0.0; old (charts/deprecated): never published.
      await writeFile(
        path.join(repo.dir, 'charts/api/Chart.yaml'),
        'apiVersion: v2\nname: api\nversion: 2.2.0\nannotations:\n  artifacthub.io/changes: |\n    - kind: added\n      description: A readiness probe\n',
      );
      await writeFile(path.join(repo.dir, 'charts/web/values.yaml'), 'replicas: 2\n');
      const sha = await repo.commit('monorepo: api 2.2.0, web changed under 1.0.0');
      const env = { GITHUB_API_URL: github.url };

      // A pull request: planned and tested, nothing published, nothing written.
      let mark = registry.mark();
      const pr = await runJobs(w, { sha, ref: 'refs/pull/8/merge', event: 'pull_request', env });
      assert.equal(pr.plan.result, 'success', pr.plan.instances[0]?.runs[0]?.stdout);
      const matrix = JSON.parse(pr.plan.outputs.matrix) as { include: Array<{ chart: string; name: string; digest: string }> };
      assert.deepEqual(
        matrix.include.map((m) => m.chart),
        ['charts/api', 'charts/deprecated', 'charts/web'],
      );
      assert.equal(pr.test.result, 'success');
      assert.deepEqual(
        pr.test.instances.map((i) => i.commands),
        matrix.include.map((m) => [`helm lint ${m.chart}`, `ct install --charts ${m.chart}`]),
      );
      assert.equal(pr.publish.result, 'skipped');
      assert.deepEqual(writesSince(mark), []);
      // The GitLab twin's child pipeline, generated from the same plan: one parallel:matrix job per chart, held to its digest.
      assert.deepEqual(await gitlabChild(pr.plan.instances[0].runs[0].outputs.plan), {
        include: [{ local: '.gitlab/publish-chart.yml' }],
        publish: { extends: '.publish-chart', parallel: { matrix: matrix.include.map((m) => ({ CHART: m.chart, DIGEST: m.digest })) } },
      });
      assert.equal(github.releases.list.length, 0);

      // main: one publish job per entry, each held to the planned digest; web's is refused, the others publish.
      const main = await runJobs(w, { sha, ref: 'refs/heads/main', event: 'push', env });
      assert.equal(main.plan.outputs.matrix, pr.plan.outputs.matrix, 'the same commit plans the same digests');
      assert.equal(main.test.result, 'success');
      assert.equal(main.publish.result, 'failure');
      for (const [i, m] of matrix.include.entries()) {
        const [r] = main.publish.instances[i].runs;
        if (m.name === 'web') {
          assert.equal(r.code, 1, r.stdout);
          assert.match(r.errors.join('\n'), /already holds sha256:[0-9a-f]{64} .*files differ: web\/values\.yaml \(added\)/);
          continue;
        }
        assert.equal(r.code, 0, r.stdout);
        assert.deepEqual([r.outputs.status, r.outputs.digest], ['pushed', m.digest]);
        await resolvesExactly(r.outputs['digest-ref']);
      }
      assert.deepEqual(
        github.releases.list.map((r) => [r.tag_name, r.draft, r.assets.map((a) => a.name)]),
        [
          ['api-2.2.0', false, ['api-2.2.0.tgz']],
          ['old-0.0.1', false, ['old-0.0.1.tgz']],
        ],
      );
      assert.ok(github.releases.list[0].body.startsWith('### Added\n\n- A readiness probe\n'), github.releases.list[0].body);

      // web put back as published: nothing to do; the matrix is [] and both matrix jobs are skipped.
      await run('git', ['rm', '-q', 'charts/web/values.yaml'], { cwd: repo.dir });
      const back = await repo.commit('web as published');
      mark = registry.mark();
      const idle = await runJobs(w, { sha: back, ref: 'refs/heads/main', event: 'push', env });
      assert.equal(idle.plan.result, 'success');
      assert.equal(idle.plan.outputs.matrix, '[]');
      assert.deepEqual([idle.test.result, idle.publish.result], ['skipped', 'skipped']);
      assert.deepEqual(await gitlabChild(idle.plan.instances[0].runs[0].outputs.plan), {
        nothing: { script: ['echo nothing to publish'] },
      });
      assert.deepEqual(writesSince(mark), []);
    } finally {
      await github.close();
    }
  });
});
