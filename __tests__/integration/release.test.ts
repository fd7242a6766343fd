import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { readTgz } from '../helpers/tgz.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
let work: string;
let one: Registry;
let two: Registry;

async function chart(root: string, name: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = path.join(root, name);
  const files: Record<string, string> = {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
    'values.yaml': `greeting: hello from ${name}\n`,
    'templates/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-{{ .Chart.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
    ...extra,
  };
  for (const [f, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), body);
  }
  return dir;
}

before(async () => {
  work = await tempDir('chartlift-release-');
  [one, two] = await Promise.all([startRegistry(), startRegistry()]);
});
after(async () => Promise.all([one, two].map((r) => r?.stop())));

describe('many charts, many targets', () => {
  test('one step publishes a folder of 40 charts; Helm 4.1.4 pulls every one; the charts output lists all 40', async () => {
    const root = path.join(work, 'forty');
    for (let i = 0; i < 40; i++) await chart(root, `svc-${String(i).padStart(2, '0')}`);
    const { env, home } = await helmHome();
    const r = await runAction(
      { chart: `${root}/*`, ref: `oci://${one.host}/forty`, 'plain-http': 'true', cache: path.join(home, 'cache') },
      { env: { ...env, ...EPOCH } },
    );
    assert.equal(r.code, 0, r.stdout);
    const charts = JSON.parse(r.outputs.charts) as Array<{ name: string; status: string; digest: string; ref: string }>;
    assert.equal(charts.length, 40);
    assert.deepEqual(
      charts.map((c) => c.name),
      Array.from({ length: 40 }, (_, i) => `svc-${String(i).padStart(2, '0')}`),
    );
    assert.ok(charts.every((c) => c.status === 'pushed'));
    assert.equal(r.outputs.digest, undefined, 'no single-chart outputs for 40 charts');
    for (const c of charts) {
      const dest = path.join(home, 'pulled', c.name);
      await mkdir(dest, { recursive: true });
      const out = await exec(
        tool('helm4'),
        ['pull', `oci://${one.host}/forty/${c.name}`, '--version', '1.0.0', '--plain-http', '-d', dest],
        { env },
      );
      assert.equal(out.code, 0, out.stderr);
      assert.match(out.stdout + out.stderr, new RegExp(`Digest: ${c.digest}`));
      assert.deepEqual(await readdir(dest), [`${c.name}-1.0.0.tgz`]);
    }
  });

  test('one chart to two repositories of one registry (a cross-repository mount) and to a second registry (an upload)', async () => {
    const src = await chart(work, 'spread');
    const mark1 = one.mark();
    const mark2 = two.mark();
    const r = await runAction(
      {
        chart: src,
        ref: [`oci://${one.host}/team-a`, `oci://${one.host}/team-b`, `oci://${two.host}/mirror`].join('\n'),
        'plain-http': 'true',
        cache: path.join(work, 'spread-cache'),
      },
      { env: EPOCH },
    );
    assert.equal(r.code, 0, r.stdout);
    const charts = JSON.parse(r.outputs.charts);
    assert.deepEqual(
      charts[0].targets.map((t: { ref: string; status: string }) => [t.ref, t.status]),
      [
        [`${one.host}/team-a/spread:1.0.0`, 'pushed'],
        [`${one.host}/team-b/spread:1.0.0`, 'pushed'],
        [`${two.host}/mirror/spread:1.0.0`, 'pushed'],
      ],
    );
    const log1 = one.requests(mark1);
    const mounts = log1.filter(
      (l) => /^POST \/v2\/team-b\/spread\/blobs\/uploads\/\?.*mount=sha256/.test(l) && l.includes('from=team-a%2Fspread'),
    );
    assert.equal(mounts.length, 2, `config and chart mounted:\n${log1.join('\n')}`);
    assert.equal(log1.filter((l) => /^PUT \/v2\/team-b\/spread\/blobs\/uploads/.test(l)).length, 0, 'nothing uploaded to team-b');
    assert.equal(
      two.requests(mark2).filter((l) => /^PUT \/v2\/mirror\/spread\/blobs\/uploads/.test(l)).length,
      2,
      'uploaded to the second registry',
    );
    for (const t of charts[0].targets) assert.equal(t.digest, charts[0].digest, 'the same manifest everywhere');
  });

  test('one failing chart fails the step, the others still publish, and the log says which and why', async () => {
    const root = path.join(work, 'mixed');
    await chart(root, 'good-a');
    await chart(root, 'bad-b', { 'Chart.yaml': 'apiVersion: v2\nname: bad-b\nversion: one\n' });
    await chart(root, 'good-c');
    const r = await runAction(
      { chart: `${root}/*`, ref: `oci://${one.host}/mixed`, 'plain-http': 'true', cache: path.join(work, 'mixed-cache') },
      { env: EPOCH },
    );
    assert.notEqual(r.code, 0);
    // Every chart, the failed one too (its Chart.yaml could not be read: no name, its source and error).
    assert.deepEqual(
      JSON.parse(r.outputs.charts).map((c: { name: string; source: string; status: string }) => [
        c.name,
        path.basename(c.source),
        c.status,
      ]),
      [
        ['', 'bad-b', 'failed'],
        ['good-a', 'good-a', 'pushed'],
        ['good-c', 'good-c', 'pushed'],
      ],
    );
    assert.match(
      r.stdout,
      /::error::.*mixed\/bad-b: .*bad-b\/Chart\.yaml: version "one" is not a version Helm reads\. Use MAJOR\.MINOR\.PATCH/,
    );
    assert.match(r.stdout, /::error::1 of 3 charts failed: .*mixed\/bad-b \(see the errors above\)/);
    assert.equal((await fetchManifest(one, 'mixed/good-c', '1.0.0')).status, 200);
  });
});

