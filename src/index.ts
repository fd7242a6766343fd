import { state } from './action/state.js';
import { run as main } from './main.js';
import { run as post } from './post.js';

// The bundle's entry (action.yml runs it for both steps): the main step marks its state, so the
// runner's second start of the same file is the post step.
await (state.isPost() ? post() : main());
