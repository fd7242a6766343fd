import { errorAnswer, startFront, tagOf, type Front, type Referrers } from './core.js';

/**
 * Amazon ECR, as it answers:
 * - Basic authentication, no token service: `WWW-Authenticate: Basic realm="https://<registry>/",
 *   service="ecr.amazonaws.com"`; the user is `AWS` and the password what `aws ecr get-login-password`
 *   prints (oras-project/oras#174 and its ECR docs; oras-project/oras-py#54 shows the service;
 *   bazel-contrib/rules_img docs/registry-support.md: "Amazon ECR ... answers the ping with Basic").
 * - A repository must exist before a push: `NAME_UNKNOWN: The repository with name 'x' does not exist
 *   in the registry with id '123456789012'` (plexsystems/sinker#55; regclient/regclient#869); created
 *   with `aws ecr create-repository`, or on push by a CREATE_ON_PUSH repository creation template
 *   (hashicorp/terraform-provider-aws#45701).
 * - Immutable tags (image tag mutability IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION with wildcard filters):
 *   `TAG_INVALID: The image tag 'x' already exists in the 'y' repository and cannot be overwritten because
 *   the tag is immutable.` (osscontainertools/kaniko#204; docs.aws.amazon.com, image-tag-mutability).
 * - Referrers claimed but not kept: `OCI-Subject` on a manifest PUT without a referrers API that lists
 *   (sigstore/sigstore-js#1183: "some registries (AWS ECR) will return this header even when they do NOT
 *   support the referrers API"; #1187: "a false 200 response when hitting the /referrers endpoint") —
 *   `referrers: 'claimed'`; or a referrer manifest refused outright with 405 `UNSUPPORTED: Invalid
 *   parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'`
 *   (aws/containers-roadmap#2783; oras-project/oras#1133, #690) — `referrers: 'refused'`.
 * - Mounts only a blob a manifest in the source repository references, else 202 (aws/containers-roadmap#2860;
 *   docs.aws.amazon.com, blob-mounting).
 * - A chunk (PATCH) is answered 201, not 202, and the bodies of later chunks are dropped
 *   (aws/containers-roadmap#2831).
 */
export interface EcrFront extends Front {
  account: string;
  user: string;
  password: string;
  /** Repositories created (aws ecr create-repository). */
  repositories: Set<string>;
  /** Repositories whose tags are immutable, with the wildcard filters excluded from it (IMMUTABLE_WITH_EXCLUSION). */
  immutable: Map<string, string[]>;
}

export async function startEcrFront(options: { referrers?: Extract<Referrers, 'claimed' | 'refused'> } = {}): Promise<EcrFront> {
  const account = '123456789012';
  const user = 'AWS';
  // What `aws ecr get-login-password` prints is a long base64 token.
  const password = `eyJwYXlsb2FkIjoi${'frontEcrLoginPassword0123456789'.repeat(3)}`;
  const repositories = new Set<string>();
  const immutable = new Map<string, string[]>();
  const front = await startFront({
    name: 'ECR',
    auth: { scheme: 'basic', challenge: `realm="https://${account}.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"` },
    users: { [user]: password },
    referrers: options.referrers ?? 'claimed',
    referrerRefusal: errorAnswer(
      405,
      'UNSUPPORTED',
      "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
    ),
    mount: 'referenced',
    patchAnswers201: true,
    before: async (req, _who, self) => {
      if (!req.repository) return undefined;
      if (!repositories.has(req.repository))
        return errorAnswer(
          404,
          'NAME_UNKNOWN',
          `The repository with name '${req.repository}' does not exist in the registry with id '${account}'`,
        );
      const tag = tagOf(req);
      const exclusions = immutable.get(req.repository);
      if (req.method === 'PUT' && tag && exclusions && !exclusions.some((f) => wildcard(f).test(tag))) {
        const now = await self.tagDigest(req.repository, tag);
        if (now !== undefined)
          return errorAnswer(
            400,
            'TAG_INVALID',
            `The image tag '${tag}' already exists in the '${req.repository}' repository and cannot be overwritten because the tag is immutable.`,
          );
      }
      return undefined;
    },
  });
  return Object.assign(front, { account, user, password, repositories, immutable });
}

/** An ECR wildcard filter (`sha256-*`) as a pattern. */
function wildcard(filter: string): RegExp {
  return new RegExp(`^${filter.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}
