import { humanSize } from '../util/human-size.js';
import { printable } from '../util/printable.js';
import type { ChartArtifact } from '../artifact/manifest.js';
import type { BuiltChart } from './build.js';

/** The block `helm chart save` and `helm chart push` (Helm 3.0–3.6) print: ref, digest (the manifest's), size (the chart's), name, version. */
export function describeLines(refName: string, c: { artifact: ChartArtifact; name: string; version: string }): string[] {
  return [
    `ref:     ${printable(refName)}`,
    `digest:  ${c.artifact.manifestDescriptor.digest}`,
    `size:    ${humanSize(c.artifact.chart.length)}`,
    `name:    ${printable(c.name)}`,
    `version: ${printable(c.version)}`,
  ];
}

/** The last line of `helm chart push` (Helm 3.0–3.6): `<tag>: pushed to remote (N layers, SIZE total)`, or what happened instead. */
export function pushLine(
  built: Pick<BuiltChart, 'artifact'> & { ref: { tag: string } },
  status: 'pushed' | 'unchanged' | 'skipped',
  digest: string,
): string {
  const layers = built.artifact.layers;
  const total = layers.reduce((n, l) => n + l.size, 0);
  if (status === 'pushed')
    return `${built.ref.tag}: pushed to remote (${layers.length} layer${layers.length === 1 ? '' : 's'}, ${humanSize(total)} total)`;
  if (status === 'unchanged') return `${built.ref.tag}: unchanged (the registry already holds ${digest})`;
  return `${built.ref.tag}: skipped (the tag holds ${digest}; if-exists: skip)`;
}
