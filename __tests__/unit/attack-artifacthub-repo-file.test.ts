import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { findRepoMetadata } from '../../src/release/artifacthub.js';
import { UserError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp.js';

// Where artifacthub-repo.yml is read from: the `artifacthub-repo` input (any path), or the chart
// folder. Its bytes are pushed as they are, comments included, to the registry.
const VALID = 'owners:\n  - name: a\n    email: a@example.com\n';

test('artifacthub-repo naming /dev/zero is refused as not a file, not read until the heap runs out', { timeout: 60_000 }, async () => {
  await assert.rejects(findRepoMetadata('/nonexistent-chart', '/dev/zero'), (err: unknown) => {
    assert.ok(err instanceof UserError, String(err));
    assert.match(err.message, /not a regular file/);
    return true;
  });
});

test('artifacthub-repo naming a FIFO no one writes is refused, not waited on forever', { timeout: 60_000 }, async () => {
  const dir = await tempDir('chartlift-a24-fifo-');
  const fifo = path.join(dir, 'artifacthub-repo.yml');
  execFileSync('mkfifo', [fifo]);
  await assert.rejects(findRepoMetadata(dir), /not a regular file/);
});

test("a chart folder's artifacthub-repo.yml linking out of the repository is refused, its bytes not published", async () => {
  const root = await tempDir('chartlift-a24-link-');
  const outside = path.join(root, 'outside.yml');
  await writeFile(outside, `# a file of the machine, outside the repository\n${VALID}`);
  const repo = path.join(root, 'repo');
  const chart = path.join(repo, 'charts', 'app');
  await mkdir(path.join(repo, '.git'), { recursive: true });
  await mkdir(chart, { recursive: true });
  await symlink(outside, path.join(chart, 'artifacthub-repo.yml'));
  await assert.rejects(findRepoMetadata(chart), /links out of/);
});

test("a chart folder's artifacthub-repo.yml linking inside the repository is read", async () => {
  const repo = await tempDir('chartlift-a24-link-in-');
  const chart = path.join(repo, 'charts', 'app');
  await mkdir(path.join(repo, '.git'), { recursive: true });
  await mkdir(chart, { recursive: true });
  await writeFile(path.join(repo, 'artifacthub-repo.yml'), VALID);
  await symlink('../../artifacthub-repo.yml', path.join(chart, 'artifacthub-repo.yml'));
  const found = await findRepoMetadata(chart);
  assert.equal(found?.artifact.layer.toString(), VALID);
});
