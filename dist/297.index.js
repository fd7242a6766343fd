export const id = 297;
export const ids = [297,786];
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


/***/ }),

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

/***/ 4297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  makeReleases: () => (/* binding */ makeReleases)
});

// EXTERNAL MODULE: ./src/oci/layout.ts
var oci_layout = __webpack_require__(25823);
// EXTERNAL MODULE: ./src/release/cached.ts
var cached = __webpack_require__(28567);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/http.ts + 1 modules
var http = __webpack_require__(25232);
// EXTERNAL MODULE: ./src/oci/retry.ts
var oci_retry = __webpack_require__(49963);
// EXTERNAL MODULE: ./src/action/attestations-api.ts
var attestations_api = __webpack_require__(80786);
// EXTERNAL MODULE: ./src/action/http-failure.ts
var http_failure = __webpack_require__(88299);
;// CONCATENATED MODULE: ./src/action/github-release.ts
// A GitHub release for a published chart, made exactly once, with GitHub's REST API
// (https://docs.github.com/rest/releases/releases, API version 2022-11-28):
//
//   GET    /repos/{owner}/{repo}/releases/tags/{tag}       a published release for the tag (drafts have none yet)
//   GET    /repos/{owner}/{repo}/releases?per_page=100     to find a draft an earlier run left (drafts are listed
//                                                          to a token that may push)
//   POST   /repos/{owner}/{repo}/releases                  {tag_name, target_commitish, name, body, draft: true}
//   POST   {upload_url}?name=\u2026                             each asset (the upload host GitHub names)
//   DELETE /repos/{owner}/{repo}/releases/assets/{id}      an asset a draft holds already (a run that stopped)
//   PATCH  /repos/{owner}/{repo}/releases/{id}             {draft: false}: published, the tag made at the commit
//
// Draft first, assets, then published: a repository with immutable releases refuses assets once a
// release is published ("Cannot upload assets to an immutable release", HTTP 422), and GitHub's
// documented way is to create a draft, attach the assets, then publish it
// (https://docs.github.com/code-security/supply-chain-security/understanding-your-software-supply-chain/immutable-releases;
// the same fix in openedx/sample-plugin#57, Zondax/_workflows#110). A release that exists is left as
// it is, immutable or not: a re-run publishes the same version, and its release was made by the first.





const POLICY = { retries: 3, baseMs: 1000, capMs: 8000, maxRetryAfterMs: 30_000, timeoutMs: 60_000 };
/** A release's JSON is a few KiB; a page of 100 releases with long notes (125,000 characters each, at most) stays under this. */
const MAX_ANSWER = 16 * 1024 * 1024;
/** Pages of releases looked through for a draft an earlier run left (drafts are recent: the first page, as a rule). */
const DRAFT_PAGES = 3;
/**
 * The release `request.tag`: left alone when it exists (published: immutable or not, nothing is
 * changed); else made as a draft (or an earlier run's draft for the tag finished), its assets
 * attached (an asset the draft already holds is replaced: a draft is never what anyone downloaded),
 * then published. Two runs that race end with one release: the one whose publish comes second finds
 * the tag's release and deletes its own draft.
 */
