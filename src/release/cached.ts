import { UserError } from '../errors.js';
import type { Layout } from '../oci/layout.js';
import { MAX_BLOB_BYTES } from '../oci/registry.js';
import type { ChartArtifact } from '../artifact/manifest.js';
import { MAX_SMALL_BLOB } from '../artifact/fetch-budget.js';
import { MediaType } from '../artifact/media-types.js';
import { CONFIG_JSON, MANIFEST_JSON, parseChartManifest, readChartConfig } from '../artifact/parse.js';

export interface CachedChart {
  artifact: ChartArtifact;
  name: string;
  version: string;
}

/**
 * The most each blob of a cached chart is read to: what the registry client takes of each when it
 * downloads one, so that whatever a pull saved is read back, and nothing larger (a cache file may be
 * anything another process left) is read at all.
 */
export const CACHED_BLOB_BYTES = {
  manifest: MANIFEST_JSON.maxBytes,
  config: CONFIG_JSON.maxBytes,
  chart: MAX_BLOB_BYTES,
  provenance: MAX_SMALL_BLOB,
} as const;

/** A chart saved in the cache under `refName`, every blob checked against its digest. */
export async function readCached(layout: Layout, refName: string): Promise<CachedChart> {
  const entry = await layout.resolve(refName);
  if (!entry)
    throw new UserError(`${refName} is not in the cache`, {
      where: layout.root,
      hint: 'See `chartlift chart list`; save or pull it first',
    });
  const raw = await layout.readBlob(entry.digest, CACHED_BLOB_BYTES.manifest);
  const { manifest, chartLayer, provLayer } = parseChartManifest(raw, refName);
  const config = await layout.readBlob(manifest.config.digest, CACHED_BLOB_BYTES.config);
  const chart = await layout.readBlob(chartLayer.digest, CACHED_BLOB_BYTES.chart);
  const provenance = provLayer ? await layout.readBlob(provLayer.digest, CACHED_BLOB_BYTES.provenance) : undefined;
  const { name, version } = readChartConfig(config, refName);
  return {
    name,
    version,
    artifact: {
      config,
      chart,
      provenance,
      manifest: raw,
      configDescriptor: manifest.config,
      chartDescriptor: chartLayer,
      manifestDescriptor: { mediaType: MediaType.manifest, digest: entry.digest, size: raw.length },
      layers: manifest.layers,
    },
  };
}
