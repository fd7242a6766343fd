import { rmSync } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { fsCode } from '../errors.js';

/**
 * Runs `fn` holding an exclusive lock file (`O_EXCL` create). A lock left by a process that is gone
 * (once it is two seconds old), or older than `staleMs`, is broken. Waits up to `timeoutMs`, then throws.
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

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    const pid = Number(text);
    const age = Date.now() - info.mtimeMs;
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
  } catch {
    return false;
  }
}
