import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError, fsCode } from '../errors.js';
import { assemble, checkDependencies } from './assemble.js';
import { UnpackBudget, type Chart } from './chart.js';
import { readChartArchive } from './load-archive.js';
import { readChartDir } from './load-dir.js';
import { linkBoundary } from './link-boundary.js';

interface LoadedChart {
  chart: Chart;
  /** The archive's bytes when the source was a packaged chart: pushed as they are. */
  archive?: Buffer;
}

/**
 * Loads a chart folder or a packaged `.tgz`. Every problem is a UserError naming the file. The top
 * chart's declared dependencies must be in charts/ (as `helm package` checks) unless
 * `allowMissingDependencies`; subcharts' are never checked (as Helm does not).
 */
export async function loadChart(
  source: string,
  options: { allowMissingDependencies?: boolean; workspace?: string } = {},
): Promise<LoadedChart> {
  let info;
  try {
    info = await stat(source);
  } catch (err) {
    if (fsCode(err) === 'ENOENT') {
      throw new UserError('no such file or folder', {
        where: source,
        hint: 'Give a chart folder (holding Chart.yaml) or a packaged .tgz',
        code: 'chart-missing',
      });
    }
    throw new UserError(`cannot read it (${fsCode(err) ?? (err as Error).message})`, {
      where: source,
      hint: 'Check the path and its permissions',
    });
  }
  if (info.isDirectory()) {
    try {
      await stat(path.join(source, 'Chart.yaml'));
    } catch {
      throw new UserError('this folder has no Chart.yaml', {
        where: source,
        hint: 'Give the folder that holds Chart.yaml',
        code: 'no-chart-yaml',
      });
    }
    const budget = new UnpackBudget();
    const chart = await assemble(await readChartDir(source, linkBoundary(source, options.workspace)), source, (d, o) =>
      loadArchiveChart(d, o, budget),
    );
    if (!options.allowMissingDependencies) checkDependencies(chart, source);
    return { chart };
  }
  const archive = await readFile(source);
  const budget = new UnpackBudget();
  const chart = await assemble(await readChartArchive(archive, source, budget), source, (d, o) => loadArchiveChart(d, o, budget));
  if (!options.allowMissingDependencies) checkDependencies(chart, source);
  return { chart, archive };
}

/** A packaged chart; `budget` is shared with the archive it came from, if any (see UnpackBudget). */
export async function loadArchiveChart(data: Buffer, origin: string, budget = new UnpackBudget()): Promise<Chart> {
  return assemble(await readChartArchive(data, origin, budget), origin, (d, o) => loadArchiveChart(d, o, budget));
}
