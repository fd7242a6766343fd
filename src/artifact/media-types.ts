import { OciMediaType } from '../oci/media-types.js';

export { Annotation } from '../oci/media-types.js';

/** Helm's chart artifact: its config, chart layer (modern and legacy) and provenance types, with OCI's. */
export const MediaType = {
  ...OciMediaType,
  config: 'application/vnd.cncf.helm.config.v1+json',
  chart: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
  legacyChart: 'application/tar+gzip',
  provenance: 'application/vnd.cncf.helm.chart.provenance.v1.prov',
} as const;
