import type { Metadata } from './metadata.js';

/** A file of a chart, its name relative to the chart root with `/` separators. */
export interface ChartFile {
  name: string;
  data: Buffer;
}

/** A loaded chart, in the parts `helm package` writes them (pkg/chart's Chart). */
export interface Chart {
  metadata: Metadata;
  /** Chart.lock re-serialised (apiVersion v2 only), as Helm writes it. */
  lock?: Buffer;
  values?: Buffer;
  schema?: Buffer;
  templates: ChartFile[];
  files: ChartFile[];
  dependencies: Chart[];
  /** The entry under the parent's charts/ it came from (its place in the archive's order). */
  origin?: string;
}

/** Helm's per-file limit (MaxDecompressedFileSize) and per-chart limit (MaxDecompressedChartSize). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_CHART_BYTES = 100 * 1024 * 1024;
export const MAX_ARCHIVE_ENTRIES = 20_000;

/**
 * What one chart may unpack to, nested archives (charts/*.tgz, at any depth) included: Helm's
 * 100 MiB, shared by every archive of the chart, so thirty small bombs cannot add up.
 */
export class UnpackBudget {
  remaining = MAX_CHART_BYTES;
  take(bytes: number): void {
    this.remaining -= bytes;
  }
}
