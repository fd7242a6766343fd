import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { imageConfig, imageManifest } from '../../src/oci/appended-image.js';
import { rekorBundleAnnotation, timestampAnnotation } from '../../src/sign/keyless/cosign-classic.js';
import { dockerReference, readSimpleSigning, simpleSigningPayload } from '../../src/sign/keyless/simple-signing.js';

// cosign's classic objects, byte for byte. The reference is a public `cosign verify -d` trace of
// index.docker.io/chihjenhuang/cosign1:t1 (cosign v1.13.1, go-containerregistry v0.11.0), which shows
// the image's digest, the `.sig` manifest cosign pushed (with its Docker-Content-Digest) and the
// digest of its one layer.

const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const IMAGE = 'sha256:4c1c50d0ffc614f90b93b07d778028dc765548e823f676fb027f61d281ac380d';

test("the simple-signing payload is cosign's, byte for byte: it hashes to the layer cosign pushed", () => {
  const payload = simpleSigningPayload('docker.io', 'chihjenhuang/cosign1', IMAGE);
  assert.equal(payload.length, 252);
  assert.equal(sha256(payload), 'sha256:b671489ededd1a180bd87235bba00fd83354f9c7d13b71d9f8b66a8e52965ebc');
  assert.deepEqual(readSimpleSigning(payload), { digest: IMAGE, reference: 'index.docker.io/chihjenhuang/cosign1' });
  assert.throws(() => readSimpleSigning(Buffer.from('{"critical":{"type":"other"}}')), /not a cosign container image signature/);
});

test("the .sig manifest is go-containerregistry's, byte for byte: it hashes to the digest the registry reported", () => {
  const manifest = imageManifest(
    'application/vnd.oci.image.manifest.v1+json',
    {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      size: 247,
      digest: 'sha256:85ad8e17d3d7c00664855c638832bd99f32d42542c2d587851410a45a7f60b95',
    },
    [
      {
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        size: 252,
        digest: 'sha256:b671489ededd1a180bd87235bba00fd83354f9c7d13b71d9f8b66a8e52965ebc',
        annotations: {
          'dev.cosignproject.cosign/signature':
            'MEYCIQCPH7NJAIfrB6BZN91dV0o7l/i11muXrvrAh100jDMMhAIhAPsLH0oXb2OPITXRpWBMUd3vHtz5Ks5pql2Hr6t/IJXw',
        },
      },
    ],
  );
  assert.equal(manifest.length, 558, 'the Content-Length of the trace');
  assert.equal(sha256(manifest), 'sha256:7ebe8964225fa4619b53aa35416ef0246c037e36ddf81776b21b15e1dda2262b');
});

test("the config is go-containerregistry's for an empty image with the layers appended (cosign 2.2+: no creation time)", () => {
  const layer = { mediaType: 'x', size: 1, digest: `sha256:${'a'.repeat(64)}` };
  const one = imageConfig([layer]).toString();
  assert.equal(
    one,
    `{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":["sha256:${'a'.repeat(64)}"]},"config":{}}`,
  );
  assert.equal(one.length, 233);
  const two = JSON.parse(imageConfig([layer, { ...layer, digest: `sha256:${'b'.repeat(64)}` }]).toString());
  assert.equal(two.history.length, 2);
  assert.deepEqual(two.rootfs.diff_ids, [`sha256:${'a'.repeat(64)}`, `sha256:${'b'.repeat(64)}`]);
});

test('annotations are sorted by key, as Go marshals a map', () => {
  const m = JSON.parse(
    imageManifest('m', { mediaType: 'c', size: 1, digest: 'd' }, [
      {
        mediaType: 'l',
        size: 1,
        digest: 'x',
        annotations: { predicateType: 'p', 'dev.sigstore.cosign/bundle': 'b', 'dev.cosignproject.cosign/signature': '' },
      },
    ]).toString(),
  );
  assert.deepEqual(Object.keys(m.layers[0].annotations), [
    'dev.cosignproject.cosign/signature',
    'dev.sigstore.cosign/bundle',
    'predicateType',
  ]);
});

test("docker-reference is go-containerregistry's Repository.Name()", () => {
  assert.equal(dockerReference('ghcr.io', 'acme/charts/web'), 'ghcr.io/acme/charts/web');
  assert.equal(dockerReference('127.0.0.1:5000', 'charts/web'), '127.0.0.1:5000/charts/web');
  assert.equal(dockerReference('docker.io', 'acme/web'), 'index.docker.io/acme/web');
  assert.equal(dockerReference('registry-1.docker.io', 'web'), 'index.docker.io/library/web');
});

test("the bundle annotation is Go's json.Marshal of cosign's RekorBundle; the SET's payload its RFC 8785 form", async () => {
  const entry = {
    logIndex: '8741031',
    logId: { keyId: Buffer.from('c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d', 'hex').toString('base64') },
    kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
    integratedTime: '1796644067',
    inclusionPromise: { signedEntryTimestamp: 'MEUCIGgB' },
    canonicalizedBody: 'eyJhcGlWZXJzaW9uIjoiMC4wLjEifQ==',
  };
  const text = rekorBundleAnnotation(entry as never)!;
  assert.equal(
    text,
    '{"SignedEntryTimestamp":"MEUCIGgB","Payload":{"body":"eyJhcGlWZXJzaW9uIjoiMC4wLjEifQ==","integratedTime":1796644067,"logIndex":8741031,"logID":"c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d"}}',
  );
  const { json } = await import('@sigstore/core');
  assert.equal(
    json.canonicalize(JSON.parse(text).Payload),
    '{"body":"eyJhcGlWZXJzaW9uIjoiMC4wLjEifQ==","integratedTime":1796644067,"logID":"c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d","logIndex":8741031}',
  );
  assert.equal(rekorBundleAnnotation({ ...entry, inclusionPromise: undefined } as never), undefined, 'no SET (Rekor v2): no bundle');
  assert.equal(timestampAnnotation('AAEC'), '{"SignedRFC3161Timestamp":"AAEC"}');
});
