import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { run } from '../helpers/exec.js';
import { startGitHubFront, type FrontRelease, type GitHubFront } from '../helpers/github-api.js';
import { helmHome } from '../helpers/helm-env.js';
import { fetchBlob, fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Release notes from artifacthub.io/changes, and a GitHub release per published chart, made exactly
// once, against GitHub's releases API played by a loopback front (never the real API). The front
// holds immutable releases (a published release takes no asset), so a release made any other way than
// draft, assets, publish would fail here.
let registry: Registry;
let github: GitHubFront;
let work: string;
let gnupg: string;
let key: string;
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const CHANGES = [
  '- kind: added',
  '  description: A values.schema.json',
  '  links:',
  '    - name: "PR #12"',
  '      url: https://github.com/octo-org/octo-chart/pull/12',
  '- kind: fixed',
  '  description: "The <service> port (was *8080*)"',
  '- kind: security',
  '  description: Image bumped for CVE-2026-1234',
].join('\n');

const NOTES = [
  '### Added',
  '',
  '- A values.schema.json ([PR #12](https://github.com/octo-org/octo-chart/pull/12))',
  '',
  '### Fixed',
  '',
  '- The \\<service\\> port \\(was \\*8080\\*\\)',
  '',
  '### Security',
  '',
  '- Image bumped for CVE-2026-1234',
  '',
].join('\n');

before(async () => {
  work = await tempDir('chartlift-release-');
  [registry, github] = await Promise.all([startRegistry(), startGitHubFront()]);
  github.releases.immutable = true;
  gnupg = path.join(work, 'gnupg');
  await mkdir(gnupg, { mode: 0o700 });
  const gpg = (args: string[]) =>
    run('gpg', ['--batch', '--pinentry-mode', 'loopback', ...args], { env: { ...process.env, GNUPGHOME: gnupg } });
  await gpg(['--passphrase', '', '--quick-gen-key', 'Release Signer <release@example.com>', 'ed25519', 'sign', 'never']);
  key = await gpg(['--passphrase', '', '--export-secret-keys', '--armor', 'release@example.com']);
});
after(async () => {
  await Promise.all([registry?.stop(), github?.close()]);
});

async function chart(name: string, version: string, annotations = ''): Promise<string> {
  const dir = path.join(work, 'charts', `${name}-${version}`, name);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n${annotations}`);
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
  return dir;
}

const changes = (text: string) => `annotations:\n  artifacthub.io/changes: |\n${text.replace(/^/gm, '    ')}\n`;

async function publish(dir: string, extra: Record<string, string> = {}) {
  const { env } = await helmHome();
  return runAction(
    {
      chart: dir,
      ref: `oci://${registry.host}/rel`,
      'plain-http': 'true',
      'github-release': 'true',
      'github-token': github.releases.token,
      ...extra,
    },
    {
      env: {
        ...env,
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'octo-org/octo-chart',
        GITHUB_SHA: SHA,
        SOURCE_DATE_EPOCH: '1700000000',
      },
    },
  );
}

const writes = (since: number) => github.releases.requests.slice(since).filter((r) => r.method !== 'GET');
const release = (tag: string) => github.releases.list.filter((r) => r.tag_name === tag);

