import { UserError } from '../errors.js';
import type { Layout } from '../oci/layout.js';
import { refString, type Reference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/registry.js';
import { FetchBudget } from '../artifact/fetch-budget.js';
import { parseChartManifest, readChartConfig } from '../artifact/parse.js';
import { readCached, type CachedChart } from './cached.js';

interface PullOutcome {
  cached: CachedChart;
  /** false when the cache already held this manifest and all its blobs. */
  downloaded: boolean;
}

/**
 * Pulls a chart into the cache: the manifest checked (a Helm chart, modern or legacy layer, maybe
 * provenance), each blob it lacks downloaded and verified while it streams, and only then everything
 * written and tagged. A failure leaves the cache as it was.
 */
export async function pullChart(
  client: RegistryClient,
  ref: Reference,
  layout: Layout,
  check?: (pulled: { chart: Buffer; provenance?: Buffer; name: string; version: string; digest: string }) => Promise<void>,
): Promise<PullOutcome> {
  const refName = refString(ref);
  const { body, digest } = await client.fetchManifest(ref.repository, ref.tag);
  const { manifest, chartLayer, provLayer } = parseChartManifest(body, refName);
  const wanted = [manifest.config, ...manifest.layers];
  // An entry whose digest is not one (index.json written by something else) is replaced, as if absent.
  const current = await layout.resolve(refName).catch((err: unknown) => {
    if (err instanceof UserError) return undefined;
    throw err;
  });
  const present = await Promise.all(wanted.map((d) => layout.hasBlob(d)));
  if (current?.digest === digest && present.every(Boolean) && (await layout.hasBlob({ digest, size: body.length }))) {
    const cached = await readCached(layout, refName);
    await check?.({
      chart: cached.artifact.chart,
      provenance: cached.artifact.provenance,
      name: cached.name,
      version: cached.version,
      digest,
    });
    return { cached, downloaded: false };
  }
  // Every blob is held until the pull is saved: their sizes together are bounded before the first fetch.
  const budget = new FetchBudget(refName);
  for (const d of wanted) budget.take(d);
  const blobs = await Promise.all(wanted.map((d, i) => (present[i] ? layout.readBlob(d.digest) : client.fetchBlob(ref.repository, d))));
  // A config that is not a chart's is refused before anything is saved (list and export would choke on it);
  // so is a chart that `check` (the provenance, with --verify) does not accept.
  const { name, version } = readChartConfig(blobs[0], refName);
  const blobOf = (d: { digest: string }) => blobs[wanted.findIndex((w) => w.digest === d.digest)];
  await check?.({ chart: blobOf(chartLayer), provenance: provLayer ? blobOf(provLayer) : undefined, name, version, digest });
  await layout.save(refName, { mediaType: manifest.mediaType ?? 'application/vnd.oci.image.manifest.v1+json', digest, size: body.length }, [
    ...blobs,
    body,
  ]);
  return { cached: await readCached(layout, refName), downloaded: true };
}
