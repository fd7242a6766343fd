import * as core from '@actions/core';
import { humanSize } from '../util/human-size.js';
import { printable } from '../util/printable.js';
import { redact } from './secrets.js';
import type { ChartResult } from '../release/results.js';

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
      { data: `<code>${escape(t.digest)}</code>` },
      { data: humanSize(Number(t.size)) },
      { data: t.from === 'registry' ? `${t.status} (the registry’s copy)` : t.status },
    ]);
  });
  const summary = core.summary.addHeading('Chartlift', 3).addTable([
    [
      { data: 'Chart', header: true },
      { data: 'Reference', header: true },
      { data: 'Digest', header: true },
      { data: 'Size', header: true },
      { data: 'Status', header: true },
    ],
    ...rows,
  ]);
  summary.addRaw(signatureLines(results));
  for (const line of artifactHubLines(results)) summary.addRaw(line, true);
  await summary.write();
}

/** Artifact Hub's metadata tag and GHCR's private packages, a line each under the table. */
function artifactHubLines(results: ChartResult[]): string[] {
  const lines: string[] = [];
  for (const t of results.flatMap((r) => r.targets)) {
    const repository = escape(t.repository);
    if (t['artifacthub-digest'])
      lines.push(
        `<p>Artifact Hub metadata: <code>${repository}:artifacthub.io</code> ${t['artifacthub-status'] ?? ''} <code>${escape(t['artifacthub-digest'])}</code></p>`,
      );
    if (t.visibility === 'private')
      lines.push(
        `<p>⚠️ <code>${repository}</code> is a private package: only accounts with read access can pull it (not an anonymous helm pull, not Artifact Hub). <a href="${escape(t['settings-url'] ?? '')}">Change its visibility</a> in the package settings.</p>`,
      );
    else if (t.visibility === 'unknown')
      lines.push(
        `<p><code>${repository}</code>: whether the package is public could not be checked; see <a href="${escape(t['settings-url'] ?? '')}">its settings</a>.</p>`,
      );
  }
  return lines;
}

/**
 * One line per target whose standing manifest this step vouches for: the provenance's key, the keyless
 * referrers' digests (a copy this build could not account for is signed by none of them).
 */
function signatureLines(results: ChartResult[]): string {
  const lines = results.flatMap((r) =>
    r.targets.flatMap((t) => {
      const parts = [
        t.signed && `provenance signed by key <code>${escape(t['sign-fingerprint'])}</code>`,
        t['signature-digest'] && `keyless signature <code>${escape(t['signature-digest'])}</code>`,
        t['attestation-digest'] && `provenance attestation <code>${escape(t['attestation-digest'])}</code>`,
      ].filter(Boolean);
      return parts.length > 0
        ? [`<li>${escape(`${r.name} ${r.version}`)} <code>${escape(t['digest-ref'])}</code>: ${parts.join(', ')}</li>`]
        : [];
    }),
  );
  return lines.length > 0 ? `<ul>${lines.join('')}</ul>\n` : '';
}

/**
 * Outside text (a path, a chart's field, a registry's answer) as one cell's or one attribute's
 * content: written by the one printer first (no CR or LF: the summary is Markdown, and a blank line,
 * CR CR too, would end the table's HTML block and let what follows be read as Markdown), then HTML's
 * five special characters (quotes too: some of it stands in an attribute).
 */
function escape(s: string): string {
  return printable(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
}
