import { AsyncLocalStorage } from 'node:async_hooks';

/** The operation under way: its deadline (ms since the epoch), and how many of its requests got no answer in time, by method. */
interface Operation {
  at: number;
  late: Map<string, number>;
}

/**
 * The deadline of the operation under way, shared by everything it does: retry loops nested in it
 * (a blob upload's restarts around each request's own retries) and every request they make, however
 * deep, end by it. Set by the outermost `retrying`; an inner one never extends it.
 */
const current = new AsyncLocalStorage<Operation>();

/** The deadline in force, if an operation set one. */
export function deadline(): number | undefined {
  return current.getStore()?.at;
}

/** Runs `fn` under the deadline `at`, unless one is already in force (the outer operation's stands). */
export function withDeadline<T>(at: number, fn: () => Promise<T>): Promise<T> {
  return current.getStore() === undefined ? current.run({ at, late: new Map() }, fn) : fn();
}

/** A request's time: `timeoutMs`, or less when the operation's deadline comes first (never below 0). */
export function requestTimeout(timeoutMs: number): number {
  const at = current.getStore()?.at;
  return at === undefined ? timeoutMs : Math.max(0, Math.min(timeoutMs, at - Date.now()));
}

/**
 * How long a request may wait for its answer's first byte once it is sent: `baseMs`, and from the
 * third request of this operation with the same method that waited in vain on, twice as long each
 * time (base, base, base, 2×, 4×, …). The first two retries take the request for lost (a load balancer
 * dropped it: one request in ten, at a 40% fault rate, is met twice in a row) and send it again within
 * seconds; from then on the registry is taken for slow at that kind of request (a PUT that completes a
 * large blob, which it verifies), so it is never given up for being slow. A lost HEAD does not lengthen
 * the wait for a PUT.
 */
export function answerTimeout(baseMs: number, method: string): number {
  return baseMs * 2 ** Math.min(Math.max(0, (current.getStore()?.late.get(method) ?? 0) - 2), 16);
}

/** A request of this operation got no answer within `answerTimeout`. */
export function noteLateAnswer(method: string): void {
  const op = current.getStore();
  if (op) op.late.set(method, (op.late.get(method) ?? 0) + 1);
}

/** Runs `fn` outside any operation's deadline: a caller's callback starting an operation of its own. */
export function outsideDeadline<T>(fn: () => T): T {
  return current.exit(fn);
}
