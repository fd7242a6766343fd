import { errorAnswer, startFront, tagOf, type Front } from './core.js';

/**
 * Azure Container Registry, as it answers:
 * - Bearer tokens from `https://<name>.azurecr.io/oauth2/token`, service `<name>.azurecr.io`, on the
 *   registry's own host. A GET with Basic credentials (an admin user or a service principal) answers
 *   `{"access_token": …}` (learn.microsoft.com, REST API, "Access Tokens - Get From Login"); a POST
 *   `grant_type=refresh_token&refresh_token=…&service=…&scope=…` exchanges an ACR refresh token, which
 *   is what `az acr login` stores as Docker's `identitytoken` (Azure/acr docs/AAD-OAuth.md). With
 *   `az acr login --expose-token`, the user `00000000-0000-0000-0000-000000000000` logs in with the
 *   refresh token as its password (learn.microsoft.com, container-registry-authentication, "Login with
 *   an access token").
 * - A locked tag (writeEnabled false) is refused with 405 `REGISTRY_DISALLOWED_OPERATION: The operation
 *   is disallowed on this registry, repository or image.` (Azure/acr-cli#70;
 *   learn.microsoft.com, container-registry-image-lock).
 * - The referrers API (aws/containers-roadmap#2783, the comparison with ACR; oras-project docs).
 * - Cross-repository mounts.
 */
export interface AcrFront extends Front {
  registryName: string;
  user: string;
  password: string;
  /** `az acr login --expose-token`'s user and the refresh token it logs in with. */
  tokenUser: { user: string; password: string };
  /** An ACR refresh token, as Docker's config holds it after `az acr login` (`identitytoken`). */
  refreshToken: string;
  /** Locked tags, `repository:tag` (az acr repository update --write-enabled false). */
  locked: Set<string>;
}

export const ACR_TOKEN_USER = '00000000-0000-0000-0000-000000000000';

export async function startAcrFront(): Promise<AcrFront> {
  const registryName = 'chartliftfront';
  const user = 'c7d3b9e2-4a51-4f0e-9b7a-2d8e6f1a0c33'; // a service principal's client id
  const password = 'sp~frontAcrSecret.0123456789abcdef';
  const refreshToken = `eyJhbGciOiJSUzI1NiJ9.${'frontAcrRefreshToken'.repeat(4)}`;
  const locked = new Set<string>();
  const front = await startFront({
    name: 'ACR',
    auth: {
      scheme: 'bearer',
      tokenPath: '/oauth2/token',
      service: `${registryName}.azurecr.io`,
      tokenFields: ['access_token'],
      refreshTokens: new Map([[refreshToken, ACR_TOKEN_USER]]),
    },
    users: { [user]: password, [ACR_TOKEN_USER]: refreshToken },
    referrers: 'api',
    mount: 'yes',
    before: (req) => {
      const tag = tagOf(req);
      if (req.method === 'PUT' && tag && locked.has(`${req.repository}:${tag}`))
        return errorAnswer(
          405,
          'REGISTRY_DISALLOWED_OPERATION',
          'The operation is disallowed on this registry, repository or image. View troubleshooting steps at https://aka.ms/acr/faq/#why-does-my-pull-or-push-request-fail-with-disallowed-operation',
        );
      return undefined;
    },
  });
  return Object.assign(front, {
    registryName,
    user,
    password,
    tokenUser: { user: ACR_TOKEN_USER, password: refreshToken },
    refreshToken,
    locked,
  });
}
