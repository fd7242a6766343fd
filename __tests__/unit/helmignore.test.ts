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

test('a malformed part filepath.Match never reaches on "abc" is taken, as Helm takes it (measured: zz*[, x\\)', () => {
  // "zz" fails on "abc" and filepath.Match answers no without reading "*[" (path.Match would report it).
  const rules = HelmIgnore.parse('zz*[\n');
  assert.equal(rules.ignores('zz.txt', false), false);
  assert.equal(rules.ignores('abc', false), false);
  // Helm refuses these (measured with helm 3.17.3 and 4.1.4): the bad part is reached on "abc".
  for (const bad of ['x[', '*[', 'a*b[', '?x[', '[a]x[', '[^a']) assert.throws(() => HelmIgnore.parse(`${bad}\n`), /syntax error/, bad);
});

test("lines are trimmed as Go's strings.TrimSpace trims: U+0085 goes, U+FEFF stays (only line 1 drops a BOM)", () => {
  const rules = HelmIgnore.parse('\ufefffirst.txt\nsecret.txt\u0085\n\ufeffnotes.txt\n\u00a0nbsp.txt\u3000\n');
  assert.equal(rules.ignores('first.txt', false), true);
  assert.equal(rules.ignores('secret.txt', false), true);
  assert.equal(rules.ignores('notes.txt', false), false);
  assert.equal(rules.ignores('\ufeffnotes.txt', false), true);
  assert.equal(rules.ignores('nbsp.txt', false), true);
});
