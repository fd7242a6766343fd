export const id = 407;
export const ids = [407];
export const modules = {

/***/ 90915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/** Input, output and state names, in one place, as in action.yml. */
const Input = {
    chart: 'chart',
    ref: 'ref',
    username: 'username',
    password: 'password',
    push: 'push',
    cache: 'cache',
    plainHttp: 'plain-http',
    logout: 'logout',
    ifExists: 'if-exists',
    retries: 'retries',
    timeout: 'timeout',
    caFile: 'ca-file',
    insecureSkipTlsVerify: 'insecure-skip-tls-verify',
    version: 'version',
    appVersion: 'app-version',
    annotations: 'annotations',
    layerMediaType: 'layer-media-type',
    signKey: 'sign-key',
    signPassphrase: 'sign-passphrase',
    signKeyName: 'sign-key-name',
    keylessSign: 'keyless-sign',
    attest: 'attest',
    fulcioUrl: 'fulcio-url',
    rekorUrl: 'rekor-url',
    tsaUrl: 'tsa-url',
    trustedRoot: 'trusted-root',
    githubToken: 'github-token',
    artifacthubRepo: 'artifacthub-repo',
    artifacthubLint: 'artifacthub-lint',
    signKeyUrl: 'sign-key-url',
};
const Output = {
    ref: 'ref',
    repository: 'repository',
    digest: 'digest',
    digestRef: 'digest-ref',
    chartDigest: 'chart-digest',
    size: 'size',
    name: 'name',
    version: 'version',
    status: 'status',
    signed: 'signed',
    signFingerprint: 'sign-fingerprint',
    charts: 'charts',
    signatureDigest: 'signature-digest',
    attestationDigest: 'attestation-digest',
    artifacthubDigest: 'artifacthub-digest',
};
const State = {
    isPost: 'isPost',
    logins: 'logins',
};


/***/ }),

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
    'sign-passphrase': 'Set `sign-passphrase` to the key’s passphrase, from a secret',
    'sign-key-name': 'Set `sign-key-name` to a user id or fingerprint of the key that signs',
    'ghcr-denied': 'With GITHUB_TOKEN, give the job `permissions: packages: write` and, for an existing package, grant this repository Write access under the package settings (Manage Actions access)',
    'reset-over-plain-http': 'If the registry speaks HTTPS, remove `plain-http: true`',
    'version-invalid': 'Set the `version` input to MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
    'artifacthub-annotation': 'Fix the annotation in Chart.yaml (see https://artifacthub.io/docs/topics/annotations/helm/), or set `artifacthub-lint: warn` to publish with a warning',
};


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
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87911);






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

/***/ 87911:
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
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96500);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66570);



