import * as core from '@actions/core';
import { logoutStep } from './action/post.js';
import { ACTION_HINTS } from './action/hints.js';
import { errorLine } from './errors.js';

/** The post step (`--post src/post.ts` for local-action): it warns, never fails the job. */
export async function run(): Promise<void> {
  try {
    await logoutStep();
  } catch (err) {
    core.warning(`post step: ${errorLine(err, ACTION_HINTS)}`);
  }
}
