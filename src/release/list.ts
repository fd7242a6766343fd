import { stat } from 'node:fs/promises';
import type { Layout } from '../oci/layout.js';
import { Annotation } from '../oci/media-types.js';
import { humanDuration } from '../util/human-duration.js';
import { humanSize } from '../util/human-size.js';
import { printable } from '../util/printable.js';
import { readCached } from './cached.js';

/** Helm 3.0–3.6's `helm chart list` table: REF, NAME, VERSION, short DIGEST, SIZE, CREATED (when it was cached). */
export async function listCharts(layout: Layout, now = Date.now()): Promise<string[][]> {
  const rows = [['REF', 'NAME', 'VERSION', 'DIGEST', 'SIZE', 'CREATED']];
  for (const entry of (await layout.readIndex()).manifests) {
    const ref = entry.annotations?.[Annotation.refName];
    if (!ref) continue;
    try {
      const c = await readCached(layout, ref);
      const cachedAt = (await stat(layout.blobPath(entry.digest))).mtimeMs;
      rows.push([ref, c.name, c.version, entry.digest.slice(7, 14), humanSize(c.artifact.chart.length), humanDuration(now - cachedAt)]);
    } catch {
      rows.push([ref, '?', '?', entry.digest.slice(7, 14), '?', 'damaged: pull or save it again']);
    }
  }
  return rows;
}

/** Columns padded to their widest cell plus a tab, as Go's tabwriter lays that table out. */
export function formatTable(table: string[][]): string {
  const rows = table.map((r) => r.map(printable));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : `${cell.padEnd(widths[i])}\t`)).join('')).join('\n');
}
