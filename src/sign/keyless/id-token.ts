/**
 * An OIDC identity token (a JWT) as Sigstore's Fulcio takes it: its payload read, not verified (Fulcio
 * verifies the signature, issuer, audience and expiry before it certifies anything, and the certificate
 * it issues carries what it read).
 */

/** A JWT's payload, decoded but not verified: null when it is not a JWT with a JSON payload, undefined when that JSON is no object. */
export function jwtPayload(token: string): Record<string, unknown> | null | undefined {
  const parts = token.split('.');
  let payload: unknown;
  try {
    if (parts.length !== 3) return null;
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
}
