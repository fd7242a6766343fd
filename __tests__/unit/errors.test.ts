import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_HINTS } from '../../src/action/hints.js';
import { CLI_HINTS } from '../../src/cli/hints.js';
import { errorLine, UserError, type ErrorCode } from '../../src/errors.js';
import { networkError, responseError } from '../../src/oci/errors.js';

const CODES: ErrorCode[] = [
  'sign-key-unreadable',
  'sign-passphrase',
  'sign-key-name',
  'unauthorized',
  'https-expected',
  'http-expected',
  'tls-untrusted',
  'connection-refused',
  'unknown-host',
  'cache-unwritable',
  'chart-missing',
  'no-chart-yaml',
  'username-colon',
  'ca-file-unreadable',
  'ca-file-not-pem',
];
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

test('one line: where, message, hint, each ending in a full stop', () => {
  assert.equal(new UserError('it broke', { where: 'a/b', hint: 'Fix it' }).toLine(), 'a/b: it broke. Fix it.');
  assert.equal(errorLine(new Error('multi\n  line')), 'multi line');
  assert.equal(errorLine('text'), 'text');
});

test('a face’s hint replaces the library’s neutral one for its code, and only then', () => {
  const e = new UserError('x speaks HTTPS, but plain HTTP was used', { hint: 'Talk HTTPS to it', code: 'https-expected' });
  assert.equal(errorLine(e), 'x speaks HTTPS, but plain HTTP was used. Talk HTTPS to it.');
  assert.equal(errorLine(e, ACTION_HINTS), 'x speaks HTTPS, but plain HTTP was used. Remove `plain-http: true`.');
  assert.equal(errorLine(e, CLI_HINTS), 'x speaks HTTPS, but plain HTTP was used. Drop --plain-http.');
  assert.equal(errorLine(new UserError('plain', { hint: 'Own hint' }), CLI_HINTS), 'plain. Own hint.');
});

test('both faces have words for every code; the CLI’s name no input, the action’s no flag', () => {
  for (const code of CODES) {
    assert.ok(ACTION_HINTS[code], `action: ${code}`);
    assert.ok(CLI_HINTS[code], `cli: ${code}`);
    assert.doesNotMatch(CLI_HINTS[code]!, /input|`[a-z-]+: true`|`ref`|`ca-file`/, code);
    assert.doesNotMatch(
      ACTION_HINTS[code]!,
      /(^| )--(plain-http|cache|keyring|key|passphrase-file|verify|sign|if-exists|password-stdin|destination)\b/,
      code,
    );
  }
});

test('connection failures get the code that says what to change', () => {
  const table: Array<[unknown, ErrorCode | undefined, RegExp]> = [
    [coded('ECONNREFUSED'), 'connection-refused', /cannot reach r\.example:443: connection refused/],
    [new Error('fetch failed', { cause: coded('ENOTFOUND') }), 'unknown-host', /cannot resolve the host of r\.example/],
    [coded('ERR_SSL_WRONG_VERSION_NUMBER'), 'http-expected', /does not speak HTTPS/],
    [new AggregateError([coded('SELF_SIGNED_CERT_IN_CHAIN')]), 'tls-untrusted', /not trusted \(SELF_SIGNED_CERT_IN_CHAIN\)/],
    [coded('CERT_HAS_EXPIRED'), 'tls-untrusted', /not trusted \(CERT_HAS_EXPIRED\)/],
    [coded('ECONNRESET', 'socket hang up'), undefined, /the connection to r\.example was closed/],
  ];
  for (const [err, code, message] of table) {
    const e = networkError(err, 'r.example', false);
    assert.equal(e.code, code, String(message));
    assert.match(e.message, message);
    assert.equal(e.network, true);
  }
  assert.match(networkError(coded('ECONNRESET'), 'r.example', false, 3).message, /\(gave up after 3 attempts\)$/);
});

test('registry answers: anonymous 401 is `unauthorized`; with a user it is about the credentials; 400 to HTTPS is https-expected', () => {
  const res = (status: number, body = '', headers: Record<string, string> = {}) => ({
    status,
    headers,
    body: Buffer.from(body),
    url: 'http://r/v2/',
  });
  const anonymous = responseError('push to', res(401, '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}'), {
    registry: 'r',
  });
  assert.equal(anonymous.code, 'unauthorized');
  assert.match(anonymous.message, /as an anonymous user \(HTTP 401: the registry asks for credentials\)$/);
  const named = responseError('push to', res(401), { registry: 'r', username: 'u' });
  assert.equal(named.code, undefined);
  assert.match(named.hint ?? '', /Check the username and password/);
  assert.equal(
    responseError('push to', res(400, 'Client sent an HTTP request to an HTTPS server.'), { registry: 'r' }).code,
    'https-expected',
  );
  assert.equal(responseError('push to', res(503), { registry: 'r' }).transient, true);
});
