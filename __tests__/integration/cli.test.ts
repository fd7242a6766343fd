import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildArtifact } from '../../src/artifact/manifest.js';
import { MediaType } from '../../src/artifact/media-types.js';
import { Http } from '../../src/oci/http.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { bindRef, packageSource } from '../../src/release/build.js';
import { pushArtifact } from '../../src/release/push.js';
import { CLI, cli } from '../helpers/cli.js';
import { run } from '../helpers/exec.js';
import { startFaultyFront, type FaultyFront } from '../helpers/faulty-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS, ROOT, tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree.js';

let work: string;
let chart: string;
let secured: Registry;
let open: Registry;
let expected: string;

before(async () => {
  work = await tempDir('chartlift-cli-');
  await run(tool('helm3'), ['create', 'mychart'], { cwd: work });
  chart = path.join(work, 'mychart');
  expected = await run(tool('helm3'), ['template', 'rel', chart]);
  [secured, open] = await Promise.all([startRegistry({ users: { myuser: 'mypass' } }), startRegistry()]);
});
after(async () => Promise.all([secured, open].map((r) => r?.stop())));

const SEED_BLOCK = (ref: string) =>
  new RegExp(
    `ref:     ${ref.replace(/[.]/g, '\\.')}\\ndigest:  sha256:[a-f0-9]{64}\\nsize:    \\d+\\.\\d KiB\\nname:    mychart\\nversion: 0\\.1\\.0\\n`,
  );

