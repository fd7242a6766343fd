import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';
import { PUBLISH_OPTIONS } from '../../src/cli/publish-args.js';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { exec, run } from '../helpers/exec.js';
import { parseDotenv } from '../helpers/gitlab-job.js';
import { helmHome } from '../helpers/helm-env.js';
import { findNode } from '../helpers/node-versions.js';
import { ROOT } from '../helpers/paths.js';
import { CLOSED_PORT, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// `chartlift publish`: the action's publication from the command line. Its settings are the action's
// inputs (flags of the same names, or CHARTLIFT_* variables), its log reads like the action's, its exit
// status says whether every chart succeeded, and its results come as the charts JSON and a dotenv report.
// The package it ships is the bundle alone. And the CLI's words a new user tripped over.

let registry: Registry;
let work: string;

before(async () => {
  work = await tempDir('chartlift-cli-publish-');
  registry = await startRegistry({ users: { ci: 'ci-secret-password' } });
});
after(() => registry?.stop());

let n = 0;
async function chart(name: string, version = '1.0.0', extra = ''): Promise<string> {
  const dir = path.join(work, `c${++n}`, name);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n${extra}`);
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
  return dir;
}

describe('settings: the action inputs as flags and CHARTLIFT_* variables', () => {
  test('every input of action.yml is a flag of the same name, or has its documented secret-safe form', async () => {
    const inputs = Object.keys((YAML.parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs);
    // A secret is never a flag's value (other processes read command lines); the action's post-step logout
    // and GitHub's attestations token have nothing to do in a CLI that stores no login and records nothing.
    const otherwise: Record<string, string> = {
      chart: 'CHART... (the arguments)',
      password: '--password-stdin',
      'sign-passphrase': '--sign-passphrase-file',
      logout: 'none: the CLI stores no login',
      'github-token': "none: GitHub's attestations API is the action's",
      'github-release': "none: GitHub's releases are the action's",
    };
    const missing = inputs.filter((i) => !(i in PUBLISH_OPTIONS) && !(i in otherwise));
    assert.deepEqual(missing, [], 'inputs with no flag');
    for (const [input, form] of Object.entries(otherwise)) if (form.startsWith('--')) assert.ok(form.slice(2) in PUBLISH_OPTIONS, input);
    const help = await cli(['publish', '--help'], { env: process.env });
    for (const flag of Object.keys(PUBLISH_OPTIONS).filter((f) => !['help', 'no-push'].includes(f)))
      assert.match(help.stdout, new RegExp(`--${flag}\\b`), `--help names --${flag}`);
  });

  test('CHARTLIFT_* variables set what flags set; a flag wins; booleans read true and false as the action reads them', async () => {
    const { env } = await helmHome();
    const dir = await chart('envset');
    const base = {
      ...env,
      CHARTLIFT_REF: `oci://${registry.host}/envset`,
      CHARTLIFT_PLAIN_HTTP: 'true',
      CHARTLIFT_USERNAME: 'ci',
      CHARTLIFT_PASSWORD: 'ci-secret-password',
    };
    const saved = await cli(['publish', dir], { env: { ...base, CHARTLIFT_PUSH: 'false' } });
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, /1\.0\.0: saved/);
    const pushed = await cli(['publish', dir, '--push=true', '--output', 'json'], { env: { ...base, CHARTLIFT_PUSH: 'false' } });
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.equal(JSON.parse(pushed.stdout)[0].status, 'pushed');
    assert.doesNotMatch(pushed.stdout + pushed.stderr, /ci-secret-password/);
    const bad = await cli(['publish', dir], { env: { ...base, CHARTLIFT_IF_EXISTS: 'sometimes' } });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--if-exists must be fail, skip or overwrite, not "sometimes"/);
  });
});

