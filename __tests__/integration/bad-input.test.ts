import assert from 'node:assert/strict';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { sha256 } from '../../src/oci/digest.js';
import { runAction } from '../helpers/action.js';
import { exec, run } from '../helpers/exec.js';
import { HELMS, tool } from '../helpers/paths.js';
import { CLOSED_PORT } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree.js';

let work: string;
let good: string;
let cache: string;

const chart = async (name: string, files: Record<string, string>): Promise<string> => {
  const dir = path.join(work, name);
  for (const [f, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), body);
  }
  return dir;
};

/** A .tgz made by GNU tar from `dir` with extra arguments (absolute paths, renames, links kept). */
const tgz = async (name: string, args: string[], cwd: string): Promise<string> => {
  const file = path.join(work, name);
  await run('tar', ['-czf', file, ...args], { cwd });
  return file;
};

/** `tar -cf` of a good chart: a tar without gzip, whatever it is named. */
const plainTar = async (name: string): Promise<string> => {
  const file = path.join(work, name);
  await run('tar', ['-cf', file, 'good'], { cwd: work });
  return file;
};

test('helm itself refuses an uncompressed tar as a chart (3.17.3 and 4.1.4)', async () => {
  const file = await plainTar('plain-for-helm.tgz');
  for (const helm of HELMS) {
    const r = await exec(helm.bin(), ['show', 'chart', file]);
    assert.notEqual(r.code, 0, helm.label);
    assert.match(r.stderr, /gzip/, helm.label);
  }
});

before(async () => {
  work = await tempDir('chartlift-bad-');
  await run(tool('helm3'), ['create', 'good'], { cwd: work });
  good = path.join(work, 'good');
  cache = path.join(work, 'cache');
  const seeded = await runAction({ chart: good, ref: 'oci://localhost:5000/seed', push: 'false', cache });
  assert.equal(seeded.code, 0, seeded.stdout);
});