// The bundle's entry (action.yml runs it for both steps): the main step marks its state, so the
// runner's second start of the same file is the post step.
await (_action_state_js__WEBPACK_IMPORTED_MODULE_0__/* .state */ .w.isPost() ? (0,_post_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)() : (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 96500:
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
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/util/concurrency.ts
/** Runs `fn` over `items` with at most `limit` at once; results in the items' order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < items.length; i = next++)
            results[i] = await fn(items[i], i);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/bytes-order.ts
var bytes_order = __webpack_require__(48146);
;// CONCATENATED MODULE: ./src/release/charts.ts




const MAGIC = /[*?[]/;
/**
 * The charts named by lines of paths and patterns (a face's chart list), read as `@actions/glob` reads patterns: `*`, `?` and
 * `[...]` within a path element, `**` for any number of folders, `!` lines that exclude what earlier
 * lines matched (with everything below it; the last line that matches a path decides), `#` comments.
 * A plain path is taken as it is (the loader says what is wrong with it). What a pattern matches is a
 * chart when it is a folder holding a Chart.yaml, a `.tgz`, or a Chart.yaml (its folder); anything
 * else it matches is passed over. `**` does not descend into a chart (its charts/ are part of it).
 * A pattern that matches no chart is an error, and so is a list that leaves none.
 */
async function expandCharts(lines, cwd = process.cwd()) {
    const parsed = lines
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map(parseLine);
    const foundBy = new Map();
    for (const [i, line] of parsed.entries()) {
        if (line.exclude)
            continue;
        let charts = [line.text];
        if (line.segments.some((s) => MAGIC.test(s))) {
            charts = await findCharts(line, cwd);
            if (charts.length === 0)
                throw new src_errors/* UserError */.yo(`the pattern ${JSON.stringify(line.text)} matches no chart`, {
                    hint: 'A pattern must match folders holding a Chart.yaml, or .tgz files',
                });
        }
        for (const c of charts)
            foundBy.set(c, (foundBy.get(c) ?? new Set()).add(i));
    }
    const kept = [...foundBy].filter(([c, by]) => included(parsed, c, by, cwd)).map(([c]) => c);
    if (kept.length === 0 && foundBy.size > 0)
        throw new src_errors/* UserError */.yo('every chart the list names is excluded by its ! lines', {
            hint: 'Remove the exclusion, or name a chart it does not cover',
        });
    return kept;
}
function parseLine(text) {
    const exclude = text.startsWith('!');
    const pattern = exclude ? text.slice(1).trim() : text;
    if (pattern === '')
        throw new src_errors/* UserError */.yo(`the chart line ${JSON.stringify(text)} names nothing`);
    return {
        text,
        exclude,
        absolute: pattern.startsWith('/'),
        segments: pattern.split('/').filter((s) => s !== '' && s !== '.'),
    };
}
/** In line order, an include line that found the chart keeps it and an exclusion that covers it drops it. */
function included(lines, candidate, foundBy, cwd) {
    const parts = relativeParts(candidate, cwd);
    let keep = false;
    for (const [i, line] of lines.entries()) {
        if (!line.exclude)
            keep ||= foundBy.has(i);
        else if (keep && matchesOrIsBelow(line, parts, cwd))
            keep = false;
    }
    return keep;
}
function relativeParts(p, cwd) {
    return external_node_path_default().resolve(cwd, p).split((external_node_path_default()).sep).filter(Boolean);
}
function patternParts(line, cwd) {
    return line.absolute ? line.segments : [...cwd.split((external_node_path_default()).sep).filter(Boolean), ...line.segments];
}
function matchesOrIsBelow(line, parts, cwd) {
    const pattern = patternParts(line, cwd);
    for (let n = parts.length; n >= 0; n--)
        if (matchSegments(pattern, parts.slice(0, n)))
            return true;
    return false;
}
function matchSegments(pattern, parts) {
    if (pattern.length === 0)
        return parts.length === 0;
    const [head, ...rest] = pattern;
    if (head === '**') {
        for (let skip = 0; skip <= parts.length; skip++)
            if (matchSegments(rest, parts.slice(skip)))
                return true;
        return false;
    }
    return parts.length > 0 && segmentRegExp(head).test(parts[0]) && matchSegments(rest, parts.slice(1));
}
const compiled = new Map();
/** One path element of a pattern as a RegExp: `*`, `?`, `[abc]`, `[a-z]`, `[!x]` / `[^x]`, `\` escapes. */
function segmentRegExp(segment) {
    let re = compiled.get(segment);
    if (re)
        return re;
    let out = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            out += '.*';
        else if (c === '?')
            out += '.';
        else if (c === '\\' && i + 1 < segment.length)
            out += escapeRe(segment[++i]);
        else if (c === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end < 0) {
                out += '\\[';
                continue;
            }
            let body = segment.slice(i + 1, end);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
            i = end;
        }
        else
            out += escapeRe(c);
    }
    re = new RegExp(`^${out}$`, 's');
    compiled.set(segment, re);
    return re;
}
function escapeRe(c) {
    return c.replace(/[.*+?^${}()|[\]\\/]/g, (m) => `\\${m}`);
}
/** Walks the file system along one include pattern and returns the charts it matches, sorted. */
async function findCharts(line, cwd) {
    const start = line.absolute ? '/' : '';
    const found = new Set();
    const seen = new Set();
    const visit = async (rel, segments) => {
        const abs = external_node_path_default().resolve(cwd, rel || '.');
        if (segments.length === 0) {
            const chart = await asChart(rel, abs);
            if (chart !== undefined)
                found.add(chart);
            return;
        }
        const [head, ...rest] = segments;
        if (head === '**') {
            await visit(rel, rest); // none
            if (await isChartDir(abs))
                return; // a chart's own charts/ are part of it
            const real = await (0,promises_.realpath)(abs).catch(() => undefined);
            if (!real || seen.has(real))
                return;
            seen.add(real);
            for (const name of await children(abs)) {
                if (name === '.git')
                    continue;
                if (await isDir(external_node_path_default().join(abs, name)))
                    await visit(join(rel, name), segments);
                else if (rest.length === 0)
                    await visit(join(rel, name), []);
            }
            return;
        }
        if (!MAGIC.test(head))
            return visit(join(rel, head.replace(/\\(.)/g, '$1')), rest);
        const re = segmentRegExp(head);
        for (const name of await children(abs))
            if (re.test(name))
                await visit(join(rel, name), rest);
    };
    await visit(start, line.segments);
    return [...found].sort(bytes_order/* compareBytes */.X);
}
function join(base, name) {
    return base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`;
}
async function children(dir) {
    try {
        return (await (0,promises_.readdir)(dir)).sort(bytes_order/* compareBytes */.X);
    }
    catch {
        return [];
    }
}
async function isDir(p) {
    return (await (0,promises_.stat)(p).catch(() => undefined))?.isDirectory() ?? false;
}
async function isChartDir(p) {
    return (await (0,promises_.stat)(external_node_path_default().join(p, 'Chart.yaml')).catch(() => undefined))?.isFile() ?? false;
}
/** What a matched path stands for: a chart folder, a packaged chart, a Chart.yaml's folder, or nothing. */
async function asChart(rel, abs) {
    const info = await (0,promises_.stat)(abs).catch(() => undefined);
    if (!info)
        return undefined;
    if (info.isDirectory())
        return (await isChartDir(abs)) ? rel || '.' : undefined;
    if (rel.endsWith('.tgz'))
        return rel;
    if (external_node_path_default().basename(rel) === 'Chart.yaml')
        return external_node_path_default().dirname(rel);
    return undefined;
}

// EXTERNAL MODULE: ./src/artifact/chart-ref.ts
var chart_ref = __webpack_require__(31938);
// EXTERNAL MODULE: ./src/release/build.ts + 3 modules
var release_build = __webpack_require__(4958);
// EXTERNAL MODULE: ./src/release/push.ts + 2 modules
var push = __webpack_require__(93871);
// EXTERNAL MODULE: ./src/release/outcome.ts
var release_outcome = __webpack_require__(82641);
// EXTERNAL MODULE: ./src/util/yield.ts
var util_yield = __webpack_require__(98681);
// EXTERNAL MODULE: ./src/release/report.ts
var report = __webpack_require__(89823);
// EXTERNAL MODULE: ./src/release/save.ts
var save = __webpack_require__(11144);
;// CONCATENATED MODULE: ./src/release/results.ts
function targetResult(built, o) {
    const repository = `${built.ref.registry}/${built.ref.repository}`;
    const digest = o.artifact.manifestDescriptor.digest;
    const signed = built.signed !== undefined && o.status !== 'skipped';
    return {
        ref: o.refName,
        repository,
        digest,
        'digest-ref': `${repository}@${digest}`,
        'chart-digest': o.artifact.chartDescriptor.digest,
        size: String(o.artifact.chart.length),
        status: o.status,
        from: o.from,
        signed,
        'sign-fingerprint': signed ? built.signed.fingerprint : '',
    };
}
/** A target's result with the keyless referrers made or found for it. */
function keylessResult(target, outcomes) {
    for (const o of outcomes ?? [])
        target[o.kind === 'signature' ? 'signature-digest' : 'attestation-digest'] = o.digest;
    return target;
}
function chartResult(source, built, targets) {
    return {
        source,
        ...targets[0],
        name: built.chart.metadata.name,
        version: built.chart.metadata.version,
        targets,
    };
}
/** A chart that failed: what was known of it (name and version once read), and the error line. */
function failedResult(source, known, error) {
    return {
        source,
        ref: '',
        repository: '',
        digest: '',
        'digest-ref': '',
        'chart-digest': '',
        size: '',
        status: 'failed',
        from: '',
        name: known.name ?? '',
        version: known.version ?? '',
        signed: false,
        'sign-fingerprint': '',
        targets: [],
        error,
    };
}
/** A chart's one-line result: `web 1.2.0 — pushed sha256:…` (the group title of its log lines). */
function resultTitle(r) {
    const who = r.name ? `${r.name} ${r.version}` : r.source;
    if (r.status === 'failed')
        return `${who} — failed`;
    const more = r.targets.length > 1 ? ` (and ${r.targets.length - 1} more ref${r.targets.length > 2 ? 's' : ''})` : '';
    return `${who} — ${r.status} ${r.digest}${more}`;
}
const ORDER = ['pushed', 'unchanged', 'skipped', 'saved', 'failed'];
/** The run's last line: `3 charts: 2 pushed, 1 failed`. */
function tally(results) {
    const counts = ORDER.map((s) => [s, results.filter((r) => r.status === s).length]).filter(([, n]) => n > 0);
    return `${results.length} chart${results.length === 1 ? '' : 's'}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`;
}

// EXTERNAL MODULE: ./src/chart/link-boundary.ts
var link_boundary = __webpack_require__(82141);
// EXTERNAL MODULE: ./src/artifact/go-yaml-struct.ts
var go_yaml_struct = __webpack_require__(18316);
// EXTERNAL MODULE: ./src/util/read-file-bounded.ts
var read_file_bounded = __webpack_require__(80125);
// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/artifact/parse.ts
var parse = __webpack_require__(72781);
// EXTERNAL MODULE: ./src/util/bounded-read.ts
var bounded_read = __webpack_require__(34282);
;// CONCATENATED MODULE: ./src/artifact/artifacthub-repo.ts






/**
 * Artifact Hub's repository metadata (artifacthub-repo.yml) as an OCI artifact, pushed beside a chart
 * under the tag `artifacthub.io`: Artifact Hub pulls that tag and takes the layer of this media type
 * (artifacthub/hub internal/repo/manager.go GetMetadata, MetadataLayerMediaType, artifacthubTag); the
 * manifest is what its docs' `oras push … --config /dev/null:<config type> artifacthub-repo.yml:<layer
 * type>` makes (docs/helm_charts_repositories.md), less oras's `created` time: the same file always
 * gives the same manifest, so its digest is its identity.
 */
const ArtifactHubMediaType = {
    config: 'application/vnd.cncf.artifacthub.config.v1+yaml',
    layer: 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml',
};
const ARTIFACTHUB_TAG = 'artifacthub.io';
/** The file names Artifact Hub looks for (manager.go: `.yml`, then `.yaml`). */
const REPO_METADATA_FILES = ['artifacthub-repo.yml', 'artifacthub-repo.yaml'];
// internal/hub/repo.go RepositoryMetadata, Owner, RepositoryIgnoreEntry (read with gopkg.in/yaml.v2).
const REPO_METADATA = {
    struct: {
        repositoryID: 'string',
        owners: { list: { struct: { name: 'string', email: 'string' } } },
        ignore: { list: { struct: { name: 'string', version: 'string' } } },
    },
};
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/**
 * Checks the file before anything is pushed: the fields Artifact Hub reads and no other, a UUID
 * `repositoryID` (Artifact Hub refuses the whole file otherwise), every owner with an email (the
 * ownership claim matches it), every ignore entry with a name. Throws every problem at once.
 */
function checkRepoMetadata(bytes, file) {
    let text;
    try {
        // Pushed as it is: Go's YAML reader refuses the whole file at a byte that is not UTF-8.
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        text = undefined;
    }
    const { value, problems } = text === undefined ? { value: undefined, problems: [] } : (0,go_yaml_struct/* decodeGoYaml */.CD)(text, REPO_METADATA);
    const out = text === undefined ? ['not UTF-8 (Artifact Hub cannot read it): save it as UTF-8'] : problems.map(go_yaml_struct/* problemLine */.YK);
    if (out.length === 0) {
        if (value === null || value === undefined || typeof value !== 'object')
            out.push('empty: nothing for Artifact Hub to read');
        else {
            const md = value;
            if (md.repositoryID != null && !UUID.test(String(md.repositoryID)))
                out.push(`repositoryID: ${JSON.stringify(String(md.repositoryID))} is not a UUID (the repository ID shown in the repository's settings on artifacthub.io)`);
            (md.owners ?? []).forEach((o, i) => {
                if (o?.email == null || !EMAIL.test(String(o.email)))
                    out.push(`owners[${i}]: no email (the claim is matched by the owner's email on artifacthub.io)`);
            });
            (md.ignore ?? []).forEach((e, i) => {
                if (e?.name == null || String(e.name) === '')
                    out.push(`ignore[${i}]: no name (the package name, matched exactly)`);
            });
        }
    }
    if (out.length > 0)
        throw new src_errors/* UserError */.yo(`is not valid Artifact Hub repository metadata: ${(0,go_yaml_struct/* capProblems */.Pe)(out).join('; ')}`, {
            where: file,
            hint: 'See https://github.com/artifacthub/hub/blob/master/docs/metadata/artifacthub-repo.yml',
        });
}
/** The artifact Artifact Hub reads: an empty config of its config type, and the file's bytes as the one layer. */
function repoMetadataArtifact(bytes, fileName = REPO_METADATA_FILES[0]) {
    const config = Buffer.alloc(0);
    const configDescriptor = (0,digest/* describe */.q0)(ArtifactHubMediaType.config, config);
    // oras names a layer by its file (what `oras pull` writes it as).
    const layerDescriptor = { ...(0,digest/* describe */.q0)(ArtifactHubMediaType.layer, bytes), annotations: { [media_types/* Annotation */.Y.title]: fileName } };
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: media_types/* OciMediaType */.O.manifest, config: configDescriptor, layers: [layerDescriptor] }));
    return {
        manifest,
        manifestDescriptor: (0,digest/* describe */.q0)(media_types/* OciMediaType */.O.manifest, manifest),
        config,
        configDescriptor,
        layer: bytes,
        layerDescriptor,
    };
}
/**
 * Whether a manifest already holds this metadata: the same config type and the same bytes as its one
 * metadata layer, whoever pushed it and whenever (an oras push stamps a time: that is not a change).
 */
