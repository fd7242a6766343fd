import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { HttpClient } from '../../src/action/lazy-http-client.js';
import { runAction } from '../helpers/action.js';
import { findNode } from '../helpers/node-versions.js';
import { ROOT } from '../helpers/paths.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// What a publish loads of the bundle (issue #16: load only what the path in hand needs). A load hook
// records every dist/ file the run evaluates; ncc's statistics say which packages each file holds.

let registry: Registry;
let work: string;
before(async () => {
  registry = await startRegistry();
  work = await tempDir('chartlift-start-path-');
  await writeFile(
    path.join(work, 'hook.mjs'),
    `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\n` +
      `registerHooks({ load(url, context, next) { if (url.includes('/dist/')) appendFileSync(process.env.LOADED_LOG, url.split('/').pop() + '\\n'); return next(url, context); } });\n` +
      `process.on('exit', () => appendFileSync(process.env.LOADED_LOG, process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => 'node:' + m.slice(13) + '\\n').join('')));\n`,
  );
});
after(() => registry?.stop());

/** The packages (and `src`) held by the bundle files a run of the action loaded, and the runtime's modules it loaded (`node:…`). */
async function packagesLoaded(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<Set<string>> {
  const log = path.join(work, `loaded-${Date.now()}-${Math.random()}`);
  await writeFile(log, '');
  // node24, as the runner starts the action (module.registerHooks is Node 22.15's).
  const r = await runAction(inputs, {
    node: await findNode(24),
    env: { ...env, NODE_OPTIONS: `--import=${path.join(work, 'hook.mjs')}`, LOADED_LOG: log },
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  const files = new Set(lines.filter((l) => !l.startsWith('node:')));
  const stats = JSON.parse(await readFile(path.join(ROOT, '.build', 'stats.json'), 'utf8')) as {
    chunks: Array<{ files: string[]; modules: Array<{ name: string }> }>;
  };
  const out = new Set<string>(lines.filter((l) => l.startsWith('node:')));
  for (const chunk of stats.chunks) {
    if (!chunk.files.some((f) => files.has(f))) continue;
    for (const m of chunk.modules) out.add(/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m.name)?.[1] ?? 'src');
  }
  assert.ok(out.has('src') && out.has('@actions/core'), `the load hook saw the run: ${[...out].join(', ')}`);
  return out;
}

const publish = { chart: path.join(ROOT, 'examples', 'hello'), 'plain-http': 'true' };

test("a publish loads neither undici, @actions/http-client, @actions/exec, openpgp, sigstore-js, tar, semver, yaml (a chart in simple-yaml.ts's subset), child_process, worker_threads, zlib, perf_hooks nor (plain HTTP) TLS", async () => {
  const loaded = await packagesLoaded({ ...publish, ref: `oci://${registry.host}/start-path` }, { SOURCE_DATE_EPOCH: '0' });
  assert.ok(loaded.has('node:http'), [...loaded].join(', '));
  for (const pkg of [
    'undici',
    '@actions/http-client',
    '@actions/exec',
    'openpgp',
    '@sigstore/sign',
    '@sigstore/verify',
    '@sigstore/tuf',
    '@sigstore/core',
    '@sigstore/bundle',
    'tar',
    'semver',
    'yaml',
    'node:child_process',
    'node:worker_threads',
    'node:zlib',
    'node:perf_hooks',
    'node:tls',
    'node:https',
  ])
    assert.ok(!loaded.has(pkg), `${pkg} was loaded: ${[...loaded].join(', ')}`);
});

test('a proxy variable loads undici (its proxy agent), and NO_PROXY still reaches the registry', async () => {
  const loaded = await packagesLoaded(
    { ...publish, ref: `oci://${registry.host}/start-path-proxy` },
    { HTTP_PROXY: 'http://127.0.0.1:1', NO_PROXY: '127.0.0.1' },
  );
  assert.ok(loaded.has('undici'), [...loaded].join(', '));
  assert.ok(!loaded.has('@actions/http-client'));
});

test("@actions/core's HttpClient, as the bundle maps it, is the real client once used (an OIDC token request)", async () => {
  const seen: Array<{ url?: string; auth?: string; agent?: string }> = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url, auth: req.headers.authorization, agent: req.headers['user-agent'] });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ value: 'id-token' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { BearerCredentialHandler } = await import('@actions/http-client/lib/auth');
    const client = new HttpClient('actions/oidc-client', [new BearerCredentialHandler('request-token')], {
      allowRetries: true,
      maxRetries: 1,
    });
    const port = (server.address() as AddressInfo).port;
    const res = await client.getJson<{ value: string }>(`http://127.0.0.1:${port}/token?audience=x`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.result, { value: 'id-token' });
    assert.deepEqual(seen, [{ url: '/token?audience=x', auth: 'Bearer request-token', agent: 'actions/oidc-client' }]);
  } finally {
    server.close();
  }
});

test("@actions/core's @actions/exec, as the bundle maps it, runs the real commands once used (core.platform)", async () => {
  const { getExecOutput } = await import('../../src/action/lazy-exec.js');
  const r = await getExecOutput(process.execPath, ['-e', 'process.stdout.write("from the real exec")'], { silent: true });
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, 'from the real exec');
});

test('the chunks built from src/ are ASCII: V8 holds a script with one character past U+007F at two bytes a character', async () => {
  const stats = JSON.parse(await readFile(path.join(ROOT, '.build', 'stats.json'), 'utf8')) as {
    chunks: Array<{ files: string[]; modules: Array<{ name: string }> }>;
  };
  const own = stats.chunks.filter((c) => c.modules.every((m) => !m.name.includes('node_modules'))).flatMap((c) => c.files);
  assert.ok(own.length > 10 && own.includes('index.js'), own.join(', '));
  for (const file of own) {
    const text = await readFile(path.join(ROOT, 'dist', file), 'utf8');
    assert.equal(/[^\n\r\t\x20-\x7e]/.exec(text)?.[0], undefined, file);
  }
});
