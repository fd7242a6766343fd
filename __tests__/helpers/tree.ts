import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** A fingerprint of a folder's files (names and contents), to show that a failure changed nothing. */
export async function treeHash(root: string): Promise<string> {
  const h = createHash('sha256');
  try {
    if (!(await stat(root)).isDirectory()) return h.update(await readFile(root)).digest('hex');
  } catch {
    return 'absent';
  }
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const info = await stat(full);
      h.update(`${path.relative(root, full)}\0`);
      if (info.isDirectory()) await walk(full);
      else h.update(await readFile(full));
    }
  };
  await walk(root);
  return h.digest('hex');
}