describe("the seed's whole sequence, against a registry with htpasswd auth", () => {
  test('login → save → list → push → remove → pull → export → logout, each printing what the seed prints', async () => {
    const { env, home, registryConfig } = await helmHome();
    const ref = `${secured.host}/myrepo/mychart:0.1.0`;
    const c = (args: string[], input?: string) => cli(args, { env, cwd: home, input });

    const login = await c(['registry', 'login', '-u', 'myuser', '--password-stdin', '--plain-http', secured.host], 'mypass\n');
    assert.equal(login.code, 0, login.stderr);
    assert.equal(login.stdout, 'Login succeeded\n');
    assert.match(await readFile(registryConfig, 'utf8'), new RegExp(secured.host.replace('.', '\\.')));

    const save = await c(['chart', 'save', `${chart}/`, ref]);
    assert.equal(save.code, 0, save.stderr);
    assert.match(save.stdout, new RegExp(`^${SEED_BLOCK(ref).source}0\\.1\\.0: saved\\n$`));
    const digest = /digest: {2}(sha256:\S+)/.exec(save.stdout)![1];

    const list = await c(['chart', 'list']);
    const [header, row] = list.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t').map((x) => x.trim()));
    assert.deepEqual(header, ['REF', 'NAME', 'VERSION', 'DIGEST', 'SIZE', 'CREATED']);
    assert.deepEqual(row.slice(0, 4), [ref, 'mychart', '0.1.0', digest.slice(7, 14)]);
    assert.match(row[4], /^\d+\.\d KiB$/);
    assert.match(row[5], /^(Less than a second|\d+ seconds?)$/);

    const push = await c(['chart', 'push', '--plain-http', ref]);
    assert.equal(push.code, 0, push.stderr);
    assert.match(
      push.stdout,
      new RegExp(
        `^The push refers to repository \\[${secured.host}/myrepo/mychart\\]\\n${SEED_BLOCK(ref).source}0\\.1\\.0: pushed to remote \\(1 layer, \\d+\\.\\d KiB total\\)\\n$`,
      ),
    );

    const remove = await c(['chart', 'remove', ref]);
    assert.equal(remove.stdout, '0.1.0: removed\n');
    assert.equal((await c(['chart', 'list'])).stdout.trim().split('\n').length, 1);

    const pull = await c(['chart', 'pull', '--plain-http', ref]);
    assert.equal(pull.code, 0, pull.stderr);
    assert.match(
      pull.stdout,
      new RegExp(
        `^0\\.1\\.0: Pulling from ${secured.host}/myrepo/mychart\\n${SEED_BLOCK(ref).source}Status: Downloaded newer chart for ${ref}\\n$`,
      ),
    );
    assert.match((await c(['chart', 'pull', '--plain-http', ref])).stdout, /Status: Chart is up to date for /);

    const exp = await c(['chart', 'export', ref, '-d', 'exported']);
    assert.equal(exp.code, 0, exp.stderr);
    assert.match(exp.stdout, new RegExp(`^${SEED_BLOCK(ref).source}Exported chart to exported/mychart/\\n$`));
    assert.equal(await run(tool('helm3'), ['template', 'rel', path.join(home, 'exported', 'mychart')]), expected);

    const logout = await c(['registry', 'logout', secured.host]);
    assert.equal(logout.stdout, 'Logout succeeded\n');
    assert.deepEqual(JSON.parse(await readFile(registryConfig, 'utf8')).auths, {});
    const denied = await c(['chart', 'pull', '--plain-http', ref, '--cache', path.join(home, 'other-cache')]);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /^Error: authentication failed for .* as an anonymous user/);
  });

  test('on a terminal, login asks for the password without echoing it', async () => {
    const { env, registryConfig } = await helmHome();
    // `script` gives the CLI a real pseudo-terminal; the password is typed after the prompt appears.
    const typed = `sleep 1; printf 'mypass\\r'`;
    const out = await run(
      'sh',
      ['-c', `(${typed}) | script -qec "${process.execPath} ${CLI} registry login -u myuser --plain-http ${secured.host}" /dev/null`],
      { env },
    );
    assert.match(out, /^Password: \r?\nLogin succeeded/);
    assert.doesNotMatch(out, /mypass/);
    assert.match(await readFile(registryConfig, 'utf8'), new RegExp(Buffer.from('myuser:mypass').toString('base64')));
  });

  test('wrong password: login fails, nothing stored', async () => {
    const { env, registryConfig } = await helmHome();
    const r = await cli(['registry', 'login', '-u', 'myuser', '--password-stdin', '--plain-http', secured.host], { env, input: 'nope\n' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^Error: authentication failed for 127\.0\.0\.1:\d+ as "myuser"/);
    await assert.rejects(readFile(registryConfig));
  });

  test('every command has --help, and misuse says what to do', async () => {
    const { env } = await helmHome();
    for (const cmd of [
      ['registry', 'login'],
      ['registry', 'logout'],
      ['chart', 'save'],
      ['chart', 'list'],
      ['chart', 'export'],
      ['chart', 'push'],
      ['chart', 'remove'],
      ['chart', 'pull'],
    ]) {
      const r = await cli([...cmd, '--help'], { env });
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: chartlift ${cmd.join(' ')}`));
    }
    assert.match((await cli(['chart', 'save', 'only-one'], { env })).stderr, /takes DIR REF/);
    assert.match((await cli(['chart', 'frobnicate'], { env })).stderr, /unknown command/);
    assert.match((await cli(['--bogus'], { env })).stderr, /^Error: unknown option --bogus\. See chartlift --help\.\n$/);
  });
});

describe('pulling charts other tools pushed', () => {
  for (const helm of HELMS) {
    test(`a chart pushed by ${helm.label}: pulled, exported, rendered as the source`, async () => {
      const { env, home } = await helmHome();
      const out = path.join(home, 'pkg');
      await run(helm.bin(), ['package', chart, '-d', out], { env });
      const repo = `by-${helm.label.replace(/\W+/g, '')}`.toLowerCase();
      await run(helm.bin(), ['push', path.join(out, 'mychart-0.1.0.tgz'), `oci://${open.host}/${repo}`, '--plain-http'], { env });
      const ref = `${open.host}/${repo}/mychart:0.1.0`;
      const pull = await cli(['chart', 'pull', '--plain-http', ref], { env, cwd: home });
      assert.equal(pull.code, 0, pull.stderr);
      const exp = await cli(['chart', 'export', ref, '-d', 'x'], { env, cwd: home });
      assert.equal(exp.code, 0, exp.stderr);
      assert.equal(await run(helm.bin(), ['template', 'rel', path.join(home, 'x', 'mychart')]), expected);
    });
  }

  test('a chart in the legacy layer format (application/tar+gzip, as Helm 3.0–3.6 wrote): pulled, exported, rendered', async () => {
    const { env, home } = await helmHome();
    const built = bindRef(await packageSource(chart, { env: process.env }), `oci://${open.host}/legacy`);
    const artifact = buildArtifact(built.chart.metadata, built.artifact.chart, 0, { chartMediaType: MediaType.legacyChart });
    const http = new Http();
    await pushArtifact(new RegistryClient(http, open.host, { plainHttp: true }), built.ref, artifact, 'fail');
    await http.close();
    const ref = `${open.host}/legacy/mychart:0.1.0`;
    const pull = await cli(['chart', 'pull', '--plain-http', ref], { env, cwd: home });
    assert.equal(pull.code, 0, pull.stderr);
    const exp = await cli(['chart', 'export', ref], { env, cwd: home });
    assert.equal(exp.code, 0, exp.stderr);
    assert.match(exp.stdout, /Exported chart to mychart\/\n$/);
    assert.equal(await run(tool('helm4'), ['template', 'rel', path.join(home, 'mychart')]), expected);
    const manifest = JSON.parse(
      await run('skopeo', ['inspect', '--raw', `oci:${path.join(home, '.cache', 'helm', 'registry', 'cache')}:${ref}`]),
    );
    assert.equal(manifest.layers[0].mediaType, 'application/tar+gzip');
  });
});

