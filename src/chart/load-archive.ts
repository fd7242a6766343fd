import { gunzipSync } from 'node:zlib';
import type { ReadEntry } from 'tar';
import { UserError } from '../errors.js';
import { MAX_ARCHIVE_ENTRIES, MAX_CHART_BYTES, MAX_FILE_BYTES, UnpackBudget, type ChartFile } from './chart.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const REGULAR = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * The files of a packaged chart (`.tgz`, gzip required as Helm requires it), names relative to the chart root (the first path element
 * dropped, as Helm does). Refuses what no chart needs and an attacker would use: absolute paths,
 * `..`, links and devices, more than 100 MiB unpacked (a gzip bomb stops there), over 5 MiB a file.
 */
export async function readChartArchive(data: Buffer, where: string, budget = new UnpackBudget()): Promise<ChartFile[]> {
  const bad = (message: string, hint = 'Rebuild the archive with helm package or chartlift'): UserError =>
    new UserError(message, { where, hint });
  // Helm's LoadArchive reads only gzip ("does not appear to be a gzipped archive"): a plain tar pushed
  // as a chart could be neither shown nor installed, and its version would be burnt.
  if (data[0] !== 0x1f || data[1] !== 0x8b)
    throw bad('is not a gzipped archive (a chart is a .tgz: tar, then gzip)', 'Package it with helm package or chartlift');
  let tarBytes: Buffer;
  try {
    // A tar holds its files plus headers: the budget, with room for those, bounds what is inflated.
    tarBytes = gunzipSync(data, { maxOutputLength: Math.max(0, budget.remaining) + 1024 * 1024 });
  } catch (err) {
    if (err instanceof RangeError)
      throw bad(`unpacks to more than ${MAX_CHART_BYTES} bytes, nested archives included`, 'A chart must be smaller than 100 MiB unpacked');
    throw bad(`is not a valid gzip archive: ${(err as Error).message}`);
  }

  const { Parser } = await import('tar');
  const files: ChartFile[] = [];
  let problem: UserError | undefined;
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const fail = (e: UserError): void => {
          problem ??= e;
          entry.resume();
        };
        if (problem) return void entry.resume();
        const name = entry.path;
        if (files.length >= MAX_ARCHIVE_ENTRIES) return fail(bad(`holds more than ${MAX_ARCHIVE_ENTRIES} files`));
        if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\')) return fail(bad(`holds an absolute path: ${name}`));
        if (name.split(/[\\/]/).includes('..')) return fail(bad(`holds a path that climbs out of the chart: ${name}`));
        if (entry.type === 'Directory') return void entry.resume();
        if (!REGULAR.has(entry.type)) return fail(bad(`holds a ${entry.type} entry (${name}); charts contain regular files only`));
        if ((entry.size ?? 0) > MAX_FILE_BYTES)
          return fail(bad(`holds ${name} of ${entry.size} bytes, over the 5 MiB limit per chart file`));
        const parts = name.split(name.includes('\\') ? '\\' : '/');
        if (parts.length < 2 || parts.slice(1).join('/') === '') return fail(bad(`holds ${name} outside the chart's folder`));
        if (parts[0] === 'Chart.yaml') return fail(bad('holds Chart.yaml outside a chart folder'));
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => {
          // One chunk is a view of the unpacked tar: no copy (a large file is not held twice).
          let body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
          budget.take(body.length);
          if (budget.remaining < 0) {
            problem ??= bad(
              `unpacks to more than ${MAX_CHART_BYTES} bytes, nested archives included`,
              'A chart must be smaller than 100 MiB unpacked',
            );
            return;
          }
          if (body.subarray(0, 3).equals(BOM)) body = body.subarray(3);
          files.push({ name: parts.slice(1).join('/').replace(/\/+/g, '/'), data: body });
        });
      },
    });
    parser.on('error', (err: Error) => reject(bad(`is not a valid tar archive: ${err.message}`)));
    parser.on('warn', (_code: string, message: string | Error) => {
      problem ??= bad(`is not a valid tar archive: ${message instanceof Error ? message.message : message}`);
    });
    parser.on('end', () => resolve());
    parser.end(tarBytes);
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
