import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { describe as descriptor, sha256 } from '../../src/oci/digest.js';
import { Layout } from '../../src/oci/layout.js';
import { runAction } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { tool } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

// Digests, tags and hosts as a hostile registry (or a planted cache) writes them: every digest is
// parsed once, strictly, before it names a file or a request; nothing outside the cache is read,
// probed or deleted; big or malformed answers end in one clear error.
const MiB = 1024 * 1024;
const MEDIA = {
  config: 'application/vnd.cncf.helm.config.v1+json',
  chart: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
  prov: 'application/vnd.cncf.helm.chart.provenance.v1.prov',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
};
let work: string;
let src: string;
let chartTgz: Buffer;

before(async () => {
  work = await tempDir('chartlift-hostile-digests-');
  src = await tree(path.join(work, 'src', 'victim'), {
    'Chart.yaml': 'apiVersion: v2\nname: victim\nversion: 1.0.0\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v\n',
  });
  await run(tool('helm4'), ['package', src, '-d', path.join(work, 'src')]);
  chartTgz = await readFile(path.join(work, 'src', 'victim-1.0.0.tgz'));
});

/** A digest that climbs from the cache's blobs/sha256/ to `target` (an absolute path). */
const climbing = (target: string) => `sha256:${'../'.repeat(30)}${target.replace(/^\/+/, '')}`;

/** A file outside every cache that a hostile digest aims at. */
async function victimFile(name: string): Promise<string> {
  const dir = path.join(work, 'victims');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, 'precious\n');
  return file;
}

const config = (name = 'victim', version = '1.0.0') => Buffer.from(JSON.stringify({ name, version, apiVersion: 'v2' }));

/** The CLI, with its peak resident memory (GNU time's %M, in KiB). */
async function cliMeasured(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000) {
  const r = await exec('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, CLI, ...args], { env, timeoutMs });
  const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 'NaN') * 1024;
  return { ...r, rssMiB: rss / MiB };
}

/** The CLI with its stdin left open (a terminal, a pipe nobody closes): killed after `timeoutMs`. */
function cliStdinOpen(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr: Buffer.concat(err).toString(), killed });
    });
  });
}

