import { UserError } from '../errors.js';
import type { IfExists } from './push.js';

/**
 * The publication's settings read from text, as both faces take them (the action's inputs, the CLI's
 * flags and CHARTLIFT_* variables): one reading and one check each. `label` is how the face names the
 * setting in the message (the action's words for its input, the CLI's flag: "--if-exists").
 */

/** Lines of a list (paths, refs): trimmed, blank and `#` lines dropped. */
export function settingLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function ifExistsValue(raw: string, label: string): IfExists {
  const value = raw.trim() || 'fail';
  if (value === 'fail' || value === 'skip' || value === 'overwrite') return value;
  throw new UserError(`${label} must be fail, skip or overwrite, not ${JSON.stringify(raw)}`, {
    hint: 'fail keeps published versions immutable (the default)',
  });
}

export function layerMediaTypeValue(raw: string, label: string): 'modern' | 'legacy' {
  const value = raw.trim();
  if (value === '' || value === 'modern') return 'modern';
  if (value === 'legacy') return 'legacy';
  throw new UserError(`${label} must be modern or legacy, not ${JSON.stringify(raw)}`, {
    hint: 'legacy writes application/tar+gzip for Helm 3.0–3.6 clients',
  });
}

export function artifacthubLintValue(raw: string, label: string): 'error' | 'warn' {
  const value = raw.trim();
  if (value === '' || value === 'error') return 'error';
  if (value === 'warn') return 'warn';
  throw new UserError(`${label} must be error or warn, not ${JSON.stringify(raw)}`, {
    hint: 'error fails the step on an artifacthub.io/* annotation Artifact Hub cannot read; warn publishes with a warning',
  });
}

/**
 * The public key's URL, written into the packaged Chart.yaml: printable ASCII only (anything else
 * percent-encoded), as NEL (U+0085), which JavaScript's \s does not match, is a line break to the YAML
 * 1.1 Helm reads Chart.yaml with.
 */
export function signKeyUrlValue(raw: string, label: string): string {
  const value = raw.trim();
  if (value !== '' && !/^https?:\/\/[\x21-\x2e\x30-\x7e]+[\x21-\x7e]*$/.test(value))
    throw new UserError(`${label} must be an http(s) URL, not ${JSON.stringify(value)}`, {
      hint: 'Give where the public key can be downloaded, e.g. https://keys.example.com/charts.asc (percent-encode any other character than printable ASCII)',
    });
  return value;
}

/** `key=value` lines (the value may hold `=`). */
export function keyValuesValue(lines: string[], label: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new UserError(`${label} needs key=value lines, not ${JSON.stringify(line)}`);
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

export function wholeValue(raw: string, label: string, fallback: number, min: number, max: number): number {
  const value = raw.trim();
  if (value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(`${label} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  return n;
}

export function boolValue(raw: string, label: string, fallback: boolean): boolean {
  const value = raw.trim();
  if (value === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new UserError(`${label} must be true or false, not ${JSON.stringify(value)}`);
}

/** The Sigstore instance a face was given: each URL checked, and the whole instance or none. */
export interface SigstoreInstance {
  fulcioURL?: string;
  rekorURL?: string;
  tsaURL?: string;
}

/** A Sigstore service's URL (`name`: how the face names the setting): https (http only on this machine: a stand-in on loopback), a plain base URL. */
export function sigstoreUrlValue(raw: string, name: string): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`${name} is not a URL: ${JSON.stringify(raw)}`, {
      hint: 'Give the service’s base URL, e.g. https://fulcio.example.com',
    });
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new UserError(`${name} must be an https URL, not ${JSON.stringify(`${url.protocol}//${url.host}`)}`, {
      hint: 'The identity token and signatures go there: plain http is accepted only on this machine (127.0.0.1)',
    });
  if (url.username || url.password || url.search || url.hash)
    throw new UserError(`${name} must be a plain base URL (no user, password, query or fragment)`);
  return url.toString().replace(/\/+$/, '');
}

/** A private Sigstore instance is given whole (Fulcio with its Rekor, its timestamp authority or both), or not at all. */
export function checkSigstoreInstance(instance: SigstoreInstance, names: { fulcio: string; rekor: string; tsa: string }): void {
  const { fulcioURL, rekorURL, tsaURL } = instance;
  if ((rekorURL || tsaURL) && !fulcioURL)
    throw new UserError(`${rekorURL ? names.rekor : names.tsa} is set without ${names.fulcio}`, {
      hint: "A private Sigstore instance is given whole: its Fulcio, and its Rekor or timestamp authority (or both); leave all three empty for Sigstore's public instance",
    });
  if (fulcioURL && !rekorURL && !tsaURL)
    throw new UserError(`${names.fulcio} is set, but neither ${names.rekor} nor ${names.tsa}`, {
      hint: 'A signature needs a witness of its time: the instance’s Rekor, its timestamp authority, or both',
    });
}
