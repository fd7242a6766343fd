export const id = 407;
export const ids = [407];
export const modules = {

/***/ 28656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ ACTION_HINTS)
/* harmony export */ });
/** What to do, in the action's words: the inputs that change it. */
const ACTION_HINTS = {
    subjects: { reference: 'ref' },
    unauthorized: 'Set the `username` and `password` inputs, or log in before this step',
    'https-expected': 'Remove `plain-http: true`',
    'http-expected': 'For a registry served over plain HTTP, set `plain-http: true`',
    'tls-untrusted': 'Give its CA with `ca-file`, or fix the certificate',
    'connection-refused': 'Check the host and port in `ref`, and that the registry is running',
    'unknown-host': 'Check the registry host name in `ref`',
    'cache-unwritable': 'Set the `cache` input to a writable folder',
    'chart-missing': 'Check the `chart` input: it takes a chart folder (holding Chart.yaml) or a packaged .tgz, relative to the workspace',
    'no-chart-yaml': 'Point `chart` at the folder that holds Chart.yaml',
    'username-colon': 'Check the `username` input',
    'ca-file-unreadable': 'Check the `ca-file` path',
    'ca-file-not-pem': '`ca-file` takes a PEM bundle (-----BEGIN CERTIFICATE-----)',
    'sign-key-unreadable': 'Set `sign-key` to an ASCII-armoured private key (gpg --export-secret-keys --armor KEY), from a secret',
    'sign-passphrase': 'Set `sign-passphrase` to the key\u2019s passphrase, from a secret',
    'sign-key-name': 'Set `sign-key-name` to a user id or fingerprint of the key that signs',
    'ghcr-denied': 'With GITHUB_TOKEN, give the job `permissions: packages: write` and, for an existing package, grant this repository Write access under the package settings (Manage Actions access)',
    'reset-over-plain-http': 'If the registry speaks HTTPS, remove `plain-http: true`',
    'version-invalid': 'Set the `version` input to MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
    'token-realm-refused': 'If that host is this registry\u2019s token service (a self-managed GitLab\u2019s is the GitLab host, not the registry\u2019s), list it in the `token-hosts` input (or CHARTLIFT_TOKEN_HOSTS)',
    'tag-immutable': 'Publish a new chart version (the registry keeps a published tag as it is), or set `if-exists: skip` to keep what is there',
    'referrers-refused': 'Set `keyless-sign: false` and `attest: false` for this registry (it stores no OCI 1.1 referrers), or publish the chart to a registry that keeps them',
    'referrers-tag-immutable': 'Exempt sha256-* tags from the registry\u2019s tag immutability (ECR: IMMUTABLE_WITH_EXCLUSION with the wildcard filter sha256-*; Harbor: exclude sha256-** in the rule), or set `keyless-sign: false` and `attest: false` for it',
    'rate-limited': 'Wait until then, or set `username` and `password`: an authenticated user has a higher limit',
    'artifacthub-annotation': 'Fix the annotation in Chart.yaml (see https://artifacthub.io/docs/topics/annotations/helm/), or set `artifacthub-lint: warn` to publish with a warning',
    'expect-digest': "Set `expect-digest` to the digest of this chart's matrix entry (${{ matrix.digest }}), or to the plan's matrix output with `chart` naming the charts it lists",
};


/***/ }),

/***/ 57564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ bool),
  K: () => (/* binding */ readInputs)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(46058);
// EXTERNAL MODULE: ./src/oci/basic-auth.ts
var basic_auth = __webpack_require__(13634);
// EXTERNAL MODULE: ./src/action/secrets.ts
var secrets = __webpack_require__(10292);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/layout.ts
var layout = __webpack_require__(25823);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
// EXTERNAL MODULE: ./src/oci/token-realm.ts
var token_realm = __webpack_require__(48274);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(90915);
// EXTERNAL MODULE: ./src/util/once.ts
var once = __webpack_require__(82423);
// EXTERNAL MODULE: ./src/release/setting-values.ts
var setting_values = __webpack_require__(13556);
// EXTERNAL MODULE: ./src/release/signature-format.ts
var signature_format = __webpack_require__(90175);
;// CONCATENATED MODULE: ./src/action/keyless-inputs.ts







