import type { ChartArtifact } from '../artifact/manifest.js';
import { Layout } from '../oci/layout.js';
import type { Reference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/registry.js';
import { pullChart } from './pull.js';
import { pushArtifact, type IfExists, type PushOptions } from './push.js';
import { saveToCache } from './save.js';

export type TargetStatus = 'pushed' | 'unchanged' | 'skipped' | 'saved';

/**
 * What stands under one reference once a chart is published or saved: the one result every face
 * prints (the log's block, the outputs, the job summary) and the cache holds. `artifact` is what a
 * pull of the reference gets: this build's, or the registry's copy when that is what stands (the same
 * chart pushed by another tool, or what a skip kept).
 */
export interface TargetOutcome {
  refName: string;
  tag: string;
  status: TargetStatus;
  artifact: ChartArtifact;
  from: 'build' | 'registry';
}

/**
 * Pushes `artifact` to the reference and leaves the cache entry `refName` holding what the tag holds after:
 * this build, or the registry's copy (the same chart under another manifest; or, skipped, the tag's
 * other content, pulled). `options.beforeCommit` is this build's own save, awaited before the
 * registry's copy replaces it.
 */
export async function pushAndCache(
  client: RegistryClient,
  ref: Reference,
  refName: string,
  artifact: ChartArtifact,
  ifExists: IfExists,
  cacheDir: string,
  options: PushOptions = {},
): Promise<TargetOutcome> {
  const outcome = await pushArtifact(client, ref, artifact, ifExists, options);
  const done = (stands: ChartArtifact, from: TargetOutcome['from']): TargetOutcome => ({
    refName,
    tag: ref.tag,
    status: outcome.status,
    artifact: stands,
    from,
  });
  if (outcome.existing) {
    await options.beforeCommit;
    await saveToCache(cacheDir, refName, outcome.existing);
    return done(outcome.existing, 'registry');
  }
  if (outcome.status === 'skipped') {
    await options.beforeCommit;
    const pulled = await pullChart(client, ref, new Layout(cacheDir));
    return done(pulled.cached.artifact, 'registry');
  }
  return done(artifact, 'build');
}
