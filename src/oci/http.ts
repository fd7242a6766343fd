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

const DEFAULT_MAX_BODY = 256 * 1024 * 1024;

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

  async send(req: HttpRequest): Promise<HttpResponse> {
    const res = await this.open(req);
    const limit = req.maxBody ?? DEFAULT_MAX_BODY;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > limit) {
        res.body.destroy();
        throw new Error(`${req.method} ${req.url}: response larger than ${limit} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return { ...res, body: Buffer.concat(chunks) };
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
