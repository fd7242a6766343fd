import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { writeTar } from '../../src/chart/tar-writer.js';
import { sha256 } from '../../src/oci/digest.js';
import { craftedAtTag } from '../helpers/crafted-at-tag.js';
import { CLI } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { actionMeasured, cliMeasured } from '../helpers/measured.js';
import { tool } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

// Budgets that bound what one pull, one comparison or one chart may cost, whatever the registry or
// the archive says: layers, bytes fetched, bytes inflated, YAML nodes. Each case is measured: no
// Chartlift process passes 256 MiB of peak resident memory.
const MiB = 1024 * 1024;
const PROV = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
let work: string;
let victim: string;
let env: NodeJS.ProcessEnv;
let reg: HostileRegistry;

const config = (name: string, version = '1.0.0') => Buffer.from(JSON.stringify({ name, version, apiVersion: 'v2' }));
const tgz = (entries: Array<{ name: string; data: Buffer | string }>, after = Buffer.alloc(0)) =>
  gzipSync(
    Buffer.concat([
      writeTar(
        entries.map((e) => ({ name: e.name, data: Buffer.from(e.data) })),
        0,
      ),
      after,
    ]),
  );

before(async () => {
  work = await tempDir('chartlift-budgets-');
  victim = await tree(path.join(work, 'src', 'victim'), {
    'Chart.yaml': 'apiVersion: v2\nname: victim\nversion: 1.0.0\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v\n',
  });
  env = (await helmHome()).env;
  reg = await startHostileRegistry();
});
after(() => reg.stop());

/** The action run again on the victim against the crafted tag: refused, the reason named, memory bounded. */
async function compareAgainst(ref: string, says: RegExp): Promise<void> {
  const r = await actionMeasured({ chart: victim, ref, 'plain-http': 'true' }, { env });
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.errors.join('\n'), says);
  assert.ok(r.rssMiB < 256, `action: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
}

describe('one budget per pull: layers and bytes', () => {
  test('40 provenance layers naming one 100 MiB blob: refused from the manifest, nothing fetched, bounded memory', async () => {
    const big = Buffer.alloc(100 * MiB, 0x61);
    const bigDigest = sha256(big);
    reg.blobs.set(bigDigest, big);
    const { manifest } = plantChart(
      reg,
      'layers/many',
      '1.0.0',
      config('victim'),
      tgz([{ name: 'victim/Chart.yaml', data: 'name: victim\nversion: 1.0.0\n' }]),
    );
    const m = JSON.parse(manifest.toString()) as { layers: unknown[] };
    for (let i = 0; i < 40; i++) m.layers.push({ mediaType: PROV, digest: bigDigest, size: big.length });
    reg.manifests.set('layers/many:1.0.0', Buffer.from(JSON.stringify(m)));
    const r = await cliMeasured(['chart', 'pull', `${reg.host}/layers/many:1.0.0`, '--plain-http'], env);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /the manifest lists 41 layers; a chart has one chart layer and at most one provenance layer/);
    assert.ok(!reg.requests.some((q) => q.url.includes(bigDigest)), 'the large blob was never asked for');
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  });

  test('two provenance layers, or 20,000 layers in a 3 MB manifest: refused clearly', async () => {
    const chart = tgz([{ name: 'victim/Chart.yaml', data: 'name: victim\nversion: 1.0.0\n' }]);
    const prov = Buffer.from('not signed');
    reg.blobs.set(sha256(prov), prov);
    for (const [repo, count, says] of [
      ['layers/twoprov', 2, /the manifest lists 3 layers; a chart has one chart layer and at most one provenance layer/],
      ['layers/twenty', 20_000, /the manifest holds more than 10000 JSON values: no chart manifest does/],
    ] as const) {
      const { manifest } = plantChart(reg, repo, '1.0.0', config('victim'), chart);
      const m = JSON.parse(manifest.toString()) as { layers: unknown[] };
      for (let i = 0; i < count; i++) m.layers.push({ mediaType: PROV, digest: sha256(prov), size: prov.length });
      reg.manifests.set(`${repo}:1.0.0`, Buffer.from(JSON.stringify(m)));
      const r = await cliMeasured(['chart', 'pull', `${reg.host}/${repo}:1.0.0`, '--plain-http'], env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, says);
      assert.ok(r.rssMiB < 256, `${repo}: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    }
  });

  test('a chart layer described as 120 MiB (under the per-blob limit): over the pull budget, refused before it is fetched', async () => {
    const big = Buffer.alloc(120 * MiB);
    plantChart(reg, 'layers/big', '1.0.0', config('victim'), big);
    const r = await cliMeasured(['chart', 'pull', `${reg.host}/layers/big:1.0.0`, '--plain-http'], env);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /its blobs add up to more than 106954752 bytes/);
    assert.ok(!reg.requests.some((q) => q.url.includes(sha256(big))), 'the layer was never asked for');
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  });
});

