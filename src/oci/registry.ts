import { UserError } from '../errors.js';
import { Authenticator, type Credential } from './auth.js';
import { sha256, type Descriptor } from './digest.js';
import { networkError, responseError } from './errors.js';
import { createHash } from 'node:crypto';
import type { Http, HttpRequest, HttpResponse, HttpStream } from './http.js';
import { MediaType } from './media-types.js';

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MANIFEST_ACCEPT = [MediaType.manifest, 'application/vnd.docker.distribution.manifest.v2+json', MediaType.index].join(', ');

/** A distribution-spec client for one registry: the requests Chartlift needs, and no others. */
export class RegistryClient {
  readonly registry: string;
  readonly #base: string;
  readonly #auth: Authenticator;
  readonly #plainHttp: boolean;
  readonly #http: Http;
  constructor(http: Http, registry: string, options: { plainHttp?: boolean; credential?: Credential } = {}) {
    this.registry = registry;
    this.#plainHttp = options.plainHttp ?? false;
    this.#http = http;
    this.#base = `${this.#plainHttp ? 'http' : 'https'}://${registry}`;
    this.#auth = new Authenticator(http, registry, options.credential);
  }

  get username(): string | undefined {
    return this.#auth.username;
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
    if (res.status !== 200) throw responseError('look up', res, this.#target(repository));
    const digest = res.headers['docker-content-digest'];
    if (digest) return digest;
    const full = await this.#send(
      { method: 'GET', url, headers: { accept: MANIFEST_ACCEPT }, maxBody: 4 * 1024 * 1024 },
      scope(repository, push),
    );
    if (full.status !== 200) throw responseError('read', full, this.#target(repository));
    return sha256(full.body);
  }

  async hasBlob(repository: string, d: Descriptor): Promise<boolean> {
    const res = await this.#send({ method: 'HEAD', url: `${this.#base}/v2/${repository}/blobs/${d.digest}` }, scope(repository, true));
    if (res.status === 404) return false;
    if (res.status === 200) return true;
    throw responseError('check a blob in', res, this.#target(repository));
  }

  /** Monolithic upload: POST a session, then PUT the bytes with `?digest=` onto its Location. */
  async uploadBlob(repository: string, d: Descriptor, data: Buffer): Promise<void> {
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
    const url = new URL(location, start.url);
    url.searchParams.set('digest', d.digest);
    const put = await this.#send(
      {
        method: 'PUT',
        url: url.toString(),
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) },
        body: data,
      },
      scope(repository, true),
    );
    if (put.status !== 201 && put.status !== 204) throw responseError('upload a blob to', put, this.#target(repository));
  }

  /** PUT the manifest by tag; returns the digest the registry reports (checked against ours by the caller). */
  async putManifest(repository: string, tag: string, manifest: Buffer, mediaType: string): Promise<string | undefined> {
    const res = await this.#send(
      {
        method: 'PUT',
        url: `${this.#base}/v2/${repository}/manifests/${tag}`,
        headers: { 'content-type': mediaType, 'content-length': String(manifest.length) },
        body: manifest,
      },
      scope(repository, true),
    );
    if (res.status !== 201 && res.status !== 200) throw responseError('push the manifest to', res, this.#target(repository));
    return res.headers['docker-content-digest'];
  }

  /** A manifest by tag or digest, bounded in size and checked against the digest it claims. */
  async fetchManifest(repository: string, reference: string): Promise<{ body: Buffer; digest: string }> {
    const res = await this.#send(
      {
        method: 'GET',
        url: `${this.#base}/v2/${repository}/manifests/${reference}`,
        headers: { accept: MANIFEST_ACCEPT },
        maxBody: MAX_MANIFEST_BYTES,
      },
      scope(repository, false),
    );
    if (res.status === 404)
      throw new UserError(`${this.registry}/${repository}:${reference} not found`, {
        hint: 'Check the reference: the repository or the tag does not exist',
      });
    if (res.status !== 200) throw responseError('pull', res, this.#target(repository));
    const digest = sha256(res.body);
    const claimed = reference.startsWith('sha256:') ? reference : res.headers['docker-content-digest'];
    if (claimed && claimed !== digest) {
      throw new UserError(
        `the manifest of ${this.registry}/${repository}:${reference} does not match its digest (expected ${claimed}, got ${digest})`,
        { hint: 'The registry or something between is corrupting data: nothing was written to the cache' },
      );
    }
    return { body: res.body, digest };
  }

