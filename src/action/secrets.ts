import * as core from '@actions/core';
import { log } from './log.js';

/**
 * The shortest secret handed to the runner's masker. The runner blanks every occurrence of a mask
 * anywhere in the job's log: a two-letter token (`ok`) would blank every "ok" of every step, and a
 * string that short hides nothing anyway. Shorter secrets are still remembered (`redact`), and this
 * step prints no secret of any length itself.
 */
const MIN_MASK_LENGTH = 6;

const known = new Set<string>();
/** The user's secrets too short for the runner's mask: the sink (log.ts) hides them in what this step prints. */
const short = new Set<string>();

/**
 * Masks a secret in the log (the runner's `add-mask`) and remembers it for what the runner does not
 * mask. A secret of the user's (`input`: a password, a stored credential) too short to mask is hidden
 * from every line this step prints (a registry may quote it back in an error), and the user is told
 * once; a registry's own token that short is only remembered (hiding it would let a registry blank
 * any text of the log it likes).
 */
export function mask(secret: string, from: 'input' | 'registry' = 'input'): void {
  // Each secret once: the runner keeps every mask for the rest of the job.
  if (!secret || known.has(secret)) return;
  if (secret.length >= MIN_MASK_LENGTH) core.setSecret(secret);
  else if (from === 'input' && !short.has(secret)) {
    if (short.size === 0)
      log.warning(
        `A credential is shorter than ${MIN_MASK_LENGTH} characters: the runner does not mask it in the job's log (Chartlift hides it from what this step prints). Use a longer password or token.`,
      );
    short.add(secret);
  }
  known.add(secret);
}

/** A line with the user's too-short secrets written `***` (what the runner's mask would have done). */
export function hideShort(line: string): string {
  let out = line;
  for (const s of short) out = out.split(s).join('***');
  return out;
}

/** Text with every secret masked so far written `***`, for what this step writes itself (the job summary). */
export function redact(text: string): string {
  let out = text;
  for (const s of [...known].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}
