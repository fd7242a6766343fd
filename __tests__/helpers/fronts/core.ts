import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRegistry, type Registry } from '../registry.js';

/**
 * The proxy core every hosted-registry front shares: a loopback HTTP server in front of a real,
 * open `docker-registry` (distribution 2.8), which plays a hosted registry's authentication (a Bearer
 * token service, on the registry's host or another loopback address, or Basic), and the parts of the
 * distribution API where hosted registries differ: referrers (none, real, claimed but not listed,
 * refused), cross-repository mounts, upload limits, repositories that must exist, immutable tags,
 * path depth, rate limits. Each registry's own module (ghcr.ts, ecr.ts, …) says which, with the
 * registry's own answers and the source of each. Everything else passes through to distribution.
 */

export const INDEX = 'application/vnd.oci.image.index.v1+json';

/** An answer the front sends itself. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A distribution-style error body: `{"errors":[{"code","message"}]}`. */
export function errorAnswer(status: number, code: string, message: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ errors: [{ code, message, detail: null }] }),
  };
}

/** A request to the registry, as the front reads it. */
export interface FrontRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The repository a /v2/<name>/… path names. */
  repository?: string;
  /** What the path is: the ping, a manifest, a blob, an upload (start or session), a tag list, the referrers API. */
  kind: 'ping' | 'manifest' | 'blob' | 'upload' | 'tags' | 'referrers' | 'other';
  /** A manifest's tag or digest; a blob's or referrers subject's digest. */
  reference?: string;
}

/** Who is asking, and what they may do where: repository → actions (pull, push). */
export interface Identity {
  user?: string;
  access: Map<string, Set<string>>;
  /** Basic authentication: the user may do everything (ECR: IAM decides, not a token's scope). */
  all?: boolean;
}

export interface BearerAuth {
  scheme: 'bearer';
  /** The loopback address the token service listens on: another one plays a realm on another host. */
  tokenAddress?: string;
  /** The realm's path on the token service (GHCR `/token`, ACR `/oauth2/token`, GitLab `/jwt/auth`). */
  tokenPath: string;
  /** The `service` of the challenge (and of the token request). */
  service: string;
  /** The token service's JSON for a token: `{token}`, `{access_token}` or both. */
  tokenFields?: Array<'token' | 'access_token'>;
  /** Refresh tokens a POST `grant_type=refresh_token` takes (ACR's identity tokens), each a user's. */
  refreshTokens?: Map<string, string>;
  /** The token service's own refusal of a scope (Docker Hub: a name deeper than namespace/name). */
  refuseScope?: (repository: string) => Answer | undefined;
}

export interface BasicAuth {
  scheme: 'basic';
  /** The challenge's parameters after `Basic` (ECR: realm="https://<registry>/",service="ecr.amazonaws.com"). */
  challenge: string;
}

export type Referrers =
  /** No referrers API: 404, clients keep the `sha256-<hex>` fallback tag (GHCR, Docker Hub). */
  | 'none'
  /** The referrers API, served from the manifests with a `subject` the front saw, and OCI-Subject on their PUT. */
  | 'api'
  /** OCI-Subject on the PUT, and a referrers API that answers 200 with an empty index: it never lists one. */
  | 'claimed'
  /** A manifest with a `subject` refused outright (set by the registry's module with its answer). */
  | 'refused';

export interface FrontSpec {
  /** The registry it plays, for messages. */
  name: string;
  /** The loopback address the registry listens on. */
  address?: string;
  auth: BearerAuth | BasicAuth;
  /** Users and their passwords (tokens). */
  users: Record<string, string>;
  /** Users that may pull but not push. */
  readOnly?: string[];
  /** Anyone may pull (a public repository), without credentials. */
  anonymousPull?: boolean;
  /** What a user may do on a repository, beyond the default (known users pull and push anywhere). */
  grant?: (user: string | undefined, repository: string, asked: string[]) => string[];
  referrers: Referrers;
  /** The answer to a manifest with a `subject` when `referrers` is 'refused'. */
  referrerRefusal?: Answer;
  /** Cross-repository mounts: made, never made (202), or only of blobs a manifest in the source references (ECR). */
  mount: 'yes' | 'no' | 'referenced';
  /** The largest PATCH body (a chunk) taken, and the answer to a larger one (GHCR). */
  chunkMax?: { bytes: number; answer: Answer };
  /** A PATCH answered 201 instead of 202, and the bodies of later PATCHes of the session dropped (ECR). */
  patchAnswers201?: boolean;
  /** The registry's checks before distribution is asked; an answer ends the request. */
  before?: (req: FrontRequest, who: Identity, front: Front) => Answer | undefined | Promise<Answer | undefined>;
  /** The answer to a request the identity may not make (after a token); default 401 insufficient_scope. */
  denied?: (req: FrontRequest, who: Identity) => Answer | undefined;
  /** Headers added to every answer for a repository (Docker Hub's ratelimit-*). */
  extraHeaders?: (req: FrontRequest) => Record<string, string>;
}

