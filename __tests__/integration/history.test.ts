import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { GitRepo } from '../helpers/git.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// A year of pushes to main, in twelve commits: each one checked out as actions/checkout leaves it
// (fetch-depth: 1, a fresh folder), the action run as a runner runs it, then its post step.
const USER = 'ci';
const PASSWORD = 'hist0ry-pw';
let registry: Registry;
let work: string;
let repo: GitRepo;
let home: Awaited<ReturnType<typeof helmHome>>;

before(async () => {
  work = await tempDir('chartlift-history-');
  registry = await startRegistry({ users: { [USER]: PASSWORD } });
  repo = await GitRepo.init(path.join(work, 'origin'));
  home = await helmHome();
});
after(() => registry?.stop());

const file = async (rel: string, text: string): Promise<void> => {
  await mkdir(path.dirname(path.join(repo.dir, rel)), { recursive: true });
  await writeFile(path.join(repo.dir, rel), text);
};
const chartYaml = (name: string, version: string, description = `The ${name} service`) =>
  `apiVersion: v2\nname: ${name}\ndescription: ${description}\nversion: ${version}\nappVersion: "1.0"\n`;
const template = (name: string, port: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: {{ .Values.port | default ${port} }}\n`;

/** Writes until the registry's access log is quiet, then says where it stands. */
async function settledMark(): Promise<number> {
  let last = -1;
  for (;;) {
    const now = registry.mark();
    if (now === last) return now;
    last = now;
    await new Promise((r) => setTimeout(r, 150));
  }
}

interface Outcome {
  run: ActionRun;
  status: Record<string, string>;
  writes: string[];
}

let step = 0;
async function publishCommit(sha: string): Promise<Outcome> {
  const checkout = await repo.shallowClone(sha, path.join(work, `checkout-${++step}`));
  assert.equal((await run('git', ['rev-list', '--count', 'HEAD'], { cwd: checkout })).trim(), '1', 'a depth-1 clone');
  const runnerTemp = await tempDir('chartlift-runner-temp-');
  const env = {
    ...home.env,
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'example/platform',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: checkout,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    SOURCE_DATE_EPOCH: '',
  };
  const inputs = {
    chart: 'charts/*',
    ref: `oci://${registry.host}/platform`,
    username: USER,
    password: PASSWORD,
    'plain-http': 'true',
  };
  const mark = await settledMark();
  const main = await runAction(inputs, { env, cwd: checkout });
  const post = await runAction(inputs, { env, cwd: checkout, state: main.state });
  assert.equal(post.code, 0, post.stdout);
  assert.equal(post.errors.length, 0, post.stdout);
  const writes = registry.requests(mark).filter((r) => !/^(GET|HEAD) /.test(r));
  const status: Record<string, string> = {};
  for (const c of JSON.parse(main.outputs.charts ?? '[]') as Array<{ name: string; version: string; status: string }>)
    status[c.name] = `${c.version} ${c.status}`;
  return { run: main, status, writes };
}

