import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { tool } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';
import { makeTls } from '../helpers/tls.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';
import { readTgz } from '../helpers/tgz.js';

// One library, two faces: the CLI prints no secret and speaks in flags, the action in inputs; both
// reach dependencies with the run's own HTTP settings and credentials.
let work: string;
let tokens: TokenServer;
let tokenRegistry: Registry;
let tlsRegistry: Registry;
let tls: Awaited<ReturnType<typeof makeTls>>;

before(async () => {
  work = await tempDir('chartlift-faces-');
  tls = await makeTls();
  tokens = await startTokenServer({ users: { alice: 'faces-T0ken-pw' } });
  [tokenRegistry, tlsRegistry] = await Promise.all([
    startRegistry({ token: tokens }),
    startRegistry({ tls: { cert: tls.cert, key: tls.key }, users: { carol: 'ca-r0l-pw' } }),
  ]);
});
after(async () => {
  await Promise.all([tokenRegistry?.stop(), tlsRegistry?.stop()]);
  await tokens?.stop();
});

const chart = (dir: string, name: string, extra: Record<string, string> = {}) =>
  tree(path.join(work, dir), {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
    'templates/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`,
    ...extra,
  });

describe('the CLI against a Bearer-token registry', () => {
  test('login, save, push, pull, logout: no token anywhere in stdout or stderr, no ::add-mask::', async () => {
    const { env } = await helmHome();
    const src = await chart('cli-token', 'tokened');
    const ref = `${tokenRegistry.host}/team/tokened:1.0.0`;
    const outputs: string[] = [];
    const step = async (args: string[], input?: string) => {
      const r = await cli(args, { env, input });
      outputs.push(r.stdout, r.stderr);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    };
    await step(['registry', 'login', '-u', 'alice', '--password-stdin', '--plain-http', tokenRegistry.host], 'faces-T0ken-pw');
    await step(['chart', 'save', src, ref]);
    await step(['chart', 'push', ref, '--plain-http']);
    await step(['chart', 'remove', ref]);
    await step(['chart', 'pull', ref, '--plain-http']);
    await step(['registry', 'logout', tokenRegistry.host]);
    assert.ok(tokens.issued.length >= 2, `tokens were issued (${tokens.issued.length})`);
    const all = outputs.join('\n');
    for (const token of tokens.issued) assert.ok(!all.includes(token), 'a token was printed');
    assert.doesNotMatch(all, /::add-mask::|faces-T0ken-pw/);
  });
});

describe('each face names its own settings in the same failure', () => {
  test('plain HTTP to an HTTPS registry: the CLI says --plain-http, the action plain-http: true', async () => {
    const { env } = await helmHome();
    const viaCli = await cli(['chart', 'pull', `${tlsRegistry.host}/x/y:1.0.0`, '--plain-http'], { env });
    assert.equal(viaCli.code, 1);
    assert.match(viaCli.stderr, /speaks HTTPS, but plain HTTP was used\. Drop --plain-http\./);
    const viaAction = await runAction(
      { chart: await chart('face-a', 'facea'), ref: `oci://${tlsRegistry.host}/x`, 'plain-http': 'true' },
      { env },
    );
    assert.match(viaAction.errors.join('\n'), /speaks HTTPS, but plain HTTP was used\. Remove `plain-http: true`\./);
    assert.doesNotMatch(viaCli.stderr, /`plain-http: true`|input/);
    assert.doesNotMatch(viaAction.stdout, /--plain-http/);
  });

  test('an untrusted certificate: the CLI names NODE_EXTRA_CA_CERTS, the action ca-file', async () => {
    const { env } = await helmHome();
    const viaCli = await cli(['chart', 'pull', `${tlsRegistry.host}/x/y:1.0.0`], { env });
    assert.match(viaCli.stderr, /the TLS certificate of .* is not trusted \(\w+\)\. Trust its CA with NODE_EXTRA_CA_CERTS/);
    const viaAction = await runAction({ chart: await chart('face-b', 'faceb'), ref: `oci://${tlsRegistry.host}/x` }, { env });
    assert.match(viaAction.errors.join('\n'), /is not trusted \(\w+\)\. Give its CA with `ca-file`/);
  });
});

