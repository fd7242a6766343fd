import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { causes } from '../util/causes.js';
import { Authenticator, type Credential } from './auth.js';
import { outsideDeadline } from './deadline.js';
import { parseDigest, sha256, type Descriptor } from './digest.js';
import { networkError, quotaSpent, RegistryError, responseError } from './errors.js';
import { BodyTooLarge, readBounded, type Http, type HttpRequest, type HttpResponse, type HttpStream } from './http.js';
import { MANIFEST_ACCEPT, OciMediaType as MediaType } from './media-types.js';
import { BoundsError, readJson, type Bounds } from '../util/bounded-read.js';
import { isRetryableStatus, retryBudget, retrying, retryPolicy, type RetryPolicy } from './retry.js';

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A page of the tag list (n=1000 asked): 20,000 values is room to spare; 100,000 tags in all. */
const TAGS_PAGE: Bounds = { maxBytes: 16 * 1024 * 1024, maxNodes: 20_000, maxDepth: 8 };
/** Blobs up to this size try the single-request upload. */
export const SINGLE_POST_MAX = 256 * 1024;
const REDIRECTS = [301, 302, 303, 307, 308];
/** Of an error page, the start is enough to quote. */
const ERROR_BODY_MAX = 64 * 1024;
/** The largest blob a client downloads: a chart's archive (Helm allows 100 MiB unpacked), its config or provenance. */
export const MAX_BLOB_BYTES = 128 * 1024 * 1024;

interface ClientOptions {
  plainHttp?: boolean;
  credential?: Credential;
  policy?: RetryPolicy;
  /** Blobs larger than this go up in chunks (PATCH); smaller ones in one PUT. */
  monolithicMax?: number;
  chunkSize?: number;
  /** Where retries and resumptions are reported. */
  log?: (line: string) => void;
  /** Told every secret the client obtains (Bearer tokens), so a face can mask it; the library prints none. */
  onSecret?: (secret: string) => void;
  /** Hosts besides the registry's own that may serve its Bearer tokens (token-realm.ts); CHARTLIFT_TOKEN_HOSTS when not given. */
  tokenHosts?: readonly string[];
}

/**
 * A distribution-spec client for one registry: the requests Chartlift needs, and no others.
 * Idempotent requests are retried on transient failures; uploads restart (or resume from the
 * registry's Range) as a whole; everything ends within the retry policy's bounds.
 */
export class RegistryClient {
  readonly registry: string;
  readonly #base: string;
  readonly #auth: Authenticator;
  readonly #plainHttp: boolean;
  readonly #policy: RetryPolicy;
  readonly #monolithicMax: number;
  readonly #chunkSize: number;
  readonly #log: (line: string) => void;
  /** The registry refused a blob's chunks as sent (ChunksRefused): this client's later blobs go up in one request. */
  #chunksRefused = false;

  constructor(http: Http, registry: string, options: ClientOptions = {}) {
    this.registry = registry;
    this.#plainHttp = options.plainHttp ?? false;
    this.#base = `${this.#plainHttp ? 'http' : 'https'}://${registry}`;
    this.#auth = new Authenticator(http, registry, options.credential, options.onSecret, this.#base, options.tokenHosts);
    this.#policy = options.policy ?? retryPolicy();
    this.#monolithicMax = options.monolithicMax ?? 16 * 1024 * 1024;
    this.#chunkSize = options.chunkSize ?? 8 * 1024 * 1024;
    this.#log = options.log ?? (() => {});
  }

  get username(): string | undefined {
    return this.#auth.username;
  }

