import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printable, printableLine } from '../../src/util/printable.js';

test('printable: controls, line breaks, bidi and zero-width characters become \\u escapes; other text is kept', () => {
  const cases: Array<[string, string]> = [
    ['plain text, ümlauts, 日本語, emoji 🚀', 'plain text, ümlauts, 日本語, emoji 🚀'],
    ['a\nb\r\nc\td', 'a\\u000ab\\u000d\\u000ac\\u0009d'],
    ['\u001b]0;title\u0007\u001b[2J', '\\u001b]0;title\\u0007\\u001b[2J'],
    ['\u007f\u0085\u009b2J', '\\u007f\\u0085\\u009b2J'],
    ['\u2028\u2029', '\\u2028\\u2029'],
    ['\u202aa\u202eb\u2066c\u2069d\u200ee\u200ff\u061c', '\\u202aa\\u202eb\\u2066c\\u2069d\\u200ee\\u200ff\\u061c'],
    ['zero\u200bwidth\u200c\u200d\u2060\ufeff', 'zero\\u200bwidth\\u200c\\u200d\\u2060\\ufeff'],
  ];
  for (const [input, want] of cases) assert.equal(printable(input), want, JSON.stringify(input));
  const once = printable('x\n\u001b\u202e');
  assert.equal(printable(once), once, 'escaping twice changes nothing');
});

test('printableLine: one line that a runner never reads as a workflow command', () => {
  assert.equal(printableLine('::add-mask::sha256'), '\\u003a:add-mask::sha256');
  assert.equal(printableLine('  ::warning::x'), '  \\u003a:warning::x');
  assert.equal(printableLine('denied\n::stop-commands::x'), 'denied\\u000a::stop-commands::x');
  assert.equal(printableLine('a ##[add-mask]b'), 'a ##\\u005badd-mask]b');
  assert.equal(printableLine('look up a::b failed'), 'look up a::b failed', 'a `::` inside a line is text');
  assert.equal(printableLine('\t::error::x'), '\t\\u003a:error::x');
  assert.equal(printableLine('REF\tNAME\u001b'), 'REF\tNAME\\u001b', 'TAB lays out tables');
});

test('printable: what draws nothing or hides text is escaped too (tag characters, fillers, soft hyphen, lone surrogates)', () => {
  const hidden = [
    '\u{e0041}\u{e0042}', // Unicode tag characters: "AB" invisible
    '\u3164',
    '\uffa0',
    '\u115f',
    '\u00ad',
    '\u180e',
    '\u2800',
    '\u034f',
    '\ufe0f',
    '\ufff9',
    '\ud800', // a lone surrogate
    '\ue000', // private use
    '\u{e0100}',
  ];
  for (const h of hidden) {
    const out = printable(`a${h}b`);
    assert.match(out, /^a(\\u([0-9a-f]{4}|\{[0-9a-f]+\}))+b$/, JSON.stringify(h));
  }
  assert.equal(printable('\u{e0041}'), '\\u{e0041}');
  // Text that draws as itself is kept.
  assert.equal(printable('chart — 1.2.0 … ok, größe, 中文, ✓'), 'chart — 1.2.0 … ok, größe, 中文, ✓');
});