/** Undefined when neither `keyless-sign` nor `attest` is true (and no other keyless input is set). */
function readKeylessInputs(push) {
    const sign = bool(constants/* Input */.pd.keylessSign, false);
    const attest = bool(constants/* Input */.pd.attest, false);
    const trustedRootFile = core/* getInput */.V4(constants/* Input */.pd.trustedRoot);
    const names = { fulcio: `\`${constants/* Input */.pd.fulcioUrl}\``, rekor: `\`${constants/* Input */.pd.rekorUrl}\``, tsa: `\`${constants/* Input */.pd.tsaUrl}\`` };
    const fulcioURL = (0,setting_values/* sigstoreUrlValue */.bj)(core/* getInput */.V4(constants/* Input */.pd.fulcioUrl), names.fulcio);
    const rekorURL = (0,setting_values/* sigstoreUrlValue */.bj)(core/* getInput */.V4(constants/* Input */.pd.rekorUrl), names.rekor);
    const tsaURL = (0,setting_values/* sigstoreUrlValue */.bj)(core/* getInput */.V4(constants/* Input */.pd.tsaUrl), names.tsa);
    const format = (core/* getInput */.V4(constants/* Input */.pd.signatureFormat) || signature_format/* DEFAULT_SIGNATURE_FORMAT */.j);
    if (!signature_format/* SIGNATURE_FORMATS */.g.includes(format))
        throw new errors/* UserError */.yo(`\`${constants/* Input */.pd.signatureFormat}\` is bundle, classic or both, not ${JSON.stringify(format)}`, {
            hint: 'bundle: a Sigstore bundle attached as an OCI referrer (cosign 3); classic: the sha256-<hex>.sig / .att tag (cosign 2, Kyverno, Flux before 1.8, Artifact Hub); both: each, made once',
        });
    const instanceSet = [
        fulcioURL && constants/* Input */.pd.fulcioUrl,
        rekorURL && constants/* Input */.pd.rekorUrl,
        tsaURL && constants/* Input */.pd.tsaUrl,
        trustedRootFile && constants/* Input */.pd.trustedRoot,
    ].filter(Boolean);
    if (!sign && !attest) {
        if (instanceSet.length > 0)
            throw new errors/* UserError */.yo(`\`${instanceSet[0]}\` is set, but neither \`keyless-sign\` nor \`attest\` is true`, {
                hint: 'Set keyless-sign: true (a signature) or attest: true (build provenance), or remove the Sigstore inputs',
            });
        return undefined;
    }
    if (!push)
        throw new errors/* UserError */.yo('keyless signing and attesting sign what is pushed, and `push` is false', {
            hint: 'Set push: true, or drop keyless-sign and attest',
        });
    (0,setting_values/* checkSigstoreInstance */.ke)({ fulcioURL, rekorURL, tsaURL }, names);
    return {
        sign,
        attest,
        format,
        fulcioURL,
        rekorURL,
        tsaURL,
        trustedRoot: trustedRootFile ? (0,once/* once */.O)(() => readTrustedRoot(trustedRootFile)) : undefined,
        trustedRootFile: trustedRootFile || undefined,
        githubToken: core/* getInput */.V4(constants/* Input */.pd.githubToken),
    };
}
const readTrustedRoot = async (file) => (await __webpack_require__.e(/* import() */ 820).then(__webpack_require__.bind(__webpack_require__, 93820))).readTrustedRootFile(file, 'the `trusted-root` file', 'Give the path of the instance\u2019s trusted_root.json, relative to the workspace');

// EXTERNAL MODULE: ./src/release/expect-digest.ts
var expect_digest = __webpack_require__(61713);
;// CONCATENATED MODULE: ./src/action/inputs.ts











