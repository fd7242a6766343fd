// A worker of gzip-parallel.ts: compresses the members it is sent, in order.
import { parentPort } from 'node:worker_threads';
import { gzipMember } from './gzip.js';

parentPort!.on('message', (job: { id: number; data: Uint8Array }) => {
  parentPort!.postMessage({ id: job.id, member: gzipMember(job.data) });
});
