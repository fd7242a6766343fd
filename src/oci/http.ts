import { tlsConnector, tlsOptions, type TrustOptions } from './trust.js';
import { Agent, buildConnector, loadEnvHttpProxyAgent, request, type Dispatcher } from './undici.js';

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  url: string;
}

export interface HttpStream {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
  url: string;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Largest body accepted (bytes). */
  maxBody?: number;
}

/** Answers read whole (JSON, manifests, token answers) are small: a larger one is refused, not buffered. */
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

/** A body over its limit: the request is cut off there, and nothing more is read. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the answer is larger than ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * A response body read into one buffer, never more than `limit` bytes: past it the stream is
 * destroyed and, unless `truncate` (an error page, of which the start is enough), BodyTooLarge thrown.
 * `expected`: the exact size when it is known (a blob), allocated once.
 */
export async function readBounded(
  body: AsyncIterable<Uint8Array> & { destroy(err?: Error): unknown },
  limit: number,
  options: { truncate?: boolean; expected?: number; onChunk?: (chunk: Uint8Array) => void } = {},
): Promise<Buffer> {
  const out = options.expected !== undefined ? Buffer.allocUnsafe(Math.min(options.expected, limit)) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size + chunk.length > limit) {
      body.destroy();
      if (options.truncate) {
        chunks.push(Buffer.from(chunk.subarray(0, limit - size)));
        size = limit;
        break;
      }
      throw new BodyTooLarge(limit);
    }
    options.onChunk?.(chunk);
    if (out) out.set(chunk, size);
    else chunks.push(Buffer.from(chunk));
    size += chunk.length;
  }
  return out ? out.subarray(0, size) : Buffer.concat(chunks, size);
}

/** One place for HTTP: undici with keep-alive, no automatic redirects, bodies read in full and bounded. */
export class Http {
  #dispatcher: Dispatcher | Promise<Dispatcher>;
  readonly userAgent: string;

  readonly #timeoutMs: number;

  /**
   * `ca`: extra PEM roots trusted besides the system's; `insecure`: no certificate check at all.
   * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured (undici's EnvHttpProxyAgent).
   */
  constructor(options: { dispatcher?: Dispatcher; userAgent?: string; ca?: string; insecure?: boolean; timeoutMs?: number } = {}) {
    this.#dispatcher = options.dispatcher ?? dispatcherFor({ ca: options.ca, insecure: options.insecure });
    this.userAgent = options.userAgent ?? 'chartlift';
    this.#timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** A request and its whole answer, bounded in size (`maxBody`) and, with its body, in time. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const res = await this.open(req);
    return { ...res, body: await readBounded(res.body, req.maxBody ?? DEFAULT_MAX_BODY) };
  }

  /** Like `send`, but the body is a stream the caller must read or dump. */
  async open(req: HttpRequest): Promise<HttpStream> {
    const res = await request(
      req.url,
      {
        method: req.method,
        headers: { 'user-agent': this.userAgent, ...req.headers },
        body: req.body,
        headersTimeout: this.#timeoutMs,
        bodyTimeout: this.#timeoutMs,
        // One deadline for the whole exchange, body included: a body dripping a byte at a time ends too.
        signal: AbortSignal.timeout(this.#timeoutMs),
      },
      await this.#dispatcher,
    );
    return { status: res.statusCode, headers: flatten(res.headers), body: res.body, url: req.url };
  }

  async close(): Promise<void> {
    await (await this.#dispatcher).close();
  }
}

const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];

/**
 * Without a proxy: an Agent whose HTTPS connections are checked as `tlsConnector` says (plain-HTTP
 * registries never read a root; a connector function also escapes undici's deep copy of the options).
 * With a proxy: undici's EnvHttpProxyAgent, loaded on demand, with every root.
 */
function dispatcherFor(trust: TrustOptions): Dispatcher | Promise<Dispatcher> {
  const agentOptions = { keepAliveTimeout: 10_000, connections: 8 };
  if (PROXY_VARIABLES.some((v) => process.env[v])) {
    return loadEnvHttpProxyAgent().then((EnvHttpProxyAgent) => {
      const t = tlsOptions(trust);
      return new EnvHttpProxyAgent({ ...agentOptions, connect: t, requestTls: t, proxyTls: { ca: t.ca } });
    });
  }
  let plain: buildConnector.connector | undefined;
  let secure: buildConnector.connector | undefined;
  const connect: buildConnector.connector = (opts, callback) => {
    if (opts.protocol !== 'https:') return (plain ??= buildConnector({ timeout: 10_000 }))(opts, callback);
    return (secure ??= tlsConnector(trust))(opts, callback);
  };
  return new Agent({ ...agentOptions, connect });
}

function flatten(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return headers;
}
