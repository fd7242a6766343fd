import { answerTimeout, noteLateAnswer, requestTimeout } from './deadline.js';
import { NodeTransport } from './node-transport.js';
import { HEADERS_TIMEOUT, PROXY_VARIABLES, USER_AGENT, type HttpRequest, type HttpStream, type Transport } from './transport.js';
import type { TrustOptions } from './trust.js';

export type { HttpRequest, HttpStream } from './transport.js';

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  url: string;
}

/**
 * How long a sent request waits for its answer to start, on its first try (each request of the same
 * operation and method that waited in vain doubles it: deadline.ts's answerTimeout). Registries answer
 * in well under a second, a manifest PUT or a blob's final PUT included, but a request a load balancer
 * dropped gets no answer at all: waiting the whole the request timeout (60 s) for each left publishes taking 97 s
 * (median) at 40% faults, some failing (issue #34). The wait starts once the body is sent, so the
 * upload's own time never counts, and a registry that is slow on purpose (verifying a large blob)
 * gets 2, 2, 4, 8, 16, 32 s on successive tries: a few seconds and sends lost, never the publish. The
 * body keeps the request timeout, and this wait is never longer than it.
 */
const ANSWER_MS = 2_000;

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

/** One place for HTTP: keep-alive, no automatic redirects, bodies read in full and bounded, one deadline per exchange. */
export class Http {
  readonly #transport: Transport | Promise<Transport>;
  /** Aborted by `close`: every request still under way ends at once, quietly (HttpClosed is never retried). */
  readonly #closing = new AbortController();
  readonly userAgent: string;
  readonly #timeoutMs: number;

  /**
   * `ca`: extra PEM roots trusted besides the system's; `insecure`: no certificate check at all.
   * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured (proxy-transport.ts, loaded only then).
   */
  constructor(options: { userAgent?: string; ca?: string; insecure?: boolean; timeoutMs?: number } = {}) {
    this.#transport = transportFor({ ca: options.ca, insecure: options.insecure });
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** A request and its whole answer, bounded in size (`maxBody`) and, with its body, in time. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const res = await this.open(req);
    return { ...res, body: await readBounded(res.body, req.maxBody ?? DEFAULT_MAX_BODY) };
  }

  /** Like `send`, but the body is a stream the caller must read or dump. */
  async open(req: HttpRequest): Promise<HttpStream> {
    if (this.#closing.signal.aborted) throw new HttpClosed();
    const transport = await this.#transport;
    // One deadline for the whole exchange, body included: a body dripping a byte at a time ends too.
    // It is the request's timeout, or less when the operation's deadline (retries included) comes first.
    const ms = requestTimeout(this.#timeoutMs);
    if (ms <= 0) throw new DOMException('the operation passed its deadline', 'TimeoutError');
    const answerMs = Math.min(ms, answerTimeout(Math.min(ANSWER_MS, this.#timeoutMs), req.method));
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(ms), this.#closing.signal]);
      return await transport.open(req, { 'user-agent': this.userAgent, ...req.headers }, signal, answerMs);
    } catch (err) {
      if ((err as { code?: unknown }).code === HEADERS_TIMEOUT) noteLateAnswer(req.method);
      throw err;
    }
  }

  /**
   * Ends every connection. A request still under way (a login started early, for a run that failed
   * before it needed the registry) ends at once with HttpClosed: not retried, not reported.
   */
  async close(): Promise<void> {
    this.#closing.abort(new HttpClosed());
    await (await this.#transport).close();
  }
}

/** A request of a client that was closed: the run is over, nothing is retried or said about it. */
export class HttpClosed extends Error {
  constructor() {
    super('the run closed its connections');
    this.name = 'HttpClosed';
  }
}

/** Node's own client, or, when a proxy is configured, undici's proxy agent (its own chunk, loaded only then). */
function transportFor(trust: TrustOptions): Transport | Promise<Transport> {
  if (PROXY_VARIABLES.some((v) => process.env[v])) return import('./proxy-transport.js').then((m) => new m.ProxyTransport(trust));
  return new NodeTransport(trust);
}
