import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { GitRepo } from '../helpers/git.js';
import { helmHome } from '../helpers/helm-env.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree.js';

// A monorepo at scale: a plan (plan: true) says, for every chart, what a publish would find and do,
// writing nothing; a matrix runs one publish per chart the plan lists, each held to the planned
// digest (expect-digest). Run as a workflow runs them: each job in a fresh shallow clone of the
// commit, the action started as a runner starts it, against a real registry with a login.
const USER = 'octocat';
const TOKEN = 'ghs_pl4n-token';
const CHARTS = 200;

interface PlanEntry {
  source: string;
  name: string;
  version: string;
  status: string;
  publish: string;
  digest: string;
  'chart-digest': string;
  from: string;
  error?: string;
  targets: Array<{ ref: string; status: string; publish: string; digest: string; 'registry-digest'?: string; differences?: string }>;
}
interface Matrix {
  include: Array<{ chart: string; name: string; version: string; digest: string }>;
}

let registry: Registry;
let work: string;
let repo: GitRepo;

before(async () => {
  work = await tempDir('chartlift-plan-');
  registry = await startRegistry({ users: { [USER]: TOKEN } });
  repo = await GitRepo.init(path.join(work, 'origin'));
});
after(() => registry?.stop());

const id = (i: number) => `c${String(i).padStart(3, '0')}`;

async function writeChart(root: string, name: string, version: string, values = `name: ${name}\n`, extra = ''): Promise<void> {
  const dir = path.join(root, 'charts', name);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(
    path.join(dir, 'Chart.yaml'),
    `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: the ${name} chart\n${extra}`,
  );
  await writeFile(path.join(dir, 'values.yaml'), values);
  await writeFile(
    path.join(dir, 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  name: {{ .Values.name | quote }}\n',
  );
}

/** One job of a workflow: a fresh shallow clone of `sha` (actions/checkout), the action run in it with the job's inputs. */
async function job(sha: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<ActionRun & { checkout: string }> {
  const checkout = await repo.shallowClone(sha, path.join(work, `job-${Math.random().toString(36).slice(2)}`));
  const { env: home } = await helmHome();
  const r = await runAction(
    { ref: `oci://${registry.host}/mono`, username: USER, password: TOKEN, 'plain-http': 'true', ...inputs },
    { env: { ...home, GITHUB_WORKSPACE: checkout, GITHUB_SHA: sha, GITHUB_REPOSITORY: 'octo-org/mono', ...env }, cwd: checkout },
  );
  return { ...r, checkout };
}

const writesSince = (mark: number) => registry.requests(mark).filter((l) => !/^(GET|HEAD) /.test(l));

/** Every file and folder of a tree with its size and modification time: a write, even of the same bytes, changes it. */
async function snapshot(root: string): Promise<string> {
  const lines: string[] = [await treeHash(root)];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const s = await stat(full);
      lines.push(`${path.relative(root, full)} ${s.size} ${s.mtimeMs}`);
      if (s.isDirectory()) await walk(full);
    }
  };
  await walk(root).catch(() => lines.push('absent'));
  return lines.join('\n');
}

