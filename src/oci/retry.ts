/**
 * When and how long to retry. Statuses 408, 429 and 5xx (but 501 and 505) and dropped or timed-out
 * connections are transient; waits grow exponentially from `baseMs` to `capMs` with equal jitter,
 * a `Retry-After` from the registry is honoured (up to `maxRetryAfterMs`), and `retries` bounds the
 * attempts, so a request ends within a known time.
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
  return { retries, baseMs: 200, capMs: 4000, maxRetryAfterMs: 30_000, timeoutMs: timeoutSeconds * 1000 };
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
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (e instanceof Error && /other side closed|socket hang up|terminated/i.test(e.message)) return true;
  }
  return false;
}

/** The wait before retry number `attempt` (0-based), honouring `Retry-After` (seconds or an HTTP date). */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfter?: string, random = Math.random): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, policy.maxRetryAfterMs);
  }
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return exp / 2 + random() * (exp / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
