import { causes } from '../util/causes.js';
import { deadline, withDeadline } from './deadline.js';

/**
 * When and how long to retry. Statuses 408, 429 and 5xx (but 501 and 505) and dropped or timed-out
 * connections are transient; waits grow exponentially from `baseMs` to `capMs` with full jitter,
 * a `Retry-After` from the registry is honoured (up to `maxRetryAfterMs`), and the retry count bounds the
 * attempts, so an operation ends within a known time: `retryBudget`.
 */
export interface RetryPolicy {
  retries: number;
  baseMs: number;
  capMs: number;
  maxRetryAfterMs: number;
  /** Per-request timeout (headers and body). */
  timeoutMs: number;
}

export const DEFAULT_RETRIES = 8;
export const DEFAULT_TIMEOUT_SECONDS = 60;

export function retryPolicy(retries = DEFAULT_RETRIES, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS): RetryPolicy {
  // Backoff as oras-go's (registry/remote/retry: about 250 ms doubling, capped at 3 s).
  return { retries, baseMs: 200, capMs: 3000, maxRetryAfterMs: 30_000, timeoutMs: timeoutSeconds * 1000 };
}

/**
 * How long an operation may take, retries included: (retries + 1) × timeout, and every backoff wait
 * at its longest. A `Retry-After` is honoured only while it fits in what is left.
 */
export function retryBudget(policy: RetryPolicy): number {
  let backoff = 0;
  for (let n = 0; n < policy.retries; n++) backoff += Math.min(policy.capMs, policy.baseMs * 2 ** n);
  return (policy.retries + 1) * policy.timeoutMs + backoff;
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
]);

/** A dropped, reset or timed-out connection (not a refused one: nothing listens there, failing fast is kinder). */
export function isRetryableError(err: unknown): boolean {
  // A request whose client was closed (http.ts's HttpClosed) is over, however its connection ended.
  if (causes(err).some((e) => (e as { name?: unknown }).name === 'HttpClosed')) return false;
  return causes(err).some((e) => {
    const code = (e as { code?: unknown }).code;
    return (
      (typeof code === 'string' && TRANSIENT_CODES.has(code)) ||
      isDeadline(e) ||
      (e instanceof Error && /other side closed|socket hang up|terminated/i.test(e.message))
    );
  });
}

/** The wait before retry number `attempt` (0-based), honouring `Retry-After` (seconds or an HTTP date). */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfter?: string, random = Math.random): number {
  return retryAfterMs(retryAfter, policy) ?? backoff(attempt, policy, random);
}

/** A `Retry-After` (seconds or an HTTP date) as a wait, capped at `maxRetryAfterMs`; undefined when absent or unreadable. */
function retryAfterMs(retryAfter: string | undefined, policy: RetryPolicy): number | undefined {
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, policy.maxRetryAfterMs) : undefined;
}

/**
 * Exponential backoff from `baseMs`, capped at `capMs`, with full jitter: anywhere from nothing to the
 * whole of it. Of the strategies the AWS Architecture Blog compared ("Exponential Backoff And Jitter",
 * Marc Brooker, 2015), full jitter finished competing clients' work soonest with about the fewest calls;
 * the AWS SDKs' standard retry mode waits so (`random(0, 1) × min(base × 2^attempt, cap)`). Equal jitter,
 * used before, kept half of each wait: a publish at 40% faults spent seconds longer in its waits.
 */
export function backoff(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random = Math.random): number {
  return random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}

/** The same growth with equal jitter: at least half of each wait, for a caller that must outlast something (a lag). */
export function backoffAtLeastHalf(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return exp / 2 + random() * (exp / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface RetryHooks<T> {
  /** A result to try again (after `before`, e.g. dumping its body), or undefined to return it. */
  result?: (value: T) => { reason: string; retryAfter?: string; before?: () => Promise<void> } | undefined;
  /** Why a thrown error may be tried again, or undefined to throw it at once. */
  error?: (err: unknown) => string | undefined;
  /** What to throw once the tries are spent (the last error by default), told how many were made. */
  giveUp?: (err: unknown, attempts: number) => unknown;
  /** Told of each retry before its wait. */
  onRetry?: (reason: string, waitMs: number, nextAttempt: number) => void;
  /** The operation's time when this loop is the outermost (`retryBudget(policy)` by default). */
  budgetMs?: number;
}

/**
 * The one retry loop: `attempt(n)` until its result or error is final, at most `policy.retries`
 * times more, waiting between tries as `retryDelay` says (backoff with jitter, or the registry's
 * Retry-After). Returns the last result and how many attempts were made.
 *
 * One deadline per operation: the outermost loop sets it (now + `budgetMs`); loops nested in it
 * (however deep) share it, and no loop starts a wait that would end past it: it gives up instead.
 * Each request's own timeout is cut to what is left (`requestTimeout`).
 */
export async function retrying<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  hooks: RetryHooks<T>,
): Promise<{ value: T; attempts: number }> {
  const at = deadline() ?? Date.now() + (hooks.budgetMs ?? retryBudget(policy));
  return withDeadline(at, () => retryLoop(policy, attempt, hooks, at));
}

async function retryLoop<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  hooks: RetryHooks<T>,
  at: number,
): Promise<{ value: T; attempts: number }> {
  // Another try needs tries left, and its wait (backoff, or the registry's Retry-After) to end before the deadline.
  const another = (n: number, wait: number): boolean => n < policy.retries && Date.now() + wait < at;
  for (let n = 0; ; n++) {
    let reason: string;
    let wait: number;
    const sent = Date.now();
    try {
      const value = await attempt(n);
      const again = hooks.result?.(value);
      if (!again) return { value, attempts: n + 1 };
      // An answer, however slow (a 503 after seconds): the registry is there and busy, the whole backoff.
      wait = retryDelay(n, policy, again.retryAfter);
      if (!another(n, wait)) return { value, attempts: n + 1 };
      await again.before?.();
      reason = again.reason;
    } catch (err) {
      const why = hooks.error?.(err);
      if (why === undefined) throw err;
      // A failed answer may say when to come back (a 429 to an upload's POST): honoured as for a result.
      const retryAfter = (err as { retryAfter?: unknown }).retryAfter;
      // No answer at all (a swallowed request, a dropped connection) counts its backoff from the send; a
      // failed answer (an HTTP status) waits the whole of it, as a result does.
      const from = typeof (err as { status?: unknown }).status === 'number' ? Date.now() : sent;
      wait = waitAfter(n, policy, from, typeof retryAfter === 'string' ? retryAfter : undefined);
      if (!another(n, wait)) throw hooks.giveUp ? hooks.giveUp(err, n + 1) : err;
      reason = why;
    }
    hooks.onRetry?.(reason, wait, n + 2);
    await sleep(wait);
  }
}

/**
 * The wait before the next try after one that got no answer (a request the registry swallowed, given
 * up after its answer deadline; a dropped connection): the backoff counted from when the try was sent,
 * so tries are spaced by the backoff and no more. One that waited its answer deadline out has already
 * left the registry alone that long, and goes again at once. A `Retry-After` is honoured in full.
 */
function waitAfter(n: number, policy: RetryPolicy, from: number, retryAfter: string | undefined): number {
  return retryAfterMs(retryAfter, policy) ?? Math.max(0, backoff(n, policy) - (Date.now() - from));
}

/** The request's deadline passed (AbortSignal.timeout): the whole exchange, body included, took too long. */
export function isDeadline(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'TimeoutError';
}
