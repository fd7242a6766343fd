export const id = 835;
export const ids = [835];
export const modules = {

/***/ 88299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ exchangeFailure)
/* harmony export */ });
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25232);
/* harmony import */ var _oci_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49963);
/* harmony import */ var _util_causes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7554);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41095);




/**
 * Why an HTTP exchange with a GitHub service failed, in words that quote nothing of the request
 * (its tokens): `no answer in time`, `an answer larger than N bytes`, or `the connection failed (CODE)`.
 */
function exchangeFailure(err) {
    const all = (0,_util_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .causes */ .p)(err);
    if (all.some(_oci_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isDeadline */ .vh))
        return 'no answer in time';
    const tooLarge = all.find((e) => e instanceof _oci_http_js__WEBPACK_IMPORTED_MODULE_0__/* .BodyTooLarge */ .KQ);
    if (tooLarge)
        return `an answer larger than ${tooLarge.limit} bytes`;
    const code = (0,_util_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCodes */ .f)(err).find((c) => c !== 'ABORT_ERR');
    return code ? `the connection failed (${(0,_util_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printableLine */ .o)(code).slice(0, 40)})` : 'the connection failed';
}


/***/ }),

/***/ 42835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionKeylessSigner: () => (/* binding */ actionKeylessSigner)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/once.ts
var once = __webpack_require__(82423);
// EXTERNAL MODULE: ./src/sign/keyless/id-token.ts
var id_token = __webpack_require__(39355);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/http.ts + 1 modules
var oci_http = __webpack_require__(25232);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
// EXTERNAL MODULE: ./src/action/http-failure.ts
var http_failure = __webpack_require__(88299);
// EXTERNAL MODULE: ./src/action/secrets.ts
var secrets = __webpack_require__(10292);
;// CONCATENATED MODULE: ./src/action/oidc.ts
// The workflow's OIDC ID token, asked of the runner as @actions/core's getIDToken asks it
// (toolkit packages/core/src/oidc-utils.ts, @actions/core 3.0.1): GET ACTIONS_ID_TOKEN_REQUEST_URL
// with `&audience=<audience>` appended, `Authorization: Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN`,
// and the token in the answer's `value`. Sigstore's Fulcio takes it (audience `sigstore`), checks
// its signature against the issuer's keys, and writes its claims into the signing certificate.
// Here it is masked the moment it arrives, handed to the caller, and never written anywhere.






/** The audience Fulcio expects (sigstore-js's CIContextProvider and cosign ask for it too). */
const SIGSTORE_AUDIENCE = 'sigstore';
/** The permission to add, as a job's `permissions:` YAML (flow style, so that it fits in one line of the log). */
const ID_TOKEN_PERMISSION_YAML = 'permissions: { id-token: write, packages: write, contents: read }';
/** An answer of the runner's token service is a few KiB; more is refused, not buffered. */
const MAX_TOKEN_ANSWER = 64 * 1024;
/** A few tries, each bounded: the runner's service is local to the job and answers in milliseconds. */
const POLICY = { retries: 3, baseMs: 500, capMs: 4000, maxRetryAfterMs: 10_000, timeoutMs: 30_000 };
/**
 * Fails (a UserError naming the permission) unless the runner offers an ID token: the step calls it
 * before anything is pushed, so that a chart is never left published without the signature asked for.
 * The runner sets both variables only for a job with `id-token: write`, and never for a pull request
 * from a fork.
 */
function checkIdTokenPermission(env = process.env) {
    const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((v) => !env[v]);
    if (missing.length === 0)
        return;
    throw new errors/* UserError */.yo(`Keyless signing needs the workflow's OIDC ID token, and this job has none (${missing.join(' and ')} not set)`, {
        hint: `Add \`id-token: write\` to the job's permissions, e.g. \`${ID_TOKEN_PERMISSION_YAML}\` ` +
            '(a job that sets `permissions` gets none it does not list; pull requests from forks never get an ID token)',
    });
}
/** The token URL with the audience, as getIDToken builds it (`&audience=`: the runner's URL already has a query). */
function idTokenUrl(base, audience) {
    const separator = base.includes('?') ? '&' : '?';
    return `${base}${separator}audience=${encodeURIComponent(audience)}`;
}
/**
 * The workflow's ID token for `audience`, from the runner. It is masked in the log before this
 * returns (and before anything can fail on it); errors never quote it or the request token.
 * Bounded: at most 64 KiB of answer, 30 s a try, 4 tries (5xx, 429, a dropped connection).
 */
