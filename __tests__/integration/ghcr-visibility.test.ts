import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { CLOSED_PORT, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { checkGhcrVisibility, GHCR_HOSTS } from '../../src/release/ghcr-visibility.js';
import { openRegistries } from '../../src/release/registries.js';
import { parseReference } from '../../src/oci/reference.js';
import { visibilityLines } from '../../src/release/ghcr-visibility.js';
import { writeSummary } from '../../src/action/summary.js';
import type { ChartResult } from '../../src/release/results.js';

// The GHCR check: after a push, the chart's manifest is asked for with no credential, as a stranger's
// `helm pull` would. A loopback front plays GHCR's read side: Bearer challenge, an anonymous token
// for anyone, then the manifest for a public package and a refusal (401, as GHCR answers, or 404,
// 403) for a private one. The check is pointed at it through its `hosts` list (the action never sets
// it: only "ghcr.io" is checked), and must never contact any other host.

const MANIFEST = Buffer.from(JSON.stringify({ schemaVersion: 2, config: {}, layers: [] }));
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;

interface Front {
  host: string;
  /** "METHOD /path auth-scheme" of every request. */
  requests: string[];
  stop(): Promise<void>;
}

/** GHCR's read side: `public/*` answers, `private/*` refuses with 401, `hidden/*` with 404, `denied/*` with 403. */
async function startGhcrFront(): Promise<Front> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    const auth = req.headers.authorization ?? '';
    requests.push(`${req.method} ${url.pathname} ${auth.split(' ')[0] || 'none'}`);
    const host = req.headers.host;
    const challenge = `Bearer realm="http://${host}/token",service="ghcr.io",scope="repository:x:pull"`;
    if (url.pathname === '/token') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ token: 'anonymous-djE6Z2hjcg' }));
    }
    if (url.pathname === '/v2/' || auth !== 'Bearer anonymous-djE6Z2hjcg') {
      res.writeHead(401, { 'www-authenticate': challenge, 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
    }
    const m = /^\/v2\/([^/]+)\/(.+)\/manifests\/(.+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404);
      return void res.end();
    }
    const [, owner] = m;
    if (owner === 'public' && m[3] === DIGEST) {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': DIGEST });
      return void res.end(MANIFEST);
    }
    const [status, code] = owner === 'hidden' ? [404, 'MANIFEST_UNKNOWN'] : owner === 'denied' ? [403, 'DENIED'] : [401, 'UNAUTHORIZED'];
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 401 && { 'www-authenticate': challenge }) });
    res.end(JSON.stringify({ errors: [{ code, message: 'not for you' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let front: Front;
before(async () => {
  front = await startGhcrFront();
});
after(async () => {
  await front?.stop();
});

/** The run's registries, with credentials given for the front's host (which the check must not use). */
function registries() {
  return openRegistries({ plainHttp: true, retries: 0, credentialFor: () => ({ username: 'octocat', password: 'ghp_s3cret-t0ken' }) });
}

describe('the anonymous pull check, against a front playing GHCR', () => {
  test('a public package: the manifest is answered', async () => {
    const r = registries();
    try {
      const seen = await checkGhcrVisibility(r, parseReference(`${front.host}/public/charts/app:1.0.0`), DIGEST, [front.host]);
      assert.equal(seen?.visibility, 'public');
    } finally {
      await r.close();
    }
  });

  for (const [owner, answer] of [
    ['private', '401 UNAUTHORIZED'],
    ['hidden', '404 (GHCR hides a private package from strangers)'],
    ['denied', '403 DENIED'],
  ] as const) {
    test(`a private package (${answer}): private, with the settings page, asked with no credential`, async () => {
      const r = registries();
      const mark = front.requests.length;
      try {
        const seen = await checkGhcrVisibility(r, parseReference(`${front.host}/${owner}/charts/app:1.0.0`), DIGEST, [front.host]);
        assert.equal(seen?.visibility, 'private');
        assert.equal(seen?.owner, owner);
        assert.equal(seen?.packageName, 'charts/app');
        assert.equal(seen?.settingsUrl, `https://github.com/orgs/${owner}/packages/container/charts%2Fapp/settings`);
        assert.equal(seen?.userSettingsUrl, `https://github.com/users/${owner}/packages/container/charts%2Fapp/settings`);
      } finally {
        await r.close();
      }
      const seenRequests = front.requests.slice(mark);
      assert.ok(
        seenRequests.some((l) => l.startsWith('GET /v2/') && l.includes('/manifests/')),
        seenRequests.join('\n'),
      );
      assert.ok(!seenRequests.some((l) => l.endsWith(' Basic')), `no credential sent: ${seenRequests.join(', ')}`);
    });
  }

  test('never contacted for a host that is not GHCR (the default list is ghcr.io alone)', async () => {
    assert.deepEqual(GHCR_HOSTS, ['ghcr.io']);
    const r = registries();
    const mark = front.requests.length;
    try {
      assert.equal(await checkGhcrVisibility(r, parseReference(`${front.host}/private/charts/app:1.0.0`), DIGEST), undefined);
      assert.equal(await checkGhcrVisibility(r, parseReference(`ghcr.io.example.com/private/app:1.0.0`), DIGEST), undefined);
    } finally {
      await r.close();
    }
    assert.deepEqual(front.requests.slice(mark), []);
  });

  test('a registry that cannot be reached: unknown, never a failure', async () => {
    const r = registries();
    try {
      const host = `127.0.0.1:${CLOSED_PORT}`;
      const seen = await checkGhcrVisibility(r, parseReference(`${host}/acme/app:1.0.0`), DIGEST, [host]);
      assert.equal(seen?.visibility, 'unknown');
    } finally {
      await r.close();
    }
  });
});

describe("the action's words", () => {
  const seen = {
    visibility: 'private' as const,
    why: 'authentication required',
    owner: 'acme',
    packageName: 'charts/app',
    settingsUrl: 'https://github.com/orgs/acme/packages/container/charts%2Fapp/settings',
    userSettingsUrl: 'https://github.com/users/acme/packages/container/charts%2Fapp/settings',
  };

  test('the log says the package is private, who cannot pull it, and where its visibility is changed', () => {
    const [line] = visibilityLines('ghcr.io/acme/charts/app', seen);
    assert.match(line, /ghcr\.io\/acme\/charts\/app: the package is private/);
    assert.match(line, /helm pull without credentials, other organisations' workflows and Artifact Hub cannot/);
    assert.ok(line.includes(seen.settingsUrl));
  });

  test('the summary says so too, with the link', async () => {
    const dir = await tempDir('chartlift-ghcr-summary-');
    const file = path.join(dir, 'summary');
    await writeFile(file, '');
    const target = {
      ref: 'ghcr.io/acme/charts/app:1.0.0',
      repository: 'ghcr.io/acme/charts/app',
      digest: DIGEST,
      'digest-ref': `ghcr.io/acme/charts/app@${DIGEST}`,
      'chart-digest': DIGEST,
      size: '100',
      status: 'pushed' as const,
      from: 'build' as const,
      visibility: 'private' as const,
      'settings-url': seen.settingsUrl,
      signed: false,
      'sign-fingerprint': '',
    };
    const result: ChartResult = {
      ...target,
      source: 'charts/app',
      name: 'app',
      version: '1.0.0',
      targets: [target],
    };
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      await writeSummary([result]);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
    const text = await readFile(file, 'utf8');
    assert.match(text, /<code>ghcr\.io\/acme\/charts\/app<\/code> is a private package/);
    assert.ok(text.includes(`href="${seen.settingsUrl}"`));
  });
});

describe('the action pushing elsewhere', () => {
  let registry: Registry;
  before(async () => {
    registry = await startRegistry();
  });
  after(async () => {
    await registry?.stop();
  });

  test('a push to another registry asks nothing about visibility: no anonymous manifest read, no visibility line', async () => {
    const work = await tempDir('chartlift-ghcr-elsewhere-');
    const chart = path.join(work, 'elsewhere');
    await mkdir(path.join(chart, 'templates'), { recursive: true });
    await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: elsewhere\nversion: 1.0.0\n');
    const mark = registry.mark();
    const r = await runAction(
      { chart, ref: `oci://${registry.host}/acme`, 'plain-http': 'true', cache: path.join(work, 'cache') },
      { env: { HOME: work, GITHUB_WORKSPACE: work } },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.status, 'pushed');
    assert.deepEqual(
      registry.requests(mark).filter((l) => /^GET .*\/manifests\//.test(l)),
      [],
    );
    assert.doesNotMatch(r.stdout, /private|pulled anonymously/);
  });
});
