import { UserError } from '../errors.js';
import type { KeylessIdentity } from '../release/keyless.js';

/**
 * GitLab CI as `chartlift publish` meets it: the job's predefined variables (docs.gitlab.com/ci/variables/
 * predefined_variables; values as gitlab-org/gitlab's Project#predefined_*_variables and
 * Ci::Build#persisted_variables build them), the ID token an `id_tokens:` entry gives the job
 * (docs.gitlab.com/ci/secrets/id_token_authentication), the identity Sigstore's Fulcio certifies for it,
 * and the SLSA provenance GitLab itself writes for a job.
 */

/** Whether this process runs in a GitLab CI job (`GITLAB_CI=true`, set for every job). */
export function inGitLabCi(env: NodeJS.ProcessEnv): boolean {
  return env.GITLAB_CI === 'true';
}

/** What a job's variables give `chartlift publish` when no flag or CHARTLIFT_* variable says otherwise. */
export interface GitLabDefaults {
  /** CI_PROJECT_DIR: where the repository is checked out (the folder a chart's links may not leave). */
  workspace?: string;
  /** CI_PROJECT_URL: the code's URL (org.opencontainers.image.source for a chart whose Chart.yaml lists none). */
  codeUrl?: string;
  /** CI_REGISTRY: the project's container registry (host[:port]). */
  registry?: string;
  /**
   * The job's own registry login: CI_REGISTRY_USER (`gitlab-ci-token`) and CI_REGISTRY_PASSWORD, which
   * is the job token (CI_JOB_TOKEN); a job token pushes to its own project's registry only.
   */
  credential?: { username: string; password: string };
  /** CI_SERVER_URL's host: where a self-managed instance's registry sends its token requests (its realm, /jwt/auth). */
  serverHost?: string;
}

export function gitLabDefaults(env: NodeJS.ProcessEnv): GitLabDefaults {
  const password = env.CI_REGISTRY_PASSWORD || env.CI_JOB_TOKEN;
  let serverHost: string | undefined;
  try {
    serverHost = env.CI_SERVER_URL ? new URL(env.CI_SERVER_URL).host : undefined;
  } catch {
    serverHost = undefined;
  }
  return {
    workspace: env.CI_PROJECT_DIR || undefined,
    codeUrl: env.CI_PROJECT_URL || undefined,
    registry: env.CI_REGISTRY || undefined,
    credential: password ? { username: env.CI_REGISTRY_USER || 'gitlab-ci-token', password } : undefined,
    serverHost,
  };
}

/** The claims of a GitLab ID token this reads (names as GitLab's lib/gitlab/ci/jwt_v2.rb writes them). */
export interface GitLabClaims {
  iss: string;
  /** `<CI_SERVER_FQDN>/<project path>//<config path>@<ref path>`, no scheme: Fulcio's SAN is it with https:// in front. */
  ci_config_ref_uri: string;
  project_path: string;
  sha: string;
  job_id: string | number;
  runner_id: string | number;
}

/** Whether an ID token's claims are a GitLab job's (the claim Fulcio's gitlab-pipeline template needs for the SAN). */
export function isGitLabToken(claims: Record<string, unknown>): boolean {
  return typeof claims.ci_config_ref_uri === 'string' && typeof claims.project_path === 'string';
}

/**
 * The identity Fulcio certifies for a GitLab job's token: the SAN `https://` + ci_config_ref_uri (fulcio
 * config/identity/config.yaml, ci-provider gitlab-pipeline: `https://{{ .ci_config_ref_uri }}`, e.g.
 * https://gitlab.com/group/project//.gitlab-ci.yml@refs/heads/main) and the token's issuer.
 */
export function gitLabIdentity(claims: Record<string, unknown>): KeylessIdentity {
  const c = checkClaims(claims);
  return { san: `https://${c.ci_config_ref_uri}`, issuer: c.iss };
}

/**
 * Sigstore's public Fulcio accepts GitLab tokens from these instances only (fulcio
 * config/identity/config.yaml, oidc-issuers of type ci-provider gitlab-pipeline); another self-managed
 * instance needs a Sigstore of its own (docs.gitlab.com/ci/yaml/signing_self_hosted).
 */
export const PUBLIC_GITLAB_ISSUERS: readonly string[] = [
  'https://gitlab.com',
  'https://dev.gitlab.org',
  'https://ops.gitlab.net',
  'https://gitlab.archlinux.org',
];

/** The SLSA build type of GitLab's own provenance (docs.gitlab.com/ci/pipeline_security/slsa/provenance_v1). */
export const GITLAB_BUILD_TYPE = 'https://docs.gitlab.com/ci/pipeline_security/slsa/provenance_v1';

/**
 * The SLSA v1 provenance predicate of the job, in GitLab's build type, as gitlab-org/gitlab's
 * SupplyChain::Slsa::ProvenanceStatement fills it: the source and the job's name, the job, the commit,
 * the runner, the job as the invocation. Every value comes from the signed token (the job's name, which
 * no claim carries, from CI_JOB_NAME, as GitLab takes it from the job); the job's variables, which
 * GitLab's own statement lists, are left out (values a job holds are not for a public log).
 */
export function gitLabProvenancePredicate(env: NodeJS.ProcessEnv, claims: Record<string, unknown>): Record<string, unknown> {
  const c = checkClaims(claims);
  const server = (env.CI_SERVER_URL || c.iss).replace(/\/+$/, '');
  const project = `${server}/${c.project_path}`;
  return {
    buildDefinition: {
      buildType: GITLAB_BUILD_TYPE,
      externalParameters: { source: project, entryPoint: env.CI_JOB_NAME ?? '' },
      internalParameters: { job: String(c.job_id) },
      resolvedDependencies: [{ uri: project, digest: { gitCommit: c.sha } }],
    },
    runDetails: {
      builder: { id: `${project}/-/runners/${String(c.runner_id)}` },
      metadata: { invocationId: String(c.job_id) },
    },
  };
}

function checkClaims(claims: Record<string, unknown>): GitLabClaims {
  const missing = ['iss', 'ci_config_ref_uri', 'project_path', 'sha'].filter((k) => typeof claims[k] !== 'string');
  for (const k of ['job_id', 'runner_id']) if (typeof claims[k] !== 'string' && typeof claims[k] !== 'number') missing.push(k);
  if (missing.length > 0)
    throw new UserError(`the ID token lacks the claims a GitLab job's token carries: ${missing.join(', ')}`, {
      hint: "Keyless signing in GitLab CI needs the job's ID token: id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }",
    });
  return claims as unknown as GitLabClaims;
}
