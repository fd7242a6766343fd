import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exec } from '../helpers/exec.js';
import { tempDir } from '../helpers/temp.js';

const INCREMENT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'lock-increment.mts');

// The cache's index.json and the credential files are changed under one lock file. Holders that exit
// at once (a CLI run) leave a waiter judging a lock stale by a process that is gone, while the next
// holder has already taken a new lock: breaking "the stale lock" must not break that one.
test('80 processes that each take the lock, add 1 and exit: the counter ends at 80 (no update lost)', async () => {
  const dir = await tempDir('chartlift-lock-');
  const counter = path.join(dir, 'counter');
  for (let round = 0; round < 2; round++) {
    await writeFile(counter, '0');
    const runs = await Promise.all(
      Array.from({ length: 80 }, () => exec(process.execPath, ['--import', 'tsx', INCREMENT, counter], { timeoutMs: 120_000 })),
    );
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    assert.equal(Number(await readFile(counter, 'utf8')), 80, `round ${round}: updates were lost`);
  }
});
