import { UserError } from '../errors.js';
import type { Layout } from '../oci/layout.js';
import type { ChartArtifact } from '../artifact/manifest.js';
import { MediaType } from '../artifact/media-types.js';
import { parseChartManifest, readChartConfig } from '../artifact/parse.js';

export interface CachedChart {
  artifact: ChartArtifact;
  name: string;
  version: string;
}

/** A chart saved in the cache under `refName`, every blob checked against its digest. */
export async function readCached(layout: Layout, refName: string): Promise<CachedChart> {
  const entry = await layout.resolve(refName);
  if (!entry)
    throw new UserError(`${refName} is not in the cache`, {
      where: layout.root,
      hint: 'See `chartlift chart list`; save or pull it first',
    });
  const raw = await layout.readBlob(entry.digest);
  const { manifest, chartLayer, provLayer } = parseChartManifest(raw, refName);
  const config = await layout.readBlob(manifest.config.digest);
  const chart = await layout.readBlob(chartLayer.digest);
  const provenance = provLayer ? await layout.readBlob(provLayer.digest) : undefined;
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