describe('a digest is parsed before it names a file or a request', () => {
  let reg: HostileRegistry;
  before(async () => {
    reg = await startHostileRegistry();
  });
  after(() => reg.stop());

  test('a provenance layer sha256:../…/victim.txt: the action does not call the tag unchanged, caches none of it, and chart remove deletes nothing outside the cache', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, '.cache', 'helm', 'registry', 'cache');
    const victim = await victimFile('layer-victim.txt');
    const inputs = { chart: src, ref: `oci://${reg.host}/dig`, 'plain-http': 'true', cache };
    const first = await runAction(inputs, { env });
    assert.equal(first.outputs.status, 'pushed', first.stdout);
    // The registry now serves the same chart under a manifest with two provenance layers: a real one
    // (downloaded for the comparison) and one whose digest climbs out of the cache to victim.txt.
    const prov = Buffer.from('-----BEGIN PGP SIGNED MESSAGE-----\nnot really\n');
    reg.blobs.set(sha256(prov), prov);
    const manifest = JSON.parse(reg.manifests.get('dig/victim:1.0.0')!.toString('utf8'));
    manifest.layers.push({ mediaType: MEDIA.prov, digest: sha256(prov), size: prov.length });
    manifest.layers.push({ mediaType: MEDIA.prov, digest: climbing(victim), size: 9 });
    const body = Buffer.from(JSON.stringify(manifest));
    reg.manifests.set('dig/victim:1.0.0', body);
    reg.manifests.set(`dig/victim:${sha256(body)}`, body);

    const second = await runAction(inputs, { env });
    assert.notEqual(second.outputs.status, 'unchanged', second.stdout);
    assert.equal(second.code, 1, second.stdout);
    assert.match(second.errors.join('\n'), /not a valid digest/);
    assert.match(second.errors.join('\n'), /"sha256:(\.\.\/)+/);
    const index = await readFile(path.join(cache, 'index.json'), 'utf8');
    assert.doesNotMatch(index, new RegExp(sha256(body)), 'the hostile manifest is not cached');
    assert.ok(!existsSync(path.join(cache, 'blobs', 'sha256', sha256(body).slice(7))));

    const removed = await exec(process.execPath, [CLI, 'chart', 'remove', `${reg.host}/dig/victim:1.0.0`], { env });
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(await readFile(victim, 'utf8'), 'precious\n');
  });

  test('a planted cache (a manifest naming sha256:../…/victim, an index entry naming one): chart remove drops the entry and deletes nothing outside the blob store', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, '.cache', 'helm', 'registry', 'cache');
    const viaLayer = await victimFile('planted-layer.txt');
    const viaIndex = await victimFile('planted-index.txt');
    const cfg = config();
    const layer = descriptor(MEDIA.chart, chartTgz);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        config: descriptor(MEDIA.config, cfg),
        layers: [layer, { mediaType: MEDIA.prov, digest: climbing(viaLayer), size: 9 }],
      }),
    );
    await new Layout(cache).save('localhost:5000/planted/victim:1.0.0', descriptor(MEDIA.manifest, manifest), [cfg, chartTgz, manifest]);
    // An index entry whose digest itself climbs out (index.json written by something else).
    const indexFile = path.join(cache, 'index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8'));
    index.manifests.push({
      mediaType: MEDIA.manifest,
      digest: climbing(viaIndex),
      size: 9,
      annotations: { 'org.opencontainers.image.ref.name': 'localhost:5000/planted/index:1.0.0' },
    });
    await writeFile(indexFile, JSON.stringify(index));

    const shown = await exec(process.execPath, [CLI, 'chart', 'export', 'localhost:5000/planted/index:1.0.0', '-d', work], { env });
    assert.equal(shown.code, 1);
    assert.match(shown.stderr, /index\.json: .*"sha256:(\.\.\/)+.*is not a valid digest/);

    for (const ref of ['localhost:5000/planted/victim:1.0.0', 'localhost:5000/planted/index:1.0.0']) {
      const r = await exec(process.execPath, [CLI, 'chart', 'remove', ref], { env });
      assert.equal(r.code, 0, `${ref}: ${r.stderr}`);
    }
    assert.equal(await readFile(viaLayer, 'utf8'), 'precious\n');
    assert.equal(await readFile(viaIndex, 'utf8'), 'precious\n');
    assert.deepEqual(JSON.parse(await readFile(indexFile, 'utf8')).manifests, [], 'both entries are gone');
  });

  test('a cache entry whose digest is not one is repaired by a pull of its reference (nothing outside touched)', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, '.cache', 'helm', 'registry', 'cache');
    const victim = await victimFile('repair-victim.txt');
    const ref = `${reg.host}/repair/victim:1.0.0`;
    await mkdir(cache, { recursive: true });
    const entry = {
      mediaType: MEDIA.manifest,
      digest: climbing(victim),
      size: 9,
      annotations: { 'org.opencontainers.image.ref.name': ref },
    };
    await writeFile(path.join(cache, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [entry] }));
    const { digest } = plantChart(reg, 'repair/victim', '1.0.0', config(), chartTgz);
    const r = await exec(process.execPath, [CLI, 'chart', 'pull', ref, '--plain-http'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal((await new Layout(cache).resolve(ref))?.digest, digest);
    assert.equal(await readFile(victim, 'utf8'), 'precious\n');
  });

  test('a config digest sha256:../…/dev/zero or /dev/stdin: pull refuses it before any file is read or blob requested, in bounded memory', async () => {
    const { env } = await helmHome();
    for (const [tag, target] of [
      ['1.0.0', '/dev/zero'],
      ['1.0.1', '/dev/stdin'],
    ]) {
      const layer = descriptor(MEDIA.chart, chartTgz);
      reg.blobs.set(layer.digest, chartTgz);
      const body = Buffer.from(
        JSON.stringify({ schemaVersion: 2, config: { mediaType: MEDIA.config, digest: climbing(target), size: 0 }, layers: [layer] }),
      );
      reg.manifests.set(`zero/victim:${tag}`, body);
      const before = reg.requests.length;
      const ref = `${reg.host}/zero/victim:${tag}`;
      const r =
        target === '/dev/zero'
          ? await cliMeasured(['chart', 'pull', ref, '--plain-http'], env, 60_000)
          : { ...(await cliStdinOpen(['chart', 'pull', ref, '--plain-http'], env, 20_000)), rssMiB: 0 };
      assert.ok(!('killed' in r) || !r.killed, `${target}: the pull hung`);
      assert.equal(r.code, 1, `${target}: ${r.stderr}`);
      assert.match(
        r.stderr,
        new RegExp(`zero/victim:${tag.replaceAll('.', '\\.')}: the config digest "sha256:(\\.\\./)+dev/\\w+" is not a valid digest`),
      );
      assert.ok(r.rssMiB < 256, `${target}: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
      assert.deepEqual(
        reg.requests.slice(before).filter((q) => q.url.includes('/blobs/')),
        [],
        'no blob request: whether a local path exists is not told',
      );
    }
  });

  test('a Docker-Content-Digest that is not a digest: push and pull refuse it, naming the registry and the value', async () => {
    const { env } = await helmHome();
    const saved = await exec(process.execPath, [CLI, 'chart', 'save', src, `${reg.host}/header/victim:1.0.0`], { env });
    assert.equal(saved.code, 0, saved.stderr);
    plantChart(reg, 'header/victim', '1.0.0', config(), chartTgz);
    const bad = 'sha256:../../../etc/passwd';
    reg.override = (req, res) => {
      if (!req.url.includes('/header/victim/manifests/')) return false;
      const body = reg.manifests.get('header/victim:1.0.0')!;
      res.writeHead(200, { 'docker-content-digest': bad, 'content-type': MEDIA.manifest });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    };
    try {
      for (const args of [
        ['chart', 'push', `${reg.host}/header/victim:1.0.0`, '--plain-http'],
        ['chart', 'pull', `${reg.host}/header/victim:1.0.0`, '--plain-http'],
      ]) {
        const r = await exec(process.execPath, [CLI, ...args], { env });
        assert.equal(r.code, 1, `${args[1]}: ${r.stdout}${r.stderr}`);
        assert.match(
          r.stderr,
          new RegExp(
            `${reg.host.replaceAll('.', '\\.')}/header/victim:1\\.0\\.0: the Docker-Content-Digest "sha256:(\\.\\./)+etc/passwd" is not a valid digest`,
          ),
        );
      }
    } finally {
      reg.override = undefined;
    }
  });
});

describe('tags and hosts from a registry or a reference', () => {
  let reg: HostileRegistry;
  before(async () => {
    reg = await startHostileRegistry();
  });
  after(() => reg.stop());

  /** A chart depending on `dep` from oci://<reg>/deps. */
  async function dependent(dir: string, dep = 'dep', version = '*'): Promise<string> {
    return tree(path.join(work, dir, 'app'), {
      'Chart.yaml': `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: ${JSON.stringify(dep)}\n    version: ${JSON.stringify(version)}\n    repository: oci://${reg.host}/deps\n`,
    });
  }

  /** The action packaging (not pushing) `chart`, its dependencies fetched over plain HTTP. */
  const vendor = (chart: string, env: NodeJS.ProcessEnv) =>
    runAction({ chart, ref: `oci://${reg.host}/apps`, 'plain-http': 'true', push: 'false' }, { env });

  test('one tags page of 150,000 entries, or pages of 15,000 that go on: one clear error each (no stack overflow)', async () => {
    const { env } = await helmHome();
    const tags = Array.from({ length: 150_000 }, (_, i) => `0.0.${i}`);
    const page = Buffer.from(JSON.stringify({ name: 'deps/dep', tags }));
    reg.override = (req, res) => {
      if (!req.url.startsWith('/v2/deps/dep/tags/list')) return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end(page);
      return true;
    };
    try {
      const r = await vendor(await dependent('many-tags'), env);
      assert.equal(r.code, 1, r.stdout);
      assert.doesNotMatch(r.stdout, /call stack/);
      assert.match(r.errors.join('\n'), /the tag list of .*deps\/dep .*: more than a page of tags holds/);
      let pages = 0;
      reg.override = (req, res) => {
        if (!req.url.startsWith('/v2/deps/dep/tags/list')) return false;
        pages++;
        const more = Array.from({ length: 15_000 }, (_, i) => `1.${pages}.${i}`);
        res.writeHead(200, { 'content-type': 'application/json', link: `</v2/deps/dep/tags/list?n=1000&last=1.${pages}>; rel="next"` });
        res.end(JSON.stringify({ name: 'deps/dep', tags: more }));
        return true;
      };
      const paged = await vendor(await dependent('many-pages'), env);
      assert.equal(paged.code, 1, paged.stdout);
      assert.match(paged.errors.join('\n'), /deps\/dep lists more than 100000 tags/);
      assert.equal(pages, 7, 'pages read before the bound');
    } finally {
      reg.override = undefined;
    }
  });

  test('tags that are not tags (numbers, objects, "../x", control characters) are dropped: never chosen, never printed', async () => {
    const { env } = await helmHome();
    const tags = ['1.0.0', 42, { v: '9.9.9' }, '9.9.9/../../x', '\u001b[31m9.9.9', '2.0.0\u202e', null];
    reg.override = (req, res) => {
      if (!req.url.startsWith('/v2/deps/dep/tags/list')) return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'deps/dep', tags }));
      return true;
    };
    try {
      const r = await vendor(await dependent('junk-tags', 'dep', '>=5'), env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.errors.join('\n'), /no version matches \(tags: 1\.0\.0\)/);
    } finally {
      reg.override = undefined;
    }
  });

  test('a dependency name that is no repository name ("../../v2/other", "Dep") is refused before any request', async () => {
    const { env } = await helmHome();
    for (const name of ['../../v2/other', 'Dep']) {
      const before = reg.requests.length;
      const r = await vendor(await dependent(`named-${name.length}`, name), env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.errors.join('\n'), /invalid repository name "deps\/(\.\.\/\.\.\/v2\/other|Dep)"/);
      assert.equal(reg.requests.length, before, `${JSON.stringify(name)}: no request was sent`);
    }
  });

  test('U+202E and U+200B: stripped from a Chart.yaml name as Helm strips them, refused in a reference (escaped in the message)', async () => {
    const { env } = await helmHome();
    const chart = await tree(path.join(work, 'bidi', 'c'), {
      'Chart.yaml': 'apiVersion: v2\nname: "my\u202echart\u200b"\nversion: 1.0.0\n',
    });
    // helm package names this chart mychart (sanitizeString drops format characters): so does Chartlift.
    await run(tool('helm4'), ['package', chart, '-d', path.join(work, 'bidi')]);
    assert.ok(existsSync(path.join(work, 'bidi', 'mychart-1.0.0.tgz')));
    const saved = await exec(process.execPath, [CLI, 'chart', 'save', chart, 'localhost:5000/ns/mychart:1.0.0'], { env });
    assert.equal(saved.code, 0, saved.stderr);
    for (const args of [
      ['chart', 'save', chart, 'localhost:5000/ns/my\u202echart:1.0.0'],
      ['chart', 'pull', 'localhost:5000/ns/my\u200bchart:1.0.0'],
      ['chart', 'remove', 'localhost:5000/n\u202es/mychart:1.0.0'],
    ]) {
      const r = await exec(process.execPath, [CLI, ...args], { env });
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /invalid repository name .*\\u20(2e|0b)/);
      assert.doesNotMatch(r.stderr, /[\u202e\u200b]/);
    }
    const list = await exec(process.execPath, [CLI, 'chart', 'list'], { env });
    assert.match(list.stdout, /localhost:5000\/ns\/mychart:1\.0\.0\s+mychart\s+1\.0\.0/);
  });

  test('a port outside 1–65535 is refused naming the value, in every command that takes a host', async () => {
    const { env } = await helmHome();
    const cases: string[][] = [
      ['chart', 'pull', '127.0.0.1:99999/a/b:1.0.0'],
      ['chart', 'save', src, 'oci://127.0.0.1:99999/ns'],
      ['chart', 'push', '127.0.0.1:0/a/victim:1.0.0'],
      ['registry', 'login', '-u', 'u', '--password-stdin', '127.0.0.1:99999'],
      ['registry', 'logout', '127.0.0.1:65536'],
    ];
    for (const args of cases) {
      const r = await exec(process.execPath, [CLI, ...args], { env, input: 'p' });
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /Invalid URL/);
      assert.match(r.stderr, /"127\.0\.0\.1:(99999|0|65536)".*port .* outside 1–65535/, args.join(' '));
    }
  });
});

