import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { writeTar } from '../../src/chart/tar-writer.js';
import { describe as descriptor, sha256 } from '../../src/oci/digest.js';
import { Layout } from '../../src/oci/layout.js';
import { runAction } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { makeTls } from '../helpers/tls.js';

// Chartlift against registries that lie, redirect, drip, never answer or stream forever, and archives
// built to hurt: nothing leaks, nothing escapes, memory stays bounded, every request ends in time.
const MiB = 1024 * 1024;
let work: string;
let chartTgz: Buffer;

before(async () => {
  work = await tempDir('chartlift-hostile-');
  const src = await tree(path.join(work, 'src', 'victim'), {
    'Chart.yaml': 'apiVersion: v2\nname: victim\nversion: 1.0.0\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v\n',
  });
  await run(tool('helm4'), ['package', src, '-d', path.join(work, 'src')]);
  chartTgz = await readFile(path.join(work, 'src', 'victim-1.0.0.tgz'));
});

/** The CLI, with its peak resident memory (GNU time's %M, in KiB). */
async function cliMeasured(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000) {
  const r = await exec('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, CLI, ...args], { env, timeoutMs });
  const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 'NaN') * 1024;
  return { ...r, rssMiB: rss / MiB };
}

const config = (name: string, version = '1.0.0') => Buffer.from(JSON.stringify({ name, version, apiVersion: 'v2' }));

