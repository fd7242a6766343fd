import type { ChartResult, Status } from './outputs.js';

/** A chart's one-line result: `web 1.2.0 — pushed sha256:…` (the group title of its log lines). */
export function resultTitle(r: ChartResult): string {
  const who = r.name ? `${r.name} ${r.version}` : r.source;
  if (r.status === 'failed') return `${who} — failed`;
  const more = r.targets.length > 1 ? ` (and ${r.targets.length - 1} more ref${r.targets.length > 2 ? 's' : ''})` : '';
  return `${who} — ${r.status} ${r.digest}${more}`;
}

const ORDER: Status[] = ['pushed', 'unchanged', 'skipped', 'saved', 'failed'];

/** The step's last line: `3 charts: 2 pushed, 1 failed`. */
export function tally(results: ChartResult[]): string {
  const counts = ORDER.map((s) => [s, results.filter((r) => r.status === s).length] as const).filter(([, n]) => n > 0);
  return `${results.length} chart${results.length === 1 ? '' : 's'}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`;
}
