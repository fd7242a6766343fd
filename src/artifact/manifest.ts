import type { Metadata } from '../chart/metadata.js';
import { configJson } from '../chart/metadata.js';
import { goJsonString, goStructJson, RawJson } from '../chart/go-values.js';
import { compareBytes } from '../util/bytes-order.js';
import { describe, type Descriptor } from '../oci/digest.js';
import { Annotation, MediaType } from './media-types.js';

export interface ChartArtifact {
  config: Buffer;
  chart: Buffer;
  provenance?: Buffer;
  manifest: Buffer;
  configDescriptor: Descriptor;
  chartDescriptor: Descriptor;
  manifestDescriptor: Descriptor;
  layers: Descriptor[];
}

/**
 * Helm's manifest annotations (pkg/registry): title, version, description, url, source, authors,
 * created — non-blank ones only — then Chart.yaml's annotations, which may override all but title
 * and version.
 */
function manifestAnnotations(md: Metadata, createdSeconds: number): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string | undefined): void => {
    if (v !== undefined && v.trim() !== '') out[k] = v;
  };
  put(Annotation.description, md.description);
  put(Annotation.title, md.name);
  put(Annotation.version, md.version);
  put(Annotation.url, md.home);
  put(Annotation.created, new Date(createdSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  put(Annotation.source, md.sources[0]);
  put(Annotation.authors, md.maintainers.map((m) => (m.email ? `${m.name} (${m.email})` : m.name)).join(', '));
  for (const [k, v] of Object.entries(md.annotations)) {
    if (k !== Annotation.title && k !== Annotation.version) out[k] = v;
  }
  return out;
}

function descriptorJson(d: Descriptor): RawJson {
  return new RawJson(
    goStructJson([
      ['mediaType', d.mediaType],
      ['digest', d.digest],
      ['size', d.size],
    ]),
  );
}

/** The image manifest as Helm writes it: no top-level mediaType, layers sorted by digest. */
export function buildArtifact(
  md: Metadata,
  chart: Buffer,
  createdSeconds: number,
  options: { provenance?: Buffer; extraAnnotations?: Record<string, string>; chartMediaType?: string } = {},
): ChartArtifact {
  const config = Buffer.from(configJson(md));
  const configDescriptor = describe(MediaType.config, config);
  const chartDescriptor = describe(options.chartMediaType ?? MediaType.chart, chart);
  const layers = [chartDescriptor];
  if (options.provenance) layers.push(describe(MediaType.provenance, options.provenance));
  layers.sort((a, b) => compareBytes(a.digest, b.digest));
  const annotations = { ...manifestAnnotations(md, createdSeconds), ...options.extraAnnotations };
  const annotationJson = `{${Object.keys(annotations)
    .sort(compareBytes)
    .map((k) => `${goJsonString(k)}:${goJsonString(annotations[k])}`)
    .join(',')}}`;
  const manifest = Buffer.from(
    goStructJson([
      ['schemaVersion', 2],
      ['config', descriptorJson(configDescriptor)],
      ['layers', layers.map(descriptorJson)],
      ['annotations', new RawJson(annotationJson)],
    ]),
  );
  return {
    config,
    chart,
    provenance: options.provenance,
    manifest,
    configDescriptor,
    chartDescriptor,
    manifestDescriptor: describe(MediaType.manifest, manifest),
    layers,
  };
}
