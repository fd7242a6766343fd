import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST } from './paths.js';
import { exec, type ExecResult } from './exec.js';
import { tempDir } from './temp.js';

export interface ActionRun extends ExecResult {
  summaryFile: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  errors: string[];
}

/** GitHub's file-command format: `name<<DELIM\nvalue\nDELIM`. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

/**
 * Runs the bundled action (dist/index.js) as a runner does: inputs as INPUT_* variables, outputs and
 * state through GITHUB_OUTPUT / GITHUB_STATE files. `state` from a main run turns it into the post step.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: { env?: NodeJS.ProcessEnv; state?: Record<string, string>; node?: string; cwd?: string } = {},
): Promise<ActionRun> {
  const dir = await tempDir('chartlift-run-');
  const outputFile = path.join(dir, 'output');
  const stateFile = path.join(dir, 'state');
  const summaryFile = path.join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(stateFile, '');
  await writeFile(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: dir, // as on a runner: the login's backup of a replaced entry lives here, not in /tmp
    ...options.env,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(options.state ?? {})) env[`STATE_${k}`] = v;
  const r = await exec(options.node ?? process.execPath, [DIST], { env, cwd: options.cwd });
  const outputs = parseFileCommands(await readFile(outputFile, 'utf8'));
  const state = parseFileCommands(await readFile(stateFile, 'utf8'));
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
  return { ...r, outputs, state, errors, summaryFile };
}
