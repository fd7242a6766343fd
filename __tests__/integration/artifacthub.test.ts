import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction, type ActionRun } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { fetchBlob, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Artifact Hub's repository metadata and annotations, published by the action to a real registry
// (Debian's docker-registry): the artifacthub.io tag as Artifact Hub reads it (internal/repo/manager.go
// GetMetadata pulls that tag and takes the layer of its media type).
const LAYER = 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml';
const CONFIG = 'application/vnd.cncf.artifacthub.config.v1+yaml';
const EMPTY = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const REPO_YML = `repositoryID: 5f2a7c1e-0b3d-4e59-8a6f-2c1d9e8b7a60
owners:
  - name: user1
    email: user1@email.com
`;

let work: string;
let registry: Registry;
let n = 0;

before(async () => {
  work = await tempDir('chartlift-artifacthub-');
  registry = await startRegistry();
});
after(async () => {
  await registry?.stop();
});

async function chartDir(name: string, annotations = ''): Promise<string> {
  const dir = path.join(work, `${name}-${++n}`);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(
    path.join(dir, 'Chart.yaml'),
    `apiVersion: v2\nname: ${name}\nversion: 1.0.${n}\ndescription: test\n${annotations ? `annotations:\n${annotations}` : ''}`,
  );
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  return dir;
}

async function publish(chart: string, extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  const home = await tempDir('chartlift-artifacthub-home-');
  return runAction(
    { chart, ref: `oci://${registry.host}/charts`, 'plain-http': 'true', cache: path.join(home, 'cache'), ...extra },
    { env: { HOME: home, GITHUB_WORKSPACE: work, ...env } },
  );
}

const writes = (lines: string[]) => lines.filter((l) => /^(PUT|POST|PATCH|DELETE) /.test(l));

async function metadataAt(repo: string): Promise<{
  manifest: Record<string, unknown> & {
    config: { mediaType: string; digest: string; size: number };
    layers: Array<{ mediaType: string; digest: string }>;
  };
  digest: string | null;
  layer: Buffer;
  config: Buffer;
}> {
  const got = await fetchManifest(registry, repo, 'artifacthub.io');
  assert.equal(got.status, 200, `${repo}:artifacthub.io exists`);
  const manifest = JSON.parse(got.body.toString());
  return {
    manifest,
    digest: got.digest,
    layer: await fetchBlob(registry, repo, manifest.layers[0].digest),
    config: await fetchBlob(registry, repo, manifest.config.digest),
  };
}

describe('repository metadata: the artifacthub.io tag', () => {
  test("holds Artifact Hub's manifest with the file's bytes; a second run writes nothing; a changed file replaces it", async () => {
    const chart = await chartDir('hubchart');
    const file = path.join(chart, 'artifacthub-repo.yml');
    await writeFile(file, REPO_YML);
    const first = await publish(chart);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const repo = `charts/hubchart`;
    const got = await metadataAt(repo);
    assert.equal(got.manifest.config.mediaType, CONFIG);
    assert.equal(got.manifest.config.digest, EMPTY);
    assert.equal(got.manifest.config.size, 0);
    assert.equal(got.config.length, 0);
    assert.equal(got.manifest.layers.length, 1, 'one layer');
    assert.equal(got.manifest.layers[0].mediaType, LAYER);
    assert.deepEqual(got.layer, await readFile(file), "the layer is the file's bytes");
    assert.equal(first.outputs['artifacthub-digest'], got.digest);
    assert.match(first.stdout, /artifacthub\.io: pushed to remote/);
    assert.match(
      await readFile(first.summaryFile, 'utf8'),
      /Artifact Hub metadata: <code>[^<]+\/charts\/hubchart:artifacthub\.io<\/code> pushed/,
    );
    // skopeo (containers/image, an independent reader) sees the same manifest under the tag.
    const raw = await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${registry.host}/${repo}:artifacthub.io`]);
    assert.equal(`sha256:${createHash('sha256').update(raw).digest('hex')}`, got.digest);

    const mark = registry.mark();
    const second = await publish(chart, { 'if-exists': 'skip' });
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.deepEqual(writes(registry.requests(mark)), [], 'the second run writes nothing');
    assert.equal(second.outputs['artifacthub-digest'], got.digest);
    assert.match(second.stdout, /artifacthub\.io: unchanged/);

    const changed = REPO_YML.replace('user1', 'user2');
    await writeFile(file, changed);
    const third = await publish(chart, { 'if-exists': 'skip' });
    assert.equal(third.code, 0, third.stdout + third.stderr);
    const now = await metadataAt(repo);
    assert.notEqual(now.digest, got.digest);
    assert.equal(third.outputs['artifacthub-digest'], now.digest);
    assert.equal(now.layer.toString(), changed, 'the changed file replaced it');
  });

  test('the same file pushed by oras (its manifest stamped with a time) is unchanged: nothing is written', async () => {
    const chart = await chartDir('orased');
    await writeFile(path.join(chart, 'artifacthub-repo.yml'), REPO_YML);
    const repo = 'charts/orased';
    const layerDigest = `sha256:${createHash('sha256').update(REPO_YML).digest('hex')}`;
    for (const [digest, body] of [
      [EMPTY, Buffer.alloc(0)],
      [layerDigest, Buffer.from(REPO_YML)],
    ] as const) {
      const start = await fetch(`${registry.url}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
      const location = new URL(start.headers.get('location')!, registry.url);
      location.searchParams.set('digest', digest);
      const put = await fetch(location, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(put.status, 201);
    }
    const oras = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: CONFIG, digest: EMPTY, size: 0 },
      layers: [
        {
          mediaType: LAYER,
          digest: layerDigest,
          size: REPO_YML.length,
          annotations: { 'org.opencontainers.image.title': 'artifacthub-repo.yml' },
        },
      ],
      annotations: { 'org.opencontainers.image.created': '2024-05-01T10:00:00Z' },
    });
    const put = await fetch(`${registry.url}/v2/${repo}/manifests/artifacthub.io`, {
      method: 'PUT',
      body: oras,
      headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    });
    assert.equal(put.status, 201);
    const theirs = put.headers.get('docker-content-digest');
    const mark = registry.mark();
    const r = await publish(chart);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(
      writes(registry.requests(mark)).filter((l) => l.includes('artifacthub.io')),
      [],
      'the tag is not written again',
    );
    assert.equal(r.outputs['artifacthub-digest'], theirs);
  });

  test('the artifacthub-repo input serves every chart: each repository gets the tag', async () => {
    const file = path.join(work, 'shared-artifacthub-repo.yml');
    await writeFile(file, REPO_YML);
    const a = await chartDir('shared-a');
    const b = await chartDir('shared-b');
    const r = await publish(`${a}\n${b}`, { 'artifacthub-repo': file });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    for (const repo of ['charts/shared-a', 'charts/shared-b']) assert.deepEqual((await metadataAt(repo)).layer, Buffer.from(REPO_YML));
    const charts = JSON.parse(r.outputs.charts) as Array<{ 'artifacthub-digest': string }>;
    assert.equal(charts.length, 2);
    assert.equal(charts[0]['artifacthub-digest'], charts[1]['artifacthub-digest'], 'the same file, the same manifest');
  });

  test('an invalid artifacthub-repo.yml fails the chart before anything is pushed, naming the file and what is wrong', async () => {
    const chart = await chartDir('badrepo');
    await writeFile(path.join(chart, 'artifacthub-repo.yml'), 'repositoryID: not-a-uuid\nowners:\n  - name: someone\n');
    const r = await publish(chart);
    assert.notEqual(r.code, 0);
    const error = r.errors.join('\n');
    assert.match(error, /badrepo-\d+\/artifacthub-repo\.yml: is not valid Artifact Hub repository metadata/);
    assert.match(error, /repositoryID: "not-a-uuid" is not a UUID/);
    assert.match(error, /owners\[0\]: no email/);
    assert.equal((await fetchManifest(registry, 'charts/badrepo', `1.0.${n}`)).status, 404, 'the chart was not pushed');
  });

  test('checked when nothing is pushed too (push: false)', async () => {
    const chart = await chartDir('savedbad');
    await writeFile(path.join(chart, 'artifacthub-repo.yml'), 'repositoryID: 5f2a7c1e-0b3d-4e59-8a6f-2c1d9e8b7a60\nowner:\n  - name: a\n');
    const r = await publish(chart, { push: 'false' });
    assert.notEqual(r.code, 0);
    assert.match(r.errors.join('\n'), /artifacthub-repo\.yml: is not valid Artifact Hub repository metadata: owner: unknown field/);
  });

  test('no artifacthub-repo.yml: no tag, an empty output', async () => {
    const chart = await chartDir('plain');
    const r = await publish(chart);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs['artifacthub-digest'], '');
    assert.equal((await fetchManifest(registry, 'charts/plain', 'artifacthub.io')).status, 404);
  });
});