function readInputs() {
    // A password is taken as written (spaces are characters of it), and masked, with the Basic header
    // that carries it, before anything else happens.
    const password = core/* getInput */.V4(constants/* Input */.pd.password, { trimWhitespace: false });
    const username = core/* getInput */.V4(constants/* Input */.pd.username);
    if (password)
        (0,secrets/* mask */.dK)(password);
    if (username && password)
        (0,secrets/* mask */.dK)((0,basic_auth/* basicToken */.a)(username, password));
    if (Boolean(username) !== Boolean(password))
        throw new errors/* UserError */.yo(`\`username\` and \`password\` go together, but only ${username ? '`username`' : '`password`'} is set`, {
            hint: 'Set both, or neither to use stored credentials',
        });
    if (username.includes(':'))
        throw new errors/* UserError */.yo('a user name may not contain ":"', { hint: 'Check the user name', code: 'username-colon' });
    const ifExists = (0,setting_values/* ifExistsValue */.hP)(core/* getInput */.V4(constants/* Input */.pd.ifExists), 'if-exists');
    const plan = bool(constants/* Input */.pd.plan, false);
    const githubRelease = bool(constants/* Input */.pd.githubRelease, false);
    if (plan && githubRelease)
        throw new errors/* UserError */.yo('`plan: true` writes nothing, and `github-release: true` makes releases', {
            hint: 'Plan in one step, and make the releases in the step that publishes',
        });
    return {
        charts: (0,setting_values/* settingLines */.mP)(required(constants/* Input */.pd.chart, 'the chart folder (holding Chart.yaml) or a packaged .tgz')),
        refs: (0,setting_values/* settingLines */.mP)(required(constants/* Input */.pd.ref, 'oci://<registry>/<namespace>, e.g. oci://ghcr.io/my-org/charts')),
        username,
        password,
        push: bool(constants/* Input */.pd.push, true),
        cache: core/* getInput */.V4(constants/* Input */.pd.cache) || (0,layout/* defaultCachePath */.T2)(),
        plainHttp: bool(constants/* Input */.pd.plainHttp, false),
        logout: bool(constants/* Input */.pd.logout, true),
        ifExists,
        retries: (0,setting_values/* wholeValue */.jT)(core/* getInput */.V4(constants/* Input */.pd.retries), `the \`${constants/* Input */.pd.retries}\` input`, retry/* DEFAULT_RETRIES */.TU, 0, 50),
        timeoutSeconds: (0,setting_values/* wholeValue */.jT)(core/* getInput */.V4(constants/* Input */.pd.timeout), `the \`${constants/* Input */.pd.timeout}\` input`, retry/* DEFAULT_TIMEOUT_SECONDS */.KU, 1, 3600),
        caFile: core/* getInput */.V4(constants/* Input */.pd.caFile),
        insecureSkipTlsVerify: bool(constants/* Input */.pd.insecureSkipTlsVerify, false),
        version: core/* getInput */.V4(constants/* Input */.pd.version).trim(),
        appVersion: core/* getInput */.V4(constants/* Input */.pd.appVersion).trim(),
        annotations: (0,setting_values/* keyValuesValue */.fQ)((0,setting_values/* settingLines */.mP)(core/* getInput */.V4(constants/* Input */.pd.annotations)), `the \`${constants/* Input */.pd.annotations}\` input`),
        layerMediaType: (0,setting_values/* layerMediaTypeValue */.N9)(core/* getInput */.V4(constants/* Input */.pd.layerMediaType), 'layer-media-type'),
        sign: signing(),
        keyless: readKeylessInputs(bool(constants/* Input */.pd.push, true)),
        artifacthubRepo: core/* getInput */.V4(constants/* Input */.pd.artifacthubRepo).trim(),
        artifacthubLint: (0,setting_values/* artifacthubLintValue */.Af)(core/* getInput */.V4(constants/* Input */.pd.artifacthubLint), 'artifacthub-lint'),
        signKeyUrl: (0,setting_values/* signKeyUrlValue */.Tx)(core/* getInput */.V4(constants/* Input */.pd.signKeyUrl), 'sign-key-url'),
        tokenHosts: [...(0,token_realm/* tokenHostsFrom */.bz)(core/* getInput */.V4(constants/* Input */.pd.tokenHosts)), ...(0,token_realm/* tokenHostsFrom */.bz)(process.env[token_realm/* TOKEN_HOSTS_VARIABLE */.Rh])],
        plan,
        expectDigests: (0,expect_digest/* parseExpectedDigests */.l)(core/* getInput */.V4(constants/* Input */.pd.expectDigest)),
        githubRelease,
        githubToken: core/* getInput */.V4(constants/* Input */.pd.githubToken),
    };
}
/** The signing inputs, masked (the key line by line too: the runner masks a multi-line secret by lines) and never stored. */
function signing() {
    const key = core/* getInput */.V4(constants/* Input */.pd.signKey);
    const passphrase = core/* getInput */.V4(constants/* Input */.pd.signPassphrase, { trimWhitespace: false });
    const keyName = core/* getInput */.V4(constants/* Input */.pd.signKeyName).trim();
    if (!key) {
        if (core/* getInput */.V4(constants/* Input */.pd.signKeyUrl).trim())
            throw new errors/* UserError */.yo('`sign-key-url` goes with `sign-key`, which is not set', {
                hint: 'Set sign-key to sign the chart (sign-key-url then tells Artifact Hub where its public key is), or remove sign-key-url',
            });
        if (passphrase || keyName)
            throw new errors/* UserError */.yo('`sign-passphrase` and `sign-key-name` go with `sign-key`, which is not set', {
                hint: 'Set sign-key to the armoured private key, or remove the other signing inputs',
            });
        return undefined;
    }
    (0,secrets/* mask */.dK)(key);
    for (const line of key.split(/\r?\n/))
        if (line.length >= 16 && !line.startsWith('-----'))
            (0,secrets/* mask */.dK)(line);
    if (passphrase)
        (0,secrets/* mask */.dK)(passphrase);
    return { keys: Buffer.from(key), passphrase: passphrase || undefined, keyName: keyName || undefined };
}
function required(name, what) {
    const value = core/* getInput */.V4(name);
    if (!value)
        throw new errors/* UserError */.yo(`the \`${name}\` input is required`, { hint: `Set it to ${what}` });
    return value;
}
function bool(name, fallback) {
    return (0,setting_values/* boolValue */.ks)(core/* getInput */.V4(name), `the \`${name}\` input`, fallback);
}


/***/ }),

/***/ 58592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ log)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46058);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41095);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10292);






/** Escaped as the printer escapes it, with the user's secrets too short for the runner's mask hidden. */
const printable = (text) => (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .hideUnmasked */ .Fd)((0,_util_printable_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g)(text));
const printableLine = (text) => (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .hideUnmasked */ .Fd)((0,_util_printable_js__WEBPACK_IMPORTED_MODULE_5__/* .printableLine */ .o)(text));
/**
 * The action's one way to the log. Every line goes through `printableLine`: one call is one line,
 * with no terminal escapes, and never a workflow command, whatever text from outside (a registry's
 * error, a chart's field) it quotes. The step's own commands (annotations, groups, masks) are made
 * by @actions/core around text escaped the same way: the content is escaped, not the command.
 */
const log = {
    info: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(printableLine(line)),
    warning: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(printable(line)),
    /** An error annotation; pointing at the file and line at fault when `err` names them (GitHub shows it beside the line). */
    error: (line, err) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(printable(line), at(err)),
    notice: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(printable(line)),
    /** The step's failure: its error annotation (at the file and line at fault, as `error`), and exit code 1. */
    fail: (line, err) => {
        process.exitCode = 1;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(printable(line), at(err));
    },
    /** A multi-line text (a stack) as debug lines, each escaped. */
    debug: (text) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(text.split('\n').map(printable).join('\n')),
    startGroup: (title) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(printable(title)),
    endGroup: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4(),
};
/**
 * Where an error points: the file (relative to the workspace, as GitHub names a repository's files)
 * and the line, for an error that names both; the file alone for one that names a file of the
 * workspace without a line (GitHub shows it on that file).
 */
