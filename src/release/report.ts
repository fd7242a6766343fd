import { humanSize } from '../util/human-size.js';
import type { BuiltChart } from './build.js';

/** The seed's block: ref, digest (the manifest's), size (the chart's), name, version. */
export function describeLines(built: BuiltChart): string[] {
  const md = built.chart.metadata;
  return [
    `ref:     ${built.refName}`,
    `digest:  ${built.artifact.manifestDescriptor.digest}`,
    `size:    ${humanSize(built.artifact.chart.length)}`,
    `name:    ${md.name}`,
    `version: ${md.version}`,
  ];
}
