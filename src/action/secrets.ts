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
/**
 * Secrets hidden by this step's own sink (log.ts) rather than by the runner: the user's too short for the
 * runner's mask, and every token a registry issued.
 */
const hidden = new Set<string>();

/**
 * Masks a secret: the user's (`input`: a password, a stored credential, the runner's ID token) with
 * the runner's `add-mask`, which blanks it in the whole job's log and drops every job output holding it;
 * one too short for that mask is hidden from every line this step prints instead (a registry may quote
 * it back in an error), and the user is told once. A token a registry issued (`registry`) is never
 * handed to the runner's masker: the registry chooses it, and one that is a word every result holds
 * (`pushed`, `sha256`, a repository, the hex of a digest it can predict) would blank it in every
 * step's log and drop the step's outputs. It is hidden from what this step prints, which is the only
 * place it could appear.
 */
export function mask(secret: string, from: 'input' | 'registry' = 'input'): void {
  // Each secret once: the runner keeps every mask for the rest of the job.
  if (!secret || known.has(secret)) return;
  known.add(secret);
  if (from === 'registry') {
    hidden.add(secret);
    return;
  }
  if (secret.length >= MIN_MASK_LENGTH) return core.setSecret(secret);
  if (!warnedShort)
    log.warning(
      `A credential is shorter than ${MIN_MASK_LENGTH} characters: the runner does not mask it in the job's log (Chartlift hides it from what this step prints). Use a longer password or token.`,
    );
  warnedShort = true;
  hidden.add(secret);
}
let warnedShort = false;

/** A line with the secrets the runner does not mask (see `mask`) written `***`. */
export function hideUnmasked(line: string): string {
  let out = line;
  for (const s of [...hidden].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

/** Text with every secret masked so far written `***`, for what this step writes itself (the job summary). */
export function redact(text: string): string {
  let out = text;
  for (const s of [...known].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}
