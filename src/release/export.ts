import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readChartArchive } from '../chart/load-archive.js';
import { UserError, fsCode } from '../errors.js';
import type { CachedChart } from './cached.js';

/**
 * Unpacks a cached chart into `<dir>/<name>/` (Helm 3.0–3.6's `helm chart export`). The archive is read
 * with the same checks as any chart archive (no absolute paths, no `..`, no links), and every path is
 * checked again to land inside the target. A non-empty target is refused: nothing is overwritten.
 */
export async function exportChart(cached: CachedChart, dir: string): Promise<string> {
  const base = path.resolve(dir);
  const target = path.resolve(base, cached.name);
  // The folder is named after the chart: it must be one element inside the target folder, whatever the config says.
  if (path.dirname(target) !== base || cached.name !== path.basename(target))
    throw new UserError(`the chart name ${JSON.stringify(cached.name)} would put the chart outside ${base}`, {
      hint: 'The chart is hostile or broken: nothing was written',
    });
  try {
    if ((await readdir(target)).length > 0)
      throw new UserError('the folder exists and is not empty', { where: target, hint: 'Remove it, or export elsewhere with -d DIR' });
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (fsCode(err) !== 'ENOENT') throw err;
  }
  const files = await readChartArchive(cached.artifact.chart, `${cached.name} ${cached.version}`);
  for (const f of files) {
    const out = path.resolve(target, f.name);
    if (!out.startsWith(target + path.sep))
      throw new UserError(`the archive entry ${f.name} would land outside ${target}`, {
        hint: 'The chart archive is hostile or broken: nothing more was written',
      });
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, f.data, { mode: 0o644 });
  }
  return target;
}
