import { UserError, fsCode } from '../errors.js';
import { Layout } from '../oci/layout.js';
import type { ChartArtifact } from '../artifact/manifest.js';

/** Saves an artifact into the cache (blobs first, then the index entry) — Helm 3.0–3.6's `helm chart save`. */
export async function saveToCache(cacheDir: string, refName: string, artifact: ChartArtifact): Promise<void> {
  const layout = new Layout(cacheDir);
  try {
    const blobs = [artifact.config, artifact.chart, ...(artifact.provenance ? [artifact.provenance] : []), artifact.manifest];
    await layout.save(refName, artifact.manifestDescriptor, blobs);
  } catch (err) {
    // A UserError (a damaged cache file, a folder leading outside the cache) already says what to do.
    const code = err instanceof UserError ? undefined : fsCode(err);
    if (code) {
      throw new UserError(`cannot write the chart cache (${(err as Error).message})`, {
        where: layout.root,
        hint: 'Use a writable folder for the cache',
        code: 'cache-unwritable',
        cause: err,
      });
    }
    throw err;
  }
}
