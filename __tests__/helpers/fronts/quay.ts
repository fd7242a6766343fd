import { startFront, type Front } from './core.js';

/**
 * Quay (quay.io), as it answers:
 * - Bearer tokens from `https://quay.io/v2/auth`, service `quay.io`, on its own host (quay/quay
 *   endpoints/v2/v2auth.py).
 * - Robot accounts are named `<org>+<name>` (docs.quay.io, use_quay, robot accounts): the `+` travels in
 *   Basic credentials and credential files as it is.
 * - Nested repository names (`org/charts/web`) (quay/quay#814, FEATURE_EXTENDED_REPOSITORY_NAMES, on by
 *   default: quay/quay-docs#474; kubermatic-labs/aquayman#7 pushes Helm charts so).
 * - The referrers API since 3.12 (quay/quay#2597; tektoncd/chains#1691), with OCI-Subject; mounts from a
 *   named repository (bazel-contrib/rules_img registry-support.md: only the bare form is rejected).
 */
export interface QuayFront extends Front {
  org: string;
  user: string;
  password: string;
}

export async function startQuayFront(): Promise<QuayFront> {
  const org = 'octo-org';
  const user = `${org}+publisher`;
  const password = 'FRONTQUAYROBOTTOKEN0123456789ABCDEFGHIJKLMNOP';
  const front = await startFront({
    name: 'Quay',
    auth: { scheme: 'bearer', tokenPath: '/v2/auth', service: 'quay.io' },
    users: { [user]: password },
    referrers: 'api',
    mount: 'yes',
  });
  return Object.assign(front, { org, user, password });
}
