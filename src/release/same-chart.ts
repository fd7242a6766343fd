import { MAX_CHART_BYTES } from '../chart/chart.js';
import { loadArchiveChart } from '../chart/load.js';
import { readChartArchive } from '../chart/load-archive.js';
import { archiveEntries } from '../chart/package.js';
import { UserError } from '../errors.js';
import type { Descriptor } from '../oci/digest.js';
import type { ChartArtifact } from '../artifact/manifest.js';
import { MediaType } from '../artifact/media-types.js';
import type { RegistryClient } from '../oci/registry.js';
import { FetchBudget, MAX_SMALL_BLOB } from '../artifact/fetch-budget.js';
import { CONFIG_JSON, parseChartManifest } from '../artifact/parse.js';
import { unaccountedParts } from '../artifact/unaccounted.js';
import { duplicateJsonKey } from '../util/json-duplicates.js';
import { BoundsError, readJson } from '../util/bounded-read.js';

type Comparison = { same: true; artifact: ChartArtifact } | { same: false; why: string; chartDigest?: string };

/**
 * What this run will sign of what stands under the tag, so that a registry copy it did not make is
 * not vouched for: a keyless signature or attestation names the manifest (every field, descriptor
 * and annotation), a provenance file names the chart (the registry's must then be this key's own).
 */
export interface Vouching {
  manifest: boolean;
  /** Why the registry's provenance file is not this build's key's, for the chart beside it (undefined when it is). */
  provenance?: (theirs: Buffer, chart: Buffer) => Promise<string | undefined>;
}

export interface CompareOptions {
  /** Name every difference (an error will show them): false downloads nothing once one is known. */
  explain?: boolean;
  /** This run signs what stands: the registry's copy is the same only where it can account for every part a signature covers. */
  vouch?: Vouching;
}

/**
 * Whether the manifest `digest` in `repository` holds the same chart as `ours` although the manifests
 * differ: the same metadata (config blob) and the same files once loaded as Helm loads them (Chart.yaml
 * compared by its metadata), whatever the archive's timestamps, gzip settings, annotations or the tool
 * that pushed it. When it does, `artifact` is what the registry holds, so that the digests reported
 * are the ones a pull gets. The existing chart is downloaded only when the configs are equal and the
 * layers differ; what cannot be read as a chart is simply not the same.
 *
 * When this run signs (`vouch`), the same content is not enough: every part of the registry's copy a
 * signature would cover must be this build's own (unaccountedParts; a provenance file made by this
 * key), else it is named as a difference like any other.
 */
export async function compareWithRegistry(
  client: RegistryClient,
  repository: string,
  digest: string,
  ours: ChartArtifact,
  { explain = true, vouch }: CompareOptions = {},
): Promise<Comparison> {
  const { body } = await client.fetchManifest(repository, digest);
  let parsed;
  try {
    parsed = parseChartManifest(body, `${repository}@${digest}`);
  } catch (err) {
    if (err instanceof UserError) return { same: false, why: `it holds no Helm chart (${err.message})` };
    throw err;
  }
  const { manifest, chartLayer, provLayer } = parsed;
  // One budget for every blob this comparison downloads (checked from the descriptors, before each fetch).
  const budget = new FetchBudget(`${repository}@${digest}`);
  // Every difference is named at once (a provenance file, the metadata and the files), so that one fix is enough.
  const whys: string[] = [];
  if (ours.provenance && !provLayer) whys.push('this build adds a provenance file');
  const ourProv = ours.layers.find((l) => l.mediaType === MediaType.provenance);
  const unaccounted = vouch?.manifest ? unaccountedParts(manifest, chartLayer, ours) : [];
  if (vouch?.manifest && provLayer && !vouch.provenance && provLayer.digest !== ourProv?.digest)
    unaccounted.push('it carries a provenance file this build did not make');
  // A signature covers the manifest's bytes: a key given twice is read one way here and another by Go's readers.
  const twice = vouch?.manifest ? duplicateJsonKey(body.toString('utf8')) : undefined;
  if (twice) unaccounted.push(`its manifest gives ${twice} twice (Go's readers and this one keep different values)`);
  const sameConfig = manifest.config.digest === ours.configDescriptor.digest;
  // The same blob under a size it does not have: a pull checks the size, and fails (helm 4 does).
  for (const [d, mine, what] of [
    [manifest.config, ours.configDescriptor, 'config'],
    [chartLayer, ours.chartDescriptor, 'chart layer'],
  ] as const)
    if (d.digest === mine.digest && d.size !== mine.size)
      whys.push(`its ${what} descriptor says ${d.size} bytes, and the ${what} is ${mine.size} (a pull of it fails)`);
  if (!explain && (whys.length > 0 || !sameConfig || unaccounted.length > 0))
    return { same: false, why: whys[0] ?? (sameConfig ? vouched(unaccounted) : 'its metadata differs'), chartDigest: chartLayer.digest };
  if (!sameConfig) whys.push(await metadataDifference(client, repository, manifest.config, ours, budget));
  let chart = ours.chart;
  if (chartLayer.digest !== ours.chartDescriptor.digest) {
    if (chartLayer.size > MAX_CHART_BYTES) whys.push(`its chart layer (${chartLayer.size} bytes) is too large to compare`);
    else {
      budget.take(chartLayer);
      chart = await client.fetchBlob(repository, chartLayer);
      // Chart.yaml is written from the metadata: a metadata difference already names it.
      const why = await filesDifference(chart, ours.chart, sameConfig ? undefined : /(^|\/)Chart\.yaml \(changed\)$/);
      if (why) whys.push(why);
      // A signature covers the archive's bytes: its files as written, not as this build reads them
      // (a Chart.yaml key this reading and Helm's could take apart would otherwise pass).
      else if (vouch?.manifest) {
        const written = await writtenDifference(chart, ours.chart);
        if (written) unaccounted.push(`its chart's files as written are not this build's (${written})`);
      }
    }
  }
  if (unaccounted.length > 0) whys.push(vouched(unaccounted));
  if (whys.length > 0) return { same: false, why: whys.join('; '), chartDigest: chartLayer.digest };
  let provenance: Buffer | undefined;
  if (provLayer) {
    if (provLayer.size > MAX_SMALL_BLOB) return { same: false, why: 'its provenance layer is too large', chartDigest: chartLayer.digest };
    if (provLayer.digest === ourProv?.digest) provenance = ours.provenance;
    else {
      budget.take(provLayer);
      provenance = await client.fetchBlob(repository, provLayer);
      const notOurs = await vouch?.provenance?.(provenance, chart);
      if (notOurs) return { same: false, why: vouched([`its provenance file ${notOurs}`]), chartDigest: chartLayer.digest };
    }
  }
  return {
    same: true,
    artifact: {
      config: ours.config,
      chart,
      provenance,
      manifest: body,
      configDescriptor: manifest.config,
      chartDescriptor: chartLayer,
      manifestDescriptor: { mediaType: MediaType.manifest, digest, size: body.length },
      layers: manifest.layers,
    },
  };
}

