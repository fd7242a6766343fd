import http from 'node:http';
import type https from 'node:https';
import type { Socket } from 'node:net';
import { errorCodes } from '../util/causes.js';
import { UNKNOWN_ROOT_CODES } from './tls-codes.js';
import { takeEarly, type EarlyExchange } from './early-request.js';
import { narrowTls, wideTls, type TrustOptions } from './trust.js';
import {
  AGENT_OPTIONS,
  flattenHeaders,
  headersTimeoutError,
  type HttpRequest,
  type HttpStream,
  type ResponseBody,
  type Transport,
} from './transport.js';

const CONNECT_TIMEOUT_MS = 10_000;
/** What `dump` reads of a body nobody wants before it closes the connection instead. */
const DUMP_LIMIT = 128 * 1024;
const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Node's own HTTP client (built into the runtime: nothing to load or compile at start), keep-alive
 * connections, no redirects followed. HTTPS is checked against `narrowTls` first; a certificate whose
 * root only the system's store holds switches every later connection to `wideTls`, and the request
 * is made once more (its connection failed before a byte of it was sent).
 */
export class NodeTransport implements Transport {
  readonly #trust: TrustOptions;
  #plain: http.Agent | undefined;
  #narrow: https.Agent | undefined;
  #wide: https.Agent | undefined;
  /** Agents of early requests (early-request.ts) that came after this transport had its own: closed with it. */
  readonly #adopted: http.Agent[] = [];

  constructor(trust: TrustOptions) {
    this.#trust = trust;
  }

