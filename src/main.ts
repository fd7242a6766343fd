import { log } from './action/log.js';
import { state } from './action/state.js';
import { publish } from './action/run.js';
import { ACTION_HINTS } from './action/hints.js';
import { errorLine } from './errors.js';

/**
 * The main step. Importing this module does nothing (so `npx @github/local-action . src/main.ts .env`
 * can run it); `run()` never throws: a failure becomes one error annotation through core.setFailed.
 */
export async function run(): Promise<void> {
  state.markPost();
  try {
    await publish();
  } catch (err) {
    if (err instanceof Error && err.stack) log.debug(err.stack);
    log.fail(errorLine(err, ACTION_HINTS), err);
  }
}
