import { UserError, type ErrorCode } from '../errors.js';
import { causes, errorCodes } from '../util/causes.js';
import { printable } from '../util/printable.js';
import { hostedAnswer } from './hosted-registries.js';
import { UNTRUSTED_CERT_CODES } from './tls-codes.js';
import type { HttpResponse } from './http.js';
import { isDeadline, isRetryableError, isRetryableStatus } from './retry.js';

/** A registry or network failure; `transient` says whether trying again may help. */
export class RegistryError extends UserError {
  readonly status?: number;
  readonly transient: boolean;
  /** A connection's failure (its cause is the network error), not the registry's answer. */
  readonly network: boolean;
  /** The registry's Retry-After (a 429's or a 503's), for whoever tries the operation again. */
  readonly retryAfter?: string;

  constructor(
    message: string,
    options: {
      hint?: string;
      cause?: unknown;
      status?: number;
      transient?: boolean;
      network?: boolean;
      code?: ErrorCode;
      retryAfter?: string;
    } = {},
  ) {
    super(message, options);
    this.name = 'RegistryError';
    this.status = options.status;
    this.transient = options.transient ?? false;
    this.network = options.network ?? false;
    this.retryAfter = options.retryAfter;
  }
}

interface RegistryErrorBody {
  errors?: Array<{ code?: string; message?: string; detail?: unknown }>;
}

/** Of what a registry (or a token service) says, this many characters are quoted. */
const WORDS_MAX = 200;

/**
 * The registry's own words: `CODE: message` for each error in a distribution error body, else the
 * first line of the body. Quoted, not obeyed: at most WORDS_MAX characters, escaped by `printable`
 * (no line breaks, terminal escapes or workflow commands reach a message from here).
 */
function registryWords(res: HttpResponse): string {
  let words: string | undefined;
  try {
    const body = JSON.parse(res.body.toString('utf8')) as RegistryErrorBody;
    const parts = (Array.isArray(body.errors) ? body.errors : []).map((e) =>
      [e?.code, e?.message].filter((x) => typeof x === 'string' && x !== '').join(': '),
    );
    if (parts.some(Boolean)) words = parts.filter(Boolean).join('; ');
  } catch {
    // not JSON: fall through
  }
  if (words === undefined) {
    const text = res.body.toString('utf8').trim().split('\n')[0];
    words = text ? `HTTP ${res.status}: ${text}` : `HTTP ${res.status}`;
  }
  return printable(words.length > WORDS_MAX ? `${words.slice(0, WORDS_MAX)}…` : words);
}

/** Every `CODE: message` of a distribution error body, whole (for recognising an answer, not for quoting). */
function registryMessages(res: HttpResponse): string {
  try {
    const body = JSON.parse(res.body.subarray(0, 64 * 1024).toString('utf8')) as RegistryErrorBody;
    return (Array.isArray(body.errors) ? body.errors : [])
      .map((e) => [e?.code, e?.message].filter((x) => typeof x === 'string').join(': '))
      .join('; ');
  } catch {
    return '';
  }
}

function registryCodes(res: HttpResponse): string[] {
  try {
    return ((JSON.parse(res.body.toString('utf8')) as RegistryErrorBody).errors ?? []).map((e) => e.code ?? '');
  } catch {
    return [];
  }
}

interface Target {
  registry: string;
  repository?: string;
  /** The tag or digest a manifest request named. */
  reference?: string;
  username?: string;
  /** The `service` of the registry's Bearer challenge: which token service, so which registry, answered. */
  service?: string;
}

/**
 * A rate limit that waiting seconds does not lift: `ratelimit-remaining: 0;w=<seconds>` (Docker Hub's
 * pull limit, a window of hours: docs.docker.com, "Docker Hub pull usage and limits"). Not retried.
 */
export function quotaSpent(headers: Record<string, string>): boolean {
  return /^\s*0\s*;\s*w=\d+/.test(headers['ratelimit-remaining'] ?? '');
}

/** A failed registry response, as an error a person can act on. */
export function responseError(what: string, res: HttpResponse & { attempts?: number }, target: Target): RegistryError {
  const e = describeResponse(what, res, target);
  const tries = res.attempts && res.attempts > 1 ? ` (gave up after ${res.attempts} attempts)` : '';
  return new RegistryError(printable(`${e.message}${tries}`), {
    hint: e.hint,
    code: e.code,
    status: res.status,
    transient: (isRetryableStatus(res.status) && !quotaSpent(res.headers)) || registryCodes(res).includes('BLOB_UPLOAD_UNKNOWN'),
    retryAfter: res.headers['retry-after'],
  });
}

