import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkArtifactHubAnnotations } from '../../src/artifact/artifacthub-annotations.js';
import { checkRepoMetadata } from '../../src/artifact/artifacthub-repo.js';
import { loadYaml } from '../../src/util/yaml-lib.js';

// These read Artifact Hub's YAML with the library, which a build loads before them (src/release/build.ts).
await loadYaml();

// An artifacthub.io/* annotation is YAML inside one Chart.yaml string: the Chart.yaml bounds (nodes,
// aliases) do not see inside it. Each value must be read within bounds of its own, and the check must
// neither walk an alias's target once per alias without limit nor report without limit.

const CHANGES = 'artifacthub.io/changes';

test(
  'an annotation over the node bound (680 KB: 10,000 links, 100,000 aliases) is refused before it is walked (was: over 5 minutes)',
  { timeout: 60_000 },
  () => {
    const value = `- &c {description: x, links: [${Array(10_000).fill('{name: a, url: b}').join(',')}]}\n` + '- *c\n'.repeat(100_000);
    const problems = checkArtifactHubAnnotations({ [CHANGES]: value }, 'app');
    assert.ok(problems.length <= 3, JSON.stringify(problems.slice(0, 5)));
    assert.match(problems[0].problem, /too large to read: it holds more than 20000 YAML nodes/);
  },
);

test(
  'an annotation whose 1,000 aliases each repeat a change of 1,000 links (23 KB, 5 million visits) is refused by the visit bound',
  { timeout: 60_000 },
  () => {
    const value = `- &c {description: x, links: [${Array(1000).fill('{name: a, url: b}').join(',')}]}\n` + '- *c\n'.repeat(1000);
    const problems = checkArtifactHubAnnotations({ [CHANGES]: value }, 'app');
    assert.ok(problems.length <= 3, JSON.stringify(problems.slice(0, 5)));
    assert.match(problems[0].problem, /too large to read: its aliases expand to more than 20000 values/);
  },
);

test('an annotation of 300,001 list entries is refused within bounds, with a bounded list of problems', { timeout: 60_000 }, () => {
  const value = `[${'1,'.repeat(300_000)}1]`;
  const problems = checkArtifactHubAnnotations({ 'artifacthub.io/links': value }, 'app');
  assert.ok(problems.length <= 25, `${problems.length} problems reported`);
  assert.match(problems.map((p) => p.problem).join('\n'), /more than|bound/i);
});

test('an annotation nested 20,000 deep is refused by the bound, not by the parser running out of stack', { timeout: 60_000 }, () => {
  const problems = checkArtifactHubAnnotations({ 'artifacthub.io/links': '['.repeat(20_000) + ']'.repeat(20_000) }, 'app');
  assert.equal(problems.length, 1);
  assert.match(problems[0].problem, /too large to read: it nests deeper than 64 levels/);
});

test('a link list of 2,000 entries each wrong reports at most a bounded number of problems', () => {
  const value = Array(2_000).fill('- {name: a, url: [b]}').join('\n');
  const problems = checkArtifactHubAnnotations({ 'artifacthub.io/links': value }, 'app');
  assert.ok(problems.length <= 25, `${problems.length} problems reported`);
  assert.match(problems.at(-1)!.problem, /and \d+ more/);
});

test('artifacthub-repo.yml of 100,000 owners (2.4 MB) is refused, naming the bound', { timeout: 60_000 }, () => {
  const text = `owners:\n${'  - {name: a, email: a@b.c}\n'.repeat(100_000)}`;
  assert.throws(
    () => checkRepoMetadata(Buffer.from(text), 'artifacthub-repo.yml'),
    /too large to read: it is \d+ bytes, over the 1048576-byte bound/,
  );
});

test("artifacthub-repo.yml that is not UTF-8 (a Latin-1 é) is refused: Artifact Hub's YAML reader refuses it, the file is pushed as it is", () => {
  const latin1 = Buffer.concat([
    Buffer.from('owners:\n  - name: Jos'),
    Buffer.from([0xe9]),
    Buffer.from('\n    email: jose@example.com\n'),
  ]);
  assert.throws(() => checkRepoMetadata(latin1, 'artifacthub-repo.yml'), /not UTF-8/);
});

test("artifacthub-repo.yml with a UTF-8 byte order mark is read (Go's YAML reader skips it too)", () => {
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('owners:\n  - name: a\n    email: a@example.com\n')]);
  checkRepoMetadata(bom, 'artifacthub-repo.yml');
});
