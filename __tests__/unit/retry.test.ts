import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRetryableError, isRetryableStatus, retryDelay, retrying, retryPolicy } from '../../src/oci/retry.js';

const fast = { ...retryPolicy(3, 5), baseMs: 1, capMs: 4, maxRetryAfterMs: 5 };

test('transient statuses: 408, 429 and 5xx but 501 and 505', () => {
  const table: Array<[number, boolean]> = [
    [200, false],
    [404, false],
    [400, false],
    [401, false],
    [408, true],
    [429, true],
    [500, true],
    [501, false],
    [502, true],
    [503, true],
    [505, false],
  ];
  for (const [status, want] of table) assert.equal(isRetryableStatus(status), want, String(status));
});

test('transient connection errors, found through causes and AggregateErrors; a refused connection is not', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });
  assert.ok(isRetryableError(coded('ECONNRESET')));
  assert.ok(isRetryableError(new Error('fetch failed', { cause: coded('UND_ERR_SOCKET') })));
  assert.ok(isRetryableError(new Error('other side closed')));
  assert.ok(!isRetryableError(coded('ECONNREFUSED')));
  assert.ok(!isRetryableError(new Error('boom')));
});

test('backoff grows from baseMs, is capped, has equal jitter, and honours Retry-After (seconds or a date, capped)', () => {
  const p = retryPolicy();
  assert.equal(
    retryDelay(0, p, undefined, () => 0),
    p.baseMs / 2,
  );
  assert.equal(
    retryDelay(0, p, undefined, () => 1),
    p.baseMs,
  );
  assert.equal(
    retryDelay(3, p, undefined, () => 1),
    p.baseMs * 8,
  );
  assert.equal(
    retryDelay(30, p, undefined, () => 1),
    p.capMs,
  );
  assert.equal(retryDelay(0, p, '2'), 2000);
  assert.equal(retryDelay(0, p, '999999'), p.maxRetryAfterMs);
  const soon = retryDelay(0, p, new Date(Date.now() + 3000).toUTCString());
  assert.ok(soon > 1000 && soon <= 3000, String(soon));
  assert.equal(
    retryDelay(0, p, 'nonsense', () => 1),
    p.baseMs,
  );
});

test('retrying: results are tried again until final, within retries, with the reasons told', async () => {
  const seen: string[] = [];
  let n = 0;
  const r = await retrying(fast, async () => ++n, {
    result: (v) => (v < 3 ? { reason: `only ${v}` } : undefined),
    onRetry: (reason, _wait, next) => seen.push(`${next}: ${reason}`),
  });
  assert.deepEqual(r, { value: 3, attempts: 3 });
  assert.deepEqual(seen, ['2: only 1', '3: only 2']);
});

test('retrying: a result still transient after every retry is returned, with the attempts made', async () => {
  let n = 0;
  const r = await retrying(fast, async () => ++n, { result: () => ({ reason: 'again' }) });
  assert.deepEqual(r, { value: 4, attempts: 4 });
});

test('retrying: an error that is not transient is thrown at once; a transient one until the tries are spent, then giveUp words it', async () => {
  let calls = 0;
  await assert.rejects(
    retrying(
      fast,
      async () => {
        calls++;
        throw new Error('final');
      },
      { error: () => undefined },
    ),
    /final/,
  );
  assert.equal(calls, 1);
  calls = 0;
  await assert.rejects(
    retrying(
      fast,
      async () => {
        calls++;
        throw new Error('flaky');
      },
      {
        error: (e) => (e as Error).message,
        giveUp: (e, attempts) => new Error(`${(e as Error).message} (gave up after ${attempts} attempts)`),
      },
    ),
    /flaky \(gave up after 4 attempts\)/,
  );
  assert.equal(calls, 4);
});

test('retrying: `before` runs before each retry (a response body is dumped)', async () => {
  const dumped: number[] = [];
  let n = 0;
  await retrying(fast, async () => ++n, { result: (v) => (v < 2 ? { reason: 'x', before: async () => void dumped.push(v) } : undefined) });
  assert.deepEqual(dumped, [1]);
});
