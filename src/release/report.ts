import { humanSize } from '../util/human-size.js';
import { printable } from '../util/printable.js';
import type { ChartArtifact } from '../artifact/manifest.js';
import type { TargetOutcome } from './outcome.js';

/** The block `helm chart save` and `helm chart push` (Helm 3.0–3.6) print: ref, digest (the manifest's), size (the chart's), name, version. */
export function describeLines(refName: string, c: { artifact: ChartArtifact; name: string; version: string }): string[] {
  const rows: Array<[string, string]> = [
    ['ref', printable(refName)],
    ['digest', c.artifact.manifestDescriptor.digest],
    ['size', humanSize(c.artifact.chart.length)],
    ['name', printable(c.name)],
    ['version', printable(c.version)],
  ];
  // Aligned as the seed prints them, the values in one column.
  return rows.map(([label, value]) => `${label}:`.padEnd(9) + value);
}

/**
 * The last line of `helm chart push` (Helm 3.0–3.6): `<tag>: pushed to remote (N layers, SIZE total)`, or
 * what happened instead, naming the digest that stands and, when it is the registry's copy, saying so.
 */
function pushLine(o: Pick<TargetOutcome, 'tag' | 'status' | 'artifact' | 'from'>): string {
  const digest = o.artifact.manifestDescriptor.digest;
  if (o.status === 'saved') return `${o.tag}: saved`;
  if (o.status === 'pushed') {
    const layers = o.artifact.layers;
    const total = layers.reduce((n, l) => n + l.size, 0);
    return `${o.tag}: pushed to remote (${layers.length} layer${layers.length === 1 ? '' : 's'}, ${humanSize(total)} total)`;
  }
  if (o.status === 'unchanged')
    return o.from === 'registry'
      ? `${o.tag}: unchanged (the registry already holds the same chart: ${digest}, pushed by another tool)`
      : `${o.tag}: unchanged (the registry already holds ${digest})`;
  return `${o.tag}: skipped (the tag holds ${digest}; if-exists: skip)`;
}

/** A target's whole block, as every face prints it: what stands (ref, digest, size, name, version), then what happened. */
export function outcomeLines(o: TargetOutcome, c: { name: string; version: string }): string[] {
  return [...describeLines(o.refName, { artifact: o.artifact, name: c.name, version: c.version }), pushLine(o)];
}

/** What a reference whose repository path held capitals became (OCI names are lower case): said, never silent. */
export function loweredLine(given: string, repository: string): string {
  return `The repository path ${JSON.stringify(given)} was lower-cased to ${JSON.stringify(repository)}: OCI repository names are lower case.`;
}
