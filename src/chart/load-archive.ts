import { UserError } from '../errors.js';
import { TarError, TarReader } from './tar-reader.js';
import { MAX_ARCHIVE_ENTRIES, MAX_CHART_BYTES, MAX_FILE_BYTES, UnpackBudget, type ChartFile } from './chart.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The files of a packaged chart (`.tgz`, gzip required as Helm requires it), names relative to the chart root (the first path element
 * dropped, then cleaned as Go's path.Clean does: Helm's names). The one reader of chart archives (load,
 * compare and export all use it), read with the strict tar reader (tar-reader.ts: what Go's archive/tar,
 * Helm's reader, could read differently is refused). Refuses what no chart needs and an attacker would use: absolute paths,
 * `..`, links and devices, a name twice (Helm keeps the last, so two readers would see two charts), a
 * name both a file and a folder, over 5 MiB a file, and more than 100 MiB inflated: every byte gunzip
 * yields counts (headers, padding, data after the end of the tar), shared with the nested archives,
 * and inflating stops as soon as the budget is passed.
 */
export async function readChartArchive(data: Buffer, where: string, budget = new UnpackBudget()): Promise<ChartFile[]> {
  const bad = (message: string, hint = 'Rebuild the archive with helm package or chartlift'): UserError =>
    new UserError(message, { where, hint });
  // Helm's LoadArchive reads only gzip ("does not appear to be a gzipped archive"): a plain tar pushed
  // as a chart could be neither shown nor installed, and its version would be burnt.
  if (data[0] !== 0x1f || data[1] !== 0x8b)
    throw bad('is not a gzipped archive (a chart is a .tgz: tar, then gzip)', 'Package it with helm package or chartlift');
  const overBudget = () =>
    bad(`unpacks to more than ${MAX_CHART_BYTES} bytes, nested archives included`, 'A chart must be smaller than 100 MiB unpacked');
  const files: ChartFile[] = [];
  /** Cleaned name -> the entry name it came from. */
  const seen = new Map<string, string>();
  const reader = new TarReader((entry) => {
    const name = entry.name;
    if (seen.size >= MAX_ARCHIVE_ENTRIES) throw bad(`holds more than ${MAX_ARCHIVE_ENTRIES} files`);
    if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\')) throw bad(`holds an absolute path: ${name}`);
    if (name.split(/[\\/]/).includes('..')) throw bad(`holds a path that climbs out of the chart: ${name}`);
    if (entry.type === 'Directory') return undefined;
    if (entry.type !== 'File') throw bad(`holds a ${entry.type} entry (${name}); charts contain regular files only`);
    if (entry.size > MAX_FILE_BYTES) throw bad(`holds ${name} of ${entry.size} bytes, over the 5 MiB limit per chart file`);
    const parts = name.split(name.includes('\\') ? '\\' : '/');
    const rest = parts.slice(1).join('/');
    if (rest.startsWith('/')) throw bad(`holds an absolute path: ${name}`);
    const clean = goCleanPath(rest);
    // Helm's own checks on the cleaned name (LoadArchiveFiles): a drive letter, or any name that
    // starts with `..` (`..foo` too), is refused there.
    if (/^[a-zA-Z]:\//.test(clean)) throw bad(`holds an absolute path: ${name}`);
    if (clean.startsWith('..')) throw bad(`holds a path that climbs out of the chart: ${name}`);
    if (parts.length < 2 || clean === '.') throw bad(`holds ${name} outside the chart's folder`);
    if (parts[0] === 'Chart.yaml') throw bad('holds Chart.yaml outside a chart folder');
    const before = seen.get(clean);
    if (before !== undefined)
      throw bad(
        `holds ${clean} twice (${JSON.stringify(before)} and ${JSON.stringify(name)}): Helm would read the last one`,
        'Rebuild the archive with helm package or chartlift: a chart holds each file once',
      );
    seen.set(clean, name);
    // One chunk is a view of the unpacked tar: no copy (a large file is not held twice).
    return (body: Buffer) => files.push({ name: clean, data: body.subarray(0, 3).equals(BOM) ? body.subarray(3) : body });
  });
  let problem: UserError | undefined;
  const stop = (err: unknown): void => {
    problem ??= err instanceof TarError ? bad(err.message) : (err as UserError);
  };
  await new Promise<void>((resolve, reject) => {
    // Inflated a chunk at a time, each counted before the tar reader sees it. What follows the tar's
    // end-of-archive blocks is counted and not parsed; after a refusal the rest is only counted, so
    // the budget is reported first, whatever the entries said (as when the archive was inflated first).
    // Loaded here: a chart folder's publish never needs zlib (about 2 MiB once loaded).
    const { createGunzip } = process.getBuiltinModule('node:zlib');
    const gunzip = createGunzip({ chunkSize: 64 * 1024 });
    gunzip.on('data', (chunk: Buffer) => {
      budget.take(chunk.length);
      if (budget.remaining >= 0) {
        if (!problem && !reader.ended) {
          try {
            reader.write(chunk);
          } catch (err) {
            stop(err);
          }
        }
        return;
      }
      problem = overBudget();
      gunzip.destroy();
      resolve();
    });
    gunzip.on('error', (err: Error) => reject(bad(`is not a valid gzip archive: ${err.message}`)));
    gunzip.on('end', () => {
      if (!problem) {
        try {
          reader.end();
        } catch (err) {
          stop(err);
        }
      }
      resolve();
    });
    gunzip.end(data);
  });
  if (problem) throw problem;
  if (files.length === 0) throw bad('holds no files');
  // A name that is a file and also a folder of other files cannot be unpacked (nor is it a chart).
  const names = new Set(files.map((f) => f.name));
  for (const f of files) {
    for (let i = f.name.indexOf('/'); i > 0; i = f.name.indexOf('/', i + 1)) {
      if (names.has(f.name.slice(0, i))) throw bad(`holds ${f.name.slice(0, i)} both as a file and as a folder`);
    }
  }
  return files;
}

/** Go's path.Clean for a relative path: no empty or `.` elements, `..` folded, `.` for nothing. */
export function goCleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.length > 0 ? out.join('/') : '.';
}
