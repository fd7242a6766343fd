import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The deadline of the operation under way (ms since the epoch), shared by everything it does: retry
 * loops nested in it (a blob upload's restarts around each request's own retries) and every request
 * they make, however deep, end by it. Set by the outermost `retrying`; an inner one never extends it.
 */
const current = new AsyncLocalStorage<number>();

/** The deadline in force, if an operation set one. */
export function deadline(): number | undefined {
  return current.getStore();
}

/** Runs `fn` under the deadline `at`, unless one is already in force (the outer operation's stands). */
export function withDeadline<T>(at: number, fn: () => Promise<T>): Promise<T> {
  return current.getStore() === undefined ? current.run(at, fn) : fn();
}

/** A request's time: `timeoutMs`, or less when the operation's deadline comes first (never below 0). */
export function requestTimeout(timeoutMs: number): number {
  const at = current.getStore();
  return at === undefined ? timeoutMs : Math.max(0, Math.min(timeoutMs, at - Date.now()));
}

/** Runs `fn` outside any operation's deadline: a caller's callback starting an operation of its own. */
export function outsideDeadline<T>(fn: () => T): T {
  return current.exit(fn);
}
