import { resolveChartRef } from '../artifact/chart-ref.js';
import { refString } from '../oci/reference.js';
import { bindRef, loadSource, packageLoaded, type BuildOptions } from '../release/build.js';
import { lookUpTag } from '../release/push.js';
import { pushAndCache, type TargetOutcome } from '../release/outcome.js';
import { yieldToLoop } from '../util/yield.js';
import { loweredLine, outcomeLines } from '../release/report.js';
import { saveToCache } from '../release/save.js';
import type { Inputs } from './inputs.js';
import { chartResult, targetResult, type ChartResult, type TargetResult } from './outputs.js';
import type { Registries } from '../release/registries.js';

/**
 * One chart, start to end: packaged once, saved to the cache under every target, and pushed to each
 * target in turn (a later target on the same registry mounts the blobs from the first). The tags are
 * looked up as soon as the chart's name and version are known.
 */
export async function publishChart(
  source: string,
  inputs: Inputs,
  build: BuildOptions,
  registries: Registries | undefined,
  notice: (line: string) => void,
  readBacks?: Array<Promise<void>>,
  known: { name?: string; version?: string } = {},
): Promise<ChartResult> {
  const log = (line: string): void => build.log?.info(line);
  const loaded = await loadSource(source, build);
  const md = loaded.chart.metadata;
  known.name = md.name;
  known.version = md.version;
  // The tags are looked up while the chart is packaged (the connection, any token and the HEAD overlap it).
  const lookups = new Map<string, Promise<string | undefined>>();
  for (const refInput of inputs.refs) {
    const { ref } = resolveChartRef(refInput, md.name, md.version);
    const name = refString(ref);
    if (registries && !lookups.has(name)) lookups.set(name, lookUpTag(registries.client(ref.registry, log), ref));
  }
  await yieldToLoop();
  const packaged = await packageLoaded(loaded, build);
  log(`${md.name} ${md.version}: this build is ${packaged.artifact.chart.length} bytes, chart ${packaged.artifact.chartDescriptor.digest}`);
  log(
    `timestamps from ${packaged.date.from === 'fixed' ? 'the fixed epoch (SOURCE_DATE_EPOCH is not set)' : packaged.date.from} (${new Date(packaged.date.seconds * 1000).toISOString()})`,
  );
  if (packaged.signed)
    log(`signed by ${packaged.signed.fingerprint} (${packaged.signed.userId}): provenance ${md.name}-${md.version}.tgz.prov`);
  const targets = inputs.refs.map((ref) => bindRef(packaged, ref));
  const results: TargetResult[] = [];
  const pushedTo = new Map<string, string>();
  for (const built of targets) {
    if (built.lowered) notice(loweredLine(built.lowered, built.ref.repository));
    // Saved while the blobs upload; the manifest (the tag) waits for it, so a failed save publishes nothing.
    const saved = saveToCache(inputs.cache, built.refName, built.artifact);
    // Safe: `saved` is awaited below (the push's commit waits for it too) and its failure reported
    // there; only a push that fails first leaves it unawaited, and that failure is the one reported.
    saved.catch(() => {});
    let outcome: TargetOutcome;
    if (!registries) {
      await saved;
      outcome = { refName: built.refName, tag: built.ref.tag, status: 'saved', artifact: built.artifact, from: 'build' };
    } else {
      const client = await registries.client(built.ref.registry, log);
      log(`The push refers to repository [${built.ref.registry}/${built.ref.repository}]`);
      // What stands afterwards (this build, or the registry's copy) is what the log, the outputs and the cache name.
      outcome = await pushAndCache(client, built.ref, built.refName, built.artifact, inputs.ifExists, inputs.cache, {
        mountFrom: pushedTo.get(built.ref.registry),
        current: take(lookups, built.refName), // a ref given twice is looked up again the second time
        beforeCommit: saved,
        readBacks,
      });
      await saved;
      if (!pushedTo.has(built.ref.registry)) pushedTo.set(built.ref.registry, built.ref.repository);
    }
    for (const line of outcomeLines(outcome, md)) log(line);
    results.push(targetResult(built, outcome));
  }
  return chartResult(source, targets[0], results);
}

function take<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  map.delete(key);
  return value;
}
