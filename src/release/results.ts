import type { BuiltChart } from './build.js';
import type { KeylessOutcome } from './keyless.js';
import type { TargetOutcome, TargetStatus } from './outcome.js';
import type { PlanAction, PlanStatus } from './plan.js';
import { releaseNotes } from '../artifact/release-notes.js';

/** What a publication did (a plan: what it would find), or that the chart failed. */
export type Status = TargetStatus | PlanStatus | 'failed';

/** What stands under one reference after a publication, as every face reports it (the action's outputs, the CLI's JSON and dotenv). */
export interface TargetResult {
  ref: string;
  /** host/path/name: what signing and attestation steps name the artifact by. */
  repository: string;
  digest: string;
  'digest-ref': string;
  'chart-digest': string;
  size: string;
  status: Status;
  /** Whose copy stands: this build's, or the registry's (the same chart pushed by another tool, or what skip kept). */
  from: 'build' | 'registry' | '';
  /**
   * Whether what stands carries this run's provenance signature, and its key: this build's, or the
   * registry's copy whose provenance this key made (a skipped chart's is not this run's to claim).
   */
  signed: boolean;
  'sign-fingerprint': string;
  /** The keyless signature's and the attestation's referrer manifests (made now or found), when asked for. */
  'signature-digest'?: string;
  'attestation-digest'?: string;
  /** The artifacthub.io tag's digest when repository metadata was pushed (or found unchanged) beside the chart. */
  'artifacthub-digest'?: string;
  'artifacthub-status'?: 'pushed' | 'unchanged';
  /** On GHCR, when an anonymous pull was refused (private) or could not be asked (unknown); with where to change it. */
  visibility?: 'private' | 'unknown';
  'settings-url'?: string;
  /**
   * A plan's (see plan.ts): what a publish would do (`digest` and `chart-digest` are then this build's,
   * what it would push); what the tag holds now, when it holds something; and how it differs.
   */
  publish?: PlanAction;
  'registry-digest'?: string;
  'registry-chart-digest'?: string;
  differences?: string;
}

/**
 * One chart's result, as the outputs, the `charts` JSON, the log's group title and the job summary tell
 * it: its first target's values, and all its targets. A failed chart has status `failed`, its `error`,
 * and whatever was known of it (its name and version once Chart.yaml was read).
 */
export interface ChartResult extends TargetResult {
  /** The chart as named (a path, or what a pattern matched) it came from. */
  source: string;
  name: string;
  version: string;
  targets: TargetResult[];
  error?: string;
  /** Markdown from the chart's `artifacthub.io/changes` (see release-notes.ts), when it has any. */
  'release-notes'?: string;
}

/**
 * One published chart's values as both faces give them to later steps (the action's outputs, the CLI's
 * dotenv report, there upper-cased): by the names the `charts` JSON uses, in this order.
 */
export function singleChartValues(r: ChartResult): Array<[string, string]> {
  return [
    ['ref', r.ref],
    ['repository', r.repository],
    ['digest', r.digest],
    ['digest-ref', r['digest-ref']],
    ['chart-digest', r['chart-digest']],
    ['size', r.size],
    ['name', r.name],
    ['version', r.version],
    ['status', r.status],
    ['signed', String(r.signed)],
    ['sign-fingerprint', r['sign-fingerprint']],
    ['signature-digest', r['signature-digest'] ?? ''],
    ['attestation-digest', r['attestation-digest'] ?? ''],
    ['artifacthub-digest', r['artifacthub-digest'] ?? ''],
  ];
}

export function targetResult(built: BuiltChart, o: TargetOutcome): TargetResult {
  const repository = `${built.ref.registry}/${built.ref.repository}`;
  const digest = o.artifact.manifestDescriptor.digest;
  const signed = built.signed !== undefined && o.status !== 'skipped';
  return {
    ref: o.refName,
    repository,
    digest,
    'digest-ref': `${repository}@${digest}`,
    'chart-digest': o.artifact.chartDescriptor.digest,
    size: String(o.artifact.chart.length),
    status: o.status,
    from: o.from,
    signed,
    'sign-fingerprint': signed ? built.signed!.fingerprint : '',
  };
}

/** A target's result with the keyless referrers made or found for it. */
export function keylessResult(target: TargetResult, outcomes: KeylessOutcome[] | undefined): TargetResult {
  for (const o of outcomes ?? []) target[o.kind === 'signature' ? 'signature-digest' : 'attestation-digest'] = o.digest;
  return target;
}

export async function chartResult(source: string, built: BuiltChart, targets: TargetResult[]): Promise<ChartResult> {
  const md = built.chart.metadata;
  const notes = await releaseNotes(md.annotations);
  return {
    source,
    ...targets[0],
    name: md.name,
    version: md.version,
    targets,
    ...(notes !== undefined ? { 'release-notes': notes } : {}),
  };
}

/** A chart that failed: what was known of it (name and version once read), and the error line. */
export function failedResult(source: string, known: { name?: string; version?: string }, error: string): ChartResult {
  return {
    source,
    ref: '',
    repository: '',
    digest: '',
    'digest-ref': '',
    'chart-digest': '',
    size: '',
    status: 'failed',
    from: '',
    name: known.name ?? '',
    version: known.version ?? '',
    signed: false,
    'sign-fingerprint': '',
    targets: [],
    error,
  };
}

/** A chart's one-line result: `web 1.2.0 — pushed sha256:…` (the group title of its log lines). */
export function resultTitle(r: ChartResult): string {
  const who = r.name ? `${r.name} ${r.version}` : r.source;
  if (r.status === 'failed') return `${who} — failed`;
  // Every ref's own status: a chart unchanged under its first ref may be new under another.
  const others = r.targets.slice(1);
  const more = others.length > 0 ? ` (and ${others.length} more ref${others.length > 1 ? 's' : ''}: ${counted(others)})` : '';
  return `${who} — ${r.status} ${r.digest}${more}`;
}

const ORDER: Status[] = ['pushed', 'new', 'differs', 'unchanged', 'skipped', 'saved', 'failed'];

/** `2 pushed, 1 unchanged`: how many of `items` have each status, in ORDER. */
function counted(items: Array<{ status: Status }>): string {
  return ORDER.map((s) => [s, items.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

/**
 * The run's last line: `3 charts: 2 pushed, 1 failed`; with several refs, what happened under each tag
 * (`2 charts, 4 tags: 2 pushed, 2 unchanged`), a failed chart counted once.
 */
export function tally(results: ChartResult[]): string {
  const charts = `${results.length} chart${results.length === 1 ? '' : 's'}`;
  if (results.every((r) => r.targets.length <= 1)) return `${charts}: ${counted(results)}`;
  const tags = results.flatMap((r) => r.targets);
  const items = [...tags, ...results.filter((r) => r.status === 'failed')];
  return `${charts}, ${tags.length} tag${tags.length === 1 ? '' : 's'}: ${counted(items)}`;
}
