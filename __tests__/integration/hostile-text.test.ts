import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { retryPolicy } from '../../src/oci/retry.js';
import { runAction } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { plantChart, startHostileRegistry } from '../helpers/hostile-registry.js';
import { tempDir } from '../helpers/temp.js';
import { makeTls } from '../helpers/tls.js';

// What a hostile registry says is printed as text, never obeyed as a workflow command or a terminal
// escape; its silence ends within one deadline per operation; its token realm, tokens and redirects
// cannot reach elsewhere.
let work: string;
let chart: string;

before(async () => {
  work = await tempDir('chartlift-hostile-text-');
  chart = path.join(work, 'victim');
  await tree(chart, {
    'Chart.yaml': 'apiVersion: v2\nname: victim\nversion: 1.0.0\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v\n',
  });
});

/** Workflow commands, terminal escapes, a forged success line, bidi and zero-width characters. */
const PAYLOAD =
  'denied\n::warning title=forged::forged annotation\r\n::add-mask::sha256\n::stop-commands::s70p\n##[add-mask]1.0.0\n' +
  '\u001b]0;owned\u0007\u001b[2J\u001b[31mred\r\nLogin succeeded\n\u202eevil\u2066\u200b\u0085\u009b2J';
/** What a header can carry (no CR, LF or C0): C1 controls (8-bit CSI, OSC) and bidi overrides, read as latin1. */
const HEADER_PAYLOAD = '\u009b2J\u009d0;owned\u009c \u00e2\u0080\u00ae';

/** Lines a runner would take as workflow commands: `::` at the start (after blanks), or `##[` anywhere. */
function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l) || l.includes('##['));
}

/** Our own commands: annotations, masks of our secrets, groups, debug; none carrying the registry's words raw. */
function assertOnlyOurCommands(stdout: string): void {
  for (const line of commandLines(stdout)) {
    assert.match(line, /^::(error|warning|notice|add-mask|group|endgroup|debug)( [^:]*)?::/, `not our command: ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, /^::add-mask::(sha256|1\.0\.0)$/, 'a mask the registry asked for');
    // The registry's words may be quoted (escaped) in our annotations, never be a command of their own.
    assert.doesNotMatch(line, /^\s*::(warning title=forged|stop-commands)/, `the registry's command: ${JSON.stringify(line)}`);
  }
  assert.ok(!stdout.split('\n').some((l) => /^\s*::stop-commands::/.test(l)), 'commands switched off');
}

function assertNoControls(text: string): void {
  // eslint-disable-next-line no-control-regex
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b]/.exec(text);
  assert.equal(raw, null, `a raw control character ${JSON.stringify(raw?.[0])} at ${raw?.index}: ${JSON.stringify(text.slice(0, 400))}`);
}

