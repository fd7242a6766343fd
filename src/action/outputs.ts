import * as core from '@actions/core';
import { markdownText } from '../artifact/release-notes.js';
import { planMatrix } from '../release/plan.js';
import { singleChartValues, type ChartResult } from '../release/results.js';
import { Output } from './constants.js';
import type { ReleaseOutcome } from './github-release.js';
import { log } from './log.js';

/**
 * GitHub starts at most 256 jobs from one matrix ("A matrix will generate a maximum of 256 jobs per
 * workflow run", docs.github.com: workflow syntax, jobs.<job_id>.strategy.matrix).
 */
const GITHUB_MATRIX_MAX = 256;

/**
 * The `charts` output (a plan's: `plan` and `matrix` instead), every chart, failed ones too; the
 * single-chart outputs when one chart was published or planned; the release notes; the release.
 */
export function setOutputs(results: ChartResult[], made: { plan?: boolean; releases?: Map<number, ReleaseOutcome> } = {}): void {
  if (made.plan) {
    core.setOutput(Output.plan, JSON.stringify(results));
    const matrix = planMatrix(results);
    if (!Array.isArray(matrix) && matrix.include.length > GITHUB_MATRIX_MAX)
      log.warning(
        `${matrix.include.length} charts would publish, and GitHub starts at most ${GITHUB_MATRIX_MAX} jobs from one matrix: publish them in one step instead (chart: the same charts, expect-digest: the matrix output)`,
      );
    core.setOutput(Output.matrix, JSON.stringify(matrix));
  } else core.setOutput(Output.charts, JSON.stringify(results));
  // Set when a chart has notes: a run that failed sets `charts` alone.
  const text = notes(results);
  if (text) core.setOutput(Output.releaseNotes, text);
  if (results.length !== 1 || results[0].status === 'failed') return;
  for (const [name, value] of singleChartValues(results[0])) core.setOutput(name, value);
  core.setOutput(Output.releaseUrl, made.releases?.get(0)?.url ?? '');
}

/** One chart's notes as they are; several charts' each under a `## <name> <version>` heading. */
export function notes(results: ChartResult[]): string {
  const withNotes = results.filter((r) => r.status !== 'failed' && r['release-notes']);
  if (results.length === 1) return withNotes[0]?.['release-notes'] ?? '';
  return withNotes.map((r) => `## ${markdownText(`${r.name} ${r.version}`)}\n\n${r['release-notes']}`).join('\n');
}
