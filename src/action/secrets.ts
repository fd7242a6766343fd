import * as core from '@actions/core';

/**
 * The shortest secret handed to the runner's masker. The runner blanks every occurrence of a mask
 * anywhere in the job's log: a two-letter token (`ok`) would blank every "ok" of every step, and a
 * string that short hides nothing anyway. Shorter secrets are still remembered (`redact`), and this
 * step prints no secret of any length itself.
 */
const MIN_MASK_LENGTH = 6;

const known = new Set<string>();

/** Masks a secret in the log (the runner's `add-mask`) and remembers it for what the runner does not mask. */
export function mask(secret: string): void {
  if (!secret) return;
  if (secret.length >= MIN_MASK_LENGTH) core.setSecret(secret);
  known.add(secret);
}

/** Text with every secret masked so far written `***`, for what this step writes itself (the job summary). */
export function redact(text: string): string {
  let out = text;
  for (const s of [...known].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}
