import { expandCharts } from './glob.js';
import { splitReference } from '../oci/reference.js';
import { errorLine } from '../errors.js';
import { ACTION_HINTS } from './hints.js';
import { log as out } from './log.js';
import type { BuildOptions, Overrides } from '../release/build.js';
import { startSigner } from '../sign/signer.js';
import { mapLimit } from '../util/concurrency.js';
import { readInputs } from './inputs.js';
import { setOutputs, type ChartResult } from './outputs.js';
import { publishChart } from './publish-chart.js';
import { openActionRegistries, warmUp } from './registries.js';
import { writeSummary } from './summary.js';

/** Charts published at a time (the registry, not this process, is what more would wait on). */
export const CONCURRENCY = 4;

/**
 * The main step: every chart (lines and globs of `chart`) packaged once and published to every `ref`,
 * several at a time. One failing chart fails the step, but the others still publish.
 */
export async function publish(): Promise<void> {
  const inputs = readInputs();
  // Signing (OpenPGP, the key's unlocking) starts now: it overlaps the charts' loading and the registry's answers.
  const signer = inputs.sign ? startSigner(inputs.sign) : undefined;
  // Keyless: the ID token permission is checked now, before anything is pushed.
  const keyless = inputs.keyless
    ? await (await import('./keyless.js')).actionKeylessSigner(inputs.keyless, { info: out.info, warning: out.warning })
    : undefined;
  const sources = await expandCharts(inputs.charts);
  const overrides: Overrides = {
    version: inputs.version || undefined,
    appVersion: inputs.appVersion || undefined,
    annotations: inputs.annotations,
    layerMediaType: inputs.layerMediaType,
    defaultSource:
      process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY
        ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}`
        : undefined,
  };
  const primary = splitReference(inputs.refs[0]).registry;
  // Open for dependencies too (the run's CA, TLS, timeout and credentials), whether or not it pushes.
  const connections = await openActionRegistries(inputs, primary);
  const registries = inputs.push ? connections : undefined;
  if (registries) warmUp(registries, primary, out.info);
  const access = connections.access(out.info);
  const failures: Array<{ source: string; message: string }> = [];
  const single = sources.length === 1;
  let results: Array<ChartResult | undefined>;
  // Each pushed chart's read-back of its tag (after the settling wait), awaited once all are pushed.
  const readBacks: Array<{ index: number; source: string; done: Promise<void>[] }> = [];
  try {
    results = await mapLimit(sources, CONCURRENCY, async (source, index) => {
      const done: Promise<void>[] = [];
      readBacks.push({ index, source, done });
      // With several charts, each one's lines wait for its group (in order, notices among them).
      const later: Array<() => void> = [];
      const log = single ? out.info : (line: string) => void later.push(() => out.info(line));
      const notice = single ? out.notice : (line: string) => void later.push(() => out.notice(line));
      try {
        const build: BuildOptions = {
          env: process.env,
          workspace: process.env.GITHUB_WORKSPACE || undefined,
          overrides,
          access,
          signer,
          log: { info: log, warn: (line) => out.warning(line) },
          artifactHub: { lint: inputs.artifacthubLint, signKeyUrl: inputs.signKeyUrl || undefined },
        };
        return await publishChart(source, inputs, build, registries, notice, done, keyless);
      } catch (err) {
        failures.push({ source, message: errorLine(err, ACTION_HINTS) });
        if (!single) out.error(`${source}: ${errorLine(err, ACTION_HINTS)}`);
        return undefined;
      } finally {
        if (!single) {
          out.startGroup(source);
          for (const print of later) print();
          out.endGroup();
        }
      }
    });
    for (const { index, source, done } of readBacks) {
      try {
        await Promise.all(done);
      } catch (err) {
        // Pushed, but another run wrote the tag right after: this chart is not what the tag holds.
        results[index] = undefined;
        failures.push({ source, message: errorLine(err, ACTION_HINTS) });
        if (!single) out.error(`${source}: ${errorLine(err, ACTION_HINTS)}`);
      }
    }
  } finally {
    await connections.close();
  }
  const published = results.filter((r): r is ChartResult => r !== undefined);
  if (published.length > 0) setOutputs(published);
  await writeSummary(published, failures);
  if (failures.length === 0) return;
  if (single) throw new Error(failures[0].message);
  throw new Error(
    `${failures.length} of ${sources.length} charts failed: ${failures.map((f) => f.source).join(', ')} (see the errors above)`,
  );
}