describe('the cache after remove', () => {
  test('no blob that only the removed chart used is left; shared blobs stay; skopeo reads every cached chart', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, '.cache', 'helm', 'registry', 'cache');
    const blobs = async () => (await readdir(path.join(cache, 'blobs', 'sha256'))).sort();
    const c = (args: string[]) => cli(args, { env, cwd: home });
    await mkdir(path.join(home, 'other'), { recursive: true });
    await run(tool('helm3'), ['create', 'other'], { cwd: home });
    assert.equal((await c(['chart', 'save', chart, 'localhost:5000/a/mychart:0.1.0'])).code, 0);
    assert.equal((await c(['chart', 'save', chart, 'localhost:5000/b/mychart:0.1.0'])).code, 0);
    const one = await blobs();
    assert.equal(one.length, 3, 'one manifest, config and chart shared by both refs');
    assert.equal((await c(['chart', 'save', path.join(home, 'other'), 'localhost:5000/a/other:0.1.0'])).code, 0);
    for (const ref of ['localhost:5000/a/mychart:0.1.0', 'localhost:5000/b/mychart:0.1.0', 'localhost:5000/a/other:0.1.0']) {
      const m = JSON.parse(await run('skopeo', ['inspect', '--raw', `oci:${cache}:${ref}`]));
      assert.equal(m.config.mediaType, 'application/vnd.cncf.helm.config.v1+json');
    }
    assert.equal((await c(['chart', 'remove', 'localhost:5000/a/mychart:0.1.0'])).code, 0);
    assert.deepEqual(
      (await blobs()).filter((b) => one.includes(b)),
      one,
      'still used by b/mychart',
    );
    assert.equal((await c(['chart', 'remove', 'localhost:5000/b/mychart:0.1.0'])).code, 0);
    assert.deepEqual(
      (await blobs()).filter((b) => one.includes(b)),
      [],
      'nothing of mychart left',
    );
    assert.equal((await blobs()).length, 3, "other's blobs stay");
    const gone = await c(['chart', 'remove', 'localhost:5000/b/mychart:0.1.0']);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /is not in the cache/);
  });
});

describe('a corrupted download', () => {
  let front: FaultyFront;
  after(() => front?.stop());
  test('a blob whose bytes do not match its digest fails the pull clearly and leaves the cache unchanged', async () => {
    const { env, home } = await helmHome();
    const built = bindRef(await packageSource(chart, { env: process.env }), `oci://${open.host}/corrupt`);
    const http = new Http();
    await pushArtifact(new RegistryClient(http, open.host, { plainHttp: true }), built.ref, built.artifact, 'overwrite');
    await http.close();
    front = await startFaultyFront(open.url, {
      decide: () => undefined,
      intercept: async (req, res, forward) => {
        if (req.method !== 'GET' || !req.url.includes(`/blobs/${built.artifact.chartDescriptor.digest}`)) return false;
        const up = await forward();
        const body = Buffer.from(up.body);
        body[100] ^= 0x01;
        res.writeHead(up.status, { ...up.headers, 'content-length': String(body.length) }).end(body);
        return true;
      },
    });
    const cache = path.join(home, 'cache');
    const hello = path.join(ROOT, 'examples', 'hello');
    assert.equal((await cli(['chart', 'save', hello, 'localhost:5000/keep/hello:0.1.0', '--cache', cache], { env })).code, 0);
    const before = await treeHash(cache);
    const r = await cli(['chart', 'pull', '--plain-http', '--cache', cache, `${front.host}/corrupt/mychart:0.1.0`], { env });
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      new RegExp(
        `^Error: blob ${built.artifact.chartDescriptor.digest} from 127\\.0\\.0\\.1:\\d+ does not match its digest \\(got sha256:[a-f0-9]{64}, \\d+ of \\d+ bytes\\)\\. The download was corrupted`,
      ),
    );
    assert.equal(await treeHash(cache), before);
    assert.ok(
      front.requests.some((s) => s.url.includes('/blobs/')),
      'the front served the blob',
    );
  });
});
