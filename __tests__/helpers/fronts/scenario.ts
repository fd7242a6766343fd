import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseChallenge } from '../../../src/oci/challenge.js';
import { runAction, type ActionRun } from '../action.js';
import { cli } from '../cli.js';
import { tree } from '../conformance-cases.js';
import type { ExecResult } from '../exec.js';
import { helmHome } from '../helm-env.js';
import { startKeylessStandIn, WORKFLOW, type KeylessStandIn } from '../keyless-stand-in.js';
import { tempDir } from '../temp.js';
import { INDEX, type Front } from './core.js';
import { row as rowOf, type Cell, type Column, type Row } from './matrix.js';

/**
 * The publish through a hosted registry's front, as a user runs it: the action (dist/index.js, with a
 * runner's GITHUB_* variables and INPUT_* inputs) and the CLI (dist/cli/index.js). Each column of the
 * registry's row in matrix.ts is one test that asserts exactly that cell. Later tests (a `chartlift
 * publish`) can run through the same fronts with `publishTarget`.
 */

export const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const SAN = `https://github.com/${WORKFLOW}`;
export const ISSUER = 'https://token.actions.githubusercontent.com';

/** Where and how a scenario publishes to a front. */
export interface Target {
  front: Front;
  /** `oci://host/<namespace>` is `ref`; the second ref (a mount) is `oci://host/<second>`. */
  namespace: string;
  second: string;
  user: string;
  password: string;
  /** Inputs the action needs for this registry besides the usual ones (`token-hosts`). */
  actionInputs?: Record<string, string>;
  /** Flags the CLI needs likewise (`--token-hosts`). */
  cliFlags?: string[];
  /** What the user does first for a repository the scenario publishes to (create it, its project). */
  prepare?: (repository: string) => void;
}

/** What every scenario shares: the Sigstore and GitHub stand-ins and a work folder. */
export interface Bench {
  work: string;
  standIn: KeylessStandIn;
}

export async function startBench(): Promise<Bench> {
  const work = await tempDir('chartlift-fronts-');
  return { work, standIn: await startKeylessStandIn(work) };
}

let charts = 0;
/** A small chart folder, its own name and version. */
export async function chartDir(bench: Bench, name: string, version = '1.0.0', description = 'a chart'): Promise<string> {
  return tree(path.join(bench.work, `c${++charts}`, name), {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: ${description}\n`,
    'templates/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`,
  });
}

/** A runner's environment for the step (a job with `id-token: write`), with its own HOME. */
export async function runnerEnv(bench: Bench): Promise<NodeJS.ProcessEnv> {
  const { env } = await helmHome();
  return {
    ...bench.standIn.env(env),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: bench.work,
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_EVENT_NAME: 'push',
    RUNNER_OS: 'Linux',
  };
}

/** The action's inputs for a publish of `chart` to `refs` on the target's registry. */
export function actionInputs(t: Target, chart: string, refs: string[], extra: Record<string, string> = {}): Record<string, string> {
  return {
    chart,
    ref: refs.map((r) => `oci://${t.front.host}/${r}`).join('\n'),
    username: t.user,
    password: t.password,
    'plain-http': 'true',
    ...t.actionInputs,
    ...extra,
  };
}

/** Runs the action as a runner does. */
export async function publish(bench: Bench, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(inputs, { env: await runnerEnv(bench) });
}

/** Exactly one error, naming `remedy`. */
export function failsWith(r: ExecResult & { errors?: string[] }, remedy: string | RegExp, face: 'action' | 'cli'): void {
  assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
  if (face === 'action') {
    const errors = (r as ActionRun).errors;
    assert.equal(errors.length, 1, r.stdout);
    if (typeof remedy === 'string') assert.ok(errors[0].includes(remedy), `${errors[0]}\ndoes not name: ${remedy}`);
    else assert.match(errors[0], remedy);
  } else {
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('Error:'));
    assert.equal(lines.length, 1, r.stderr);
    if (typeof remedy === 'string') assert.ok(lines[0].includes(remedy), `${lines[0]}\ndoes not name: ${remedy}`);
    else assert.match(lines[0], remedy);
  }
}

export function ok(r: ExecResult): void {
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
}

