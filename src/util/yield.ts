import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop run between steps of synchronous work, so that a connection started before
 * them is set up and its request written while they run.
 */
export function yieldToLoop(): Promise<void> {
  return setImmediate();
}
