import { existsSync } from 'node:fs';
import path from 'node:path';
import { exec } from './exec.js';
import { ROOT } from './paths.js';

/** A `node` binary of the given major version on PATH (the system's Node 20, npm's node@24, …). */
export async function findNode(major: number): Promise<string> {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  const seen = new Set<string>();
  for (const dir of [...dirs, path.join(ROOT, 'node_modules', '.bin'), '/usr/bin', '/usr/local/bin']) {
    const file = path.join(dir, 'node');
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const r = await exec(file, ['--version']);
    if (r.stdout.startsWith(`v${major}.`)) return file;
  }
  throw new Error(`no Node ${major} found on PATH or in /usr/bin, /usr/local/bin`);
}