async function requestIdToken(env = process.env, audience = SIGSTORE_AUDIENCE, options = {}) {
    checkIdTokenPermission(env);
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    // The runner's own secrets, masked as the user's are (the runner chose them, not a registry).
    (0,secrets/* mask */.dK)(requestToken);
    const url = idTokenUrl(env.ACTIONS_ID_TOKEN_REQUEST_URL, audience);
    const policy = options.policy ?? POLICY;
    const http = options.http ?? new oci_http/* Http */.lw({ userAgent: 'actions/oidc-client', timeoutMs: policy.timeoutMs });
    const failed = (why, cause) => new errors/* UserError */.yo(`Could not get the workflow's ID token from the runner: ${why}`, {
        hint: "This is the runner's token service; re-run the job, and check that it has `id-token: write`",
        cause,
    });
    try {
        const { value: res } = await (0,retry/* retrying */.R$)(policy, () => http.send({
            method: 'GET',
            url,
            headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
            maxBody: MAX_TOKEN_ANSWER,
        }), {
            result: (r) => ((0,retry/* isRetryableStatus */.PS)(r.status) ? { reason: `HTTP ${r.status}`, retryAfter: r.headers['retry-after'] } : undefined),
            error: (err) => ((0,retry/* isRetryableError */.$d)(err) ? 'the connection failed' : undefined),
        });
        if (res.status !== 200)
            throw failed(`it answered HTTP ${res.status}`);
        let value;
        try {
            value = JSON.parse(res.body.toString('utf8'))?.value;
        }
        catch {
            throw failed('its answer is not JSON');
        }
        if (typeof value !== 'string' || value === '')
            throw failed('its answer has no token (`value`)');
        (0,secrets/* mask */.dK)(value);
        return value;
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            throw err;
        throw failed((0,http_failure/* exchangeFailure */.g)(err), err);
    }
    finally {
        if (!options.http)
            await http.close();
    }
}
/**
 * The claims GitHub's token carries that the provenance predicate reads (@actions/attest's
 * REQUIRED_CLAIMS). GitHub writes every one of them as a string, the ids included.
 */
const REQUIRED_CLAIMS = [
    'iss',
    'ref',
    'sha',
    'repository',
    'event_name',
    'job_workflow_ref',
    'workflow_ref',
    'repository_id',
    'repository_owner_id',
    'runner_environment',
    'run_id',
    'run_attempt',
];
/**
 * The claims of a GitHub Actions ID token, decoded but not verified: Fulcio verifies the token
 * (signature, issuer, audience, expiry) before it certifies anything, and the certificate it issues
 * carries these same claims, so a predicate built from them agrees with the certificate. Fails, never
 * quoting the token, when it is not a JWT or lacks a claim the predicate needs.
 */
function decodeIdTokenClaims(token) {
    const record = (0,id_token/* jwtPayload */.c)(token);
    if (record === null)
        throw new errors/* UserError */.yo("The runner's ID token is not a JWT (header.payload.signature with a JSON payload)");
    if (record === undefined)
        throw new errors/* UserError */.yo("The runner's ID token's payload is not a JSON object");
    const missing = REQUIRED_CLAIMS.filter((c) => typeof record[c] !== 'string');
    if (missing.length > 0)
        throw new errors/* UserError */.yo(`The runner's ID token lacks the claims a GitHub Actions token carries: ${missing.join(', ')}`, {
            hint: 'Keyless signing and provenance need an ID token issued by GitHub Actions',
        });
    return record;
}

;// CONCATENATED MODULE: ./src/action/keyless.ts





/**
 * The action's keyless signer: the workflow's ID token (asked once, when first needed), the identity
 * Fulcio writes into the certificate for it, the Sigstore instance (the one given, else as
 * actions/attest chooses: public-good for a public repository, GitHub's own otherwise), the trusted
 * root an earlier signature is checked against, and the attestation recorded with GitHub's API.
 * Fails before anything is pushed when the job may not have an ID token.
 */
