import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError, fsCode } from '../errors.js';
import { compareBytes } from '../util/bytes-order.js';
import { MAX_FILE_BYTES, type ChartFile } from './chart.js';
import { HelmIgnore } from './helmignore.js';
import { mapLimit } from '../util/concurrency.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The files of a chart folder as Helm's LoadDir reads them: a depth-first walk in byte order,
 * `.helmignore` applied, symlinks followed (and refused when they lead out of the chart), a UTF-8
 * BOM stripped, at most 5 MiB a file, nothing but regular files.
 */
export async function readChartDir(dir: string): Promise<ChartFile[]> {
  const root = await realpath(dir);
  const rules = await readRules(root, dir);
  const files: ChartFile[] = [];
  await walk(root, '', new Set([root]));
  return files;

  /** One folder: its entries looked at and read several at a time, then taken in order (so is the first error). */
  async function walk(abs: string, rel: string, ancestors: Set<string>): Promise<void> {
    const names = (await readdir(abs)).sort(compareBytes);
    const entries = await mapLimit(names, 32, (name) =>
      inspect(abs, rel, name).catch((error: unknown) => ({ kind: 'error' as const, error })),
    );
    for (const entry of entries) {
      if (entry.kind === 'error') throw entry.error;
      if (entry.kind === 'file') files.push(entry.file);
      if (entry.kind !== 'dir') continue;
      if (ancestors.has(entry.target))
        throw new UserError('is a symbolic link to one of its own parent folders', { where: entry.shown, hint: 'Remove the link loop' });
      await walk(entry.target, entry.relName, new Set([...ancestors, entry.target]));
    }
  }

  async function inspect(abs: string, rel: string, name: string): Promise<Entry> {
    const full = path.join(abs, name);
    const relName = rel === '' ? name : `${rel}/${name}`;
    const shown = path.join(dir, relName);
    const link = await lstat(full);
    let target = full;
    let info = link;
    if (link.isSymbolicLink()) {
      try {
        target = await realpath(full);
        info = await stat(target);
      } catch {
        if (rules.ignores(relName, false)) return { kind: 'skip' };
        throw new UserError('is a symbolic link whose target does not exist', {
          where: shown,
          hint: 'Fix or remove the link, or list it in .helmignore',
        });
      }
      if (target !== root && !target.startsWith(root + path.sep)) {
        if (rules.ignores(relName, info.isDirectory())) return { kind: 'skip' };
        throw new UserError(`is a symbolic link that leaves the chart (to ${target})`, {
          where: shown,
          hint: 'Copy the file into the chart instead of linking to it, or list the link in .helmignore',
        });
      }
    }
    if (info.isDirectory()) return rules.ignores(relName, true) ? { kind: 'skip' } : { kind: 'dir', target, relName, shown };
    if (rules.ignores(relName, false)) return { kind: 'skip' };
    if (!info.isFile())
      throw new UserError('is not a regular file (a device, socket or pipe)', {
        where: shown,
        hint: 'Remove it from the chart or list it in .helmignore',
      });
    if (info.size > MAX_FILE_BYTES) {
      throw new UserError(`is ${info.size} bytes, over Helm's limit of ${MAX_FILE_BYTES} bytes (5 MiB) per chart file`, {
        where: shown,
        hint: 'Keep large files out of the chart (list them in .helmignore)',
      });
    }
    let data = await readFile(target);
    if (data.subarray(0, 3).equals(BOM)) data = data.subarray(3);
    return { kind: 'file', file: { name: relName, data } };
  }
}

type Entry =
  | { kind: 'skip' }
  | { kind: 'error'; error: unknown }
  | { kind: 'file'; file: ChartFile }
  | { kind: 'dir'; target: string; relName: string; shown: string };

async function readRules(root: string, dir: string): Promise<HelmIgnore> {
  let text: string;
  try {
    text = await readFile(path.join(root, '.helmignore'), 'utf8');
  } catch (err) {
    if (fsCode(err) === 'ENOENT') return HelmIgnore.defaults();
    throw err;
  }
  try {
    return HelmIgnore.parse(text);
  } catch (err) {
    throw new UserError((err as Error).message, {
      where: path.join(dir, '.helmignore'),
      hint: 'Fix the pattern (Go filepath.Match syntax; ** is not supported)',
    });
  }
}
