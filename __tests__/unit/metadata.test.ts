import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canonicalVersion,
  checkPackageable,
  configJson,
  emptyMetadata,
  isHelmVersion,
  isSemVer2,
  readMetadataYaml,
  sanitize,
  validateMetadata,
} from '../../src/chart/metadata.js';
import { goJsonString, goNumber } from '../../src/chart/go-values.js';
import { sha256 } from '../../src/oci/digest.js';

async function load(yaml: string) {
  const md = emptyMetadata();
  await readMetadataYaml(yaml, md, 'Chart.yaml');
  validateMetadata(md, 'Chart.yaml');
  return md;
}

test("Helm's own fixture: the signtest config blob (99 bytes)", async () => {
  const json = configJson(await load('apiVersion: v1\nname: signtest\nversion: 0.1.0\ndescription: A Helm chart for Kubernetes\n'));
  assert.equal(json, '{"name":"signtest","version":"0.1.0","description":"A Helm chart for Kubernetes","apiVersion":"v1"}');
  assert.equal(Buffer.byteLength(json), 99);
});

test('helm create mychart: the config Helm 3.17.3 pushed (141 bytes, known digest)', async () => {
  const md = await load(
    'apiVersion: v2\nname: mychart\ndescription: A Helm chart for Kubernetes\ntype: application\nversion: 0.1.0\nappVersion: "1.16.0"\n',
  );
  const json = configJson(md);
  assert.equal(
    json,
    '{"name":"mychart","version":"0.1.0","description":"A Helm chart for Kubernetes","apiVersion":"v2","appVersion":"1.16.0","type":"application"}',
  );
  assert.equal(Buffer.byteLength(json), 141);
  assert.equal(sha256(Buffer.from(json)), 'sha256:65a07b841ece031e6d0ec5eb948eacb17aa6d7294cdeb01d5348e86242951487');
});

test('apiVersion defaults to v1; field order follows chart.Metadata; annotations sorted; dependencies keep name and repository', async () => {
  const md = await load(
    [
      'type: library',
      'name: x',
      'version: 1.0.0',
      'annotations: {b: "2", a: "1"}',
      'dependencies:',
      '  - name: d',
      '    repository: ""',
      '    alias: dd',
      '    enabled: true',
      '    import-values: [{child: a, parent: b}, c]',
      'maintainers: [{email: m@x.io, name: M}]',
      'deprecated: true',
    ].join('\n'),
  );
  assert.equal(
    configJson(md),
    '{"name":"x","version":"1.0.0","maintainers":[{"name":"M","email":"m@x.io"}],"apiVersion":"v1","deprecated":true,' +
      '"annotations":{"a":"1","b":"2"},"dependencies":[{"name":"d","repository":"","enabled":true,"import-values":[{"child":"a","parent":"b"},"c"],"alias":"dd"}],"type":"library"}',
  );
});

test("Go's JSON escapes <, > and & (and U+2028)", async () => {
  assert.equal(goJsonString('<a href="x">&\u2028'), '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u2028"');
});

test('YAML 1.1 scalars in string fields become the text Go gives them', async () => {
  const md = await load('name: x\nversion: 1.0.0\nappVersion: 1.10\ndescription: yes\nhome: 0x1F\nkeywords: [1, on, 2.50]\n');
  assert.equal(md.appVersion, '1.1');
  assert.equal(md.description, 'true');
  assert.equal(md.home, '31');
  assert.deepEqual(md.keywords, ['1', 'true', '2.5']);
});

test("Go's FormatFloat(v, 'g', -1, 32)", async () => {
  const cases: Array<[number, string]> = [
    [1.1, '1.1'],
    [0.1, '0.1'],
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.00001234, '1.234e-05'],
    [-2.5, '-2.5'],
    [3, '3'],
  ];
  for (const [v, want] of cases) assert.equal(goNumber(v), want, String(v));
});

test('sanitize: spaces become " ", control characters go', async () => {
  assert.equal(sanitize('a\tb\nc\u0000d\u200be\u00a0f'), 'a b cde f');
});

test('versions: every version Helm reads (Masterminds semver v3.4.0 NewVersion) is taken, as written', async () => {
  for (const ok of [
    'v0.1.0',
    '1.2',
    '1',
    '01.2.3',
    '1.02.3',
    'v1',
    '1.2.3-rc.1+b.5',
    'v1.2.3+build.1',
    '1.2.3-0a.01b',
    '18446744073709551615',
  ])
    assert.equal((await load(`name: x\nversion: "${ok}"\n`)).version, ok);
  // A YAML number is read as Helm reads it (sigs.k8s.io/yaml: through JSON).
  assert.equal((await load('name: x\nversion: 1\n')).version, '1');
  for (const bad of [
    '1.2.3-01',
    '1.2.3.4',
    'V1.2.3',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-a..b',
    '18446744073709551616',
    ' 1.2.3',
    '1.2.3\n',
    '1.2.3-é',
  ])
    assert.ok(!isHelmVersion(bad), bad);
});

test('canonicalVersion: the SemVer 2 form of a version Helm reads (to compare and sort it)', async () => {
  assert.equal(canonicalVersion('v01.2'), '1.2.0');
  assert.equal(canonicalVersion('1'), '1.0.0');
  assert.equal(canonicalVersion('v1.2.3-rc.1+b'), '1.2.3-rc.1+b');
  assert.equal(canonicalVersion('1.2.3.4'), undefined);
});

