import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChanges } from '../../src/artifact/artifacthub-annotations.js';
import { markdownText, releaseNotes } from '../../src/artifact/release-notes.js';

// Release notes from `artifacthub.io/changes`, in both forms Artifact Hub accepts (its docs'
// examples, docs/helm_annotations.md), laid out as its changelog.md, everything from the chart escaped.
const notes = (changes: string) => releaseNotes({ 'artifacthub.io/changes': changes });

test('a list of strings: one item each, no heading (Artifact Hub gives them no kind)', async () => {
  assert.equal(await notes('- Added cool feature\n- Fixed minor bug\n'), '- Added cool feature\n- Fixed minor bug\n');
});

test('a list of changes: grouped by kind in Artifact Hub’s order (not the order written), kinds compared lower-cased, links after each', async () => {
  const md = await notes(
    [
      '- kind: security',
      '  description: CVE-2026-0001 fixed in the image',
      '- kind: Fixed',
      '  description: Minor bug',
      '- kind: added',
      '  description: Cool feature',
      '  links:',
      '    - name: GitHub Issue',
      '      url: https://github.com/issue-url',
      '    - name: Related PR',
      '      url: https://github.com/pr-url',
      '- description: a change with no kind',
      '- kind: deprecated',
      '  description: the old value',
      '',
    ].join('\n'),
  );
  assert.equal(
    md,
    [
      '- a change with no kind',
      '',
      '### Added',
      '',
      '- Cool feature ([GitHub Issue](https://github.com/issue-url), [Related PR](https://github.com/pr-url))',
      '',
      '### Deprecated',
      '',
      '- the old value',
      '',
      '### Fixed',
      '',
      '- Minor bug',
      '',
      '### Security',
      '',
      '- CVE-2026-0001 fixed in the image',
      '',
    ].join('\n'),
  );
});

test('no annotation, an empty list, or one Artifact Hub refuses: no notes', async () => {
  assert.equal(await releaseNotes({}), undefined);
  assert.equal(await notes(''), undefined);
  assert.equal(await notes('[]'), undefined);
  assert.equal(await notes('- kind: add\n  description: x\n'), undefined, 'an unknown kind: Artifact Hub refuses the whole annotation');
  assert.equal(await notes('- [a, b]\n'), undefined);
  // A key Go's yaml drops is dropped here too: the change itself stands.
  assert.equal(await notes('- kind: added\n  description: x\n  descripton: typo\n'), '### Added\n\n- x\n');
});

test('everything from the chart is text: markup, HTML, entities, mentions, math and line breaks are escaped', async () => {
  const md = await notes(
    [
      '- kind: fixed',
      '  description: "*bold* _it_ `code` [link](https://evil.example) <img src=x onerror=alert(1)> &amp; @team $x$ ~~gone~~ a|b"',
      '',
    ].join('\n'),
  );
  assert.equal(
    md,
    '### Fixed\n\n- \\*bold\\* \\_it\\_ \\`code\\` \\[link\\]\\(https://evil.example\\) \\<img src=x onerror=alert\\(1\\)\\> \\&amp; \\@team \\$x\\$ \\~\\~gone\\~\\~ a\\|b\n',
  );
  assert.equal(await notes('- "# not a heading"\n- "- nor an item"\n'), '- \\# not a heading\n- \\- nor an item\n');
});

test('each line-start construct stays text inside its list item; a line break stays on the line', async () => {
  assert.equal(markdownText('# heading'), '\\# heading');
  assert.equal(markdownText('> quote'), '\\> quote');
  assert.equal(markdownText('- item'), '\\- item');
  assert.equal(markdownText('+ item'), '\\+ item');
  assert.equal(markdownText('1. first'), '1\\. first');
  assert.equal(markdownText('12) twelfth'), '12\\) twelfth');
  assert.equal(markdownText('    indented'), 'indented');
  assert.equal(markdownText('one\n\ntwo'), 'one\\\\u000a\\\\u000atwo');
  assert.equal(
    markdownText('v1.2.3: fixed #12, sha-256'),
    'v1.2.3: fixed #12, sha-256',
    'punctuation that means nothing there is left as it is',
  );
});

test('a link to anything but http(s) is no link: its name is written as text; a URL’s parentheses are encoded', async () => {
  const md = await notes(
    [
      '- kind: changed',
      '  description: links',
      '  links:',
      '    - name: click',
      '      url: "javascript:alert(1)"',
      '    - name: "[x](y)"',
      '      url: "https://example.com/a (b)/c?d=<e>"',
      '',
    ].join('\n'),
  );
  assert.equal(md, '### Changed\n\n- links (click, [\\[x\\]\\(y\\)](https://example.com/a%20%28b%29/c?d=%3Ce%3E))\n');
});

test('parseChanges returns the changes Artifact Hub keeps, or the problems it would refuse them for', async () => {
  assert.deepEqual(parseChanges('- kind: Added\n  description: x\n  links:\n    - name: n\n      url: u\n'), {
    changes: [{ kind: 'added', description: 'x', links: [{ name: 'n', url: 'u' }] }],
    problems: [],
  });
  assert.deepEqual(parseChanges('- one\n- 2\n'), {
    changes: [
      { kind: '', description: 'one', links: [] },
      { kind: '', description: '2', links: [] },
    ],
    problems: [],
  });
  const bad = parseChanges('- kind: added\n');
  assert.equal(bad.changes, undefined);
  assert.deepEqual(bad.problems, ['[0]: no description']);
});
