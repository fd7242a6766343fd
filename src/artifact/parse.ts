import { UserError } from '../errors.js';
import { checkDescriptor, type Descriptor } from '../oci/digest.js';
import { isHelmVersion, sanitize } from '../chart/metadata.js';
import { MediaType } from './media-types.js';
import { BoundsError, readJson, type Bounds } from '../util/bounded-read.js';

const CHART_LAYERS: readonly string[] = [MediaType.chart, MediaType.legacyChart];

/** A chart manifest is a few dozen values (4 MiB is the registry client's limit on any manifest). */
export const MANIFEST_JSON: Bounds = { maxBytes: 4 * 1024 * 1024, maxNodes: 10_000, maxDepth: 32 };
/** A chart config is Chart.yaml as JSON (1 MiB is the most a config blob may be). */
export const CONFIG_JSON: Bounds = { maxBytes: 1024 * 1024, maxNodes: 50_000, maxDepth: 64 };

export interface ChartManifest {
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
): { manifest: ChartManifest; chartLayer: Descriptor; provLayer?: Descriptor } {
  let manifest: ChartManifest;
  try {
    manifest = readJson(body.toString('utf8'), MANIFEST_JSON) as ChartManifest;
  } catch (err) {
    if (err instanceof BoundsError) throw new UserError(`the manifest ${err.message}: no chart manifest does`, { where });
    throw new UserError('the manifest is not JSON', { where });
  }
  if (manifest?.schemaVersion !== 2 || !isObject(manifest.config) || !Array.isArray(manifest.layers) || !manifest.layers.every(isObject))
    throw new UserError('not an OCI image manifest', { where });
  // Every digest parsed here, once, before any of them names a cache file or a request.
  checkDescriptor(manifest.config, 'the config', where);
  manifest.layers.forEach((l, i) => checkDescriptor(l, `layer ${i + 1}'s`, where));
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
  // Helm writes one chart layer and at most one provenance layer: a longer list is refused before
  // anything is downloaded (a 4 MiB manifest can name one large blob twenty thousand times).
  if (manifest.layers.length > 2)
    throw new UserError(
      `the manifest lists ${manifest.layers.length} layers; a chart has one chart layer and at most one provenance layer`,
      {
        where,
        hint: 'This reference does not hold a chart Helm pushes: nothing was downloaded',
      },
    );
  if (manifest.layers.some((l) => typeof l !== 'object' || l === null || typeof l.mediaType !== 'string'))
    throw new UserError('the manifest lists a layer that is not a descriptor', { where });
  const charts = manifest.layers.filter((l) => CHART_LAYERS.includes(l.mediaType));
  if (charts.length !== 1) throw new UserError(`a chart needs exactly one chart layer, this one has ${charts.length}`, { where });
  const unknown = manifest.layers.filter((l) => !CHART_LAYERS.includes(l.mediaType) && l.mediaType !== MediaType.provenance);
  if (unknown.length > 0)
    throw new UserError(`unknown layer type ${unknown[0].mediaType}`, { where, hint: 'Only chart and provenance layers are accepted' });
  return { manifest, chartLayer: charts[0], provLayer: manifest.layers.find((l) => l.mediaType === MediaType.provenance) };
}

/**
 * The name and version a pulled config claims, checked before anything is saved or a folder named
 * after them: JSON, a name that is one path element of printable characters, a version Helm reads.
 */
export function readChartConfig(config: Buffer, where: string): { name: string; version: string } {
  let meta: unknown;
  try {
    meta = readJson(config.toString('utf8'), CONFIG_JSON);
  } catch (err) {
    if (err instanceof BoundsError)
      throw new UserError(`the chart config ${err.message}`, { where, hint: 'This reference does not hold a usable Helm chart' });
    throw new UserError('the chart config is not JSON', { where, hint: 'This reference does not hold a usable Helm chart' });
  }
  const { name, version } = (meta ?? {}) as { name?: unknown; version?: unknown };
  // Helm writes the name it sanitised (sanitizeString): a name holding what Helm drops (bidi controls,
  // zero-width characters) or changes was not written by Helm, and would name a folder deceptively.
  if (typeof name !== 'string' || !CHART_NAME.test(name) || name === '.' || name === '..' || sanitize(name) !== name)
    throw new UserError(`the chart config names the chart ${JSON.stringify(name)}, which is not a chart name`, {
      where,
      hint: 'A chart name is one path element of printable characters: this chart is broken or hostile',
    });
  if (typeof version !== 'string' || !isHelmVersion(version))
    throw new UserError(`the chart config gives the version ${JSON.stringify(version)}, which is not a version`, {
      where,
      hint: 'This reference does not hold a usable Helm chart',
    });
  return { name, version };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One path element, printable, no separators: what a folder may be named after. */
// eslint-disable-next-line no-control-regex
const CHART_NAME = /^[^/\\\u0000-\u001f\u007f-\u009f]{1,250}$/u;