async function actionKeylessSigner(inputs, out, env = process.env) {
    checkIdTokenPermission(env);
    // A `trusted-root` that cannot be read fails the step now, before anything is pushed.
    const givenRoot = await inputs.trustedRoot?.();
    const { KeylessSigner, publicGoodRootOrRefusal } = await Promise.all(/* import() */[__webpack_require__.e(883), __webpack_require__.e(349)]).then(__webpack_require__.bind(__webpack_require__, 70883));
    const serverURL = env.GITHUB_SERVER_URL || 'https://github.com';
    // Asked once, and again when it is within a minute of expiring (a runner's token lives minutes; a
    // step signing many charts may outlive it).
    let token;
    const identityToken = async () => {
        if (!token || (token.expires !== undefined && token.expires - Date.now() < 60_000)) {
            const asked = { value: requestIdToken(env) };
            token = asked;
            const exp = (0,id_token/* jwtPayload */.c)(await asked.value)?.exp;
            asked.expires = typeof exp === 'number' ? exp * 1000 : undefined;
        }
        return token.value;
    };
    // The claims (the workflow, the run) are the same in every token of the job: read from the first.
    const claims = (0,once/* once */.O)(() => identityToken().then(decodeIdTokenClaims));
    const kinds = [];
    if (inputs.sign)
        kinds.push('signature');
    if (inputs.attest)
        kinds.push('attestation');
    const endpoints = async () => {
        if (inputs.fulcioURL)
            return { fulcioURL: inputs.fulcioURL, rekorURL: inputs.rekorURL, tsaURL: inputs.tsaURL };
        const { SIGSTORE_PUBLIC_GOOD, githubSigstoreEndpoints } = await __webpack_require__.e(/* import() */ 10).then(__webpack_require__.bind(__webpack_require__, 89010));
        return (await claims()).repository_visibility === 'public' ? SIGSTORE_PUBLIC_GOOD : githubSigstoreEndpoints(serverURL);
    };
    // Decided once for the step (one line in the log, one fetch), whatever the number of bundles checked.
    const trustedRoot = (0,once/* once */.O)(async () => {
        if (givenRoot !== undefined)
            return givenRoot;
        if (inputs.fulcioURL || (await claims()).repository_visibility !== 'public') {
            out.info('no trusted root for this Sigstore instance (`trusted-root`): an earlier signature counts when its certificate names this workflow; it is not checked against the instance\u2019s CA and log');
            return undefined;
        }
        return publicGoodRootOrRefusal(external_node_path_default().join(env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'chartlift-sigstore-tuf'), out.warning);
    });
    return new KeylessSigner({
        kinds,
        format: inputs.format,
        endpoints,
        identityToken,
        identity: async () => {
            const c = await claims();
            return { san: `${serverURL}/${c.job_workflow_ref}`, issuer: c.iss };
        },
        trustedRoot,
        predicate: async () => {
            const { buildProvenancePredicate } = await __webpack_require__.e(/* import() */ 767).then(__webpack_require__.bind(__webpack_require__, 83767));
            return buildProvenancePredicate(env, await claims());
        },
        record: async (bundle) => {
            const { recordAttestation } = await __webpack_require__.e(/* import() */ 786).then(__webpack_require__.bind(__webpack_require__, 80786));
            const result = await recordAttestation(bundle, {
                token: inputs.githubToken,
                repository: env.GITHUB_REPOSITORY ?? '',
                apiUrl: env.GITHUB_API_URL,
            });
            if (result.id)
                out.info(`attestation recorded with GitHub's attestations API (id ${result.id})`);
            return result.warning;
        },
        log: out.info,
        warn: out.warning,
    });
}


/***/ }),

/***/ 39355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ jwtPayload)
/* harmony export */ });
/**
 * An OIDC identity token (a JWT) as Sigstore's Fulcio takes it: its payload read, not verified (Fulcio
 * verifies the signature, issuer, audience and expiry before it certifies anything, and the certificate
 * it issues carries what it read).
 */
/** A JWT's payload, decoded but not verified: null when it is not a JWT with a JSON payload, undefined when that JSON is no object. */
function jwtPayload(token) {
    const parts = token.split('.');
    let payload;
    try {
        if (parts.length !== 3)
            return null;
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return null;
    }
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : undefined;
}


/***/ })

};
