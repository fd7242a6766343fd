import { readFile } from 'node:fs/promises';
import type { ActionRun } from './action.js';

/**
 * Asserts that no secret appears in what a person or a later step could read: stdout (minus the
 * runner's own `::add-mask::` commands, which it consumes and never shows), stderr, the saved state
 * and the job summary.
 */
export async function assertNoSecrets(r: ActionRun, secrets: string[], files: string[] = []): Promise<void> {
  const visible = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const places: Array<[string, string]> = [
    ['stdout', visible],
    ['stderr', r.stderr],
    ['state', JSON.stringify(r.state)],
  ];
  for (const f of files) places.push([f, await readFile(f, 'utf8').catch(() => '')]);
  for (const secret of secrets.filter((s) => s.length >= 4)) {
    for (const [where, text] of places) {
      if (text.includes(secret)) throw new Error(`a secret (${secret.slice(0, 3)}…) appears in ${where}`);
    }
  }
}