describe('annotations checked when the chart is built', () => {
  const BAD = `  artifacthub.io/links: |\n    - name: docs\n      uri: https://example.com\n  artifacthub.io/prerelease: "yes"\n`;

  test('a malformed annotation fails the step by default, naming the file, the annotation and what is wrong', async () => {
    const chart = await chartDir('badnote', BAD);
    const r = await publish(chart);
    assert.notEqual(r.code, 0);
    const error = r.errors.join('\n');
    assert.match(error, /badnote-\d+\/Chart\.yaml: Artifact Hub cannot read 2 annotations/);
    assert.match(error, /artifacthub\.io\/links: \[0\]\.uri: unknown field/);
    assert.match(error, /artifacthub\.io\/prerelease: "yes" is not a boolean/);
    assert.match(error, /artifacthub-lint: warn/, "the action's hint names the input");
    assert.equal((await fetchManifest(registry, 'charts/badnote', `1.0.${n}`)).status, 404, 'nothing pushed');
  });

  test('artifacthub-lint: warn publishes it with a warning per annotation', async () => {
    const chart = await chartDir('warnnote', BAD);
    const r = await publish(chart, { 'artifacthub-lint': 'warn' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    assert.ok(
      warnings.some((w) => /Chart\.yaml: Artifact Hub cannot read artifacthub\.io\/links: \[0\]\.uri: unknown field/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(warnings.some((w) => /artifacthub\.io\/prerelease/.test(w)));
    assert.equal(r.outputs.status, 'pushed');
  });

  test('sign-key-url takes an http(s) URL only', async () => {
    const r = await publish(await chartDir('urlword'), {
      'sign-key': 'not read: the URL is refused first',
      'sign-key-url': 'keys/charts.asc',
    });
    assert.notEqual(r.code, 0);
    assert.match(r.errors.join('\n'), /sign-key-url must be an http\(s\) URL, not "keys\/charts.asc"/);
  });

  test('artifacthub-lint takes error or warn only', async () => {
    const r = await publish(await chartDir('lintword'), { 'artifacthub-lint': 'loud' });
    assert.notEqual(r.code, 0);
    assert.match(r.errors.join('\n'), /artifacthub-lint must be error or warn, not "loud"/);
  });

  test('signed with sign-key-url: artifacthub.io/signKey (fingerprint and URL) is added to Chart.yaml; one set by the chart is kept', async () => {
    const gnupg = path.join(work, 'gnupg');
    await mkdir(gnupg, { mode: 0o700, recursive: true });
    const gpg = (args: string[]) =>
      run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { env: { ...process.env, GNUPGHOME: gnupg } });
    await gpg(['--quick-gen-key', 'Hub Signer <hub@example.com>', 'ed25519', 'sign', 'never']);
    const fingerprint = (await gpg(['--with-colons', '--list-keys', 'hub@example.com']))
      .split('\n')
      .find((l) => l.startsWith('fpr:'))!
      .split(':')[9];
    const key = await gpg(['--export-secret-keys', '--armor', fingerprint]);
    const url = 'https://example.com/keys/hub.asc';

    const chart = await chartDir('signedhub');
    const r = await publish(chart, { 'sign-key': key, 'sign-key-url': url });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const manifest = JSON.parse((await fetchManifest(registry, 'charts/signedhub', `1.0.${n}`)).body.toString());
    const config = JSON.parse((await fetchBlob(registry, 'charts/signedhub', manifest.config.digest)).toString());
    assert.equal(config.annotations['artifacthub.io/signKey'], `fingerprint: "${fingerprint}"\nurl: "${url}"\n`);
    // Inside the archive too (Artifact Hub reads Chart.yaml from it), and the provenance signs that archive.
    const layer = manifest.layers.find((l: { mediaType: string }) => l.mediaType === 'application/vnd.cncf.helm.chart.content.v1.tar+gzip');
    const tgz = path.join(work, 'signedhub.tgz');
    await writeFile(tgz, await fetchBlob(registry, 'charts/signedhub', layer.digest));
    const chartYaml = await run('tar', ['-xzOf', tgz, 'signedhub/Chart.yaml']);
    assert.match(chartYaml, new RegExp(`artifacthub.io/signKey: \\|\\s+fingerprint: "${fingerprint}"\\s+url: "${url}"`));

    const own = await chartDir('ownkey', '  artifacthub.io/signKey: |\n    fingerprint: ABCDEF\n    url: https://example.com/other.asc\n');
    const kept = await publish(own, { 'sign-key': key, 'sign-key-url': url });
    assert.equal(kept.code, 0, kept.stdout + kept.stderr);
    const m2 = JSON.parse((await fetchManifest(registry, 'charts/ownkey', `1.0.${n}`)).body.toString());
    const c2 = JSON.parse((await fetchBlob(registry, 'charts/ownkey', m2.config.digest)).toString());
    assert.equal(c2.annotations['artifacthub.io/signKey'], 'fingerprint: ABCDEF\nurl: https://example.com/other.asc\n');

    const unsigned = await publish(await chartDir('urlonly'), { 'sign-key-url': url });
    assert.notEqual(unsigned.code, 0);
    assert.match(unsigned.errors.join('\n'), /sign-key-url` goes with `sign-key`/);
  });
});