describe(`a ${CHARTS}-chart monorepo where 3 charts changed`, () => {
  let changed: string;
  let plan: ActionRun;
  let matrix: Matrix;
  const cache = () => path.join(work, 'runner-cache');

  test('published whole once: every chart pushed', async () => {
    for (let i = 0; i < CHARTS; i++) await writeChart(repo.dir, id(i), '1.0.0');
    const sha = await repo.commit(`${CHARTS} charts`);
    const r = await job(sha, { chart: 'charts/*', cache: cache() });
    assert.equal(r.code, 0, r.stdout.slice(-3000));
    const charts = JSON.parse(r.outputs.charts) as PlanEntry[];
    assert.equal(charts.length, CHARTS);
    assert.deepEqual(new Set(charts.map((c) => c.status)), new Set(['pushed']));
  });

  test('the plan lists exactly the 3 (2 new versions, 1 published version with other files, its differences named), and writes nothing', async () => {
    // c010: new files and a new version; c020: a new version only; c030: new files under the published 1.0.0.
    await writeChart(repo.dir, id(10), '1.1.0', 'name: c010\nreplicas: 2\n');
    await writeChart(repo.dir, id(20), '1.0.1');
    await writeChart(repo.dir, id(30), '1.0.0', 'name: c030\nreplicas: 3\n');
    changed = await repo.commit('three charts changed');
    const before = await snapshot(cache());
    const mark = registry.mark();
    plan = await job(changed, { chart: 'charts/*', cache: cache(), plan: 'true' });
    assert.equal(plan.code, 0, plan.stdout.slice(-3000));
    // Nothing written: no request but GET and HEAD reached the registry, and the cache is as it was.
    assert.deepEqual(writesSince(mark), []);
    assert.equal(await snapshot(cache()), before);
    const requests = registry.requests(mark);
    assert.equal(requests.filter((l) => l.startsWith('HEAD /v2/mono/')).length, CHARTS, 'one tag look-up per chart');
    assert.equal(plan.outputs.charts, undefined, 'a plan sets plan and matrix, not charts');

    const entries = JSON.parse(plan.outputs.plan) as PlanEntry[];
    assert.equal(entries.length, CHARTS);
    const notUnchanged = entries.filter((e) => e.status !== 'unchanged').map((e) => [e.source, e.name, e.version, e.status, e.publish]);
    assert.deepEqual(notUnchanged, [
      ['charts/c010', 'c010', '1.1.0', 'new', 'push'],
      ['charts/c020', 'c020', '1.0.1', 'new', 'push'],
      ['charts/c030', 'c030', '1.0.0', 'differs', 'fail'],
    ]);
    const c030 = entries.find((e) => e.name === 'c030')!;
    assert.equal(c030.targets[0].differences, 'files differ: c030/values.yaml (changed)');
    const published = await fetchManifest(registry, 'mono/c030', '1.0.0', {
      authorization: `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`,
    });
    assert.equal(c030.targets[0]['registry-digest'], published.digest);
    assert.notEqual(c030.digest, published.digest);
    // What the publish would fail with is said now, as a warning naming the chart, both digests and the files.
    const warning = plan.stdout.split('\n').find((l) => l.startsWith('::warning::') && l.includes('charts/c030'));
    assert.ok(warning, plan.stdout.slice(-3000));
    assert.match(
      warning,
      new RegExp(`already holds ${published.digest}.*this build is ${c030.digest}.*files differ: c030/values.yaml \\(changed\\)`),
    );
    // The others: this build is the manifest the tag holds (reproducible: same files, same bytes), nothing to do.
    for (const e of entries.filter((x) => x.status === 'unchanged')) assert.deepEqual([e.from, e.publish], ['build', 'none'], e.source);

    matrix = JSON.parse(plan.outputs.matrix) as Matrix;
    assert.deepEqual(
      matrix.include.map((m) => m.chart),
      ['charts/c010', 'charts/c020', 'charts/c030'],
    );
    for (const m of matrix.include) assert.equal(m.digest, entries.find((e) => e.source === m.chart)!.digest);
    const summary = await readFile(plan.summaryFile, 'utf8');
    assert.match(summary, /Chartlift plan/);
    assert.match(summary, /differs.*files differ: c030\/values\.yaml \(changed\)/s);
  });

  test('the matrix, one job per entry: the two new versions publish exactly the planned digests; the third is refused by if-exists', async () => {
    const jobs = await Promise.all(matrix.include.map((m) => job(changed, { chart: m.chart, 'expect-digest': m.digest })));
    for (const [i, m] of matrix.include.entries()) {
      const r = jobs[i];
      const auth = { authorization: `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}` };
      const tag = await fetchManifest(registry, `mono/${m.name}`, m.version, auth);
      if (m.name === 'c030') {
        assert.equal(r.code, 1, r.stdout);
        assert.match(r.errors.join('\n'), /already holds sha256:[0-9a-f]{64} .*files differ: c030\/values\.yaml \(changed\)/);
        assert.notEqual(tag.digest, m.digest, 'the published version is left as it was');
        continue;
      }
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.outputs.status, 'pushed');
      assert.equal(r.outputs.digest, m.digest, 'the planned digest is what was pushed');
      assert.equal(tag.digest, m.digest, 'and what the tag holds');
    }
  });

  test('planned again: only the refused chart is left; once nothing would publish, the matrix is []', async () => {
    const again = await job(changed, { chart: 'charts/*', plan: 'true' });
    assert.equal(again.code, 0, again.stdout.slice(-2000));
    assert.deepEqual(
      (JSON.parse(again.outputs.matrix) as Matrix).include.map((m) => m.chart),
      ['charts/c030'],
    );
    const bumped = await job(changed, { chart: 'charts/c0[0-2]*', plan: 'true' });
    assert.equal(bumped.code, 0, bumped.stdout.slice(-2000));
    assert.equal(bumped.outputs.matrix, '[]');
  });

  test('a build that is not the planned one is refused before anything is written, naming both digests', async () => {
    await writeChart(repo.dir, id(40), '1.1.0', 'name: c040\nnew: true\n');
    const sha = await repo.commit('c040 1.1.0');
    const planned = await job(sha, { chart: 'charts/c040', plan: 'true' });
    assert.equal(planned.code, 0, planned.stdout);
    const [entry] = (JSON.parse(planned.outputs.matrix) as Matrix).include;
    // The publish job builds something else: another commit's files (here, a file changed in its checkout).
    const checkout = await repo.shallowClone(sha, path.join(work, 'forced'));
    await writeFile(path.join(checkout, 'charts', 'c040', 'values.yaml'), 'name: c040\nnew: false\n');
    const jobCache = path.join(work, 'forced-cache');
    const { env } = await helmHome();
    const mark = registry.mark();
    const r = await runAction(
      {
        chart: 'charts/c040',
        ref: `oci://${registry.host}/mono`,
        username: USER,
        password: TOKEN,
        'plain-http': 'true',
        cache: jobCache,
        'expect-digest': entry.digest,
      },
      { env: { ...env, GITHUB_WORKSPACE: checkout }, cwd: checkout },
    );
    assert.equal(r.code, 1, r.stdout);
    assert.match(
      r.errors.join('\n'),
      new RegExp(`charts/c040: this build is sha256:[0-9a-f]{64} \\(chart sha256:[0-9a-f]{64}\\), not the planned ${entry.digest}`),
    );
    assert.doesNotMatch(r.errors.join('\n'), new RegExp(`this build is ${entry.digest}`));
    assert.deepEqual(writesSince(mark), []);
    await assert.rejects(stat(jobCache), { code: 'ENOENT' }, 'no cache was written');
    assert.equal(
      (
        await fetchManifest(registry, 'mono/c040', '1.1.0', {
          authorization: `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`,
        })
      ).status,
      404,
    );
  });
});