function at(err) {
    if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo) || !err.where || err.subject !== undefined)
        return undefined;
    const workspace = process.env.GITHUB_WORKSPACE;
    const relative = workspace ? node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(workspace, node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace, err.where)) : '';
    const inside = relative !== '' && !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative);
    if (err.line !== undefined)
        return { file: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .hideUnmasked */ .Fd)((0,_util_printable_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g)(inside ? relative : err.where)), startLine: err.line, startColumn: err.col };
    if (!inside || !isFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace, relative)))
        return undefined;
    return { file: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .hideUnmasked */ .Fd)((0,_util_printable_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g)(relative)) };
}
function isFile(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 91363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ login),
/* harmony export */   r: () => (/* binding */ logout)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58592);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _oci_basic_auth_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(13634);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22559);
/* harmony import */ var _release_login_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(13296);
/* harmony import */ var _util_atomic_write_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(95105);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(33175);










/**
 * `helm registry login` (src/release/login.ts), with a record of what it stored: the post step
 * removes what this added, restoring an entry it replaced.
 */
async function login(client, inputs, log = _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info) {
    const { file, previous } = await (0,_release_login_js__WEBPACK_IMPORTED_MODULE_6__/* .logIn */ .E)(client, inputs.username, inputs.password);
    if (inputs.logout) {
        const wrote = { auth: (0,_oci_basic_auth_js__WEBPACK_IMPORTED_MODULE_9__/* .basicToken */ .a)(inputs.username, inputs.password) };
        _state_js__WEBPACK_IMPORTED_MODULE_8__/* .state */ .w.saveLogins([{ host: client.registry, file, record: await writeRecord({ wrote, previous }) }]);
    }
    log(`Login succeeded (${client.registry} as ${inputs.username}, stored in ${file})`);
}
/** The login's record, 0600 in RUNNER_TEMP: it holds secrets, so only its path goes into action state. */
async function writeRecord(saved) {
    const dir = process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_3___default().tmpdir();
    const file = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, `chartlift-login-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(8).toString('hex')}.json`);
    await (0,_util_atomic_write_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileAtomic */ .Z)(file, JSON.stringify(saved), { mode: 0o600 });
    return file;
}
/**
 * Undoes the logins recorded in state: removes each entry this step stored, or puts back the one it
 * replaced, but only while the stored entry is still this step's: a later login (another step, helm)
 * for the same host is kept. Warns, never fails.
 */
async function logout(records) {
    for (const r of records) {
        let saved;
        try {
            saved = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(r.record, 'utf8'));
        }
        catch {
            _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning(`${r.host}: the login this step stored is left in ${r.file}: its record (${r.record}) is gone, so it cannot be told whether the entry there is still this step's. Remove it with helm registry logout ${r.host} if it is`);
            continue;
        }
        const outcome = await (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_5__/* .removeLogin */ ._$)(r.file, r.host, saved.previous, saved.wrote);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(r.record, { force: true });
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(outcome === 'kept'
            ? `${r.host}: a later login is kept (the stored entry is no longer the one this step wrote)`
            : outcome
                ? `Logout succeeded (${r.host}${saved.previous ? ', the earlier login restored' : ''})`
                : `${r.host}: no stored login to remove`);
    }
}


/***/ }),

/***/ 57031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ inputRegistryOptions),
/* harmony export */   s: () => (/* binding */ openActionRegistries)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58592);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10292);
/* harmony import */ var _oci_tls_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42891);
/* harmony import */ var _release_registries_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19217);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91363);





/**
 * The run's registries, from the inputs: one client per host for the whole run (tokens and
 * connections shared across charts). The `username`/`password` inputs are for the first `ref`'s
 * registry, which is logged in to once; other registries use stored credentials (Helm's, then
 * Docker's) or none.
 */
async function openActionRegistries(inputs, primary) {
    if (inputs.insecureSkipTlsVerify) {
        _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning("insecure-skip-tls-verify is on: the registry's TLS certificate is NOT checked, so anyone on the network path can read the credentials and change what is pushed. Use ca-file instead.");
    }
    return (0,_release_registries_js__WEBPACK_IMPORTED_MODULE_3__.openRegistries)({
        ...(await inputRegistryOptions(inputs, primary)),
        log: _log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info,
        onConnect: async (client, source, say) => {
            if (source === 'given')
                await (0,_login_js__WEBPACK_IMPORTED_MODULE_4__/* .login */ .i)(client, inputs, say);
            else
                say((0,_release_registries_js__WEBPACK_IMPORTED_MODULE_3__.credentialSourceLine)(client.registry, source));
        },
    });
}
/**
 * What every opening of the registries from the inputs shares (the main step's, and the post step's
 * read-back through the login the main step stored): TLS, retries and timeouts, token hosts, the
 * `username`/`password` inputs for `primary` only, and every secret hidden.
 */
async function inputRegistryOptions(inputs, primary) {
    const { username, password } = inputs;
    return {
        ca: inputs.caFile ? await (0,_oci_tls_options_js__WEBPACK_IMPORTED_MODULE_2__/* .readCaFile */ .R)(inputs.caFile) : undefined,
        insecure: inputs.insecureSkipTlsVerify,
        retries: inputs.retries,
        timeoutSeconds: inputs.timeoutSeconds,
        plainHttp: inputs.plainHttp,
        tokenHosts: inputs.tokenHosts,
        // readInputs has checked that the two come together.
        credentialFor: (host) => (username && password && host === primary ? { username, password } : undefined),
        onSecret: (secret, from) => (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .mask */ .dK)(secret, from === 'registry' ? 'registry' : 'input'),
    };
}


/***/ }),

/***/ 10292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Fd: () => (/* binding */ hideUnmasked),
/* harmony export */   dK: () => (/* binding */ mask)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46058);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58592);


