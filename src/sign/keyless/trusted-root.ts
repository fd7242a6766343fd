/**
 * Sigstore's public-good trusted root, as sigstore-js keeps it: through its TUF repository
 * (tuf-repo-cdn.sigstore.dev), refreshed and verified by @sigstore/tuf from the root it ships, and
 * cached under `cachePath`. Loaded only when a keyless signature is checked.
 */
export async function publicGoodTrustedRoot(cachePath: string): Promise<unknown> {
  const [{ getTrustedRoot }, { TrustedRoot }] = await Promise.all([import('@sigstore/tuf'), import('@sigstore/protobuf-specs')]);
  return TrustedRoot.toJSON(await getTrustedRoot({ cachePath, timeout: 5000, retry: { retries: 1 } }));
}