describe('overrides, annotations, summary, provenance, legacy layer', () => {
  test('version (leading v dropped) and app-version overrides; annotations; GHCR source link; revision only when asked; the job summary', async () => {
    const src = await chart(work, 'annotated');
    const inputs = {
      chart: src,
      ref: `oci://${one.host}/ann`,
      'plain-http': 'true',
      version: 'v2.3.4',
      'app-version': '9.9',
      annotations: 'com.example/team=platform\norg.opencontainers.image.licenses=MIT\norg.opencontainers.image.revision=abc123',
      cache: path.join(work, 'ann-cache'),
    };
    const workflow = { ...EPOCH, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'example/charts', GITHUB_SHA: 'abc123' };
    const r = await runAction(inputs, { env: workflow });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.version, '2.3.4');
    assert.equal(r.outputs.ref, `${one.host}/ann/annotated:2.3.4`);
    const m = JSON.parse((await fetchManifest(one, 'ann/annotated', '2.3.4')).body.toString());
    assert.equal(m.annotations['org.opencontainers.image.version'], '2.3.4');
    assert.equal(m.annotations['org.opencontainers.image.source'], 'https://github.com/example/charts');
    assert.equal(m.annotations['org.opencontainers.image.revision'], 'abc123');
    assert.equal(m.annotations['com.example/team'], 'platform');
    assert.equal(m.annotations['org.opencontainers.image.licenses'], 'MIT');
    const config = JSON.parse(
      Buffer.from(await (await fetch(`${one.url}/v2/ann/annotated/blobs/${m.config.digest}`)).arrayBuffer()).toString(),
    );
    assert.equal(config.appVersion, '9.9');
    assert.equal(config.version, '2.3.4');
    const summary = await readFile(r.summaryFile, 'utf8');
    assert.match(summary, /<h3>Chartlift<\/h3>/);
    assert.match(
      summary,
      new RegExp(
        `<td>annotated 2\\.3\\.4</td><td><code>${one.host}/ann/annotated:2\\.3\\.4</code></td><td><code>${r.outputs.digest}</code></td><td>\\d+ B</td><td>pushed</td>`,
      ),
    );

    const again = await runAction(inputs, { env: workflow });
    assert.equal(again.outputs.status, 'unchanged', 'annotations are reproducible');
  });

  test('a .prov beside a packaged chart is pushed as the provenance layer and helm pull --prov gets it', async () => {
    const src = await chart(work, 'signed');
    const out = path.join(work, 'signed-pkg');
    await run(tool('helm3'), ['package', src, '-d', out]);
    const tgz = path.join(out, 'signed-1.0.0.tgz');
    const sum = createHash('sha256')
      .update(await readFile(tgz))
      .digest('hex');
    const prov = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\nname: signed\nversion: 1.0.0\n\n...\nfiles:\n  signed-1.0.0.tgz: sha256:${sum}\n-----BEGIN PGP SIGNATURE-----\n\nnot-a-real-signature\n-----END PGP SIGNATURE-----\n`;
    await writeFile(`${tgz}.prov`, prov);
    const r = await runAction(
      { chart: tgz, ref: `oci://${one.host}/prov`, 'plain-http': 'true', cache: path.join(work, 'prov-cache') },
      { env: EPOCH },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /pushed to remote \(2 layers, /);
    const m = JSON.parse((await fetchManifest(one, 'prov/signed', '1.0.0')).body.toString());
    assert.deepEqual(m.layers.map((l: { mediaType: string }) => l.mediaType).sort(), [
      'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
      'application/vnd.cncf.helm.chart.provenance.v1.prov',
    ]);
    const { env, home } = await helmHome();
    const dest = path.join(home, 'p');
    await mkdir(dest);
    await run(tool('helm4'), ['pull', `oci://${one.host}/prov/signed`, '--version', '1.0.0', '--prov', '--plain-http', '-d', dest], {
      env,
    });
    assert.equal(await readFile(path.join(dest, 'signed-1.0.0.tgz.prov'), 'utf8'), prov);
    assert.equal(
      createHash('sha256')
        .update(await readFile(path.join(dest, 'signed-1.0.0.tgz')))
        .digest('hex'),
      sum,
      'the archive is pushed as it is',
    );
  });

  test('layer-media-type: legacy writes application/tar+gzip, which Helm 3.17 still pulls', async () => {
    const src = await chart(work, 'oldstyle');
    const r = await runAction(
      {
        chart: src,
        ref: `oci://${one.host}/legacy`,
        'plain-http': 'true',
        'layer-media-type': 'legacy',
        cache: path.join(work, 'legacy-cache'),
      },
      { env: EPOCH },
    );
    assert.equal(r.code, 0, r.stdout);
    const m = JSON.parse((await fetchManifest(one, 'legacy/oldstyle', '1.0.0')).body.toString());
    assert.equal(m.layers[0].mediaType, 'application/tar+gzip');
    const { env, home } = await helmHome();
    await run(tool('helm3'), ['pull', `oci://${one.host}/legacy/oldstyle`, '--version', '1.0.0', '--plain-http', '-d', home], { env });
    assert.ok((await readdir(home)).includes('oldstyle-1.0.0.tgz'));
  });
});