/**
 * The shortest secret handed to the runner's masker. The runner blanks every occurrence of a mask
 * anywhere in the job's log: a two-letter token (`ok`) would blank every "ok" of every step, and a
 * string that short hides nothing anyway. Shorter secrets are still remembered (`redact`), and this
 * step prints no secret of any length itself.
 */
const MIN_MASK_LENGTH = 6;
const known = new Set();
/**
 * Secrets hidden by this step's own sink (log.ts) rather than by the runner: the user's too short for the
 * runner's mask, and every token a registry issued.
 */
const hidden = new Set();
/**
 * Masks a secret: the user's (`input`: a password, a stored credential, the runner's ID token) with
 * the runner's `add-mask`, which blanks it in the whole job's log and drops every job output holding it;
 * one too short for that mask is hidden from every line this step prints instead (a registry may quote
 * it back in an error), and the user is told once. A token a registry issued (`registry`) is never
 * handed to the runner's masker: the registry chooses it, and one that is a word every result holds
 * (`pushed`, `sha256`, a repository, the hex of a digest it can predict) would blank it in every
 * step's log and drop the step's outputs. It is hidden from what this step prints, which is the only
 * place it could appear.
 */
function mask(secret, from = 'input') {
    // Each secret once: the runner keeps every mask for the rest of the job.
    if (!secret || known.has(secret))
        return;
    known.add(secret);
    if (from === 'registry') {
        hidden.add(secret);
        return;
    }
    if (secret.length >= MIN_MASK_LENGTH)
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    if (!warnedShort)
        _log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .R.warning(`A credential is shorter than ${MIN_MASK_LENGTH} characters: the runner does not mask it in the job's log (Chartlift hides it from what this step prints). Use a longer password or token.`);
    warnedShort = true;
    hidden.add(secret);
}
let warnedShort = false;
/** A line with the secrets the runner does not mask (see `mask`) written `***`. */
function hideUnmasked(line) {
    let out = line;
    for (const s of [...hidden].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}
/** Text with every secret masked so far written `***`, for what this step writes itself (the job summary). */
function redact(text) {
    let out = text;
    for (const s of [...known].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}


/***/ }),

/***/ 33175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ state)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46058);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90915);


/**
 * The one owner of the action's state (docker/login-action's state-helper): what main hands to post,
 * and nothing secret: a login record carries paths, and is checked for its shape when read back.
 */
const state = {
    markPost() {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.isPost, 'true');
    },
    isPost() {
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.isPost) === 'true';
    },
    saveLogins(records) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.logins, JSON.stringify(records.map(({ host, file, record }) => ({ host, file, record }))));
    },
    savePushed(tags) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.pushed, JSON.stringify(tags.map(({ ref, digest }) => ({ ref, digest }))));
    },
    pushed() {
        const raw = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.pushed);
        if (!raw)
            return [];
        const parsed = JSON.parse(raw);
        if (!Array.isArray(parsed))
            return [];
        return parsed.filter((t) => typeof t?.ref === 'string' && typeof t?.digest === 'string');
    },
    logins() {
        const raw = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.logins);
        if (!raw)
            return [];
        const parsed = JSON.parse(raw);
        if (!Array.isArray(parsed))
            return [];
        return parsed.filter((r) => typeof r?.host === 'string' && typeof r?.file === 'string' && typeof r?.record === 'string');
    },
};


/***/ }),

/***/ 79407:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33175);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91189);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4054);



