import { UserError } from '../errors.js';
import { printable } from '../util/printable.js';

/**
 * What the hosted registries answer that a person can act on, told apart by the answer itself (its
 * error codes and words, its headers, the token service's `service`), and by the registry's host where
 * that names one. Each answer here is the registry's own, as its documentation or its issue tracker
 * shows it; the remedy named is the registry's own too.
 */

/** A registry family, where its host or its answer tells it. */
export type Hosted = 'ecr' | 'acr' | 'gar' | 'ghcr' | 'docker-hub' | 'quay' | 'artifactory' | 'gitlab' | 'harbor';

const HOSTS: Array<[RegExp, Hosted]> = [
  [/^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/, 'ecr'],
  [/\.azurecr\.(io|cn|us)$/, 'acr'],
  [/^[a-z0-9-]+-docker\.pkg\.dev$/, 'gar'],
  [/^ghcr\.io$/, 'ghcr'],
  [/^(registry-1\.docker\.io|index\.docker\.io|docker\.io)$/, 'docker-hub'],
  [/^quay\.io$/, 'quay'],
  [/\.jfrog\.io$/, 'artifactory'],
  [/^registry\.gitlab\.com$/, 'gitlab'],
];

/**
 * The family of a registry, by its host (`host[:port]`), else by the `service` its Bearer challenge
 * names: Docker Hub's token service is `registry.docker.io` (docs.docker.com, "Docker Hub pull usage
 * and limits"), GitLab's `container_registry` (docs.gitlab.com, container registry administration,
 * `registry['token_realm']`), Harbor's `harbor-registry` (goharbor/harbor src/core/service/token).
 */
export function hostedFamily(registry: string, service?: string): Hosted | undefined {
  const host = registry.replace(/:\d+$/, '').toLowerCase();
  for (const [pattern, family] of HOSTS) if (pattern.test(host)) return family;
  if (service === 'registry.docker.io') return 'docker-hub';
  if (service === 'container_registry') return 'gitlab';
  if (service === 'harbor-registry') return 'harbor';
  if (service === 'ecr.amazonaws.com') return 'ecr';
  return undefined;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The registry's error codes (distribution's `errors[].code`), and its words as quoted. */
  codes: string[];
  words: string;
  /** Every `CODE: message` of the error body, whole: what the answer is recognised by (`words` may be cut short). */
  messages: string;
  /** The body as text (bounded by the caller): for an answer that is not distribution's error JSON. */
  text: string;
}

export interface Asked {
  /** What was being done ("push the manifest to"). */
  what: string;
  registry: string;
  repository?: string;
  /** The tag or digest a manifest request named. */
  reference?: string;
  username?: string;
  /** The `service` of the registry's Bearer challenge. */
  service?: string;
}

/** The tag of the referrers tag schema: `sha256-<hex>` (distribution-spec, "Referrers Tag Schema"). */
const REFERRERS_TAG = /^sha256-[0-9a-f]{64}$/;

/** A hosted registry's answer that names its own remedy, as a UserError; undefined for any other. */
export function hostedAnswer(a: Answer, q: Asked): UserError | undefined {
  const family = hostedFamily(q.registry, q.service);
  const where = q.repository ? `${q.registry}/${q.repository}` : q.registry;
  return (
    repositoryMissing(a, q, family, where) ??
    immutableTag(a, q, family, where) ??
    rateLimited(a, q, family) ??
    depthRefused(a, q, family, where) ??
    undefined
  );
}

/**
 * A repository (or Harbor project) that must exist before a push. ECR: `NAME_UNKNOWN: The repository
 * with name 'x' does not exist in the registry with id '123456789012'` (plexsystems/sinker#55,
 * aws-actions/amazon-ecr-login#166); ECR creates on push only through a repository creation template
 * with CREATE_ON_PUSH (hashicorp/terraform-provider-aws#45701). GAR: `NAME_UNKNOWN: Repository "x" not
 * found` (GoogleCloudPlatform/developer-journey-app#117; Artifact Registry's troubleshooting: the
 * repository is created apart from the first push). Harbor: `UNAUTHORIZED: project not found, name: x`
 * (goharbor/harbor src/server/middleware/v2auth/auth.go; goharbor/harbor#20544: create the project first).
 */
