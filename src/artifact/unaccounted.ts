import type { Descriptor } from '../oci/digest.js';
import { quoted } from '../util/quoted.js';
import type { ChartArtifact } from './manifest.js';
import { Annotation } from './media-types.js';
import type { ChartManifest } from './parse.js';

/** The fields of an image manifest and of a descriptor that this build writes. */
const MANIFEST_FIELDS = new Set(['schemaVersion', 'mediaType', 'config', 'layers', 'annotations']);
const DESCRIPTOR_FIELDS = new Set(['mediaType', 'digest', 'size']);
/** A creation time is an RFC 3339 date-time (the image spec's rule for it), not a place for other text. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** Names a message lists at most, each cut: the manifest is the registry's text. */
const MOST = 8;

/**
 * What a signature of the registry's manifest `theirs` would cover that this build (`ours`) did not
 * make, for a manifest that holds the same chart (the same config, the same files: checked before):
 * a field or a descriptor's field this build does not write (`subject`, `urls`, a layer's
 * annotations), a chart layer of another media type, and each annotation whose value is not this
 * build's. What it lacks claims nothing, and its creation time (an RFC 3339 time) is when it was pushed, not content;
 * the layers' bytes are the comparison's to account for (the same files), the provenance layer the
 * caller's (whose key signed it). Empty when every part is accounted for.
 */
export function unaccountedParts(theirs: ChartManifest, chartLayer: Descriptor, ours: ChartArtifact): string[] {
  const parts: string[] = [];
  const extra = (o: object, allowed: Set<string>) => Object.keys(o).filter((k) => !allowed.has(k));
  const fields = extra(theirs, MANIFEST_FIELDS);
  if (fields.length > 0) parts.push(`its manifest has ${names('field', fields)} this build does not write`);
  const descriptors = [theirs.config, ...theirs.layers].flatMap((d) => extra(d, DESCRIPTOR_FIELDS));
  if (descriptors.length > 0) parts.push(`its descriptors have ${names('field', [...new Set(descriptors)])} this build does not write`);
  if (chartLayer.mediaType !== ours.chartDescriptor.mediaType)
    parts.push(`its chart layer is ${quoted(chartLayer.mediaType, 80)}, not ${ours.chartDescriptor.mediaType} as this build writes it`);
  const mine = (JSON.parse(ours.manifest.toString('utf8')) as { annotations?: Record<string, string> }).annotations ?? {};
  const annotations = theirs.annotations;
  if (annotations !== undefined && (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)))
    parts.push('its annotations are not a map of strings');
  else if (annotations) {
    const differ = Object.entries(annotations)
      .filter(([k, v]) => (k === Annotation.created ? typeof v !== 'string' || !RFC_3339.test(v) : v !== mine[k]))
      .map(([k]) => k);
    if (differ.length > 0) parts.push(`${names('annotation', differ)} ${differ.length === 1 ? 'is' : 'are'} not this build's`);
  }
  return parts;
}

/** `annotation a`, `annotations a, b and 3 more`: each name quoted if it needs to be, cut, listed up to MOST. */
function names(kind: string, list: string[]): string {
  const shown = list.slice(0, MOST).map((k) => (/^[\w./-]{1,100}$/.test(k) ? k : quoted(k, 100)));
  const more = list.length > MOST ? ` and ${list.length - MOST} more` : '';
  return `${kind}${list.length === 1 ? '' : 's'} ${shown.join(', ')}${more}`;
}
