import * as core from '@actions/core';
import { State } from './action/constants.js';
import { publish } from './action/run.js';
import { errorLine } from './errors.js';

/**
 * The main step. Importing this module does nothing (so `npx @github/local-action . src/main.ts .env`
 * can run it); `run()` never throws: a failure becomes one error annotation through core.setFailed.
 */
export async function run(): Promise<void> {
  core.saveState(State.isPost, 'true');
  try {
    await publish();
  } catch (err) {
    if (err instanceof Error && err.stack) core.debug(err.stack);
    core.setFailed(errorLine(err));
  }
}
