import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HelmIgnore } from '../../src/chart/helmignore.js';

// [rules, path, isDir, ignored] — read off pkg/ignore/rules.go; the corpus test checks the same against helm.
const cases: Array<[string, string, boolean, boolean]> = [
  ['', 'foo', false, false],
  ['bar', 'foo', false, false],
  ['foo', 'foo', false, true],
  ['f*', 'foo', false, true],
  ['*.txt', 'helm.txt', false, true],
  ['a.txt', 'cargo/a.txt', false, true],
  ['*.txt', 'cargo/a.txt', false, true],
  ['cargo/*.txt', 'cargo/a.txt', false, true],
  ['/cargo/*.txt', 'cargo/a.txt', false, true],
  ['/a.txt', 'cargo/a.txt', false, false],
  ['/a.txt', 'a.txt', false, true],
  ['cargo/', 'cargo', true, true],
  ['cargo/', 'cargo', false, false],
  ['cargo/', 'x/cargo', true, true],
  ['cargo/*.txt', 'x/cargo/a.txt', false, false],
  ['.*', '.helmignore', false, true],
  ['.*', '.', true, false],
  ['#comment', '#comment', false, false],
  ['  spaced.txt  ', 'spaced.txt', false, true],
  ['!a.txt', 'a.txt', false, false],
  ['!a.txt', 'b.txt', false, true],
  ['!a.txt', 'templates', true, true],
  ['!docs/', 'docs', true, false],
  ['!docs/', 'docs.txt', false, true],
  ['*.txt\n!a.txt', 'a.txt', false, true],
  ['!*.yaml\n*.tmp', 'x.tmp.yaml', false, false],
  ['', 'templates/.hidden', false, true],
  ['', 'templates/.', false, false],
  ['', 'templates/x/.hidden', false, false],
  ['', 'x/templates/.hidden', false, false],
  ['weird\\*name', 'weird*name', false, true],
  ['weird\\*name', 'weirdXname', false, false],
];

for (const [rules, path, isDir, want] of cases) {
  test(`${JSON.stringify(rules)} on ${path}${isDir ? '/' : ''} → ${want ? 'ignored' : 'kept'}`, () => {
    assert.equal(HelmIgnore.parse(rules).ignores(path, isDir), want);
  });
}

test('** is refused, as Helm refuses it, naming the line', () => {
  assert.throws(() => HelmIgnore.parse('ok\nfoo/**/bar\n'), /line 2: double-star/);
});

test('a malformed glob is refused', () => {
  assert.throws(() => HelmIgnore.parse('[x-]\n'), /syntax error in pattern/);
});