function holdsSameMetadata(manifest, ours) {
    let m;
    try {
        // The registry's answer, read within the bounds of any manifest.
        m = (0,bounded_read/* readJson */.Vh)(manifest.toString('utf8'), parse/* MANIFEST_JSON */.lR);
    }
    catch (err) {
        if (err instanceof SyntaxError || err instanceof bounded_read/* BoundsError */.UI)
            return false;
        throw err;
    }
    const layers = Array.isArray(m?.layers) ? m.layers : [];
    return (m?.config?.mediaType === ArtifactHubMediaType.config &&
        layers.length === 1 &&
        layers[0]?.mediaType === ArtifactHubMediaType.layer &&
        layers[0]?.digest === ours.layerDescriptor.digest);
}

;// CONCATENATED MODULE: ./src/release/artifacthub.ts








/**
 * The repository metadata for a chart: `given` (one file for every chart) when set, else an
 * artifacthub-repo.yml (or .yaml) in the chart folder; undefined when there is none (a packaged
 * .tgz has no folder of its own). Checked before anything is pushed. Its bytes are published as they
 * are: only a regular file is read (a device or a FIFO would never end), at most what the check
 * reads, and the chart folder's may link no further than the chart's files may (linkBoundary).
 */
async function findRepoMetadata(chartSource, given, workspace) {
    const candidates = given ? [given] : chartSource.endsWith('.tgz') ? [] : REPO_METADATA_FILES.map((f) => external_node_path_default().join(chartSource, f));
    for (const file of candidates) {
        let bytes;
        try {
            if (!(await (0,promises_.stat)(file)).isFile())
                throw new Error('not a regular file');
            if (!given) {
                const boundary = (0,link_boundary/* linkBoundary */.Z)(chartSource, workspace);
                if (!(0,link_boundary/* isWithin */.U)(await (0,promises_.realpath)(file), boundary))
                    throw new Error(`it links out of ${boundary}`);
            }
            bytes = await (0,read_file_bounded/* readFileBounded */.Y)(file, go_yaml_struct/* GO_YAML_BOUNDS */.pS.maxBytes);
        }
        catch (err) {
            if (!given && ((0,src_errors/* fsCode */.r0)(err) === 'ENOENT' || (0,src_errors/* fsCode */.r0)(err) === 'ENOTDIR'))
                continue;
            throw new src_errors/* UserError */.yo(`cannot read the Artifact Hub repository metadata (${(0,src_errors/* fsCode */.r0)(err) ?? err.message})`, {
                where: file,
                hint: 'Give the path of an artifacthub-repo.yml file',
            });
        }
        checkRepoMetadata(bytes, file);
        return { file, artifact: repoMetadataArtifact(bytes, external_node_path_default().basename(file)) };
    }
    return undefined;
}
/**
 * Pushes the metadata to `repository:artifacthub.io` unless the tag already holds the same file
 * (content, not time: see holdsSameMetadata); the blobs first, the manifest last.
 */