async function ensureRelease(request, options, log) {
    const api = new ReleasesApi(options);
    try {
        const existing = await api.published(request.tag);
        if (existing)
            return { status: 'exists', url: existing.html_url };
        let draft = await api.findDraft(request.tag);
        if (draft)
            log(`GitHub release ${request.tag}: finishing the draft an earlier run left (${draft.html_url})`);
        else
            draft = await api.createDraft(request.tag, {
                tag_name: request.tag,
                ...(options.commit ? { target_commitish: options.commit } : {}),
                name: request.tag,
                body: request.body,
                draft: true,
                prerelease: request.prerelease,
            });
        for (const asset of request.assets) {
            const old = draft.assets?.find((a) => a.name === asset.name);
            if (old)
                await api.json('DELETE', api.repo(`/releases/assets/${old.id}`), [204, 404], `replace the draft's ${asset.name}`);
            await api.upload(draft, asset);
        }
        const published = await api.send('PATCH', api.repo(`/releases/${draft.id}`), { draft: false });
        if (published.status === 200)
            return { status: 'created', url: parse(published, 'publish the release').html_url };
        // Another run published a release for this tag meanwhile: it stands, and this draft goes.
        const other = published.status === 422 ? await api.published(request.tag) : undefined;
        if (!other)
            throw api.refusal(published, 'publish the release');
        await api.json('DELETE', api.repo(`/releases/${draft.id}`), [204, 404], 'delete the duplicate draft');
        return { status: 'exists', url: other.html_url };
    }
    finally {
        await api.close();
    }
}
/** A client for GitHub's API (one can serve every release of a run: `ReleaseOptions.http`). */
function releaseHttp(policy = POLICY) {
    return new http/* Http */.lw({ userAgent: 'chartlift', timeoutMs: policy.timeoutMs });
}
class ReleasesApi {
    #options;
    #policy;
    #http;
    #base;
    #repoPath;
    #uploadHosts;
    /** The API's scheme: the token goes to an upload address over it only (never in clear from an https API). */
    #protocol;
    constructor(options) {
        this.#options = options;
        this.#policy = options.policy ?? POLICY;
        const [owner, repo, ...rest] = (options.repository ?? '').split('/');
        if (!owner || !repo || rest.length > 0)
            throw new errors/* UserError */.yo(`GitHub release: the repository ${JSON.stringify(options.repository ?? '')} is not owner/name`);
        if (!options.token)
            throw new errors/* UserError */.yo('GitHub release: no GitHub token', { hint: 'Set github-token (the default is the job\u2019s GITHUB_TOKEN)' });
        this.#base = (options.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
        let api;
        try {
            api = new URL(this.#base);
        }
        catch {
            api = new URL('invalid:');
        }
        if (api.protocol !== 'https:' && api.protocol !== 'http:')
            throw new errors/* UserError */.yo(`GitHub release: the API address ${JSON.stringify(this.#base)} is not an http(s) URL`);
        this.#repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
        // The token goes to the upload URL GitHub names only on GitHub's own hosts: the API's host (GitHub
        // Enterprise Server's /api/uploads), or its uploads. twin (api.github.com \u2192 uploads.github.com).
        this.#uploadHosts = new Set([api.host, api.host.replace(/^api\./, 'uploads.')]);
        this.#protocol = api.protocol;
        this.#http = options.http ?? releaseHttp(this.#policy);
    }
    repo(path) {
        return `${this.#base}${this.#repoPath}${path}`;
    }
    /** The published release for `tag`, or undefined. */
    async published(tag) {
        const res = await this.send('GET', this.repo(`/releases/tags/${encodeURIComponent(tag)}`));
        if (res.status === 404)
            return undefined;
        if (res.status !== 200)
            throw this.refusal(res, `look up the release ${tag}`);
        return parse(res, `look up the release ${tag}`);
    }
    /** A draft release for `tag` an earlier run made and did not publish. */
    async findDraft(tag) {
        for (let page = 1; page <= DRAFT_PAGES; page++) {
            const list = await this.json('GET', this.repo(`/releases?per_page=100&page=${page}`), [200], 'list the releases');
            if (!Array.isArray(list))
                throw new errors/* UserError */.yo('GitHub release: listing the releases gave no list');
            const draft = list.find((r) => r?.draft === true && r.tag_name === tag);
            if (draft)
                return draft;
            if (list.length < 100)
                return undefined;
        }
        return undefined;
    }
    async upload(release, asset) {
        let url;
        try {
            url = new URL(String(release.upload_url).replace(/\{[^}]*\}$/, ''));
        }
        catch {
            throw new errors/* UserError */.yo(`GitHub release: the upload address ${(0,attestations_api/* quote */.hD)(String(release.upload_url))} is not a URL`);
        }
        if (!this.#uploadHosts.has(url.host) || url.protocol !== this.#protocol)
            throw new errors/* UserError */.yo(`GitHub release: the upload address ${(0,attestations_api/* quote */.hD)(url.href)} is not on GitHub's hosts over the API's own scheme (${this.#protocol.slice(0, -1)}); the token is not sent there`);
        url.searchParams.set('name', asset.name);
        // Not sent twice blindly: an upload whose answer was lost may be stored (a second would be refused
        // as already_exists): the draft is asked whether it holds the asset first.
        for (let attempt = 0;; attempt++) {
            const res = await this.send('POST', url.href, asset.data, asset.contentType, false).catch((err) => err);
            if (!(res instanceof Error) && res.status === 201)
                return;
            if (await this.holds(release, asset))
                return;
            const transient = res instanceof Error || (0,oci_retry/* isRetryableStatus */.PS)(res.status);
            if (!transient || attempt >= this.#policy.retries)
                throw res instanceof Error ? res : this.refusal(res, `upload ${asset.name}`);
            await (0,oci_retry/* sleep */.yy)((0,oci_retry/* retryDelay */.a2)(attempt, this.#policy));
        }
    }
    /** Whether the release holds `asset` already (its name and size): an upload whose answer was lost. */
    async holds(release, asset) {
        const now = await this.json('GET', this.repo(`/releases/${release.id}`), [200], 'read the draft release');
        return (now.assets ?? []).some((a) => a.name === asset.name && a.size === asset.data.length);
    }
    /**
     * The draft, made once: a create whose answer was lost (a 5xx after the write, a dropped connection)
     * may have made it, so the drafts are looked through before it is asked for again; a second draft
     * for the tag would be left behind for ever.
     */
    async createDraft(tag, body) {
        const policy = this.#policy;
        for (let attempt = 0;; attempt++) {
            const res = await this.send('POST', this.repo('/releases'), body, undefined, false).catch((err) => err);
            if (!(res instanceof Error) && res.status === 201)
                return parse(res, 'create the draft release');
            const transient = res instanceof Error || (0,oci_retry/* isRetryableStatus */.PS)(res.status);
            if (!transient)
                throw this.refusal(res, 'create the draft release');
            const made = await this.findDraft(tag);
            if (made)
                return made;
            if (attempt >= policy.retries)
                throw res instanceof Error ? res : this.refusal(res, 'create the draft release');
            await (0,oci_retry/* sleep */.yy)((0,oci_retry/* retryDelay */.a2)(attempt, policy, res instanceof Error ? undefined : res.headers['retry-after']));
        }
    }
    /** A request whose answer must have one of `ok` statuses; its JSON (undefined for an empty body). */
    async json(method, url, ok, what) {
        const res = await this.send(method, url);
        if (!ok.includes(res.status))
            throw this.refusal(res, what);
        return res.body.length > 0 ? parse(res, what) : undefined;
    }
    /** A request, tried again on a transient failure unless `retry` is false (a write the caller makes once). */
    async send(method, url, body, contentType, retry = true) {
        const data = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
        try {
            const { value } = await (0,oci_retry/* retrying */.R$)(this.#policy, () => this.#http.send({
                method,
                url,
                headers: {
                    accept: 'application/vnd.github+json',
                    authorization: (0,attestations_api/* authorization */.it)(this.#options.token),
                    'x-github-api-version': attestations_api/* GITHUB_API_VERSION */.a9,
                    ...(data !== undefined ? { 'content-type': contentType ?? 'application/json; charset=utf-8' } : {}),
                },
                body: data,
                maxBody: MAX_ANSWER,
            }), {
                result: (r) => retry && (0,oci_retry/* isRetryableStatus */.PS)(r.status) ? { reason: `HTTP ${r.status}`, retryAfter: r.headers['retry-after'] } : undefined,
                error: (err) => (retry && (0,oci_retry/* isRetryableError */.$d)(err) ? 'the connection failed' : undefined),
            });
            return value;
        }
        catch (err) {
            if (err instanceof errors/* UserError */.yo)
                throw err;
            throw new errors/* UserError */.yo(`GitHub release: GitHub's API: ${(0,http_failure/* exchangeFailure */.g)(err)}`, { hint: 'Run the job again: the release is made once' });
        }
    }
    refusal(res, what) {
        const said = apiMessage(res.body);
        const quoted = said ? `: "${said}"` : '';
        return new errors/* UserError */.yo(`GitHub release: could not ${what} (HTTP ${res.status}${quoted})`, {
            hint: res.status === 403 || res.status === 404
                ? 'Give the job `permissions: contents: write` (a release and its tag are the repository\u2019s contents), and check github-token'
                : 'Run the job again: an existing release is left alone and a draft is finished',
        });
    }
    async close() {
        if (!this.#options.http)
            await this.#http.close().catch(() => { });
    }
}
function parse(res, what) {
    try {
        return JSON.parse(res.body.toString('utf8'));
    }
    catch {
        throw new errors/* UserError */.yo(`GitHub release: could not ${what}: GitHub answered HTTP ${res.status} with no JSON`);
    }
}
/** GitHub's `message` in an error answer (and the first validation error's code), on one line, cut short. */
function apiMessage(body) {
    try {
        const json = JSON.parse(body.toString('utf8'));
        const parts = [json?.message, json?.errors?.[0]?.message ?? json?.errors?.[0]?.code].filter((p) => typeof p === 'string' && p);
        return parts.length > 0 ? (0,attestations_api/* quote */.hD)(parts.join(': ')) : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/action/releases.ts



/**
 * A GitHub release `<name>-<version>` for each chart that stands published (pushed now, or unchanged:
 * a re-run makes a release the first run could not): the packaged chart and its provenance as the
 * cache holds them after the publish, that is, the exact bytes the tag holds, and the chart's release
 * notes. One chart's failure does not stop the others; each comes back in `errors`, by the chart's index.
 */
async function makeReleases(results, settings) {
    const releases = new Map();
    const errors = new Map();
    const layout = new oci_layout/* Layout */.PE(settings.cache);
    // One client for every release of the run: its connections to GitHub's API are kept between charts.
    const http = releaseHttp();
    try {
        for (const [i, r] of results.entries()) {
            if (r.status !== 'pushed' && r.status !== 'unchanged')
                continue;
            const tag = `${r.name}-${r.version}`;
            try {
                const { artifact } = await (0,cached/* readCached */.J)(layout, r.ref);
                const assets = [{ name: `${tag}.tgz`, contentType: 'application/gzip', data: artifact.chart }];
                if (artifact.provenance)
                    assets.push({ name: `${tag}.tgz.prov`, contentType: 'application/pgp-signature', data: artifact.provenance });
                const outcome = await ensureRelease({ tag, body: releaseBody(r), prerelease: r.version.split('+')[0].includes('-'), assets }, {
                    token: settings.token,
                    repository: settings.env.GITHUB_REPOSITORY ?? '',
                    apiUrl: settings.env.GITHUB_API_URL,
                    commit: settings.env.GITHUB_SHA,
                    http,
                }, settings.log.info);
                releases.set(i, outcome);
                settings.log.info(outcome.status === 'created'
                    ? `GitHub release ${tag}: published with ${assets.map((a) => a.name).join(' and ')} (${outcome.url})`
                    : `GitHub release ${tag}: exists already, left as it is (${outcome.url})`);
            }
            catch (err) {
                errors.set(i, err);
            }
        }
    }
    finally {
        await http.close().catch(() => { });
    }
    return { releases, errors };
}
/**
 * GitHub refuses a release body longer than this (HTTP 422, "body is too long (maximum is 125000
 * characters)": undocumented, as seen in softprops/action-gh-release#374 and cli/cli#7705).
 */
const MAX_BODY = 125_000;
/** The release's text: the chart's notes (cut to GitHub's limit), then where the chart is and its digest (what to pull and to verify). */
function releaseBody(r) {
    const where = `\`helm pull oci://${r.repository} --version ${r.version}\` (digest \`${r.digest}\`)\n`;
    let notes = r['release-notes'] ?? '';
    const room = MAX_BODY - where.length - 100;
    if (notes.length > room)
        notes = `${notes.slice(0, notes.lastIndexOf('\n', room) + 1)}\n(The notes are cut here: GitHub takes ${MAX_BODY} characters.)\n`;
    return notes ? `${notes}\n${where}` : where;
}


/***/ })

};
