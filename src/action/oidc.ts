// The workflow's OIDC ID token, asked of the runner as @actions/core's getIDToken asks it
// (toolkit packages/core/src/oidc-utils.ts, @actions/core 3.0.1): GET ACTIONS_ID_TOKEN_REQUEST_URL
// with `&audience=<audience>` appended, `Authorization: Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN`,
// and the token in the answer's `value`. Sigstore's Fulcio takes it (audience `sigstore`), checks
// its signature against the issuer's keys, and writes its claims into the signing certificate.
// Here it is masked the moment it arrives, handed to the caller, and never written anywhere.
import { UserError } from '../errors.js';
import { jwtPayload } from '../sign/keyless/id-token.js';
import { Http } from '../oci/http.js';
import { isRetryableError, isRetryableStatus, retrying, type RetryPolicy } from '../oci/retry.js';
import { exchangeFailure } from './http-failure.js';
import { mask } from './secrets.js';

/** The runner's variables for an ID token: set only when the job has `id-token: write`. */
export interface IdTokenEnv {
  ACTIONS_ID_TOKEN_REQUEST_URL?: string;
  ACTIONS_ID_TOKEN_REQUEST_TOKEN?: string;
}

/** The audience Fulcio expects (sigstore-js's CIContextProvider and cosign ask for it too). */
export const SIGSTORE_AUDIENCE = 'sigstore';

/** The permission to add, as a job's `permissions:` YAML (flow style, so that it fits in one line of the log). */
export const ID_TOKEN_PERMISSION_YAML = 'permissions: { id-token: write, packages: write, contents: read }';

/** An answer of the runner's token service is a few KiB; more is refused, not buffered. */
const MAX_TOKEN_ANSWER = 64 * 1024;
/** A few tries, each bounded: the runner's service is local to the job and answers in milliseconds. */
const POLICY: RetryPolicy = { retries: 3, baseMs: 500, capMs: 4000, maxRetryAfterMs: 10_000, timeoutMs: 30_000 };

/**
 * Fails (a UserError naming the permission) unless the runner offers an ID token: the step calls it
 * before anything is pushed, so that a chart is never left published without the signature asked for.
 * The runner sets both variables only for a job with `id-token: write`, and never for a pull request
 * from a fork.
 */
export function checkIdTokenPermission(env: IdTokenEnv = process.env): void {
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((v) => !env[v as keyof IdTokenEnv]);
  if (missing.length === 0) return;
  throw new UserError(`Keyless signing needs the workflow's OIDC ID token, and this job has none (${missing.join(' and ')} not set)`, {
    hint:
      `Add \`id-token: write\` to the job's permissions, e.g. \`${ID_TOKEN_PERMISSION_YAML}\` ` +
      '(a job that sets `permissions` gets none it does not list; pull requests from forks never get an ID token)',
  });
}

/** The token URL with the audience, as getIDToken builds it (`&audience=`: the runner's URL already has a query). */
export function idTokenUrl(base: string, audience: string): string {
  const separator = base.includes('?') ? '&' : '?';
  return `${base}${separator}audience=${encodeURIComponent(audience)}`;
}

/**
 * The workflow's ID token for `audience`, from the runner. It is masked in the log before this
 * returns (and before anything can fail on it); errors never quote it or the request token.
 * Bounded: at most 64 KiB of answer, 30 s a try, 4 tries (5xx, 429, a dropped connection).
 */
export async function requestIdToken(
  env: IdTokenEnv = process.env,
  audience = SIGSTORE_AUDIENCE,
  options: { http?: Http; policy?: RetryPolicy } = {},
): Promise<string> {
  checkIdTokenPermission(env);
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN as string;
  // The runner's own secrets, masked as the user's are (the runner chose them, not a registry).
  mask(requestToken);
  const url = idTokenUrl(env.ACTIONS_ID_TOKEN_REQUEST_URL as string, audience);
  const policy = options.policy ?? POLICY;
  const http = options.http ?? new Http({ userAgent: 'actions/oidc-client', timeoutMs: policy.timeoutMs });
  const failed = (why: string, cause?: unknown) =>
    new UserError(`Could not get the workflow's ID token from the runner: ${why}`, {
      hint: "This is the runner's token service; re-run the job, and check that it has `id-token: write`",
      cause,
    });
  try {
    const { value: res } = await retrying(
      policy,
      () =>
        http.send({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
          maxBody: MAX_TOKEN_ANSWER,
        }),
      {
        result: (r) => (isRetryableStatus(r.status) ? { reason: `HTTP ${r.status}`, retryAfter: r.headers['retry-after'] } : undefined),
        error: (err) => (isRetryableError(err) ? 'the connection failed' : undefined),
      },
    );
    if (res.status !== 200) throw failed(`it answered HTTP ${res.status}`);
    let value: unknown;
    try {
      value = (JSON.parse(res.body.toString('utf8')) as { value?: unknown } | null)?.value;
    } catch {
      throw failed('its answer is not JSON');
    }
    if (typeof value !== 'string' || value === '') throw failed('its answer has no token (`value`)');
    mask(value);
    return value;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw failed(exchangeFailure(err), err);
  } finally {
    if (!options.http) await http.close();
  }
}

/**
 * The claims GitHub's token carries that the provenance predicate reads (@actions/attest's
 * REQUIRED_CLAIMS). GitHub writes every one of them as a string, the ids included.
 */
export const REQUIRED_CLAIMS = [
  'iss',
  'ref',
  'sha',
  'repository',
  'event_name',
  'job_workflow_ref',
  'workflow_ref',
  'repository_id',
  'repository_owner_id',
  'runner_environment',
  'run_id',
  'run_attempt',
] as const;

export type GitHubClaims = { [K in (typeof REQUIRED_CLAIMS)[number]]: string } & {
  sub?: string;
  aud?: string | string[];
  repository_visibility?: string;
};

/**
 * The claims of a GitHub Actions ID token, decoded but not verified: Fulcio verifies the token
 * (signature, issuer, audience, expiry) before it certifies anything, and the certificate it issues
 * carries these same claims, so a predicate built from them agrees with the certificate. Fails, never
 * quoting the token, when it is not a JWT or lacks a claim the predicate needs.
 */
export function decodeIdTokenClaims(token: string): GitHubClaims {
  const record = jwtPayload(token);
  if (record === null) throw new UserError("The runner's ID token is not a JWT (header.payload.signature with a JSON payload)");
  if (record === undefined) throw new UserError("The runner's ID token's payload is not a JSON object");
  const missing = REQUIRED_CLAIMS.filter((c) => typeof record[c] !== 'string');
  if (missing.length > 0)
    throw new UserError(`The runner's ID token lacks the claims a GitHub Actions token carries: ${missing.join(', ')}`, {
      hint: 'Keyless signing and provenance need an ID token issued by GitHub Actions',
    });
  return record as GitHubClaims;
}
