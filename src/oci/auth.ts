import { UserError } from '../errors.js';
import { basicAuth } from './basic-auth.js';
import { parseChallenge, type Challenge } from './challenge.js';
import { responseError } from './errors.js';
import { checkRealm, TOKEN_HOSTS_VARIABLE, tokenHostsFrom } from './token-realm.js';
import type { Http, HttpRequest, HttpResponse, HttpStream } from './http.js';

/** What a registry accepts: a user name and password (or token), or an OAuth2 identity token. */
export type Credential = { username: string; password: string } | { identityToken: string; username?: string };

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * Authorises requests to one registry. The first 401 tells the scheme: Basic (the credential on
 * every request from then on) or Bearer (a token from the realm per scope, cached until it expires,
 * renewed once when a request is refused with it). Once the realm is known, a scope's token is asked
 * for before its first request, not after a 401. Anonymous tokens when there is no credential.
 */
export class Authenticator {
  readonly #http: Http;
  readonly #registry: string;
  readonly #credential?: Credential;
  #challenge?: Challenge;
  readonly #tokens = new Map<string, CachedToken>();
  /** Token requests in flight, by scope: concurrent requests for one scope share one. */
  readonly #fetching = new Map<string, Promise<void>>();
  /** Token requests made (for tests and the benchmark). */
  tokenRequests = 0;

  /** Told every secret this authenticator obtains (tokens), before anything can print it. */
  readonly #onSecret: (secret: string) => void;
  /** The registry's origin (scheme, host, port): the only place its credentials and tokens go. */
  readonly #origin: string;

  constructor(
    http: Http,
    registry: string,
    credential?: Credential,
    onSecret: (secret: string) => void = () => {},
    origin = `https://${registry}`,
    tokenHosts: readonly string[] = tokenHostsFrom(process.env[TOKEN_HOSTS_VARIABLE]),
  ) {
    this.#http = http;
    this.#registry = registry;
    this.#credential = credential;
    this.#onSecret = onSecret;
    this.#origin = new URL(origin).origin;
    this.#tokenHosts = new Set(tokenHosts.map((h) => h.toLowerCase()));
  }

  /** Hosts (`host` or `host:port`) besides the registry's own that may serve its tokens. */
  readonly #tokenHosts: Set<string>;

  get username(): string | undefined {
    return this.#credential?.username;
  }

  /** The `service` the registry's Bearer challenge named (which token service, so which registry, it is). */
  get service(): string | undefined {
    return this.#challenge?.params.service;
  }