describe('dependencies', () => {
  test('an OCI dependency, an index.yaml dependency and one only helm can resolve (@alias) are vendored: the archive renders as helm dependency build && helm package', async () => {
    // The OCI dependency: published to the local registry by helm itself.
    const { env, home } = await helmHome();
    const depSrc = await chart(work, 'ocidep');
    await run(tool('helm3'), ['package', depSrc, '-d', path.join(work, 'ocidep-pkg')], { env });
    await run(tool('helm3'), ['push', path.join(work, 'ocidep-pkg', 'ocidep-1.0.0.tgz'), `oci://${one.host}/deps`, '--plain-http'], {
      env,
    });
    // The index.yaml dependency: a classic chart repository served on loopback.
    const repoDir = path.join(work, 'repo');
    await mkdir(repoDir);
    for (const v of ['1.0.0', '1.1.0', '2.0.0']) {
      const c = await chart(path.join(work, `idx-${v}`), 'idxdep', {
        'Chart.yaml': `apiVersion: v2\nname: idxdep\nversion: ${v}\n`,
        'values.yaml': `greeting: index ${v}\n`,
      });
      await run(tool('helm3'), ['package', c, '-d', repoDir], { env });
    }
    await run(tool('helm3'), ['package', await chart(work, 'viahelm'), '-d', repoDir], { env });
    const server = http.createServer(async (req, res) => {
      try {
        res.writeHead(200).end(await readFile(path.join(repoDir, path.basename(req.url ?? ''))));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const repoUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await run(tool('helm3'), ['repo', 'index', repoDir, '--url', repoUrl], { env });
    try {
      const parent = await chart(work, 'parent', {
        'Chart.yaml': `apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n  - name: ocidep\n    version: "^1.0.0"\n    repository: oci://${one.host}/deps\n  - name: idxdep\n    version: "~1.0.0 || ^1.1.0"\n    repository: ${repoUrl}\n    alias: indexed\n  - name: viahelm\n    version: 1.0.0\n    repository: "@local"\n`,
        'values.yaml': 'indexed:\n  greeting: overridden by the parent\n',
      });
      const viaHelm = path.join(work, 'parent-helm');
      await cp(parent, viaHelm, { recursive: true });
      await run(tool('helm3'), ['repo', 'add', 'local', repoUrl], { env });
      await run(tool('helm3'), ['dependency', 'build', viaHelm, '--plain-http'], { env });
      await run(tool('helm3'), ['package', viaHelm, '-d', path.join(work, 'parent-helm-pkg')], { env });
      const helmTgz = path.join(work, 'parent-helm-pkg', 'parent-1.0.0.tgz');

      const r = await runAction(
        { chart: parent, ref: `oci://${one.host}/apps`, 'plain-http': 'true', cache: path.join(home, 'cache') },
        // "@local" names a repository added with helm repo add: only helm resolves it, so the helm on PATH does.
        { env: { ...env, ...EPOCH, PATH: `${path.dirname(tool('helm3'))}:${env.PATH}` } },
      );
      assert.equal(r.code, 0, r.stdout);
      assert.match(r.stdout, /dependency ocidep 1\.0\.0 vendored from oci:\/\//);
      assert.match(r.stdout, /dependency idxdep 1\.1\.0 vendored from http:\/\//);
      assert.match(r.stdout, /dependency viahelm 1\.0\.0 vendored from @local/);
      const ours = Buffer.from(await (await fetch(`${one.url}/v2/apps/parent/blobs/${r.outputs['chart-digest']}`)).arrayBuffer());
      const ourTgz = path.join(work, 'parent-ours.tgz');
      await writeFile(ourTgz, ours);
      // helm dependency build also writes a Chart.lock (a timestamp and helm's hash) into the chart;
      // Chartlift vendors in memory and invents no lock file. Every other file is there.
      const theirs = (await readTgz(await readFile(helmTgz))).map((e) => e.name).filter((n) => n !== 'parent/Chart.lock');
      assert.deepEqual((await readTgz(ours)).map((e) => e.name).sort(), theirs.sort());
      const expected = await run(tool('helm3'), ['template', 'rel', helmTgz], { env });
      assert.match(expected, /overridden by the parent/);
      assert.equal(await run(tool('helm3'), ['template', 'rel', ourTgz], { env }), expected);
      assert.deepEqual(
        await readdir(path.join(parent)),
        ['Chart.yaml', 'templates', 'values.yaml'],
        'nothing written into the chart folder',
      );
    } finally {
      server.close();
    }
  });
});