/** The parts a signature by this run would cover that this build did not make, said as one difference. */
function vouched(parts: string[]): string {
  return `this run signs what it publishes, and the registry's copy holds what this build did not make: ${parts.join('; ')}`;
}

/** Which metadata fields differ, for the error that names them. */
async function metadataDifference(
  client: RegistryClient,
  repository: string,
  config: Descriptor,
  ours: ChartArtifact,
  budget: FetchBudget,
): Promise<string> {
  if (config.size > MAX_SMALL_BLOB) return 'its metadata differs';
  budget.take(config);
  let theirs: Record<string, unknown>;
  try {
    theirs = readJson((await client.fetchBlob(repository, config)).toString('utf8'), CONFIG_JSON) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof BoundsError) return 'its config is not JSON';
    throw err;
  }
  const mine = JSON.parse(ours.config.toString('utf8')) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter(
    (k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]),
  );
  return keys.length > 0 ? `Chart.yaml differs: ${listed(keys)}` : 'its metadata is written differently';
}

/** The files of two archives as they are written (no file read into a chart and written again): which differ; '' when none. */
async function writtenDifference(theirs: Buffer, ours: Buffer): Promise<string> {
  const [a, b] = await Promise.all([readChartArchive(theirs, 'the registry’s chart'), readChartArchive(ours, 'this build')]);
  const mine = new Map(b.map((f) => [f.name, f.data]));
  const changed = a.filter((f) => !mine.get(f.name)?.equals(f.data)).map((f) => f.name);
  const theirNames = new Set(a.map((f) => f.name));
  changed.push(...b.filter((f) => !theirNames.has(f.name)).map((f) => `${f.name} (missing)`));
  return changed.length > 0 ? listed(changed) : '';
}

/** The first differences between two packaged charts, file by file as Helm loads them; '' when none. */
async function filesDifference(theirs: Buffer, ours: Buffer, unnamed?: RegExp): Promise<string> {
  let theirFiles: Map<string, Buffer>;
  try {
    theirFiles = await chartFiles(theirs, 'the registry’s chart');
  } catch (err) {
    if (err instanceof UserError) return `its chart cannot be read (${err.message})`;
    throw err;
  }
  const ourFiles = await chartFiles(ours, 'this build');
  const changed: string[] = [];
  for (const [name, data] of ourFiles) {
    const other = theirFiles.get(name);
    if (!other) changed.push(`${name} (added)`);
    else if (!other.equals(data)) changed.push(`${name} (changed)`);
  }
  for (const name of theirFiles.keys()) if (!ourFiles.has(name)) changed.push(`${name} (removed)`);
  const shown = unnamed ? changed.filter((c) => !unnamed.test(c)) : changed;
  return shown.length > 0 ? `files differ: ${listed(shown)}` : '';
}

/** A packaged chart's files as `helm package` would write them again (Chart.yaml from its metadata). */
async function chartFiles(archive: Buffer, origin: string): Promise<Map<string, Buffer>> {
  const chart = await loadArchiveChart(archive, origin);
  return new Map((await archiveEntries(chart)).map((e) => [e.name, Buffer.from(e.data)]));
}

function listed(items: string[], most = 5): string {
  return items.length <= most ? items.join(', ') : `${items.slice(0, most).join(', ')} and ${items.length - most} more`;
}
