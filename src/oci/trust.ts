import tls from 'node:tls';
import { UNKNOWN_ROOT_CODES as UNKNOWN_ROOT } from './tls-codes.js';
import { buildConnector } from './undici.js';

/** What a registry's certificate is checked against: `ca` (PEM) is added to the trusted roots. */
export interface TrustOptions {
  ca?: string;
  insecure?: boolean;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * HTTPS connections checked against Node's roots (with NODE_EXTRA_CA_CERTS and `ca`) first, in one
 * secure context shared by every connection. The system's store (where runners keep a company's CA)
 * takes ~50 ms to read and ~12 ms to parse into each new context, so it is read only when a
 * certificate is not trusted without it; the connection is then tried once more, and every later one
 * uses it too.
 */
export function tlsConnector(trust: TrustOptions): buildConnector.connector {
  if (trust.insecure) return buildConnector({ timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: false });
  const narrow = buildConnector({
    timeout: CONNECT_TIMEOUT_MS,
    ...(trust.ca ? { secureContext: tls.createSecureContext({ ca: [...defaultRoots(), trust.ca] }) } : {}),
  });
  let wide: buildConnector.connector | undefined;
  let current = narrow;
  return (opts, callback) => {
    const attempt = current;
    attempt(opts, (err, socket) => {
      if (err && attempt === narrow && UNKNOWN_ROOT.has((err as NodeJS.ErrnoException).code ?? '')) {
        wide ??= buildConnector({ timeout: CONNECT_TIMEOUT_MS, secureContext: tls.createSecureContext({ ca: allRoots(trust) }) });
        current = wide;
        return wide(opts, callback);
      }
      if (err) return callback(err, null);
      callback(null, socket!);
    });
  };
}

/** Every root at once, for a proxy's connections (undici's proxy agent takes plain TLS options). */
export function tlsOptions(trust: TrustOptions): { ca: string[]; rejectUnauthorized: boolean } {
  return { ca: allRoots(trust), rejectUnauthorized: !trust.insecure };
}

function allRoots(trust: TrustOptions): string[] {
  return [...new Set([...defaultRoots(), ...systemRoots(), ...(trust.ca ? [trust.ca] : [])])];
}

type GetCACertificates = (type: 'default' | 'system') => string[];
const getCACertificates = (tls as { getCACertificates?: GetCACertificates }).getCACertificates;

/** Node's bundled roots with NODE_EXTRA_CA_CERTS. */
function defaultRoots(): readonly string[] {
  return getCACertificates?.('default') ?? tls.rootCertificates;
}

/** The system's store (OpenSSL's paths: SSL_CERT_FILE and SSL_CERT_DIR are honoured), where the runtime reads it. */
function systemRoots(): string[] {
  try {
    return getCACertificates?.('system') ?? [];
  } catch {
    return [];
  }
}
