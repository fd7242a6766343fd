import type http from 'node:http';
import type { Socket } from 'node:net';
import { MANIFEST_ACCEPT } from './media-types.js';
import { AGENT_OPTIONS, PROXY_VARIABLES, USER_AGENT } from './transport.js';

/**
 * A registry's first request, sent before the rest of the program is loaded: the run's first
 * exchange with a registry then overlaps the fraction of a second Node spends compiling the bundle,
 * instead of following it (up to a round trip off a publish, less whatever work the exchange used to
 * overlap anyway: 23 ms of 50 for a small chart at a 50 ms round-trip time).
 *
 * It is only ever a request the run would make first anyway, anonymously: a registry's first
 * request carries no credential (auth.ts learns the scheme from its 401). Its answer is given to the
 * first request the run makes to the same origin, and only if that request is the same one (method,
 * URL and every header) and was made at most EARLY_MAX_AGE_MS after it; otherwise it is dropped, and
 * the run's request goes out as usual. So the run either sees exactly the answer it would have had, a
 * little older, or one more anonymous request has been made. Its owner (the action's main step) drops it with `dropEarly` once
 * it is done with its registries. Never through a proxy (the run's would not go direct), and over
 * HTTPS only with the default trust (the connection's agent is then the one node-transport.ts makes).
 */

export interface EarlyRequest {
  method: 'GET' | 'HEAD';
  url: string;
  headers: Record<string, string>;
}

/** An early request in flight, or answered, waiting for the run's first request to its origin. */
export interface EarlyExchange extends EarlyRequest {
  readonly origin: string;
  /** When it was sent (Date.now()): its answer is at most this old. */
  readonly sentAt: number;
  /** Taken by the run: its socket counts again for keeping the process alive. */
  taken?: boolean;
  /** Its connection's agent: the transport that takes the answer keeps using it (the connection is open). */
  readonly agent: http.Agent;
  readonly request: http.ClientRequest;
  /** The answer's head; rejects with the request's error. */
  readonly response: Promise<http.IncomingMessage>;
}

/** How long after its sending an early answer may be taken: later, it is dropped and the run asks itself. */
export const EARLY_MAX_AGE_MS = 1000;

/** What became of the early request (for the debug log and the tests). */
export type EarlyOutcome = 'none' | 'sent' | 'used' | 'dropped' | 'stale' | 'unused';

let pending: EarlyExchange | undefined;
let outcome: EarlyOutcome = 'none';

export function earlyOutcome(): EarlyOutcome {
  return outcome;
}

/** The tag's look-up (registry.ts's HEAD), the first request of a run that has no login to check. */
export function earlyTagLookup(base: string, repository: string, tag: string, userAgent = USER_AGENT): EarlyRequest {
  return {
    method: 'HEAD',
    url: `${base}/v2/${repository}/manifests/${tag}`,
    headers: { 'user-agent': userAgent, accept: MANIFEST_ACCEPT },
  };
}

/** The registry's ping (`GET /v2/`), the first request of a login. */
export function earlyPing(base: string, userAgent = USER_AGENT): EarlyRequest {
  return { method: 'GET', url: `${base}/v2/`, headers: { 'user-agent': userAgent } };
}

/**
 * Sends `req` now, unless a proxy is configured or another is waiting to be taken. Its socket does not keep
 * the process alive: a run that fails before it reaches the registry exits without waiting for it.
 */
export function sendEarly(req: EarlyRequest): void {
  if (pending || PROXY_VARIABLES.some((v) => process.env[v])) return;
  const url = new URL(req.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  const mod = process.getBuiltinModule(url.protocol === 'http:' ? 'node:http' : 'node:https') as typeof http;
  const agent = new mod.Agent(AGENT_OPTIONS);
  const request = mod.request(url, { method: req.method, headers: req.headers, agent });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  const exchange: EarlyExchange = { ...req, url: url.href, origin: url.origin, sentAt: Date.now(), agent, request, response };
  // Until the run takes it, the connection does not keep the process alive (`takeEarly` counts it again).
  request.once('socket', (socket: Socket) => void (exchange.taken || socket.unref()));
  // Nobody may ever ask for it: its failure is then nobody's.
  response.catch(() => {});
  request.end();
  pending = exchange;
  outcome = 'sent';
}

/**
 * Offers the early answer to the run's first request to its origin: the exchange if `req` is the
 * same request (the caller then owns it, its agent included), else undefined, the early request
 * dropped (it is offered once: a later request, such as the tag asked again after the upload, is
 * never answered from before it).
 */
export function takeEarly(req: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}): EarlyExchange | undefined {
  const early = pending;
  if (!early) return undefined;
  const url = new URL(req.url);
  if (url.origin !== early.origin) return undefined;
  if (req.body !== undefined || req.method !== early.method || url.href !== early.url || !sameHeaders(req.headers, early.headers)) {
    dropEarly('dropped');
    return undefined;
  }
  // Sent long ago (a large chart read before its tag is looked up), it is asked again: a decision on its
  // answer ("unchanged") would rest on the registry as it was then. Counted from the sending, not from
  // when the answer was seen: a run busy reading files sees an answer long after it came.
  if (Date.now() - early.sentAt > EARLY_MAX_AGE_MS) {
    dropEarly('stale');
    return undefined;
  }
  pending = undefined;
  outcome = 'used';
  early.taken = true;
  // Its body (a ping's 401) may still be on its way: the process waits for it as for any request's.
  early.request.socket?.ref();
  return early;
}

/**
 * Drops the early request: `dropped`, the run's first request to its origin was another; `stale`, it
 * was, but more than EARLY_MAX_AGE_MS after the early one was sent; `unused`,
 * the run closes its connections without having asked (it failed before, or never needed that registry).
 */
export function dropEarly(why: 'dropped' | 'stale' | 'unused' = 'unused'): void {
  const early = pending;
  pending = undefined;
  if (!early) return;
  outcome = why;
  early.request.destroy();
  early.agent.destroy();
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const lower = (h: Record<string, string>): Map<string, string> => new Map(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  const x = lower(a);
  const y = lower(b);
  return x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
}