/**
 * A GET as a verifier makes it (cosign, oras, Flux): unauthenticated first, then the challenge's scheme
 * with the target's credentials (a Bearer token from the realm, or Basic).
 */
export async function asVerifier(t: Target, pathAndQuery: string, accept = INDEX): Promise<Response> {
  const url = `${t.front.url}${pathAndQuery}`;
  const first = await fetch(url, { headers: { accept } });
  if (first.status !== 401) return first;
  await first.arrayBuffer();
  const basic = `Basic ${Buffer.from(`${t.user}:${t.password}`).toString('base64')}`;
  const c = parseChallenge(first.headers.get('www-authenticate') ?? undefined);
  if (c?.scheme === 'basic') return fetch(url, { headers: { accept, authorization: basic } });
  assert.equal(c?.scheme, 'bearer', 'the registry answers with a challenge');
  const realm = new URL(c!.params.realm);
  if (c!.params.service) realm.searchParams.set('service', c!.params.service);
  if (c!.params.scope) realm.searchParams.set('scope', c!.params.scope);
  const token = (await (await fetch(realm, { headers: { authorization: basic } })).json()) as { token?: string; access_token?: string };
  return fetch(url, { headers: { accept, authorization: `Bearer ${token.token ?? token.access_token}` } });
}

/** The digests an image index (a referrers listing, or the fallback tag) lists; undefined for a 404. */
async function listed(res: Response): Promise<string[] | undefined> {
  if (res.status === 404) {
    await res.arrayBuffer();
    return undefined;
  }
  assert.equal(res.status, 200);
  const index = (await res.json()) as { manifests?: Array<{ digest: string }> };
  return (index.manifests ?? []).map((m) => m.digest);
}

