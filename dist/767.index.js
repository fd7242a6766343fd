export const id = 767;
export const ids = [767];
export const modules = {

/***/ 83767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildProvenancePredicate: () => (/* binding */ buildProvenancePredicate)
/* harmony export */ });
/* unused harmony exports SLSA_PREDICATE_V1_TYPE, GITHUB_BUILD_TYPE */
const SLSA_PREDICATE_V1_TYPE = 'https://slsa.dev/provenance/v1';
const GITHUB_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
/**
 * The predicate for the workflow run the claims describe. `env.GITHUB_SERVER_URL` is the server
 * (a runner always sets it; https://github.com where it is missing, where upstream would write
 * `undefined/...`). Keys are in upstream's order, so the JSON is the same bytes as theirs.
 */
function buildProvenancePredicate(env, claims) {
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


/***/ })

};
