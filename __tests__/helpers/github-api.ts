import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A release as the front keeps it (GitHub's fields the action reads, and the assets' bytes). */
export interface FrontRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  /** Set when a release is published in a repository with immutable releases on: its assets are then fixed. */
  immutable: boolean;
  assets: Array<{ id: number; name: string; content_type: string; data: Buffer }>;
}

/**
 * A loopback front playing the GitHub services the action talks to:
 *
 * - the runner's OIDC token service, at `ACTIONS_ID_TOKEN_REQUEST_URL` (`/_apis/idtoken?api-version=2.0`,
 *   as a runner's URL has a query): it checks `Authorization: Bearer <request token>` and answers
 *   `{"count": n, "value": <JWT>}` for the `audience` asked. The JWT is ES256-signed with a throwaway
 *   P-256 key made per front (its JWKS at `/.well-known/jwks` and discovery at
 *   `/.well-known/openid-configuration`, issuer `iss` as GitHub's), with the claims a GitHub Actions
 *   token carries, every id a string as GitHub writes them;
 * - GitHub's attestations API, `POST [/api/v3]/repos/{owner}/{repo}/attestations`: it records each request
 *   (path, headers, parsed body) and answers 201 `{"id": n}`, or what `attestations.mode` says
 *   (a status with GitHub's error JSON, or `hang`: never answer);
 * - GitHub's releases API (https://docs.github.com/rest/releases): a release by tag (published ones
 *   only, as GitHub: a draft has no tag yet), the list (drafts too, newest first, `per_page`/`page`),
 *   create, publish or edit (PATCH), delete; assets uploaded to the `upload_url` it names (its own
 *   address, as GitHub names uploads.github.com) and deleted. With `releases.immutable` on, a release is
 *   immutable once published, as in a repository with immutable releases: an asset upload or deletion
 *   is refused with GitHub's 422 "Cannot upload assets to an immutable release". Every release request
 *   is recorded (method, path), and each needs `Authorization: token <releases.token>`.
 */
export interface GitHubFront {
  /** http://127.0.0.1:port */
  url: string;
  /** The value for ACTIONS_ID_TOKEN_REQUEST_URL. */
  tokenUrl: string;
  /** The value for ACTIONS_ID_TOKEN_REQUEST_TOKEN (the front refuses any other bearer). */
  requestToken: string;
  /** How long each token issued is valid (seconds; 300 by default). */
  lifetimeSeconds: number;
  /** The claims every token carries (aud is the audience asked for); change them before a request to vary them. */
  claims: Record<string, unknown>;
  /** Each token request: its URL (path and query) and headers; and each JWT issued. */
  tokenRequests: Array<{ url: string; headers: http.IncomingHttpHeaders }>;
  issued: string[];
  /** `ok`: the JWT; a number: that status; `hang`: no answer; `no-value`: 200 with `{}`; `not-jwt`: a value that is no JWT. */
  token: { mode: 'ok' | 'hang' | 'no-value' | 'not-jwt' | number };
  attestations: {
    mode: 'ok' | 'hang' | 'no-id' | number;
    /** What GitHub's error answer says (`message`). */
    message?: string;
    posted: Array<{ path: string; headers: http.IncomingHttpHeaders; body: unknown }>;
  };
  releases: {
    token: string;
    /** Releases become immutable when published (the repository's setting). */
    immutable: boolean;
    /** The upload address the front names for a release (its own by default), to play an answer that points elsewhere. */
    uploadUrl?: (id: number) => string;
    list: FrontRelease[];
    requests: Array<{ method: string; path: string }>;
  };
  /** The key's JWKS (for a verifier that wants to check the JWT). */
  jwks: { keys: object[] };
  close(): Promise<void>;
}

/** The claims of a token from a push to main of octo-org/octo-chart, as GitHub's documentation shows them. */
export function githubClaims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    jti: 'example-id',
    sub: 'repo:octo-org/octo-chart:ref:refs/heads/main',
    aud: 'sigstore',
    ref: 'refs/heads/main',
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    repository: 'octo-org/octo-chart',
    repository_owner: 'octo-org',
    repository_owner_id: '123456',
    repository_visibility: 'public',
    repository_id: '654321',
    run_id: '9876543210',
    run_number: '42',
    run_attempt: '2',
    runner_environment: 'github-hosted',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'Release',
    workflow_ref: 'octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main',
    workflow_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    job_workflow_ref: 'octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main',
    job_workflow_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    head_ref: '',
    base_ref: '',
    event_name: 'push',
    ref_type: 'branch',
    ref_protected: 'true',
    iss: 'https://token.actions.githubusercontent.com',
    nbf: now - 5,
    iat: now,
    exp: now + 300,
  };
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' });
  return `${header}.${payload}.${b64url(signature)}`;
}