describe('a publication from the command line', () => {
  test("the log reads like the action's, the charts JSON is the action's charts output, the exit status is 0", async () => {
    const { env } = await helmHome();
    const dir = await chart('alike', '1.2.0', 'sources:\n  - https://example.com/alike\n');
    const action = await runAction(
      { chart: dir, ref: `oci://${registry.host}/via-action`, 'plain-http': 'true', username: 'ci', password: 'ci-secret-password' },
      { env },
    );
    assert.equal(action.code, 0, action.stdout);
    const viaCli = await cli(['publish', dir, '--ref', `oci://${registry.host}/via-cli`, '--plain-http', '-u', 'ci', '--password-stdin'], {
      env,
      input: 'ci-secret-password\n',
    });
    assert.equal(viaCli.code, 0, viaCli.stderr);
    // The publication's own lines, the same but for the repository's name (the logins differ: the CLI stores none).
    const lines = (text: string) =>
      text
        .split('\n')
        .filter((l) => /^(ref|digest|size|name|version): |: pushed to remote|^\d+ charts?: |this build is|The push refers/.test(l))
        .map((l) => l.replace(/via-(action|cli)/g, 'via'));
    assert.deepEqual(lines(viaCli.stdout), lines(action.stdout));
    assert.ok(lines(viaCli.stdout).length >= 9);
    const json = await cli(
      ['publish', dir, '--ref', `oci://${registry.host}/via-action`, '--plain-http', '--output', 'json', '-u', 'ci', '--password-stdin'],
      {
        env,
        input: 'ci-secret-password',
      },
    );
    assert.equal(json.code, 0, json.stderr);
    const [mine] = JSON.parse(json.stdout);
    const [theirs] = JSON.parse(action.outputs.charts);
    assert.deepEqual(
      { ...mine, status: theirs.status, targets: undefined },
      { ...theirs, targets: undefined },
      'the same fields and values',
    );
    assert.equal(mine.status, 'unchanged');
    assert.match(json.stderr, /1\.2\.0: unchanged/, 'the log on standard error, the JSON alone on standard output');
  });

  test('one chart of two fails: exit 1, the other still published, each named; the dotenv report as GitLab reads it', async () => {
    const { env } = await helmHome();
    const good = await chart('good');
    const broken = await chart('broken');
    await writeFile(path.join(broken, 'Chart.yaml'), 'apiVersion: v2\nname: broken\nversion: [1\n');
    const report = path.join(work, 'publish.env');
    const r = await cli(
      ['publish', good, broken, '--ref', `oci://${registry.host}/two`, '--plain-http', '--dotenv', report, '-u', 'ci', '--password-stdin'],
      {
        env,
        input: 'ci-secret-password',
      },
    );
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /==> good 1\.0\.0 — pushed sha256:[0-9a-f]{64}/);
    assert.match(r.stdout, /==> \S*\/broken — failed/);
    assert.match(r.stderr, /Error: .*broken: .*Chart\.yaml/);
    assert.match(r.stdout, /2 charts: 1 pushed, 1 failed/);
    const vars = parseDotenv(await readFile(report, 'utf8'));
    assert.deepEqual(Object.keys(vars), ['CHARTS'], 'two charts: the JSON only');
    const charts = JSON.parse(vars.CHARTS);
    assert.deepEqual(
      charts.map((c: { source: string; status: string }) => [path.basename(c.source), c.status]),
      [
        ['good', 'pushed'],
        ['broken', 'failed'],
      ],
    );
    const one = path.join(work, 'one.env');
    const single = await cli(
      ['publish', good, '--ref', `oci://${registry.host}/two`, '--plain-http', '--dotenv', one, '-u', 'ci', '--password-stdin'],
      {
        env,
        input: 'ci-secret-password',
      },
    );
    assert.equal(single.code, 0, single.stderr);
    const v = parseDotenv(await readFile(one, 'utf8'));
    assert.equal(v.STATUS, 'unchanged');
    assert.equal(v.DIGEST_REF, `${registry.host}/two/good@${v.DIGEST}`);
    assert.equal(v.SIGNED, 'false');
  });
});