export interface FrontRecord {
  method: string;
  path: string;
  status: number;
  user?: string;
}

export interface TokenRecord {
  user?: string;
  scopes: string[];
  granted: boolean;
  method: string;
}

/** A running front: the registry as a client sees it. */
export interface Front {
  name: string;
  /** `127.0.0.x:port`, what a reference names. */
  host: string;
  url: string;
  /** The token service's `host:port` (a realm on another host is listed as a token host). */
  tokenHost?: string;
  realm?: string;
  upstream: Registry;
  requests: FrontRecord[];
  tokenRequests: TokenRecord[];
  /** Every token issued (none may reach a log). */
  issued: string[];
  /** The referrers the front indexed for `repository@digest`. */
  referrersOf(repository: string, digest: string): Array<Record<string, unknown>>;
  /** Whether the tag exists in distribution, and the digest it points at. */
  tagDigest(repository: string, tag: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

const MAX_BODY = 256 * 1024 * 1024;
const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Parses a /v2/ path into its repository, kind and reference. */
export function parsePath(method: string, url: URL): Pick<FrontRequest, 'repository' | 'kind' | 'reference'> {
  const p = url.pathname;
  if (p === '/v2/' || p === '/v2') return { kind: 'ping' };
  let m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(p);
  if (m) return { kind: 'manifest', repository: m[1], reference: decodeURIComponent(m[2]) };
  m = /^\/v2\/(.+)\/blobs\/uploads\/?(.*)$/.exec(p);
  if (m) return { kind: 'upload', repository: m[1] };
  m = /^\/v2\/(.+)\/blobs\/([^/]+)$/.exec(p);
  if (m) return { kind: 'blob', repository: m[1], reference: decodeURIComponent(m[2]) };
  m = /^\/v2\/(.+)\/tags\/list$/.exec(p);
  if (m) return { kind: 'tags', repository: m[1] };
  m = /^\/v2\/(.+)\/referrers\/([^/]+)$/.exec(p);
  if (m) return { kind: 'referrers', repository: m[1], reference: decodeURIComponent(m[2]) };
  void method;
  return { kind: 'other' };
}

/** The actions a request needs on its repository. */
function needs(req: FrontRequest): string[] {
  return req.method === 'GET' || req.method === 'HEAD' ? ['pull'] : ['pull', 'push'];
}

/** Starts distribution and the front before it (and its token service, for Bearer). */
export async function startFront(spec: FrontSpec): Promise<Front> {
  const upstream = await startRegistry();
  const requests: FrontRecord[] = [];
  const tokenRequests: TokenRecord[] = [];
  const issued: string[] = [];
  const tokens = new Map<string, { user?: string; access: Map<string, Set<string>>; expires: number }>();
  const referrers = new Map<string, Array<Record<string, unknown>>>();
  /** Blob digests a manifest in each repository references (ECR mounts only those). */
  const referenced = new Map<string, Set<string>>();
  /** Upload sessions already sent a PATCH (ECR drops the bodies of later ones). */
  const patched = new Map<string, string>();

  const address = spec.address ?? '127.0.0.1';
  const server = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((r) => server.listen(0, address, r));
  const host = `${address}:${(server.address() as AddressInfo).port}`;

  let tokenServer: http.Server | undefined;
  let tokenHost: string | undefined;
  let realm: string | undefined;
  const auth = spec.auth;
  if (auth.scheme === 'bearer') {
    const tokenAddress = auth.tokenAddress ?? address;
    if (tokenAddress === address) {
      realm = `http://${host}${auth.tokenPath}`;
    } else {
      tokenServer = http.createServer(
        (req, res) =>
          void readBody(req)
            .then((body) => serveToken(req, res, body))
            .catch(() => send(res, { status: 500 })),
      );
      await new Promise<void>((r) => tokenServer!.listen(0, tokenAddress, r));
      tokenHost = `${tokenAddress}:${(tokenServer.address() as AddressInfo).port}`;
      realm = `http://${tokenHost}${auth.tokenPath}`;
    }
  }

  const front: Front = {
    name: spec.name,
    host,
    url: `http://${host}`,
    tokenHost,
    realm,
    upstream,
    requests,
    tokenRequests,
    issued,
    referrersOf: (repository, digest) => referrers.get(`${repository}@${digest}`) ?? [],
    tagDigest: async (repository, tag) => {
      const r = await fetch(`${upstream.url}/v2/${repository}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { accept: `application/vnd.oci.image.manifest.v1+json, ${INDEX}` },
      });
      return r.status === 200 ? (r.headers.get('docker-content-digest') ?? undefined) : undefined;
    },
    stop: async () => {
      for (const s of [server, tokenServer]) {
        if (!s) continue;
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
      await upstream.stop();
    },
  };

  function readBody(req: http.IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy(new Error('body too large'));
        else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  function send(res: http.ServerResponse, a: Answer, extra: Record<string, string> = {}): void {
    const body = a.body === undefined ? Buffer.alloc(0) : Buffer.from(a.body);
    res.writeHead(a.status, { ...extra, ...a.headers, 'content-length': String(body.length) });
    res.end(body);
  }

  /** Who the request's Authorization names, or undefined for one that is not valid. */
  function identify(header: string | undefined): Identity | undefined {
    if (!header) return { access: new Map() };
    if (auth.scheme === 'basic') {
      const user = checkBasic(header);
      return user === undefined ? undefined : { user, access: new Map(), all: true };
    }
    const m = /^Bearer (.+)$/.exec(header);
    if (!m) return undefined;
    const t = tokens.get(m[1]);
    if (!t || t.expires < Date.now()) return undefined;
    return { user: t.user, access: t.access };
  }

  function checkBasic(header: string | undefined): string | undefined {
    const m = /^Basic (.+)$/.exec(header ?? '');
    if (!m) return undefined;
    const text = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = text.indexOf(':');
    const [user, password] = [text.slice(0, colon), text.slice(colon + 1)];
    return colon > 0 && spec.users[user] === password ? user : undefined;
  }

  function allowed(who: Identity, repository: string, actions: string[]): boolean {
    if (who.all) return true;
    const have = who.access.get(repository);
    return actions.every((a) => have?.has(a));
  }

  function challenge(scope?: string, error?: string): string {
    if (auth.scheme === 'basic') return `Basic ${auth.challenge}`;
    const parts = [`realm="${realm}"`, `service="${auth.service}"`];
    if (scope) parts.push(`scope="${scope}"`);
    if (error) parts.push(`error="${error}"`);
    return `Bearer ${parts.join(',')}`;
  }

  /** What a user may do on a repository: the registry's rule, else pull and push for known users, pull for anyone where public. */
  function grantFor(user: string | undefined, repository: string, asked: string[]): string[] {
    if (spec.grant) return spec.grant(user, repository, asked);
    return asked.filter((a) => {
      if (a === 'pull') return user !== undefined || spec.anonymousPull === true;
      if (a === 'push') return user !== undefined && !spec.readOnly?.includes(user);
      return false;
    });
  }

  function serveToken(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://token');
    if (auth.scheme !== 'bearer' || url.pathname !== auth.tokenPath) return send(res, { status: 404 });
    let user: string | undefined;
    let scopes: string[];
    if (req.method === 'POST') {
      // OAuth2 (distribution's "Token Authentication Specification", OAuth2): refresh_token or password grants.
      const form = new URLSearchParams(body.toString('utf8'));
      scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      const grant = form.get('grant_type');
      if (grant === 'refresh_token') user = auth.refreshTokens?.get(form.get('refresh_token') ?? '');
      else if (grant === 'password' && spec.users[form.get('username') ?? ''] === form.get('password')) user = form.get('username')!;
      if (user === undefined) {
        tokenRequests.push({ scopes, granted: false, method: 'POST' });
        return send(res, errorAnswer(401, 'UNAUTHORIZED', 'invalid grant'));
      }
    } else {
      scopes = url.searchParams.getAll('scope');
      if (req.headers.authorization) {
        user = checkBasic(req.headers.authorization);
        if (user === undefined) {
          tokenRequests.push({ scopes, granted: false, method: 'GET' });
          return send(res, errorAnswer(401, 'UNAUTHORIZED', 'invalid username or password'));
        }
      }
    }
    const access = new Map<string, Set<string>>();
    for (const s of scopes) {
      const m = /^repository:(.+):([a-z*,]+)$/.exec(s);
      if (!m) continue;
      const refusal = auth.refuseScope?.(m[1]);
      if (refusal) {
        tokenRequests.push({ user, scopes, granted: false, method: req.method ?? 'GET' });
        return send(res, refusal);
      }
      const granted = grantFor(user, m[1], m[2].split(','));
      access.set(m[1], new Set([...(access.get(m[1]) ?? []), ...granted]));
    }
    tokenRequests.push({ user, scopes, granted: true, method: req.method ?? 'GET' });
    const token = `${spec.name.toLowerCase().replace(/\W+/g, '')}-${randomBytes(16).toString('hex')}`;
    const expiresIn = 300;
    tokens.set(token, { user, access, expires: Date.now() + expiresIn * 1000 });
    issued.push(token);
    const fields = auth.tokenFields ?? ['token'];
    const answer: Record<string, unknown> = { expires_in: expiresIn, issued_at: new Date().toISOString() };
    for (const f of fields) answer[f] = token;
    send(res, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer) });
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (auth.scheme === 'bearer' && (auth.tokenAddress ?? address) === address && url.pathname === auth.tokenPath) {
      return serveToken(req, res, body);
    }
    const fr: FrontRequest = { method: req.method ?? 'GET', url, headers: req.headers, body, ...parsePath(req.method ?? 'GET', url) };
    const record: FrontRecord = { method: fr.method, path: `${url.pathname}${url.search}`, status: 0 };
    requests.push(record);
    const extra = spec.extraHeaders?.(fr) ?? {};
    const reply = (a: Answer): void => {
      record.status = a.status;
      send(res, a, extra);
    };
    try {
      const who = identify(req.headers.authorization);
      const scope = fr.repository ? `repository:${fr.repository}:${needs(fr).join(',')}` : undefined;
      if (!who) return reply(errorAnswer(401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': challenge(scope) }));
      record.user = who.user;
      // The ping needs a valid credential (a token with no scope at all, or Basic); a repository needs its actions.
      if (fr.kind === 'ping' && !who.all && !req.headers.authorization)
        return reply(errorAnswer(401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': challenge() }));
      if (fr.repository && !allowed(who, fr.repository, needs(fr))) {
        if (!req.headers.authorization)
          return reply(errorAnswer(401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': challenge(scope) }));
        const denial = spec.denied?.(fr, who);
        if (denial) return reply(denial);
        return reply(
          errorAnswer(401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': challenge(scope, 'insufficient_scope') }),
        );
      }
      const own = await spec.before?.(fr, who, front);
      if (own) return reply(own);
      const built = await builtIn(fr, who);
      if (built) return reply(built);
      const up = await forward(fr);
      if (fr.kind === 'manifest' && fr.method === 'PUT' && up.status === 201) afterManifestPut(fr, up);
      if (fr.kind === 'upload' && fr.method === 'PATCH' && spec.patchAnswers201 && up.status === 202) {
        patched.set(url.pathname, up.headers.range ?? '');
        up.status = 201;
      }
      reply(up);
    } catch (err) {
      reply({ status: 502, body: String(err) });
    }
  }

  /** The parts of the API the front plays itself: referrers, mounts, upload limits. */
  async function builtIn(fr: FrontRequest, who: Identity): Promise<Answer | undefined> {
    if (fr.kind === 'referrers' && fr.method === 'GET') {
      if (spec.referrers === 'none' || spec.referrers === 'refused') return errorAnswer(404, 'NOT_FOUND', 'page not found');
      const filter = fr.url.searchParams.get('artifactType');
      const all = spec.referrers === 'claimed' ? [] : (referrers.get(`${fr.repository}@${fr.reference}`) ?? []);
      const manifests = filter ? all.filter((d) => d.artifactType === filter) : all;
      return {
        status: 200,
        headers: { 'content-type': INDEX, ...(filter && spec.referrers === 'api' ? { 'oci-filters-applied': 'artifactType' } : {}) },
        body: JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests }),
      };
    }
    if (fr.kind === 'manifest' && fr.method === 'PUT' && spec.referrers === 'refused' && subjectOf(fr.body))
      return spec.referrerRefusal ?? errorAnswer(405, 'UNSUPPORTED', 'The operation is unsupported.');
    if (fr.kind === 'upload' && fr.method === 'POST' && fr.url.searchParams.has('mount')) {
      const from = fr.url.searchParams.get('from') ?? '';
      const digest = fr.url.searchParams.get('mount') ?? '';
      const readable = allowed(who, from, ['pull']);
      const mountable = spec.mount === 'yes' || (spec.mount === 'referenced' && referenced.get(from)?.has(digest) === true);
      if (!readable || !mountable) {
        // No mount: an upload session instead (202), as the spec has a registry that does not mount answer.
        const plain = new URL(fr.url);
        plain.search = '';
        return forward({ ...fr, url: plain });
      }
    }
    if (fr.kind === 'upload' && fr.method === 'PATCH') {
      if (spec.chunkMax && fr.body.length > spec.chunkMax.bytes) return spec.chunkMax.answer;
      const range = patched.get(fr.url.pathname);
      if (range !== undefined) return { status: 201, headers: { range, location: fr.url.pathname + fr.url.search } };
    }
    return undefined;
  }

  function afterManifestPut(fr: FrontRequest, up: Answer): void {
    const manifest = parse(fr.body);
    const blobs = referenced.get(fr.repository!) ?? new Set<string>();
    for (const d of [manifest?.config, ...((manifest?.layers as unknown[]) ?? [])])
      if (d && typeof (d as { digest?: unknown }).digest === 'string') blobs.add((d as { digest: string }).digest);
    referenced.set(fr.repository!, blobs);
    const subject = subjectOf(fr.body);
    if (!subject || spec.referrers === 'none') return;
    const key = `${fr.repository}@${subject}`;
    const entry: Record<string, unknown> = {
      mediaType: manifest?.mediaType,
      digest: sha256(fr.body),
      size: fr.body.length,
      artifactType: manifest?.artifactType ?? (manifest?.config as { mediaType?: string } | undefined)?.mediaType,
      ...(manifest?.annotations ? { annotations: manifest.annotations } : {}),
    };
    const list = referrers.get(key) ?? [];
    if (!list.some((d) => d.digest === entry.digest)) list.push(entry);
    referrers.set(key, list);
    up.headers = { ...up.headers, 'oci-subject': subject };
  }

  /** Passes a request to distribution, the front's own host as Host (so its Locations point at the front). */
  function forward(fr: FrontRequest): Promise<Answer & { headers: Record<string, string> }> {
    const headers: http.OutgoingHttpHeaders = { ...fr.headers, host };
    delete headers.authorization;
    delete headers['content-length'];
    headers['content-length'] = String(fr.body.length);
    return new Promise((resolve, reject) => {
      const out = http.request(`${upstream.url}${fr.url.pathname}${fr.url.search}`, { method: fr.method, headers }, (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(up.headers))
            if (v !== undefined && !['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(k))
              h[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: up.statusCode ?? 502, headers: h, body: fr.method === 'HEAD' ? undefined : Buffer.concat(chunks) });
        });
        up.on('error', reject);
      });
      out.on('error', reject);
      out.end(fr.body);
    });
  }

  return front;
}

function parse(body: Buffer): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(body.toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The digest a manifest's `subject` names, if it has one. */
export function subjectOf(body: Buffer): string | undefined {
  const digest = (parse(body)?.subject as { digest?: unknown } | undefined)?.digest;
  return typeof digest === 'string' ? digest : undefined;
}

/** The tag a manifest request names (not a digest), if it names one. */
export function tagOf(req: FrontRequest): string | undefined {
  return req.kind === 'manifest' && req.reference && !req.reference.includes(':') ? req.reference : undefined;
}