  async open(req: HttpRequest, headers: Record<string, string>, signal: AbortSignal, answerMs: number): Promise<HttpStream> {
    const url = new URL(req.url);
    const limits = { signal, answerMs };
    // An early request (early-request.ts) went out with the default trust: only such a transport takes its answer.
    const plainOrDefault = url.protocol === 'http:' || (!this.#trust.ca && !this.#trust.insecure);
    const early = plainOrDefault ? takeEarly({ method: req.method, url: req.url, headers, body: req.body }) : undefined;
    if (early) {
      this.#adopt(early, url.protocol);
      try {
        return await earlyAnswer(early, req, limits);
      } catch (err) {
        if (url.protocol === 'http:' || !errorCodes(err).some((c) => UNKNOWN_ROOT_CODES.has(c))) throw err;
        // A root only the system's store holds: asked again below with every root, as any first connection would be.
        this.#wideAgent();
      }
    }
    if (url.protocol === 'http:') return exchange(http, (this.#plain ??= new http.Agent(AGENT_OPTIONS)), url, req, headers, limits);
    if (url.protocol !== 'https:') throw new Error(`cannot request ${url.protocol} addresses`);
    // node:https (and TLS) is loaded by the first HTTPS request: a plain-HTTP registry never needs it.
    const secure = process.getBuiltinModule('node:https');
    const agent = this.#wide ?? (this.#narrow ??= new secure.Agent({ ...AGENT_OPTIONS, ...narrowTls(this.#trust) }));
    try {
      return await exchange(secure, agent, url, req, headers, limits);
    } catch (err) {
      if (agent !== this.#narrow || !errorCodes(err).some((c) => UNKNOWN_ROOT_CODES.has(c))) throw err;
      return exchange(secure, this.#wideAgent(), url, req, headers, limits);
    }
  }

  /** The agent that checks certificates against every root (Node's, the system's and `ca`), made once. */
  #wideAgent(): https.Agent {
    return (this.#wide ??= new (process.getBuiltinModule('node:https').Agent)({ ...AGENT_OPTIONS, ...wideTls(this.#trust) }));
  }

  /**
   * An early request's connection stays with its agent: that agent becomes this transport's for its
   * protocol when it has none yet (its trust is the default, this transport's: see `open`).
   */
  #adopt(early: EarlyExchange, protocol: string): void {
    if (protocol === 'http:' && !this.#plain) this.#plain = early.agent;
    else if (protocol === 'https:' && !this.#narrow && !this.#wide) this.#narrow = early.agent as https.Agent;
    else this.#adopted.push(early.agent);
  }

  async close(): Promise<void> {
    for (const agent of this.#adopted) agent.destroy();
    this.#plain?.destroy();
    this.#narrow?.destroy();
    this.#wide?.destroy();
  }
}

function exchange(
  mod: typeof http | typeof https,
  agent: http.Agent,
  url: URL,
  req: HttpRequest,
  headers: Record<string, string>,
  { signal, answerMs }: { signal: AbortSignal; answerMs: number },
): Promise<HttpStream> {
  const body = req.body;
  const all = { ...headers };
  if (body !== undefined) all['content-length'] = String(Buffer.byteLength(body));
  else if (PAYLOAD_METHODS.has(req.method)) all['content-length'] = '0';
  return new Promise((resolve, reject) => {
    let answered = false;
    let waiting: NodeJS.Timeout | undefined;
    const r = mod.request(url, { method: req.method, headers: all, agent, signal }, (res) => {
      answered = true;
      clearTimeout(waiting);
      resolve(stream(res, req, signal));
    });
    r.once('socket', connectDeadline);
    r.once('error', reject);
    r.once('close', () => clearTimeout(waiting));
    // 'finish': the last of the body went to the operating system. From then on the answer's headers
    // have `answerMs`, as Go's http.Transport.ResponseHeaderTimeout counts "after fully writing the
    // request (including its body, if any)" (net/http/transport.go) and undici's headersTimeout runs
    // "while not sending the request" (lib/dispatcher/client-h1.js refreshes it while the body is
    // written): a registry that takes its time over a large blob it has just received (verifying its
    // digest) is not cut off for the upload's length, and a request a load balancer swallowed is
    // given up in seconds, not after the whole request timeout.
    r.end(body, () => {
      req.onSent?.();
      if (answered) return;
      waiting = setTimeout(() => r.destroy(headersTimeoutError(answerMs)), answerMs);
    });
  });
}

/** An answer's head as a stream whose body ends with the exchange's deadline (a body dripping a byte at a time too). */
function stream(res: http.IncomingMessage, req: HttpRequest, signal: AbortSignal): HttpStream {
  const onAbort = (): void => void res.destroy(new Error('the exchange passed its deadline', { cause: signal.reason }));
  signal.addEventListener('abort', onAbort, { once: true });
  res.once('close', () => signal.removeEventListener('abort', onAbort));
  return { status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), body: responseBody(res), url: req.url };
}

/**
 * The answer of the early request `req` turned out to be: already sent, so its answer's headers get
 * `answerMs` from now (more than from its sending), and the exchange's deadline holds as for any other.
 */
function earlyAnswer(
  early: EarlyExchange,
  req: HttpRequest,
  { signal, answerMs }: { signal: AbortSignal; answerMs: number },
): Promise<HttpStream> {
  req.onSent?.();
  const cut = (err: Error): void => void early.request.destroy(err);
  const onAbort = (): void => cut(new Error('the exchange passed its deadline', { cause: signal.reason }));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  // A timer that keeps the process alive while it waits (the early request's socket does not).
  const waiting = setTimeout(() => cut(headersTimeoutError(answerMs)), answerMs);
  return early.response
    .then((res) => stream(res, req, signal))
    .finally(() => {
      clearTimeout(waiting);
      signal.removeEventListener('abort', onAbort);
    });
}

/** A connection not made (TCP, and TLS's handshake) within CONNECT_TIMEOUT_MS is given up. */
function connectDeadline(socket: Socket): void {
  if (!socket.connecting) return;
  const timer = setTimeout(
    () => socket.destroy(Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })),
    CONNECT_TIMEOUT_MS,
  );
  const done = (): void => clearTimeout(timer);
  socket.once('encrypted' in socket ? 'secureConnect' : 'connect', done);
  socket.once('close', done);
}

function responseBody(res: http.IncomingMessage): ResponseBody {
  return {
    [Symbol.asyncIterator]: () => res[Symbol.asyncIterator](),
    destroy: (err?: Error) => res.destroy(err),
    dump: async () => {
      let read = 0;
      try {
        for await (const chunk of res) {
          read += (chunk as Buffer).length;
          if (read > DUMP_LIMIT) break;
        }
      } catch {
        // A body nobody wants may fail as it likes.
      }
    },
  };
}