/** The registry's row, each column a test, in the order a user meets them. */
export function registryMatrix(id: string, target: () => Target, bench: () => Bench): void {
  const row: Row = rowOf(id);
  describe(`${row.registry}: the publish, column by column (matrix.ts row ${id})`, () => {
    let t: Target;
    let cliHome: NodeJS.ProcessEnv;
    let first: ActionRun | undefined;
    let firstRequests = 0;
    let signed: ActionRun | undefined;
    let repoFile: string;
    const repo = (): string => `${t.namespace}/web`;
    const secondRepo = (): string => `${t.second}/web`;
    const signedRepo = (): string => `${t.namespace}/signed`;

    before(async () => {
      t = target();
      for (const r of [repo(), secondRepo(), signedRepo()]) t.prepare?.(r);
      cliHome = (await helmHome()).env;
      repoFile = path.join(bench().work, `artifacthub-repo-${id}.yml`);
      await writeFile(
        repoFile,
        'repositoryID: 5f2a7c1e-0b3d-4e59-8a6f-2c1d9e8b7a60\nowners:\n  - name: user1\n    email: user1@email.com\n',
      );
    });

    const cell = (c: Column): Cell => row.cells[c];
    const flags = (): string[] => ['--plain-http', ...(t.cliFlags ?? [])];

    test(`login: ${describeCell(cell('login'))}`, async () => {
      const c = cell('login');
      const login = (extra: string[]) =>
        cli(['registry', 'login', '-u', t.user, '--password-stdin', '--plain-http', ...extra, t.front.host], {
          env: cliHome,
          input: t.password,
        });
      if ('ok' in c && c.how === 'token-hosts') {
        // Without the setting, one error naming the host, why, and the setting.
        const refused = await login([]);
        failsWith(refused, '--token-hosts', 'cli');
        assert.match(refused.stderr, new RegExp(`token realm on another host, ${t.front.tokenHost!.replace(/\./g, '\\.')}`));
        assert.match(refused.stderr, /credentials would go with it/);
      }
      const r = await login(t.cliFlags ?? []);
      if ('fails' in c) return failsWith(r, c.fails, 'cli');
      ok(r);
      assert.match(r.stdout, /Login succeeded/);
      // The user name (a robot's `$` and `+` too) and the password are stored as Basic credentials are encoded.
      const config = JSON.parse(await readFile(path.join(cliHome.XDG_CONFIG_HOME!, 'helm', 'registry', 'config.json'), 'utf8')) as {
        auths: Record<string, { auth: string }>;
      };
      assert.equal(Buffer.from(config.auths[t.front.host].auth, 'base64').toString('utf8'), `${t.user}:${t.password}`);
    });

    test(`push (a new chart to two refs, with Artifact Hub's metadata): ${describeCell(cell('push'))}`, async () => {
      const c = cell('push');
      firstRequests = t.front.requests.length;
      first = await publish(
        bench(),
        actionInputs(t, await chartDir(bench(), 'web'), [t.namespace, t.second], { 'artifacthub-repo': repoFile }),
      );
      if ('fails' in c) return failsWith(first, c.fails, 'action');
      ok(first);
      const charts = JSON.parse(first.outputs.charts) as Array<{ targets: Array<{ status: string; digest: string }> }>;
      assert.deepEqual(
        charts[0].targets.map((x) => x.status),
        ['pushed', 'pushed'],
      );
      for (const r of [repo(), secondRepo()]) assert.equal(await t.front.tagDigest(r, '1.0.0'), first.outputs.digest, r);
      // Credentials and tokens never reach the log (but in the runner's own ::add-mask:: commands).
      const log = first.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      for (const secret of [t.password, ...t.front.issued]) assert.ok(!log.includes(secret), 'a secret in the log');
    });

    test(`second ref on the same registry: ${describeCell(cell('mount'))}`, () => {
      const c = cell('mount');
      assert.ok(first && first.code === 0, 'the push ran');
      const mine = t.front.requests.slice(firstRequests);
      const param = (p: string, name: string): string | null => new URL(p, 'http://x').searchParams.get(name);
      const mounts = mine.filter((r) => r.method === 'POST' && r.path.startsWith(`/v2/${secondRepo()}/blobs/uploads/?mount=`));
      const mounted = new Set(mounts.map((m) => param(m.path, 'mount')));
      // The chart's own blobs, asked to be mounted (Artifact Hub's metadata has blobs of its own, uploaded).
      const uploads = mine.filter(
        (r) => r.method === 'PUT' && r.path.startsWith(`/v2/${secondRepo()}/blobs/uploads/`) && mounted.has(param(r.path, 'digest')),
      );
      assert.ok(mounted.size >= 2, 'the config and the chart were asked to be mounted');
      if ('ok' in c && c.how === 'mounted') {
        assert.deepEqual([...new Set(mounts.map((m) => m.status))], [201]);
        assert.deepEqual(uploads, [], 'a mounted blob was uploaded again');
      } else {
        assert.deepEqual([...new Set(mounts.map((m) => m.status))], [202]);
        assert.equal(new Set(uploads.map((u) => param(u.path, 'digest'))).size, mounted.size, 'each blob uploaded');
      }
    });

    test(`Artifact Hub metadata (the artifacthub.io tag): ${describeCell(cell('artifacthub'))}`, async () => {
      assert.ok(first && first.code === 0, 'the push ran');
      for (const r of [repo(), secondRepo()]) assert.match((await t.front.tagDigest(r, 'artifacthub.io')) ?? '', /^sha256:/, r);
      assert.equal(first.outputs['artifacthub-digest'], await t.front.tagDigest(repo(), 'artifacthub.io'));
    });

    test(`unchanged (the same chart again): ${describeCell(cell('unchanged'))}`, async () => {
      const mark = t.front.requests.length;
      const again = await publish(
        bench(),
        actionInputs(t, await chartDir(bench(), 'web'), [t.namespace, t.second], { 'artifacthub-repo': repoFile }),
      );
      ok(again);
      const charts = JSON.parse(again.outputs.charts) as Array<{ targets: Array<{ status: string }> }>;
      assert.deepEqual(
        charts[0].targets.map((x) => x.status),
        ['unchanged', 'unchanged'],
      );
      const writes = t.front.requests.slice(mark).filter((r) => /^(PUT|POST|PATCH|DELETE)$/.test(r.method));
      assert.deepEqual(writes, [], 'an unchanged chart wrote to the registry');
    });

    test(`keyless signature and attestation: ${describeCell(cell('keyless'))} / ${describeCell(cell('attest'))}`, async () => {
      const sig = cell('keyless');
      const att = cell('attest');
      signed = await publish(bench(), {
        ...actionInputs(t, await chartDir(bench(), 'signed'), [t.namespace]),
        ...bench().standIn.inputs(),
      });
      if ('fails' in sig) {
        failsWith(signed, sig.fails, 'action');
        assert.equal(await t.front.tagDigest(signedRepo(), '1.0.0'), undefined, 'the tag was written');
        return;
      }
      ok(signed);
      assert.ok('ok' in att);
      const digest = signed.outputs.digest;
      const made = [signed.outputs['signature-digest'], signed.outputs['attestation-digest']];
      for (const d of made) assert.match(d, /^sha256:[0-9a-f]{64}$/);
      // Found where a verifier looks: the referrers API, else the fallback tag.
      const api = await listed(await asVerifier(t, `/v2/${signedRepo()}/referrers/${digest}?artifactType=${encodeURIComponent(BUNDLE)}`));
      const tag = await listed(await asVerifier(t, `/v2/${signedRepo()}/manifests/${digest.replace(':', '-')}`));
      const how = 'ok' in sig ? sig.how : undefined;
      if (how === 'api') {
        for (const d of made) assert.ok(api?.includes(d), `the referrers API lists ${d}`);
        assert.equal(tag, undefined, 'a fallback tag was written beside the API');
        assert.match(signed.stdout, /indexed by the registry's referrers API/);
      } else {
        for (const d of made) assert.ok(tag?.includes(d), `the fallback tag lists ${d}`);
        if (how === 'fallback') assert.equal(api, undefined, 'the registry has a referrers API after all');
        if (how === 'unlisted') {
          assert.deepEqual(api, [], 'the claimed API lists nothing');
          assert.match(signed.stdout, /answered OCI-Subject, but its referrers API does not list referrer/);
        }
      }
    });

    test(`pull (CLI, with the stored login): ${describeCell(cell('pull'))}`, async () => {
      const c = cell('pull');
      const cache = path.join(await tempDir('chartlift-fronts-cache-'), 'cache');
      const r = await cli(['chart', 'pull', `${t.front.host}/${repo()}:1.0.0`, ...flags(), '--cache', cache], { env: cliHome });
      if ('fails' in c) return failsWith(r, c.fails, 'cli');
      ok(r);
      assert.match(r.stdout, /Status: Downloaded newer chart/);
      assert.ok(r.stdout.includes(first!.outputs.digest), r.stdout);
    });

    test(`verify (CLI chart verify, as a verifier): ${describeCell(cell('verify'))}`, async () => {
      const c = cell('verify');
      assert.ok(signed, 'the keyless publish ran');
      const ref = `${t.front.host}/${signedRepo()}:1.0.0`;
      const keyless = ['--certificate-identity', SAN, '--certificate-oidc-issuer', ISSUER, '--trusted-root', bench().standIn.rootFile];
      if ('none' in c) {
        // No signature could be stored: the chart that is there carries none, said plainly.
        const r = await cli(['chart', 'verify', `${t.front.host}/${repo()}:1.0.0`, ...keyless, ...flags()], { env: cliHome });
        failsWith(r, /carries no keyless signature/, 'cli');
        return;
      }
      const r = await cli(['chart', 'verify', ref, ...keyless, ...flags()], { env: cliHome });
      if ('fails' in c) return failsWith(r, c.fails, 'cli');
      ok(r);
      assert.ok(r.stdout.includes(`keyless signature: ${signed.outputs['signature-digest']}`), r.stdout);
      const a = await cli(['chart', 'verify', ref, ...keyless, '--type', 'slsaprovenance', ...flags()], { env: cliHome });
      ok(a);
      assert.ok(a.stdout.includes(`provenance attestation: ${signed.outputs['attestation-digest']}`), a.stdout);
    });
  });
}

export function describeCell(c: Cell): string {
  if ('fails' in c) return `fails naming "${c.fails}"`;
  if ('none' in c) return `nothing to do (${c.none})`;
  return c.how ? `works (${c.how})` : 'works';
}

/** Starts the bench for a test file and stops it after. */
export function withBench(): () => Bench {
  let bench: Bench | undefined;
  before(async () => {
    bench = await startBench();
  });
  after(async () => {
    await bench?.standIn.stop();
  });
  return () => bench!;
}
