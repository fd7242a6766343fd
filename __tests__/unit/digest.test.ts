import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChartManifest } from '../../src/artifact/parse.js';
import { isDigest, parseDigest, sha256 } from '../../src/oci/digest.js';
import { quoted } from '../../src/util/quoted.js';

const good = sha256(Buffer.from('x'));

test('a digest is sha256: and 64 lower-case hex digits, nothing else', () => {
  assert.ok(isDigest(good));
  assert.equal(parseDigest(good, 'the digest', 'here'), good);
  const bad: unknown[] = [
    `sha256:${'0'.repeat(63)}`,
    `sha256:${'0'.repeat(65)}`,
    good.toUpperCase(),
    `SHA256:${good.slice(7)}`,
    `${good}\n`,
    ` ${good}`,
    `sha512:${'0'.repeat(128)}`, // registered by the OCI spec, but nothing here could verify it
    `sha256:../../../../etc/passwd`,
    `sha256:${'0'.repeat(60)}/../`,
    'sha256',
    '',
    42,
    null,
    undefined,
    { digest: good },
  ];
  for (const value of bad) {
    assert.equal(isDigest(value), false, String(value));
    assert.throws(
      () => parseDigest(value, 'the config digest', 'r/x:1'),
      (err: Error & { where?: string }) => {
        assert.match(err.message, /^the config digest .* is not a valid digest$/);
        assert.equal(err.where, 'r/x:1');
        return true;
      },
    );
  }
});

test('a bad value is shown escaped: control characters, U+202E and U+200B as \\u escapes, long values cut', () => {
  assert.equal(quoted('a\u001b[31m\u202eb\u200b'), '"a\\u001b[31m\\u202eb\\u200b"');
  assert.throws(() => parseDigest('sha256:\u202e../x', 'the digest', 'f'), /the digest "sha256:\\u202e\.\.\/x" is not a valid digest/);
  assert.equal(quoted('x'.repeat(500)), `"${'x'.repeat(200)}\\u2026"`);
});

test('a manifest is parsed with every descriptor checked: its config and each layer, digest and size', () => {
  const layer = { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: good, size: 1 };
  const config = { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: good, size: 1 };
  const manifest = (m: object) => Buffer.from(JSON.stringify({ schemaVersion: 2, config, layers: [layer], ...m }));
  assert.equal(parseChartManifest(manifest({}), 'r').chartLayer.digest, good);
  const cases: Array<[object, RegExp]> = [
    [{ config: { ...config, digest: 'sha256:../../dev/zero' } }, /the config digest "sha256:\.\.\/\.\.\/dev\/zero" is not a valid digest/],
    [
      { layers: [layer, { ...layer, mediaType: 'application/vnd.cncf.helm.chart.provenance.v1.prov', digest: 'sha256:../x' }] },
      /layer 2's digest "sha256:\.\.\/x" is not a valid digest/,
    ],
    [{ layers: [{ ...layer, size: -1 }] }, /layer 1's size -1 is not a size/],
    [{ layers: [{ ...layer, size: '12' }] }, /layer 1's size "12" is not a size/],
    [{ config: { ...config, size: 1.5 } }, /the config size 1\.5 is not a size/],
    [{ layers: [null] }, /not an OCI image manifest/],
    [{ config: 'x' }, /not an OCI image manifest/],
  ];
  for (const [m, message] of cases) assert.throws(() => parseChartManifest(manifest(m), 'r'), message);
  assert.throws(() => parseChartManifest(Buffer.from('null'), 'r'), /not an OCI image manifest/);
});
