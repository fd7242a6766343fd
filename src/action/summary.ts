import * as core from '@actions/core';
import { humanSize } from '../util/human-size.js';
import { redact } from './secrets.js';
import type { ChartResult } from './outputs.js';

/**
 * The job summary: one row per chart and target with its reference, digest, size and status (the
 * digest and size of what stands, as the outputs name them), and one per failed chart with its error.
 * No cell is empty (an empty cell is written unclosed).
 */
export async function writeSummary(results: ChartResult[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const rows = results.flatMap((r) => {
    const chart = { data: escape(r.name ? `${r.name} ${r.version}` : r.source) };
    if (r.status === 'failed')
      return [[chart, { data: '—' }, { data: '—' }, { data: '—' }, { data: `failed: ${escape(redact(r.error ?? ''))}` }]];
    return r.targets.map((t) => [
      chart,
      { data: `<code>${escape(t.ref)}</code>` },
      { data: `<code>${t.digest}</code>` },
      { data: humanSize(Number(t.size)) },
      { data: t.from === 'registry' ? `${t.status} (the registry’s copy)` : t.status },
    ]);
  });
  await core.summary
    .addHeading('Chartlift', 3)
    .addTable([
      [
        { data: 'Chart', header: true },
        { data: 'Reference', header: true },
        { data: 'Digest', header: true },
        { data: 'Size', header: true },
        { data: 'Status', header: true },
      ],
      ...rows,
    ])
    .write();
}

function escape(s: string): string {
  return s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
}
