import { log } from './action/log.js';
import { logoutStep } from './action/post.js';
import { ACTION_HINTS } from './action/hints.js';
import { errorLine } from './errors.js';

/** The post step (`--post src/post.ts` for local-action): it warns, never fails the job. */
export async function run(): Promise<void> {
  try {
    await logoutStep();
  } catch (err) {
    log.warning(`post step: ${errorLine(err, ACTION_HINTS)}`);
  }
}
