import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist', 'index.js');

/** A tool the tests need. Missing it fails the test (CI installs everything), never skips it. */
export function tool(name: 'helm3' | 'helm4'): string {
  const file = path.join(ROOT, '.tools', name === 'helm3' ? 'helm-3' : 'helm-4', 'helm');
  if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/install-helm.sh`);
  return file;
}

export const HELMS = [
  { label: 'Helm 3.17.3', bin: () => tool('helm3') },
  { label: 'Helm 4.1.4', bin: () => tool('helm4') },
] as const;
