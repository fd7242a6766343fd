import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChartArtifact } from '../../src/artifact/manifest.js';
import { UserError } from '../../src/errors.js';
import { checkExpected, parseExpectedDigests } from '../../src/release/expect-digest.js';
import { planMatrix } from '../../src/release/plan.js';
import type { ChartResult } from '../../src/release/results.js';

// What a face is given to hold a publish to its plan (a digest, the matrix, the plan), and the check.
const D = (c: string) => `sha256:${c.repeat(64)}`;
const built = (manifest: string, chart: string) =>
  ({ manifestDescriptor: { digest: manifest }, chartDescriptor: { digest: chart } }) as unknown as ChartArtifact;

test('nothing given: held to nothing', () => {
  assert.equal(parseExpectedDigests(''), undefined);
  assert.equal(parseExpectedDigests('  \n'), undefined);
});

test('one digest: every chart of the run is held to it, as its manifest or its chart digest', () => {
  const one = parseExpectedDigests(` ${D('a')}\n`)!;
  assert.doesNotThrow(() => checkExpected(one, 'charts/web', 'web', built(D('a'), D('b'))));
  assert.doesNotThrow(() => checkExpected(one, 'charts/web', 'web', built(D('c'), D('a'))));
  assert.throws(
    () => checkExpected(one, 'charts/web', 'web', built(D('c'), D('d'))),
    (err: UserError) =>
      err.where === 'charts/web' && err.message.includes(`this build is ${D('c')} (chart ${D('d')}), not the planned ${D('a')}`),
  );
});

test('the matrix JSON: each chart by its path, written any way (./, trailing slash); a chart it does not list is refused', () => {
  const matrix = JSON.stringify(
    planMatrix([
      { source: 'charts/web/', name: 'web', version: '1.0.0', digest: D('1'), publish: 'push' },
      { source: './charts/api', name: 'api', version: '2.0.0', digest: D('2'), publish: 'push' },
      { source: 'charts/old', name: 'old', version: '0.1.0', digest: D('3'), publish: 'none' },
    ] as ChartResult[]),
  );
  const expected = parseExpectedDigests(matrix)!;
  assert.deepEqual(
    [...expected],
    [
      ['charts/web', D('1')],
      ['charts/api', D('2')],
    ],
  );
  assert.doesNotThrow(() => checkExpected(expected, './charts/web', 'web', built(D('1'), D('9'))));
  assert.doesNotThrow(() => checkExpected(expected, 'charts/api/', 'api', built(D('2'), D('9'))));
  assert.throws(() => checkExpected(expected, 'charts/api', 'api', built(D('1'), D('9'))), /not the planned/);
  assert.throws(
    () => checkExpected(expected, 'charts/old', 'old', built(D('3'), D('9'))),
    (err: UserError) => err.code === 'expect-digest' && /charts\/old \(old\) is not in the plan/.test(err.message),
  );
});

test('the plan JSON: each chart by its source; a chart that failed to plan is left out', () => {
  const plan = JSON.stringify([
    { source: 'charts/web', name: 'web', status: 'new', digest: D('1'), 'chart-digest': D('5') },
    { source: 'charts/bad', name: '', status: 'failed', digest: '', error: 'x' },
  ]);
  assert.deepEqual([...parseExpectedDigests(plan)!], [['charts/web', D('1')]]);
});

test('an empty matrix ([]) holds every chart to nothing: each is refused as unplanned', () => {
  const none = parseExpectedDigests('[]')!;
  assert.throws(() => checkExpected(none, 'charts/web', 'web', built(D('1'), D('2'))), /not in the plan/);
});

test('what is neither a digest nor a plan is refused, with the code each face words its hint for', () => {
  for (const [text, why] of [
    ['sha256:abc', /neither a digest .* nor a plan's JSON/],
    ['web=sha256:abc', /neither a digest/],
    ['{"include": [', /not a plan's JSON/],
    ['{"matrix": []}', /neither a plan .* nor its matrix/],
    ['[{"chart": "charts/web"}]', /entry 0 names no chart path and digest/],
    [`[{"chart": 7, "digest": "${D('1')}"}]`, /entry 0 names no chart path and digest/],
  ] as const)
    assert.throws(
      () => parseExpectedDigests(text),
      (err: UserError) => err instanceof UserError && err.code === 'expect-digest' && why.test(err.message),
      text,
    );
});

test('planMatrix: the charts a publish would push or refuse, or [] (the form a job is skipped on) when there are none', () => {
  assert.deepEqual(planMatrix([]), []);
  assert.deepEqual(planMatrix([{ source: 'a', name: 'a', version: '1', digest: D('1'), publish: 'none' }] as ChartResult[]), []);
  assert.deepEqual(
    planMatrix([
      { source: 'a', name: 'a', version: '1', digest: D('1'), publish: 'push' },
      { source: 'b', name: 'b', version: '1', digest: D('2'), publish: 'fail' },
      { source: 'c', name: 'c', version: '1', digest: D('3'), publish: 'skip' },
    ] as ChartResult[]),
    {
      include: [
        { chart: 'a', name: 'a', version: '1', digest: D('1') },
        { chart: 'b', name: 'b', version: '1', digest: D('2') },
      ],
    },
  );
  assert.equal(JSON.stringify(planMatrix([])), '[]');
});