  /**
   * A blob, verified while it streams: never more bytes than its descriptor says, and the digest
   * checked at the end. Redirects (object storage) are followed; credentials go only to the registry's
   * own origin.
   */
  async fetchBlob(repository: string, d: Descriptor): Promise<Buffer> {
    const url = `${this.#base}/v2/${repository}/blobs/${d.digest}`;
    let res = await this.#open({ method: 'GET', url }, scope(repository, false));
    const origin = new URL(url).origin;
    for (let hops = 0; [301, 302, 303, 307, 308].includes(res.status); hops++) {
      const location = res.headers.location;
      await res.body.dump();
      if (!location || hops >= 5)
        throw new UserError(`${this.registry} redirected a blob download ${location ? 'too often' : 'without a Location'}`);
      const next = new URL(location, res.url).toString();
      res =
        new URL(next).origin === origin
          ? await this.#open({ method: 'GET', url: next }, scope(repository, false))
          : await this.#openPlain({ method: 'GET', url: next });
    }
    if (res.status !== 200) {
      const chunks: Buffer[] = [];
      for await (const c of res.body) chunks.push(c as Buffer);
      throw responseError('download a blob from', { ...res, body: Buffer.concat(chunks) }, this.#target(repository));
    }
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > d.size) {
        res.body.destroy();
        throw new UserError(`blob ${d.digest} from ${this.registry} is larger than its descriptor says (${d.size} bytes)`, {
          hint: 'The registry is serving other content: nothing was written to the cache',
        });
      }
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
    const got = `sha256:${hash.digest('hex')}`;
    if (size !== d.size || got !== d.digest) {
      throw new UserError(`blob ${d.digest} from ${this.registry} does not match its digest (got ${got}, ${size} of ${d.size} bytes)`, {
        hint: 'The download was corrupted on the way or at the registry: nothing was written to the cache; run again',
      });
    }
    return Buffer.concat(chunks);
  }

  async #open(req: HttpRequest, scopeText: string): Promise<HttpStream> {
    try {
      return await this.#auth.open(req, scopeText);
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw networkError(err, this.registry, this.#plainHttp);
    }
  }

  /** A request to another origin (a redirect target): no Authorization, ever. */
  async #openPlain(req: HttpRequest): Promise<HttpStream> {
    try {
      return await this.#http.open(req);
    } catch (err) {
      throw networkError(err, new URL(req.url).host, this.#plainHttp);
    }
  }

  #target(repository: string) {
    return { registry: this.registry, repository, username: this.username };
  }

  async #send(req: HttpRequest, scopeText: string | undefined): Promise<HttpResponse> {
    try {
      const res = await this.#auth.send(req, scopeText);
      if (res.status === 400 && this.#plainHttp) await this.#checkScheme();
      return res;
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw networkError(err, this.registry, this.#plainHttp);
    }
  }

  /** A 400 over plain HTTP may be an HTTPS port answering; Go's servers say so in a GET's body. */
  async #checkScheme(): Promise<void> {
    const probe = await this.#auth.send({ method: 'GET', url: `${this.#base}/v2/`, maxBody: 64 * 1024 }, undefined);
    if (probe.status === 400 && /HTTP request to an HTTPS server/i.test(probe.body.toString('utf8'))) {
      throw new UserError(`${this.registry} speaks HTTPS, but plain HTTP was used`, { hint: 'Remove `plain-http: true`' });
    }
  }
}

export function scope(repository: string, push: boolean): string {
  return `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
}
