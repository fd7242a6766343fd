import { UserError } from '../errors.js';
import type { BuiltChart } from '../release/build.js';
import type { Inputs } from './inputs.js';
import type { Status } from './outputs.js';

export async function pushPhase(_inputs: Inputs, _built: BuiltChart): Promise<{ status: Status; digest: string }> {
  throw new UserError('pushing is not available in this build', { hint: 'Set push: false to package and save only' });
}
