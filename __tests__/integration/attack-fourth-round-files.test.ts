import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { CLI } from '../helpers/cli.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { CLOSED_PORT } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// The files `chartlift publish` reads from its settings: the identity token, the plan (--expect-digest
// @FILE), the signing key and its passphrase, the CA bundle. the bounded reader (then read-file-bounded.ts, now src/util/read-regular-file.ts) promised "a
// path naming a device (/dev/zero, /dev/stdin, a FIFO) or a huge file ends in an error, not a hang or
// an exhausted heap". Measured (dist/cli, Node 24, 2 shared cores): each FIFO below (no writer) hangs
// the command until it is killed (15 s and 30 s tried: open(2) of a FIFO waits for a writer, and the
// read after it has no time bound); --ca-file /dev/zero reads 5 s and 660 MB of resident memory before
// "Invalid string length" (readCaFile reads the whole file, unbounded). Nothing here is pushed: the
// registry is a closed port, every setting is read before anything is done.

let work: string;
let chart: string;
let fifo: string;
let env: NodeJS.ProcessEnv;

before(async () => {
  work = await tempDir('chartlift-attack4-files-');
  ({ env } = await helmHome());
  chart = path.join(work, 'c');
  await mkdir(chart);
  await writeFile(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
  fifo = path.join(work, 'fifo');
  await run('mkfifo', [fifo]);
});

// A publish that reads its settings and finds a closed port ends in a second: 30 s is a hang, not slowness.
const LIVENESS_MS = 30_000;

async function publish(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return exec(
    process.execPath,
    [CLI, 'publish', chart, '--ref', `oci://127.0.0.1:${CLOSED_PORT}/charts`, '--plain-http', '--cache', path.join(work, 'cache'), ...args],
    { env: { ...env, ...extraEnv }, timeoutMs: LIVENESS_MS },
  );
}

const fifoCases: Array<[string, () => string[]]> = [
  ['--identity-token-file', () => ['--keyless-sign', '--identity-token-file', fifo]],
  ['--expect-digest @FILE', () => ['--expect-digest', `@${fifo}`]],
  ['--sign-key', () => ['--sign-key', fifo]],
  ['--sign-passphrase-file', () => ['--sign-key', '/dev/null', '--sign-passphrase-file', fifo]],
  ['--ca-file', () => ['--ca-file', fifo]],
];

for (const [flag, args] of fifoCases) {
  test(`${flag} naming a FIFO no one writes to: refused, naming it, not waited on for ever`, async () => {
    const r = await publish(args());
    // exec reports a command it had to kill as code -1.
    assert.notEqual(r.code, -1, `chartlift publish ${flag} FIFO was still running after ${LIVENESS_MS} ms and was killed`);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /FIFO|not a (regular )?file/, r.stderr);
  });
}

test('--ca-file /dev/zero: refused once past what a CA bundle is, not read until the heap gives out', async () => {
  // Measured before: 5.1 s, 675 MB maximum resident set, then "cannot read the CA file (Invalid string length)".
  const r = await publish(['--ca-file', '/dev/zero']);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /Invalid string length/, 'the whole device was read into one string');
  assert.match(r.stderr, /larger than|not a (regular )?file|device/, r.stderr);
});
