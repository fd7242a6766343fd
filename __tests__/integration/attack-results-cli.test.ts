import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';
import { helmHome } from '../helpers/helm-env.js';

// The CLI's own option errors where --version is not where it belongs, or its value looks like an
// option: one line that names --version and what to do, never another command's error, the help
// with exit 0, or Node's parser's words.
const cases: Array<[string[], RegExp]> = [
  // --version took "chart" as its value, and "list" was called an unknown command.
  [['--version', 'chart', 'list'], /--version/],
  // A value for Chartlift's own --version: the general help, exit 0.
  [['--version=3'], /--version/],
  [['--version='], /--version/],
  // Node's parser: "Option '--version' argument is ambiguous".
  [['chart', 'pull', 'oci://127.0.0.1:9/x/y', '--version', '--plain-http'], /--version needs a value/],
  [['chart', 'export', 'oci://127.0.0.1:9/x/y', '--version', '-d'], /--version needs a value/],
  // A digest is not a tag: "the tag "0000…" and --version 1.0.0 differ".
  [['chart', 'pull', `oci://127.0.0.1:9/x/y@sha256:${'0'.repeat(64)}`, '--version', '1.0.0'], /digest/],
];

for (const [argv, want] of cases) {
  test(`chartlift ${argv.join(' ')}: one line naming --version, exit 1`, async () => {
    const { env } = await helmHome();
    const r = await cli(argv, { env });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], want);
    assert.doesNotMatch(lines[0], /ambiguous|unknown command|the tag "0+"/);
  });
}

test('a --version of 100,000 characters: the error quotes at most a few hundred', async () => {
  const { env } = await helmHome();
  const r = await cli(['chart', 'pull', 'oci://127.0.0.1:9/x/y', '--version', '1'.repeat(100_000)], { env });
  assert.equal(r.code, 1);
  assert.ok(r.stderr.length < 1000, `${r.stderr.length} characters`);
});