describe('dependencies reach the network as the run does', () => {
  let repo: https.Server;
  let repoUrl: string;
  let depTgz: Buffer;
  const seen: Array<string | undefined> = [];

  before(async () => {
    const dep = await chart('dep-src', 'private-lib', { 'templates/_h.tpl': '{{ define "private-lib.x" }}x{{ end }}\n' });
    await run(tool('helm4'), ['package', dep, '-d', path.join(work, 'dep-out')]);
    depTgz = await readFile(path.join(work, 'dep-out', 'private-lib-1.0.0.tgz'));
    const digest = createHash('sha256').update(depTgz).digest('hex');
    const want = `Basic ${Buffer.from('repo-user:repo-pa55').toString('base64')}`;
    repo = https.createServer({ cert: await readFile(tls.cert), key: await readFile(tls.key) }, (req, res) => {
      seen.push(req.headers.authorization);
      if (req.headers.authorization !== want) return void res.writeHead(401, { 'www-authenticate': 'Basic realm="charts"' }).end();
      if (req.url === '/charts/index.yaml') {
        return void res.end(
          `apiVersion: v1\nentries:\n  private-lib:\n    - name: private-lib\n      version: 1.0.0\n      digest: ${digest}\n      urls: [private-lib-1.0.0.tgz]\n`,
        );
      }
      if (req.url === '/charts/private-lib-1.0.0.tgz') return void res.end(depTgz);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => repo.listen(0, '127.0.0.1', r));
    repoUrl = `https://127.0.0.1:${(repo.address() as AddressInfo).port}/charts`;
  });
  after(() => new Promise<void>((r) => repo.close(() => r())));

  const withDependency = (dir: string, repository: string) =>
    chart(dir, 'consumer', {
      'Chart.yaml': `apiVersion: v2\nname: consumer\nversion: 1.0.0\ndependencies:\n  - name: private-lib\n    version: 1.0.0\n    repository: ${repository}\n`,
    });

  test('an HTTPS chart repository with Basic auth (repositories.yaml) and a private CA (ca-file)', async () => {
    const { env, home } = await helmHome();
    const reposFile = path.join(home, '.config', 'helm', 'repositories.yaml');
    await mkdir(path.dirname(reposFile), { recursive: true });
    await writeFile(
      reposFile,
      `apiVersion: ""\ngenerated: "2026-01-01T00:00:00Z"\nrepositories:\n- name: private\n  url: ${repoUrl}\n  username: repo-user\n  password: repo-pa55\n`,
    );
    const cache = path.join(work, 'dep-cache');
    const r = await runAction(
      {
        chart: await withDependency('consumer-https', repoUrl),
        ref: `oci://${tlsRegistry.host}/apps-https`,
        username: 'carol',
        password: 'ca-r0l-pw',
        cache,
        'ca-file': tls.ca,
      },
      { env },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    assert.match(r.stdout, /dependency private-lib 1\.0\.0 vendored from https:/);
    const files = (await readTgz(await readFile(path.join(cache, 'blobs', 'sha256', r.outputs['chart-digest'].slice(7))))).map(
      (e) => e.name,
    );
    assert.ok(files.includes('consumer/charts/private-lib/templates/_h.tpl'), files.join(' '));
    assert.doesNotMatch(r.stdout, /repo-pa55/);

    const without = await runAction(
      { chart: await withDependency('consumer-https-2', repoUrl), ref: `oci://${tlsRegistry.host}/apps`, push: 'false', 'ca-file': tls.ca },
      { env: (await helmHome()).env },
    );
    assert.match(without.errors.join('\n'), /index\.yaml answered HTTP 401\. Add the repository with its credentials first/);
  });

  test('an OCI dependency on a registry behind the same CA, with the run’s credentials for it', async () => {
    const { env } = await helmHome();
    const lib = path.join(work, 'dep-out', 'private-lib-1.0.0.tgz');
    const pushed = await runAction(
      { chart: lib, ref: `oci://${tlsRegistry.host}/libs`, username: 'carol', password: 'ca-r0l-pw', 'ca-file': tls.ca },
      { env },
    );
    assert.equal(pushed.code, 0, pushed.stdout);
    const cache = path.join(work, 'dep-oci-cache');
    const r = await runAction(
      {
        chart: await withDependency('consumer-oci', `oci://${tlsRegistry.host}/libs`),
        ref: `oci://${tlsRegistry.host}/apps`,
        username: 'carol',
        password: 'ca-r0l-pw',
        'ca-file': tls.ca,
        cache,
      },
      { env: (await helmHome()).env },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.status, 'pushed');
    assert.match(
      r.stdout,
      new RegExp(`dependency private-lib 1\\.0\\.0 vendored from oci://${tlsRegistry.host.replace(/\./g, '\\.')}/libs`),
    );
  });
});
