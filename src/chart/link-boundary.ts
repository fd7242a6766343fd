import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * How far a chart folder's symbolic links may lead: the workspace when the chart is inside it
 * (a face gives it: the runner's checkout for the action), else the root of the git work tree holding the chart, else the
 * chart folder itself. Helm follows every link (a monorepo shares subcharts by linking them into
 * charts/); a link out of the repository could publish any file of the machine.
 */
export function linkBoundary(chartDir: string, workspace?: string): string {
  const chart = realpathSync(chartDir);
  if (workspace) {
    const ws = realOrSelf(workspace);
    if (isWithin(chart, ws)) return ws;
  }
  for (let dir = chart; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return chart;
  }
}

export function isWithin(target: string, root: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
