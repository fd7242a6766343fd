export const id = 786;
export const ids = [786];
export const modules = {

/***/ 80786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a9: () => (/* binding */ GITHUB_API_VERSION),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   it: () => (/* binding */ authorization),
/* harmony export */   recordAttestation: () => (/* binding */ recordAttestation)
/* harmony export */ });
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25232);
/* harmony import */ var _oci_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49963);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41095);
/* harmony import */ var _http_failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88299);
// Records an attestation's Sigstore bundle with GitHub's attestations API, as @actions/attest's
// writeAttestation does (actions/toolkit packages/attest/src/store.ts, @actions/attest 3.2.0):
// POST {GITHUB_API_URL}/repos/{owner}/{repo}/attestations, body `{"bundle": <bundle JSON>}`, the
// job's token as `Authorization: token \u2026` (Octokit's form for a GITHUB_TOKEN), answer 201 `{"id": n}`.
// Then `gh attestation verify oci://\u2026` finds the attestation without `--bundle-from-oci`.
//
// "Where the repository allows it": GitHub stores attestations for public repositories, and for
// private and internal ones on plans that offer artifact attestations (GitHub Enterprise Cloud), when
// the job's token has `attestations: write`. Elsewhere it answers 403 (permission or plan) or 404 (no
// such API on the server, or a repository the token cannot see). Unlike actions/attest (where this
// failing fails the step), here a failure is one warning line: the attestation is already attached to
// the chart in the registry, where `gh attestation verify --bundle-from-oci` and cosign find it.




/** The REST API version this call is written against (the one GitHub's description of it lists). */
const GITHUB_API_VERSION = '2022-11-28';
const POLICY = { retries: 2, baseMs: 1000, capMs: 4000, maxRetryAfterMs: 10_000, timeoutMs: 30_000 };
/** GitHub's answers here are a few hundred bytes; an error page is read no further than this. */
const MAX_ANSWER = 64 * 1024;
const NOT_RECORDED = "The attestation was not recorded with GitHub's attestations API";
const STILL_THERE = '(it is attached to the chart in the registry: `gh attestation verify --bundle-from-oci` finds it)';
/** The Authorization header Octokit sends for a token (@octokit/auth-token: `bearer` for a JWT, else `token`). */
function authorization(token) {
    return token.split('.').length === 3 ? `bearer ${token}` : `token ${token}`;
}
/**
 * POSTs `{ bundle }` (the Sigstore bundle as JSON, `bundleToJSON`'s shape) to the repository's
 * attestations and returns GitHub's id for it. Never throws: every failure, including a bad option,
 * comes back as `{ warning }`, one line that says what happened and what to do.
 */
async function recordAttestation(bundle, options) {
    const warn = (why) => ({ warning: `${NOT_RECORDED}: ${why} ${STILL_THERE}.` });
    if (!options.token)
        return warn('no GitHub token was given');
    const [owner, repo, ...rest] = (options.repository ?? '').split('/');
    if (!owner || !repo || rest.length > 0)
        return warn(`the repository \`${quote(options.repository ?? '')}\` is not owner/name`);
    const apiUrl = (options.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
    const url = `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/attestations`;
    if (!/^https?:\/\//.test(url))
        return warn(`the API address \`${quote(apiUrl)}\` is not an http(s) URL`);
    const policy = options.policy ?? POLICY;
    const http = options.http ?? new _oci_http_js__WEBPACK_IMPORTED_MODULE_0__/* .Http */ .lw({ userAgent: 'chartlift', timeoutMs: policy.timeoutMs });
    try {
        const body = JSON.stringify({ bundle });
        const { value: res, attempts } = await (0,_oci_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retrying */ .R$)(policy, () => http.send({
            method: 'POST',
            url,
            headers: {
                accept: 'application/vnd.github+json',
                authorization: authorization(options.token),
                'content-type': 'application/json; charset=utf-8',
                'x-github-api-version': GITHUB_API_VERSION,
            },
            body,
            maxBody: MAX_ANSWER,
        }), {
            result: (r) => ((0,_oci_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableStatus */ .PS)(r.status) ? { reason: `HTTP ${r.status}`, retryAfter: r.headers['retry-after'] } : undefined),
            error: (err) => ((0,_oci_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableError */ .$d)(err) ? 'the connection failed' : undefined),
        });
        if (res.status >= 200 && res.status < 300) {
            const id = parseId(res.body);
            return id === undefined ? warn(`GitHub answered HTTP ${res.status} without an attestation id`) : { id };
        }
        const said = apiMessage(res.body);
        const quoted = said ? `: "${said}"` : '';
        const tries = attempts > 1 ? ` after ${attempts} tries` : '';
        switch (res.status) {
            case 401:
                return warn(`GitHub refused the token (HTTP 401${quoted})`);
            case 403:
                return warn(`GitHub forbade it (HTTP 403${quoted}): give the job \`attestations: write\` in its permissions; ` +
                    'private and internal repositories need a plan with artifact attestations');
            case 404:
                return warn(`GitHub found no such API (HTTP 404${quoted}): this server has no attestations API, or the token cannot see ${quote(owner)}/${quote(repo)}`);
            case 422:
                return warn(`GitHub did not accept the bundle (HTTP 422${quoted})`);
            default:
                return warn(`GitHub answered HTTP ${res.status}${tries}${quoted}`);
        }
    }
    catch (err) {
        return warn(`GitHub's API: ${(0,_http_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .exchangeFailure */ .g)(err)}`);
    }
    finally {
        if (!options.http)
            await http.close().catch(() => { });
    }
}
/** GitHub's id for the attestation: a number in the JSON answer (returned as a string, as upstream types it). */
function parseId(body) {
    try {
        const id = JSON.parse(body.toString('utf8'))?.id;
        if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0)
            return String(id);
        if (typeof id === 'string' && /^[0-9]{1,20}$/.test(id))
            return id;
    }
    catch {
        // not JSON: no id
    }
    return undefined;
}
/** GitHub's `message` in an error answer, on one line, escaped and cut short. */
function apiMessage(body) {
    try {
        const message = JSON.parse(body.toString('utf8'))?.message;
        return typeof message === 'string' && message ? quote(message) : undefined;
    }
    catch {
        return undefined;
    }
}
/** Text from GitHub's API for a message: one printable line, cut at 200 characters. */
function quote(text) {
    const line = (0,_util_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .printableLine */ .o)(text);
    return line.length > 200 ? `${line.slice(0, 200)}\u2026` : line;
}


/***/ })

};
