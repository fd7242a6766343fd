import { UserError } from '../errors.js';
import type { BuiltChart } from './build.js';
import type { IfExists } from './push.js';
import type { Registries } from './registries.js';
import { chartResult, targetResult, type ChartResult, type TargetResult } from './results.js';
import { compareWithRegistry, type Vouching } from './same-chart.js';

/**
 * What a publish would find under a reference, as a plan says it: `new` (no such tag), `unchanged`
 * (the tag holds this build, or the same chart under another manifest), `differs` (other content:
 * the differences named as a publish that fails names them).
 */
export type PlanStatus = 'new' | 'unchanged' | 'differs';

/** What the publish would then do, under the run's if-exists: write the tag, nothing, keep what is there, or fail. */
export type PlanAction = 'push' | 'none' | 'skip' | 'fail';

/**
 * One chart's plan: for each reference, what the tag holds now against this build, and what a publish
 * would do about it. Nothing is written (no blob, no tag, no cache entry, no signature); the cost is
 * the tag's look-up, and for a tag holding other content the comparison a publish would make (its
 * manifest, and the config and chart it downloads only to name the differences). `vouch`: what a
 * signing publish would require of the registry's copy, so that the plan says what it would say.
 */
export async function planChart(
  source: string,
  targets: BuiltChart[],
  registries: Registries,
  lookups: Map<string, Promise<string | undefined>>,
  ifExists: IfExists,
  vouch: Vouching | undefined,
  log: (line: string) => void,
): Promise<ChartResult> {
  const results: TargetResult[] = [];
  for (const built of targets) {
    const { ref } = built;
    const client = await registries.client(ref.registry, log);
    const looked = lookups.get(built.refName);
    lookups.delete(built.refName); // a ref given twice is looked up again the second time
    const current = await (looked ?? client.resolveTag(ref.repository, ref.tag, false));
    const ours = built.artifact.manifestDescriptor.digest;
    const target = planned(built);
    if (current === ours) target.status = 'unchanged';
    else if (current === undefined) Object.assign(target, { status: 'new', publish: 'push' });
    else {
      const compared = await compareWithRegistry(client, ref.repository, current, built.artifact, { explain: true, vouch });
      target['registry-digest'] = current;
      if (compared.same) Object.assign(target, { status: 'unchanged', from: 'registry' });
      else {
        target.status = 'differs';
        target.differences = compared.why;
        if (compared.chartDigest) target['registry-chart-digest'] = compared.chartDigest;
        target.publish = ifExists === 'fail' ? 'fail' : ifExists === 'skip' ? 'skip' : 'push';
      }
    }
    log(planLine(built.refName, target));
    results.push(target);
  }
  const chart = await chartResult(source, targets[0], results);
  // The chart's own status and action: the most telling of its references' (one that differs, else one that is new).
  chart.status = results.some((t) => t.status === 'differs') ? 'differs' : results.some((t) => t.status === 'new') ? 'new' : 'unchanged';
  chart.publish = (['fail', 'push', 'skip'] as const).find((a) => results.some((t) => t.publish === a)) ?? 'none';
  return chart;
}

/** A reference's plan, before the tag is looked at: this build's digests, which a publish would push. */
function planned(built: BuiltChart): TargetResult {
  const outcome = { refName: built.refName, tag: built.ref.tag, status: 'unchanged', artifact: built.artifact, from: 'build' } as const;
  return { ...targetResult(built, outcome), publish: 'none' };
}

/** The log's line for one reference of a plan. */
function planLine(refName: string, t: TargetResult): string {
  switch (t.status) {
    case 'new':
      return `${refName}: new (a publish pushes ${t.digest})`;
    case 'unchanged':
      return t.from === 'registry'
        ? `${refName}: unchanged (the registry holds the same chart: ${t['registry-digest']})`
        : `${refName}: unchanged (the registry holds ${t.digest})`;
    default:
      return `${refName}: differs (it holds ${t['registry-digest']}, this build is ${t.digest}: ${t.differences}); with if-exists ${
        t.publish === 'fail'
          ? 'fail, a publish fails'
          : t.publish === 'skip'
            ? 'skip, a publish keeps it'
            : 'overwrite, a publish replaces it'
      }`;
  }
}

/**
 * The error a planned chart's publish would fail with (a reference that differs under if-exists fail),
 * worded as the publish words it.
 */
export function planRefusal(chart: ChartResult): UserError | undefined {
  const failing = chart.targets.filter((t) => t.publish === 'fail');
  if (failing.length === 0) return undefined;
  const [t] = failing;
  const theirs = t['registry-chart-digest'] ? ` (chart ${t['registry-chart-digest']})` : '';
  const more = failing.length > 1 ? ` (and ${failing.length - 1} more ref${failing.length > 2 ? 's' : ''})` : '';
  return new UserError(
    `${t.ref} already holds ${t['registry-digest']}${theirs}, and this build is ${t.digest} (chart ${t['chart-digest']}): ${t.differences}${more}`,
    {
      hint: 'A published version is immutable: bump the chart version, or set if-exists to skip (keep what is there) or overwrite (replace it)',
    },
  );
}

/** One entry of the matrix: what a job publishing one planned chart needs. */
export interface MatrixEntry {
  /** The chart's path as the plan was given it (what the publishing job's chart list names). */
  chart: string;
  name: string;
  version: string;
  /** The manifest digest the plan built: what the publish must build again (expected digest). */
  digest: string;
}

/**
 * The charts a publish would act on, as a CI matrix takes them: those it would push, and those it
 * would refuse (a version published with other content, under if-exists fail: its job fails there,
 * naming the differences, while the other charts publish, as one step publishing them all would).
 * `{"include": [...]}` (GitHub's `strategy.matrix` through `fromJSON`), or `[]` when there are none.
 * GitHub refuses a matrix with no job in it ("Matrix vector … does not contain any values"), and
 * evaluates a job's `if` before its matrix ("The jobs.<job_id>.if condition is evaluated before
 * jobs.<job_id>.strategy.matrix is applied", docs.github.com: using conditions to control job
 * execution): the job that takes the matrix is skipped with `if: needs.<plan>.outputs.matrix != '[]'`,
 * a string compared as it is written.
 */
export function planMatrix(results: ChartResult[]): { include: MatrixEntry[] } | [] {
  const include = results
    .filter((r) => r.status !== 'failed' && (r.publish === 'push' || r.publish === 'fail'))
    .map((r) => ({ chart: r.source, name: r.name, version: r.version, digest: r.digest }));
  return include.length > 0 ? { include } : [];
}
