import tls from 'node:tls';
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici';

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
  readonly #dispatcher: Dispatcher;
  readonly userAgent: string;

  readonly #timeoutMs: number;

  /**
   * `ca`: extra PEM roots trusted besides the system's; `insecure`: no certificate check at all.
   * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured (undici's EnvHttpProxyAgent).
   */
  constructor(options: { dispatcher?: Dispatcher; userAgent?: string; ca?: string; insecure?: boolean; timeoutMs?: number } = {}) {
    const roots = trustedRoots();
    const tlsOptions = {
      ca: options.ca ? [...(roots ?? tls.rootCertificates), options.ca] : roots,
      rejectUnauthorized: !options.insecure,
    };
    this.#dispatcher =
      options.dispatcher ??
      new EnvHttpProxyAgent({
        keepAliveTimeout: 10_000,
        connections: 8,
        connect: tlsOptions,
        requestTls: tlsOptions,
        proxyTls: { ca: tlsOptions.ca },
      });
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
    const res = await request(req.url, {
      method: req.method,
      headers: { 'user-agent': this.userAgent, ...req.headers },
      body: req.body,
      dispatcher: this.#dispatcher,
      headersTimeout: this.#timeoutMs,
      bodyTimeout: this.#timeoutMs,
    });
    return { status: res.statusCode, headers: flatten(res.headers), body: res.body, url: req.url };
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
  }
}

/** Node's bundled roots (with NODE_EXTRA_CA_CERTS) plus the system's store, where the runtime can read it. */
export function trustedRoots(): string[] | undefined {
  const get = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (!get) return undefined;
  try {
    return [...new Set([...get('default'), ...get('system')])];
  } catch {
    return undefined;
  }
}

function flatten(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return headers;
}
