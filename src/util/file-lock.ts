import { constants, rmSync } from 'node:fs';
import { lstat, open, rm } from 'node:fs/promises';
import { fsCode, UserError } from '../errors.js';
import { kindOf } from './read-regular-file.js';

/**
 * Runs `fn` holding an exclusive lock file (`O_EXCL` create). A lock left by a process that is gone
 * (once it is two seconds old), or older than `staleMs`, is broken. Waits up to `timeoutMs`, then throws.
 * A lock path that holds anything but a regular file (a FIFO, a device link, a folder) is named in an
 * error at once: no holder makes one, and looking into it could wait for ever.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: { timeoutMs?: number; staleMs?: number } = {},
): Promise<T> {
  // Holders in this process queue in memory; the file (polled) is for other processes only.
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const turn = previous.then(() => lockFile(lockPath, fn, options));
  const settled = turn.then(
    () => undefined,
    () => undefined,
  );
  queues.set(lockPath, settled);
  try {
    return await turn;
  } finally {
    if (queues.get(lockPath) === settled) queues.delete(lockPath);
  }
}

const queues = new Map<string, Promise<void>>();

async function lockFile<T>(lockPath: string, fn: () => Promise<T>, options: { timeoutMs?: number; staleMs?: number }): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const staleMs = options.staleMs ?? 30_000;
  const started = Date.now();
  let delay = 5;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(String(process.pid));
      } catch (err) {
        await rm(lockPath, { force: true });
        throw err;
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if (fsCode(err) !== 'EEXIST') throw err;
      if (await isStale(lockPath, staleMs)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out waiting for the lock ${lockPath}; if no other process uses the cache, delete that file`);
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
      delay = Math.min(delay * 2, 100);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/** How old the lock of a process that is gone must be before it is broken (its holders hold it for milliseconds). */
const DEAD_HOLDER_GRACE_MS = 2000;

/** A process id in decimal, with room to spare: a lock file holds nothing else. */
const MAX_LOCK_BYTES = 32;

// Opened without waiting and without following a link: a FIFO or a link swapped in after the look is
// not waited on (the next look names it).
const PEEK = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | (constants.O_NOCTTY ?? 0);

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  let info;
  try {
    info = await lstat(lockPath);
  } catch {
    return false;
  }
  // Every holder creates a regular file (O_EXCL, which creates no link and follows none). Anything
  // else was put there by something else, and is never a live lock: it is named rather than removed.
  // Removing it would race a waiter that removed it first and took the lock with a file of its own
  // (two holders), and a folder may hold what its maker wants kept. Reading it would wait for a
  // FIFO's writer for ever, or read /dev/zero without end (before this, a FIFO there hung every save
  // past the timeout, and a link to /dev/zero held 1.1 GB).
  if (!info.isFile())
    throw new UserError(`it is ${kindOf(info)}, not a lock file (a process holding the lock makes a plain file)`, {
      where: lockPath,
      hint: 'If no other process is using it, remove it',
    });
  let pid: number;
  let age: number;
  try {
    // The pid and the age of one file, the one opened: at most a pid's bytes read.
    const handle = await open(lockPath, PEEK);
    try {
      const st = await handle.stat();
      if (!st.isFile()) return false;
      const buffer = Buffer.alloc(MAX_LOCK_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      pid = bytesRead > MAX_LOCK_BYTES ? NaN : Number(buffer.subarray(0, bytesRead).toString('utf8'));
      age = Date.now() - st.mtimeMs;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
  // A holder that is gone left its lock behind, but only a lock some time old is taken for such: a
  // waiter reads the holder's pid, and by the time it finds that process gone the holder may have
  // released the lock and the next one taken it (a CLI run exits at once). Removing "the stale
  // lock" then would remove that live one, and two writers would lose each other's changes.
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && age > DEAD_HOLDER_GRACE_MS) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if (fsCode(err) === 'ESRCH') return true;
    }
  }
  return age > staleMs;
}
