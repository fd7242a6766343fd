import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveChartRef } from '../../src/artifact/chart-ref.js';
import { parseReference, refString } from '../../src/oci/reference.js';
import { humanSize } from '../../src/util/human-size.js';

const good: Array<[string, string, string, string, string | undefined]> = [
  ['oci://localhost:5000/myrepo', 'mychart', '0.1.0', 'localhost:5000/myrepo/mychart:0.1.0', undefined],
  ['oci://localhost:5000', 'mychart', '0.1.0', 'localhost:5000/mychart:0.1.0', undefined],
  ['oci://ghcr.io/My-Org/charts/', 'web', '1.0.0+build.1', 'ghcr.io/my-org/charts/web:1.0.0_build.1', 'My-Org/charts/web'],
  ['localhost:5000/myrepo/mychart', 'mychart', '2.7.0', 'localhost:5000/myrepo/mychart:2.7.0', undefined],
  ['localhost:5000/myrepo/mychart:2.7.0', 'mychart', '2.7.0', 'localhost:5000/myrepo/mychart:2.7.0', undefined],
  ['[::1]:5000/a/b', 'b', '1.0.0', '[::1]:5000/a/b:1.0.0', undefined],
  ['oci://registry.example.com/a__b/c-d', 'Cap', '1.0.0', 'registry.example.com/a__b/c-d/cap:1.0.0', 'a__b/c-d/Cap'],
];
for (const [input, name, version, want, lowered] of good) {
  test(`${input} + ${name}@${version} → ${want}`, () => {
    const r = resolveChartRef(input, name, version);
    assert.equal(refString(r.ref), want);
    assert.equal(r.lowered, lowered);
  });
}

const bad: Array<[string, RegExp]> = [
  ['', /input is empty/],
  ['localhost:5000/myrepo/other', /ends in "other" but the chart is named "mychart"/],
  ['localhost:5000/myrepo/mychart:9.9.9', /differs from the chart version/],
  ['oci://localhost:5000/ns:1.0', /names a namespace, not a tag/],
  ['mychart', /needs a registry and a repository/],
  ['https://localhost:5000/x/mychart', /unsupported scheme/],
  ['oci://bad_host:5000/x', /invalid registry host/],
  ['oci://localhost:5000/bad..name', /invalid repository name/],
  ['localhost:5000/x/mychart@sha256:abc', /digest reference/],
];
for (const [input, message] of bad) {
  test(`refused: ${JSON.stringify(input)}`, () => assert.throws(() => resolveChartRef(input, 'mychart', '0.1.0'), message));
}

test('parseReference needs a tag', () => {
  assert.deepEqual(parseReference('localhost:5000/a/b:1.0.0'), { registry: 'localhost:5000', repository: 'a/b', tag: '1.0.0' });
  assert.throws(() => parseReference('localhost:5000/a/b'), /tag is missing/);
});

test('sizes as the seed prints them', () => {
  assert.deepEqual([0, 454, 1023, 1024, 2487, 28_774, 5 * 1024 * 1024].map(humanSize), [
    '0 B',
    '454 B',
    '1023 B',
    '1.0 KiB',
    '2.4 KiB',
    '28.1 KiB',
    '5.0 MiB',
  ]);
});
