import { UserError } from '../errors.js';
import { singleChartValues, type ChartResult } from '../release/results.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * The dotenv report a later job reads (GitLab's `artifacts: reports: dotenv`, as a GitHub step's
 * outputs are read by later steps): one `NAME=value` line each, the names the action's outputs upper-
 * cased (`digest-ref` → `DIGEST_REF`). GitLab's rules (docs.gitlab.com/ci/variables/dotenv_variables,
 * app/services/ci/parse_dotenv_artifact_service.rb): names of letters, digits and `_`; a value on one
 * line, taken as it is (no quotes are removed); no blank or comment lines; the file under 5 KiB; at most
 * 20 variables on a self-managed instance by default. The single-chart values when one chart was
 * published (14 of them), and CHARTS, the charts JSON, while the file stays under that size.
 */
const MAX_BYTES = 5120;

/** The report's lines for these results; `left` says what did not fit. */
export function dotenvLines(results: ChartResult[]): { lines: string[]; left?: string } {
  const lines: string[] = [];
  if (results.length === 1 && results[0].status !== 'failed')
    for (const [name, value] of singleChartValues(results[0])) lines.push(`${name.toUpperCase().replace(/-/g, '_')}=${oneLine(value)}`);
  const charts = `CHARTS=${oneLine(JSON.stringify(results))}`;
  const size = (l: string[]) => Buffer.byteLength(l.map((x) => `${x}\n`).join(''));
  if (size([...lines, charts]) < MAX_BYTES) lines.push(charts);
  else
    return {
      lines,
      left: `CHARTS (the charts JSON is ${Buffer.byteLength(charts)} bytes; GitLab takes a dotenv report under ${MAX_BYTES})`,
    };
  return { lines };
}

export async function writeDotenv(file: string, results: ChartResult[]): Promise<string | undefined> {
  const { lines, left } = dotenvLines(results);
  try {
    await writeFileAtomic(file, lines.map((l) => `${l}\n`).join(''));
  } catch (err) {
    throw new UserError(`the dotenv report ${file} cannot be written (${(err as Error).message})`);
  }
  return left;
}

/**
 * A value as one line, and as GitLab reads it: a line break (from a registry's error text) would end
 * the variable and start a broken line; GitLab expands `$NAME` in a dotenv value (its variables are
 * stored with raw: false), so a `$` from a chart's text (a change line naming $DEPLOY_TOKEN) would bring
 * a later job's secret into it: written `$$`, GitLab's literal dollar sign.
 */
function oneLine(value: string): string {
  return value.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/\$/g, '$$$$');
}