describe('release notes and a GitHub release, made once', () => {
  test('a signed chart with artifacthub.io/changes: the notes (output, summary, release); a release with the pushed bytes, drafted then published', async () => {
    const mark = github.releases.requests.length;
    const r = await publish(await chart('web', '1.2.0', changes(CHANGES)), { 'sign-key': key });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    assert.equal(r.outputs['release-notes'], NOTES);
    const summary = await readFile(r.summaryFile, 'utf8');
    assert.ok(summary.includes(`#### Release notes\n\n${NOTES}`), summary);
    assert.match(
      summary,
      /GitHub release <a href="https:\/\/github\.com\/octo-org\/octo-chart\/releases\/tag\/web-1\.2\.0">web-1\.2\.0<\/a>/,
    );
    assert.equal(r.outputs['release-url'], 'https://github.com/octo-org/octo-chart/releases/tag/web-1.2.0');

    const [made] = release('web-1.2.0');
    assert.deepEqual(
      [made.draft, made.immutable, made.name, made.target_commitish, made.prerelease],
      [false, true, 'web-1.2.0', SHA, false],
    );
    assert.ok(made.body.startsWith(NOTES), made.body);
    assert.ok(made.body.includes(`helm pull oci://${registry.host}/rel/web --version 1.2.0\` (digest \`${r.outputs.digest}\`)`), made.body);
    // The assets are the bytes the tag holds: its chart layer and its provenance layer.
    const manifest = JSON.parse((await fetchManifest(registry, 'rel/web', '1.2.0')).body.toString('utf8')) as {
      layers: Array<{ mediaType: string; digest: string }>;
    };
    const layer = (type: RegExp) => fetchBlob(registry, 'rel/web', manifest.layers.find((l) => type.test(l.mediaType))!.digest);
    assert.deepEqual(
      made.assets.map((a) => [a.name, a.content_type]),
      [
        ['web-1.2.0.tgz', 'application/gzip'],
        ['web-1.2.0.tgz.prov', 'application/pgp-signature'],
      ],
    );
    assert.ok(made.assets[0].data.equals(await layer(/chart\.content/)));
    assert.ok(made.assets[1].data.equals(await layer(/provenance/)));
    // A draft first (no release visible for the tag), its assets, then published.
    assert.deepEqual(
      github.releases.requests
        .slice(mark)
        .map((q) => `${q.method} ${q.path.replace(/^\/repos\/octo-org\/octo-chart/, '').replace(/\/\d+/, '/ID')}`),
      [
        'GET /releases/tags/web-1.2.0',
        'GET /releases?per_page=100&page=1',
        'POST /releases',
        'POST /releases/ID/assets?name=web-1.2.0.tgz',
        'POST /releases/ID/assets?name=web-1.2.0.tgz.prov',
        'PATCH /releases/ID',
      ],
    );
  });

  test('run again: the chart is unchanged and its release exists: nothing is written to GitHub', async () => {
    const mark = github.releases.requests.length;
    const r = await publish(await chart('web', '1.2.0', changes(CHANGES)), { 'sign-key': key });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'unchanged');
    assert.deepEqual(writes(mark), []);
    assert.equal(release('web-1.2.0').length, 1);
    assert.equal(r.outputs['release-url'], 'https://github.com/octo-org/octo-chart/releases/tag/web-1.2.0');
    assert.match(r.stdout, /GitHub release web-1\.2\.0: exists already, left as it is/);
  });

  test('an existing immutable release (made by another tool, other assets) is left alone', async () => {
    const seeded: FrontRelease = {
      id: 9001,
      tag_name: 'api-3.0.0',
      target_commitish: 'main',
      name: 'api 3.0.0',
      body: 'released by hand',
      draft: false,
      prerelease: false,
      immutable: true,
      assets: [{ id: 9002, name: 'api-3.0.0.tgz', content_type: 'application/gzip', data: Buffer.from('not this build') }],
    };
    github.releases.list.push(seeded);
    const mark = github.releases.requests.length;
    const r = await publish(await chart('api', '3.0.0'));
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    assert.deepEqual(writes(mark), []);
    assert.deepEqual(release('api-3.0.0'), [seeded]);
    assert.equal(seeded.assets[0].data.toString(), 'not this build');
    assert.equal(r.outputs['release-notes'], undefined, 'no changes annotation: no notes');
  });

  test('a draft an earlier run left (an asset half there) is finished: the asset replaced, published; still one release', async () => {
    const seeded: FrontRelease = {
      id: 9100,
      tag_name: 'db-0.9.0-rc.1',
      target_commitish: SHA,
      name: 'db-0.9.0-rc.1',
      body: '',
      draft: true,
      prerelease: true,
      immutable: false,
      assets: [{ id: 9101, name: 'db-0.9.0-rc.1.tgz', content_type: 'application/gzip', data: Buffer.from('cut short') }],
    };
    github.releases.list.push(seeded);
    const r = await publish(await chart('db', '0.9.0-rc.1', changes('- Plain change one\n- "Plain change: two"')));
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /GitHub release db-0\.9\.0-rc\.1: finishing the draft an earlier run left/);
    const [made] = release('db-0.9.0-rc.1');
    assert.equal(release('db-0.9.0-rc.1').length, 1);
    assert.equal(made.id, 9100);
    assert.deepEqual([made.draft, made.prerelease], [false, true]);
    assert.deepEqual(
      made.assets.map((a) => a.name),
      ['db-0.9.0-rc.1.tgz'],
    );
    const manifest = JSON.parse((await fetchManifest(registry, 'rel/db', '0.9.0-rc.1')).body.toString('utf8')) as {
      layers: Array<{ digest: string }>;
    };
    assert.ok(made.assets[0].data.equals(await fetchBlob(registry, 'rel/db', manifest.layers[0].digest)));
    assert.equal(r.outputs['release-notes'], '- Plain change one\n- Plain change: two\n');
  });

  test('GitHub refuses (a token it does not take): the step fails saying so; the chart stands published and the next run makes the release', async () => {
    const dir = await chart('ui', '1.0.0');
    const refused = await publish(dir, { 'github-token': 'ghs_not-the-token' });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.errors.join('\n'), /GitHub release: could not look up the release ui-1\.0\.0 \(HTTP 401: "Bad credentials"\)/);
    assert.equal(refused.outputs.status, 'pushed');
    assert.deepEqual(release('ui-1.0.0'), []);
    const again = await publish(dir);
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.outputs.status, 'unchanged');
    assert.equal(release('ui-1.0.0').length, 1);
  });

  test('an upload address off GitHub’s hosts gets no token: refused, nothing sent there, the draft left for the next run', async () => {
    const elsewhere: http.IncomingMessage[] = [];
    const other = http.createServer((req, res) => {
      elsewhere.push(req);
      res.writeHead(201).end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    github.releases.uploadUrl = (id) =>
      `http://127.0.0.1:${(other.address() as AddressInfo).port}/repos/octo-org/octo-chart/releases/${id}/assets{?name,label}`;
    try {
      const r = await publish(await chart('mq', '1.0.0'));
      assert.equal(r.code, 1, r.stdout);
      assert.match(
        r.errors.join('\n'),
        /GitHub release: the upload address http:\/\/127\.0\.0\.1:\d+\/.* is not on GitHub's hosts over the API's own scheme \(http\); the token is not sent there/,
      );
      assert.equal(elsewhere.length, 0);
      assert.deepEqual(
        release('mq-1.0.0').map((x) => [x.draft, x.assets.length]),
        [[true, 0]],
      );
    } finally {
      github.releases.uploadUrl = undefined;
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
    // The next run finishes that draft.
    const again = await publish(await chart('mq', '1.0.0'));
    assert.equal(again.code, 0, again.stdout);
    assert.deepEqual(
      release('mq-1.0.0').map((x) => [x.draft, x.assets.map((a) => a.name)]),
      [[false, ['mq-1.0.0.tgz']]],
    );
  });

  test('plan: true makes no release (the inputs are refused together)', async () => {
    const r = await publish(await chart('web', '9.9.9'), { plan: 'true' });
    assert.equal(r.code, 1);
    assert.match(r.errors.join('\n'), /`plan: true` writes nothing, and `github-release: true` makes releases/);
  });
});
