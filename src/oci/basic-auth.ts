/**
 * HTTP Basic credentials, encoded in this one place: `token` is base64(user:password), what a
 * `Basic` header carries, what Helm and Docker store as `auths[host].auth`, and what a face masks.
 */
export function basicToken(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}

/** The `authorization` header value for a user and password. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${basicToken(username, password)}`;
}
