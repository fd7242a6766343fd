import type { Chart } from '../chart/chart.js';
import { loadChart } from '../chart/load.js';
import { packageChart } from '../chart/package.js';
import { sourceDate, type SourceDate } from '../chart/source-date.js';
import { buildArtifact, type ChartArtifact } from '../oci/manifest.js';
import { refString, resolveChartRef, type Reference } from '../oci/reference.js';

/** A chart packaged and described, ready to be saved and pushed. */
export interface BuiltChart {
  chart: Chart;
  artifact: ChartArtifact;
  ref: Reference;
  refName: string;
  date: SourceDate;
  /** The path as given in `ref` before its capitals were lowered, if any. */
  lowered?: string;
}

/** Loads and packages a chart (or takes a packaged one as it is) and builds its manifest for `refInput`. */
export async function buildChart(source: string, refInput: string, env: NodeJS.ProcessEnv = process.env): Promise<BuiltChart> {
  const { chart, archive } = await loadChart(source);
  const date = await sourceDate(source, env);
  const bytes = archive ?? packageChart(chart, date.seconds);
  const artifact = buildArtifact(chart.metadata, bytes, date.seconds);
  const { ref, lowered } = resolveChartRef(refInput, chart.metadata.name, chart.metadata.version);
  return { chart, artifact, ref, refName: refString(ref), date, lowered };
}