async function pushRepoMetadata(client, repository, artifact) {
    const ours = artifact.manifestDescriptor.digest;
    const current = await client.resolveTag(repository, ARTIFACTHUB_TAG, true);
    if (current === ours)
        return { status: 'unchanged', digest: ours };
    if (current !== undefined) {
        const theirs = await client.fetchManifestIfAny(repository, current, media_types/* OciMediaType */.O.manifest);
        if (theirs && holdsSameMetadata(theirs.body, artifact))
            return { status: 'unchanged', digest: current };
    }
    for (const [d, data] of [
        [artifact.configDescriptor, artifact.config],
        [artifact.layerDescriptor, artifact.layer],
    ]) {
        if (!(await client.hasBlob(repository, d)))
            await client.uploadBlob(repository, d, data);
    }
    await client.pushManifest(repository, ARTIFACTHUB_TAG, artifact.manifest, media_types/* OciMediaType */.O.manifest);
    return { status: 'pushed', digest: ours };
}

// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
;// CONCATENATED MODULE: ./src/release/ghcr-visibility.ts


/** The hosts that are GitHub's container registry, where a first push makes a private package. */
const GHCR_HOSTS = ['ghcr.io'];
/**
 * Asks for the manifest `digest` of the reference with no credential at all, as `helm pull` outside the owner
 * would: on GHCR a package is private until its owner makes it public, and the push that created it
 * succeeds all the same. Undefined, with no request made, for a host not in `hosts` (GHCR's only,
 * unless a test points it at a stand-in). Never throws: this only informs.
 */
async function checkGhcrVisibility(registries, ref, digest, hosts = GHCR_HOSTS) {
    if (!hosts.includes(ref.registry))
        return undefined;
    const [owner, ...rest] = ref.repository.split('/');
    const packageName = rest.join('/');
    const base = {
        owner,
        packageName,
        settingsUrl: packageSettingsUrl('orgs', owner, packageName),
        userSettingsUrl: packageSettingsUrl('users', owner, packageName),
    };
    try {
        const got = await registries.anonymous(ref.registry).fetchManifestIfAny(ref.repository, digest, media_types/* OciMediaType */.O.manifest);
        // GHCR hides a private package from strangers: "not found" is a refusal too.
        if (!got)
            return { ...base, visibility: 'private', why: 'not found' };
        return { ...base, visibility: 'public' };
    }
    catch (err) {
        // Every refusal (the manifest's, the token service's) arrives as a RegistryError with its status.
        const refused = err instanceof errors/* RegistryError */.gl && (err.status === 401 || err.status === 403);
        return { ...base, visibility: refused ? 'private' : 'unknown', why: err.message };
    }
}
/**
 * The package's settings page, where "Change visibility" is: under /orgs/ for an organisation's
 * package, /users/ for a personal account's; a nested name is one path segment, its slashes encoded.
 */
function packageSettingsUrl(kind, owner, packageName) {
    return `https://github.com/${kind}/${owner}/packages/container/${encodeURIComponent(packageName)}/settings`;
}
/** What the log says when GHCR refused an anonymous pull of a chart just pushed: who cannot pull it, and where to change that. */
function visibilityLines(repository, seen) {
    if (seen.visibility === 'unknown')
        return [
            `${repository}: could not check whether the package is public (an anonymous pull met: ${seen.why ?? 'no answer'}); if it is private, change its visibility at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl})`,
        ];
    return [
        `${repository}: the package is private (an anonymous pull was refused: ${seen.why ?? 'refused'}). Only accounts with read access to the package can pull it: helm pull without credentials, other organisations' workflows and Artifact Hub cannot. To publish it, set its visibility to public at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl}), under Danger Zone, Change visibility`,
    ];
}

;// CONCATENATED MODULE: ./src/release/publish-chart.ts












/**
 * One chart, start to end: packaged once, saved to the cache under every target, and pushed to each
 * target in turn (a later target on the same registry mounts the blobs from the first). The tags are
 * looked up as soon as the chart's name and version are known.
 */
