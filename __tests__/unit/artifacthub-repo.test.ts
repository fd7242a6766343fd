import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { checkRepoMetadata, holdsSameMetadata, repoMetadataArtifact } from '../../src/artifact/artifacthub-repo.js';
import { UserError } from '../../src/errors.js';
import { loadYaml } from '../../src/util/yaml-lib.js';

// These read Artifact Hub's YAML with the library, which a build loads before them (src/release/build.ts).
await loadYaml();

const GOOD = `# Artifact Hub repository metadata file
repositoryID: 5f2a7c1e-0b3d-4e59-8a6f-2c1d9e8b7a60
owners:
  - name: user1
    email: user1@email.com
ignore:
  - name: package1
  - name: package2
    version: beta
`;

const check = (text: string) => () => checkRepoMetadata(Buffer.from(text), 'charts/app/artifacthub-repo.yml');

test("artifacthub-repo.yml: Artifact Hub's documented fields pass", () => {
  check(GOOD)();
  check('owners:\n  - name: only-owner\n    email: me@example.com\n')();
});

for (const [why, text, expected] of [
  [
    'a repositoryID that is not a UUID',
    GOOD.replace('5f2a7c1e-0b3d-4e59-8a6f-2c1d9e8b7a60', 'my-repo'),
    /repositoryID: "my-repo" is not a UUID/,
  ],
  ['an owner without an email', 'owners:\n  - name: user1\n', /owners\[0\]: no email/],
  ['an owner with a malformed email', 'owners:\n  - name: user1\n    email: user1\n', /owners\[0\]: no email/],
  ['a misspelt field', GOOD.replace('owners:', 'owner:'), /owner: unknown field/],
  ['a misspelt nested field', 'owners:\n  - name: a\n    mail: a@b.c\n', /owners\[0\]\.mail: unknown field/],
  ['an ignore entry without a name', 'ignore:\n  - version: beta\n', /ignore\[0\]: no name/],
  ['owners as a mapping', 'owners:\n  name: a\n  email: a@b.c\n', /owners: a mapping where a list goes/],
  ['broken YAML', 'owners: [\n', /not valid YAML/],
  ['an empty file', '', /empty/],
] as const) {
  test(`artifacthub-repo.yml: ${why} is refused, naming the file`, () => {
    assert.throws(check(text), (err: unknown) => {
      assert.ok(err instanceof UserError);
      assert.equal(err.where, 'charts/app/artifacthub-repo.yml');
      assert.match(err.message, expected);
      return true;
    });
  });
}

test("the artifact: Artifact Hub's media types, an empty config, the file's bytes as the one layer, no time in it", () => {
  const bytes = Buffer.from(GOOD);
  const a = repoMetadataArtifact(bytes);
  const m = JSON.parse(a.manifest.toString());
  assert.equal(m.schemaVersion, 2);
  assert.equal(m.mediaType, 'application/vnd.oci.image.manifest.v1+json');
  assert.deepEqual(m.config, {
    mediaType: 'application/vnd.cncf.artifacthub.config.v1+yaml',
    digest: 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    size: 0,
  });
  assert.equal(m.layers.length, 1);
  assert.equal(m.layers[0].mediaType, 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml');
  assert.equal(m.layers[0].digest, `sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  assert.equal(m.layers[0].size, bytes.length);
  assert.equal(m.annotations, undefined);
  assert.deepEqual(repoMetadataArtifact(Buffer.from(GOOD)).manifest, a.manifest, 'the same file, the same manifest');
  assert.notEqual(repoMetadataArtifact(Buffer.from(GOOD + '\n')).manifestDescriptor.digest, a.manifestDescriptor.digest);
});

test('the same file pushed by oras (a created time, other layer annotations) holds the same metadata; another file does not', () => {
  const ours = repoMetadataArtifact(Buffer.from(GOOD));
  const oras = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: ours.configDescriptor,
    layers: [{ ...ours.layerDescriptor, annotations: { 'org.opencontainers.image.title': 'artifacthub-repo.yml' } }],
    annotations: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z' },
  };
  assert.equal(holdsSameMetadata(Buffer.from(JSON.stringify(oras)), ours), true);
  const other = repoMetadataArtifact(Buffer.from(GOOD.replace('user1', 'user2')));
  assert.equal(holdsSameMetadata(Buffer.from(JSON.stringify(oras)), other), false);
  assert.equal(
    holdsSameMetadata(
      Buffer.from(JSON.stringify({ ...oras, config: { ...oras.config, mediaType: 'application/vnd.oci.empty.v1+json' } })),
      ours,
    ),
    false,
  );
  assert.equal(holdsSameMetadata(Buffer.from('not json'), ours), false);
});
