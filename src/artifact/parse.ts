import { UserError } from '../errors.js';
import type { Descriptor } from '../oci/digest.js';
import { MediaType } from './media-types.js';

export const CHART_LAYERS: readonly string[] = [MediaType.chart, MediaType.legacyChart];

export interface ParsedManifest {
  schemaVersion?: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

/** Checks that a manifest is a Helm chart: OCI image manifest, Helm config, one chart layer, nothing unknown. */
export function parseChartManifest(
  body: Buffer,
  where: string,
): { manifest: ParsedManifest; chartLayer: Descriptor; provLayer?: Descriptor } {
  let manifest: ParsedManifest;
  try {
    manifest = JSON.parse(body.toString('utf8')) as ParsedManifest;
  } catch {
    throw new UserError('the manifest is not JSON', { where });
  }
  if (manifest.schemaVersion !== 2 || !manifest.config || !Array.isArray(manifest.layers))
    throw new UserError('not an OCI image manifest', { where });
  if (manifest.mediaType && manifest.mediaType !== MediaType.manifest)
    throw new UserError(`not a chart: manifest type ${manifest.mediaType}`, {
      where,
      hint: 'This reference holds something other than a Helm chart',
    });
  if (manifest.config.mediaType !== MediaType.config) {
    throw new UserError(`not a Helm chart: its config is ${manifest.config.mediaType}`, {
      where,
      hint: 'This reference holds something other than a Helm chart (a container image?)',
    });
  }
  const charts = manifest.layers.filter((l) => CHART_LAYERS.includes(l.mediaType));
  if (charts.length !== 1) throw new UserError(`a chart needs exactly one chart layer, this one has ${charts.length}`, { where });
  const unknown = manifest.layers.filter((l) => !CHART_LAYERS.includes(l.mediaType) && l.mediaType !== MediaType.provenance);
  if (unknown.length > 0)
    throw new UserError(`unknown layer type ${unknown[0].mediaType}`, { where, hint: 'Only chart and provenance layers are accepted' });
  return { manifest, chartLayer: charts[0], provLayer: manifest.layers.find((l) => l.mediaType === MediaType.provenance) };
}
