import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { compareBytes } from '../util/bytes-order.js';

const MAGIC = /[*?[]/;

interface Line {
  text: string;
  exclude: boolean;
  segments: string[];
  absolute: boolean;
}

/**
 * The charts named by lines of paths and patterns (a face's chart list), read as `@actions/glob` reads patterns: `*`, `?` and
 * `[...]` within a path element, `**` for any number of folders, `!` lines that exclude what earlier
 * lines matched (with everything below it; the last line that matches a path decides), `#` comments.
 * A plain path is taken as it is (the loader says what is wrong with it). What a pattern matches is a
 * chart when it is a folder holding a Chart.yaml, a `.tgz`, or a Chart.yaml (its folder); anything
 * else it matches is passed over. `**` does not descend into a chart (its charts/ are part of it).
 * A pattern that matches no chart is an error, and so is a list that leaves none.
 */
export async function expandCharts(lines: string[], cwd = process.cwd()): Promise<string[]> {
  const parsed = lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map(parseLine);
  const foundBy = new Map<string, Set<number>>();
  for (const [i, line] of parsed.entries()) {
    if (line.exclude) continue;
    let charts = [line.text];
    if (line.segments.some((s) => MAGIC.test(s))) {
      charts = await findCharts(line, cwd);
      if (charts.length === 0)
        throw new UserError(`the pattern ${JSON.stringify(line.text)} matches no chart`, {
          hint: 'A pattern must match folders holding a Chart.yaml, or .tgz files',
        });
    }
    for (const c of charts) foundBy.set(c, (foundBy.get(c) ?? new Set()).add(i));
  }
  const kept = [...foundBy].filter(([c, by]) => included(parsed, c, by, cwd)).map(([c]) => c);
  if (kept.length === 0 && foundBy.size > 0)
    throw new UserError('every chart the list names is excluded by its ! lines', {
      hint: 'Remove the exclusion, or name a chart it does not cover',
    });
  return kept;
}

function parseLine(text: string): Line {
  const exclude = text.startsWith('!');
  const pattern = exclude ? text.slice(1).trim() : text;
  if (pattern === '') throw new UserError(`the chart line ${JSON.stringify(text)} names nothing`);
  return {
    text,
    exclude,
    absolute: pattern.startsWith('/'),
    segments: pattern.split('/').filter((s) => s !== '' && s !== '.'),
  };
}

/** In line order, an include line that found the chart keeps it and an exclusion that covers it drops it. */
function included(lines: Line[], candidate: string, foundBy: Set<number>, cwd: string): boolean {
  const parts = relativeParts(candidate, cwd);
  let keep = false;
  for (const [i, line] of lines.entries()) {
    if (!line.exclude) keep ||= foundBy.has(i);
    else if (keep && matchesOrIsBelow(line, parts, cwd)) keep = false;
  }
  return keep;
}

function relativeParts(p: string, cwd: string): string[] {
  return path.resolve(cwd, p).split(path.sep).filter(Boolean);
}

function patternParts(line: Line, cwd: string): string[] {
  return line.absolute ? line.segments : [...cwd.split(path.sep).filter(Boolean), ...line.segments];
}

function matchesOrIsBelow(line: Line, parts: string[], cwd: string): boolean {
  const pattern = patternParts(line, cwd);
  for (let n = parts.length; n >= 0; n--) if (matchSegments(pattern, parts.slice(0, n))) return true;
  return false;
}

function matchSegments(pattern: string[], parts: string[]): boolean {
  if (pattern.length === 0) return parts.length === 0;
  const [head, ...rest] = pattern;
  if (head === '**') {
    for (let skip = 0; skip <= parts.length; skip++) if (matchSegments(rest, parts.slice(skip))) return true;
    return false;
  }
  return parts.length > 0 && segmentRegExp(head).test(parts[0]) && matchSegments(rest, parts.slice(1));
}

const compiled = new Map<string, RegExp>();

/** One path element of a pattern as a RegExp: `*`, `?`, `[abc]`, `[a-z]`, `[!x]` / `[^x]`, `\` escapes. */
export function segmentRegExp(segment: string): RegExp {
  let re = compiled.get(segment);
  if (re) return re;
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '\\' && i + 1 < segment.length) out += escapeRe(segment[++i]);
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = end;
    } else out += escapeRe(c);
  }
  re = new RegExp(`^${out}$`, 's');
  compiled.set(segment, re);
  return re;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, (m) => `\\${m}`);
}

/** Walks the file system along one include pattern and returns the charts it matches, sorted. */
async function findCharts(line: Line, cwd: string): Promise<string[]> {
  const start = line.absolute ? '/' : '';
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = async (rel: string, segments: string[]): Promise<void> => {
    const abs = path.resolve(cwd, rel || '.');
    if (segments.length === 0) {
      const chart = await asChart(rel, abs);
      if (chart !== undefined) found.add(chart);
      return;
    }
    const [head, ...rest] = segments;
    if (head === '**') {
      await visit(rel, rest); // none
      if (await isChartDir(abs)) return; // a chart's own charts/ are part of it
      const real = await realpath(abs).catch(() => undefined);
      if (!real || seen.has(real)) return;
      seen.add(real);
      for (const name of await children(abs)) {
        if (name === '.git') continue;
        if (await isDir(path.join(abs, name))) await visit(join(rel, name), segments);
        else if (rest.length === 0) await visit(join(rel, name), []);
      }
      return;
    }
    if (!MAGIC.test(head)) return visit(join(rel, head.replace(/\\(.)/g, '$1')), rest);
    const re = segmentRegExp(head);
    for (const name of await children(abs)) if (re.test(name)) await visit(join(rel, name), rest);
  };
  await visit(start, line.segments);
  return [...found].sort(compareBytes);
}

function join(base: string, name: string): string {
  return base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`;
}

async function children(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort(compareBytes);
  } catch {
    return [];
  }
}

async function isDir(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

async function isChartDir(p: string): Promise<boolean> {
  return (await stat(path.join(p, 'Chart.yaml')).catch(() => undefined))?.isFile() ?? false;
}

/** What a matched path stands for: a chart folder, a packaged chart, a Chart.yaml's folder, or nothing. */
async function asChart(rel: string, abs: string): Promise<string | undefined> {
  const info = await stat(abs).catch(() => undefined);
  if (!info) return undefined;
  if (info.isDirectory()) return (await isChartDir(abs)) ? rel || '.' : undefined;
  if (rel.endsWith('.tgz')) return rel;
  if (path.basename(rel) === 'Chart.yaml') return path.dirname(rel);
  return undefined;
}
