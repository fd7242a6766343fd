import * as core from '@actions/core';

const known = new Set<string>();

/** Masks a secret in the log (the runner's `add-mask`) and remembers it for what the runner does not mask. */
export function mask(secret: string): void {
  if (!secret) return;
  core.setSecret(secret);
  known.add(secret);
}

/** Text with every secret masked so far written `***`, for what this step writes itself (the job summary). */
export function redact(text: string): string {
  let out = text;
  for (const s of [...known].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}
