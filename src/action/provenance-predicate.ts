// The SLSA v1 build-provenance predicate, field for field as actions/attest-build-provenance makes it:
// that action (v4, a composite around actions/attest v4.1.0) calls @actions/attest's
// buildSLSAProvenancePredicate (actions/toolkit packages/attest/src/provenance.ts, @actions/attest
// 3.2.0), which reads GITHUB_SERVER_URL and the workflow's ID token claims, and nothing else.
// The GitHub Actions workflow build type:
// https://github.com/slsa-framework/github-actions-buildtypes/tree/main/workflow/v1
import type { GitHubClaims } from './oidc.js';

/** The predicate type this predicate goes with (the statement's constant, under @actions/attest's name). */
export { SLSA_PROVENANCE_V1_PREDICATE_TYPE as SLSA_PREDICATE_V1_TYPE } from '../sign/keyless/statement.js';
export const GITHUB_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

/** What @actions/attest's buildSLSAProvenancePredicate returns as `params` (its `type` is SLSA_PREDICATE_V1_TYPE). */
export interface SlsaProvenancePredicate {
  buildDefinition: {
    buildType: string;
    externalParameters: { workflow: { ref: string; repository: string; path: string } };
    internalParameters: {
      github: { event_name: string; repository_id: string; repository_owner_id: string; runner_environment: string };
    };
    resolvedDependencies: Array<{ uri: string; digest: { gitCommit: string } }>;
  };
  runDetails: {
    builder: { id: string };
    metadata: { invocationId: string };
  };
}

/**
 * The predicate for the workflow run the claims describe. `env.GITHUB_SERVER_URL` is the server
 * (a runner always sets it; https://github.com where it is missing, where upstream would write
 * `undefined/...`). Keys are in upstream's order, so the JSON is the same bytes as theirs.
 */
export function buildProvenancePredicate(env: { GITHUB_SERVER_URL?: string }, claims: GitHubClaims): SlsaProvenancePredicate {
  const serverURL = env.GITHUB_SERVER_URL || 'https://github.com';
  // owner/repo/.github/workflows/main.yml@refs/heads/main => .github/workflows/main.yml (as upstream:
  // the first occurrence of `repository/` removed, then everything from the first `@` dropped).
  const [workflowPath] = claims.workflow_ref.replace(`${claims.repository}/`, '').split('@');
  return {
    buildDefinition: {
      buildType: GITHUB_BUILD_TYPE,
      externalParameters: {
        workflow: {
          ref: claims.ref,
          repository: `${serverURL}/${claims.repository}`,
          path: workflowPath,
        },
      },
      internalParameters: {
        github: {
          event_name: claims.event_name,
          repository_id: claims.repository_id,
          repository_owner_id: claims.repository_owner_id,
          runner_environment: claims.runner_environment,
        },
      },
      resolvedDependencies: [
        {
          uri: `git+${serverURL}/${claims.repository}@${claims.ref}`,
          digest: { gitCommit: claims.sha },
        },
      ],
    },
    runDetails: {
      builder: { id: `${serverURL}/${claims.job_workflow_ref}` },
      metadata: {
        invocationId: `${serverURL}/${claims.repository}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`,
      },
    },
  };
}