describe('registry text is printed, never obeyed', () => {
  test('the action: error bodies with workflow commands and escapes, in the retry line and the failure', async () => {
    const reg = await startHostileRegistry();
    reg.override = (req, res) => {
      if (req.method === 'POST' && req.url.includes('/blobs/uploads/')) {
        res.writeHead(503, { 'content-type': 'application/json', 'x-hostile': HEADER_PAYLOAD });
        res.end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: PAYLOAD }] }));
        return true;
      }
      return false;
    };
    try {
      const r = await runAction(
        { chart, ref: `oci://${reg.host}/Text`, 'plain-http': 'true', retries: '1' },
        { env: (await helmHome()).env },
      );
      assert.equal(r.code, 1, r.stdout);
      // Our own commands still work: the notice of a lowered path, the error annotation.
      assert.ok(
        r.stdout.split('\n').some((l) => l.startsWith('::notice::The repository path "Text/victim" was lower-cased')),
        r.stdout,
      );
      assert.equal(r.errors.length, 1);
      assert.match(r.stdout, /restarting the upload of sha256:/, 'the retry line was printed');
      assert.match(r.errors.join('\n'), /UNAVAILABLE: denied\\u000a::warning/);
      assertOnlyOurCommands(r.stdout);
      assertNoControls(r.stdout + r.stderr);
      const summary = await readFile(r.summaryFile, 'utf8');
      assertNoControls(summary);
    } finally {
      await reg.stop();
    }
  });

  test('the CLI: a login refused with escapes and a forged "Login succeeded"; a realm with C1 controls; a CR in a text body', async () => {
    const reg = await startHostileRegistry();
    reg.override = (req, res) => {
      if (req.url.startsWith('/v2/realm')) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="gopher://x/${HEADER_PAYLOAD}",service="x"` }).end();
        return true;
      }
      if (req.url.startsWith('/v2/text')) {
        // Not JSON: the first line is quoted, and a CR in it would return to the line's start.
        res.writeHead(400, { 'content-type': 'text/plain' }).end('oops \u001b]0;owned\u0007\u001b[2J\rLogin succeeded\nmore');
        return true;
      }
      res.writeHead(401, { 'www-authenticate': 'Basic realm="x"', 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: PAYLOAD }] }));
      return true;
    };
    try {
      const { env } = await helmHome();
      const login = await exec(process.execPath, [CLI, 'registry', 'login', '-u', 'u', '--password-stdin', '--plain-http', reg.host], {
        env,
        input: 'hostile-pw',
      });
      assert.equal(login.code, 1, login.stdout);
      assert.match(login.stderr, /^Error: authentication failed for .*denied\\u000a::warning/);
      const pull = await exec(process.execPath, [CLI, 'chart', 'pull', `${reg.host}/realm/victim:1.0.0`, '--plain-http'], { env });
      assert.equal(pull.code, 1, pull.stdout);
      assert.match(pull.stderr, /names a token realm that is not HTTP\(S\): gopher:\/\/x\/\\u009b2J/);
      const text = await exec(process.execPath, [CLI, 'chart', 'pull', `${reg.host}/text/victim:1.0.0`, '--plain-http'], { env });
      assert.equal(text.code, 1, text.stdout);
      assert.match(text.stderr, /HTTP 400: oops \\u001b\]0;owned\\u0007\\u001b\[2J\\u000dLogin succeeded\./);
      for (const r of [login, pull, text]) {
        const out = r.stdout + r.stderr;
        assertNoControls(out);
        assertOnlyOurCommands(out);
        assert.ok(!out.split('\n').includes('Login succeeded'), 'a forged success line');
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one error line: ${JSON.stringify(r.stderr)}`);
      }
    } finally {
      await reg.stop();
    }
  });
});

/** The longest an operation may take: (retries + 1) × timeout and every backoff wait at its longest. */
function bound(retries: number, timeoutSeconds: number): number {
  const p = retryPolicy(retries, timeoutSeconds);
  let backoff = 0;
  for (let n = 0; n < retries; n++) backoff += Math.min(p.capMs, p.baseMs * 2 ** n);
  return (retries + 1) * p.timeoutMs + backoff;
}

describe('one deadline per operation', () => {
  for (const retries of [1, 2, 3]) {
    test(`a registry silent after the tag lookup, timeout 1, retries ${retries}: over within (retries + 1) × timeout + backoff`, async () => {
      const reg = await startHostileRegistry();
      let silentSince = 0;
      reg.override = (req) => {
        if (silentSince) return true; // never answers
        if (req.method === 'HEAD' && req.url.includes('/manifests/')) silentSince = Date.now();
        return false;
      };
      try {
        const r = await runAction(
          { chart, ref: `oci://${reg.host}/silent`, 'plain-http': 'true', timeout: '1', retries: String(retries) },
          { env: (await helmHome()).env },
        );
        const ms = Date.now() - silentSince;
        assert.equal(r.code, 1, r.stdout);
        assert.ok(silentSince > 0);
        assert.match(r.errors.join('\n'), /did not answer in time/);
        // The process's own exit (its last lines, closing sockets) is given half a second.
        const limit = bound(retries, 1) + 500;
        assert.ok(ms < limit, `took ${ms} ms after the registry went silent, over the bound of ${limit} ms`);
      } finally {
        await reg.stop();
      }
    });
  }
});

