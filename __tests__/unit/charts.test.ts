import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { expandCharts, segmentRegExp } from '../../src/release/charts.js';
import { tempDir } from '../helpers/temp.js';

let root: string;
const chart = async (dir: string): Promise<void> => {
  await mkdir(path.join(root, dir), { recursive: true });
  await writeFile(path.join(root, dir, 'Chart.yaml'), 'apiVersion: v2\nname: x\nversion: 1.0.0\n');
};

before(async () => {
  root = await tempDir('chartlift-glob-');
  for (const dir of [
    'charts/a',
    'charts/b',
    'charts/legacy',
    'charts/team/web',
    'charts/team/api',
    'charts/umbrella',
    'charts/umbrella/charts/sub',
    'other/c',
  ])
    await chart(dir);
  await mkdir(path.join(root, 'charts/docs'), { recursive: true });
  await writeFile(path.join(root, 'charts/docs/README.md'), 'not a chart\n');
  await writeFile(path.join(root, 'charts/packed-1.0.0.tgz'), 'x');
});

// [lines, charts] — the @actions/glob syntax, charts only.
const cases: Array<[string[], string[]]> = [
  [['charts/*'], ['charts/a', 'charts/b', 'charts/legacy', 'charts/packed-1.0.0.tgz', 'charts/umbrella']],
  [
    ['charts/**'],
    ['charts/a', 'charts/b', 'charts/legacy', 'charts/packed-1.0.0.tgz', 'charts/team/api', 'charts/team/web', 'charts/umbrella'],
  ],
  [
    ['charts/**', '!charts/legacy'],
    ['charts/a', 'charts/b', 'charts/packed-1.0.0.tgz', 'charts/team/api', 'charts/team/web', 'charts/umbrella'],
  ],
  [
    ['charts/**', '!charts/team', '# a comment', ''],
    ['charts/a', 'charts/b', 'charts/legacy', 'charts/packed-1.0.0.tgz', 'charts/umbrella'],
  ],
  [
    ['charts/**', '!charts/team', 'charts/team/web'],
    ['charts/a', 'charts/b', 'charts/legacy', 'charts/packed-1.0.0.tgz', 'charts/team/web', 'charts/umbrella'],
  ],
  [
    ['!charts/a', 'charts/*'],
    ['charts/a', 'charts/b', 'charts/legacy', 'charts/packed-1.0.0.tgz', 'charts/umbrella'],
  ],
  [['charts/[ab]'], ['charts/a', 'charts/b']],
  [
    ['charts/[!ab]*', '!charts/*.tgz'],
    ['charts/legacy', 'charts/umbrella'],
  ],
  [['charts/?'], ['charts/a', 'charts/b']],
  [
    ['**/Chart.yaml', '!charts/team/**', '!charts/umbrella'],
    ['charts/a', 'charts/b', 'charts/legacy', 'other/c'],
  ],
  [['charts/*.tgz'], ['charts/packed-1.0.0.tgz']],
  [['charts/umbrella/charts/*'], ['charts/umbrella/charts/sub']],
  [
    ['charts/a', 'charts/*'],
    ['charts/a', 'charts/b', 'charts/legacy', 'charts/packed-1.0.0.tgz', 'charts/umbrella'],
  ],
];

for (const [lines, want] of cases) {
  test(`chart lines ${JSON.stringify(lines)}`, async () => {
    assert.deepEqual(await expandCharts(lines, root), want);
  });
}

test('a pattern that matches no chart is one clear error, naming it', async () => {
  await assert.rejects(expandCharts(['charts/*', 'charts/docs/*'], root), /the pattern "charts\/docs\/\*" matches no chart/);
  await assert.rejects(expandCharts(['nothing/**'], root), /the pattern "nothing\/\*\*" matches no chart/);
});

test('excluding every chart is an error, not an empty publish', async () => {
  await assert.rejects(expandCharts(['charts/[ab]', '!charts/*'], root), /excluded by its ! lines/);
});

test('a plain path is kept as written, even without a Chart.yaml (the loader says what is wrong)', async () => {
  assert.deepEqual(await expandCharts(['charts/docs'], root), ['charts/docs']);
});

test('path elements: *, ?, classes with ! and ^, escapes', () => {
  assert.ok(segmentRegExp('*.tgz').test('a-1.0.0.tgz'));
  assert.ok(!segmentRegExp('*.tgz').test('a.tgzx'));
  assert.ok(segmentRegExp('[^a]*').test('bcd'));
  assert.ok(!segmentRegExp('[!a]*').test('abc'));
  assert.ok(segmentRegExp('[a-c]').test('b'));
  assert.ok(segmentRegExp('\\*').test('*'));
  assert.ok(!segmentRegExp('\\*').test('x'));
  assert.ok(segmentRegExp('a+b(c)').test('a+b(c)'));
  // A folder name may hold any character but `/`: `*` and `?` match a CR or LF too, as the shell's do.
  assert.ok(segmentRegExp('*').test('x\r\ry'));
  assert.ok(segmentRegExp('a?b').test('a\nb'));
});
