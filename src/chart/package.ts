import type { Chart } from './chart.js';
import { chartYaml } from './metadata.js';
import { gzipParallel } from './gzip-parallel.js';
import { tarPieces, type TarEntry } from './tar-writer.js';
import { MEMBER_BYTES } from './gzip.js';

/**
 * The entries `helm package` writes, in its order (pkg/chart/v2/util/save.go): Chart.yaml,
 * Chart.lock, values.yaml, values.schema.json, templates, other files, then each subchart the same
 * way under `charts/<its name>/` — every path under the chart's name, not its folder's.
 */
export async function archiveEntries(chart: Chart, prefix = ''): Promise<TarEntry[]> {
  const base = `${prefix}${chart.metadata.name}/`;
  const out: TarEntry[] = [{ name: `${base}Chart.yaml`, data: Buffer.from(await chartYaml(chart.metadata)) }];
  if (chart.metadata.apiVersion === 'v2' && chart.lock) out.push({ name: `${base}Chart.lock`, data: chart.lock });
  if (chart.values) out.push({ name: `${base}values.yaml`, data: chart.values });
  if (chart.schema) out.push({ name: `${base}values.schema.json`, data: chart.schema });
  for (const f of chart.templates) out.push({ name: base + f.name, data: f.data });
  for (const f of chart.files) out.push({ name: base + f.name, data: f.data });
  for (const dep of chart.dependencies) out.push(...(await archiveEntries(dep, `${base}charts/`)));
  return out;
}

/** The packaged chart (`<name>-<version>.tgz` bytes): the same chart and date give the same bytes. */
export async function packageChart(chart: Chart, sourceDateSeconds: number): Promise<Buffer> {
  return gzipParallel(tarPieces(await archiveEntries(chart), sourceDateSeconds, MEMBER_BYTES));
}