async function publishChart(source, settings, build, 
/** Where to push (undefined: saved to the cache only). */
registries, notice, readBacks, known = {}) {
    const { keyless } = settings;
    const log = (line) => build.log?.info(line);
    const loaded = await (0,release_build/* loadSource */.sh)(source, build);
    const md = loaded.chart.metadata;
    known.name = md.name;
    known.version = md.version;
    // Checked before anything is pushed (and when nothing is): a bad file fails the chart, not half its publication.
    const repoMetadata = await findRepoMetadata(source, settings.artifacthubRepo || undefined, build.workspace);
    if (loaded.looseVersion)
        build.log?.warn(`${source}: the chart version ${JSON.stringify(md.version)} is not SemVer 2. Helm packages and pushes it (tag ${(0,chart_ref/* versionTag */.V)(md.version)}), but tools that sort tags as SemVer 2 (Artifact Hub, Renovate) may misorder it: write MAJOR.MINOR.PATCH in Chart.yaml's version (or give the version to publish), e.g. 1.2.0`);
    // The tags are looked up while the chart is packaged (the connection, any token and the HEAD overlap it).
    const lookups = new Map();
    for (const refInput of settings.refs) {
        const { ref } = (0,chart_ref/* resolveChartRef */.Q)(refInput, md.name, md.version);
        const name = (0,reference/* refString */.nw)(ref);
        if (registries && !lookups.has(name))
            lookups.set(name, (0,push/* lookUpTag */.F)(registries.client(ref.registry, log), ref));
    }
    await (0,util_yield/* yieldToLoop */.j)();
    const packaged = await (0,release_build/* packageLoaded */.ck)(loaded, build);
    log(`${md.name} ${md.version}: this build is ${packaged.artifact.chart.length} bytes, chart ${packaged.artifact.chartDescriptor.digest}`);
    log(`timestamps from ${packaged.date.from === 'fixed' ? 'the fixed epoch (SOURCE_DATE_EPOCH is not set)' : packaged.date.from} (${new Date(packaged.date.seconds * 1000).toISOString()})`);
    if (packaged.signed)
        log(`signed by ${packaged.signed.fingerprint} (${packaged.signed.userId}): provenance ${md.name}-${md.version}.tgz.prov`);
    const targets = settings.refs.map((ref) => (0,release_build/* bindRef */.Zp)(packaged, ref));
    // What this run signs must be this build's own: a registry copy it cannot account for is a difference.
    const signer = build.signer;
    const vouch = keyless || signer
        ? {
            manifest: keyless !== undefined,
            provenance: signer && ((theirs, chart) => signer.notOwn(theirs, chart, md)),
        }
        : undefined;
    const results = [];
    const pushedTo = new Map();
    // Once per repository: its artifacthub.io tag, and (on GHCR) whether a stranger can pull it.
    const metadataDone = new Set();
    const visibilityDone = new Set();
    for (const built of targets) {
        if (built.pathAsGiven)
            notice((0,report/* loweredLine */.nH)(built.pathAsGiven, built.ref.repository));
        // Saved while the blobs upload; the manifest (the tag) waits for it, so a failed save publishes nothing.
        const saved = (0,save/* saveToCache */.$)(settings.cache, built.refName, built.artifact);
        // Safe: `saved` is awaited below (the push's commit waits for it too) and its failure reported
        // there; only a push that fails first leaves it unawaited, and that failure is the one reported.
        saved.catch(() => { });
        let outcome;
        if (!registries) {
            await saved;
            outcome = { refName: built.refName, tag: built.ref.tag, status: 'saved', artifact: built.artifact, from: 'build' };
            for (const line of (0,report/* outcomeLines */.qx)(outcome, md))
                log(line);
            results.push(targetResult(built, outcome));
            continue;
        }
        const client = await registries.client(built.ref.registry, log);
        log(`The push refers to repository [${built.ref.registry}/${built.ref.repository}]`);
        // Keyless: a new manifest is signed before its tag is written (a failure leaves the tag as it was).
        let made;
        // What stands afterwards (this build, or the registry's copy) is what the log, the outputs and the cache name.
        outcome = await (0,release_outcome/* pushAndCache */.G)(client, built.ref, built.refName, built.artifact, settings.ifExists, settings.cache, {
            mountFrom: pushedTo.get(built.ref.registry),
            current: take(lookups, built.refName), // a ref given twice is looked up again the second time
            beforeCommit: saved,
            beforeWrite: keyless && (() => (made = keyless.ensure(client, built.ref, built.artifact.manifestDescriptor, true))),
            readBacks,
            vouch,
        });
        await saved;
        if (!pushedTo.has(built.ref.registry))
            pushedTo.set(built.ref.registry, built.ref.repository);
        for (const line of (0,report/* outcomeLines */.qx)(outcome, md))
            log(line);
        // What the tag holds and this run did not write (unchanged) is signed unless a valid signature by
        // this identity is attached already; a skipped chart is not this run's to sign.
        const signedNow = outcome.status === 'pushed'
            ? made
            : outcome.status === 'unchanged' && keyless
                ? keyless.ensure(client, built.ref, outcome.artifact.manifestDescriptor, false)
                : undefined;
        const target = keylessResult(targetResult(built, outcome), await signedNow);
        const repository = `${built.ref.registry}/${built.ref.repository}`;
        if (repoMetadata && !metadataDone.has(repository)) {
            metadataDone.add(repository);
            const metadata = await pushRepoMetadata(client, built.ref.repository, repoMetadata.artifact);
            log(`${ARTIFACTHUB_TAG}: ${metadata.status === 'pushed' ? 'pushed to remote' : 'unchanged'} (Artifact Hub repository metadata from ${repoMetadata.file}) ${metadata.digest}`);
            target['artifacthub-digest'] = metadata.digest;
            target['artifacthub-status'] = metadata.status;
        }
        if (outcome.status === 'pushed' && !visibilityDone.has(repository)) {
            visibilityDone.add(repository);
            const seen = await checkGhcrVisibility(registries, built.ref, outcome.artifact.manifestDescriptor.digest);
            if (seen && seen.visibility !== 'public') {
                for (const line of visibilityLines(repository, seen))
                    build.log?.warn(line);
                target.visibility = seen.visibility;
                target['settings-url'] = seen.settingsUrl;
            }
            else if (seen)
                log(`${repository}: public (pulled anonymously)`);
        }
        results.push(target);
    }
    return chartResult(source, targets[0], results);
}
function take(map, key) {
    const value = map.get(key);
    map.delete(key);
    return value;
}

;// CONCATENATED MODULE: ./src/release/publish.ts





/** Charts published at a time (the registry, not this process, is what more would wait on). */
const CONCURRENCY = 4;
/**
 * The publication both faces run: every chart (paths and patterns) packaged once and published to
 * every ref, several at a time, each one's result told once (its lines, as a group titled with its
 * result when there are several, then the tally). One failing chart does not stop the others.
 */
async function publishCharts(settings, out) {
    const sources = await expandCharts(settings.charts, settings.cwd);
    const primary = (0,reference/* splitReference */.mQ)(settings.refs[0]).registry;
    const registries = settings.push ? settings.registries : undefined;
    // Starts choosing the credential for the first registry and logging in, while the charts load.
    // Safe: `registries` keeps this same promise, and every chart that reaches `primary` awaits it and
    // reports its failure; a run in which none does has the charts' own failures to report.
    if (registries)
        registries.client(primary, out.info).catch(() => { });
    const access = settings.registries.access(out.info);
    const single = sources.length === 1;
    // Each chart's result, final once its read-backs are in; with several charts, each one's lines are
    // printed as a group titled with that result, in the charts' order, as soon as those before it are.
    const finals = sources.map(() => deferred());
    const printed = printInOrder(finals, single, out);
    await mapLimit(sources, CONCURRENCY, async (source, index) => {
        // Each pushed chart's read-back of its tag (after the settling wait): awaited outside the slot.
        const done = [];
        const known = {};
        const lines = [];
        const info = single ? out.info : (line) => void lines.push(() => out.info(line));
        const notice = single ? out.notice : (line) => void lines.push(() => out.notice(line));
        const build = { ...settings.build, access, log: { info, warn: (line) => out.warning(line) } };
        const failed = (err) => ({ result: failedResult(source, known, settings.errorLine(err)), err, lines });
        let final;
        try {
            const published = await publishChart(source, settings, build, registries, notice, done, known);
            // Pushed, but another run may write the tag right after: then this chart is not what the tag holds.
            final = Promise.all(done).then(() => ({ result: published, lines }), failed);
        }
        catch (err) {
            final = Promise.resolve(failed(err));
        }
        finals[index].resolve(final);
    });
    await printed;
    const settled = await Promise.all(finals.map((f) => f.promise));
    const results = settled.map((f) => f.result);
    out.info(tally(results));
    const errors = new Map();
    settled.forEach((f, i) => f.result.status === 'failed' && errors.set(i, f.err));
    return { results, errors };
}
function deferred() {
    let resolve;
    const promise = new Promise((r) => (resolve = r));
    return { promise, resolve };
}
/**
 * Prints each chart's lines as its results come in, in the charts' order. Several charts: a group each,
 * titled with its result, its error (pointing at the file at fault) after the group. One chart: its
 * lines went out as they came; its error is the run's own.
 */
