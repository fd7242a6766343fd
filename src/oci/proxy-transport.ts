// Through a proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY): undici's EnvHttpProxyAgent, which tunnels
// HTTPS with CONNECT and honours NO_PROXY as curl does. This module, and undici with it, is loaded
// only when a proxy variable is set: a publish without one never compiles it.
import { EnvHttpProxyAgent, request } from 'undici';
import { tlsOptions, type TrustOptions } from './trust.js';
import { flattenHeaders, type HttpRequest, type HttpStream, type Transport } from './transport.js';

export class ProxyTransport implements Transport {
  readonly #agent: EnvHttpProxyAgent;

  constructor(trust: TrustOptions) {
    const t = tlsOptions(trust);
    this.#agent = new EnvHttpProxyAgent({ keepAliveTimeout: 10_000, connections: 8, connect: t, requestTls: t, proxyTls: { ca: t.ca } });
  }

  async open(req: HttpRequest, headers: Record<string, string>, signal: AbortSignal, answerMs: number): Promise<HttpStream> {
    // headersTimeout: undici counts it once the request is sent (client-h1.js), as node-transport.ts does.
    const res = await request(req.url, {
      dispatcher: this.#agent,
      method: req.method,
      headers,
      body: req.body,
      signal,
      headersTimeout: answerMs,
    });
    // undici's request() does not say when the body went out: its answer is the next-best moment.
    req.onSent?.();
    return { status: res.statusCode, headers: flattenHeaders(res.headers), body: res.body, url: req.url };
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}
