import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never a part: a temporary file in
 * `stagingDir` (the target's folder by default, so the rename stays on one file system), flushed,
 * then renamed over the target.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: { mode?: number; stagingDir?: string } = {},
): Promise<void> {
  const dir = options.stagingDir ?? path.dirname(target);
  await removeOrphans(dir, path.basename(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** A temporary file this old is left over whatever its process id says (the id may have been reused). */
const ORPHAN_AGE_MS = 60_000;

/**
 * Removes temporary files of earlier writes of `target` (`.<name>.<pid>.<hex>.tmp` in `dir`) whose
 * process is gone, or that are older than a minute (a write takes milliseconds; a process id may be
 * reused by another process): killed between write and rename, they may hold what the target holds
 * (a credential file's auth), so they do not stay behind.
 */
export async function removeOrphans(dir: string, base: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(/^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (!pid) continue;
    const file = path.join(dir, name);
    if ((pid !== process.pid && !alive(pid)) || (await ageMs(file)) > ORPHAN_AGE_MS) await rm(file, { force: true });
  }
}

async function ageMs(file: string): Promise<number> {
  const s = await stat(file).catch(() => undefined);
  return s ? Date.now() - s.mtimeMs : 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