describe('a repository’s life: twelve commits on main, each from a --depth 1 checkout', () => {
  test('untouched charts are unchanged with zero writes; a bump publishes; a change without a bump fails naming both digests', async () => {
    await file('README.md', '# platform\n');
    await file('charts/alpha/Chart.yaml', chartYaml('alpha', '1.0.0'));
    await file('charts/alpha/templates/service.yaml', template('alpha', 80));
    await file('charts/alpha/.helmignore', '*.md\n');
    await file('charts/beta/Chart.yaml', chartYaml('beta', '1.0.0'));
    await file('charts/beta/values.yaml', 'port: 8080\n');
    await file('charts/beta/templates/service.yaml', template('beta', 8080));

    const history: Array<{ change: () => Promise<void>; want: Record<string, string>; fails?: RegExp }> = [
      { change: async () => {}, want: { alpha: '1.0.0 pushed', beta: '1.0.0 pushed' } },
      { change: () => file('README.md', '# platform\n\nDocs.\n'), want: { alpha: '1.0.0 unchanged', beta: '1.0.0 unchanged' } },
      { change: () => file('docs/guide.md', 'How to deploy.\n'), want: { alpha: '1.0.0 unchanged', beta: '1.0.0 unchanged' } },
      {
        change: async () => {
          await file('charts/alpha/templates/service.yaml', template('alpha', 81));
          await file('charts/alpha/Chart.yaml', chartYaml('alpha', '1.1.0'));
        },
        want: { alpha: '1.1.0 pushed', beta: '1.0.0 unchanged' },
      },
      { change: () => file('.github/workflows/publish.yml', 'on: push\n'), want: { alpha: '1.1.0 unchanged', beta: '1.0.0 unchanged' } },
      {
        change: () => file('charts/beta/values.yaml', 'port: 9090\n'),
        want: { alpha: '1.1.0 unchanged', beta: '1.0.0 failed' },
        fails:
          /platform\/beta:1\.0\.0 already holds sha256:[0-9a-f]{64} \(chart sha256:[0-9a-f]{64}\), and this build is sha256:[0-9a-f]{64} \(chart sha256:[0-9a-f]{64}\): files differ: beta\/values\.yaml \(changed\)/,
      },
      { change: () => file('charts/beta/values.yaml', 'port: 8080\n'), want: { alpha: '1.1.0 unchanged', beta: '1.0.0 unchanged' } },
      {
        change: () => file('charts/alpha/NOTES.md', 'ignored by .helmignore\n'),
        want: { alpha: '1.1.0 unchanged', beta: '1.0.0 unchanged' },
      },
      {
        change: async () => {
          await file('charts/beta/values.yaml', 'port: 9090\n');
          await file('charts/beta/Chart.yaml', chartYaml('beta', '1.0.1'));
        },
        want: { alpha: '1.1.0 unchanged', beta: '1.0.1 pushed' },
      },
      { change: () => file('README.md', '# platform\n\nMore docs.\n'), want: { alpha: '1.1.0 unchanged', beta: '1.0.1 unchanged' } },
      {
        change: () => file('charts/alpha/Chart.yaml', chartYaml('alpha', '1.1.0', 'A new description')),
        want: { alpha: '1.1.0 failed', beta: '1.0.1 unchanged' },
        fails: /platform\/alpha:1\.1\.0 already holds .*: Chart\.yaml differs: description/,
      },
      {
        change: () => rm(path.join(repo.dir, 'docs'), { recursive: true }),
        want: { alpha: '1.1.0 failed', beta: '1.0.1 unchanged' },
        fails: /alpha:1\.1\.0 already holds/,
      },
    ];

    const digests = new Map<string, string>();
    for (const [i, commit] of history.entries()) {
      await commit.change();
      const sha = await repo.commit(`commit ${i + 1}`);
      const o = await publishCommit(sha);
      const label = `commit ${i + 1}: ${o.run.stdout}`;
      assert.deepEqual(o.status, commit.want, label);
      if (commit.fails) {
        assert.equal(o.run.code, 1, label);
        assert.match(o.run.stdout, commit.fails, label);
      } else assert.equal(o.run.code, 0, label);
      const pushed = Object.values(commit.want).some((s) => s.endsWith('pushed'));
      if (!pushed) assert.deepEqual(o.writes, [], `commit ${i + 1} wrote to the registry`);
      for (const c of JSON.parse(o.run.outputs.charts) as Array<{ ref: string; digest: string; status: string }>) {
        if (c.status === 'unchanged') assert.equal(c.digest, digests.get(c.ref), `${label}: the digest of ${c.ref} is the published one`);
        digests.set(c.ref, c.digest);
      }
    }
    // The login was the step's own: every post step removed it.
    const config = JSON.parse(await readFile(home.registryConfig, 'utf8').catch(() => '{"auths":{}}'));
    assert.equal(config.auths?.[registry.host], undefined);
  });

  test('after helm logged in to the same host in the same home, the post step gives helm its login back', async () => {
    await run(tool('helm4'), ['registry', 'login', registry.host, '--plain-http', '-u', USER, '--password-stdin'], {
      env: home.env,
      input: PASSWORD,
    });
    const before = await readFile(home.registryConfig, 'utf8');
    await file('README.md', '# platform\n\nLater.\n');
    const o = await publishCommit(await repo.commit('after helm login'));
    assert.equal(o.status.beta, '1.0.1 unchanged', o.run.stdout);
    assert.deepEqual(JSON.parse(await readFile(home.registryConfig, 'utf8')), JSON.parse(before));
  });
});
