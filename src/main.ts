import * as core from '@actions/core';
import { errorLine } from './errors.js';
import { State } from './action/constants.js';
import { post } from './action/post.js';
import { run } from './action/run.js';

async function main(): Promise<void> {
  if (core.getState(State.isPost) === 'true') {
    try {
      await post();
    } catch (err) {
      core.warning(`post step: ${errorLine(err)}`);
    }
    return;
  }
  core.saveState(State.isPost, 'true');
  try {
    await run();
  } catch (err) {
    if (err instanceof Error && err.stack) core.debug(err.stack);
    core.setFailed(errorLine(err));
  }
}

await main();
