import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';
import { runAction, type ActionRun } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { GitRepo } from '../helpers/git.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT } from '../helpers/paths.js';
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
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
}
interface Workflow {
  title: string;
  on: unknown;
  steps: Step[];
}

async function readmeWorkflows(): Promise<Workflow[]> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Workflows\n')[1].split('\n## ')[0];
  const out: Workflow[] = [];
  for (const m of section.matchAll(/^\*\*([^*\n]+)\*\*[\s\S]*?```yaml\n([\s\S]*?)```/gm)) {
    const doc = YAML.parse(m[2]) as { on: unknown; jobs: Record<string, { steps: Step[] }> };
    out.push({ title: m[1], on: doc.on, steps: Object.values(doc.jobs)[0].steps });
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
  test('the README has the four workflows', () => {
    assert.deepEqual(
      workflows.map((w) => w.title.split(':')[0]),
      [
        'Publish every chart on every push to main',
        'Publish on a tag, the version from the tag',
        'A pull-request dry run',
        'Sign and attest what was published',
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
});