function repositoryMissing(a: Answer, q: Asked, family: Hosted | undefined, where: string): UserError | undefined {
  const ecr = a.codes.includes('NAME_UNKNOWN') && (/does not exist in the registry with id/i.test(a.messages) || family === 'ecr');
  if (ecr) {
    const repo = /repository with name '([^']+)'/i.exec(a.messages)?.[1] ?? q.repository ?? '<repository>';
    return new UserError(`${where} does not exist: Amazon ECR creates no repository on push (${a.words})`, {
      hint: `Create it first: aws ecr create-repository --repository-name ${quote(repo)}, or add a repository creation template with CREATE_ON_PUSH for its prefix (aws ecr create-repository-creation-template)`,
    });
  }
  const gar = a.codes.includes('NAME_UNKNOWN') ? /Repository "([^"]+)" not found/i.exec(a.messages) : null;
  if (gar) {
    // The location is the host's (or the token service's, which is named for the host) first label.
    const location =
      [q.registry.replace(/:\d+$/, ''), q.service ?? ''].map((h) => /^([a-z0-9-]+)-docker\.pkg\.dev$/.exec(h)?.[1]).find(Boolean) ??
      'LOCATION';
    return new UserError(`${where}: the Artifact Registry repository "${quote(gar[1])}" does not exist (${a.words})`, {
      hint: `Create it first: gcloud artifacts repositories create ${quote(gar[1])} --repository-format=docker --location=${location} (a push creates none)`,
    });
  }
  const harbor = /project not found, name: ([^:\s"]+)/i.exec(a.messages);
  if (harbor)
    return new UserError(`${where}: the Harbor project "${quote(harbor[1])}" does not exist (${a.words})`, {
      hint: `Create the project "${quote(harbor[1])}" in Harbor first (Projects, New Project; or POST /api/v2.0/projects): a push creates none, and a robot account cannot`,
    });
  return undefined;
}

/**
 * A tag the registry keeps immutable, refused on a manifest PUT. ECR: `TAG_INVALID: The image tag 'x'
 * already exists in the 'y' repository and cannot be overwritten because the tag is immutable`
 * (osscontainertools/kaniko#204). Harbor: 412 `PRECONDITION: Failed to process request due to 'p/r:t'
 * configured as immutable.` (goharbor/harbor src/pkg/immutable/match, ErrImmutable). ACR: a locked tag
 * (writeEnabled false), 405 `REGISTRY_DISALLOWED_OPERATION: The operation is disallowed on this
 * registry, repository or image.` (Azure/acr-cli#70; learn.microsoft.com, container-registry-image-lock).
 * GAR and Docker Hub (docs.docker.com, immutable tags) say "immutable" in their words.
 */
function immutableTag(a: Answer, q: Asked, family: Hosted | undefined, where: string): UserError | undefined {
  if (!/^push the manifest/.test(q.what)) return undefined;
  const locked = a.codes.includes('REGISTRY_DISALLOWED_OPERATION');
  if (!locked && !/immutable/i.test(a.messages)) return undefined;
  const tag = q.reference ?? '';
  const ref = tag ? `${where}:${tag}` : where;
  if (REFERRERS_TAG.test(tag))
    return new UserError(
      `${ref} is immutable in this registry, and it is the referrers index (the tag a registry without a referrers API keeps a chart's signatures and attestations in): a second referrer cannot be added to it (${a.words})`,
      {
        hint: 'Exempt sha256-* tags from tag immutability (ECR: IMMUTABLE_WITH_EXCLUSION with the wildcard filter sha256-*; Harbor: exclude sha256-** in the immutability rule); GAR makes all tags immutable or none',
        code: 'referrers-tag-immutable',
      },
    );
  const how = locked
    ? `is locked (ACR: writeEnabled false; unlock it with az acr repository update --image ${quote(`${q.repository ?? ''}:${tag}`)} --write-enabled true)`
    : `is immutable in ${family === 'ecr' ? 'this ECR repository (image tag mutability IMMUTABLE)' : family === 'harbor' ? 'this Harbor project (a tag immutability rule)' : 'this registry'}`;
  return new UserError(`${ref} ${how}: it cannot be replaced (${a.words})`, {
    hint: 'Publish a new chart version: a published tag stays as it is there',
    code: 'tag-immutable',
  });
}

/**
 * A rate limit. Docker Hub answers 429 `TOOMANYREQUESTS` with `ratelimit-limit: 100;w=21600`,
 * `ratelimit-remaining: 0;w=21600` (the window, in seconds) and `docker-ratelimit-source` (docs.docker.com,
 * "Docker Hub pull usage and limits", "View pull rate and limit"); authenticated users have a higher
 * limit, paid plans none. A `Retry-After` (seconds or an HTTP date) is the registry's own time.
 */
function rateLimited(a: Answer, q: Asked, family: Hosted | undefined): UserError | undefined {
  if (a.status !== 429 && !a.codes.includes('TOOMANYREQUESTS')) return undefined;
  const limit = /^\s*(\d+)\s*;\s*w=(\d+)/.exec(a.headers['ratelimit-limit'] ?? '');
  const left = /^\s*(\d+)\s*;\s*w=(\d+)/.exec(a.headers['ratelimit-remaining'] ?? '');
  // A quota for a window (the ratelimit-* headers) is this; any other 429 is a passing limit, retried
  // with its Retry-After and reported as such (errors.ts).
  if (!left) return undefined;
  const source = a.headers['docker-ratelimit-source'];
  const parts = [`${left[1]} of ${limit?.[1] ?? '?'} pulls left in a ${left[2]}-second window`];
  if (source) parts.push(`counted for ${printable(source.slice(0, 64))}`);
  const when = resetTime(a.headers['retry-after'], Number(left[1]) === 0 ? Number(left[2]) : undefined);
  const name = family === 'docker-hub' ? 'Docker Hub' : q.registry;
  const text = `${name} is rate limiting requests (${parts.join(', ')})${when ? `: ${when}` : ''} (${a.words})`;
  return new UserError(text, {
    hint: q.username
      ? 'Wait until then; a paid plan of the registry lifts or raises the limit'
      : 'Wait until then, or authenticate: an authenticated user has a higher limit',
    code: q.username ? undefined : 'rate-limited',
  });
}

/** When a rate limit frees up: the registry's Retry-After, else the end of the window at the latest. */
function resetTime(retryAfter: string | undefined, windowSeconds: number | undefined, now = Date.now()): string | undefined {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const at = Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter);
    if (Number.isFinite(at)) return `it resets at ${utc(at)}`;
  }
  if (windowSeconds !== undefined && Number.isFinite(windowSeconds) && windowSeconds > 0)
    return `it frees up within the window, by ${utc(now + windowSeconds * 1000)} at the latest`;
  return undefined;
}

