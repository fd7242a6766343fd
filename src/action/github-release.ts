// A GitHub release for a published chart, made exactly once, with GitHub's REST API
// (https://docs.github.com/rest/releases/releases, API version 2022-11-28):
//
//   GET    /repos/{owner}/{repo}/releases/tags/{tag}       a published release for the tag (drafts have none yet)
//   GET    /repos/{owner}/{repo}/releases?per_page=100     to find a draft an earlier run left (drafts are listed
//                                                          to a token that may push)
//   POST   /repos/{owner}/{repo}/releases                  {tag_name, target_commitish, name, body, draft: true}
//   POST   {upload_url}?name=…                             each asset (the upload host GitHub names)
//   DELETE /repos/{owner}/{repo}/releases/assets/{id}      an asset a draft holds already (a run that stopped)
//   PATCH  /repos/{owner}/{repo}/releases/{id}             {draft: false}: published, the tag made at the commit
//
// Draft first, assets, then published: a repository with immutable releases refuses assets once a
// release is published ("Cannot upload assets to an immutable release", HTTP 422), and GitHub's
// documented way is to create a draft, attach the assets, then publish it
// (https://docs.github.com/code-security/supply-chain-security/understanding-your-software-supply-chain/immutable-releases;
// the same fix in openedx/sample-plugin#57, Zondax/_workflows#110). A release that exists is left as
// it is, immutable or not: a re-run publishes the same version, and its release was made by the first.
import { UserError } from '../errors.js';
import { Http, type HttpResponse } from '../oci/http.js';
import { isRetryableError, isRetryableStatus, retryDelay, retrying, sleep, type RetryPolicy } from '../oci/retry.js';
import { authorization, GITHUB_API_VERSION, quote } from './attestations-api.js';
import { exchangeFailure } from './http-failure.js';

export interface ReleaseAsset {
  name: string;
  contentType: string;
  data: Buffer;
}

export interface ReleaseRequest {
  /** The tag and the release's title: `<chart>-<version>`, as chart-releaser names them. */
  tag: string;
  body: string;
  prerelease: boolean;
  assets: ReleaseAsset[];
}

export interface ReleaseOptions {
  token: string;
  /** `owner/repo` (GITHUB_REPOSITORY). */
  repository: string;
  /** GITHUB_API_URL; https://api.github.com by default. */
  apiUrl?: string;
  /** The commit the tag is made at, when the tag does not exist yet (GITHUB_SHA). */
  commit?: string;
  policy?: RetryPolicy;
  http?: Http;
}

export interface ReleaseOutcome {
  /** `created` by this run (or finished from a draft an earlier run left), or it `exists` already and was left alone. */
  status: 'created' | 'exists';
  url: string;
}

const POLICY: RetryPolicy = { retries: 3, baseMs: 1000, capMs: 8000, maxRetryAfterMs: 30_000, timeoutMs: 60_000 };
/** A release's JSON is a few KiB; a page of 100 releases with long notes (125,000 characters each, at most) stays under this. */
const MAX_ANSWER = 16 * 1024 * 1024;
/** Pages of releases looked through for a draft an earlier run left (drafts are recent: the first page, as a rule). */
const DRAFT_PAGES = 3;

interface ReleaseJson {
  id: number;
  tag_name: string;
  draft: boolean;
  html_url: string;
  upload_url: string;
  assets?: Array<{ id: number; name: string; size?: number }>;
}

/**
 * The release `request.tag`: left alone when it exists (published: immutable or not, nothing is
 * changed); else made as a draft (or an earlier run's draft for the tag finished), its assets
 * attached (an asset the draft already holds is replaced: a draft is never what anyone downloaded),
 * then published. Two runs that race end with one release: the one whose publish comes second finds
 * the tag's release and deletes its own draft.
 */
export async function ensureRelease(
  request: ReleaseRequest,
  options: ReleaseOptions,
  log: (line: string) => void,
): Promise<ReleaseOutcome> {
  const api = new ReleasesApi(options);
  try {
    const existing = await api.published(request.tag);
    if (existing) return { status: 'exists', url: existing.html_url };
    let draft = await api.findDraft(request.tag);
    if (draft) log(`GitHub release ${request.tag}: finishing the draft an earlier run left (${draft.html_url})`);
    else
      draft = await api.createDraft(request.tag, {
        tag_name: request.tag,
        ...(options.commit ? { target_commitish: options.commit } : {}),
        name: request.tag,
        body: request.body,
        draft: true,
        prerelease: request.prerelease,
      });
    for (const asset of request.assets) {
      const old = draft.assets?.find((a) => a.name === asset.name);
      if (old) await api.json('DELETE', api.repo(`/releases/assets/${old.id}`), [204, 404], `replace the draft's ${asset.name}`);
      await api.upload(draft, asset);
    }
    const published = await api.send('PATCH', api.repo(`/releases/${draft.id}`), { draft: false });
    if (published.status === 200) return { status: 'created', url: parse<ReleaseJson>(published, 'publish the release').html_url };
    // Another run published a release for this tag meanwhile: it stands, and this draft goes.
    const other = published.status === 422 ? await api.published(request.tag) : undefined;
    if (!other) throw api.refusal(published, 'publish the release');
    await api.json('DELETE', api.repo(`/releases/${draft.id}`), [204, 404], 'delete the duplicate draft');
    return { status: 'exists', url: other.html_url };
  } finally {
    await api.close();
  }
}

