// Run as a script (by gzip-members.test.ts): gzips the file argv[2] with gzipParallel on a pool of
// workers for argv[3] cores, and prints the result's sha256 and how many workers compressed.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { setWorkerEntry } from '../../src/util/worker-entry.js';
import { closeGzipWorkers, gzipParallel, gzipWorkerCount, piecesOf, warmGzipWorkers } from '../../src/chart/gzip-parallel.js';

// argv[4] 'broken': workers that stop at once, as a crashed one would.
const worker = process.argv[4] === 'broken' ? './gzip-broken-worker.mjs' : '../../src/chart/gzip-worker.ts';
setWorkerEntry(new URL(worker, import.meta.url));
warmGzipWorkers(Number(process.argv[3]));
const gz = await gzipParallel(piecesOf(readFileSync(process.argv[2])));
process.stdout.write(`${createHash('sha256').update(gz).digest('hex')} ${gzipWorkerCount()}\n`);
// From the sources, each worker runs tsx's loader, whose port would keep this script alive.
await closeGzipWorkers();
