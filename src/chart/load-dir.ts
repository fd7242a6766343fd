import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { UserError, fsCode } from '../errors.js';
import { compareBytes } from '../util/bytes-order.js';
import { MAX_FILE_BYTES, type ChartFile } from './chart.js';
import { warmGzipWorkers, WARM_BYTES } from './gzip-parallel.js';
import { HelmIgnore } from './helmignore.js';
import { isWithin } from './link-boundary.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The files of a chart folder as Helm's LoadDir reads them: a depth-first walk in byte order,
 * `.helmignore` applied, symlinks followed (refused when they lead out of `boundary`, the repository
 * or workspace, or loop), a UTF-8 BOM stripped, at most 5 MiB a file, nothing but regular files.
 *
 * Synchronous inside: a chart is many small files, and the promise API costs several times the
 * syscalls' own time for each of them (40 charts loaded in ~30 ms instead of ~110 ms).
 */
export async function readChartDir(dir: string, boundary = realpathSync(dir)): Promise<ChartFile[]> {
  const root = realpathSync(dir);
  const rules = readRules(root, dir);
  const files: ChartFile[] = [];
  let bytes = 0;
  walk(root, '', new Set([root]));
  return files;

  /** One folder, depth first, its entries in byte order. */
  function walk(abs: string, rel: string, ancestors: Set<string>): void {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => compareBytes(a.name, b.name));
    for (const dirent of entries) {
      const entry = inspect(abs, rel, dirent);
      if (entry.kind === 'file') {
        files.push(entry.file);
        // A chart this large is compressed across cores: the workers start while the rest is read.
        if (bytes < WARM_BYTES && (bytes += entry.file.data.length) >= WARM_BYTES) warmGzipWorkers();
      }
      if (entry.kind !== 'dir') continue;
      if (ancestors.has(entry.target))
        throw new UserError('is a symbolic link to one of its own parent folders', { where: entry.shown, hint: 'Remove the link loop' });
      walk(entry.target, entry.relName, new Set([...ancestors, entry.target]));
    }
  }

  function inspect(abs: string, rel: string, dirent: Dirent): Entry {
    const full = path.join(abs, dirent.name);
    const relName = rel === '' ? dirent.name : `${rel}/${dirent.name}`;
    const shown = path.join(dir, relName);
    if (dirent.isFile())
      return rules.ignores(relName, false) ? { kind: 'skip' } : { kind: 'file', file: { name: relName, data: readChartFile(full, shown) } };
    let target = full;
    let info: { isDirectory(): boolean; isFile(): boolean } = dirent;
    if (dirent.isSymbolicLink()) {
      try {
        target = realpathSync(full);
        info = statSync(target);
      } catch {
        if (rules.ignores(relName, false)) return { kind: 'skip' };
        throw new UserError('is a symbolic link whose target does not exist', {
          where: shown,
          hint: 'Fix or remove the link, or list it in .helmignore',
        });
      }
      if (!isWithin(target, boundary)) {
        if (rules.ignores(relName, info.isDirectory())) return { kind: 'skip' };
        const scope = boundary === root ? 'chart' : 'repository';
        throw new UserError(`is a symbolic link that leaves the ${scope} (to ${target})`, {
          where: shown,
          hint: `Copy the file into the ${scope} instead of linking to it, or list the link in .helmignore`,
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
    return { kind: 'file', file: { name: relName, data: readChartFile(target, shown) } };
  }
}

/** A regular file's bytes, its size checked before it is read, a UTF-8 BOM dropped. */
function readChartFile(file: string, shown: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      throw new UserError(`is ${size} bytes, over Helm's limit of ${MAX_FILE_BYTES} bytes (5 MiB) per chart file`, {
        where: shown,
        hint: 'Keep large files out of the chart (list them in .helmignore)',
      });
    }
    const data = Buffer.allocUnsafe(size);
    let got = 0;
    for (let n; got < size && (n = readSync(fd, data, got, size - got, got)) > 0;) got += n;
    return data.subarray(got >= 3 && data.subarray(0, 3).equals(BOM) ? 3 : 0, got);
  } finally {
    closeSync(fd);
  }
}

type Entry = { kind: 'skip' } | { kind: 'file'; file: ChartFile } | { kind: 'dir'; target: string; relName: string; shown: string };

function readRules(root: string, dir: string): HelmIgnore {
  let text: string;
  try {
    text = readFileSync(path.join(root, '.helmignore'), 'utf8');
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
