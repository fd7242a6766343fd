import { errorAnswer, startFront, tagOf, type Front } from './core.js';

/**
 * Harbor (2.11 and later), as it answers:
 * - Bearer tokens from `https://<harbor>/service/token`, service `harbor-registry`, on its own host
 *   (goharbor/harbor src/core/service/token; make/photon/prepare templates, `realm: .../service/token`).
 * - Robot accounts are named `robot$<project>+<name>` (goharbor/harbor docs, working-with-projects,
 *   create-robot-accounts): the `$` and `+` travel in Basic credentials and credential files as they are.
 * - A project must exist before a push, and a robot account cannot create one: a request to a missing
 *   project is answered 401 `UNAUTHORIZED: project not found, name: x: project not found, name: x`
 *   (goharbor/harbor src/server/middleware/v2auth/auth.go; goharbor/harbor#20544, #17097).
 * - Tag immutability rules: 412 `PRECONDITION: Failed to process request due to 'p/r:t' configured as
 *   immutable.` (goharbor/harbor src/pkg/immutable, ErrImmutable; goharbor/harbor#9427 chose 412).
 * - The referrers API, in its final OCI 1.1 form since 2.11 (goharbor/harbor#20068), with OCI-Subject;
 *   cross-repository mounts.
 */
export interface HarborFront extends Front {
  project: string;
  user: string;
  password: string;
  /** Projects created. */
  projects: Set<string>;
  /** Immutability rules: a repository pattern and a tag pattern (`**` any), as in Harbor's rule form. */
  immutable: Array<{ repositories: RegExp; tags: RegExp }>;
}

export async function startHarborFront(): Promise<HarborFront> {
  const project = 'charts';
  const user = `robot$${project}+publisher`;
  const password = 'frontHarborRobotSecret0123456789ABCD';
  const projects = new Set<string>();
  const immutable: HarborFront['immutable'] = [];
  const front = await startFront({
    name: 'Harbor',
    auth: { scheme: 'bearer', tokenPath: '/service/token', service: 'harbor-registry' },
    users: { [user]: password },
    referrers: 'api',
    mount: 'yes',
    before: async (req, _who, self) => {
      if (!req.repository) return undefined;
      const name = req.repository.split('/')[0];
      if (!projects.has(name))
        return errorAnswer(401, 'UNAUTHORIZED', `project not found, name: ${name}: project not found, name: ${name}`);
      const tag = tagOf(req);
      const repo = req.repository.slice(name.length + 1);
      if (req.method === 'PUT' && tag && immutable.some((r) => r.repositories.test(repo) && r.tags.test(tag))) {
        if ((await self.tagDigest(req.repository, tag)) !== undefined)
          return errorAnswer(412, 'PRECONDITION', `Failed to process request due to '${req.repository}:${tag}' configured as immutable.`);
      }
      return undefined;
    },
  });
  return Object.assign(front, { project, user, password, projects, immutable });
}
