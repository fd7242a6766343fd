import { lstatSync } from 'node:fs';
import path from 'node:path';
import { readRegularFileSync } from '../util/read-regular-file.js';
import { readSimpleYaml } from './simple-yaml.js';

/** A Chart.yaml read for a glance is small: a larger one waits for the real reading. */
const PEEK_MAX_BYTES = 64 * 1024;

/**
 * The name and version a chart folder's Chart.yaml gives, at a glance, before the chart is read:
 * undefined when it is not plainly there (no such file, a link, too large, YAML outside simple-yaml.ts's
 * subset, either field not a non-empty string). A guess a caller may act on only where a wrong
 * one costs nothing but the time it hoped to save (the early request of src/oci/early-request.ts);
 * loading the chart (load-dir.ts) is what decides.
 */
export function peekChart(dir: string): { name: string; version: string } | undefined {
  const file = path.join(dir, 'Chart.yaml');
  let text: string;
  try {
    // A link is not followed: the chart's reading decides whether it may (one that leaves the chart may not).
    if (!lstatSync(file).isFile()) return undefined;
    text = readRegularFileSync(file, PEEK_MAX_BYTES).toString('latin1');
  } catch {
    return undefined;
  }
  const doc = readSimpleYaml(text, 'read')?.value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const { name, version } = doc as Record<string, unknown>;
  return typeof name === 'string' && name !== '' && typeof version === 'string' && version !== '' ? { name, version } : undefined;
}
