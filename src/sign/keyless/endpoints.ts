/**
 * The Sigstore instances actions/attest signs with (actions/toolkit packages/attest endpoints.ts):
 * Sigstore's public-good instance (Fulcio and Rekor) for a public repository, GitHub's own (Fulcio
 * and an RFC 3161 timestamp authority, no Rekor) for a private or internal one.
 */
export interface SigstoreEndpoints {
  fulcioURL: string;
  rekorURL?: string;
  tsaURL?: string;
}

export const SIGSTORE_PUBLIC_GOOD: SigstoreEndpoints = {
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev',
};

/** GitHub's instance for a GitHub server URL (the face passes the workflow's): github.com's is on githubapp.com. */
export function githubSigstoreEndpoints(serverURL = 'https://github.com'): SigstoreEndpoints {
  let host = new URL(serverURL).hostname;
  if (host === 'github.com') host = 'githubapp.com';
  return { fulcioURL: `https://fulcio.${host}`, tsaURL: `https://timestamp.${host}` };
}
