import { errorAnswer, startFront, tagOf, type Front } from './core.js';

/**
 * Google Artifact Registry (Docker format), as it answers:
 * - Bearer tokens from `https://<location>-docker.pkg.dev/v2/token`, service `<location>-docker.pkg.dev`,
 *   on the registry's own host. The user is `oauth2accesstoken` and the password an OAuth2 access token
 *   (google-github-actions/auth's `token_format: access_token`), or `_json_key` with a service account
 *   key (docs.cloud.google.com, artifact-registry/docs/docker/authentication).
 * - Paths are `PROJECT/REPOSITORY/IMAGE`: a shorter one is `NAME_INVALID: Missing image name. Pushes
 *   should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE` (docker/build-push-action#171).
 * - The repository (`PROJECT/REPOSITORY`) must exist: `NAME_UNKNOWN: Repository "x" not found`
 *   (GoogleCloudPlatform/developer-journey-app#117; Artifact Registry's troubleshooting: "Unlike
 *   Container Registry, creating the repository is a separate operation from pushing the first image").
 * - Immutable tags, all or none per repository (docs.cloud.google.com, repositories/update-repo-settings:
 *   "an image tag always points to the same image digest"). Artifact Registry publishes no error text for
 *   the refusal; the front answers it as a failed precondition of the tag, in the docs' words (the
 *   gRPC status Artifact Registry's API gives a refused tag update: stackshy/cloudemu#1037).
 * - The referrers API, which Artifact Registry's attachments use (docs.cloud.google.com,
 *   artifact-registry/docs/manage-metadata-with-attachments; bazel-contrib/rules_img registry-support.md;
 *   an earlier report of signatures not found: notaryproject/notation#1222). Cross-repository mounts
 *   (the same matrix).
 */
export interface GarFront extends Front {
  project: string;
  user: string;
  password: string;
  /** Repositories created, `PROJECT/REPOSITORY` (gcloud artifacts repositories create). */
  repositories: Set<string>;
  /** Repositories with immutable tags. */
  immutable: Set<string>;
}

export async function startGarFront(): Promise<GarFront> {
  const project = 'octo-project';
  const user = 'oauth2accesstoken';
  const password = `ya29.${'frontGarAccessToken_0123456789'.repeat(3)}`;
  const repositories = new Set<string>();
  const immutable = new Set<string>();
  const front = await startFront({
    name: 'GAR',
    auth: { scheme: 'bearer', tokenPath: '/v2/token', service: 'europe-docker.pkg.dev' },
    users: { [user]: password },
    referrers: 'api',
    mount: 'yes',
    before: async (req, _who, self) => {
      if (!req.repository) return undefined;
      const parts = req.repository.split('/');
      if (parts.length < 3)
        return errorAnswer(
          400,
          'NAME_INVALID',
          'Missing image name. Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE',
        );
      const repo = parts.slice(0, 2).join('/');
      if (!repositories.has(repo)) return errorAnswer(404, 'NAME_UNKNOWN', `Repository "${parts[1]}" not found`);
      const tag = tagOf(req);
      if (req.method === 'PUT' && tag && immutable.has(repo) && (await self.tagDigest(req.repository, tag)) !== undefined)
        return errorAnswer(
          400,
          'FAILED_PRECONDITION',
          `Tag "${tag}" of "${req.repository}" is immutable: the repository has immutable tags, and an image tag always points to the same image digest.`,
        );
      return undefined;
    },
  });
  return Object.assign(front, { project, user, password, repositories, immutable });
}