describe('a plan says what the publish it is for would say', () => {
  let gnupg: string;
  const gpg = (args: string[]) =>
    run('gpg', ['--batch', '--pinentry-mode', 'loopback', ...args], { env: { ...process.env, GNUPGHOME: gnupg } });

  test('the same chart published with another annotation: unchanged for a plain publish; a difference for a keyless-signing one (no ID token asked)', async () => {
    const root = path.join(work, 'annotated');
    await writeChart(root, 'web', '1.0.0');
    const { env } = await helmHome();
    const inputs = {
      chart: path.join(root, 'charts', 'web'),
      ref: `oci://${registry.host}/annotated`,
      username: USER,
      password: TOKEN,
      'plain-http': 'true',
    };
    // Someone published the same files first, with an annotation of their own (another manifest, the same chart).
    const first = await runAction({ ...inputs, annotations: 'org.example.planted=yes' }, { env });
    assert.equal(first.code, 0, first.stdout);
    const plain = await runAction({ ...inputs, plan: 'true' }, { env });
    assert.equal(plain.code, 0, plain.stdout);
    assert.equal(plain.outputs.status, 'unchanged');
    assert.equal(plain.outputs.matrix, '[]');
    const [entry] = JSON.parse(plain.outputs.plan) as PlanEntry[];
    assert.equal(entry.from, 'registry', 'the registry holds the same chart under another manifest');
    assert.equal(entry.targets[0]['registry-digest'], first.outputs.digest);
    // keyless-sign: a signature covers the whole manifest, and the annotation is not this build's. The
    // runner's ID-token variables are not set: the plan neither needs nor asks for a token.
    const signing = await runAction({ ...inputs, plan: 'true', 'keyless-sign': 'true' }, { env });
    assert.equal(signing.code, 0, signing.stdout);
    assert.equal(signing.outputs.status, 'differs');
    const [signed] = JSON.parse(signing.outputs.plan) as PlanEntry[];
    assert.match(
      signed.targets[0].differences ?? '',
      /this run signs what it publishes, and the registry's copy holds what this build did not make: .*org\.example\.planted/,
    );
    assert.equal(signed.publish, 'fail');
    // And the publish it plans for says the same.
    const publish = await runAction(
      { ...inputs, 'keyless-sign': 'true' },
      { env: { ...env, ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' } },
    );
    assert.equal(publish.code, 1, publish.stdout);
    assert.ok(publish.errors.join('\n').includes(signed.targets[0].differences!), publish.errors.join('\n'));
  });

  test('signing with a key: the plan builds the signed chart, and the publish (SOURCE_DATE_EPOCH set) pushes that very digest', async () => {
    gnupg = path.join(work, 'gnupg');
    await mkdir(gnupg, { mode: 0o700 });
    const uid = 'Plan Signer <plan@example.com>';
    await gpg(['--passphrase', '', '--quick-gen-key', uid, 'ed25519', 'sign', 'never']);
    const key = await gpg(['--passphrase', '', '--export-secret-keys', '--armor', uid]);
    const root = path.join(work, 'signed');
    await writeChart(root, 'api', '2.0.0');
    const { env } = await helmHome();
    const inputs = {
      chart: path.join(root, 'charts', 'api'),
      ref: `oci://${registry.host}/signed`,
      username: USER,
      password: TOKEN,
      'plain-http': 'true',
      'sign-key': key,
    };
    const epoch = { ...env, SOURCE_DATE_EPOCH: '1700000000' };
    const planned = await runAction({ ...inputs, plan: 'true' }, { env: epoch });
    assert.equal(planned.code, 0, planned.stdout);
    assert.equal(planned.outputs.status, 'new');
    assert.equal(planned.outputs.signed, 'true');
    const [entry] = (JSON.parse(planned.outputs.matrix) as Matrix).include;
    const published = await runAction({ ...inputs, 'expect-digest': entry.digest }, { env: epoch });
    assert.equal(published.code, 0, published.stdout);
    assert.equal(published.outputs.digest, entry.digest);
    assert.equal(published.outputs.signed, 'true');
    await rm(gnupg, { recursive: true, force: true });
  });
});
