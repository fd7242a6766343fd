import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_HINTS } from '../../src/action/hints.js';
import { resolveChartRef } from '../../src/artifact/chart-ref.js';
import { CLI_HINTS } from '../../src/cli/hints.js';
import { errorLine, UserError } from '../../src/errors.js';
import { networkError, responseError } from '../../src/oci/errors.js';

const res = (status: number) => ({
  status,
  headers: {},
  body: Buffer.from('{"errors":[{"code":"DENIED","message":"denied"}]}'),
  url: 'https://r/v2/',
});

function refusal(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  assert.fail('no error');
}

test('a chart reference’s error names the reference; the action calls it `ref`, the CLI the reference', () => {
  const e = refusal(() => resolveChartRef('localhost:5000/charts/other', 'mychart', '0.1.0'));
  assert.match(errorLine(e), /^reference "localhost:5000\/charts\/other": the reference ends in "other"/);
  assert.match(errorLine(e, ACTION_HINTS), /^ref "localhost:5000\/charts\/other": the reference ends in "other"/);
  assert.match(errorLine(e, CLI_HINTS), /^reference "localhost:5000\/charts\/other": /);
  // A where that does not start with the subject is left as it is.
  const other = new UserError('x', { where: 'charts/a', subject: 'reference' });
  assert.equal(errorLine(other, ACTION_HINTS), 'charts/a: x.');
});

test('GHCR’s refusal: the GITHUB_TOKEN advice is the action’s only; the library and the CLI give their own', () => {
  const e = responseError('push to', res(403), { registry: 'ghcr.io', repository: 'o/c' });
  assert.equal(e.code, 'ghcr-denied');
  assert.doesNotMatch(errorLine(e), /GITHUB_TOKEN|permissions:/);
  assert.match(errorLine(e, ACTION_HINTS), /With GITHUB_TOKEN, give the job `permissions: packages: write`/);
  assert.doesNotMatch(errorLine(e, CLI_HINTS), /GITHUB_TOKEN|input|permissions:/);
  assert.match(errorLine(e, CLI_HINTS), /write:packages/);
  assert.equal(responseError('push to', res(403), { registry: 'r.example', repository: 'o/c' }).code, undefined);
});

test('a connection closed over plain HTTP: `plain-http: true` for the action, --plain-http for the CLI, neither in the library', () => {
  const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  const e = networkError(reset, 'r.example', true);
  assert.equal(e.code, 'reset-over-plain-http');
  assert.doesNotMatch(errorLine(e), /plain-http/);
  assert.match(errorLine(e, ACTION_HINTS), /remove `plain-http: true`\.$/);
  assert.match(errorLine(e, CLI_HINTS), /drop --plain-http\.$/);
  assert.equal(networkError(reset, 'r.example', false).code, undefined);
});

test('the new codes have words in both faces; the CLI’s name no input', () => {
  for (const code of ['ghcr-denied', 'reset-over-plain-http', 'version-invalid'] as const) {
    assert.ok(ACTION_HINTS[code], `action: ${code}`);
    assert.ok(CLI_HINTS[code], `cli: ${code}`);
    assert.doesNotMatch(CLI_HINTS[code]!, /input|`[a-z-]+: true`|`ref`|`version`/, code);
  }
});
