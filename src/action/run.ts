import { expandCharts } from './glob.js';
import { splitReference } from '../oci/reference.js';
import { errorLine } from '../errors.js';
import { ACTION_HINTS } from './hints.js';
import { log as out } from './log.js';
import type { BuildOptions, Overrides } from '../release/build.js';
import { startSigner } from '../sign/signer.js';
import { mapLimit } from '../util/concurrency.js';
import { onCacheWarning } from '../oci/layout.js';
import { readInputs } from './inputs.js';
import { failedResult, setOutputs, type ChartResult } from './outputs.js';
import { resultTitle, tally } from './result-lines.js';
import { publishChart } from './publish-chart.js';
import { openActionRegistries, warmUp } from './registries.js';
import { writeSummary } from './summary.js';
import { redact } from './secrets.js';

/** Charts published at a time (the registry, not this process, is what more would wait on). */
export const CONCURRENCY = 4;

/**
 * The main step: every chart (lines and globs of `chart`) packaged once and published to every `ref`,
 * several at a time. One failing chart fails the step, but the others still publish.
 */
export async function publish(): Promise<void> {
  onCacheWarning(out.warning);
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
    codeUrl:
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
  const single = sources.length === 1;
  // Each chart's result, final once its read-backs are in; with several charts, each one's lines are
  // printed as a group titled with that result, in the charts' order, as soon as those before it are.
  const finals = sources.map(() => deferred());
  const printed = printInOrder(finals, single);
  try {
    await mapLimit(sources, CONCURRENCY, async (source, index) => {
      // Each pushed chart's read-back of its tag (after the settling wait): awaited outside the slot.
      const done: Promise<void>[] = [];
      const known: { name?: string; version?: string } = {};
      const lines: Array<() => void> = [];
      const log = single ? out.info : (line: string) => void lines.push(() => out.info(line));
      const notice = single ? out.notice : (line: string) => void lines.push(() => out.notice(line));
      const build: BuildOptions = {
        env: process.env,
        workspace: process.env.GITHUB_WORKSPACE || undefined,
        overrides,
        access,
        signer,
        log: { info: log, warn: (line) => out.warning(line) },
        artifactHub: { lint: inputs.artifacthubLint, signKeyUrl: inputs.signKeyUrl || undefined },
      };
      // The error as the charts output holds it: secrets written *** (the runner drops an output that holds one).
      const failed = (err: unknown): Final => ({ result: failedResult(source, known, redact(errorLine(err, ACTION_HINTS))), err, lines });
      let final: Promise<Final>;
      try {
        const published = await publishChart(source, inputs, build, registries, notice, done, known, keyless);
        // Pushed, but another run may write the tag right after: then this chart is not what the tag holds.
        final = Promise.all(done).then(() => ({ result: published, lines }), failed);
      } catch (err) {
        final = Promise.resolve(failed(err));
      }
      finals[index].resolve(final);
    });
    await printed;
  } finally {
    await connections.close();
  }
  const results = await Promise.all(finals.map((f) => f.promise.then((r) => r.result)));
  setOutputs(results);
  await writeSummary(results);
  out.info(tally(results));
  const failures = results.filter((r) => r.status === 'failed');
  if (failures.length === 0) return;
  if (single) throw (await finals[0].promise).err;
  throw new Error(
    `${failures.length} of ${sources.length} charts failed: ${failures.map((f) => f.source).join(', ')} (see the errors above)`,
  );
}

type Final = { result: ChartResult; lines: Array<() => void>; err?: unknown };

function deferred(): { promise: Promise<Final>; resolve: (v: Promise<Final>) => void } {
  let resolve!: (v: Promise<Final>) => void;
  const promise = new Promise<Final>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Prints each chart's lines as its results come in, in the charts' order. Several charts: a group each,
 * titled with its result, its error (an annotation pointing at the file at fault) after the group. One
 * chart: its lines went out as they came; its error is the step's own.
 */
async function printInOrder(finals: Array<{ promise: Promise<Final> }>, single: boolean): Promise<void> {
  for (const f of finals) {
    const { result, lines, err } = await f.promise;
    if (single) continue;
    out.startGroup(resultTitle(result));
    for (const print of lines) print();
    out.endGroup();
    if (err !== undefined) out.error(`${result.source}: ${result.error}`, err);
  }
}
