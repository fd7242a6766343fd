import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveChartRef } from '../../src/artifact/chart-ref.js';
import { dependencyRepository, parseReference, parseRegistryHost, refString } from '../../src/oci/reference.js';
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
    assert.equal(r.pathAsGiven, lowered);
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

test('a port outside 1–65535, or a host no URL takes, is refused naming the value (never a bare "Invalid URL")', () => {
  for (const host of ['127.0.0.1:99999', 'localhost:0', 'localhost:65536', '[::1]:70000']) {
    const port = host.slice(host.lastIndexOf(':') + 1);
    const says = new RegExp(`"${host.replace(/[.[\]]/g, '\\$&')}".*the port ${port} is outside 1–65535`);
    assert.throws(() => parseReference(`${host}/a/b:1.0.0`), says);
    assert.throws(() => resolveChartRef(`oci://${host}/ns`, 'b', '1.0.0'), says);
    assert.throws(() => parseRegistryHost(host), says);
    assert.throws(() => dependencyRepository(`oci://${host}/ns`, 'b'), says);
  }
  for (const host of ['[:::::]:5000', '[12345::1]', `${'a'.repeat(64)}.example.com`]) {
    assert.throws(
      () => parseRegistryHost(host),
      /is not a registry host: (it is not an address|a name in it is longer than 63 characters)/,
      host,
    );
    assert.throws(() => parseReference(`${host}/a/b:1.0.0`), /invalid registry host/, host);
  }
  for (const host of ['localhost:1', 'localhost:65535', '[::1]:5000', 'ghcr.io']) assert.equal(parseRegistryHost(host), host);
});

test('U+202E and U+200B are no part of a repository name: refused, shown escaped', () => {
  for (const bad of ['my\u202echart', 'my\u200bchart']) {
    const esc = /\\u20(2e|0b)/;
    assert.throws(
      () => parseReference(`localhost:5000/ns/${bad}:1.0.0`),
      (e: Error) => esc.test(e.message) && /invalid repository name/.test(e.message),
    );
    assert.throws(() => resolveChartRef('oci://localhost:5000/ns', bad, '1.0.0'), /invalid repository name "ns\/my\\u20(2e|0b)chart"/);
    assert.throws(() => resolveChartRef(`localhost:5000/ns/${bad}`, bad, '1.0.0'), /invalid repository name/);
    assert.throws(() => dependencyRepository('oci://localhost:5000/ns', bad), /invalid repository name "ns\/my\\u20(2e|0b)chart"/);
  }
});

test('only ASCII capitals are lowered: the Kelvin sign (U+212A) does not become a "k"', () => {
  assert.throws(() => resolveChartRef('oci://localhost:5000/ns', '\u212aube', '1.0.0'), /invalid repository name "ns\/\\u212aube"/);
  assert.throws(
    () => resolveChartRef('localhost:5000/ns/kube', '\u212aube', '1.0.0'),
    /ends in "kube" but the chart is named "\\u212aube"/,
  );
  assert.equal(refString(resolveChartRef('oci://localhost:5000/NS', 'Kube', '1.0.0').ref), 'localhost:5000/ns/kube:1.0.0');
});

test('a dependency repository: host and namespace checked, the name appended and checked as Helm forms it', () => {
  assert.deepEqual(dependencyRepository('oci://localhost:5000/deps/', 'redis'), { registry: 'localhost:5000', repository: 'deps/redis' });
  assert.deepEqual(dependencyRepository('oci://ghcr.io', 'redis'), { registry: 'ghcr.io', repository: 'redis' });
  assert.throws(() => dependencyRepository('oci://localhost:5000/deps', '../../v2/x'), /invalid repository name "deps\/\.\.\/\.\.\/v2\/x"/);
  assert.throws(() => dependencyRepository('oci://localhost:5000/deps:1.0', 'redis'), /names a namespace, not a tag or digest/);
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
