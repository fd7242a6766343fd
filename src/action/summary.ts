import * as core from '@actions/core';
import { humanSize } from '../util/human-size.js';
import { redact } from './secrets.js';
import type { ChartResult } from './outputs.js';

/** The job summary: one row per chart and target with its reference, digest, size and status. */
export async function writeSummary(results: ChartResult[], failures: Array<{ source: string; message: string }>): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const rows = results.flatMap((r) =>
    r.targets.map((t) => [
      { data: `${r.name} ${r.version}` },
      { data: `<code>${t.ref}</code>` },
      { data: `<code>${t.digest}</code>` },
      { data: humanSize(Number(r.size)) },
      { data: t.status },
    ]),
  );
  for (const f of failures)
    rows.push([{ data: escape(f.source) }, { data: '' }, { data: '' }, { data: '' }, { data: `failed: ${escape(redact(f.message))}` }]);
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
    .addRaw(keylessLines(results))
    .write();
}

/** One line per target that was signed or attested keylessly: the referrers' digests. */
function keylessLines(results: ChartResult[]): string {
  const lines = results.flatMap((r) =>
    r.targets.flatMap((t) => {
      const parts = [
        t['signature-digest'] && `keyless signature <code>${t['signature-digest']}</code>`,
        t['attestation-digest'] && `provenance attestation <code>${t['attestation-digest']}</code>`,
      ].filter(Boolean);
      return parts.length > 0 ? [`<li>${r.name} ${r.version} <code>${t['digest-ref']}</code>: ${parts.join(', ')}</li>`] : [];
    }),
  );
  return lines.length > 0 ? `<ul>${lines.join('')}</ul>\n` : '';
}

function escape(s: string): string {
  return s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
}