describe('every inflated byte counts: tar padding and data after the end of the archive', () => {
  let padded: Buffer;
  before(() => {
    // 30 subcharts, each a tiny tar followed by ~98 MiB of zeros (its gzip is ~100 KB).
    const sub = tgz([{ name: 'sub/Chart.yaml', data: 'apiVersion: v2\nname: sub\nversion: 1.0.0\n' }], Buffer.alloc(98 * MiB));
    const entries = [{ name: 'victim/Chart.yaml', data: Buffer.from('apiVersion: v2\nname: victim\nversion: 1.0.0\n') }];
    for (let i = 0; i < 30; i++) entries.push({ name: `victim/charts/sub-${i}.tgz`, data: sub });
    padded = tgz(entries);
    assert.ok(padded.length < 5 * MiB);
  });

  test('chart save: 30 subcharts padded to 98 MiB each are refused as over 100 MiB, bounded memory', async () => {
    const file = path.join(work, 'padded-1.0.0.tgz');
    await writeFile(file, padded);
    const r = await cliMeasured(['chart', 'save', file, 'localhost:5000/x/victim:1.0.0'], env);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /unpacks to more than 104857600 bytes, nested archives included/);
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  });

  test('the action\'s "same chart?" comparison with that archive at the tag: not the same, bounded memory', async () => {
    const ref = await craftedAtTag(reg, victim, env, 'padded', padded);
    await compareAgainst(ref, /unpacks to more than 104857600 bytes/);
  });
});