  /** Sends `req` with authorisation for `scope`, handling one 401 by (re)authorising and repeating it. */
  async send(req: HttpRequest, scope: string | undefined): Promise<HttpResponse> {
    return this.#exchange(
      req,
      scope,
      (r) => this.#http.send(r),
      async () => {},
    );
  }

  /** `send` with a streamed body (the caller reads it). */
  async open(req: HttpRequest, scope: string | undefined): Promise<HttpStream> {
    return this.#exchange(
      req,
      scope,
      (r) => this.#http.open(r),
      (res) => res.body.dump(),
    );
  }

  async #exchange<R extends { status: number; headers: Record<string, string> }>(
    req: HttpRequest,
    scope: string | undefined,
    sendOnce: (r: HttpRequest) => Promise<R>,
    discard: (res: R) => Promise<void>,
  ): Promise<R> {
    // The one place that decides where credentials go: the registry's own origin (same scheme, host
    // and port) only. Another origin (an upload Location, a redirect, a downgrade to plain HTTP) gets
    // none, and is not believed about authentication either.
    if (new URL(req.url).origin !== this.#origin) return sendOnce(req);
    const known = this.#challenge;
    if (known?.scheme === 'bearer' && scope && !this.#validToken(scope)) await this.#fetchToken(scope);
    const first = await sendOnce(this.#authorise(req, scope, false));
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers['www-authenticate']);
    if (!challenge) return first;
    if (challenge.scheme !== 'bearer' && (challenge.scheme !== 'basic' || !this.#credential)) return first;
    await discard(first);
    this.#challenge = challenge;
    if (challenge.scheme === 'bearer') await this.#fetchToken(scope ?? challenge.params.scope, true);
    return sendOnce(this.#authorise(req, scope, true));
  }

  #authorise(req: HttpRequest, scope: string | undefined, retry: boolean): HttpRequest {
    const headers = { ...req.headers };
    const c = this.#challenge;
    if (c?.scheme === 'basic' && this.#credential && 'password' in this.#credential) {
      headers.authorization = basicAuth(this.#credential.username, this.#credential.password);
    } else if (c?.scheme === 'bearer') {
      const token = this.#tokens.get(scope ?? c.params.scope ?? '');
      if (token && (retry || token.expiresAt > Date.now())) headers.authorization = `Bearer ${token.token}`;
    }
    return { ...req, headers };
  }

  #validToken(scope: string): boolean {
    return (this.#tokens.get(scope)?.expiresAt ?? 0) > Date.now();
  }

  /** A token for `scope`; `renew`: even if one is cached (the registry refused it). Shared while in flight. */
  async #fetchToken(scope: string | undefined, renew = false): Promise<void> {
    const key = scope ?? this.#challenge!.params.scope ?? '';
    const inFlight = this.#fetching.get(key);
    if (inFlight) return inFlight;
    if (!renew && this.#validToken(key)) return;
    const fetching = this.#requestToken(scope).finally(() => this.#fetching.delete(key));
    this.#fetching.set(key, fetching);
    return fetching;
  }

  /**
   * Where a token may be asked for (with the credentials): the registry's own host, or a host the
   * user listed in CHARTLIFT_TOKEN_HOSTS; over HTTPS, or plain HTTP only for a registry that is
   * plain HTTP itself. Anything else is refused before a request goes there: a realm is the
   * registry's to name, and a hostile one would otherwise point the runner at any address.
   */
  #checkRealm(realm: string): URL {
    return checkRealm(this.#registry, this.#origin, realm, this.#tokenHosts);
  }

  async #requestToken(scope: string | undefined): Promise<void> {
    const c = this.#challenge!;
    const realm = c.params.realm;
    if (!realm)
      throw new UserError(`${this.#registry} asked for a Bearer token but named no realm`, { hint: 'The registry is misconfigured' });
    const checked = this.#checkRealm(realm);
    const url = new URL(checked);
    if (c.params.service) url.searchParams.set('service', c.params.service);
    for (const s of (scope ?? '').split(' ').filter(Boolean)) url.searchParams.append('scope', s);
    this.tokenRequests++;
    let res: HttpResponse;
    const cred = this.#credential;
    if (cred && 'identityToken' in cred) {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: cred.identityToken,
        service: c.params.service ?? '',
        client_id: 'chartlift',
      });
      if (scope) form.set('scope', scope);
      res = await this.#http.send({
        method: 'POST',
        url: checked.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    } else {
      const headers: Record<string, string> = {};
      if (cred) headers.authorization = basicAuth(cred.username, cred.password);
      res = await this.#http.send({ method: 'GET', url: url.toString(), headers, maxBody: 1024 * 1024 });
    }
    if (res.status !== 200)
      throw responseError('get a token for', res, {
        registry: this.#registry,
        repository: scopeRepositories(scope)[0],
        username: this.username,
        service: c.params.service,
      });
    let body: { token?: string; access_token?: string; expires_in?: number };
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      throw new UserError(`the token service of ${this.#registry} answered with something that is not JSON`, {
        hint: 'The registry is misconfigured',
      });
    }
    const token = [body.access_token, body.token].find((t) => typeof t === 'string' && t !== '');
    if (!token) throw new UserError(`the token service of ${this.#registry} returned no token`, { hint: 'The registry is misconfigured' });
    this.#onSecret(token);
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    // Renew a little before expiry: 5 s, or a tenth of a short token's life.
    this.#tokens.set(scope ?? c.params.scope ?? '', { token, expiresAt: Date.now() + seconds * 1000 - Math.min(5000, seconds * 100) });
  }
}

/** The repositories a scope (`repository:name:pull,push repository:other:pull`) asks for, in order. */
function scopeRepositories(scope: string | undefined): string[] {
  return (scope ?? '').split(' ').flatMap((s) => {
    const m = /^repository:(.+):[a-z*,]+$/.exec(s);
    return m ? [m[1]] : [];
  });
}
