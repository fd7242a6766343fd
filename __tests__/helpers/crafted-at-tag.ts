import assert from 'node:assert/strict';
import { runAction } from './action.js';
import { swapChartLayer, type HostileRegistry } from './hostile-registry.js';

/**
 * The chart `chart` (named victim, 1.0.0) pushed by the action to `repo`, then the tag's manifest
 * rewritten to name `layer` as its chart (same config): the next run's "same chart?" comparison
 * downloads and reads `layer`. Returns the `ref` input that reaches it.
 */
export async function craftedAtTag(
  reg: HostileRegistry,
  chart: string,
  env: NodeJS.ProcessEnv,
  repo: string,
  layer: Buffer,
): Promise<string> {
  const ref = `oci://${reg.host}/${repo}`;
  const first = await runAction({ chart, ref, 'plain-http': 'true' }, { env });
  assert.equal(first.code, 0, first.stdout);
  swapChartLayer(reg, `${repo}/victim`, '1.0.0', layer);
  return ref;
}