describe('temporary credential files', () => {
  let reg: HostileRegistry;
  before(async () => {
    reg = await startHostileRegistry({ basic: { user: 'u', password: 'p' } });
  });
  after(() => reg.stop());

  const login = (env: NodeJS.ProcessEnv) =>
    exec(process.execPath, [CLI, 'registry', 'login', '-u', 'u', '--password-stdin', '--plain-http', reg.host], { env, input: 'p' });
  const temps = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.tmp'));

  test('left by a killed login (its process gone) or old (its process id reused): removed by a logout, even one that has nothing to remove', async () => {
    const { env, registryConfig } = await helmHome();
    const dir = path.dirname(registryConfig);
    assert.equal((await login(env)).code, 0);
    // As a login killed (-9) between writing and renaming leaves them: 0600, holding the auth.
    const auth = '{"auths":{"h":{"auth":"dTpw"}}}';
    const dead = path.join(dir, '.config.json.2147483646.0123456789ab.tmp');
    const reused = path.join(dir, `.config.json.${process.pid}.ba9876543210.tmp`);
    for (const f of [dead, reused]) await writeFile(f, auth, { mode: 0o600 });
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(reused, old, old);
    const out = await exec(process.execPath, [CLI, 'registry', 'logout', reg.host], { env });
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(await temps(dir), []);
    // A logout with nothing to log out of still clears them.
    await writeFile(dead, auth, { mode: 0o600 });
    const again = await exec(process.execPath, [CLI, 'registry', 'logout', reg.host], { env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /not logged in/);
    assert.deepEqual(await temps(dir), []);
  });

  test('a login killed with -9 while it writes leaves nothing the next logout does not remove', async () => {
    const { env, registryConfig } = await helmHome();
    const dir = path.dirname(registryConfig);
    // Logins killed at random points of their run, some of them inside the write.
    for (let i = 0; i < 20; i++) {
      const child = spawn(process.execPath, [CLI, 'registry', 'login', '-u', 'u', '--password-stdin', '--plain-http', reg.host], {
        env,
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      const closed = new Promise((r) => child.once('close', r));
      child.stdin.end('p');
      await new Promise((r) => setTimeout(r, 40 + i * 15));
      child.kill('SIGKILL');
      await closed;
    }
    for (const f of await temps(dir).catch(() => [])) assert.equal((await stat(path.join(dir, f))).mode & 0o777, 0o600, f);
    await exec(process.execPath, [CLI, 'registry', 'logout', reg.host], { env });
    assert.deepEqual(await temps(dir), []);
  });
});