describe('a registry that serves hostile charts', () => {
  let reg: HostileRegistry;
  before(async () => {
    reg = await startHostileRegistry();
  });
  after(() => reg.stop());

  test('a config name that climbs out (../../../escape, /abs) or holds what Helm drops (U+202E, U+200B) is refused at pull, and export never leaves its folder', async () => {
    const { env, home } = await helmHome();
    for (const [tag, name] of [
      ['1.0.0', '../../../escape'],
      ['1.0.1', '/tmp/abs-escape'],
      ['1.0.2', 'bell\u0007\u001b[31mred'],
      // What Helm's sanitizeString drops never comes from Helm: a folder named with a bidi override deceives.
      ['1.0.3', 'vic\u202etim'],
      ['1.0.4', 'vic\u200btim'],
    ]) {
      plantChart(reg, 'evil/victim', tag, config(name, '1.0.0'), chartTgz);
      const r = await exec(process.execPath, [CLI, 'chart', 'pull', `${reg.host}/evil/victim:${tag}`, '--plain-http'], { env });
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /names the chart .* which is not a chart name/);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(r.stdout + r.stderr, /\u001b|\u0007/);
    }
    assert.doesNotMatch((await exec(process.execPath, [CLI, 'chart', 'list'], { env })).stdout, /victim/, 'nothing was saved');
    // A cache entry planted by something else: export refuses to leave the target.
    const cache = path.join(home, '.cache', 'helm', 'registry', 'cache');
    const cfg = config('../../escape');
    const layer = descriptor('application/vnd.cncf.helm.chart.content.v1.tar+gzip', chartTgz);
    const manifest = Buffer.from(
      JSON.stringify({ schemaVersion: 2, config: descriptor('application/vnd.cncf.helm.config.v1+json', cfg), layers: [layer] }),
    );
    await new Layout(cache).save('localhost:5000/evil/victim:1.0.0', descriptor('application/vnd.oci.image.manifest.v1+json', manifest), [
      cfg,
      chartTgz,
      manifest,
    ]);
    const out = path.join(work, 'export-target', 'inner');
    await mkdir(out, { recursive: true });
    const r = await exec(process.execPath, [CLI, 'chart', 'export', 'localhost:5000/evil/victim:1.0.0', '-d', out], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /names the chart "\.\.\/\.\.\/escape", which is not a chart name/);
    assert.ok(!existsSync(path.join(work, 'escape')) && !existsSync(path.join(work, 'export-target', 'escape')));
  });

  test('a config that is not JSON is refused at pull: nothing saved, no raw JSON.parse message', async () => {
    const { env } = await helmHome();
    plantChart(reg, 'evil/victim', '2.0.0', Buffer.from('not json at all'), chartTgz);
    const r = await exec(process.execPath, [CLI, 'chart', 'pull', `${reg.host}/evil/victim:2.0.0`, '--plain-http'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /the chart config is not JSON/);
    assert.doesNotMatch(r.stderr, /Unexpected token|SyntaxError/);
    const list = await exec(process.execPath, [CLI, 'chart', 'list'], { env });
    assert.doesNotMatch(list.stdout, /damaged|victim/);
  });

  test('a blob answered 404 with an endless body, a layer claimed at 8 GB, a blob longer than its descriptor: bounded memory', async () => {
    const { env } = await helmHome();
    const endless = (res: import('node:http').ServerResponse, status: number) => {
      res.writeHead(status);
      const chunk = Buffer.alloc(MiB, 97);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    };
    plantChart(reg, 'mem/endless404', '1.0.0', config('victim'), chartTgz);
    plantChart(reg, 'mem/huge', '1.0.0', config('victim'), chartTgz, 8 * 1024 * MiB);
    plantChart(reg, 'mem/longer', '1.0.0', config('victim'), chartTgz);
    const layerDigest = sha256(chartTgz);
    reg.override = (req, res) => {
      if (req.url.includes('/blobs/') && req.url.includes(layerDigest) && req.method === 'GET') {
        endless(res, req.url.includes('endless404') ? 404 : 200);
        return true;
      }
      return false;
    };
    try {
      const cases: Array<[string, RegExp]> = [
        ['mem/endless404', /download a blob from .* failed: HTTP 404/],
        ['mem/huge', /describes blob .* as 8589934592 bytes, over the \d+-byte limit/],
        ['mem/longer', /is larger than its descriptor says/],
      ];
      for (const [repo, says] of cases) {
        const r = await cliMeasured(['chart', 'pull', `${reg.host}/${repo}:1.0.0`, '--plain-http'], env);
        assert.equal(r.code, 1, `${repo}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, says);
        assert.ok(r.rssMiB < 256, `${repo}: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
      }
    } finally {
      reg.override = undefined;
    }
  });
});

describe('hostile archives', () => {
  test('thirty nested archives of 10 MiB each (a 300 MiB chart in a small file): refused, bounded memory', async () => {
    const nested = gzipSync(
      writeTar(
        [
          { name: 'inner/Chart.yaml', data: Buffer.from('apiVersion: v2\nname: inner\nversion: 1.0.0\n') },
          { name: 'inner/files/zeros', data: Buffer.alloc(4.9 * MiB) },
          { name: 'inner/files/zeros2', data: Buffer.alloc(4.9 * MiB) },
        ],
        0,
      ),
    );
    const entries = [{ name: 'nest/Chart.yaml', data: Buffer.from('apiVersion: v2\nname: nest\nversion: 1.0.0\n') }];
    for (let i = 0; i < 30; i++) entries.push({ name: `nest/charts/inner-${i}.tgz`, data: nested });
    const file = path.join(work, 'nest-1.0.0.tgz');
    await writeFile(file, gzipSync(writeTar(entries, 0)));
    assert.ok((await readFile(file)).length < 2 * MiB);
    const r = await exec(
      '/usr/bin/time',
      ['-f', 'maxrss=%M', process.execPath, CLI, 'chart', 'save', file, 'localhost:5000/x/nest:1.0.0'],
      {
        env: (await helmHome()).env,
      },
    );
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /unpacks to more than 104857600 bytes, nested archives included/);
    const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]) / 1024;
    assert.ok(rss < 256, `peak RSS ${rss.toFixed(0)} MiB`);
  });

  test('a file and a folder of one name (templates and templates/a.yaml): refused, nothing half-exported', async () => {
    const file = path.join(work, 'clash-1.0.0.tgz');
    await writeFile(
      file,
      gzipSync(
        writeTar(
          [
            { name: 'clash/Chart.yaml', data: Buffer.from('apiVersion: v2\nname: clash\nversion: 1.0.0\n') },
            { name: 'clash/templates', data: Buffer.from('a file\n') },
            { name: 'clash/templates/a.yaml', data: Buffer.from('kind: ConfigMap\n') },
          ],
          0,
        ),
      ),
    );
    const r = await runAction({ chart: file, ref: 'oci://localhost:5000/x', push: 'false', cache: path.join(work, 'clash-cache') });
    assert.equal(r.code, 1);
    assert.match(r.errors[0], /clash-1\.0\.0\.tgz: holds templates both as a file and as a folder/);
  });
});

