import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { compareBytes } from '../util/bytes-order.js';
import { goMatch } from './go-match.js';

const MAGIC = /[*?[]/;

/**
 * The charts named by the `chart` input's lines: plain paths as they are, glob lines (`charts/*`,
 * `charts/*.tgz`, Go's filepath.Match syntax per path element) expanded to the folders holding a
 * Chart.yaml and the `.tgz` files they match, sorted. A glob that finds no chart is an error.
 */
export async function expandCharts(lines: string[], cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
    if (!MAGIC.test(line)) {
      out.push(line);
      continue;
    }
    const found = (await expand(line, cwd)).filter(Boolean) as string[];
    const charts: string[] = [];
    for (const p of found) {
      const abs = path.resolve(cwd, p);
      const info = await stat(abs);
      if (info.isFile() && p.endsWith('.tgz')) charts.push(p);
      else if (info.isDirectory() && (await stat(path.join(abs, 'Chart.yaml')).catch(() => undefined))) charts.push(p);
    }
    if (charts.length === 0)
      throw new UserError(`the pattern ${JSON.stringify(line)} matches no chart`, {
        hint: 'A pattern must match folders holding a Chart.yaml, or .tgz files',
      });
    out.push(...charts);
  }
  return [...new Set(out)];
}

async function expand(pattern: string, cwd: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let current = [absolute ? '/' : ''];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of current) {
      if (!MAGIC.test(part)) {
        next.push(base === '' ? part : path.join(base, part));
        continue;
      }
      let names: string[];
      try {
        names = await readdir(path.resolve(cwd, base || '.'));
      } catch {
        continue;
      }
      for (const name of names.sort(compareBytes)) {
        if (name.startsWith('.') && !part.startsWith('.')) continue;
        if (goMatch(part, name)) next.push(base === '' ? name : path.join(base, name));
      }
    }
    current = next;
  }
  return current;
}
