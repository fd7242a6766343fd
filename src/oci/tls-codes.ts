/** The handshake answers of a chain that ends in a root we do not trust (the system's store may hold it). */
export const UNKNOWN_ROOT_CODES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

/** Every answer that means "this certificate is not trusted": an unknown root, an expired or misnamed one. */
export const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set([
  ...UNKNOWN_ROOT_CODES,
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
