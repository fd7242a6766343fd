import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

export interface SourceDate {
  seconds: number;
  from: 'SOURCE_DATE_EPOCH' | 'git' | 'fixed';
}

/**
 * The one timestamp of a build: SOURCE_DATE_EPOCH, else the time of the last commit that touched
 * the chart, else the Unix epoch. Never the clock, so a rebuild gives the same digest.
 */
export async function sourceDate(chartPath: string, env: NodeJS.ProcessEnv = process.env): Promise<SourceDate> {
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (fromEnv) {
    if (!/^\d+$/.test(fromEnv)) {
      throw new UserError(`SOURCE_DATE_EPOCH=${JSON.stringify(fromEnv)} is not a whole number of seconds`, {
        hint: 'Set it to a Unix time such as $(git log -1 --format=%ct), or unset it',
      });
    }
    return { seconds: Number(fromEnv), from: 'SOURCE_DATE_EPOCH' };
  }
  const seconds = await lastCommitTime(chartPath);
  return seconds === undefined ? { seconds: 0, from: 'fixed' } : { seconds, from: 'git' };
}

async function lastCommitTime(chartPath: string): Promise<number | undefined> {
  let cwd: string;
  let target: string;
  try {
    const info = await stat(chartPath);
    cwd = info.isDirectory() ? chartPath : path.dirname(chartPath);
    target = info.isDirectory() ? '.' : path.basename(chartPath);
  } catch {
    return undefined;
  }
  return new Promise((resolve) => {
    execFile('git', ['log', '-1', '--format=%ct', '--', target], { cwd, timeout: 10_000 }, (err, stdout) => {
      const text = String(stdout).trim();
      resolve(err || !/^\d+$/.test(text) ? undefined : Number(text));
    });
  });
}
