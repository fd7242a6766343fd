import { stat } from 'node:fs/promises';
import type { Layout } from '../oci/layout.js';
import { Annotation } from '../oci/media-types.js';
import { parseChartManifest, readChartConfig } from '../artifact/parse.js';
import { humanDuration } from '../util/human-duration.js';
import { humanSize } from '../util/human-size.js';
import { printable } from '../util/printable.js';
import { CACHED_BLOB_BYTES } from './cached.js';

interface Listed {
  name: string;
  version: string;
  /** The chart archive's bytes. */
  size: number;
  /** When the manifest was saved (its file's modification time). */
  cachedAt: number;
}

/**
 * Helm 3.0–3.6's `helm chart list` table: REF, NAME, VERSION, short DIGEST, SIZE, CREATED (when it was cached).
 *
 * Each entry's manifest, config, chart and provenance are read and checked against their digests, as
 * an export reads them, but each file once: index.json may name one manifest, or manifests one
 * chart, any number of times (an index of 100,000 entries naming one 128 MiB chart read it 100,000
 * times, and read index.json again for every entry).
 */
export async function listCharts(layout: Layout, now = Date.now()): Promise<string[][]> {
  const rows = [['REF', 'NAME', 'VERSION', 'DIGEST', 'SIZE', 'CREATED']];
  const once = memo();
  for (const entry of (await layout.readIndex()).manifests) {
    const ref = entry.annotations?.[Annotation.refName];
    if (!ref || typeof ref !== 'string') continue;
    const short = typeof entry.digest === 'string' ? entry.digest.slice(7, 14) : '?';
    try {
      const c = await once(`manifest ${entry.digest}`, () => listed(layout, ref, entry.digest, once));
      rows.push([ref, c.name, c.version, short, humanSize(c.size), humanDuration(now - c.cachedAt)]);
    } catch {
      rows.push([ref, '?', '?', short, '?', 'damaged: pull or save it again']);
    }
  }
  return rows;
}

/** What the list shows of one manifest, every blob it names there and intact. */
async function listed(layout: Layout, ref: string, digest: string, once: Once): Promise<Listed> {
  const { manifest, chartLayer, provLayer } = parseChartManifest(await layout.readBlob(digest, CACHED_BLOB_BYTES.manifest), ref);
  const { name, version } = await once(`config ${manifest.config.digest}`, async () =>
    readChartConfig(await layout.readBlob(manifest.config.digest, CACHED_BLOB_BYTES.config), ref),
  );
  const size = (d: string, maxBytes: number) => once(`blob ${d}`, async () => (await layout.readBlob(d, maxBytes)).length);
  const chart = await size(chartLayer.digest, CACHED_BLOB_BYTES.chart);
  if (provLayer) await size(provLayer.digest, CACHED_BLOB_BYTES.provenance);
  return { name, version, size: chart, cachedAt: (await stat(layout.blobPath(digest))).mtimeMs };
}

type Once = <T>(key: string, make: () => Promise<T>) => Promise<T>;

/** One promise per key: made by `make` the first time, reused after (its failure too). */
function memo(): Once {
  const made = new Map<string, Promise<unknown>>();
  return <T>(key: string, make: () => Promise<T>) => {
    let p = made.get(key) as Promise<T> | undefined;
    if (!p) made.set(key, (p = make()));
    return p;
  };
}

/** Columns padded to their widest cell plus a tab, as Go's tabwriter lays that table out. */
export function formatTable(table: string[][]): string {
  const rows = table.map((r) => r.map(printable));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : `${cell.padEnd(widths[i])}\t`)).join('')).join('\n');
}
