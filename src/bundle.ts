/**
 * The one bundle's entry (dist/index.js): the action's steps, or the CLI when dist/cli/index.js
 * started it, or a worker thread of gzip-parallel.ts. One build, so the faces share their chunks
 * instead of each carrying a copy; each face is loaded only when it runs, and neither imports the other.
 */
import { headStart } from './action/head-start.js';
import { setWorkerEntry } from './util/worker-entry.js';

// A gzip worker is told by its argv (node:worker_threads is not loaded on the way to the faces).
if (process.argv.includes('--chartlift-gzip-worker')) {
  await import('./chart/gzip-worker.js');
} else {
  const face = (globalThis as { chartliftFace?: string }).chartliftFace;
  // The action's first registry request goes out now, and is answered while the chunks below compile.
  if (face !== 'cli') headStart();
  setWorkerEntry(new URL(import.meta.url));
  await (face === 'cli' ? import('./cli.js') : import('./index.js'));
}