  /** How long one operation of this client may take, retries included (the run's timeout and retries): a deadline for a caller's own. */
  get operationBudgetMs(): number {
    return retryBudget(this.#policy);
  }

  /** GET /v2/ with the credential: what `helm registry login` checks. */
  async ping(): Promise<void> {
    const res = await this.#send({ method: 'GET', url: `${this.#base}/v2/` }, undefined);
    if (res.status !== 200) throw responseError('log in to', res, { registry: this.registry, username: this.username });
  }

  /** The digest the tag points at, or undefined when there is no such tag. */
  async resolveTag(repository: string, tag: string, push: boolean): Promise<string | undefined> {
    const url = `${this.#base}/v2/${repository}/manifests/${tag}`;
    const res = await this.#send({ method: 'HEAD', url, headers: { accept: MANIFEST_ACCEPT } }, scope(repository, push));
    if (res.status === 404) return undefined;
    if (res.status !== 200) {
      // A HEAD answer has no body: the words of a refusal (Harbor's "project not found", …) come with a
      // GET. Not for a registry that failed (5xx, 429): asking again says nothing new.
      if (isRetryableStatus(res.status)) throw responseError('look up', res, this.#target(repository, tag));
      const words = await this.#send(
        { method: 'GET', url, headers: { accept: MANIFEST_ACCEPT }, maxBody: ERROR_BODY_MAX },
        scope(repository, push),
      );
      throw responseError('look up', words.status === res.status ? words : res, this.#target(repository, tag));
    }
    const digest = res.headers['docker-content-digest'];
    if (digest) return parseDigest(digest, 'the Docker-Content-Digest', `${this.registry}/${repository}:${tag}`);
    const full = await this.#send(
      { method: 'GET', url, headers: { accept: MANIFEST_ACCEPT }, maxBody: MAX_MANIFEST_BYTES },
      scope(repository, push),
    );
    if (full.status !== 200) throw responseError('read', full, this.#target(repository));
    return sha256(full.body);
  }

  /** Every tag of a repository (following the Link header's pages). */
  async listTags(repository: string): Promise<string[]> {
    const tags: string[] = [];
    let url: string | undefined = `${this.#base}/v2/${repository}/tags/list?n=1000`;
    for (let page = 0; url && page < 50; page++) {
      const res = await this.#send({ method: 'GET', url, maxBody: 16 * 1024 * 1024 }, scope(repository, false));
      if (res.status === 404) return tags;
      if (res.status !== 200) throw responseError('list the tags of', res, this.#target(repository));
      addTags(tags, res.body, `${this.registry}/${repository}`);
      const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
      url = next ? new URL(next, url).toString() : undefined;
    }
    return tags;
  }

  /**
   * Cross-repository mount: asks the registry to link a blob it already holds in `from` into
   * `repository`. Returns false when the registry answers with an upload session instead (then upload).
   */
  async mountBlob(repository: string, d: Descriptor, from: string): Promise<boolean> {
    const url = `${this.#base}/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(d.digest)}&from=${encodeURIComponent(from)}`;
    const res = await this.#send(
      { method: 'POST', url, headers: { 'content-length': '0' } },
      `${scope(repository, true)} ${scope(from, false)}`,
    );
    if (res.status === 201) return true;
    if (res.status === 202) return false;
    throw responseError('mount a blob into', res, this.#target(repository));
  }

  async hasBlob(repository: string, d: Descriptor): Promise<boolean> {
    const url = `${this.#base}/v2/${repository}/blobs/${parseDigest(d.digest, 'the blob digest', this.registry)}`;
    const res = await this.#send({ method: 'HEAD', url }, scope(repository, true));
    if (res.status === 404) return false;
    if (res.status === 200) return true;
    throw responseError('check a blob in', res, this.#target(repository));
  }

  /**
   * Uploads a blob: in one PUT when small, in chunks when large. A transient failure restarts the
   * upload (unless the blob arrived after all); a chunked upload first tries to resume.
   * `onFinalRequest` is called once the request that completes the blob has gone out, body and all
   * (the PUT that closes a session; a single-request POST cannot be known as final before its answer,
   * so after it: most registries answer it with a session, and the PUT that follows is the final one).
   */
  async uploadBlob(repository: string, d: Descriptor, data: Buffer, onFinalRequest?: () => void): Promise<void> {
    const chunked = data.length > this.#monolithicMax && !this.#chunksRefused;
    // One deadline for the whole upload, its restarts and each request's own retries; a chunked
    // upload has the budget of one request per chunk.
    const chunks = chunked ? Math.ceil(data.length / this.#chunkSize) : 1;
    // What the caller starts when the final request goes (asking for the tag again) is its own operation.
    const final = onFinalRequest && (() => outsideDeadline(onFinalRequest));
    await retrying(
      this.#policy,
      async (n) => {
        if (n > 0 && (await this.hasBlob(repository, d))) return;
        if (!chunked || this.#chunksRefused) return this.#uploadMonolithic(repository, d, data, final);
        try {
          await this.#uploadChunked(repository, d, data, final);
        } catch (err) {
          if (!(err instanceof ChunksRefused)) throw err;
          this.#chunksRefused = true;
          this.#log(
            `${this.registry} does not take uploads in chunks of this size (${err.message}): uploading ${d.digest.slice(0, 19)}… in one request`,
          );
          await this.#uploadMonolithic(repository, d, data, final);
        }
      },
      {
        budgetMs: chunks * retryBudget(this.#policy),
        error: transientReason,
        onRetry: (reason, wait) => this.#log(`restarting the upload of ${d.digest.slice(0, 19)}… ${when(wait)} (${reason})`),
      },
    );
  }

  async #startUpload(repository: string): Promise<{ url: URL; minChunk: number }> {
    const start = await this.#send(
      { method: 'POST', url: `${this.#base}/v2/${repository}/blobs/uploads/`, headers: { 'content-length': '0' } },
      scope(repository, true),
    );
    if (start.status !== 202) throw responseError('start an upload to', start, this.#target(repository));
    const location = start.headers.location;
    if (!location)
      throw new UserError(`${this.registry} started an upload but sent no Location`, {
        hint: 'The registry does not follow the distribution spec',
      });
    return { url: new URL(location, start.url), minChunk: Number(start.headers['oci-chunk-min-length']) || 0 };
  }

  async #finishUpload(repository: string, location: URL, d: Descriptor, body?: Buffer, onFinalRequest?: () => void): Promise<void> {
    const url = new URL(location);
    url.searchParams.set('digest', d.digest);
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'content-length': String(body?.length ?? 0) };
    // Sent again to the same session on a transient failure (a 5xx, a 429, a dropped connection): most
    // leave the session as it was, and a whole new upload (HEAD, POST, PUT) would meet the fault again
    // three times over. A lost answer may have consumed the session: the registry then no longer knows
    // it (404), and the whole upload restarts, finding the blob there if it arrived.
    await retrying(
      this.#policy,
      async () => {
        const put = await this.#send(
          { method: 'PUT', url: url.toString(), headers, body, onSent: onFinalRequest },
          scope(repository, true),
          false,
        );
        if (put.status === 201 || put.status === 204) return;
        if (put.status === 404) throw new UploadLost(`${this.registry} no longer knows the upload session`, { transient: true });
        throw responseError('upload a blob to', put, this.#target(repository));
      },
      {
        error: (err) => (err instanceof UploadLost ? undefined : transientReason(err)),
        onRetry: (reason, wait) => this.#log(`sending the end of the upload of ${d.digest.slice(0, 19)}… again ${when(wait)} (${reason})`),
      },
    );
  }

  /**
   * A small blob goes up in the POST itself (`?digest=`, the spec's single-request upload: one
   * request where the registry supports it); a registry that does not answers 202 with a session,
   * and the blob follows in a PUT, as in the two-step upload.
   */
  async #uploadMonolithic(repository: string, d: Descriptor, data: Buffer, onFinalRequest?: () => void): Promise<void> {
    if (data.length <= SINGLE_POST_MAX) {
      const url = `${this.#base}/v2/${repository}/blobs/uploads/?digest=${encodeURIComponent(d.digest)}`;
      const headers = { 'content-type': 'application/octet-stream', 'content-length': String(data.length) };
      // Tried again as it is on a transient failure: a blob named by its digest is the same blob however
      // often it arrives, and a session the registry opened for a lost answer is left to expire.
      const res = await this.#send({ method: 'POST', url, headers, body: data }, scope(repository, true));
      if (res.status === 201) return onFinalRequest?.();
      if (res.status !== 202 || !res.headers.location) throw responseError('start an upload to', res, this.#target(repository));
      await this.#finishUpload(repository, new URL(res.headers.location, res.url), d, data, onFinalRequest);
      return;
    }
    const { url } = await this.#startUpload(repository);
    await this.#finishUpload(repository, url, d, data, onFinalRequest);
  }

  /** PATCH chunks with Content-Range; after a failure, ask the registry how far it got and go on from there. */
  async #uploadChunked(repository: string, d: Descriptor, data: Buffer, onFinalRequest?: () => void): Promise<void> {
    const started = await this.#startUpload(repository);
    let location = started.url;
    const chunk = Math.max(this.#chunkSize, started.minChunk);
    let offset = 0;
    while (offset < data.length) {
      // A chunk that fails is resumed from where the registry says it got (its Range), within the policy.
      await retrying(
        this.#policy,
        async (n) => {
          if (n > 0) {
            const status = await this.#send({ method: 'GET', url: location.toString() }, scope(repository, true));
            const reached = status.status === 204 ? rangeEnd(status.headers.range) : undefined;
            if (reached === undefined) throw new UploadLost(`${this.registry} lost the upload session`, { transient: true });
            if (status.headers.location) location = new URL(status.headers.location, location);
            this.#log(`resuming the upload of ${d.digest.slice(0, 19)}… at byte ${reached} of ${data.length}`);
            offset = reached;
            if (offset >= data.length) return;
          }
          const end = Math.min(offset + chunk, data.length);
          const body = data.subarray(offset, end);
          const res = await this.#send(
            {
              method: 'PATCH',
              url: location.toString(),
              headers: {
                'content-type': 'application/octet-stream',
                'content-range': `${offset}-${end - 1}`,
                'content-length': String(body.length),
              },
              body,
            },
            scope(repository, true),
            false,
          );
          // Refused as sent, not failed: GHCR caps a chunk at 4 MiB (416 "the request body is too large and
          // exceeds the maximum permissible limit of 4.00MiB": ocx-sh/ocx#237, oras-project/rust-oci-client#37);
          // ECR answers a chunk 201 and drops the bodies of later ones (aws/containers-roadmap#2831).
          if (res.status === 413 || res.status === 416 || (res.status >= 200 && res.status < 300 && res.status !== 202))
            throw new ChunksRefused(`HTTP ${res.status} to a chunk of ${body.length} bytes`);
          if (res.status !== 202) throw responseError('upload a chunk to', res, this.#target(repository));
          if (res.headers.location) location = new URL(res.headers.location, location);
          offset = rangeEnd(res.headers.range) ?? end;
        },
        // A session the registry lost cannot be resumed: the whole upload restarts (uploadBlob's loop).
        { error: (err) => (err instanceof UploadLost ? undefined : transientReason(err)) },
      );
    }
    await this.#finishUpload(repository, location, d, undefined, onFinalRequest);
  }

  /** A manifest by tag or digest, bounded in size and checked against the digest it claims. */
  async fetchManifest(repository: string, reference: string): Promise<{ body: Buffer; digest: string }> {
    const got = await this.#readManifest(repository, reference, MANIFEST_ACCEPT, MAX_MANIFEST_BYTES, 'pull');
    if (!got)
      throw new UserError(`${this.registry}/${repository}:${reference} not found`, {
        hint: 'Check the reference: the repository or the tag does not exist',
      });
    return { body: got.body, digest: got.digest };
  }

  /**
   * A manifest or index by tag or digest when there is one (undefined for a 404), read whole within
   * `maxBytes` and checked against its digest; with what a conditional write of the same reference
   * needs: the ETag, else the digest quoted.
   */
  async fetchManifestIfAny(
    repository: string,
    reference: string,
    accept: string,
    maxBytes = MAX_MANIFEST_BYTES,
  ): Promise<{ body: Buffer; digest: string; contentType?: string; etag: string } | undefined> {
    const got = await this.#readManifest(repository, reference, accept, maxBytes, 'read').catch((err: unknown) =>
      tooLarge(err, `the manifest ${this.registry}/${repository}:${reference}`, maxBytes),
    );
    return got && { ...got, etag: got.headers.etag || `"${got.digest}"`, contentType: got.headers['content-type'] };
  }

  /**
   * GET a manifest (undefined for a 404), checked against the digest it claims: the one asked for,
   * else the one the registry reports. The one reader of manifests.
   */
  async #readManifest(
    repository: string,
    reference: string,
    accept: string,
    maxBytes: number,
    verb: string,
  ): Promise<{ body: Buffer; digest: string; headers: Record<string, string> } | undefined> {
    const where = `${this.registry}/${repository}:${reference}`;
    const byDigest = reference.includes(':');
    if (byDigest) parseDigest(reference, 'the manifest digest', `${this.registry}/${repository}`);
    const res = await this.#send(
      { method: 'GET', url: `${this.#base}/v2/${repository}/manifests/${reference}`, headers: { accept }, maxBody: maxBytes },
      scope(repository, false),
    );
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw responseError(verb, res, this.#target(repository, reference));
    const digest = sha256(res.body);
    const header = res.headers['docker-content-digest'];
    const claimed = byDigest ? reference : header && parseDigest(header, 'the Docker-Content-Digest', where);
    if (claimed && claimed !== digest)
      throw new UserError(`the manifest of ${where} does not match its digest (expected ${claimed}, got ${digest})`, {
        hint: 'The registry or something between is corrupting data: nothing was written to the cache',
      });
    return { body: res.body, digest, headers: res.headers };
  }

  /**
   * PUT a manifest by tag or digest and report what the registry said: the digest it computed
   * (checked against the bytes sent) and its `OCI-Subject` header (it indexed the manifest's subject
   * for its referrers API). `condition`: `If-Match` / `If-None-Match`; a registry that honours them
   * answers 412 when the reference changed meanwhile, returned as `{ conflict: true }`.
   */
  async pushManifest(
    repository: string,
    reference: string,
    manifest: Buffer,
    mediaType: string,
    condition: { ifMatch?: string; ifNoneMatch?: string } = {},
    /**
     * Run before the PUT is sent again after a transient failure (which may have landed, or let
     * another writer in meanwhile); it may throw to send nothing more.
     */
    beforeRetry?: () => Promise<void>,
  ): Promise<{ conflict: true } | { conflict: false; digest: string; subject?: string }> {
    const where = `${this.registry}/${repository}:${reference}`;
    if (reference.includes(':')) parseDigest(reference, 'the manifest digest', where);
    const headers: Record<string, string> = { 'content-type': mediaType, 'content-length': String(manifest.length) };
    if (condition.ifMatch) headers['if-match'] = condition.ifMatch;
    if (condition.ifNoneMatch) headers['if-none-match'] = condition.ifNoneMatch;
    const res = await this.#send(
      { method: 'PUT', url: `${this.#base}/v2/${repository}/manifests/${reference}`, headers, body: manifest },
      scope(repository, true),
      true,
      beforeRetry,
    );
    // A 412 is a conflict only where a condition was sent, and not a registry's immutable tag (Harbor
    // answers one with 412 PRECONDITION: goharbor/harbor src/pkg/immutable).
    const conditional = condition.ifMatch !== undefined || condition.ifNoneMatch !== undefined;
    if (res.status === 412 && conditional && !/immutable/i.test(res.body.toString('utf8'))) return { conflict: true };
    if (res.status !== 201 && res.status !== 200) throw responseError('push the manifest to', res, this.#target(repository, reference));
    const digest = sha256(manifest);
    const reported = res.headers['docker-content-digest'];
    if (reported && parseDigest(reported, 'the Docker-Content-Digest', where) !== digest)
      throw new UserError(`${where} stored the manifest as ${reported}, but its digest is ${digest}`, {
        hint: 'The registry rewrote the manifest (the distribution spec has it kept byte for byte); do not sign the reported digest before checking it',
      });
    const subject = res.headers['oci-subject'];
    return { conflict: false, digest, subject: subject ? parseDigest(subject.trim(), 'the OCI-Subject header', where) : undefined };
  }

  /**
   * Whether the registry serves the referrers API: GET /v2/<name>/referrers/<zero digest> answers 200
   * with an image index (as oras-go and @sigstore/oci ask; an `OCI-Subject` alone is not enough:
   * @sigstore/oci notes that AWS ECR sends it without having the API).
   */
  async hasReferrersApi(repository: string): Promise<boolean> {
    const url = `${this.#base}/v2/${repository}/referrers/sha256:${'0'.repeat(64)}`;
    const res = await this.#send(
      { method: 'GET', url, headers: { accept: MediaType.index }, maxBody: 64 * 1024 },
      scope(repository, false),
    ).catch((err: unknown) => tooLarge(err, `the referrers of a digest nothing refers to in ${this.registry}/${repository}`, 64 * 1024));
    if (res.status === 200) return isMediaType(res.headers['content-type'], MediaType.index);
    if (res.status === 404 || res.status === 400 || res.status === 405) return false;
    throw responseError('ask for the referrers API of', res, this.#target(repository));
  }

  /**
   * The referrers API (GET /v2/<name>/referrers/<digest>, distribution-spec 1.1): each page's body
   * handed to `onPage` as it arrives (which may throw to stop), following the Link header, at most
   * `maxPages` pages of `maxBytes` each. False when the registry has no referrers API: a 404, or a
   * first answer that is not an image index (as oras-go decides).
   */
  async fetchReferrers(
    repository: string,
    digest: string,
    artifactType: string | undefined,
    bounds: { maxPages: number; maxBytes: number },
    onPage: (body: Buffer, filtersApplied: string[]) => void,
  ): Promise<boolean> {
    const where = `${this.registry}/${repository}@${digest}`;
    parseDigest(digest, 'the subject digest', where);
    const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
    let url: string | undefined = `${this.#base}/v2/${repository}/referrers/${digest}${query}`;
    for (let pages = 0; url; pages++) {
      if (pages >= bounds.maxPages)
        throw new UserError(`the referrers of ${where} run over more than ${bounds.maxPages} pages`, {
          hint: 'The registry is answering with something other than a list of referrers: nothing was read from it',
        });
      const res: HttpResponse = await this.#send(
        { method: 'GET', url, headers: { accept: MediaType.index }, maxBody: bounds.maxBytes },
        scope(repository, false),
      ).catch((err: unknown) => tooLarge(err, `a page of the referrers of ${where}`, bounds.maxBytes));
      if (pages === 0 && (res.status === 404 || (res.status === 200 && !isMediaType(res.headers['content-type'], MediaType.index))))
        return false;
      if (res.status !== 200) throw responseError('list the referrers in', res, this.#target(repository));
      onPage(
        res.body,
        (res.headers['oci-filters-applied'] ?? '').split(',').map((f) => f.trim()),
      );
      const next: string | undefined = /<([^>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
      const nextUrl: URL | undefined = next ? new URL(next, url) : undefined;
      // A page link stays on the registry's own origin: credentials go nowhere else.
      if (nextUrl && nextUrl.origin !== new URL(this.#base).origin)
        throw new UserError(`the referrers of ${where} link their next page to another host (${nextUrl.origin}): refused`, {
          hint: 'The registry is misconfigured or hostile',
        });
      url = nextUrl?.toString();
    }
    return true;
  }

  /**
   * A blob, verified while it streams: never more bytes than its descriptor says, and the digest
   * checked at the end. Redirects (object storage) are followed; credentials go only to the
   * registry's own origin. Transient failures are retried.
   */
  async fetchBlob(repository: string, d: Descriptor): Promise<Buffer> {
    if (!Number.isSafeInteger(d.size) || d.size < 0 || d.size > MAX_BLOB_BYTES)
      throw new UserError(
        `${this.registry} describes blob ${d.digest} as ${d.size} bytes, over the ${MAX_BLOB_BYTES}-byte limit of a chart's blob`,
        {
          hint: 'The manifest is not a chart this client downloads: nothing was written',
        },
      );
    const { value } = await retrying(this.#policy, () => this.#fetchBlobOnce(repository, d), { error: transientReason });
    return value;
  }

  async #fetchBlobOnce(repository: string, d: Descriptor): Promise<Buffer> {
    const url = `${this.#base}/v2/${repository}/blobs/${parseDigest(d.digest, 'the blob digest', this.registry)}`;
    let res = await this.#open({ method: 'GET', url }, scope(repository, false));
    for (let hops = 0; REDIRECTS.includes(res.status); hops++) {
      const location = res.headers.location;
      await res.body.dump();
      if (!location || hops >= 5)
        throw new UserError(`${this.registry} redirected a blob download ${location ? 'too often' : 'without a Location'}`);
      const next = new URL(location, res.url);
      // Bytes of an HTTPS registry come over HTTPS only: a plain-HTTP hop could change them on the way.
      if (!this.#plainHttp && next.protocol !== 'https:')
        throw new UserError(
          `${this.registry} redirected a blob download from HTTPS to ${next.protocol === 'http:' ? `plain HTTP (${next.origin})` : `a ${next.protocol} address`}: refused`,
          {
            hint: 'The registry or its storage is misconfigured or hostile: blobs of an HTTPS registry are fetched over HTTPS only',
          },
        );
      // Credentials follow only to the registry's own origin (the authenticator decides).
      res = await this.#open({ method: 'GET', url: next.toString() }, scope(repository, false));
    }
    if (res.status !== 200) {
      const body = await readBounded(res.body, ERROR_BODY_MAX, { truncate: true }).catch(() => Buffer.alloc(0));
      throw responseError('download a blob from', { ...res, body }, this.#target(repository));
    }
    const hash = createHash('sha256');
    let data: Buffer;
    try {
      data = await readBounded(res.body, d.size, { expected: d.size, onChunk: (c) => hash.update(c) });
    } catch (err) {
      if (err instanceof BodyTooLarge)
        throw new UserError(`blob ${d.digest} from ${this.registry} is larger than its descriptor says (${d.size} bytes)`, {
          hint: 'The registry is serving other content: nothing was written to the cache',
        });
      throw networkError(err, this.registry, this.#plainHttp);
    }
    const size = data.length;
    const got = `sha256:${hash.digest('hex')}`;
    if (size !== d.size || got !== d.digest) {
      throw new UserError(`blob ${d.digest} from ${this.registry} does not match its digest (got ${got}, ${size} of ${d.size} bytes)`, {
        hint: 'The download was corrupted on the way or at the registry: nothing was written to the cache; run again',
      });
    }
    return data;
  }

  #target(repository: string, reference?: string) {
    return { registry: this.registry, repository, reference, username: this.username, service: this.#auth.service };
  }

  /**
   * One request with retries: transient statuses and dropped connections are tried again (only
   * when `idempotent`), after a backoff or the registry's Retry-After, within the policy's bounds.
   */
  async #send(
    req: HttpRequest,
    scopeText: string | undefined,
    idempotent = true,
    beforeRetry?: () => Promise<void>,
  ): Promise<HttpResponse & { attempts?: number }> {
    const { value, attempts } = await retrying(
      this.#policy,
      async (n) => {
        if (n > 0) await beforeRetry?.();
        const res = await this.#auth.send(req, scopeText).catch((err) => this.#asRegistryError(err, this.registry));
        if (res.status === 400 && this.#plainHttp) await this.#checkScheme();
        return res;
      },
      {
        // A quota spent for a window of hours (Docker Hub's pull limit) is not waited out here.
        result: (res) =>
          idempotent && isRetryableStatus(res.status) && !quotaSpent(res.headers)
            ? { reason: `HTTP ${res.status}`, retryAfter: res.headers['retry-after'] }
            : undefined,
        error: (err) => (idempotent ? transientReason(err) : undefined),
        giveUp: (err, tries) => this.#withAttempts(err, this.registry, tries),
        onRetry: (reason, wait, next) =>
          this.#log(
            `retrying ${req.method} ${new URL(req.url).pathname} ${when(wait)} (${reason}; attempt ${next} of ${this.#policy.retries + 1})`,
          ),
      },
    );
    return { ...value, attempts };
  }

  /** A streamed GET, retried like #send. */
  async #open(req: HttpRequest, scopeText: string | undefined): Promise<HttpStream> {
    const host = new URL(req.url).host;
    const { value } = await retrying(this.#policy, () => this.#auth.open(req, scopeText).catch((err) => this.#asRegistryError(err, host)), {
      result: (res) =>
        isRetryableStatus(res.status)
          ? { reason: `HTTP ${res.status}`, retryAfter: res.headers['retry-after'], before: () => res.body.dump() }
          : undefined,
      error: transientReason,
      giveUp: (err, tries) => this.#withAttempts(err, host, tries),
    });
    return value;
  }

  /** A failure below the registry client (a connection's) as a RegistryError; the client's own pass through. */
  #asRegistryError(err: unknown, host: string): never {
    throw err instanceof UserError ? err : networkError(err, host, this.#plainHttp);
  }

  /** The last word on a connection that kept failing says how many attempts were made. */
  #withAttempts(err: unknown, host: string, attempts: number): unknown {
    return err instanceof RegistryError && err.network && attempts > 1 ? networkError(err.cause, host, this.#plainHttp, attempts) : err;
  }

  /** A 400 over plain HTTP may be an HTTPS port answering; Go's servers say so in a GET's body. */
  async #checkScheme(): Promise<void> {
    const probe = await this.#auth.send({ method: 'GET', url: `${this.#base}/v2/`, maxBody: 64 * 1024 }, undefined);
    if (probe.status === 400 && /HTTP request to an HTTPS server/i.test(probe.body.toString('utf8'))) {
      throw new UserError(`${this.registry} speaks HTTPS, but plain HTTP was used`, { hint: 'Talk HTTPS to it', code: 'https-expected' });
    }
  }
}

/** The most tags a listing keeps: a chart with more versions than this is not one a dependency is chosen from. */
const MAX_TAGS = 100_000;
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;

/**
 * Adds a tags page's tags to `tags`: only strings that are tags by the distribution spec's grammar
 * (anything else could never be asked for by this client, so it is dropped, not chosen or printed),
 * and at most MAX_TAGS in all.
 */
function addTags(tags: string[], body: Buffer, where: string): void {
  let page: unknown;
  try {
    page = readJson(body.toString('utf8'), TAGS_PAGE);
  } catch (err) {
    if (err instanceof BoundsError)
      throw new UserError(`the tag list of ${where} ${err.message}: more than a page of tags holds`, {
        hint: 'The registry is answering with something other than a tag list',
      });
    throw new UserError(`${where} answered a tag list that is not JSON`, { hint: 'The registry does not follow the distribution spec' });
  }
  const listed = (page as { tags?: unknown } | null)?.tags ?? [];
  if (!Array.isArray(listed))
    throw new UserError(`${where} answered a tag list whose "tags" is not a list`, {
      hint: 'The registry does not follow the distribution spec',
    });
  for (const tag of listed) {
    if (typeof tag !== 'string' || !TAG.test(tag)) continue;
    if (tags.length >= MAX_TAGS)
      throw new UserError(`${where} lists more than ${MAX_TAGS} tags`, {
        hint: 'Chartlift does not choose a version among that many: pin the dependency to a version in charts/ (helm dependency build), or clean up the repository',
      });
    tags.push(tag);
  }
}

/** An answer larger than the bound its reader set: nothing was read from it. */
export class TooLarge extends UserError {}

/** A body past its bound, said as what it was; any other failure passes on. */
function tooLarge(err: unknown, what: string, limit: number): never {
  if (causes(err).some((e) => e instanceof BodyTooLarge))
    throw new TooLarge(`${what} is larger than the ${limit}-byte bound`, {
      hint: 'The registry is answering with something else: nothing was read from it',
    });
  throw err;
}

/** A Content-Type header names `mediaType` (its parameters aside). */
function isMediaType(header: string | undefined, mediaType: string): boolean {
  return (header ?? '').split(';')[0].trim().toLowerCase() === mediaType;
}

/** An upload session that cannot be resumed: transient for the upload as a whole, final for the session. */
class UploadLost extends RegistryError {}

/** A chunk the registry refused as sent (too large, or answered as if it ended the upload): the blob goes up in one request. */
class ChunksRefused extends Error {}

/** Why a failure may be tried again: a transient registry or connection error, else undefined. */
function transientReason(err: unknown): string | undefined {
  return err instanceof RegistryError && err.transient ? err.message : undefined;
}

function scope(repository: string, push: boolean): string {
  return `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
}

/** The next offset from a `Range: 0-N` (or `bytes=0-N`) header: N + 1. */
function rangeEnd(range: string | undefined): number | undefined {
  const m = /(\d+)-(\d+)\s*$/.exec(range ?? '');
  return m ? Number(m[2]) + 1 : undefined;
}

/** When a retry goes: "at once" (its try already waited out its backoff), or "in 1.2s". */
function when(waitMs: number): string {
  return waitMs < 50 ? 'at once' : `in ${(waitMs / 1000).toFixed(1)}s`;
}