const readBody = (req: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** `issue`: signs each token instead of the front's own key (e.g. a Sigstore stand-in's issuer, so that its Fulcio takes them). */
export async function startGitHubFront(options: { issue?: (claims: Record<string, unknown>) => string } = {}): Promise<GitHubFront> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomBytes(8).toString('hex');
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] };
  const hanging = new Set<http.ServerResponse>();
  let nextId = 1;

  const front = {
    requestToken: `request-token-${randomBytes(12).toString('hex')}`,
    claims: githubClaims(),
    lifetimeSeconds: 300,
    tokenRequests: [],
    issued: [],
    token: { mode: 'ok' },
    attestations: { mode: 'ok', posted: [] },
    releases: { token: `ghs_releases-${randomBytes(8).toString('hex')}`, immutable: false, list: [], requests: [] },
    jwks,
  } as unknown as GitHubFront;

  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://front');
      if (req.method === 'GET' && url.pathname === '/_apis/idtoken') {
        front.tokenRequests.push({ url: req.url ?? '', headers: req.headers });
        if (req.headers.authorization !== `Bearer ${front.requestToken}`) return json(res, 401, { message: 'Bad credentials' });
        const mode = front.token.mode;
        if (mode === 'hang') return void hanging.add(res);
        if (typeof mode === 'number') return json(res, mode, { message: 'token service error' });
        if (mode === 'no-value') return json(res, 200, { count: 0 });
        if (mode === 'not-jwt') return json(res, 200, { count: 1, value: 'not-a-jwt-secret-value-0123456789' });
        const now = Math.floor(Date.now() / 1000);
        const token = (options.issue ?? ((c: Record<string, unknown>) => signJwt(privateKey, kid, c)))({
          ...front.claims,
          aud: url.searchParams.get('audience') ?? front.claims.aud,
          iat: now,
          nbf: now - 5,
          exp: now + front.lifetimeSeconds,
        });
        front.issued.push(token);
        return json(res, 200, { count: token.length, value: token });
      }
      if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration')
        return json(res, 200, { issuer: front.claims.iss, jwks_uri: `${front.url}/.well-known/jwks` });
      if (req.method === 'GET' && url.pathname === '/.well-known/jwks') return json(res, 200, jwks);
      const m = /\/repos\/([^/]+)\/([^/]+)\/attestations$/.exec(url.pathname);
      if (req.method === 'POST' && m) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          parsed = body.toString('utf8');
        }
        front.attestations.posted.push({ path: url.pathname, headers: req.headers, body: parsed });
        const mode = front.attestations.mode;
        if (mode === 'hang') return void hanging.add(res);
        if (mode === 'no-id') return json(res, 201, {});
        if (typeof mode === 'number')
          return json(res, mode, {
            message: front.attestations.message ?? http.STATUS_CODES[mode] ?? 'error',
            documentation_url: 'https://docs.github.com/rest/repos/attestations#create-an-attestation',
            status: String(mode),
          });
        return json(res, 201, { id: nextId++ });
      }
      if (/\/repos\/[^/]+\/[^/]+\/releases/.test(url.pathname)) return releasesApi(req, res, url, body);
      json(res, 404, { message: 'Not Found' });
    })().catch(() => res.destroy());
  });
  let nextRelease = 1;
  const invalid = (res: http.ServerResponse, message: string, code?: string) =>
    json(res, 422, { message, ...(code ? { errors: [{ resource: 'Release', code, field: 'tag_name' }] } : {}) });
  const view = (r: FrontRelease) => ({
    id: r.id,
    tag_name: r.tag_name,
    target_commitish: r.target_commitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: r.immutable,
    html_url: `https://github.com/octo-org/octo-chart/releases/${r.draft ? `untagged-${r.id}` : `tag/${r.tag_name}`}`,
    upload_url: front.releases.uploadUrl?.(r.id) ?? `${front.url}/repos/octo-org/octo-chart/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map((a) => ({ id: a.id, name: a.name, content_type: a.content_type, size: a.data.length })),
  });
  const releasesApi = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer): unknown => {
    const rel = url.pathname.replace(/^.*\/repos\/[^/]+\/[^/]+\/releases/, '');
    front.releases.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}` });
    if (req.headers.authorization !== `token ${front.releases.token}`) return json(res, 401, { message: 'Bad credentials' });
    const releases = front.releases.list;
    const published = (tag: string) => releases.find((r) => !r.draft && r.tag_name === tag);
    const byId = (id: string) => releases.find((r) => String(r.id) === id);
    const input = () => (body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {});
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && (m = /^\/tags\/(.+)$/.exec(rel))) {
      const r = published(decodeURIComponent(m[1]));
      return r ? json(res, 200, view(r)) : json(res, 404, { message: 'Not Found' });
    }
    if (req.method === 'GET' && (m = /^\/(\d+)$/.exec(rel))) {
      const r = byId(m[1]);
      return r ? json(res, 200, view(r)) : json(res, 404, { message: 'Not Found' });
    }
    if (req.method === 'GET' && rel === '') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const newest = [...releases].reverse();
      return json(res, 200, newest.slice((page - 1) * perPage, page * perPage).map(view));
    }
    if (req.method === 'POST' && rel === '') {
      const i = input();
      const tag = String(i.tag_name ?? '');
      if (!i.draft && published(tag)) return invalid(res, 'Validation Failed', 'already_exists');
      const r: FrontRelease = {
        id: nextRelease++,
        tag_name: tag,
        target_commitish: String(i.target_commitish ?? 'main'),
        name: String(i.name ?? tag),
        body: String(i.body ?? ''),
        draft: i.draft === true,
        prerelease: i.prerelease === true,
        immutable: i.draft !== true && front.releases.immutable,
        assets: [],
      };
      releases.push(r);
      return json(res, 201, view(r));
    }
    if (req.method === 'POST' && (m = /^\/(\d+)\/assets$/.exec(rel))) {
      const r = byId(m[1]);
      if (!r) return json(res, 404, { message: 'Not Found' });
      if (r.immutable) return invalid(res, 'Cannot upload assets to an immutable release.');
      const name = url.searchParams.get('name') ?? '';
      if (r.assets.some((a) => a.name === name)) return invalid(res, 'Validation Failed', 'already_exists');
      const asset = { id: nextRelease++ * 1000, name, content_type: req.headers['content-type'] ?? '', data: body };
      r.assets.push(asset);
      return json(res, 201, { id: asset.id, name, size: body.length });
    }
    if (req.method === 'DELETE' && (m = /^\/assets\/(\d+)$/.exec(rel))) {
      const r = releases.find((x) => x.assets.some((a) => String(a.id) === m![1]));
      if (!r) return json(res, 404, { message: 'Not Found' });
      if (r.immutable) return invalid(res, 'Cannot delete assets of an immutable release.');
      r.assets = r.assets.filter((a) => String(a.id) !== m![1]);
      return void res.writeHead(204).end();
    }
    if (req.method === 'PATCH' && (m = /^\/(\d+)$/.exec(rel))) {
      const r = byId(m[1]);
      if (!r) return json(res, 404, { message: 'Not Found' });
      const i = input();
      if (i.draft === false && r.draft) {
        if (published(r.tag_name)) return invalid(res, 'Validation Failed', 'already_exists');
        r.draft = false;
        r.immutable = front.releases.immutable;
      }
      return json(res, 200, view(r));
    }
    if (req.method === 'DELETE' && (m = /^\/(\d+)$/.exec(rel))) {
      const i = releases.findIndex((x) => String(x.id) === m![1]);
      if (i < 0) return json(res, 404, { message: 'Not Found' });
      releases.splice(i, 1);
      return void res.writeHead(204).end();
    }
    json(res, 404, { message: 'Not Found' });
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  front.url = `http://127.0.0.1:${port}`;
  front.tokenUrl = `${front.url}/_apis/idtoken?api-version=2.0`;
  front.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return front;
}
