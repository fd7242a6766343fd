import { errorAnswer, startFront, type Front } from './core.js';

/**
 * The GitLab container registry, as it answers:
 * - Bearer tokens from the GitLab host, not the registry's: `https://gitlab.com/jwt/auth` for
 *   `registry.gitlab.com`, and on a self-managed instance the instance's own host
 *   (`https://gitlab.example.com/jwt/auth` for `registry.example.com`), service `container_registry`
 *   (docs.gitlab.com, administration/packages/container_registry: `registry['token_realm']`). The token
 *   service listens here on another loopback address (127.0.0.3) for that host.
 * - A CI job logs in as `gitlab-ci-token` with `CI_JOB_TOKEN` (docs.gitlab.com, user/packages/container_registry,
 *   authenticate with the container registry).
 * - At most two names after the project's path (`registry.example.com/group/project/a/b`); a deeper one is
 *   refused as a denial, `requested access to the resource is denied` (gitlab-org/gitlab#503790, #438563).
 * - Referrers: GitLab.com's registry (the metadata database) serves the referrers API
 *   (gitlab-org/gitlab#454854, signatures through OCI referrers); a self-managed registry without the
 *   metadata database has none (404), so clients keep the fallback tag.
 */
export interface GitLabFront extends Front {
  project: string;
  user: string;
  password: string;
}

export async function startGitLabFront(options: { edition: 'gitlab.com' | 'self-managed' }): Promise<GitLabFront> {
  const project = 'octo-group/octo-chart';
  const user = 'gitlab-ci-token';
  const password = 'glcbt-64_frontGitLabJobToken0123456789';
  const within = (repository: string): boolean =>
    repository === project || (repository.startsWith(`${project}/`) && repository.slice(project.length + 1).split('/').length <= 2);
  const front = await startFront({
    name: options.edition === 'gitlab.com' ? 'GitLab.com' : 'GitLab (self-managed)',
    auth: { scheme: 'bearer', tokenAddress: '127.0.0.3', tokenPath: '/jwt/auth', service: 'container_registry' },
    users: { [user]: password },
    // The job token reaches its own project's images, and only within the depth GitLab allows.
    grant: (who, repository, asked) => (who === user && within(repository) ? asked.filter((a) => a === 'pull' || a === 'push') : []),
    denied: () => errorAnswer(403, 'DENIED', 'requested access to the resource is denied'),
    referrers: options.edition === 'gitlab.com' ? 'api' : 'none',
    mount: 'yes',
  });
  return Object.assign(front, { project, user, password });
}
