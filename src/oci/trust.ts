import type tls from 'node:tls';

/** node:tls, loaded when a first HTTPS connection needs it (a plain-HTTP registry never does). */
const tlsModule = (): typeof tls => process.getBuiltinModule('node:tls');

/** What a registry's certificate is checked against: `ca` (PEM) is added to the trusted roots. */
export interface TrustOptions {
  ca?: string;
  insecure?: boolean;
}

/**
 * The roots an HTTPS connection is first checked against: Node's (with NODE_EXTRA_CA_CERTS) and
 * `ca`, in one secure context shared by every connection. The system's store (where runners keep a
 * company's CA) takes ~50 ms to read and ~12 ms to parse into each new context, so it is read only
 * when a certificate is not trusted without it (`wideTls`).
 */
export function narrowTls(trust: TrustOptions): tls.ConnectionOptions {
  if (trust.insecure) return { rejectUnauthorized: false };
  return trust.ca ? { secureContext: tlsModule().createSecureContext({ ca: [...defaultRoots(), trust.ca] }) } : {};
}

/** Every root at once: Node's, the system's and `ca`. */
export function wideTls(trust: TrustOptions): tls.ConnectionOptions {
  if (trust.insecure) return { rejectUnauthorized: false };
  return { secureContext: tlsModule().createSecureContext({ ca: allRoots(trust) }) };
}

/** Every root at once, as plain TLS options (a proxy's connections: undici's proxy agent takes these). */
export function tlsOptions(trust: TrustOptions): { ca: string[]; rejectUnauthorized: boolean } {
  return { ca: allRoots(trust), rejectUnauthorized: !trust.insecure };
}

function allRoots(trust: TrustOptions): string[] {
  return [...new Set([...defaultRoots(), ...systemRoots(), ...(trust.ca ? [trust.ca] : [])])];
}

type GetCACertificates = (type: 'default' | 'system') => string[];

/** Node's bundled roots with NODE_EXTRA_CA_CERTS. */
function defaultRoots(): readonly string[] {
  const t = tlsModule() as typeof tls & { getCACertificates?: GetCACertificates };
  return t.getCACertificates?.('default') ?? t.rootCertificates;
}

/** The system's store (OpenSSL's paths: SSL_CERT_FILE and SSL_CERT_DIR are honoured), where the runtime reads it. */
function systemRoots(): string[] {
  try {
    return (tlsModule() as { getCACertificates?: GetCACertificates }).getCACertificates?.('system') ?? [];
  } catch {
    return [];
  }
}