describe('credentials go only where they belong', () => {
  test('an upload Location on another host gets no Authorization, and the push does not report that host', async () => {
    const other = await startHostileRegistry({ host: '127.0.0.2' });
    const reg = await startHostileRegistry({ basic: { user: 'u', password: 'l0cation-pw' } });
    reg.override = (req, res) => {
      if (req.method === 'POST' && req.url.includes('/blobs/uploads/')) {
        res.writeHead(202, { location: `${other.url}/v2/stolen/blobs/uploads/session-1` }).end();
        return true;
      }
      return false;
    };
    try {
      const r = await runAction(
        {
          chart: path.join(work, 'src', 'victim'),
          ref: `oci://${reg.host}/loc`,
          username: 'u',
          password: 'l0cation-pw',
          'plain-http': 'true',
        },
        { env: (await helmHome()).env },
      );
      assert.ok(other.requests.length > 0, `the upload went to the other host (${r.stdout})`);
      for (const q of other.requests) assert.equal(q.headers.authorization, undefined, `${q.method} ${q.url} carried credentials`);
    } finally {
      await Promise.all([reg.stop(), other.stop()]);
    }
  });

  test('an HTTPS registry whose token realm is plain HTTP: no credentials sent to the realm, one clear error', async () => {
    const tls = await makeTls();
    const realm = await startHostileRegistry();
    const reg = await startHostileRegistry({ tls: { cert: await readFile(tls.cert), key: await readFile(tls.key) } });
    reg.override = (req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm.url}/token",service="x"` }).end();
        return true;
      }
      return false;
    };
    try {
      const r = await runAction(
        { chart: path.join(work, 'src', 'victim'), ref: `oci://${reg.host}/realm`, username: 'u', password: 'r3alm-pw', 'ca-file': tls.ca },
        { env: (await helmHome()).env },
      );
      assert.equal(r.code, 1);
      assert.match(
        r.errors.join('\n'),
        /\(HTTPS\) names a plain-HTTP token realm, http:\/\/127\.0\.0\.1:\d+: credentials are not sent there/,
      );
      assert.equal(realm.requests.length, 0);
    } finally {
      await Promise.all([reg.stop(), realm.stop()]);
    }
  });

  test('a registry that echoes the credentials in its error: the mask is registered before the first request, the summary redacts them', async () => {
    const reg = await startHostileRegistry();
    reg.override = (req, res) => {
      const auth = req.headers.authorization ?? '';
      const decoded = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString();
      if (!auth) return (void res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end(), true);
      res.writeHead(500).end(`internal error for ${decoded} (${auth})`);
      return true;
    };
    const { env, registryConfig } = await helmHome();
    try {
      // Stored credentials (Helm's registry config), as a login in an earlier step leaves them.
      await mkdir(path.dirname(registryConfig), { recursive: true });
      const stored = Buffer.from('stored:st0red-secret').toString('base64');
      await writeFile(registryConfig, JSON.stringify({ auths: { [reg.host]: { auth: stored } } }));
      const r = await runAction(
        { chart: path.join(work, 'src', 'victim'), ref: `oci://${reg.host}/echo`, 'plain-http': 'true', retries: '0' },
        { env },
      );
      assert.equal(r.code, 1);
      const lines = r.stdout.split('\n');
      const firstLeak = lines.findIndex((l) => l.includes('st0red-secret') && !l.startsWith('::add-mask::'));
      const masked = lines.findIndex((l) => l === '::add-mask::st0red-secret');
      assert.ok(masked >= 0 && (firstLeak < 0 || masked < firstLeak), 'the stored password was masked before it could be printed');
      assert.ok(lines.includes(`::add-mask::${stored}`), 'and its Basic form');
      const summary = await readFile(r.summaryFile, 'utf8');
      assert.doesNotMatch(summary, /st0red-secret|c3RvcmVk/);
    } finally {
      await reg.stop();
    }
  });
});

describe('deadlines', () => {
  test('a token service that drips one byte every 2 s, with timeout 3 and retries 1, fails in bounded time', async () => {
    const reg = await startHostileRegistry();
    const timers: NodeJS.Timeout[] = [];
    reg.override = (req, res) => {
      if (req.url.startsWith('/token')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        timers.push(setInterval(() => !res.destroyed && res.write(' '), 2000));
        return true;
      }
      if (!req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${reg.url}/token",service="x"` }).end();
        return true;
      }
      return false;
    };
    try {
      const started = Date.now();
      const r = await runAction(
        { chart: path.join(work, 'src', 'victim'), ref: `oci://${reg.host}/drip`, 'plain-http': 'true', timeout: '3', retries: '1' },
        { env: (await helmHome()).env },
      );
      const seconds = (Date.now() - started) / 1000;
      assert.equal(r.code, 1);
      assert.match(r.errors.join('\n'), /did not answer in time/);
      assert.ok(seconds < 2 * 3 + 5, `took ${seconds.toFixed(1)} s`);
    } finally {
      for (const t of timers) clearInterval(t);
      await reg.stop();
    }
  });

  test('a registry that accepts connections and never answers fails within (retries + 1) × timeout plus backoff', async () => {
    const reg = await startHostileRegistry();
    reg.override = () => true; // never answers
    try {
      const started = Date.now();
      const r = await runAction(
        { chart: path.join(work, 'src', 'victim'), ref: `oci://${reg.host}/silent`, 'plain-http': 'true', timeout: '2', retries: '2' },
        { env: (await helmHome()).env },
      );
      const seconds = (Date.now() - started) / 1000;
      assert.equal(r.code, 1);
      assert.match(r.errors.join('\n'), /did not answer in time \(gave up after 3 attempts\)/);
      assert.ok(seconds < 3 * 2 + 4, `took ${seconds.toFixed(1)} s`);
    } finally {
      await reg.stop();
    }
  });
});

