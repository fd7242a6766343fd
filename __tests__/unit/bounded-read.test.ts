import assert from 'node:assert/strict';
import { test } from 'node:test';
import YAML from 'yaml';
import { checkGoValues } from '../../src/chart/go-values.js';
import { BoundsError, CHART_YAML_BOUNDS, checkYamlBounds, readJson, readYaml, type YamlBounds } from '../../src/util/bounded-read.js';
import { loadYaml } from '../../src/util/yaml-lib.js';

// checkGoValues is the library's path (simple-yaml.ts's subset is tried before it, in checkValuesYaml).
await loadYaml();

const small: YamlBounds = { maxBytes: 10_000, maxNodes: 20, maxDepth: 5, maxAliases: 2 };

test('within bounds, YAML reads as the yaml package reads it (duplicate keys: the last wins, as in Helm)', () => {
  const text = 'a: 1\nb:\n  - x\n  - {y: [1, 2]}\nc: |\n  text\n';
  assert.deepEqual(readYaml(text, small), YAML.parse(text));
  assert.deepEqual(readYaml('a: 1\na: 2\n', small), { a: 2 });
  assert.equal(readYaml('', small), null);
});

test('nodes, bytes, aliases and depth past their bounds are refused before any tree is built', () => {
  const cases: Array<[string, RegExp]> = [
    [`a: [${Array(30).fill('1').join(',')}]`, /holds more than 20 YAML nodes/],
    [`list:\n${'- x\n'.repeat(30)}`, /holds more than 20 YAML nodes/],
    ['x'.repeat(10_001), /is 10001 bytes, over the 10000-byte bound/],
    ['a: &x 1\nb: [*x, *x, *x]\n', /holds more than 2 aliases/],
    ['a: [[[[[[1]]]]]]\n', /nests deeper than 5 levels/],
    ['a:\n b:\n  c:\n   d:\n    e:\n     f: 1\n', /nests deeper than 5 levels/],
    ['- - - - - - 1\n', /nests deeper than 5 levels/],
  ];
  for (const [text, says] of cases) {
    assert.throws(
      () => checkYamlBounds(text, small),
      (err: unknown) => err instanceof BoundsError && says.test(err.message),
      text.slice(0, 40),
    );
  }
  // Comments, block scalars and flow collections over lines do not count as depth.
  checkYamlBounds('a:\n  b: |\n        deep text\n            deeper\n  # a comment\n  c: [1,\n          2]\n', small);
});

test('the values check stops at the node bound: 2.6 million nodes are refused, 40,000 are checked', () => {
  const huge = `a: [${Array(2_600_000).fill('1').join(',')}]\n`;
  assert.throws(() => checkGoValues(huge), /holds more than 50000 YAML nodes/);
  checkGoValues(
    `a: [${Array(CHART_YAML_BOUNDS.maxNodes - 10)
      .fill('1')
      .join(',')}]\n`,
  );
  assert.throws(() => checkGoValues(`${'['.repeat(300)}${']'.repeat(300)}`), /nests deeper than 256 levels/);
});

test('JSON within bounds reads as JSON.parse reads it; strings count as one value whatever they hold', () => {
  const text = '{"a": [1, 2, {"b": "x,[{:\\"}]"}], "c": null}';
  assert.deepEqual(readJson(text, small), JSON.parse(text));
  assert.throws(() => readJson('{"a": [1, 2', small), SyntaxError);
  const cases: Array<[string, RegExp]> = [
    [`[${Array(30).fill('{}').join(',')}]`, /holds more than 20 JSON values/],
    ['[[[[[[1]]]]]]', /nests deeper than 5 levels/],
    [`"${'x'.repeat(10_000)}"`, /is 10002 bytes, over the 10000-byte bound/],
  ];
  for (const [text, says] of cases) {
    assert.throws(
      () => readJson(text, small),
      (err: unknown) => err instanceof BoundsError && says.test(err.message),
      text.slice(0, 40),
    );
  }
  readJson(`["${',[{'.repeat(1000)}"]`, small);
});

test('empty documents count: a million `---` lines (each an object when parsed) are refused before parsing', () => {
  for (const marker of ['---\n', '...\n', '--- \n', '%YAML 1.1\n---\n']) {
    const text = 'a: 1\n' + marker.repeat(60_000);
    assert.throws(() => checkYamlBounds(text, CHART_YAML_BOUNDS), BoundsError, JSON.stringify(marker));
    assert.throws(() => checkGoValues(text), BoundsError, JSON.stringify(marker));
  }
  // A few documents stay well within.
  assert.doesNotThrow(() => checkYamlBounds('a: 1\n---\nb: 2\n...\n', CHART_YAML_BOUNDS));
});

test('what the parser pays dearly for, found by attacking the bounds, is refused before parsing', () => {
  const cases: Array<[string, string]> = [
    ['400 KB of stray ]', 'a: 1\n' + ']'.repeat(400_000)],
    ['a flow list of 200,000 empty entries', 'a: [' + ','.repeat(200_000) + ']\n'],
    ['5 MiB of ": "', ': '.repeat(2_600_000)],
    ['66,000 anchors', '&a '.repeat(66_000)],
    ['66,000 tags', '!a '.repeat(66_000)],
    ['2.6 million comment lines', '#\n'.repeat(2_600_000)],
    ['2.6 million tab lines', '\t\n'.repeat(2_600_000)],
  ];
  for (const [what, text] of cases) assert.throws(() => checkYamlBounds(text, CHART_YAML_BOUNDS), BoundsError, what);
  // What charts hold stays within: flow lists, a few anchors and tags, comments.
  const normal = '# values\na: [1, 2, {b: c}]\nbase: &base {x: 1}\nuse: *base\nbin: !!binary aGVsbG8=\nlist:\n  - one\n  - two\n';
  assert.doesNotThrow(() => checkYamlBounds(normal, CHART_YAML_BOUNDS));
});
