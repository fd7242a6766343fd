import path from 'node:path';
import { exec, type ExecResult } from './exec.js';
import { ROOT } from './paths.js';

export const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');

/** Runs the bundled CLI (dist/cli/index.js). */
export function cli(args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; input?: string }): Promise<ExecResult> {
  return exec(process.execPath, [CLI, ...args], options);
}