const cases: Array<{ name: string; chart: () => Promise<string>; says: RegExp; cache?: () => Promise<string> }> = [
  {
    name: 'no such path',
    chart: async () => path.join(work, 'missing'),
    says: /missing: no such file or folder\. Check the `chart` input/,
  },
  {
    name: 'a folder without Chart.yaml',
    chart: () => chart('nochart', { 'values.yaml': 'a: 1\n' }),
    says: /nochart: this folder has no Chart\.yaml\. Point `chart` at the folder/,
  },
  {
    name: 'invalid YAML',
    chart: () => chart('badyaml', { 'Chart.yaml': 'name: x\nversion: [1.0.0\n' }),
    says: /badyaml\/Chart\.yaml: invalid YAML at line \d+, column \d+: .* Fix the YAML syntax/,
  },
  {
    name: 'missing name',
    chart: () => chart('noname', { 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' }),
    says: /noname\/Chart\.yaml: the chart name is missing\. Add "name: <chart-name>"/,
  },
  {
    name: 'missing version',
    chart: () => chart('nover', { 'Chart.yaml': 'apiVersion: v2\nname: nover\n' }),
    says: /nover\/Chart\.yaml: the chart version is missing\. Add "version:/,
  },
  {
    name: 'a version Helm cannot read',
    chart: () => chart('badver', { 'Chart.yaml': 'apiVersion: v2\nname: badver\nversion: v1.2.3.4\n' }),
    says: /badver\/Chart\.yaml: version "v1\.2\.3\.4" is not a version Helm reads\. Use MAJOR\.MINOR\.PATCH/,
  },
  {
    name: 'a link leaving the chart',
    chart: async () => {
      const dir = await chart('leaky', { 'Chart.yaml': 'apiVersion: v2\nname: leaky\nversion: 1.0.0\n' });
      await writeFile(path.join(work, 'outside-secret.txt'), 'secret\n');
      await symlink('../outside-secret.txt', path.join(dir, 'secret.txt'));
      return dir;
    },
    says: /leaky\/secret\.txt: is a symbolic link that leaves the chart \(to .*outside-secret\.txt\)\. Copy the file into the chart/,
  },
  {
    name: 'a file over 5 MiB',
    chart: async () =>
      chart('huge', { 'Chart.yaml': 'apiVersion: v2\nname: huge\nversion: 1.0.0\n', 'files/big.bin': 'x'.repeat(5 * 1024 * 1024 + 1) }),
    says: /huge\/files\/big\.bin: is 5242881 bytes, over Helm's limit of 5242880 bytes \(5 MiB\) per chart file\. Keep large files out/,
  },
  {
    name: 'a .tgz with ../',
    chart: async () => {
      await cp(good, path.join(work, 'src-dotdot', 'good'), { recursive: true });
      return tgz('dotdot.tgz', ['--transform', 's,^good/values.yaml,good/../../evil.yaml,', 'good'], path.join(work, 'src-dotdot'));
    },
    says: /dotdot\.tgz: holds a path that climbs out of the chart: good\/\.\.\/\.\.\/evil\.yaml\. Rebuild the archive/,
  },
  {
    name: 'a .tgz with an absolute path',
    chart: async () => tgz('absolute.tgz', ['-P', path.join(good, 'Chart.yaml')], work),
    says: /absolute\.tgz: holds an absolute path: \/.*Chart\.yaml\. Rebuild the archive/,
  },
  {
    name: 'a .tgz with a link entry',
    chart: async () => {
      const src = path.join(work, 'src-link');
      await cp(good, path.join(src, 'good'), { recursive: true });
      await symlink('/etc/passwd', path.join(src, 'good', 'passwd'));
      return tgz('link.tgz', ['good'], src);
    },
    says: /link\.tgz: holds a SymbolicLink entry \(good\/passwd\); charts contain regular files only\. Rebuild the archive/,
  },
  {
    name: 'an uncompressed tar named .tgz (Helm cannot read it: it would burn the version)',
    chart: () => plainTar('plain.tgz'),
    says: /plain\.tgz: is not a gzipped archive \(a chart is a \.tgz: tar, then gzip\)\. Package it with helm package or chartlift/,
  },
  {
    name: 'an uncompressed tar named .tar',
    chart: () => plainTar('plain.tar'),
    says: /plain\.tar: is not a gzipped archive/,
  },
  {
    name: 'a missing dependency whose repository cannot be reached (index.yaml)',
    chart: () =>
      chart('unreachable', {
        'Chart.yaml': `apiVersion: v2\nname: unreachable\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: http://127.0.0.1:${CLOSED_PORT}/charts\n`,
      }),
    says: new RegExp(
      `unreachable: dependency "redis" \\(http://127\\.0\\.0\\.1:${CLOSED_PORT}/charts, 1\\.0\\.0\\) could not be vendored: connect ECONNREFUSED .*\\. Check that http://127\\.0\\.0\\.1:${CLOSED_PORT}/charts can be reached from this machine`,
    ),
  },
  {
    name: 'a missing dependency whose OCI registry cannot be reached',
    chart: () =>
      chart('unreachable-oci', {
        'Chart.yaml': `apiVersion: v2\nname: unreachable-oci\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: oci://127.0.0.1:${CLOSED_PORT}/charts\n`,
      }),
    says: /dependency "redis" \(oci:\/\/127\.0\.0\.1:1\/charts, 1\.0\.0\) could not be vendored: cannot reach 127\.0\.0\.1:1: connection refused\. Check that oci:\/\/127\.0\.0\.1:1\/charts can be reached/,
  },
  {
    name: 'an unwritable cache',
    chart: async () => good,
    cache: async () => {
      const file = path.join(work, 'not-a-folder');
      await writeFile(file, 'a file where the cache should be\n');
      return file;
    },
    says: /not-a-folder: the cache is a file, not a folder\. Set the `cache` input to a writable folder/,
  },
];

for (const c of cases) {
  test(`bad input: ${c.name} → one clear ::error:: line, cache unchanged`, async () => {
    const target = c.cache ? await c.cache() : cache;
    const before = await treeHash(target);
    const r = await runAction({ chart: await c.chart(), ref: 'oci://localhost:5000/seed', push: 'false', cache: target });
    assert.notEqual(r.code, 0);
    assert.equal(r.errors.length, 1, r.stdout);
    // Pointing at the line when the file is at fault there (GitHub shows it beside the line).
    assert.match(r.errors[0], /^::error( file=[^:,]+,line=\d+,col=\d+)?::/);
    assert.match(r.errors[0], c.says);
    assert.equal(await treeHash(target), before, 'the cache changed');
    // Only `charts`, with the one chart failed and its error.
    assert.deepEqual(Object.keys(r.outputs), ['charts']);
    const [failed] = JSON.parse(r.outputs.charts) as Array<{ status: string; error: string }>;
    assert.equal(failed.status, 'failed');
    assert.ok(r.errors[0].endsWith(`::${failed.error}`), r.errors[0]);
  });
}

test('a packaged chart that lacks a declared dependency is pushed as it is, with a warning, and nothing is resolved', async () => {
  await chart('packed-missing', {
    'Chart.yaml': `apiVersion: v2\nname: packed-missing\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: http://127.0.0.1:${CLOSED_PORT}/charts\n`,
  });
  const cacheDir = path.join(work, 'packed-missing-cache');
  await run('tar', ['-czf', path.join(work, 'packed-missing-1.0.0.tgz'), 'packed-missing'], { cwd: work });
  const tgz = path.join(work, 'packed-missing-1.0.0.tgz');
  const r = await runAction({ chart: tgz, ref: 'oci://localhost:5000/seed', push: 'false', cache: cacheDir });
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs['chart-digest'], sha256(await readFile(tgz)));
  assert.match(
    r.stdout,
    /::warning::.*packed-missing-1\.0\.0\.tgz: declares dependencies missing from its charts\/ \(redis\): pushed as it is/,
  );
  assert.doesNotMatch(r.stdout, /vendored from|ECONNREFUSED/);
});
