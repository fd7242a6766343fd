import { log } from './action/log.js';
import { logoutStep } from './action/post.js';
import { overwrittenLine, recheckPushed, type Overwritten } from './action/recheck.js';
import { ACTION_HINTS } from './action/hints.js';
import { errorLine } from './errors.js';

/**
 * The post step (`--post src/post.ts` for local-action), after every other step of the job: the tags the
 * main step wrote are read back once more (another run that wrote one since fails the job, named), then
 * the credentials the main step stored are removed. Anything else it meets is a warning.
 */
export async function run(): Promise<void> {
  let overwritten: Overwritten[] = [];
  try {
    overwritten = await recheckPushed();
  } catch (err) {
    log.warning(`post step: the tags this job pushed could not be read back: ${errorLine(err, ACTION_HINTS)}`);
  }
  try {
    await logoutStep();
  } catch (err) {
    log.warning(`post step: ${errorLine(err, ACTION_HINTS)}`);
  }
  for (const o of overwritten) log.fail(overwrittenLine(o));
}
