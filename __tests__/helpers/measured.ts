import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runAction, type ActionRun } from './action.js';
import { CLI } from './cli.js';
import { exec } from './exec.js';
import { tempDir } from './temp.js';

const MiB = 1024 * 1024;

/** The CLI, with its peak resident memory (GNU time's %M). */
export async function cliMeasured(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000) {
  const r = await exec('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, CLI, ...args], { env, timeoutMs });
  const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 'NaN') * 1024;
  return { ...r, rssMiB: rss / MiB };
}

/** The bundled action (as runAction runs it), with its peak resident memory. */
export async function actionMeasured(
  inputs: Record<string, string>,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<ActionRun & { rssMiB: number }> {
  const dir = await tempDir('chartlift-measured-');
  const report = path.join(dir, 'maxrss');
  const node = path.join(dir, 'node');
  // A node script, not a shell one: a shell drops variables such as INPUT_PLAIN-HTTP from the environment.
  await writeFile(
    node,
    `#!${process.execPath}\nconst r = require('node:child_process').spawnSync('/usr/bin/time', ['-o', ${JSON.stringify(report)}, '-f', 'maxrss=%M', process.execPath, ...process.argv.slice(2)], { stdio: 'inherit' });\nprocess.exit(r.status ?? 1);\n`,
  );
  await chmod(node, 0o755);
  const r = await runAction(inputs, { ...options, node });
  const rss = Number(/maxrss=(\d+)/.exec(await readFile(report, 'utf8'))?.[1] ?? 'NaN') * 1024;
  return { ...r, rssMiB: rss / MiB };
}
