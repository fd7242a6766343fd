import * as core from '@actions/core';
import { humanSize } from '../util/human-size.js';
import { printable } from '../util/printable.js';
import { redact } from './secrets.js';
import type { ChartResult, TargetResult } from '../release/results.js';
import type { ReleaseOutcome } from './github-release.js';
import { notes } from './outputs.js';

/**
 * The job summary: one row per chart and target with its reference, digest, size and status (the
 * digest and size of what stands, as the outputs name them), and one per failed chart with its error
 * (a plan: what a publish would find and do, with the differences); the GitHub releases; the release
 * notes. No cell is empty (an empty cell is written unclosed).
 */
export async function writeSummary(
  results: ChartResult[],
  made: { plan?: boolean; releases?: Map<number, ReleaseOutcome> } = {},
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const summary = made.plan ? planTable(results) : publishTable(results);
  for (const [i, release] of made.releases ?? []) {
    const r = results[i];
    summary.addRaw(
      `<p>GitHub release <a href="${escape(release.url)}">${escape(`${r.name}-${r.version}`)}</a>${release.status === 'exists' ? ' (it existed: left as it is)' : ''}</p>`,
      true,
    );
  }
  const text = notes(results);
  // Markdown after a blank line: GitHub renders it (a line right after HTML would stay inside the HTML block).
  if (text) summary.addRaw(`\n#### Release notes\n\n${text}`, true);
  await summary.write();
}

/** A plan's table: per chart and reference, what a publish would find, and do, with this build's digest. */
function planTable(results: ChartResult[]): typeof core.summary {
  const does = (t: TargetResult): string =>
    ({ push: 'push', none: 'nothing', skip: 'keep what is there (skip)', fail: 'fail (if-exists: fail)' })[t.publish ?? 'none'];
  const rows = results.flatMap((r) => {
    const chart = { data: escape(r.name ? `${r.name} ${r.version}` : r.source) };
    if (r.status === 'failed') return [[chart, { data: '—' }, { data: 'failed' }, { data: '—' }, { data: escape(redact(r.error ?? '')) }]];
    return r.targets.map((t) => [
      chart,
      { data: `<code>${escape(t.ref)}</code>` },
      { data: t.status === 'unchanged' && t.from === 'registry' ? 'unchanged (the registry’s copy)' : t.status },
      { data: `<code>${escape(t.digest)}</code>` },
      { data: t.differences ? `${does(t)}: ${escape(t.differences)}` : does(t) },
    ]);
  });
  return core.summary.addHeading('Chartlift plan', 3).addTable([
    [
      { data: 'Chart', header: true },
      { data: 'Reference', header: true },
      { data: 'Status', header: true },
      { data: 'Digest (this build)', header: true },
      { data: 'A publish would', header: true },
    ],
    ...rows,
  ]);
}

function publishTable(results: ChartResult[]): typeof core.summary {
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
  return summary;
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