/** A client for GitHub's API (one can serve every release of a run: `ReleaseOptions.http`). */
export function releaseHttp(policy: RetryPolicy = POLICY): Http {
  return new Http({ userAgent: 'chartlift', timeoutMs: policy.timeoutMs });
}

class ReleasesApi {
  readonly #options: ReleaseOptions;
  readonly #policy: RetryPolicy;
  readonly #http: Http;
  readonly #base: string;
  readonly #repoPath: string;
  readonly #uploadHosts: Set<string>;
  /** The API's scheme: the token goes to an upload address over it only (never in clear from an https API). */
  readonly #protocol: string;

  constructor(options: ReleaseOptions) {
    this.#options = options;
    this.#policy = options.policy ?? POLICY;
    const [owner, repo, ...rest] = (options.repository ?? '').split('/');
    if (!owner || !repo || rest.length > 0)
      throw new UserError(`GitHub release: the repository ${JSON.stringify(options.repository ?? '')} is not owner/name`);
    if (!options.token)
      throw new UserError('GitHub release: no GitHub token', { hint: 'Set github-token (the default is the job’s GITHUB_TOKEN)' });
    this.#base = (options.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
    let api: URL;
    try {
      api = new URL(this.#base);
    } catch {
      api = new URL('invalid:');
    }
    if (api.protocol !== 'https:' && api.protocol !== 'http:')
      throw new UserError(`GitHub release: the API address ${JSON.stringify(this.#base)} is not an http(s) URL`);
    this.#repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    // The token goes to the upload URL GitHub names only on GitHub's own hosts: the API's host (GitHub
    // Enterprise Server's /api/uploads), or its uploads. twin (api.github.com → uploads.github.com).
    this.#uploadHosts = new Set([api.host, api.host.replace(/^api\./, 'uploads.')]);
    this.#protocol = api.protocol;
    this.#http = options.http ?? releaseHttp(this.#policy);
  }

  repo(path: string): string {
    return `${this.#base}${this.#repoPath}${path}`;
  }

  /** The published release for `tag`, or undefined. */
  async published(tag: string): Promise<ReleaseJson | undefined> {
    const res = await this.send('GET', this.repo(`/releases/tags/${encodeURIComponent(tag)}`));
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw this.refusal(res, `look up the release ${tag}`);
    return parse<ReleaseJson>(res, `look up the release ${tag}`);
  }

  /** A draft release for `tag` an earlier run made and did not publish. */
  async findDraft(tag: string): Promise<ReleaseJson | undefined> {
    for (let page = 1; page <= DRAFT_PAGES; page++) {
      const list = await this.json<ReleaseJson[]>('GET', this.repo(`/releases?per_page=100&page=${page}`), [200], 'list the releases');
      if (!Array.isArray(list)) throw new UserError('GitHub release: listing the releases gave no list');
      const draft = list.find((r) => r?.draft === true && r.tag_name === tag);
      if (draft) return draft;
      if (list.length < 100) return undefined;
    }
    return undefined;
  }

  async upload(release: ReleaseJson, asset: ReleaseAsset): Promise<void> {
    let url: URL;
    try {
      url = new URL(String(release.upload_url).replace(/\{[^}]*\}$/, ''));
    } catch {
      throw new UserError(`GitHub release: the upload address ${quote(String(release.upload_url))} is not a URL`);
    }
    if (!this.#uploadHosts.has(url.host) || url.protocol !== this.#protocol)
      throw new UserError(
        `GitHub release: the upload address ${quote(url.href)} is not on GitHub's hosts over the API's own scheme (${this.#protocol.slice(0, -1)}); the token is not sent there`,
      );
    url.searchParams.set('name', asset.name);
    // Not sent twice blindly: an upload whose answer was lost may be stored (a second would be refused
    // as already_exists): the draft is asked whether it holds the asset first.
    for (let attempt = 0; ; attempt++) {
      const res = await this.send('POST', url.href, asset.data, asset.contentType, false).catch((err: unknown) => err as Error);
      if (!(res instanceof Error) && res.status === 201) return;
      if (await this.holds(release, asset)) return;
      const transient = res instanceof Error || isRetryableStatus(res.status);
      if (!transient || attempt >= this.#policy.retries) throw res instanceof Error ? res : this.refusal(res, `upload ${asset.name}`);
      await sleep(retryDelay(attempt, this.#policy));
    }
  }

  /** Whether the release holds `asset` already (its name and size): an upload whose answer was lost. */
  async holds(release: ReleaseJson, asset: ReleaseAsset): Promise<boolean> {
    const now = await this.json<ReleaseJson>('GET', this.repo(`/releases/${release.id}`), [200], 'read the draft release');
    return (now.assets ?? []).some((a) => a.name === asset.name && a.size === asset.data.length);
  }

  /**
   * The draft, made once: a create whose answer was lost (a 5xx after the write, a dropped connection)
   * may have made it, so the drafts are looked through before it is asked for again; a second draft
   * for the tag would be left behind for ever.
   */
  async createDraft(tag: string, body: Record<string, unknown>): Promise<ReleaseJson> {
    const policy = this.#policy;
    for (let attempt = 0; ; attempt++) {
      const res = await this.send('POST', this.repo('/releases'), body, undefined, false).catch((err: unknown) => err as Error);
      if (!(res instanceof Error) && res.status === 201) return parse<ReleaseJson>(res, 'create the draft release');
      const transient = res instanceof Error || isRetryableStatus(res.status);
      if (!transient) throw this.refusal(res as HttpResponse, 'create the draft release');
      const made = await this.findDraft(tag);
      if (made) return made;
      if (attempt >= policy.retries) throw res instanceof Error ? res : this.refusal(res, 'create the draft release');
      await sleep(retryDelay(attempt, policy, res instanceof Error ? undefined : res.headers['retry-after']));
    }
  }

  /** A request whose answer must have one of `ok` statuses; its JSON (undefined for an empty body). */
  async json<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, ok: number[], what: string): Promise<T> {
    const res = await this.send(method, url);
    if (!ok.includes(res.status)) throw this.refusal(res, what);
    return res.body.length > 0 ? parse<T>(res, what) : (undefined as T);
  }

  /** A request, tried again on a transient failure unless `retry` is false (a write the caller makes once). */
  async send(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    contentType?: string,
    retry = true,
  ): Promise<HttpResponse> {
    const data = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
    try {
      const { value } = await retrying(
        this.#policy,
        () =>
          this.#http.send({
            method,
            url,
            headers: {
              accept: 'application/vnd.github+json',
              authorization: authorization(this.#options.token),
              'x-github-api-version': GITHUB_API_VERSION,
              ...(data !== undefined ? { 'content-type': contentType ?? 'application/json; charset=utf-8' } : {}),
            },
            body: data,
            maxBody: MAX_ANSWER,
          }),
        {
          result: (r) =>
            retry && isRetryableStatus(r.status) ? { reason: `HTTP ${r.status}`, retryAfter: r.headers['retry-after'] } : undefined,
          error: (err) => (retry && isRetryableError(err) ? 'the connection failed' : undefined),
        },
      );
      return value;
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`GitHub release: GitHub's API: ${exchangeFailure(err)}`, { hint: 'Run the job again: the release is made once' });
    }
  }

  refusal(res: HttpResponse, what: string): UserError {
    const said = apiMessage(res.body);
    const quoted = said ? `: "${said}"` : '';
    return new UserError(`GitHub release: could not ${what} (HTTP ${res.status}${quoted})`, {
      hint:
        res.status === 403 || res.status === 404
          ? 'Give the job `permissions: contents: write` (a release and its tag are the repository’s contents), and check github-token'
          : 'Run the job again: an existing release is left alone and a draft is finished',
    });
  }

  async close(): Promise<void> {
    if (!this.#options.http) await this.#http.close().catch(() => {});
  }
}

function parse<T>(res: HttpResponse, what: string): T {
  try {
    return JSON.parse(res.body.toString('utf8')) as T;
  } catch {
    throw new UserError(`GitHub release: could not ${what}: GitHub answered HTTP ${res.status} with no JSON`);
  }
}

/** GitHub's `message` in an error answer (and the first validation error's code), on one line, cut short. */
function apiMessage(body: Buffer): string | undefined {
  try {
    const json = JSON.parse(body.toString('utf8')) as { message?: unknown; errors?: Array<{ message?: unknown; code?: unknown }> } | null;
    const parts = [json?.message, json?.errors?.[0]?.message ?? json?.errors?.[0]?.code].filter((p) => typeof p === 'string' && p);
    return parts.length > 0 ? quote(parts.join(': ')) : undefined;
  } catch {
    return undefined;
  }
}
