export const id = 591;
export const ids = [591];
export const modules = {

/***/ 37591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cliKeylessSigner: () => (/* binding */ cliKeylessSigner)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _sign_keyless_id_token_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(39355);
/* harmony import */ var _util_once_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(82423);
/* harmony import */ var _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38562);
/* harmony import */ var _keyless_flags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(13334);
/* harmony import */ var _gitlab_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(16271);








const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** An ID token is a few KiB. */
const MAX_TOKEN_BYTES = 64 * 1024;
/**
 * The CLI's keyless signer, for GitLab CI and any other CI: the OIDC token the job was given
 * (SIGSTORE_ID_TOKEN, as cosign reads it, or a file), the identity Fulcio certifies for it (a GitLab
 * job's, a GitHub workflow's, or the one given as chart verify takes it), the Sigstore instance (the
 * one given, else the public-good instance), the trusted root an earlier signature is checked against,
 * and the provenance of a GitLab job. Every check runs before anything is pushed.
 */
async function cliKeylessSigner(k, out, env = process.env) {
    (0,_keyless_flags_js__WEBPACK_IMPORTED_MODULE_4__/* .checkNodeForSigstore */ .Ke)();
    const token = await readToken(k, env);
    const claims = (0,_sign_keyless_id_token_js__WEBPACK_IMPORTED_MODULE_6__/* .jwtPayload */ .c)(token);
    if (!claims)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`the identity token is not a JWT with a JSON payload (${k.identityTokenFile ?? 'SIGSTORE_ID_TOKEN'})`, {
            hint: 'Give the OIDC token the CI issued for Sigstore (audience sigstore), as it is',
        });
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`the identity token expired at ${new Date(claims.exp * 1000).toISOString()}`, {
            hint: 'Ask the CI for a token in the job that signs (a GitLab id_tokens token lives as long as the job)',
        });
    const identity = identityOf(k, claims, env);
    if (!k.instance.fulcioURL && (0,_gitlab_js__WEBPACK_IMPORTED_MODULE_5__/* .isGitLabToken */ .rQ)(claims) && !_gitlab_js__WEBPACK_IMPORTED_MODULE_5__/* .PUBLIC_GITLAB_ISSUERS */ .Pv.includes(identity.issuer))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Sigstore's public instance does not take tokens from ${identity.issuer}`, {
            hint: 'It trusts gitlab.com pipelines only: give your own Sigstore instance (--fulcio-url, --rekor-url or --tsa-url, --trusted-root), see https://docs.gitlab.com/ci/yaml/signing_self_hosted/',
        });
    if (k.attest && !(0,_gitlab_js__WEBPACK_IMPORTED_MODULE_5__/* .isGitLabToken */ .rQ)(claims))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('--attest from the CLI describes a GitLab CI job: this token is not one', {
            hint: 'On GitHub Actions, the action attests (chartlift/chartlift@v1 with attest: true)',
        });
    const givenRoot = k.trustedRootFile
        ? await (await __webpack_require__.e(/* import() */ 820).then(__webpack_require__.bind(__webpack_require__, 93820))).readTrustedRootFile(k.trustedRootFile, 'the --trusted-root file', "Give the path of the instance's trusted_root.json")
        : undefined;
    const { KeylessSigner, publicGoodRootOrRefusal } = await __webpack_require__.e(/* import() */ 883).then(__webpack_require__.bind(__webpack_require__, 70883));
    const kinds = [];
    if (k.sign)
        kinds.push('signature');
    if (k.attest)
        kinds.push('attestation');
    const publicRoot = (0,_util_once_js__WEBPACK_IMPORTED_MODULE_7__/* .once */ .O)(() => publicGoodRootOrRefusal(cache, out.warning));
    let rootLine = false;
    const cache = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.XDG_CACHE_HOME || node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir(), '.cache'), 'chartlift', 'sigstore-tuf');
    return new KeylessSigner({
        kinds,
        format: k.format,
        endpoints: async () => {
            if (k.instance.fulcioURL)
                return { fulcioURL: k.instance.fulcioURL, rekorURL: k.instance.rekorURL, tsaURL: k.instance.tsaURL };
            return (await __webpack_require__.e(/* import() */ 10).then(__webpack_require__.bind(__webpack_require__, 89010))).SIGSTORE_PUBLIC_GOOD;
        },
        identityToken: async () => token,
        identity: async () => identity,
        trustedRoot: async () => {
            if (givenRoot !== undefined)
                return givenRoot;
            if (k.instance.fulcioURL) {
                if (!rootLine)
                    out.info("no trusted root for this Sigstore instance (--trusted-root): an earlier signature counts when its certificate names this identity; it is not checked against the instance's CA and log");
                rootLine = true;
                return undefined;
            }
            return publicRoot();
        },
        predicate: async () => (0,_gitlab_js__WEBPACK_IMPORTED_MODULE_5__/* .gitLabProvenancePredicate */ .yp)(env, claims),
        log: out.info,
        warn: out.warning,
    });
}
async function readToken(k, env) {
    if (k.identityTokenFile) {
        try {
            return (await (0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegularFile */ .XF)(k.identityTokenFile, MAX_TOKEN_BYTES)).toString('utf8').trim();
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`the --identity-token-file ${k.identityTokenFile} cannot be read (${err.message})`, {
                hint: 'Give the file the CI wrote the OIDC token into',
            });
        }
    }
    const token = (env.SIGSTORE_ID_TOKEN ?? '').trim();
    if (!token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('keyless signing needs the OIDC identity token the CI issued for Sigstore, and there is none', {
            hint: 'GitLab CI: id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } } in the job; elsewhere, SIGSTORE_ID_TOKEN or --identity-token-file FILE',
        });
    return token;
}
/** The identity Fulcio writes into the certificate for this token: as given, a GitLab job's, or a GitHub workflow's. */
function identityOf(k, claims, env) {
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    if (k.certificateIdentity)
        return { san: k.certificateIdentity, issuer: k.certificateOidcIssuer || iss };
    if ((0,_gitlab_js__WEBPACK_IMPORTED_MODULE_5__/* .isGitLabToken */ .rQ)(claims))
        return (0,_gitlab_js__WEBPACK_IMPORTED_MODULE_5__/* .gitLabIdentity */ ._Q)(claims);
    // Fulcio's GitHub Actions mapping: the workflow that ran (job_workflow_ref), as a URL of the server.
    if (iss === GITHUB_ISSUER && typeof claims.job_workflow_ref === 'string')
        return { san: `${env.GITHUB_SERVER_URL || 'https://github.com'}/${claims.job_workflow_ref}`, issuer: iss };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`cannot tell which identity Sigstore certifies for a token from ${iss || 'an unnamed issuer'}`, {
        hint: "Give it as chart verify takes it: --certificate-identity (the certificate's SAN) and --certificate-oidc-issuer",
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


/***/ }),

/***/ 82423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ once)
/* harmony export */ });
/** `make` run on the first call only; every call gets its one promise (a rejection included). */
function once(make) {
    let made;
    return () => (made ??= make());
}


/***/ })

};
