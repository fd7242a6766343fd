import { errorAnswer, startFront, type Front } from './core.js';

/**
 * Docker Hub, as it answers:
 * - Bearer tokens from another host, `https://auth.docker.io/token`, service `registry.docker.io`
 *   (docs.docker.com, "Docker Hub pull usage and limits": the curl commands). Here the token service
 *   listens on another loopback address (127.0.0.2) for that host.
 * - Repositories are `<namespace>/<name>`, two components (docker/hub-feedback#1404): the token service
 *   answers a deeper scope with 400 `{"details":"invalid repository name"}` (google/go-containerregistry#1687).
 * - The pull rate limit: a GET of a manifest over it is answered 429 `TOOMANYREQUESTS: You have reached
 *   your pull rate limit. You may increase the limit by authenticating and upgrading:
 *   https://www.docker.com/increase-rate-limits`, with `ratelimit-limit: 100;w=21600`,
 *   `ratelimit-remaining: 0;w=21600` and `docker-ratelimit-source` (the same page, "View pull rate and
 *   limit"; HEAD requests do not count). The headers come with every manifest answer.
 * - No referrers API (docker/roadmap#724): 404, the fallback tag. Mounts as documented
 *   (docs.docker.com/reference/api/registry/latest: 201 Created).
 */
export interface DockerHubFront extends Front {
  namespace: string;
  user: string;
  password: string;
  /** Pulls left in the window; set to 0 to be over the limit. */
  quota: { limit: number; remaining: number; window: number; source: string };
}

export async function startDockerHubFront(): Promise<DockerHubFront> {
  const user = 'octodev';
  const password = 'dckr_pat_frontDockerHub0123456789';
  const quota = { limit: 100, remaining: 100, window: 21600, source: '192.0.2.1' };
  const headers = (): Record<string, string> => ({
    'ratelimit-limit': `${quota.limit};w=${quota.window}`,
    'ratelimit-remaining': `${quota.remaining};w=${quota.window}`,
    'docker-ratelimit-source': quota.source,
  });
  const front = await startFront({
    name: 'Docker Hub',
    auth: {
      scheme: 'bearer',
      tokenAddress: '127.0.0.2',
      tokenPath: '/token',
      service: 'registry.docker.io',
      refuseScope: (repository) =>
        repository.split('/').length > 2
          ? { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ details: 'invalid repository name' }) }
          : undefined,
    },
    users: { [user]: password },
    anonymousPull: true,
    referrers: 'none',
    mount: 'yes',
    extraHeaders: (req) => (req.kind === 'manifest' && (req.method === 'GET' || req.method === 'HEAD') ? headers() : {}),
    before: (req) => {
      if (req.kind !== 'manifest' || req.method !== 'GET') return undefined;
      if (quota.remaining <= 0)
        return errorAnswer(
          429,
          'TOOMANYREQUESTS',
          'You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits',
          headers(),
        );
      quota.remaining--;
      return undefined;
    },
  });
  return Object.assign(front, { namespace: user, user, password, quota });
}