async function printInOrder(finals, single, out) {
    for (const f of finals) {
        const { result, lines, err } = await f.promise;
        if (single)
            continue;
        out.startGroup(resultTitle(result));
        for (const print of lines)
            print();
        out.endGroup();
        if (err !== undefined)
            out.error(`${result.source}: ${result.error}`, err);
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(46058);
// EXTERNAL MODULE: ./src/oci/basic-auth.ts
var basic_auth = __webpack_require__(13634);
// EXTERNAL MODULE: ./src/action/secrets.ts
var secrets = __webpack_require__(87911);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(90915);
// EXTERNAL MODULE: ./src/util/once.ts
var once = __webpack_require__(82423);
;// CONCATENATED MODULE: ./src/action/keyless-inputs.ts





/** Undefined when neither `keyless-sign` nor `attest` is true (and no other keyless input is set). */
function readKeylessInputs(push) {
    const sign = bool(constants/* Input */.pd.keylessSign, false);
    const attest = bool(constants/* Input */.pd.attest, false);
    const fulcioURL = sigstoreUrl(constants/* Input */.pd.fulcioUrl);
    const rekorURL = sigstoreUrl(constants/* Input */.pd.rekorUrl);
    const tsaURL = sigstoreUrl(constants/* Input */.pd.tsaUrl);
    const trustedRootFile = core/* getInput */.V4(constants/* Input */.pd.trustedRoot);
    const instanceSet = [
        fulcioURL && constants/* Input */.pd.fulcioUrl,
        rekorURL && constants/* Input */.pd.rekorUrl,
        tsaURL && constants/* Input */.pd.tsaUrl,
        trustedRootFile && constants/* Input */.pd.trustedRoot,
    ].filter(Boolean);
    if (!sign && !attest) {
        if (instanceSet.length > 0)
            throw new src_errors/* UserError */.yo(`\`${instanceSet[0]}\` is set, but neither \`keyless-sign\` nor \`attest\` is true`, {
                hint: 'Set keyless-sign: true (a signature) or attest: true (build provenance), or remove the Sigstore inputs',
            });
        return undefined;
    }
    if (!push)
        throw new src_errors/* UserError */.yo('keyless signing and attesting sign what is pushed, and `push` is false', {
            hint: 'Set push: true, or drop keyless-sign and attest',
        });
    if ((rekorURL || tsaURL) && !fulcioURL)
        throw new src_errors/* UserError */.yo(`\`${rekorURL ? constants/* Input */.pd.rekorUrl : constants/* Input */.pd.tsaUrl}\` is set without \`fulcio-url\``, {
            hint: "A private Sigstore instance is given whole: its Fulcio, and its Rekor or timestamp authority (or both); leave all three empty for Sigstore's public instance",
        });
    if (fulcioURL && !rekorURL && !tsaURL)
        throw new src_errors/* UserError */.yo('`fulcio-url` is set, but neither `rekor-url` nor `tsa-url`', {
            hint: 'A signature needs a witness of its time: the instance’s Rekor, its timestamp authority, or both',
        });
    return {
        sign,
        attest,
        fulcioURL,
        rekorURL,
        tsaURL,
        trustedRoot: trustedRootFile ? (0,once/* once */.O)(() => readTrustedRoot(trustedRootFile)) : undefined,
        trustedRootFile: trustedRootFile || undefined,
        githubToken: core/* getInput */.V4(constants/* Input */.pd.githubToken),
    };
}
/** An https URL (http only on this machine: a stand-in on loopback), without credentials, query or fragment. */
function sigstoreUrl(name) {
    const raw = core/* getInput */.V4(name);
    if (!raw)
        return undefined;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new src_errors/* UserError */.yo(`\`${name}\` is not a URL: ${JSON.stringify(raw)}`, {
            hint: 'Give the service’s base URL, e.g. https://fulcio.example.com',
        });
    }
    const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
        throw new src_errors/* UserError */.yo(`\`${name}\` must be an https URL, not ${JSON.stringify(`${url.protocol}//${url.host}`)}`, {
            hint: 'The identity token and signatures go there: plain http is accepted only on this machine (127.0.0.1)',
        });
    if (url.username || url.password || url.search || url.hash)
        throw new src_errors/* UserError */.yo(`\`${name}\` must be a plain base URL (no user, password, query or fragment)`);
    return url.toString().replace(/\/+$/, '');
}
const readTrustedRoot = async (file) => (await __webpack_require__.e(/* import() */ 439).then(__webpack_require__.bind(__webpack_require__, 93820))).readTrustedRootFile(file, 'the `trusted-root` file', 'Give the path of the instance’s trusted_root.json, relative to the workspace');

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
        throw new src_errors/* UserError */.yo(`\`username\` and \`password\` go together, but only ${username ? '`username`' : '`password`'} is set`, {
            hint: 'Set both, or neither to use stored credentials',
        });
    if (username.includes(':'))
        throw new src_errors/* UserError */.yo('a user name may not contain ":"', { hint: 'Check the user name', code: 'username-colon' });
    const ifExists = core/* getInput */.V4(constants/* Input */.pd.ifExists) || 'fail';
    if (ifExists !== 'fail' && ifExists !== 'skip' && ifExists !== 'overwrite') {
        throw new src_errors/* UserError */.yo(`if-exists must be fail, skip or overwrite, not ${JSON.stringify(ifExists)}`, {
            hint: 'fail keeps published versions immutable (the default)',
        });
    }
    return {
        charts: lines(required(constants/* Input */.pd.chart, 'the chart folder (holding Chart.yaml) or a packaged .tgz')),
        refs: lines(required(constants/* Input */.pd.ref, 'oci://<registry>/<namespace>, e.g. oci://ghcr.io/my-org/charts')),
        username,
        password,
        push: bool(constants/* Input */.pd.push, true),
        cache: core/* getInput */.V4(constants/* Input */.pd.cache) || (0,layout/* defaultCachePath */.T2)(),
        plainHttp: bool(constants/* Input */.pd.plainHttp, false),
        logout: bool(constants/* Input */.pd.logout, true),
        ifExists,
        retries: whole(constants/* Input */.pd.retries, retry/* DEFAULT_RETRIES */.TU, 0, 50),
        timeoutSeconds: whole(constants/* Input */.pd.timeout, retry/* DEFAULT_TIMEOUT_SECONDS */.KU, 1, 3600),
        caFile: core/* getInput */.V4(constants/* Input */.pd.caFile),
        insecureSkipTlsVerify: bool(constants/* Input */.pd.insecureSkipTlsVerify, false),
        version: core/* getInput */.V4(constants/* Input */.pd.version).trim(),
        appVersion: core/* getInput */.V4(constants/* Input */.pd.appVersion).trim(),
        annotations: keyValues(core/* getInput */.V4(constants/* Input */.pd.annotations)),
        layerMediaType: layerMediaType(core/* getInput */.V4(constants/* Input */.pd.layerMediaType).trim()),
        sign: signing(),
        keyless: readKeylessInputs(bool(constants/* Input */.pd.push, true)),
        artifacthubRepo: core/* getInput */.V4(constants/* Input */.pd.artifacthubRepo).trim(),
        artifacthubLint: artifacthubLint(core/* getInput */.V4(constants/* Input */.pd.artifacthubLint).trim()),
        signKeyUrl: signKeyUrl(core/* getInput */.V4(constants/* Input */.pd.signKeyUrl).trim()),
    };
}
/**
 * The public key's URL, written into the packaged Chart.yaml: printable ASCII only (anything else
 * percent-encoded), as NEL (U+0085), which JavaScript's \s does not match, is a line break to the YAML
 * 1.1 Helm reads Chart.yaml with.
 */
