import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
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