function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A repository path deeper than the registry allows. Docker Hub: `<namespace>/<name>`, two components
 * (docker/hub-feedback#1404); its token service answers a deeper scope with 400 `{"details":"invalid
 * repository name"}` (google/go-containerregistry#1687). GAR: `NAME_INVALID: Missing image name. Pushes
 * should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE` (docker/build-push-action#171).
 * GitLab: at most two names after the project's path, refused as a denial (gitlab-org/gitlab#503790).
 */
function depthRefused(a: Answer, q: Asked, family: Hosted | undefined, where: string): UserError | undefined {
  if (family === 'docker-hub' && a.status === 400 && /invalid repository name/i.test(a.text))
    return new UserError(
      `Docker Hub refused the repository ${where}: its repositories are <namespace>/<name>, two components (${a.words})`,
      {
        hint: 'Publish to oci://registry-1.docker.io/<namespace> (the chart name is appended as the second component)',
      },
    );
  if (a.codes.includes('NAME_INVALID') && /PROJECT-ID\/REPOSITORY\/IMAGE/i.test(a.messages))
    return new UserError(`${where} is not an Artifact Registry image path (${a.words})`, {
      hint: 'Publish to oci://LOCATION-docker.pkg.dev/PROJECT/REPOSITORY (the chart name is appended as the image)',
    });
  if (
    family === 'gitlab' &&
    (a.status === 401 || a.status === 403) &&
    /denied|insufficient_scope/i.test(`${a.messages} ${a.headers['www-authenticate'] ?? ''}`)
  )
    return new UserError(`no permission to ${q.what} ${where} (${a.words})`, {
      hint: "Check that the user may push to this GitLab project (a CI job's token: its own project), and that the path has at most two names after the project's (registry.example.com/group/project/a/b)",
    });
  return undefined;
}

function quote(s: string): string {
  return printable(s.slice(0, 200));
}