describe('installable on its own', () => {
  test('npm pack ships dist/, README.md, LICENSE and package.json, declares no dependencies; npx of the tarball publishes', async () => {
    const out = await tempDir('chartlift-pack-');
    const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', out], { cwd: ROOT }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    assert.deepEqual([...new Set(files.map((f) => f.split('/')[0]))].sort(), ['LICENSE', 'README.md', 'dist', 'package.json']);
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.dependencies, undefined, 'the bundle carries what it runs');
    const { env } = await helmHome();
    const empty = await tempDir('chartlift-npx-');
    const dir = await chart('npxed');
    const r = await exec(
      'npx',
      [
        '--yes',
        '--package',
        path.join(out, packed[0].filename),
        'chartlift',
        'publish',
        dir,
        '--ref',
        `oci://${registry.host}/npx`,
        '--plain-http',
        '-u',
        'ci',
        '--password-stdin',
      ],
      { cwd: empty, env: { ...env, npm_config_cache: path.join(empty, '.npm') }, input: 'ci-secret-password' },
    );
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /1\.0\.0: pushed to remote/);
  });

  test('engines: publishing runs on Node 20; keyless signing on Node 20 says what it needs, before anything is pushed', async () => {
    const node20 = await findNode(20);
    const { env } = await helmHome();
    const dir = await chart('twenty');
    const cliPath = path.join(ROOT, 'dist', 'cli', 'index.js');
    const plain = await exec(
      node20,
      [cliPath, 'publish', dir, '--ref', `oci://${registry.host}/twenty`, '--plain-http', '-u', 'ci', '--password-stdin'],
      {
        env,
        input: 'ci-secret-password',
      },
    );
    assert.equal(plain.code, 0, plain.stderr);
    const keyless = await exec(
      node20,
      [cliPath, 'publish', dir, '--ref', `oci://${registry.host}/twenty-signed`, '--plain-http', '--keyless-sign'],
      {
        env: { ...env, SIGSTORE_ID_TOKEN: 'x.y.z' },
      },
    );
    assert.equal(keyless.code, 1);
    assert.match(keyless.stderr, /keyless verification needs Node\.js 22\.22 or later 22\.x, or 24\.15 or later/);
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.engines.node, '>=20.18.1');
  });
});

describe('the CLI in the words a new user needs', () => {
  test('a login to a host that refuses: the hint names the host, not "the reference"', async () => {
    const { env } = await helmHome();
    const r = await cli(['registry', 'login', `127.0.0.1:${CLOSED_PORT}`, '-u', 'me', '--password-stdin', '--plain-http'], {
      env,
      input: 'pw',
    });
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stderr, /reference/);
    assert.match(r.stderr, /Check the registry host and port/);
  });

  test('an empty --password-stdin after -u asks for the password, not for -u', async () => {
    const { env } = await helmHome();
    const r = await cli(['registry', 'login', registry.host, '-u', 'ci', '--password-stdin', '--plain-http'], { env, input: '' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no password came on standard input for ci/);
    assert.doesNotMatch(r.stderr, /Give -u/);
  });

  test('a bad --if-exists value is named', async () => {
    const { env } = await helmHome();
    const r = await cli(['chart', 'push', `${registry.host}/x/y:1.0.0`, '--if-exists', 'replace'], { env });
    assert.match(r.stderr, /--if-exists must be fail, skip or overwrite, not "replace"/);
  });

  test('chart push oci://…/name without --version points at --version', async () => {
    const { env } = await helmHome();
    const r = await cli(['chart', 'push', `oci://${registry.host}/charts/mychart`, '--plain-http'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /names a chart without its version\. Give --version VERSION/);
    assert.doesNotMatch(r.stderr, /Add :<version>/);
  });

  test('an anonymous 401 is worded alike by push and pull', async () => {
    const { env } = await helmHome();
    const ref = `${registry.host}/anon/hello:0.1.0`;
    assert.equal((await cli(['chart', 'save', path.join(ROOT, 'examples', 'hello'), ref], { env })).code, 0);
    const push = await cli(['chart', 'push', ref, '--plain-http'], { env });
    const pull = await cli(['chart', 'pull', ref, '--plain-http'], { env });
    const said = (r: { stderr: string }) => /Error: (authentication failed [^\n]*)/.exec(r.stderr)?.[1];
    assert.ok(said(push), push.stderr);
    assert.equal(said(push), said(pull));
  });

  test('a ref without oci:// whose last element is not the chart: the hint keeps the whole path as the namespace', async () => {
    const { env } = await helmHome();
    const dir = await chart('web');
    const r = await cli(['publish', dir, '--ref', 'localhost:5000/acme/charts'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /use oci:\/\/localhost:5000\/acme\/charts \(the chart goes to localhost:5000\/acme\/charts\/web:1\.0\.0\)/);
  });
});
