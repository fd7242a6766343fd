import { errorAnswer, startFront, type Front } from './core.js';

/**
 * GitHub Container Registry, as it answers:
 * - Bearer tokens from `https://ghcr.io/token`, service `ghcr.io`, on the registry's own host; the
 *   password is a personal access token or the workflow's GITHUB_TOKEN (docs.github.com, "Working
 *   with the Container registry", authenticating).
 * - No referrers API: `/v2/<name>/referrers/<digest>` answers 404, so clients keep the `sha256-<hex>`
 *   fallback tag (NVIDIA/aicr#1957; rtvkiz/minimal#7: "GHCR simply returns 404").
 * - A chunk (PATCH) over 4 MiB is refused: 416 `REQUESTED_RANGE_NOT_SATISFIABLE: the request body is too
 *   large and exceeds the maximum permissible limit of 4.00MiB` (ocx-sh/ocx#237; oras-project/rust-oci-client#37:
 *   "GitHub Container Registry ... have a limit of 4Mb per chunked upload"). A whole blob in one PUT is
 *   taken (containerd pushes that way: containerd/containerd#3533).
 * - A token without write:packages is denied: `DENIED: permission_denied: The token provided does not
 *   match expected scopes.` (brunowego/cookbooks github/packages/docker.md).
 * - Cross-repository mounts as the distribution spec has them (no documented limit), and nested names
 *   below the owner (`ghcr.io/owner/a/b/c`: kitops-ml/kitops#393), so no depth limit is played.
 */
export interface GhcrFront extends Front {
  owner: string;
  user: string;
  password: string;
  /** A token that may read but not write packages (no write:packages). */
  readOnly: { user: string; password: string };
}

export const GHCR_CHUNK_MAX = 4 * 1024 * 1024;

export async function startGhcrFront(): Promise<GhcrFront> {
  const user = 'octocat';
  const password = 'ghp_frontGhcrToken0123456789abcdefABCD';
  const readOnly = { user: 'octocat-reader', password: 'ghp_frontReadOnly0123456789abcdefABCD' };
  const front = await startFront({
    name: 'GHCR',
    auth: { scheme: 'bearer', tokenPath: '/token', service: 'ghcr.io' },
    users: { [user]: password, [readOnly.user]: readOnly.password },
    readOnly: [readOnly.user],
    referrers: 'none',
    mount: 'yes',
    chunkMax: {
      bytes: GHCR_CHUNK_MAX,
      answer: errorAnswer(
        416,
        'REQUESTED_RANGE_NOT_SATISFIABLE',
        'the request body is too large and exceeds the maximum permissible limit of 4.00MiB',
      ),
    },
    denied: (req) =>
      req.method === 'GET' || req.method === 'HEAD'
        ? undefined
        : errorAnswer(403, 'DENIED', 'permission_denied: The token provided does not match expected scopes.'),
  });
  return Object.assign(front, { owner: 'octo-org', user, password, readOnly });
}
