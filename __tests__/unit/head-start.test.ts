import assert from 'node:assert/strict';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { firstRequest } from '../../src/action/head-start.js';
import { MANIFEST_ACCEPT } from '../../src/oci/media-types.js';
import { tempDir } from '../helpers/temp.js';

/** Inputs as the runner passes them (INPUT_<NAME>), with the chart folder made in `dir`. */
function env(dir: string, inputs: Record<string, string>, more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...more };
  for (const [k, v] of Object.entries({ chart: path.join(dir, 'hello'), ref: 'oci://registry.example:5000/charts', ...inputs }))
    e[`INPUT_${k.toUpperCase()}`] = v;
  return e;
}

async function chart(chartYaml: string): Promise<string> {
  const dir = await tempDir('chartlift-head-start-');
  await mkdir(path.join(dir, 'hello'));
  await writeFile(path.join(dir, 'hello', 'Chart.yaml'), chartYaml);
  return dir;
}

const HELLO = 'apiVersion: v2\nname: hello\nversion: 0.1.0+build.1\n';

test('no login: the tag look-up the step makes first, anonymously, as registry.ts makes it', async () => {
  const dir = await chart(HELLO);
  assert.deepEqual(firstRequest(env(dir, {})), {
    method: 'HEAD',
    url: 'https://registry.example:5000/v2/charts/hello/manifests/0.1.0_build.1',
    headers: { 'user-agent': 'chartlift', accept: MANIFEST_ACCEPT },
  });
  assert.equal(
    firstRequest(env(dir, { 'plain-http': 'TRUE', version: '2.0.0', ref: 'oci://127.0.0.1:5000/A/b\n# comment\noci://other/x' }))?.url,
    'http://127.0.0.1:5000/v2/a/b/hello/manifests/2.0.0',
  );
  // A full reference names the repository itself.
  assert.equal(
    firstRequest(env(dir, { ref: 'ghcr.io/org/hello:0.1.0_build.1' }))?.url,
    'https://ghcr.io/v2/org/hello/manifests/0.1.0_build.1',
  );
});

test("with username and password the login's ping comes first (the password as written: spaces are one)", async () => {
  const dir = await chart(HELLO);
  for (const password of ['secret', '  ']) {
    const req = firstRequest(env(dir, { username: 'u', password }));
    assert.deepEqual(req, { method: 'GET', url: 'https://registry.example:5000/v2/', headers: { 'user-agent': 'chartlift' } });
    assert.ok(!JSON.stringify(req).includes('secret'));
  }
  assert.equal(firstRequest(env(dir, { username: 'u' }))?.method, 'HEAD');
});

test('nothing is sent where the first request is not plain: the post step, no push, several charts, globs, archives, other trust, doubtful inputs', async () => {
  const dir = await chart(HELLO);
  const none: Array<[string, NodeJS.ProcessEnv]> = [
    ['the post step', env(dir, {}, { STATE_isPost: 'true' })],
    ['push: false', env(dir, { push: 'false' })],
    ['push: not a boolean', env(dir, { push: 'yes' })],
    ['plain-http: not a boolean', env(dir, { 'plain-http': 'on' })],
    ['two charts', env(dir, { chart: `${path.join(dir, 'hello')}\n${path.join(dir, 'other')}` })],
    ['a glob', env(dir, { chart: `${dir}/*` })],
    ['an exclusion', env(dir, { chart: `!${dir}/hello` })],
    ['an archive', env(dir, { chart: `${dir}/hello-0.1.0.tgz` })],
    ['a CA file over HTTPS', env(dir, { 'ca-file': '/etc/ca.pem' })],
    ['no TLS check', env(dir, { 'insecure-skip-tls-verify': 'true' })],
    ['no ref', env(dir, { ref: '# nothing\n' })],
    ['a ref that is not one', env(dir, { ref: 'oci://registry.example/Bad Path' })],
    ['a ref whose name is not the chart', env(dir, { ref: 'registry.example/org/other' })],
    ['a tag that is not the version', env(dir, { ref: 'registry.example/org/hello:9.9.9' })],
    ['no such folder', env(dir, { chart: path.join(dir, 'missing') })],
  ];
  for (const [what, e] of none) {
    let req;
    assert.doesNotThrow(() => (req = firstRequest(e)), what);
    assert.equal(req, undefined, what);
  }
  // Over plain HTTP the trust inputs change nothing.
  assert.ok(firstRequest(env(dir, { 'plain-http': 'true', 'ca-file': '/etc/ca.pem' })));
});

test('a Chart.yaml outside the simple subset, or without a plain name and version, sends nothing', async () => {
  for (const text of [
    'name: hello\nversion: 1.0\n', // a number: the library decides
    'name: hello\n', // no version
    'name: ""\nversion: 0.1.0\n',
    'name: &a hello\nversion: 0.1.0\n',
    '- name\n',
    'name: hello\nversion: 0.1.0\n' + '#'.repeat(70_000), // larger than a glance reads
  ]) {
    const dir = await chart(text);
    assert.equal(firstRequest(env(dir, {})), undefined, JSON.stringify(text.slice(0, 40)));
  }
});

test('a Chart.yaml that is a link sends nothing: the step refuses one that leaves the chart, and a glance does not follow any', async () => {
  const dir = await chart(HELLO);
  const elsewhere = path.join(dir, 'elsewhere.yaml');
  await writeFile(elsewhere, 'name: secretname\nversion: 9.9.9\n');
  await rm(path.join(dir, 'hello', 'Chart.yaml'));
  await symlink(elsewhere, path.join(dir, 'hello', 'Chart.yaml'));
  assert.equal(firstRequest(env(dir, {})), undefined);
});
