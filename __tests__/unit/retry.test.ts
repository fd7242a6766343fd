import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deadline, outsideDeadline, requestTimeout } from '../../src/oci/deadline.js';
import { isRetryableError, isRetryableStatus, retryBudget, retryDelay, retrying, retryPolicy, sleep } from '../../src/oci/retry.js';

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

test('backoff grows from baseMs, is capped, has full jitter, and honours Retry-After (seconds or a date, capped)', () => {
  const p = retryPolicy();
  assert.equal(
    retryDelay(0, p, undefined, () => 0),
    0,
  );
  assert.equal(
    retryDelay(3, p, undefined, () => 0.5),
    p.baseMs * 4,
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

test('one deadline per operation: nested loops share the outermost budget, and requests get what is left', async () => {
  // Every request takes its whole timeout and fails transiently, in a loop nested in another.
  const policy = { retries: 3, baseMs: 10, capMs: 40, maxRetryAfterMs: 40, timeoutMs: 200 };
  const budget = retryBudget(policy);
  assert.equal(budget, 4 * 200 + 10 + 20 + 40);
  const transient = { error: () => 'transient' };
  let requests = 0;
  const timeouts: number[] = [];
  const started = Date.now();
  await assert.rejects(
    retrying(
      policy,
      () =>
        retrying(
          policy,
          async () => {
            requests++;
            const ms = requestTimeout(policy.timeoutMs);
            timeouts.push(ms);
            await sleep(ms);
            throw new Error('timed out');
          },
          transient,
        ),
      transient,
    ),
    /timed out/,
  );
  const elapsed = Date.now() - started;
  // Nested without a shared deadline: 4 × 4 requests of 200 ms and their waits, over 3.2 s. The margin
  // is for timers on a loaded machine, far below the difference.
  assert.ok(elapsed < budget + 400, `took ${elapsed} ms, budget ${budget} ms`);
  assert.ok(requests < 16, `${requests} requests`);
  assert.ok(
    timeouts.every((t) => t <= policy.timeoutMs),
    String(timeouts),
  );
  assert.equal(requestTimeout(1234), 1234, 'outside an operation a request has its own timeout');
});

test('a Retry-After that would end past the deadline is not waited for: the last answer is returned', async () => {
  const policy = { retries: 5, baseMs: 1, capMs: 1, maxRetryAfterMs: 60_000, timeoutMs: 50 };
  const started = Date.now();
  const { value, attempts } = await retrying(policy, async () => 429, { result: (s) => ({ reason: `HTTP ${s}`, retryAfter: '30' }) });
  assert.equal(value, 429);
  assert.equal(attempts, 1);
  assert.ok(Date.now() - started < 1000);
});

test('what a callback starts outside the deadline is an operation of its own', async () => {
  const policy = { retries: 0, baseMs: 1, capMs: 1, maxRetryAfterMs: 1, timeoutMs: 50 };
  let inside: number | undefined;
  let outside: number | undefined = 0;
  await retrying(
    policy,
    async () => {
      inside = deadline();
      outside = outsideDeadline(() => deadline());
    },
    {},
  );
  assert.ok(inside !== undefined && inside <= Date.now() + 50);
  assert.equal(outside, undefined);
});

test('backoff after no answer counts from the send (a try that waited it out goes again at once); after an answer, however slow, it is waited in full; Retry-After in full', async (t) => {
  const policy = { retries: 2, baseMs: 80, capMs: 80, maxRetryAfterMs: 1000, timeoutMs: 1000 };
  const waits: number[] = [];
  const onRetry = (_reason: string, wait: number) => void waits.push(wait);
  // The jitter's draw fixed: every backoff is 72 ms (0.9 of 80), so a wait cut short by the try's own time shows.
  const random = Math.random;
  Math.random = () => 0.9;
  t.after(() => (Math.random = random));
  // A swallowed request: no answer, given up after longer than any backoff (80 ms at most).
  let n = 0;
  await retrying(
    policy,
    async () => {
      if (n++ < 1) {
        await sleep(120);
        throw Object.assign(new Error('no answer'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
      }
      return 'ok';
    },
    { error: (e) => (e as Error).message, onRetry },
  );
  assert.deepEqual(waits, [0]);
  // A 503 answered slowly, as a result and as a thrown error with its status: the whole backoff (72 ms).
  waits.length = 0;
  n = 0;
  await retrying(policy, async () => (n++ < 1 ? (await sleep(120), 'busy') : 'ok'), {
    result: (v) => (v === 'busy' ? { reason: 'busy' } : undefined),
    onRetry,
  });
  n = 0;
  await retrying(
    policy,
    async () => {
      if (n++ < 1) {
        await sleep(120);
        throw Object.assign(new Error('HTTP 503'), { status: 503 });
      }
      return 'ok';
    },
    { error: (e) => (e as Error).message, onRetry },
  );
  assert.equal(waits.length, 2);
  for (const w of waits) assert.ok(Math.abs(w - 72) < 1e-9, String(w));
  // The registry said when to come back: honoured in full, however long the try took.
  waits.length = 0;
  n = 0;
  await retrying(policy, async () => (n++ < 1 ? (await sleep(120), 'later') : 'ok'), {
    result: (v) => (v === 'later' ? { reason: 'later', retryAfter: '0.2' } : undefined),
    onRetry,
  });
  assert.deepEqual(waits, [200]);
});