function signKeyUrl(raw) {
    if (raw !== '' && !/^https?:\/\/[\x21-\x2e\x30-\x7e]+[\x21-\x7e]*$/.test(raw))
        throw new src_errors/* UserError */.yo(`sign-key-url must be an http(s) URL, not ${JSON.stringify(raw)}`, {
            hint: 'Give where the public key can be downloaded, e.g. https://keys.example.com/charts.asc (percent-encode any other character than printable ASCII)',
        });
    return raw;
}
function artifacthubLint(raw) {
    if (raw === '' || raw === 'error')
        return 'error';
    if (raw === 'warn')
        return 'warn';
    throw new src_errors/* UserError */.yo(`artifacthub-lint must be error or warn, not ${JSON.stringify(raw)}`, {
        hint: 'error fails the step on an artifacthub.io/* annotation Artifact Hub cannot read; warn publishes with a warning',
    });
}
/** The signing inputs, masked (the key line by line too: the runner masks a multi-line secret by lines) and never stored. */
function signing() {
    const key = core/* getInput */.V4(constants/* Input */.pd.signKey);
    const passphrase = core/* getInput */.V4(constants/* Input */.pd.signPassphrase, { trimWhitespace: false });
    const keyName = core/* getInput */.V4(constants/* Input */.pd.signKeyName).trim();
    if (!key) {
        if (core/* getInput */.V4(constants/* Input */.pd.signKeyUrl).trim())
            throw new src_errors/* UserError */.yo('`sign-key-url` goes with `sign-key`, which is not set', {
                hint: 'Set sign-key to sign the chart (sign-key-url then tells Artifact Hub where its public key is), or remove sign-key-url',
            });
        if (passphrase || keyName)
            throw new src_errors/* UserError */.yo('`sign-passphrase` and `sign-key-name` go with `sign-key`, which is not set', {
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
function lines(text) {
    return text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
/** `key=value` lines (the value may hold `=`). */
function keyValues(text) {
    const out = {};
    for (const line of lines(text)) {
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new src_errors/* UserError */.yo(`the \`annotations\` input needs key=value lines, not ${JSON.stringify(line)}`);
        out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    return out;
}
function layerMediaType(raw) {
    if (raw === '' || raw === 'modern')
        return 'modern';
    if (raw === 'legacy')
        return 'legacy';
    throw new src_errors/* UserError */.yo(`layer-media-type must be modern or legacy, not ${JSON.stringify(raw)}`, {
        hint: 'legacy writes application/tar+gzip for Helm 3.0–3.6 clients',
    });
}
function whole(name, fallback, min, max) {
    const raw = core/* getInput */.V4(name).trim();
    if (raw === '')
        return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new src_errors/* UserError */.yo(`the \`${name}\` input must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
    return n;
}
function required(name, what) {
    const value = core/* getInput */.V4(name);
    if (!value)
        throw new src_errors/* UserError */.yo(`the \`${name}\` input is required`, { hint: `Set it to ${what}` });
    return value;
}
function bool(name, fallback) {
    const raw = core/* getInput */.V4(name).trim();
    if (raw === '')
        return fallback;
    if (/^(true|yes|on|1)$/i.test(raw))
        return true;
    if (/^(false|no|off|0)$/i.test(raw))
        return false;
    throw new src_errors/* UserError */.yo(`the \`${name}\` input must be true or false, not ${JSON.stringify(raw)}`);
}

;// CONCATENATED MODULE: ./src/action/outputs.ts


/** The `charts` output always (every chart, failed ones too); the single-chart outputs when one chart was published. */
function setOutputs(results) {
    core/* setOutput */.uH(constants/* Output */.k7.charts, JSON.stringify(results));
    if (results.length !== 1 || results[0].status === 'failed')
        return;
    const r = results[0];
    core/* setOutput */.uH(constants/* Output */.k7.ref, r.ref);
    core/* setOutput */.uH(constants/* Output */.k7.repository, r.repository);
    core/* setOutput */.uH(constants/* Output */.k7.digest, r.digest);
    core/* setOutput */.uH(constants/* Output */.k7.digestRef, r['digest-ref']);
    core/* setOutput */.uH(constants/* Output */.k7.chartDigest, r['chart-digest']);
    core/* setOutput */.uH(constants/* Output */.k7.size, r.size);
    core/* setOutput */.uH(constants/* Output */.k7.name, r.name);
    core/* setOutput */.uH(constants/* Output */.k7.version, r.version);
    core/* setOutput */.uH(constants/* Output */.k7.status, r.status);
    core/* setOutput */.uH(constants/* Output */.k7.signed, String(r.signed));
    core/* setOutput */.uH(constants/* Output */.k7.signFingerprint, r['sign-fingerprint']);
    core/* setOutput */.uH(constants/* Output */.k7.signatureDigest, r['signature-digest'] ?? '');
    core/* setOutput */.uH(constants/* Output */.k7.attestationDigest, r['attestation-digest'] ?? '');
    core/* setOutput */.uH(constants/* Output */.k7.artifacthubDigest, r['artifacthub-digest'] ?? '');
}

// EXTERNAL MODULE: ./src/oci/tls-options.ts
var tls_options = __webpack_require__(42891);
// EXTERNAL MODULE: ./src/release/registries.ts + 1 modules
var registries = __webpack_require__(19217);
// EXTERNAL MODULE: ./src/action/login.ts
var login = __webpack_require__(91363);
;// CONCATENATED MODULE: ./src/action/registries.ts





/**
 * The run's registries, from the inputs: one client per host for the whole run (tokens and
 * connections shared across charts). The `username`/`password` inputs are for the first `ref`'s
 * registry, which is logged in to once; other registries use stored credentials (Helm's, then
 * Docker's) or none.
 */
async function openActionRegistries(inputs, primary) {
    if (inputs.insecureSkipTlsVerify) {
        log/* log */.R.warning("insecure-skip-tls-verify is on: the registry's TLS certificate is NOT checked, so anyone on the network path can read the credentials and change what is pushed. Use ca-file instead.");
    }
    const { username, password } = inputs;
    return (0,registries.openRegistries)({
        log: log/* log */.R.info,
        ca: inputs.caFile ? await (0,tls_options/* readCaFile */.R)(inputs.caFile) : undefined,
        insecure: inputs.insecureSkipTlsVerify,
        retries: inputs.retries,
        timeoutSeconds: inputs.timeoutSeconds,
        plainHttp: inputs.plainHttp,
        // readInputs has checked that the two come together.
        credentialFor: (host) => (username && password && host === primary ? { username, password } : undefined),
        onSecret: (secret, from) => (0,secrets/* mask */.dK)(secret, from === 'registry' ? 'registry' : 'input'),
        onConnect: async (client, source, say) => {
            if (source === 'given')
                await (0,login/* login */.i)(client, inputs, say);
            else
                say(source === 'anonymous'
                    ? `No credentials for ${client.registry}: pushing anonymously`
                    : `Using the stored credentials for ${client.registry} from ${source}`);
        },
    });
}

// EXTERNAL MODULE: ./src/util/human-size.ts
var human_size = __webpack_require__(78887);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(41095);
;// CONCATENATED MODULE: ./src/action/summary.ts




/**
 * The job summary: one row per chart and target with its reference, digest, size and status (the
 * digest and size of what stands, as the outputs name them), and one per failed chart with its error.
 * No cell is empty (an empty cell is written unclosed).
 */
async function writeSummary(results) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const rows = results.flatMap((r) => {
        const chart = { data: summary_escape(r.name ? `${r.name} ${r.version}` : r.source) };
        if (r.status === 'failed')
            return [[chart, { data: '—' }, { data: '—' }, { data: '—' }, { data: `failed: ${summary_escape((0,secrets/* redact */.E$)(r.error ?? ''))}` }]];
        return r.targets.map((t) => [
            chart,
            { data: `<code>${summary_escape(t.ref)}</code>` },
            { data: `<code>${summary_escape(t.digest)}</code>` },
            { data: (0,human_size/* humanSize */.X)(Number(t.size)) },
            { data: t.from === 'registry' ? `${t.status} (the registry’s copy)` : t.status },
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
    await summary.write();
}
/** Artifact Hub's metadata tag and GHCR's private packages, a line each under the table. */
function artifactHubLines(results) {
    const lines = [];
    for (const t of results.flatMap((r) => r.targets)) {
        const repository = summary_escape(t.repository);
        if (t['artifacthub-digest'])
            lines.push(`<p>Artifact Hub metadata: <code>${repository}:artifacthub.io</code> ${t['artifacthub-status'] ?? ''} <code>${summary_escape(t['artifacthub-digest'])}</code></p>`);
        if (t.visibility === 'private')
            lines.push(`<p>⚠️ <code>${repository}</code> is a private package: only accounts with read access can pull it (not an anonymous helm pull, not Artifact Hub). <a href="${summary_escape(t['settings-url'] ?? '')}">Change its visibility</a> in the package settings.</p>`);
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












/**
 * The main step: the inputs read and checked, the signers started, the registries opened (with the
 * inputs' login), and the publication (src/release/publish.ts) run; then its results as outputs and
 * the job summary. One failing chart fails the step, but the others still publish.
 */
async function publish() {
    (0,layout/* onCacheWarning */.og)(log/* log */.R.warning);
    const inputs = readInputs();
    // Signing (OpenPGP, the key's unlocking) starts now: it overlaps the charts' loading and the registry's answers.
    const signer = inputs.sign ? (0,sign_signer/* startSigner */.F)(inputs.sign) : undefined;
    // Keyless: the ID token permission is checked now, before anything is pushed.
    const keyless = inputs.keyless
        ? await (await __webpack_require__.e(/* import() */ 835).then(__webpack_require__.bind(__webpack_require__, 42835))).actionKeylessSigner(inputs.keyless, { info: log/* log */.R.info, warning: log/* log */.R.warning })
        : undefined;
    const registries = await openActionRegistries(inputs, (0,reference/* splitReference */.mQ)(inputs.refs[0]).registry);
    let published;
    try {
        published = await publishCharts({
            charts: inputs.charts,
            refs: inputs.refs,
            push: inputs.push,
            cache: inputs.cache,
            ifExists: inputs.ifExists,
            artifacthubRepo: inputs.artifacthubRepo || undefined,
            keyless,
            registries,
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
    }
    const { results, errors } = published;
    setOutputs(results);
    await writeSummary(results);
    if (errors.size === 0)
        return;
    if (results.length === 1)
        throw errors.get(0);
    const failed = results.filter((r) => r.status === 'failed');
    throw new Error(`${failed.length} of ${results.length} charts failed: ${failed.map((f) => f.source).join(', ')} (see the errors above)`);
}

;// CONCATENATED MODULE: ./src/main.ts





/**
 * The main step. Importing this module does nothing (so `npx @github/local-action . src/main.ts .env`
 * can run it); `run()` never throws: a failure becomes one error annotation through core.setFailed.
 */
async function run() {
    state/* state */.w.markPost();
    try {
        await publish();
    }
    catch (err) {
        if (err instanceof Error && err.stack)
            log/* log */.R.debug(err.stack);
        log/* log */.R.fail((0,src_errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g), err);
    }
}


/***/ }),

/***/ 66570:
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


/** The post step: removes the credentials the main step stored. It warns, never fails the job. */
async function logoutStep() {
    const records = state/* state */.w.logins();
    if (records.length > 0)
        await (0,login/* logout */.r)(records);
}

// EXTERNAL MODULE: ./src/action/hints.ts
var hints = __webpack_require__(28656);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/post.ts




/** The post step (`--post src/post.ts` for local-action): it warns, never fails the job. */
async function run() {
    try {
        await logoutStep();
    }
    catch (err) {
        log/* log */.R.warning(`post step: ${(0,errors/* errorLine */.BP)(err, hints/* ACTION_HINTS */.g)}`);
    }
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


/***/ }),

/***/ 80125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ readFileBounded)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A file's bytes, at most `maxBytes`: read up to one byte more and refused past it, so that a path
 * naming a device (/dev/zero, /dev/stdin, a FIFO) or a huge file ends in an error, not a hang or an
 * exhausted heap. The error says what was too large; the caller words which input named it.
 */
async function readFileBounded(file, maxBytes) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        const chunks = [];
        let total = 0;
        for (;;) {
            const buffer = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0)
                break;
            chunks.push(buffer.subarray(0, bytesRead));
            total += bytesRead;
            if (total > maxBytes)
                throw new RangeError(`larger than ${maxBytes} bytes`);
        }
        return Buffer.concat(chunks);
    }
    finally {
        await handle.close();
    }
}


/***/ })

};
