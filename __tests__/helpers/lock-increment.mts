// One short-lived process: adds 1 to a counter file under the project's file lock, then exits.
import { readFileSync, writeFileSync } from 'node:fs';
import { withFileLock } from '../../src/util/file-lock.js';

const file = process.argv[2];
await withFileLock(`${file}.lock`, async () => {
  const n = Number(readFileSync(file, 'utf8'));
  await new Promise((r) => setTimeout(r, 1));
  writeFileSync(file, String(n + 1));
});
