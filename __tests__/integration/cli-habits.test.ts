import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli } from '../helpers/cli.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { ROOT, tool } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// The CLI where Helm users have habits: `--version`, `chart pull oci://… --version X`, its own words
// for an unknown option, the capitals notice; and one result, the registry's when that stands.
let work: string;
let registry: Registry;

before(async () => {
  work = await tempDir('chartlift-habits-');
  registry = await startRegistry();
});
after(() => registry?.stop());

async function chart(name: string): Promise<string> {
  const dir = path.join(work, 'src', name);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  await writeFile(path.join(dir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  return dir;
}

/** Each printed line that is not empty. */
const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('one clear line', () => {
  test('chartlift --version prints Chartlift’s own version (package.json’s, bundled at build time)', async () => {
    const { env } = await helmHome();
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await cli(['--version'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `chartlift ${version}\n`);
    assert.equal(r.stderr, '');
  });

  test('an unknown option: its own message, with the closest known option', async () => {
    const { env } = await helmHome();
    const r = await cli(['chart', 'push', `${registry.host}/x/y:0.1.0`, '--plain'], { env });
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.stderr), ['Error: unknown option --plain (did you mean --plain-http?). See chartlift chart push --help.']);
    assert.doesNotMatch(r.stderr, /positional|To specify/);
  });

  test('an option without its value says so in the CLI’s words', async () => {
    const { env } = await helmHome();
    const r = await cli(['chart', 'list', '--cache'], { env });
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.stderr), ['Error: --cache needs a value (--cache DIR). See chartlift chart list --help.']);
  });

  test('chart pull oci://…/name --version X, and chart export … --version X, as helm takes them', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, 'cache');
    const src = await chart('habit');
    const ref = `${registry.host}/habits/habit:0.1.0`;
    assert.equal((await cli(['chart', 'save', src, ref, '--cache', cache], { env })).code, 0);
    const push = await cli(['chart', 'push', ref, '--plain-http', '--cache', cache], { env });
    assert.equal(push.code, 0, push.stderr);
    const other = path.join(home, 'other-cache');
    const pull = await cli(
      ['chart', 'pull', `oci://${registry.host}/habits/habit`, '--version', '0.1.0', '--plain-http', '--cache', other],
      {
        env,
      },
    );
    assert.equal(pull.code, 0, pull.stderr);
    assert.match(pull.stdout, new RegExp(`Status: Downloaded newer chart for ${ref.replace(/[.]/g, '\\.')}`));
    const out = path.join(home, 'out');
    const exp = await cli(['chart', 'export', `oci://${registry.host}/habits/habit`, '--version', '0.1.0', '-d', out, '--cache', other], {
      env,
    });
    assert.equal(exp.code, 0, exp.stderr);
    assert.deepEqual(await readdir(path.join(out, 'habit')), ['Chart.yaml', 'templates']);
    const clash = await cli(['chart', 'pull', `${ref}`, '--version', '0.2.0', '--cache', other], { env });
    assert.equal(clash.code, 1);
    assert.equal(lines(clash.stderr).length, 1, clash.stderr);
    assert.match(clash.stderr, /the tag "0\.1\.0" and --version 0\.2\.0 differ/);
  });

  test('a damaged cache: one warning naming index.json and what was done; the command goes on', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, 'cache');
    await mkdir(cache, { recursive: true });
    await writeFile(path.join(cache, 'index.json'), '{bad');
    const r = await cli(['chart', 'list', '--cache', cache], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(lines(r.stderr).length, 1, r.stderr);
    assert.match(
      lines(r.stderr)[0],
      /^warning: The cache index .*index\.json could not be read \(it is not JSON: .*\): set aside as index\.json\.damaged-/,
    );
    assert.match(r.stdout, /^REF\s+NAME/);
  });
});

describe('login', () => {
  test('-u given, no --password-stdin, standard input not a terminal: the hint names --password-stdin only', async () => {
    const { env } = await helmHome();
    const r = await cli(['registry', 'login', '-u', 'myuser', registry.host], { env, input: 'x\n' });
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.stderr), [
      'Error: Password is needed, but standard input is not a terminal. Pipe the password in with --password-stdin.',
    ]);
  });
});

describe('the same result as the action', () => {
  test('chart save into a path with capitals: a notice says it was lowered', async () => {
    const { env, home } = await helmHome();
    const src = await chart('capped');
    const r = await cli(['chart', 'save', src, `${registry.host}/MyOrg/capped:0.1.0`, '--cache', path.join(home, 'cache')], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^notice: The repository path "MyOrg\/capped" was lower-cased to "myorg\/capped"/);
    assert.match(r.stdout, new RegExp(`ref:     ${registry.host.replace(/[.]/g, '\\.')}/myorg/capped:0\\.1\\.0`));
  });

  test('chart push of the same chart helm pushed: the printed digest and size, and the cache, are the registry’s', async () => {
    const { env, home } = await helmHome();
    const cache = path.join(home, 'cache');
    const src = await chart('viahelm');
    await run(tool('helm3'), ['package', src, '-d', path.join(home, 'pkg')], { env });
    await run(tool('helm3'), ['push', path.join(home, 'pkg', 'viahelm-0.1.0.tgz'), `oci://${registry.host}/cli`, '--plain-http'], { env });
    const theirs = await fetchManifest(registry, 'cli/viahelm', '0.1.0');
    assert.ok(theirs.digest);
    const ref = `${registry.host}/cli/viahelm:0.1.0`;
    assert.equal((await cli(['chart', 'save', src, ref, '--cache', cache], { env })).code, 0);
    const push = await cli(['chart', 'push', ref, '--plain-http', '--cache', cache], { env });
    assert.equal(push.code, 0, push.stderr);
    assert.match(push.stdout, new RegExp(`\\ndigest:  ${theirs.digest}\\n`));
    assert.ok(
      push.stdout.includes(`0.1.0: unchanged (the registry already holds the same chart: ${theirs.digest}, pushed by another tool)`),
      push.stdout,
    );
    const list = await cli(['chart', 'list', '--cache', cache], { env });
    assert.match(list.stdout, new RegExp(`${ref.replace(/[.]/g, '\\.')}\\s+viahelm\\s+0\\.1\\.0\\s+${theirs.digest.slice(7, 14)}`));
  });
});
