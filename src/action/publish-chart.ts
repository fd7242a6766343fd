import { bindRef, packageSource, type BuildOptions } from '../release/build.js';
import { pushArtifact } from '../release/push.js';
import { describeLines, pushLine } from '../release/report.js';
import { saveToCache } from '../release/save.js';
import type { Inputs } from './inputs.js';
import { chartResult, targetResult, type ChartResult, type TargetResult } from './outputs.js';
import type { Registries } from './registries.js';

/**
 * One chart, start to end: packaged once, saved to the cache under every target, and pushed to each
 * target in turn (a later target on the same registry mounts the blobs from the first).
 */
export async function publishChart(
  source: string,
  inputs: Inputs,
  build: BuildOptions,
  registries: Registries | undefined,
  log: (line: string) => void,
): Promise<ChartResult> {
  const packaged = await packageSource(source, { ...build, log });
  const md = packaged.chart.metadata;
  log(`${md.name} ${md.version}: ${packaged.artifact.chart.length} bytes, chart ${packaged.artifact.chartDescriptor.digest}`);
  log(
    `timestamps from ${packaged.date.from === 'fixed' ? 'the fixed epoch (no SOURCE_DATE_EPOCH, no git history)' : packaged.date.from} (${new Date(packaged.date.seconds * 1000).toISOString()})`,
  );
  const about = { artifact: packaged.artifact, name: md.name, version: md.version };
  const targets = inputs.refs.map((ref) => bindRef(packaged, ref));
  const results: TargetResult[] = [];
  const pushedTo = new Map<string, string>();
  for (const built of targets) {
    if (built.lowered)
      log(
        `::notice::The repository path ${JSON.stringify(built.lowered)} was lower-cased to ${JSON.stringify(built.ref.repository)}: OCI repository names are lower case.`,
      );
    await saveToCache(inputs.cache, built.refName, built.artifact);
    if (!registries) {
      for (const line of describeLines(built.refName, about)) log(line);
      log(`${built.ref.tag}: saved`);
      results.push(targetResult(built, 'saved'));
      continue;
    }
    const client = await registries.client(built.ref.registry, log);
    log(`The push refers to repository [${built.ref.registry}/${built.ref.repository}]`);
    for (const line of describeLines(built.refName, about)) log(line);
    const outcome = await pushArtifact(client, built.ref, built.artifact, inputs.ifExists, { mountFrom: pushedTo.get(built.ref.registry) });
    if (!pushedTo.has(built.ref.registry)) pushedTo.set(built.ref.registry, built.ref.repository);
    log(pushLine(built, outcome.status, outcome.digest));
    results.push(targetResult(built, outcome.status, outcome.digest));
  }
  return chartResult(targets[0], results);
}
