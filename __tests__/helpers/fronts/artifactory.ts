import { errorAnswer, startFront, type Front } from './core.js';

/**
 * JFrog Artifactory (7.90.1 and later), as it answers:
 * - Bearer tokens from `https://<host>/artifactory/api/docker/<repo-key>/v2/token`, on its own host
 *   (renovatebot/renovate#11765: the realm Artifactory's `www-authenticate` names; jetstack/version-checker#65).
 * - The first path component is the Docker repository's key: `<host>/<repo-key>/<image>`; a key that does
 *   not exist is `NAME_UNKNOWN` (jfrog/charts#908: "I was missing the repository key in the path").
 * - The referrers API from 7.90.1 (jfrog.com help, "Use Referrers REST API to Discover OCI References").
 * - No cross-repository mount: 202 and an upload (bazel-contrib/rules_img registry-support.md: "A mount is
 *   refused").
 */
export interface ArtifactoryFront extends Front {
  repoKey: string;
  user: string;
  password: string;
}

export async function startArtifactoryFront(): Promise<ArtifactoryFront> {
  const repoKey = 'helm-local';
  const user = 'ci-publisher';
  const password = `cmVmdGtuOjAxOjE3${'frontArtifactoryToken'.repeat(2)}`;
  const front = await startFront({
    name: 'Artifactory',
    auth: { scheme: 'bearer', tokenPath: `/artifactory/api/docker/${repoKey}/v2/token`, service: 'octo.jfrog.io' },
    users: { [user]: password },
    referrers: 'api',
    mount: 'no',
    before: (req) =>
      req.repository && req.repository.split('/')[0] !== repoKey
        ? errorAnswer(404, 'NAME_UNKNOWN', `Repository name not known to registry: ${req.repository.split('/')[0]}`)
        : undefined,
  });
  return Object.assign(front, { repoKey, user, password });
}