describe('one reading of an archive: names cleaned as Helm cleans them, duplicates refused', () => {
  const chartYaml = (says: string) => `apiVersion: v2\nname: x\nversion: 1.0.0\ndescription: ${says}\n`;
  const cm = (says: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  says: ${says}\n`;
  const fromChart = cm('{{ .Chart.Description }}');
  const cases: Array<[string, Array<{ name: string; data: string }>, RegExp]> = [
    [
      'Chart.yaml twice',
      [
        { name: 'x/Chart.yaml', data: chartYaml('benign') },
        { name: 'x/templates/cm.yaml', data: fromChart },
        { name: 'x/Chart.yaml', data: chartYaml('evil') },
      ],
      /holds Chart\.yaml twice \("x\/Chart\.yaml" and "x\/Chart\.yaml"\)/,
    ],
    [
      'x/./Chart.yaml beside x/Chart.yaml',
      [
        { name: 'x/Chart.yaml', data: chartYaml('benign') },
        { name: 'x/templates/cm.yaml', data: fromChart },
        { name: 'x/./Chart.yaml', data: chartYaml('evil') },
      ],
      /holds Chart\.yaml twice \("x\/Chart\.yaml" and "x\/\.\/Chart\.yaml"\)/,
    ],
    [
      'x/./templates/cm.yaml beside x/templates/cm.yaml',
      [
        { name: 'x/Chart.yaml', data: chartYaml('a chart') },
        { name: 'x/templates/cm.yaml', data: cm('benign') },
        { name: 'x/./templates//cm.yaml', data: cm('evil') },
      ],
      /holds templates\/cm\.yaml twice \("x\/templates\/cm\.yaml" and "x\/\.\/templates\/\/cm\.yaml"\)/,
    ],
  ];

  for (const [name, entries, says] of cases) {
    test(`${name}: helm renders the last one; chart save refuses, naming the archive and the path`, async () => {
      const file = path.join(work, `dup-${name.replace(/[^a-z]/gi, '')}`, 'x-1.0.0.tgz');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, tgz(entries));
      const rendered = await run(tool('helm4'), ['template', 'rel', file], { env });
      assert.match(rendered, /says: evil/, 'helm reads the last entry');
      assert.doesNotMatch(rendered, /says: benign/);
      const r = await cliMeasured(['chart', 'save', file, 'localhost:5000/x/x:1.0.0'], env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, new RegExp(`x-1\\.0\\.0\\.tgz: ${says.source}`));
      assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    });
  }

  test("pulled from a registry: export refuses it and writes nothing; the action's comparison refuses it too", async () => {
    const dup = tgz([
      { name: 'victim/Chart.yaml', data: 'apiVersion: v2\nname: victim\nversion: 1.0.0\n' },
      { name: 'victim/templates/cm.yaml', data: cm('benign') },
      { name: 'victim/./templates/cm.yaml', data: cm('evil') },
    ]);
    plantChart(reg, 'dup/victim', '1.0.0', config('victim'), dup);
    const { env: own } = await helmHome();
    const pulled = await exec(process.execPath, [CLI, 'chart', 'pull', `${reg.host}/dup/victim:1.0.0`, '--plain-http'], { env: own });
    assert.equal(pulled.code, 0, pulled.stderr);
    const out = path.join(work, 'dup-export');
    const r = await cliMeasured(['chart', 'export', `${reg.host}/dup/victim:1.0.0`, '-d', out], own);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /victim 1\.0\.0: holds templates\/cm\.yaml twice/);
    assert.ok(!existsSync(path.join(out, 'victim')) || (await readdir(path.join(out, 'victim'))).length === 0, 'nothing exported');
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    await compareAgainst(await craftedAtTag(reg, victim, env, 'dupcmp', dup), /holds templates\/cm\.yaml twice/);
  });

  test('hello/templates (a file) beside hello/./templates/a.yaml: refused at load, nothing exported', async () => {
    const clash = tgz([
      { name: 'hello/Chart.yaml', data: 'apiVersion: v2\nname: hello\nversion: 1.0.0\n' },
      { name: 'hello/templates', data: 'a file\n' },
      { name: 'hello/./templates/a.yaml', data: cm('a') },
    ]);
    const file = path.join(work, 'hello-1.0.0.tgz');
    await writeFile(file, clash);
    const saved = await exec(process.execPath, [CLI, 'chart', 'save', file, 'localhost:5000/x/hello:1.0.0'], { env });
    assert.equal(saved.code, 1, saved.stdout);
    assert.match(saved.stderr, /hello-1\.0\.0\.tgz: holds templates both as a file and as a folder/);
    plantChart(reg, 'clash/hello', '1.0.0', config('hello'), clash);
    const { env: own } = await helmHome();
    const pulled = await exec(process.execPath, [CLI, 'chart', 'pull', `${reg.host}/clash/hello:1.0.0`, '--plain-http'], { env: own });
    assert.equal(pulled.code, 0, pulled.stderr);
    const out = path.join(work, 'clash-export');
    const r = await exec(process.execPath, [CLI, 'chart', 'export', `${reg.host}/clash/hello:1.0.0`, '-d', out], { env: own });
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /hello 1\.0\.0: holds templates both as a file and as a folder/);
    assert.doesNotMatch(r.stderr, /EEXIST/);
    assert.ok(!existsSync(path.join(out, 'hello')) || (await readdir(path.join(out, 'hello'))).length === 0, 'nothing exported');
  });
});

describe('YAML from outside is read within bounds', () => {
  // 5 MiB of `a: [1,1,1,…]`: 2.6 million nodes, 5 KB compressed.
  const hugeValues = () =>
    `a: [${Array(Math.floor((5 * MiB - 10) / 2))
      .fill('1')
      .join(',')}]\n`;

  test('chart save: a 5 MiB values.yaml of 2.6 million nodes is refused clearly, in bounded memory', async () => {
    const file = path.join(work, 'values-1.0.0.tgz');
    await writeFile(
      file,
      tgz([
        { name: 'values/Chart.yaml', data: 'apiVersion: v2\nname: values\nversion: 1.0.0\n' },
        { name: 'values/values.yaml', data: hugeValues() },
      ]),
    );
    const started = Date.now();
    const r = await cliMeasured(['chart', 'save', file, 'localhost:5000/x/values:1.0.0'], env);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /values\.yaml: too large to check: it holds more than 50000 YAML nodes/);
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    console.log(`5 MiB values: ${Date.now() - started} ms, peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  });

  test('values of 40,000 nodes (under the bound) are checked and saved in bounded memory', async () => {
    const dir = await tree(path.join(work, 'src', 'bigvalues'), {
      'Chart.yaml': 'apiVersion: v2\nname: bigvalues\nversion: 1.0.0\n',
      'values.yaml': `list:\n${'  - {name: item, port: 80}\n'.repeat(6600)}`,
    });
    const { env: own } = await helmHome();
    const r = await cliMeasured(['chart', 'save', dir, 'localhost:5000/x/bigvalues:1.0.0'], own);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  });

  test("the action's comparison with a chart of 18 subcharts each holding such values: refused clearly, bounded memory", async () => {
    const values = hugeValues();
    const entries = [{ name: 'victim/Chart.yaml', data: 'apiVersion: v2\nname: victim\nversion: 1.0.0\n' }];
    for (let i = 0; i < 18; i++) {
      entries.push({ name: `victim/charts/s${i}/Chart.yaml`, data: `apiVersion: v2\nname: s${i}\nversion: 1.0.0\n` });
      entries.push({ name: `victim/charts/s${i}/values.yaml`, data: values });
    }
    const layer = tgz(entries);
    assert.ok(layer.length < 300 * 1024);
    await compareAgainst(await craftedAtTag(reg, victim, env, 'values', layer), /too large to check: it holds more than 50000 YAML nodes/);
  });

  test('JSON too: a 5 MiB values.schema.json of 1.7 million values, a 4 MiB manifest of 1.4 million: refused clearly, bounded memory', async () => {
    const file = path.join(work, 'schema-1.0.0.tgz');
    await writeFile(
      file,
      tgz([
        { name: 'schema/Chart.yaml', data: 'apiVersion: v2\nname: schema\nversion: 1.0.0\n' },
        {
          name: 'schema/values.schema.json',
          data: `{"a":[${Array(Math.floor((5 * MiB - 20) / 3))
            .fill('{}')
            .join(',')}]}`,
        },
      ]),
    );
    const saved = await cliMeasured(['chart', 'save', file, 'localhost:5000/x/schema:1.0.0'], env);
    assert.equal(saved.code, 1, saved.stdout);
    assert.match(saved.stderr, /values\.schema\.json: too large to check: it holds more than 500000 JSON values/);
    assert.ok(saved.rssMiB < 256, `chart save: peak RSS ${saved.rssMiB.toFixed(0)} MiB`);

    const { manifest } = plantChart(
      reg,
      'json/victim',
      '1.0.0',
      config('victim'),
      tgz([{ name: 'victim/Chart.yaml', data: 'name: victim\n' }]),
    );
    const m = JSON.parse(manifest.toString()) as Record<string, unknown>;
    m.padding = Array(1_300_000).fill({});
    reg.manifests.set('json/victim:1.0.0', Buffer.from(JSON.stringify(m)));
    const pulled = await cliMeasured(['chart', 'pull', `${reg.host}/json/victim:1.0.0`, '--plain-http'], env);
    assert.equal(pulled.code, 1, pulled.stdout);
    assert.match(pulled.stderr, /the manifest holds more than 10000 JSON values: no chart manifest does/);
    assert.ok(pulled.rssMiB < 256, `chart pull: peak RSS ${pulled.rssMiB.toFixed(0)} MiB`);
  });

  test('an OCI dependency whose registry lists 16 MiB of tags a page: refused clearly, bounded memory', async () => {
    const tags: string[] = [];
    for (let size = 0, i = 0; size < 16 * MiB - 1024; i++) {
      tags.push(`0.0.${i}`);
      size += tags[tags.length - 1].length + 3;
    }
    const page = Buffer.from(JSON.stringify({ name: 'deps/wanted', tags }));
    reg.override = (req, res) => {
      if (!req.url.includes('/tags/list')) return false;
      res.writeHead(200, { 'content-type': 'application/json', link: `<${req.url}>; rel="next"` }).end(page);
      return true;
    };
    try {
      const dir = await tree(path.join(work, 'src', 'deptags'), {
        'Chart.yaml': `apiVersion: v2\nname: deptags\nversion: 1.0.0\ndependencies:\n  - name: wanted\n    version: ^1.0.0\n    repository: oci://${reg.host}/deps\n`,
      });
      const r = await actionMeasured({ chart: dir, ref: `oci://${reg.host}/apps`, 'plain-http': 'true', push: 'false' }, { env });
      assert.equal(r.code, 1, r.stdout);
      assert.match(
        r.errors.join('\n'),
        /the tag list of 127\.0\.0\.1:\d+\/deps\/wanted holds more than 20000 JSON values: more than a page of tags holds/,
      );
      assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    } finally {
      reg.override = undefined;
    }
  });

  test('a dependency repository whose index.yaml is 20 MB, or 6 MB of 300,000 nodes: refused clearly, bounded memory', async () => {
    const entry = (i: number) => `  - version: 0.0.${i}\n    urls: [x-0.0.${i}.tgz]\n`;
    const big = (bytes: number) => {
      const lines: string[] = ['apiVersion: v1\nentries:\n  other:\n'];
      let size = 0;
      for (let i = 0; size < bytes; i++) {
        lines.push(entry(i));
        size += lines[lines.length - 1].length;
      }
      return lines.join('');
    };
    const indexes: Record<string, string> = { '/huge/index.yaml': big(20 * 1000 * 1000), '/nodes/index.yaml': big(6 * 1000 * 1000) };
    const server = http.createServer((req, res) => {
      const body = indexes[req.url ?? ''];
      if (body) res.writeHead(200).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const [repo, says] of [
        ['huge', /index\.yaml is larger than the 8388608-byte bound/],
        ['nodes', /index\.yaml holds more than 100000 YAML nodes/],
      ] as const) {
        const dir = await tree(path.join(work, 'src', `dep-${repo}`), {
          'Chart.yaml': `apiVersion: v2\nname: dep${repo}\nversion: 1.0.0\ndependencies:\n  - name: wanted\n    version: 1.0.0\n    repository: ${base}/${repo}\n`,
        });
        const r = await cliMeasured(['chart', 'save', dir, `localhost:5000/x/dep${repo}:1.0.0`], env);
        assert.equal(r.code, 1, r.stdout);
        assert.match(r.stderr, says);
        assert.doesNotMatch(r.stderr, /::error::|internal error|at .*\.js:\d+/);
        assert.ok(r.rssMiB < 256, `${repo}: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
      }
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('one budget for all the dependencies of a chart', () => {
  test('three OCI dependencies of 40 MiB each (120 MiB together): refused at the third, before it is fetched, bounded memory', async () => {
    const { randomBytes } = await import('node:crypto');
    const deps = await startHostileRegistry();
    const layers = new Map<string, Buffer>();
    for (let d = 0; d < 3; d++) {
      const name = `dep${d}`;
      const entries = [{ name: `${name}/Chart.yaml`, data: Buffer.from(`apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`) }];
      for (let i = 0; i < 8; i++) entries.push({ name: `${name}/files/f${i}`, data: randomBytes(5 * MiB) });
      const layer = gzipSync(writeTar(entries, 0), { level: 1 });
      layers.set(sha256(layer), layer);
      plantChart(deps, `deps/${name}`, '1.0.0', config(name), layer);
    }
    const fetched: string[] = [];
    deps.override = (req, res) => {
      if (req.url.includes('/tags/list'))
        return (void res.writeHead(200, { 'content-type': 'application/json' }).end('{"tags":["1.0.0"]}'), true);
      const digest = /\/blobs\/(sha256:[0-9a-f]{64})$/.exec(req.url)?.[1];
      if (req.method === 'GET' && digest && layers.has(digest)) fetched.push(req.url.split('/')[3]);
      return false;
    };
    try {
      const top = await tree(path.join(work, 'three-deps', 'top'), {
        'Chart.yaml':
          'apiVersion: v2\nname: top\nversion: 1.0.0\ndependencies:\n' +
          [0, 1, 2].map((d) => `- name: dep${d}\n  version: 1.0.0\n  repository: oci://${deps.host}/deps\n`).join(''),
        'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v\n',
      });
      const r = await actionMeasured({ chart: top, ref: `oci://${deps.host}/apps`, 'plain-http': 'true', push: 'false' }, { env });
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.errors.join('\n'), /dependency "dep2" .*could not be vendored: .*its blobs add up to more than \d+ bytes/);
      assert.deepEqual(fetched, ['dep0', 'dep1'], 'the third dependency was fetched');
      assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    } finally {
      await deps.stop();
    }
  });
});
