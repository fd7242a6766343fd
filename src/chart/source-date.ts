import { UserError } from '../errors.js';

export interface SourceDate {
  seconds: number;
  from: 'SOURCE_DATE_EPOCH' | 'fixed';
}

/**
 * The one timestamp of a build: SOURCE_DATE_EPOCH when set, else the Unix epoch. Never the clock, the
 * commit or the clone's history: a shallow clone (actions/checkout's default), a full clone and a
 * tarball without .git give the same chart the same digest, on every commit that leaves it alone.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): SourceDate {
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (!fromEnv) return { seconds: 0, from: 'fixed' };
  if (!/^\d+$/.test(fromEnv)) {
    throw new UserError(`SOURCE_DATE_EPOCH=${JSON.stringify(fromEnv)} is not a whole number of seconds`, {
      hint: 'Set it to a Unix time such as $(git log -1 --format=%ct), or unset it',
    });
  }
  return { seconds: Number(fromEnv), from: 'SOURCE_DATE_EPOCH' };
}
