import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkArtifactHubAnnotations, imageReferenceProblem, signKeyAnnotation } from '../../src/artifact/artifacthub-annotations.js';
import { loadYaml } from '../../src/util/yaml-lib.js';

// These read Artifact Hub's YAML with the library, which a build loads before them (src/release/build.ts).
await loadYaml();

// Artifact Hub's documented annotations (docs/helm_annotations.md), each with values its parser
// (internal/tracker/source/helm/helm.go EnrichPackageFromAnnotations) takes, and each kind of
// malformation it refuses or silently drops, with what the message must say.
const VALID: Array<[string, string]> = [
  ['artifacthub.io/alternativeName', 'postgres'],
  ['artifacthub.io/category', 'security'],
  ['artifacthub.io/category', 'skip-prediction'],
  ['artifacthub.io/changes', '- Added cool feature\n- Fixed minor bug\n'],
  [
    'artifacthub.io/changes',
    '- kind: added\n  description: Cool feature\n  links:\n    - name: GitHub Issue\n      url: https://github.com/issue-url\n- kind: Fixed\n  description: Minor bug\n',
  ],
  ['artifacthub.io/changes', ''],
  ['artifacthub.io/containsSecurityUpdates', 'true'],
  ['artifacthub.io/containsSecurityUpdates', 'F'],
  ['artifacthub.io/crds', '- kind: MyKind\n  version: v1\n  name: mykind\n  displayName: My Kind\n  description: Some nice description\n'],
  ['artifacthub.io/crdsExamples', '- apiVersion: v1\n  kind: MyKind\n  metadata:\n    name: mykind\n  spec:\n    replicas: 1\n'],
  [
    'artifacthub.io/images',
    '- name: img1\n  image: repo/img1:1.0.0\n  platforms:\n    - linux/amd64\n- name: img2\n  image: ghcr.io/org/img2@sha256:' +
      'a'.repeat(64) +
      '\n  whitelisted: yes\n',
  ],
  ['artifacthub.io/images', '- name: local\n  image: localhost:5000/team/app:v2\n'],
  ['artifacthub.io/license', 'Apache-2.0'],
  ['artifacthub.io/links', '- name: link1\n  url: https://link1.url\n- name: support\n  url: https://example.com/issues\n'],
  ['artifacthub.io/maintainers', '- name: user1\n  email: user1@email.com\n'],
  ['artifacthub.io/operator', 'false'],
  ['artifacthub.io/operatorCapabilities', 'Basic Install'],
  ['artifacthub.io/operatorCapabilities', 'auto pilot'],
  ['artifacthub.io/prerelease', '1'],
  ['artifacthub.io/recommendations', '- url: https://artifacthub.io/packages/helm/artifact-hub/artifact-hub\n'],
  ['artifacthub.io/screenshots', '- title: Sample screenshot 1\n  url: https://example.com/screenshot1.jpg\n'],
  ['artifacthub.io/signKey', 'fingerprint: C874011F0AB405110D02105534365D9472D7468F\nurl: https://keybase.io/hashicorp/pgp_keys.asc\n'],
  ['artifacthub.io/signKey', signKeyAnnotation('C874011F0AB405110D02105534365D9472D7468F', 'https://example.com/key.asc')],
  ['example.com/not-ours', 'anything: [at all'],
];

