import { splitReference } from '../oci/reference.js';
import { mapLimit } from '../util/concurrency.js';
import { sourceDate, type SourceDate } from '../chart/source-date.js';
import type { BuildOptions } from './build.js';
import { expandCharts } from './charts.js';
import { publishChart, type ChartSettings } from './publish-chart.js';
import type { Registries } from './registries.js';
import { failedResult, resultTitle, tally, type ChartResult } from './results.js';
import { planRefusal } from './plan.js';

/** Charts published at a time (the registry, not this process, is what more would wait on). */
export const CONCURRENCY = 4;

/** Everything a publication needs, from whichever face runs it: no face's names, no CI's variables. */
export interface PublishSettings extends ChartSettings {
  /** The charts: paths and patterns (`*`, `**`, `!` lines that exclude), as the face was given them. */
  charts: string[];
  /** Where relative paths and patterns are read from (the working folder by default). */
  cwd?: string;
  /** false: packaged and saved to the cache only (Helm 3.0–3.6's `helm chart save`). A plan looks the tags up either way. */
  push: boolean;
  /** How each chart is built (its log and its network access are the run's: added here). */
  build: Omit<BuildOptions, 'log' | 'access'>;
  /** The run's registries (the face's logins), used for dependencies whether or not it pushes. */
  registries: Registries;
  /** A failure as one line in the face's words (its hints), as the results hold it. */
  errorLine: (err: unknown) => string;
}

/** Where a publication's lines go; the face prints them its own way (a runner's groups, a terminal). */
export interface PublishLog {
  info(line: string): void;
  notice(line: string): void;
  warning(line: string): void;
  /** A chart's failure, when several are published (with one, it is the run's own failure). */
  error(line: string, err: unknown): void;
  startGroup(title: string): void;
  endGroup(): void;
}

export interface Publication {
  /** Every chart's result, in the charts' order. */
  results: ChartResult[];
  /** The failed charts' errors, by index into `results`. */
  errors: Map<number, unknown>;
}

/**
 * The publication both faces run: every chart (paths and patterns) packaged once and published to
 * every ref, several at a time, each one's result told once (its lines, as a group titled with its
 * result when there are several, then the tally). One failing chart does not stop the others.
 */
export async function publishCharts(settings: PublishSettings, out: PublishLog): Promise<Publication> {
  const sources = await expandCharts(settings.charts, settings.cwd);
  // The archives' one timestamp, the same for every chart of the run: said once.
  out.info(timestampLine(sourceDate(settings.build.env)));
  const primary = splitReference(settings.refs[0]).registry;
  const registries = settings.push || settings.plan ? settings.registries : undefined;
  // Starts choosing the credential for the first registry and logging in, while the charts load.
  // Safe: `registries` keeps this same promise, and every chart that reaches `primary` awaits it and
  // reports its failure; a run in which none does has the charts' own failures to report.
  if (registries) registries.client(primary, out.info).catch(() => {});
  const access = settings.registries.access(out.info);
  const single = sources.length === 1;
  // Each chart's result, final once its read-backs are in; with several charts, each one's lines are
  // printed as a group titled with that result, in the charts' order, as soon as those before it are.
  const finals = sources.map(() => deferred());
  const printed = printInOrder(finals, single, out);
  await mapLimit(sources, CONCURRENCY, async (source, index) => {
    // Each pushed chart's read-back of its tag (after the settling wait): awaited outside the slot.
    const done: Promise<void>[] = [];
    const known: { name?: string; version?: string } = {};
    const lines: Array<() => void> = [];
    const info = single ? out.info : (line: string) => void lines.push(() => out.info(line));
    const notice = single ? out.notice : (line: string) => void lines.push(() => out.notice(line));
    const build: BuildOptions = { ...settings.build, access, log: { info, warn: (line) => out.warning(line) } };
    const failed = (err: unknown): Final => ({ result: failedResult(source, known, settings.errorLine(err)), err, lines });
    let final: Promise<Final>;
    try {
      const published = await publishChart(source, settings, build, registries, notice, done, known);
      // What its publish would fail with (a version published with other content, under if-exists fail), said
      // as a warning: the plan lists it for the publish to refuse, where the other charts still publish.
      const refused = settings.plan ? planRefusal(published) : undefined;
      if (refused) out.warning(`${source}: a publish would fail: ${settings.errorLine(refused)}`);
      // Pushed, but another run may write the tag right after: then this chart is not what the tag holds.
      final = Promise.all(done).then(() => ({ result: published, lines }), failed);
    } catch (err) {
      final = Promise.resolve(failed(err));
    }
    finals[index].resolve(final);
  });
  await printed;
  const settled = await Promise.all(finals.map((f) => f.promise));
  const results = settled.map((f) => f.result);
  out.info(tally(results));
  const errors = new Map<number, unknown>();
  settled.forEach((f, i) => f.result.status === 'failed' && errors.set(i, f.err));
  return { results, errors };
}

/** `timestamps: 1970-01-01T00:00:00Z, the fixed epoch (SOURCE_DATE_EPOCH is not set)`. */
function timestampLine(date: SourceDate): string {
  const at = new Date(date.seconds * 1000).toISOString().replace('.000Z', 'Z');
  return `timestamps: ${at}, ${date.from === 'fixed' ? 'the fixed epoch (SOURCE_DATE_EPOCH is not set)' : `SOURCE_DATE_EPOCH=${date.seconds}`}`;
}

type Final = { result: ChartResult; lines: Array<() => void>; err?: unknown };

function deferred(): { promise: Promise<Final>; resolve: (v: Promise<Final>) => void } {
  let resolve!: (v: Promise<Final>) => void;
  const promise = new Promise<Final>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Prints each chart's lines as its results come in, in the charts' order. Several charts: a group each,
 * titled with its result, its error (pointing at the file at fault) after the group. One chart: its
 * lines went out as they came; its error is the run's own.
 */
async function printInOrder(finals: Array<{ promise: Promise<Final> }>, single: boolean, out: PublishLog): Promise<void> {
  for (const f of finals) {
    const { result, lines, err } = await f.promise;
    if (single) continue;
    out.startGroup(resultTitle(result));
    for (const print of lines) print();
    out.endGroup();
    if (err !== undefined) out.error(`${result.source}: ${result.error}`, err);
  }
}
