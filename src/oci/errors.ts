import { UserError } from '../errors.js';
import type { HttpResponse } from './http.js';
import { isRetryableError, isRetryableStatus } from './retry.js';

/** A registry or network failure; `transient` says whether trying again may help. */
export class RegistryError extends UserError {
  readonly status?: number;
  readonly transient: boolean;

  constructor(message: string, options: { hint?: string; cause?: unknown; status?: number; transient?: boolean } = {}) {
    super(message, options);
    this.name = 'RegistryError';
    this.status = options.status;
    this.transient = options.transient ?? false;
  }
}

interface RegistryErrorBody {
  errors?: Array<{ code?: string; message?: string; detail?: unknown }>;
}

/** The registry's own words: `CODE: message` for each error in a distribution error body. */
export function registryWords(res: HttpResponse): string {
  try {
    const body = JSON.parse(res.body.toString('utf8')) as RegistryErrorBody;
    const parts = (body.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': '));
    if (parts.length > 0) return parts.join('; ');
  } catch {
    // not JSON: fall through
  }
  const text = res.body.toString('utf8').trim().split('\n')[0]?.slice(0, 200);
  return text ? `HTTP ${res.status}: ${text}` : `HTTP ${res.status}`;
}

export function registryCodes(res: HttpResponse): string[] {
  try {
    return ((JSON.parse(res.body.toString('utf8')) as RegistryErrorBody).errors ?? []).map((e) => e.code ?? '');
  } catch {
    return [];
  }
}

export interface Target {
  registry: string;
  repository?: string;
  username?: string;
}

/** A failed registry response, as an error a person can act on. */
export function responseError(what: string, res: HttpResponse & { attempts?: number }, target: Target): RegistryError {
  const e = describeResponse(what, res, target);
  const tries = res.attempts && res.attempts > 1 ? ` (gave up after ${res.attempts} attempts)` : '';
  return new RegistryError(`${e.message}${tries}`, {
    hint: e.hint,
    status: res.status,
    transient: isRetryableStatus(res.status) || registryCodes(res).includes('BLOB_UPLOAD_UNKNOWN'),
  });
}

function describeResponse(what: string, res: HttpResponse, target: Target): UserError {
  const words = registryWords(res);
  const codes = registryCodes(res);
  const where = target.repository ? `${target.registry}/${target.repository}` : target.registry;
  const insufficientScope = /error="?insufficient_scope/i.test(res.headers['www-authenticate'] ?? '');
  if ((res.status === 401 || codes.includes('UNAUTHORIZED')) && !insufficientScope) {
    return new UserError(
      `authentication failed for ${target.registry} as ${target.username ? JSON.stringify(target.username) : 'an anonymous user'} (${words})`,
      {
        hint: target.username
          ? 'Check the username and password (or token), and that the token has not expired'
          : 'Set the `username` and `password` inputs, or log in before this step',
      },
    );
  }
  if (res.status === 403 || codes.includes('DENIED') || insufficientScope) {
    const ghcr = target.registry === 'ghcr.io' || target.registry.endsWith('.ghcr.io');
    return new UserError(`no permission to ${what} ${where} (${words})`, {
      hint: ghcr
        ? 'With GITHUB_TOKEN, give the job `permissions: packages: write` and, for an existing package, grant this repository Write access under the package settings (Manage Actions access)'
        : `Check that ${target.username ? JSON.stringify(target.username) : 'this user'} may push to this repository`,
    });
  }
  if (res.status === 400 && /HTTP request to an HTTPS server/i.test(res.body.toString('utf8'))) {
    return new UserError(`${target.registry} speaks HTTPS, but plain HTTP was used`, { hint: 'Remove `plain-http: true`' });
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
  return new RegistryError(`${e.message}${tries}`, { hint: e.hint, cause: err, transient: isRetryableError(err) });
}

function describeNetwork(err: unknown, registry: string, plainHttp: boolean): UserError {
  const codes = errorCodes(err);
  const text = errorText(err);
  const has = (...c: string[]): boolean => c.some((x) => codes.includes(x));
  if (has('ECONNREFUSED'))
    return new UserError(`cannot reach ${hostPort(registry, plainHttp)}: connection refused`, {
      hint: 'Check the host and port in `ref`, and that the registry is running',
      cause: err,
    });
  if (has('ENOTFOUND', 'EAI_AGAIN'))
    return new UserError(`cannot resolve the host of ${registry}`, { hint: 'Check the registry host name in `ref`', cause: err });
  if (
    has('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG') ||
    /wrong version number|packet length too long|before secure TLS connection/i.test(text)
  ) {
    return new UserError(`${registry} does not speak HTTPS (the TLS handshake got plain HTTP back)`, {
      hint: 'For a registry served over plain HTTP, set `plain-http: true`',
      cause: err,
    });
  }
  const tlsCodes = [
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
  ];
  if (has(...tlsCodes)) {
    return new UserError(`the TLS certificate of ${registry} is not trusted (${codes.find((c) => tlsCodes.includes(c))})`, {
      hint: 'Give its CA with `ca-file`, or fix the certificate',
      cause: err,
    });
  }
  if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'))
    return new UserError(`${registry} did not answer in time`, { hint: 'Check the network, or run again later', cause: err });
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE')) {
    return new UserError(`the connection to ${registry} was closed (${text})`, {
      hint: plainHttp
        ? 'If the registry speaks HTTPS, remove `plain-http: true`'
        : 'Run again; if it persists, check proxies and the registry',
      cause: err,
    });
  }
  return new UserError(`cannot talk to ${registry}: ${text}`, { cause: err });
}

function hostPort(registry: string, plainHttp: boolean): string {
  return /:\d+$/.test(registry) ? registry : `${registry}:${plainHttp ? 80 : 443}`;
}

function errorCodes(err: unknown): string[] {
  const out: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') out.push(code);
    if (e instanceof AggregateError) for (const inner of e.errors) out.push(...errorCodes(inner));
  }
  return out;
}

function errorText(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error && e.message && !/^fetch failed$/.test(e.message)) return e.message;
  }
  return String(err);
}