// [annotation, value, what the problem must mention]
const MALFORMED: Array<[string, string, RegExp]> = [
  ['artifacthub.io/alternativeName', 'mongo', /part of the chart name "postgresql"/],
  ['artifacthub.io/category', 'Security', /not a category/],
  ['artifacthub.io/category', 'databases', /not a category/],
  ['artifacthub.io/changes', '- kind: add\n  description: x\n', /kind: "add" is not a kind/],
  ['artifacthub.io/changes', '- kind: added\n', /no description/],
  ['artifacthub.io/changes', '- description: x\n  links:\n    - name: PR\n', /links\[0\]: no url/],
  ['artifacthub.io/changes', '- kind: added\n  descripton: typo\n', /descripton: unknown field/],
  ['artifacthub.io/changes', '- Fixed: a bug\n', /\[0\]: no description; \[0\]\.Fixed: unknown field/],
  ['artifacthub.io/changes', '- [a, b]\n', /neither a list of changes/],
  ['artifacthub.io/changes', 'Added a feature', /where a list goes/],
  ['artifacthub.io/changes', '- a\n - b: [\n', /not valid YAML/],
  ['artifacthub.io/containsSecurityUpdates', 'yes', /not a boolean/],
  ['artifacthub.io/containsSecurityUpdates', '', /not a boolean/],
  ['artifacthub.io/crds', 'kind: MyKind\n', /a mapping where a list goes/],
  ['artifacthub.io/crdsExamples', 'just text', /a scalar where a list goes/],
  ['artifacthub.io/images', '- name: img\n  image: Repo/Img:1.0\n', /\[0\]\.image: .*lower case/],
  ['artifacthub.io/images', '- name: img\n', /\[0\]\.image: no image reference/],
  ['artifacthub.io/images', '- name: img\n  image: repo/img:bad tag\n', /not a valid tag/],
  ['artifacthub.io/images', '- name: img\n  image: repo/img@sha256:abc\n', /not a sha256 digest/],
  ['artifacthub.io/images', '- name: img\n  image: repo/img\n  whitelisted: "true"\n', /\[0\]\.whitelisted: "true" is not true or false/],
  ['artifacthub.io/images', '- name: img\n  image: repo/img\n  platforms: linux/amd64\n', /\[0\]\.platforms: a scalar where a list goes/],
  ['artifacthub.io/images', '- name: img\n  imge: repo/img\n', /imge: unknown field/],
  ['artifacthub.io/links', '- name: docs\n  uri: https://example.com\n', /\[0\]\.uri: unknown field/],
  ['artifacthub.io/links', 'name: docs\nurl: https://example.com\n', /a mapping where a list goes/],
  ['artifacthub.io/links', '- https://example.com\n', /\[0\]: a scalar where a mapping \(name, url\) goes/],
  ['artifacthub.io/links', '- name: a\n  name: b\n', /not valid YAML/],
  ['artifacthub.io/maintainers', '- name: [a, b]\n  email: a@b.c\n', /\[0\]\.name: a list where a string goes/],
  ['artifacthub.io/operator', 'on', /not a boolean/],
  ['artifacthub.io/operatorCapabilities', 'level 5', /not a capability level/],
  ['artifacthub.io/prerelease', 'no', /not a boolean/],
  ['artifacthub.io/recommendations', '- https://artifacthub.io/x\n', /a scalar where a mapping/],
  ['artifacthub.io/screenshots', '- title: one\n  link: https://example.com/1.png\n', /link: unknown field/],
  ['artifacthub.io/signKey', 'fingerprint: ABC\n', /no url/],
  ['artifacthub.io/signKey', '', /no url/],
  ['artifacthub.io/signKey', '- fingerprint: ABC\n  url: https://x\n', /a list where a mapping/],
  ['artifacthub.io/change', '- Added', /not an annotation Artifact Hub reads/],
  ['artifacthub.io/licence', 'MIT', /not an annotation Artifact Hub reads/],
];

for (const [annotation, value] of VALID) {
  test(`valid: ${annotation} = ${JSON.stringify(value).slice(0, 70)}`, () => {
    assert.deepEqual(checkArtifactHubAnnotations({ [annotation]: value }, 'postgresql'), []);
  });
}

for (const [annotation, value, why] of MALFORMED) {
  test(`malformed: ${annotation} = ${JSON.stringify(value).slice(0, 70)}`, () => {
    const problems = checkArtifactHubAnnotations({ 'artifacthub.io/license': 'MIT', [annotation]: value }, 'postgresql');
    assert.ok(problems.length > 0, 'reported');
    for (const p of problems) assert.equal(p.annotation, annotation, 'the problem names the annotation');
    assert.match(problems.map((p) => p.problem).join('; '), why);
  });
}

test("image references as go-containerregistry's name.ParseReference takes them", () => {
  for (const ok of [
    'nginx',
    'nginx:1.25',
    'library/nginx:latest',
    'ghcr.io/org/app:v1',
    'localhost:5000/app',
    '[::1]:5000/app:1',
    `app@sha256:${'0'.repeat(64)}`,
    `reg.io/app:1@sha256:${'f'.repeat(64)}`,
  ])
    assert.equal(imageReferenceProblem(ok), undefined, ok);
  for (const bad of ['', 'App', 'ghcr.io/Org/app', 'app:', 'app:a+b', 'bad host!/app', `app@sha256:${'G'.repeat(64)}`, 'a@b@c'])
    assert.notEqual(imageReferenceProblem(bad), undefined, bad);
});