function describeResponse(what: string, res: HttpResponse, target: Target): UserError {
  const words = registryWords(res);
  const codes = registryCodes(res);
  const where = target.repository ? `${target.registry}/${target.repository}` : target.registry;
  const text = res.body.subarray(0, 64 * 1024).toString('utf8');
  const hosted = hostedAnswer(
    { status: res.status, headers: res.headers, codes, words, messages: registryMessages(res), text },
    { what, ...target },
  );
  if (hosted) return hosted;
  const insufficientScope = /error="?insufficient_scope/i.test(res.headers['www-authenticate'] ?? '');
  if ((res.status === 401 || codes.includes('UNAUTHORIZED')) && !insufficientScope) {
    // Anonymous: the same words whatever was asked (a HEAD's 401 has no body to quote, a GET's says the same).
    return new UserError(
      `authentication failed for ${target.registry} as ${target.username ? `${JSON.stringify(target.username)} (${words})` : 'an anonymous user (HTTP 401: the registry asks for credentials)'}`,
      {
        hint: target.username
          ? 'Check the username and password (or token), and that the token has not expired'
          : 'Give credentials, or log in to the registry first',
        code: target.username ? undefined : 'unauthorized',
      },
    );
  }
  if (res.status === 403 || codes.includes('DENIED') || insufficientScope) {
    // GHCR by its host, or by its words: `permission_denied: The token provided does not match expected
    // scopes` (a token without write:packages), `installation not allowed to Write organization package`.
    const ghcr =
      target.registry === 'ghcr.io' ||
      target.registry.endsWith('.ghcr.io') ||
      /permission_denied: The token provided does not match expected scopes|not allowed to Write organization package/i.test(text);
    const who = target.username ? JSON.stringify(target.username) : 'this user';
    return new UserError(`no permission to ${what} ${where} (${words})`, {
      hint: ghcr
        ? `Check that ${who} may write packages, and that an existing package grants it Write access in its settings`
        : `Check that ${who} may push to this repository`,
      code: ghcr ? 'ghcr-denied' : undefined,
    });
  }
  if (res.status === 400 && /HTTP request to an HTTPS server/i.test(res.body.toString('utf8'))) {
    return new UserError(`${target.registry} speaks HTTPS, but plain HTTP was used`, { hint: 'Talk HTTPS to it', code: 'https-expected' });
  }
  if (res.status === 429 || codes.includes('TOOMANYREQUESTS')) {
    return new UserError(`${target.registry} is rate limiting requests (${words})`, {
      hint: 'Wait and run again, or authenticate to get a higher limit',
    });
  }
  return new UserError(`${what} ${where} failed: ${words}`, {
    hint: res.status >= 500 ? 'The registry had an error: run again later' : 'See the registry’s message',
  });
}

/** A connection failure (refused, unknown host, TLS spoken to plain HTTP, …) as an actionable error. */
export function networkError(err: unknown, registry: string, plainHttp: boolean, attempts = 1): RegistryError {
  const e = describeNetwork(err, registry, plainHttp);
  const tries = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
  return new RegistryError(printable(`${e.message}${tries}`), {
    hint: e.hint,
    code: e.code,
    cause: err,
    transient: isRetryableError(err),
    network: true,
  });
}

function describeNetwork(err: unknown, registry: string, plainHttp: boolean): UserError {
  const codes = errorCodes(err);
  const text = errorText(err);
  const has = (...c: string[]): boolean => c.some((x) => codes.includes(x));
  if (has('ECONNREFUSED'))
    return new UserError(`cannot reach ${hostPort(registry, plainHttp)}: connection refused`, {
      hint: 'Check the host and port, and that the registry is running',
      cause: err,
      code: 'connection-refused',
    });
  if (has('ENOTFOUND', 'EAI_AGAIN'))
    return new UserError(`cannot resolve the host of ${registry}`, {
      hint: 'Check the registry host name',
      cause: err,
      code: 'unknown-host',
    });
  if (
    has('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG') ||
    /wrong version number|packet length too long|before secure TLS connection/i.test(text)
  ) {
    return new UserError(`${registry} does not speak HTTPS (the TLS handshake got plain HTTP back)`, {
      hint: 'Talk plain HTTP to a registry served that way',
      cause: err,
      code: 'http-expected',
    });
  }
  const untrusted = codes.find((c) => UNTRUSTED_CERT_CODES.has(c));
  if (untrusted) {
    return new UserError(`the TLS certificate of ${registry} is not trusted (${untrusted})`, {
      hint: 'Trust its CA, or fix the certificate',
      cause: err,
      code: 'tls-untrusted',
    });
  }
  if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT') || causes(err).some(isDeadline))
    return new UserError(`${registry} did not answer in time`, { hint: 'Check the network, or run again later', cause: err });
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE')) {
    return new UserError(`the connection to ${registry} was closed (${text})`, {
      hint: plainHttp ? 'If the registry speaks HTTPS, talk HTTPS to it' : 'Run again; if it persists, check proxies and the registry',
      cause: err,
      code: plainHttp ? 'reset-over-plain-http' : undefined,
    });
  }
  return new UserError(`cannot talk to ${registry}: ${text}`, { cause: err });
}

function hostPort(registry: string, plainHttp: boolean): string {
  return /:\d+$/.test(registry) ? registry : `${registry}:${plainHttp ? 80 : 443}`;
}

function errorText(err: unknown): string {
  const e = causes(err).find((x) => x instanceof Error && x.message && !/^fetch failed$/.test(x.message));
  return e ? (e as Error).message : String(err);
}