describe('racing runs and credential files', () => {
  let registry: Registry;
  before(async () => {
    registry = await startRegistry();
  });
  after(() => registry?.stop());

  test('another run writing the tag while this one uploads: met by if-exists before the write, never overwritten silently', async () => {
    const { env } = await helmHome();
    const src = path.join(work, 'src', 'victim');
    const other = await tree(path.join(work, 'racer', 'victim'), {
      'Chart.yaml': 'apiVersion: v2\nname: victim\nversion: 1.0.0\ndescription: the other run\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n',
    });
    // The other run is a front that, when this run starts uploading, publishes its own chart to the tag.
    const { startFaultyFront } = await import('../helpers/faulty-front.js');
    let raced = false;
    const front = await startFaultyFront(registry.url, {
      decide: () => undefined,
      intercept: async (req, _res, forward) => {
        if (!raced && req.method === 'POST' && req.url.includes('/blobs/uploads/')) {
          raced = true;
          const o = await runAction({ chart: other, ref: `oci://${registry.host}/race`, 'plain-http': 'true' }, { env });
          assert.equal(o.outputs.status, 'pushed', o.stdout);
        }
        void forward;
        return false;
      },
    });
    try {
      const r = await runAction({ chart: src, ref: `oci://${front.host}/race`, 'plain-http': 'true' }, { env });
      assert.ok(raced);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.errors.join('\n'), /race\/victim:1\.0\.0 already holds sha256:[0-9a-f]{64} .*Chart\.yaml differs: description/);
    } finally {
      await front.stop();
    }
  });

  test('another run writing the tag between this write and its read-back: reported, not "pushed"', async () => {
    const { env } = await helmHome();
    const src = path.join(work, 'src', 'victim');
    const other = await tree(path.join(work, 'racer2', 'victim'), {
      'Chart.yaml': 'apiVersion: v2\nname: victim\nversion: 1.0.0\ndescription: the late run\n',
    });
    const { startFaultyFront } = await import('../helpers/faulty-front.js');
    const front = await startFaultyFront(registry.url, {
      decide: () => undefined,
      intercept: async (req, res, forward) => {
        if (req.method !== 'PUT' || !req.url.includes('/manifests/')) return false;
        const up = await forward();
        const o = await runAction(
          { chart: other, ref: `oci://${registry.host}/late`, 'plain-http': 'true', 'if-exists': 'overwrite' },
          { env },
        );
        assert.equal(o.outputs.status, 'pushed', o.stdout);
        res.writeHead(up.status, up.headers).end(up.body);
        return true;
      },
    });
    try {
      const r = await runAction({ chart: src, ref: `oci://${front.host}/late`, 'plain-http': 'true' }, { env });
      assert.equal(r.code, 1, r.stdout);
      assert.match(
        r.errors.join('\n'),
        /late\/victim:1\.0\.0 was written by another run at the same time: it now holds sha256:[0-9a-f]{64}, not this build's/,
      );
    } finally {
      await front.stop();
    }
  });

  test('two logins to different hosts at once lose no entry (10 rounds, the CLI)', async () => {
    const a = await startHostileRegistry({ basic: { user: 'u', password: 'pa' } });
    const b = await startHostileRegistry({ basic: { user: 'u', password: 'pb' } });
    try {
      for (let round = 0; round < 10; round++) {
        const { env, registryConfig } = await helmHome();
        const login = (host: string, pw: string) =>
          exec(process.execPath, [CLI, 'registry', 'login', '-u', 'u', '--password-stdin', '--plain-http', host], { env, input: pw });
        const [x, y] = await Promise.all([login(a.host, 'pa'), login(b.host, 'pb')]);
        assert.equal(x.code + y.code, 0, x.stderr + y.stderr);
        const auths = JSON.parse(await readFile(registryConfig, 'utf8')).auths;
        assert.deepEqual(Object.keys(auths).sort(), [a.host, b.host].sort(), `round ${round}`);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  test('a temporary credential file left by a killed login is removed by the next write', async () => {
    const { env, registryConfig } = await helmHome();
    await mkdir(path.dirname(registryConfig), { recursive: true });
    const orphan = path.join(path.dirname(registryConfig), '.config.json.2147483646.0123456789ab.tmp');
    await writeFile(orphan, '{"auths":{"h":{"auth":"c2VjcmV0"}}}', { mode: 0o600 });
    const reg = await startHostileRegistry({ basic: { user: 'u', password: 'p' } });
    try {
      const r = await exec(process.execPath, [CLI, 'registry', 'login', '-u', 'u', '--password-stdin', '--plain-http', reg.host], {
        env,
        input: 'p',
      });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        (await readdir(path.dirname(registryConfig))).filter((f) => f.endsWith('.tmp')),
        [],
      );
    } finally {
      await reg.stop();
    }
  });
});