// The bundle's entry (action.yml runs it for both steps): the main step marks its state, so the
// runner's second start of the same file is the post step.
await (_action_state_js__WEBPACK_IMPORTED_MODULE_0__/* .state */ .w.isPost() ? (0,_post_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)() : (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 91189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/action/log.ts
var log = __webpack_require__(58592);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(33175);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/action/hints.ts
var hints = __webpack_require__(28656);
// EXTERNAL MODULE: ./src/sign/signer.ts
var sign_signer = __webpack_require__(92227);
// EXTERNAL MODULE: ./src/oci/layout.ts
var layout = __webpack_require__(25823);
// EXTERNAL MODULE: ./src/oci/early-request.ts
var early_request = __webpack_require__(83346);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/release/publish.ts + 6 modules
var publish = __webpack_require__(76483);
// EXTERNAL MODULE: ./src/action/inputs.ts + 1 modules
var action_inputs = __webpack_require__(57564);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(46058);
// EXTERNAL MODULE: ./src/artifact/release-notes.ts
var release_notes = __webpack_require__(77439);
// EXTERNAL MODULE: ./src/release/plan.ts
var plan = __webpack_require__(49390);
// EXTERNAL MODULE: ./src/release/results.ts
var release_results = __webpack_require__(21539);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(90915);
;// CONCATENATED MODULE: ./src/action/outputs.ts






/**
 * GitHub starts at most 256 jobs from one matrix ("A matrix will generate a maximum of 256 jobs per
 * workflow run", docs.github.com: workflow syntax, jobs.<job_id>.strategy.matrix).
 */
const GITHUB_MATRIX_MAX = 256;
/**
 * The `charts` output (a plan's: `plan` and `matrix` instead), every chart, failed ones too; the
 * single-chart outputs when one chart was published or planned; the release notes; the release.
 */
function setOutputs(results, made = {}) {
    if (made.plan) {
        core/* setOutput */.uH(constants/* Output */.k7.plan, JSON.stringify(results));
        const matrix = (0,plan/* planMatrix */.T4)(results);
        if (!Array.isArray(matrix) && matrix.include.length > GITHUB_MATRIX_MAX)
            log/* log */.R.warning(`${matrix.include.length} charts would publish, and GitHub starts at most ${GITHUB_MATRIX_MAX} jobs from one matrix: publish them in one step instead (chart: the same charts, expect-digest: the matrix output)`);
        core/* setOutput */.uH(constants/* Output */.k7.matrix, JSON.stringify(matrix));
    }
    else
        core/* setOutput */.uH(constants/* Output */.k7.charts, JSON.stringify(results));
    // Set when a chart has notes: a run that failed sets `charts` alone.
    const text = notes(results);
    if (text)
        core/* setOutput */.uH(constants/* Output */.k7.releaseNotes, text);
    if (results.length !== 1 || results[0].status === 'failed')
        return;
    for (const [name, value] of (0,release_results/* singleChartValues */.xK)(results[0]))
        core/* setOutput */.uH(name, value);
    core/* setOutput */.uH(constants/* Output */.k7.releaseUrl, made.releases?.get(0)?.url ?? '');
}
/** One chart's notes as they are; several charts' each under a `## <name> <version>` heading. */
function notes(results) {
    const withNotes = results.filter((r) => r.status !== 'failed' && r['release-notes']);
    if (results.length === 1)
        return withNotes[0]?.['release-notes'] ?? '';
    return withNotes.map((r) => `## ${(0,release_notes/* markdownText */.p)(`${r.name} ${r.version}`)}\n\n${r['release-notes']}`).join('\n');
}

// EXTERNAL MODULE: ./src/action/registries.ts
var action_registries = __webpack_require__(57031);
// EXTERNAL MODULE: ./src/util/human-size.ts
var human_size = __webpack_require__(78887);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(41095);
// EXTERNAL MODULE: ./src/action/secrets.ts
var secrets = __webpack_require__(10292);
;// CONCATENATED MODULE: ./src/action/summary.ts





/**
 * The job summary: one row per chart and target with its reference, digest, size and status (the
 * digest and size of what stands, as the outputs name them), and one per failed chart with its error
 * (a plan: what a publish would find and do, with the differences); the GitHub releases; the release
 * notes. No cell is empty (an empty cell is written unclosed).
 */
async function writeSummary(results, made = {}) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const summary = made.plan ? planTable(results) : publishTable(results);
    for (const [i, release] of made.releases ?? []) {
        const r = results[i];
        summary.addRaw(`<p>GitHub release <a href="${summary_escape(release.url)}">${summary_escape(`${r.name}-${r.version}`)}</a>${release.status === 'exists' ? ' (it existed: left as it is)' : ''}</p>`, true);
    }
    const text = notes(results);
    // Markdown after a blank line: GitHub renders it (a line right after HTML would stay inside the HTML block).
    if (text)
        summary.addRaw(`\n#### Release notes\n\n${text}`, true);
    await summary.write();
}
/** A plan's table: per chart and reference, what a publish would find, and do, with this build's digest. */
function planTable(results) {
    const does = (t) => ({ push: 'push', none: 'nothing', skip: 'keep what is there (skip)', fail: 'fail (if-exists: fail)' })[t.publish ?? 'none'];
    const rows = results.flatMap((r) => {
        const chart = { data: summary_escape(r.name ? `${r.name} ${r.version}` : r.source) };
        if (r.status === 'failed')
            return [[chart, { data: '\u2014' }, { data: 'failed' }, { data: '\u2014' }, { data: summary_escape((0,secrets/* redact */.E$)(r.error ?? '')) }]];
        return r.targets.map((t) => [
            chart,
            { data: `<code>${summary_escape(t.ref)}</code>` },
            { data: t.status === 'unchanged' && t.from === 'registry' ? 'unchanged (the registry\u2019s copy)' : t.status },
            { data: `<code>${summary_escape(t.digest)}</code>` },
            { data: t.differences ? `${does(t)}: ${summary_escape(t.differences)}` : does(t) },
        ]);
    });
    return core/* summary */.z.addHeading('Chartlift plan', 3).addTable([
        [
            { data: 'Chart', header: true },
            { data: 'Reference', header: true },
            { data: 'Status', header: true },
            { data: 'Digest (this build)', header: true },
            { data: 'A publish would', header: true },
        ],
        ...rows,
    ]);
}
function publishTable(results) {
    const rows = results.flatMap((r) => {
        const chart = { data: summary_escape(r.name ? `${r.name} ${r.version}` : r.source) };
        if (r.status === 'failed')
            return [[chart, { data: '\u2014' }, { data: '\u2014' }, { data: '\u2014' }, { data: `failed: ${summary_escape((0,secrets/* redact */.E$)(r.error ?? ''))}` }]];
        return r.targets.map((t) => [
            chart,
            { data: `<code>${summary_escape(t.ref)}</code>` },
            { data: `<code>${summary_escape(t.digest)}</code>` },
            { data: (0,human_size/* humanSize */.X)(Number(t.size)) },
            { data: t.from === 'registry' ? `${t.status} (the registry\u2019s copy)` : t.status },
        ]);
    });
    const summary = core/* summary */.z.addHeading('Chartlift', 3).addTable([
        [
            { data: 'Chart', header: true },
            { data: 'Reference', header: true },
            { data: 'Digest', header: true },
            { data: 'Size', header: true },
            { data: 'Status', header: true },
        ],
        ...rows,
    ]);
    summary.addRaw(signatureLines(results));
    for (const line of artifactHubLines(results))
        summary.addRaw(line, true);
    return summary;
}
/** Artifact Hub's metadata tag and GHCR's private packages, a line each under the table. */
function artifactHubLines(results) {
    const lines = [];
    for (const t of results.flatMap((r) => r.targets)) {
        const repository = summary_escape(t.repository);
        if (t['artifacthub-digest'])
            lines.push(`<p>Artifact Hub metadata: <code>${repository}:artifacthub.io</code> ${t['artifacthub-status'] ?? ''} <code>${summary_escape(t['artifacthub-digest'])}</code></p>`);
        if (t.visibility === 'private')
            lines.push(`<p>\u26a0\ufe0f <code>${repository}</code> is a private package: only accounts with read access can pull it (not an anonymous helm pull, not Artifact Hub). <a href="${summary_escape(t['settings-url'] ?? '')}">Change its visibility</a> in the package settings.</p>`);
        else if (t.visibility === 'unknown')
            lines.push(`<p><code>${repository}</code>: whether the package is public could not be checked; see <a href="${summary_escape(t['settings-url'] ?? '')}">its settings</a>.</p>`);
    }
    return lines;
}
/**
 * One line per target whose standing manifest this step vouches for: the provenance's key, the keyless
 * referrers' digests (a copy this build could not account for is signed by none of them).
 */
function signatureLines(results) {
    const lines = results.flatMap((r) => r.targets.flatMap((t) => {
        const parts = [
            t.signed && `provenance signed by key <code>${summary_escape(t['sign-fingerprint'])}</code>`,
            t['signature-digest'] && `keyless signature <code>${summary_escape(t['signature-digest'])}</code>`,
            t['attestation-digest'] && `provenance attestation <code>${summary_escape(t['attestation-digest'])}</code>`,
        ].filter(Boolean);
        return parts.length > 0
            ? [`<li>${summary_escape(`${r.name} ${r.version}`)} <code>${summary_escape(t['digest-ref'])}</code>: ${parts.join(', ')}</li>`]
            : [];
    }));
    return lines.length > 0 ? `<ul>${lines.join('')}</ul>\n` : '';
}
/**
 * Outside text (a path, a chart's field, a registry's answer) as one cell's or one attribute's
 * content: written by the one printer first (no CR or LF: the summary is Markdown, and a blank line,
 * CR CR too, would end the table's HTML block and let what follows be read as Markdown), then HTML's
 * five special characters (quotes too: some of it stands in an attribute).
 */
function summary_escape(s) {
    return (0,printable/* printable */.g)(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]);
}