describe('token realms, short tokens and redirects', () => {
  test('a realm on another host gets no request and no credentials; a host listed in CHARTLIFT_TOKEN_HOSTS does', async () => {
    const realm = await startHostileRegistry({ host: '127.0.0.2' });
    realm.override = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`internal service says: ${'\u001b[2J'.repeat(100)}${'x'.repeat(5000)}`);
      return true;
    };
    const reg = await startHostileRegistry();
    reg.override = (req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm.url}/latest/meta-data",service="x"` }).end();
        return true;
      }
      return false;
    };
    try {
      const inputs = { chart, ref: `oci://${reg.host}/realm`, username: 'u', password: 'r3alm-pw', 'plain-http': 'true', retries: '0' };
      const refused = await runAction(inputs, { env: (await helmHome()).env });
      assert.equal(refused.code, 1, refused.stdout);
      assert.match(refused.errors.join('\n'), /names a token realm on another host, 127\.0\.0\.2:\d+: no request is sent there/);
      assert.match(refused.errors.join('\n'), /CHARTLIFT_TOKEN_HOSTS/);
      assert.equal(realm.requests.length, 0);
      // Listed: asked (plain HTTP, as the registry itself is), and what it answers is quoted escaped and short.
      const listed = await runAction(inputs, { env: { ...(await helmHome()).env, CHARTLIFT_TOKEN_HOSTS: `example.org, ${realm.host}` } });
      assert.equal(listed.code, 1, listed.stdout);
      assert.equal(realm.requests.length, 1);
      const error = listed.errors.join('\n');
      assert.match(error, /get a token for .* failed: HTTP 500: internal service says: \\u001b\[2J/);
      assert.ok(error.length < 600, `the realm's answer quoted at length (${error.length} characters)`);
      assertNoControls(listed.stdout);
    } finally {
      await Promise.all([reg.stop(), realm.stop()]);
    }
  });

  test('a two-letter token is not masked (the log keeps its "ok"s), and is never printed', async () => {
    const reg = await startHostileRegistry();
    reg.override = (req, res) => {
      if (req.url.startsWith('/token')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'ok', expires_in: 300 }));
        return true;
      }
      if (req.headers.authorization !== 'Bearer ok') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${reg.url}/token",service="x"` }).end();
        return true;
      }
      return false;
    };
    try {
      const r = await runAction({ chart, ref: `oci://${reg.host}/short`, 'plain-http': 'true' }, { env: (await helmHome()).env });
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.outputs.status, 'pushed');
      assert.ok(!r.stdout.split('\n').includes('::add-mask::ok'), 'a two-letter mask blanks every "ok" in the job log');
      assert.ok(!r.stdout.includes('Bearer ok'));
    } finally {
      await reg.stop();
    }
  });

  test('a password too short to mask, quoted back by the registry in its error: hidden from every line, and the user told', async () => {
    const password = 'k9Zq2';
    const reg = await startHostileRegistry({ basic: { user: 'u', password } });
    reg.override = (req, res) => {
      if (req.method !== 'POST' || !req.url.includes('/blobs/uploads/')) return false;
      const creds = Buffer.from(String(req.headers.authorization).split(' ')[1], 'base64').toString();
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'BAD', message: `creds were ${creds} / ${creds.split(':')[1]}` }] }));
      return true;
    };
    try {
      const r = await runAction(
        { chart, ref: `oci://${reg.host}/echo`, 'plain-http': 'true', retries: '0', username: 'u', password },
        { env: (await helmHome()).env },
      );
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.errors.join('\n'), /creds were u:\*\*\* \/ \*\*\*/);
      assert.deepEqual(
        (r.stdout + r.stderr).split('\n').filter((l) => l.includes(password)),
        [],
        'the password is printed',
      );
      assert.match(r.stdout, /::warning::A credential is shorter than 6 characters: the runner does not mask it/);
      assert.ok(!(await readFile(r.summaryFile, 'utf8')).includes(password));
    } finally {
      await reg.stop();
    }
  });

  test('a blob download from an HTTPS registry redirected to plain HTTP: refused, nothing fetched there', async () => {
    const tls = await makeTls();
    const plain = await startHostileRegistry();
    const reg = await startHostileRegistry({ tls: { cert: await readFile(tls.cert), key: await readFile(tls.key) } });
    const config = Buffer.from(JSON.stringify({ name: 'victim', version: '1.0.0', apiVersion: 'v2' }));
    const tgz = Buffer.from('not fetched');
    plantChart(reg, 'down/victim', '1.0.0', config, tgz);
    plantChart(plain, 'down/victim', '1.0.0', config, tgz);
    reg.override = (req, res) => {
      if (req.method === 'GET' && req.url.includes('/blobs/')) {
        res.writeHead(307, { location: `${plain.url}${req.url}` }).end();
        return true;
      }
      return false;
    };
    try {
      const { env } = await helmHome();
      const r = await exec(process.execPath, [CLI, 'chart', 'pull', `${reg.host}/down/victim:1.0.0`], {
        env: { ...env, NODE_EXTRA_CA_CERTS: tls.ca },
      });
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /redirected a blob download from HTTPS to plain HTTP \(http:\/\/127\.0\.0\.1:\d+\): refused/);
      assert.equal(plain.requests.length, 0, 'the blob was fetched over plain HTTP');
    } finally {
      await Promise.all([reg.stop(), plain.stop()]);
    }
  });
});

after(() => {});
