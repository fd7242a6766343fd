import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { startFaultyGitHub, type FaultyGitHub } from '../helpers/github-api-faults.js';
import { startGitHubFront, type GitHubFront } from '../helpers/github-api.js';
import { helmHome } from '../helpers/helm-env.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { makeTls } from '../helpers/tls.js';
import { tempDir } from '../helpers/temp.js';

// github-release: true against a GitHub API that answers as one in trouble does (a 502 after the write
// was done: GitHub's own gateway times out on writes that then stand), and one whose upload address
// is plain http on the API's own host. src/action/github-release.ts retries a POST on 5xx
// (retrying(POLICY) around every request), and lets the token go to an upload URL of either scheme
// on the API's host.
let registry: Registry;
let github: GitHubFront;
let work: string;

before(async () => {
  work = await tempDir('chartlift-attack4-releases-');
  [registry, github] = await Promise.all([startRegistry(), startGitHubFront()]);
});
after(async () => {
  await Promise.all([registry?.stop(), github?.close()]);
});

async function chart(name: string, version: string): Promise<string> {
  const dir = path.join(work, 'charts', `${name}-${version}`, name);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
  return dir;
}

async function publish(dir: string, apiUrl: string, env: NodeJS.ProcessEnv = {}) {
  const home = await helmHome();
  return runAction(
    {
      chart: dir,
      ref: `oci://${registry.host}/rel4`,
      'plain-http': 'true',
      'github-release': 'true',
      'github-token': github.releases.token,
    },
    {
      env: {
        ...home.env,
        ...env,
        GITHUB_API_URL: apiUrl,
        GITHUB_REPOSITORY: 'octo-org/octo-chart',
        GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        SOURCE_DATE_EPOCH: '1700000000',
      },
    },
  );
}

const releases = (tag: string) => github.releases.list.filter((r) => r.tag_name === tag);

describe('a GitHub API that answers 502 after doing the write', () => {
  let faulty: FaultyGitHub;
  before(async () => {
    faulty = await startFaultyGitHub(github.url);
    // The upload address GitHub names is the faulty front's too.
    faulty.rewrite = (text) => text.replaceAll(github.url, faulty.url);
  });
  after(() => faulty?.close());

  test('the draft is made, the answer is a 502: still one release for the tag, no second draft left behind', async () => {
    // Measured: the POST is retried (1 s later) and makes a second draft; the second is published and the
    // first stays a draft for ever (GitHub lets any number of drafts name one tag): 2 releases, 2 POSTs.
    let failed = false;
    faulty.fault = (req) => {
      if (!failed && req.method === 'POST' && /\/releases$/.test(req.path)) {
        failed = true;
        return 502;
      }
      return undefined;
    };
    try {
      const r = await publish(await chart('drafty', '1.0.0'), faulty.url);
      assert.equal(r.code, 0, r.stdout);
      const made = releases('drafty-1.0.0');
      const posts = faulty.requests.filter((q) => q.method === 'POST' && /\/releases$/.test(q.path)).length;
      assert.deepEqual(
        made.map((x) => [x.draft, x.assets.map((a) => a.name)]),
        [[false, ['drafty-1.0.0.tgz']]],
        `${made.length} releases named drafty-1.0.0 after ${posts} POST /releases: ${JSON.stringify(made.map((x) => ({ id: x.id, draft: x.draft })))}`,
      );
    } finally {
      faulty.fault = undefined;
    }
  });

  test('the asset is stored, the answer is a 502: the release is still published in this run', async () => {
    // Measured: the upload is retried, GitHub answers 422 already_exists, the step fails and the draft is
    // left for a re-run ("could not upload up-1.0.0.tgz (HTTP 422 ...)").
    let failed = false;
    faulty.fault = (req) => {
      if (!failed && req.method === 'POST' && /\/assets\?/.test(req.path)) {
        failed = true;
        return 502;
      }
      return undefined;
    };
    try {
      const r = await publish(await chart('up', '1.0.0'), faulty.url);
      assert.equal(r.code, 0, r.errors.join('\n'));
      assert.deepEqual(
        releases('up-1.0.0').map((x) => [x.draft, x.assets.map((a) => a.name)]),
        [[false, ['up-1.0.0.tgz']]],
      );
    } finally {
      faulty.fault = undefined;
    }
  });
});

describe('an https API whose upload address is plain http on its own host', () => {
  test('the token is never sent without TLS', async () => {
    const tls = await makeTls();
    const faulty = await startFaultyGitHub(github.url, tls);
    // GitHub Enterprise Server behind a TLS-terminating proxy names its URLs with the scheme it was
    // configured with: an upload_url of http://<the same host>/api/uploads/... is what it answers then.
    faulty.rewrite = (text) => text.replaceAll(github.url, `http://127.0.0.1:${faulty.port}`);
    try {
      const r = await publish(await chart('plain', '1.0.0'), faulty.url, { NODE_EXTRA_CA_CERTS: tls.ca });
      const inClear = faulty.requests.filter((q) => !q.tls && q.authorization);
      assert.ok(
        faulty.requests.some((q) => q.tls),
        `the API was reached over TLS: ${r.stdout}`,
      );
      assert.deepEqual(
        inClear.map((q) => `${q.method} ${q.path}: ${q.authorization?.replace(github.releases.token, '<github-token>')}`),
        [],
        'requests carrying the token over plain http',
      );
    } finally {
      await faulty.close();
    }
  });
});