;// CONCATENATED MODULE: ./src/action/run.ts














const EARLY_WORDS = {
    sent: 'still unanswered',
    used: 'its answer was the first one the step needed',
    dropped: 'dropped, the step asked that registry something else first',
    stale: 'dropped, the step asked more than a second after it was sent, and asked the registry again',
    unused: 'not used, the step asked that registry nothing',
};
/**
 * The main step: the inputs read and checked, the signers started, the registries opened (with the
 * inputs' login), and the publication (src/release/publish.ts) run; then its results as outputs and
 * the job summary. One failing chart fails the step, but the others still publish.
 */
async function run_publish() {
    (0,layout/* onCacheWarning */.og)(log/* log */.R.warning);
    const inputs = (0,action_inputs/* readInputs */.K)();
    // Signing (OpenPGP, the key's unlocking) starts now: it overlaps the charts' loading and the registry's answers.
    const signer = inputs.sign ? (0,sign_signer/* startSigner */.F)(inputs.sign) : undefined;
    // Keyless: the ID token permission is checked now, before anything is pushed (a plan signs nothing: none is asked).
    const keyless = inputs.keyless && !inputs.plan
        ? await (await __webpack_require__.e(/* import() */ 835).then(__webpack_require__.bind(__webpack_require__, 42835))).actionKeylessSigner(inputs.keyless, { info: log/* log */.R.info, warning: log/* log */.R.warning })
        : undefined;
    const registries = await (0,action_registries/* openActionRegistries */.s)(inputs, (0,reference/* splitReference */.mQ)(inputs.refs[0]).registry);
    let published;
    try {
        published = await (0,publish/* publishCharts */.V)({
            charts: inputs.charts,
            refs: inputs.refs,
            push: inputs.push,
            cache: inputs.cache,
            ifExists: inputs.ifExists,
            artifacthubRepo: inputs.artifacthubRepo || undefined,
            keyless,
            plan: inputs.plan,
            planKeyless: inputs.keyless !== undefined,
            expectDigests: inputs.expectDigests,
            registries,
            // Read back at once: the post step reads every tag this job wrote again, after the job's other steps.
            readBack: 'now',
            build: {
                env: process.env,
                workspace: process.env.GITHUB_WORKSPACE || undefined,
                signer,
                overrides: {
                    version: inputs.version || undefined,
                    appVersion: inputs.appVersion || undefined,
                    annotations: inputs.annotations,
                    layerMediaType: inputs.layerMediaType,
                    codeUrl: process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY
                        ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}`
                        : undefined,
                },
                artifactHub: { lint: inputs.artifacthubLint, signKeyUrl: inputs.signKeyUrl || undefined },
            },
            // The error as the charts output holds it: secrets written *** (the runner drops an output that holds one).
            errorLine: (err) => (0,secrets/* redact */.E$)((0,src_errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g)),
        }, log/* log */.R);
    }
    finally {
        await registries.close();
        // The step is done with its registries: an early request none of them asked for is dropped now.
        (0,early_request/* dropEarly */.tj)();
        const early = (0,early_request/* earlyOutcome */.K2)();
        if (early !== 'none')
            log/* log */.R.debug(`The registry request sent before the step's code was loaded: ${EARLY_WORDS[early]}`);
    }
    const { results, errors } = published;
    state/* state */.w.savePushed(results.flatMap((r) => r.targets.filter((t) => t.status === 'pushed').map((t) => ({ ref: t.ref, digest: t.digest }))));
    const made = inputs.githubRelease
        ? await (await __webpack_require__.e(/* import() */ 297).then(__webpack_require__.bind(__webpack_require__, 4297))).makeReleases(results, { cache: inputs.cache, token: inputs.githubToken, env: process.env, log: log/* log */.R })
        : undefined;
    for (const [i, err] of made?.errors ?? []) {
        errors.set(i, err);
        // With one chart, its error is the step's own, below; with several, each is said beside its chart.
        if (results.length > 1)
            log/* log */.R.error(`${results[i].source}: ${(0,secrets/* redact */.E$)((0,src_errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g))}`, err);
    }
    setOutputs(results, { plan: inputs.plan, releases: made?.releases });
    await writeSummary(results, { plan: inputs.plan, releases: made?.releases });
    if (errors.size === 0)
        return;
    if (results.length === 1)
        throw errors.get(0);
    const failed = [...errors.keys()].sort((a, b) => a - b).map((i) => results[i].source);
    throw new Error(`${failed.length} of ${results.length} charts failed: ${failed.join(', ')} (see the errors above)`);
}

;// CONCATENATED MODULE: ./src/main.ts





/**
 * The main step. Importing this module does nothing (so `npx @github/local-action . src/main.ts .env`
 * can run it); `run()` never throws: a failure becomes one error annotation through core.setFailed.
 */
async function run() {
    state/* state */.w.markPost();
    try {
        await run_publish();
    }
    catch (err) {
        if (err instanceof Error && err.stack)
            log/* log */.R.debug(err.stack);
        log/* log */.R.fail((0,src_errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g), err);
    }
}


/***/ }),

/***/ 4054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/action/log.ts
var log = __webpack_require__(58592);
// EXTERNAL MODULE: ./src/action/login.ts
var login = __webpack_require__(91363);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(33175);
;// CONCATENATED MODULE: ./src/action/post.ts


/** The post step's logout: removes the credentials the main step stored. It warns, never fails the job. */
async function logoutStep() {
    const records = state/* state */.w.logins();
    if (records.length > 0)
        await (0,login/* logout */.r)(records);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/release/registries.ts + 1 modules
var release_registries = __webpack_require__(19217);
// EXTERNAL MODULE: ./src/action/hints.ts
var hints = __webpack_require__(28656);
// EXTERNAL MODULE: ./src/action/inputs.ts + 1 modules
var action_inputs = __webpack_require__(57564);
// EXTERNAL MODULE: ./src/action/registries.ts
var action_registries = __webpack_require__(57031);
;// CONCATENATED MODULE: ./src/action/recheck.ts








/**
 * The post step's read-back of every tag the main step wrote (state: tags and digests only), once the
 * job's other steps have run: a run that wrote one of them since is found, however long after this
 * job's write it came within the job (the main step read each back once, at once, with no wait). The
 * registries are reached as the main step reached them (the same inputs: its login is still stored,
 * the logout comes after). A tag that cannot be read is warned about, not counted as overwritten.
 */
async function recheckPushed() {
    const tags = state/* state */.w.pushed();
    if (tags.length === 0)
        return [];
    const inputs = (0,action_inputs/* readInputs */.K)();
    const registries = (0,release_registries.openRegistries)(await (0,action_registries/* inputRegistryOptions */.e)(inputs, (0,reference/* splitReference */.mQ)(inputs.refs[0]).registry));
    const overwritten = [];
    try {
        await Promise.all(tags.map(async (t) => {
            try {
                const ref = (0,reference/* parseReference */.F2)(t.ref);
                const client = await registries.client(ref.registry);
                const now = await client.resolveTag(ref.repository, ref.tag, false);
                if (now !== t.digest)
                    overwritten.push({ ...t, now });
            }
            catch (err) {
                log/* log */.R.warning(`${t.ref}: could not be read back to check that it still holds this job's ${t.digest} (${(0,errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g)})`);
            }
        }));
    }
    finally {
        await registries.close();
    }
    if (overwritten.length === 0)
        log/* log */.R.info(`${tags.length} tag${tags.length === 1 ? '' : 's'} this job pushed still hold what it pushed`);
    return overwritten;
}
/** The job's failure for a tag another run wrote after this job did: the tag, both digests, what to do. */
function overwrittenLine(o) {
    return `${o.ref} was written by another run after this job pushed it: it now holds ${o.now ?? 'nothing'}, not this job's ${o.digest}. Publish each version from one job at a time (a \`concurrency:\` group for the workflow), or bump the chart's version`;
}

;// CONCATENATED MODULE: ./src/post.ts





/**
 * The post step (`--post src/post.ts` for local-action), after every other step of the job: the tags the
 * main step wrote are read back once more (another run that wrote one since fails the job, named), then
 * the credentials the main step stored are removed. Anything else it meets is a warning.
 */
async function run() {
    let overwritten = [];
    try {
        overwritten = await recheckPushed();
    }
    catch (err) {
        log/* log */.R.warning(`post step: the tags this job pushed could not be read back: ${(0,errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g)}`);
    }
    try {
        await logoutStep();
    }
    catch (err) {
        log/* log */.R.warning(`post step: ${(0,errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g)}`);
    }
    for (const o of overwritten)
        log/* log */.R.fail(overwrittenLine(o));
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
