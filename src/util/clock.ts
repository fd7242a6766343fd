/**
 * Milliseconds on a monotonic clock. `performance.now()` would do as well, but its first use loads
 * Node's perf_hooks (about 1 MiB and a few milliseconds on the start path); the process's own
 * high-resolution clock is already there.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