test('chart API versions: helm package (4.1.4) packages v1 and v2 only; the loader checks none', async () => {
  for (const v of ['v1', 'v2']) checkPackageable(await load(`apiVersion: ${v}\nname: x\nversion: 1.0.0\n`), 'Chart.yaml');
  assert.equal((await load('apiVersion: v3\nname: x\nversion: 1.0.0\n')).apiVersion, 'v3');
  await assert.rejects(
    async () => checkPackageable(await load('apiVersion: foo\nname: x\nversion: 1.0.0\n'), 'Chart.yaml'),
    /apiVersion "foo" is not a chart API version Helm 4 packages/,
  );
  await assert.rejects(
    async () => checkPackageable(await load('apiVersion: v3\nname: x\nversion: 1.0.0\n'), 'Chart.yaml'),
    /Helm 4\.1\.4 loads chart API v3 but does not package it/,
  );
});

test('duplicate keys: the last one wins, as in Helm; only the first YAML document counts', async () => {
  assert.equal((await load('name: x\nversion: 1.0.0\nname: z\n')).name, 'z');
  assert.equal((await load('name: x\nversion: 1.0.0\n---\nappVersion: "9"\n')).appVersion, '');
});

test('SemVer 2, strictly (the warning)', async () => {
  for (const ok of ['0.1.0', '1.2.3-rc.1+build.5', '10.20.30', '1.0.0-alpha.beta', '1.0.0+20130313144700']) assert.ok(isSemVer2(ok), ok);
  for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3-', '1.2.3-01', '1.2.3+', '', '1.2.3.4']) assert.ok(!isSemVer2(bad), bad);
});

const invalid: Array<[string, RegExp]> = [
  ['version: 1.0.0\n', /chart name is missing/],
  ['name: x\n', /chart version is missing/],
  ['name: x\nversion: 1.2.3.4\n', /version "1\.2\.3\.4" is not a version Helm reads/],
  ['name: x\nversion: 1.0.0\nannotations: {? [a] : b}\n', /invalid map key under annotations: a list/],
  ['name: x\nversion: 1.0.0\nappVersion: .inf\n', /unsupported value at appVersion: \.inf/],
  ['name: x\nversion: 1.0.0\nappVersion: .NaN\n', /unsupported value at appVersion: \.NaN/],
  ['name: x\nversion: 1.0.0\ntype: plugin\n', /type "plugin" is invalid/],
  ['name: a/b\nversion: 1.0.0\n', /name "a\/b" is invalid/],
  ['name: x\nversion: 1.0.0\ndependencies: [{name: a, alias: "bad alias"}]\n', /disallowed characters in the alias/],
  ['name: x\nversion: 1.0.0\ndependencies: [{name: a}, {name: a}]\n', /more than one dependency/],
  ['name: x\nversion: 1.0.0\nmaintainers: [null]\n', /maintainers must not contain empty/],
  ['name: [x]\nversion: 1.0.0\n', /name must be a string/],
  ['name: x\n  version: : 1\n', /invalid YAML/],
];
for (const [yaml, message] of invalid) {
  test(`refused: ${JSON.stringify(yaml)}`, async () => {
    await assert.rejects(() => load(yaml), message);
  });
}

test('keys as encoding/json matches them: U+017F (ſ) folds to s, the last in byte order wins, wherever it stands', async () => {
  const read = async (text: string) => {
    const md = emptyMetadata();
    await readMetadataYaml(text, md, 'Chart.yaml');
    return md;
  };
  assert.equal((await read('name: x\nversion: 1.0.0\nappVersion: 1.2.3\nappVerſion: 6.6.6\n')).appVersion, '6.6.6');
  assert.equal((await read('name: x\nversion: 1.0.0\nappVerſion: 6.6.6\nappVersion: 1.2.3\n')).appVersion, '6.6.6');
  assert.equal((await read('name: x\nversion: 1.0.0\nkubeVerſion: ">=99.0.0"\n')).kubeVersion, '>=99.0.0');
  assert.equal((await read('name: x\nversion: 1.0.0\nappversion: 2.0.0\n')).appVersion, '2.0.0');
});

test('merge keys as go-yaml v2 applies them: in order, a `<<` over what came before, a key after it over the merge', async () => {
  const read = async (text: string) => {
    const md = emptyMetadata();
    await readMetadataYaml(text, md, 'Chart.yaml');
    return md;
  };
  assert.equal((await read('name: x\nversion: 1.0.0\nappVersion: 1.2.3\n<<: {appVersion: 6.6.6}\n')).appVersion, '6.6.6');
  assert.equal((await read('name: x\nversion: 1.0.0\n<<: {appVersion: 6.6.6}\nappVersion: 1.2.3\n')).appVersion, '1.2.3');
  assert.equal(
    (await read('base: &b {appVersion: 2.0.0, description: from base}\nname: x\nversion: 1.0.0\n<<: *b\n')).description,
    'from base',
  );
  assert.equal((await read('name: x\nversion: 1.0.0\n<<: [{description: first}, {description: second}]\n')).description, 'first');
  await assert.rejects(() => read('name: x\nversion: 1.0.0\n<<: 3\n'), /map merge requires map or sequence of maps/);
});
