import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 90915:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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
    signatureFormat: 'signature-format',
    fulcioUrl: 'fulcio-url',
    rekorUrl: 'rekor-url',
    tsaUrl: 'tsa-url',
    trustedRoot: 'trusted-root',
    githubToken: 'github-token',
    artifacthubRepo: 'artifacthub-repo',
    artifacthubLint: 'artifacthub-lint',
    signKeyUrl: 'sign-key-url',
    tokenHosts: 'token-hosts',
    plan: 'plan',
    expectDigest: 'expect-digest',
    githubRelease: 'github-release',
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
    plan: 'plan',
    matrix: 'matrix',
    releaseNotes: 'release-notes',
    releaseUrl: 'release-url',
};
const State = {
    isPost: 'isPost',
    logins: 'logins',
    pushed: 'pushed',
};


/***/ }),

/***/ 683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x: () => (/* binding */ headStart)
});

// UNUSED EXPORTS: firstRequest

// EXTERNAL MODULE: ./src/artifact/chart-ref.ts
var chart_ref = __nccwpck_require__(31938);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/read-regular-file.ts
var read_regular_file = __nccwpck_require__(38562);
// EXTERNAL MODULE: ./src/chart/simple-yaml.ts
var simple_yaml = __nccwpck_require__(75938);
;// CONCATENATED MODULE: ./src/chart/peek.ts




/** A Chart.yaml read for a glance is small: a larger one waits for the real reading. */
const PEEK_MAX_BYTES = 64 * 1024;
/**
 * The name and version a chart folder's Chart.yaml gives, at a glance, before the chart is read:
 * undefined when it is not plainly there (no such file, a link, too large, YAML outside simple-yaml.ts's
 * subset, either field not a non-empty string). A guess a caller may act on only where a wrong
 * one costs nothing but the time it hoped to save (the early request of src/oci/early-request.ts);
 * loading the chart (load-dir.ts) is what decides.
 */
function peekChart(dir) {
    const file = external_node_path_default().join(dir, 'Chart.yaml');
    let text;
    try {
        // A link is not followed: the chart's reading decides whether it may (one that leaves the chart may not).
        if (!(0,external_node_fs_.lstatSync)(file).isFile())
            return undefined;
        text = (0,read_regular_file/* readRegularFileSync */.cG)(file, PEEK_MAX_BYTES).toString('latin1');
    }
    catch {
        return undefined;
    }
    const doc = (0,simple_yaml/* readSimpleYaml */.C)(text, 'read')?.value;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        return undefined;
    const { name, version } = doc;
    return typeof name === 'string' && name !== '' && typeof version === 'string' && version !== '' ? { name, version } : undefined;
}

// EXTERNAL MODULE: ./src/oci/early-request.ts
var early_request = __nccwpck_require__(83346);
// EXTERNAL MODULE: ./src/release/setting-values.ts
var setting_values = __nccwpck_require__(13556);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __nccwpck_require__(90915);
;// CONCATENATED MODULE: ./src/action/head-start.ts





/**
 * The main step's first registry request, sent by the bundle's entry before the step's code is
 * loaded (src/oci/early-request.ts), when the inputs say plainly what it is: one chart folder, its
 * Chart.yaml simple, a first `ref`, pushing. With `username`/`password` the first request is the
 * login's ping, else the tag's look-up. Never throws and never logs: whatever is wrong is the
 * step's to find and say, as if nothing had been sent.
 */
function headStart(env = process.env) {
    const req = firstRequest(env);
    try {
        if (req)
            (0,early_request/* sendEarly */.cS)(req);
    }
    catch {
        // Not sent: the step sends it itself, and says what is wrong with it.
    }
}
/** The request, read from the inputs as @actions/core reads them; undefined for the post step or any doubt (never throws). */
function firstRequest(env) {
    const raw = (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    const input = (name) => raw(name).trim();
    const flag = (name, otherwise) => {
        const v = input(name);
        if (v === '')
            return otherwise;
        if (v === 'true' || v === 'True' || v === 'TRUE')
            return true;
        if (v === 'false' || v === 'False' || v === 'FALSE')
            return false;
        return undefined;
    };
    if (env[`STATE_${constants/* State */.Uw.isPost}`] === 'true')
        return undefined;
    const plainHttp = flag(constants/* Input */.pd.plainHttp, false);
    if (flag(constants/* Input */.pd.push, true) !== true || plainHttp === undefined)
        return undefined;
    // HTTPS with another trust than the default would need the step's own agent: it waits.
    if (!plainHttp && (flag(constants/* Input */.pd.insecureSkipTlsVerify, false) !== false || input(constants/* Input */.pd.caFile) !== ''))
        return undefined;
    const charts = (0,setting_values/* settingLines */.mP)(input(constants/* Input */.pd.chart));
    const refs = (0,setting_values/* settingLines */.mP)(input(constants/* Input */.pd.ref));
    if (charts.length !== 1 || refs.length === 0 || /[*?[\]{}!]|\.tgz$/i.test(charts[0]))
        return undefined;
    const chart = peekChart(charts[0]);
    if (!chart)
        return undefined;
    let ref;
    try {
        ({ ref } = (0,chart_ref/* resolveChartRef */.Q)(refs[0], chart.name, input(constants/* Input */.pd.version) || chart.version));
    }
    catch {
        return undefined; // the step refuses it, and says why
    }
    const base = `${plainHttp ? 'http' : 'https'}://${ref.registry}`;
    // readInputs takes the password as written, spaces and all.
    return input(constants/* Input */.pd.username) && raw(constants/* Input */.pd.password) ? (0,early_request/* earlyPing */.yU)(base) : (0,early_request/* earlyTagLookup */.oy)(base, ref.repository, ref.tag);
}


/***/ }),

/***/ 31938:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ resolveChartRef),
/* harmony export */   V: () => (/* binding */ versionTag)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83916);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(62148);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(59202);



/**
 * Helm's rules for a chart's reference: the repository ends in the chart's name, the tag is its
 * version (`+` written `_`). The registry library knows references; only this room knows charts in them.
 */
/** Helm writes `+` (build metadata) as `_` in a tag and reads it back; the rest of the version stays as written. */
function versionTag(version) {
    return version.replaceAll('+', '_');
}
/**
 * Resolves a reference for a chart: `oci://host[:port][/ns]` (Helm-push style, `/<name>:<tag>`
 * appended) or a full `host[:port]/path/<name>[:<tag>]`. Helm's strict rule holds: the last path
 * element is the chart's name and the tag its version. Capitals in the path are lowered (GHCR owners).
 */
function resolveChartRef(input, chartName, chartVersion) {
    const raw = input.trim();
    const tag = versionTag(chartVersion);
    // Where an error is: the reference, which each face may call by its own name.
    const at = { where: `reference ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(raw)}`, subject: 'reference' };
    if (raw === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('no reference given: the input is empty', {
            hint: 'Give oci://<registry>/<namespace>, e.g. oci://ghcr.io/my-org/charts',
        });
    const parts = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .splitReference */ .mQ)(raw);
    if (parts.digest !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('a digest reference cannot be pushed to', {
            ...at,
            hint: 'Give a repository (and optionally a tag) instead of @sha256:\u2026',
        });
    const registry = parts.registry;
    let path;
    let givenTag;
    if (parts.oci) {
        if (parts.tag !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('an oci:// reference names a namespace, not a tag', {
                ...at,
                hint: `Drop the tag: the chart goes to ${registry}/${parts.path}/${chartName}:${tag}`,
            });
        }
        path = parts.path === '' ? chartName : `${parts.path}/${chartName}`;
    }
    else {
        if (/^[a-z]+:\/\//i.test(raw))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('unsupported scheme', { ...at, hint: 'Use oci://host/namespace or host/namespace/name' });
        if (parts.path === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('a full reference needs a registry and a repository', {
                ...at,
                hint: `Write it as host/namespace/${chartName}, or use oci://${raw}`,
            });
        path = parts.path;
        givenTag = parts.tag;
    }
    (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .checkHost */ .RC)(registry, at.where, 'Write the host as name[:port], e.g. ghcr.io or localhost:5000', at.subject);
    const repository = asciiLower(path);
    const components = repository.split('/');
    for (const c of components) {
        if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isRepositoryComponent */ .QP)(c)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid repository name ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(path)}`, {
                ...at,
                hint: 'Each path element must be lower-case letters and digits, joined by ".", "_", "__" or "-"',
            });
        }
    }
    const last = components[components.length - 1];
    if (last !== asciiLower(chartName)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the reference ends in ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(last)} but the chart is named ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(chartName)}`, {
            ...at,
            hint: `Helm requires the repository to end in the chart's name: use oci://${[registry, ...components].join('/')} (the chart goes to ${[registry, ...components, asciiLower(chartName)].join('/')}:${tag}), or ${[registry, ...components.slice(0, -1), asciiLower(chartName)].join('/')}`,
        });
    }
    if (givenTag !== undefined && givenTag !== tag) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the tag ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(givenTag)} differs from the chart version ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(chartVersion)}`, {
            ...at,
            hint: `Helm requires the tag to be the chart's version: drop the tag (it defaults to ${tag}) or change version in Chart.yaml`,
        });
    }
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isTag */ .dz)(tag))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the version ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(chartVersion)} does not make a valid tag`, {
            hint: 'Use a shorter version (a tag holds at most 128 characters)',
        });
    return { ref: { registry, repository, tag }, pathAsGiven: repository !== path ? path : undefined };
}
/** ASCII capitals lowered, nothing else: String#toLowerCase would also turn the Kelvin sign (U+212A) into a "k". */
function asciiLower(text) {
    return text.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}


/***/ }),

/***/ 67827:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_head_start_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(683);
/* harmony import */ var _util_worker_entry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(83561);
/**
 * The one bundle's entry (dist/index.js): the action's steps, or the CLI when dist/cli/index.js
 * started it, or a worker thread of gzip-parallel.ts. One build, so the faces share their chunks
 * instead of each carrying a copy; each face is loaded only when it runs, and neither imports the other.
 */


// A gzip worker is told by its argv (node:worker_threads is not loaded on the way to the faces).
if (process.argv.includes('--chartlift-gzip-worker')) {
    await Promise.all(/* import() */[__nccwpck_require__.e(911), __nccwpck_require__.e(29)]).then(__nccwpck_require__.bind(__nccwpck_require__, 14029));
}
else {
    const face = globalThis.chartliftFace;
    // The action's first registry request goes out now, and is answered while the chunks below compile.
    if (face !== 'cli')
        (0,_action_head_start_js__WEBPACK_IMPORTED_MODULE_0__/* .headStart */ .x)();
    (0,_util_worker_entry_js__WEBPACK_IMPORTED_MODULE_1__/* .setWorkerEntry */ .H)(new URL(import.meta.url));
    await (face === 'cli' ? Promise.all(/* import() */[__nccwpck_require__.e(911), __nccwpck_require__.e(683), __nccwpck_require__.e(863), __nccwpck_require__.e(846)]).then(__nccwpck_require__.bind(__nccwpck_require__, 50846)) : Promise.all(/* import() */[__nccwpck_require__.e(58), __nccwpck_require__.e(911), __nccwpck_require__.e(683), __nccwpck_require__.e(483), __nccwpck_require__.e(407)]).then(__nccwpck_require__.bind(__nccwpck_require__, 79407)));
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 75938:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ readSimpleYaml),
/* harmony export */   F: () => (/* binding */ writeSimpleYaml)
/* harmony export */ });
/**
 * The YAML most charts are written in, read and written without the `yaml` library: block mappings
 * and sequences of plain, quoted and empty (`{}`, `[]`) scalars, comments, in printable ASCII. Loading
 * the library and running its parser cold cost a small chart's publish about 28 ms and 3 MiB; a
 * file outside this subset, or any doubt, gives `undefined`, and the caller reads it with the library.
 *
 * It never decides differently from the library (go-values.ts): what it reads, the library reads the
 * same; a scalar whose type the library would resolve (a number, a boolean, a null, a date) is left
 * to it when a value is wanted. __tests__/unit/simple-yaml.test.ts compares the two on every kind of
 * line, mutated.
 */
/** Larger files are left to the library (which bounds them: CHART_YAML_BOUNDS). */
const MAX_CHARS = 64 * 1024;
const MAX_DEPTH = 32;
const MAX_KEY = 128;
/** A key the subset takes: a word with dots, slashes and dashes (`image`, `artifacthub.io/changes`). */
const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +|$)/;
/** What a plain scalar may hold; `#` only as a comment after a space, `:` not followed by a space. */
const PLAIN = /^(?:[A-Za-z0-9_./(~]|[-+][A-Za-z0-9.])[A-Za-z0-9 _./:@+=,()~'-]*$/;
const NULL_WORD = /^(?:~|null|Null|NULL)$/;
const BOOL_WORD = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NON_FINITE = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;
/** A date or a time stamp (the library writes them quoted). */
const DATE_START = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
/** YAML 1.1's float with an exponent, whose mantissa may be missing (`e0`: the library quotes it). */
const EXPONENT = /^[-+]?[0-9._]*[eE][-+]?[0-9_]+$/;
/** Starts like a number (or a date, or a sexagesimal): read as a string only when no number has its shape. */
const NUMBER_START = /^[-+]?[0-9._]/;
/** Characters no number, date or sexagesimal uses. */
const NOT_NUMERIC = /[^0-9_.eExXoObBa-fA-F:+-]/;
class Outside extends Error {
}
function outside() {
    throw new Outside();
}
/**
 * `text`'s one document as the library reads it through parseGoYaml (`read`: plain objects, arrays,
 * strings and nulls), or, in `check`, whether it is a document checkGoValues accepts (`value`
 * unspecified then); `undefined` when the text is outside the subset.
 */
function readSimpleYaml(text, mode) {
    if (text.length > MAX_CHARS)
        return undefined;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if ((c < 0x20 && c !== 0x0a) || c > 0x7e)
            return undefined;
    }
    const lines = [];
    // The library bounds the indentations open at once, blank and comment lines' too (checkYamlBounds).
    const open = [];
    for (const raw of text.split('\n')) {
        const lead = raw.length - raw.trimStart().length;
        while (open.length > 0 && open[open.length - 1] >= lead)
            open.pop();
        if (open.push(lead) > MAX_DEPTH)
            return undefined;
        // Only spaces are left to trim (no other white space passed the loop above).
        const body = raw.trimEnd();
        const indent = Math.min(lead, body.length);
        const content = body.slice(indent);
        if (content === '' || content.startsWith('#'))
            continue;
        if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content.startsWith('%')))
            return undefined;
        lines.push({ indent, text: content });
    }
    try {
        const reader = new Reader(lines, mode);
        const value = reader.node(-1, false, 0);
        if (reader.at < lines.length)
            outside();
        if (value !== null && (typeof value !== 'object' || Array.isArray(value)))
            outside();
        return { value };
    }
    catch (err) {
        if (err instanceof Outside)
            return undefined;
        throw err;
    }
}
class Reader {
    lines;
    mode;
    at = 0;
    constructor(lines, mode) {
        this.lines = lines;
        this.mode = mode;
    }
    /** The block below a line indented `parent` (a sequence may sit at `parent` under a key), or null. */
    node(parent, seqAtParent, depth) {
        if (depth > MAX_DEPTH)
            outside();
        const line = this.lines[this.at];
        if (!line)
            return null;
        const isItem = isSeqItem(line.text);
        if (line.indent < parent || (line.indent === parent && !(seqAtParent && isItem)))
            return null;
        return isItem ? this.seq(line.indent, depth) : this.map(line.indent, line.text, depth);
    }
    /** A mapping whose keys sit at `indent`; its first line's text may start mid-line (after `- `). */
    map(indent, first, depth) {
        const out = {};
        let text = first;
        for (;;) {
            const m = KEY_LINE.exec(text);
            if (!m || m[1].length > MAX_KEY || m[1] === '__proto__' || Object.hasOwn(out, m[1]))
                outside();
            const key = m[1];
            if (NULL_WORD.test(key) || (this.mode === 'read' && typed(key)))
                outside();
            const rest = text.slice(m[0].length);
            this.at++;
            if (rest === '' || rest.startsWith('#'))
                out[key] = this.node(indent, true, depth + 1);
            else {
                out[key] = this.scalar(rest);
                this.afterScalar(indent);
            }
            const next = this.lines[this.at];
            if (!next || next.indent < indent)
                return out;
            if (next.indent > indent || isSeqItem(next.text))
                outside();
            text = next.text;
        }
    }
    /** A sequence whose `-` sit at `indent`. */
    seq(indent, depth) {
        const out = [];
        for (;;) {
            const line = this.lines[this.at];
            if (!line || line.indent < indent)
                return out;
            if (line.indent > indent || !isSeqItem(line.text)) {
                if (line.indent === indent)
                    return out;
                outside();
            }
            const rest = line.text.slice(1).trimStart();
            if (rest === '' || rest.startsWith('#')) {
                this.at++;
                out.push(this.node(indent, false, depth + 1));
            }
            else if (isSeqItem(rest))
                outside();
            else if (KEY_LINE.test(rest))
                out.push(this.map(indent + (line.text.length - rest.length), rest, depth + 1));
            else {
                this.at++;
                out.push(this.scalar(rest));
                this.afterScalar(indent);
            }
        }
    }
    /** A scalar on one line ends its node: a line below it indented further would continue it. */
    afterScalar(indent) {
        const next = this.lines[this.at];
        if (next && next.indent > indent)
            outside();
    }
    scalar(text) {
        if (text.startsWith('"') || text.startsWith("'"))
            return quoted(text);
        const hash = text.indexOf(' #');
        const value = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
        if (value === '{}')
            return {};
        if (value === '[]')
            return [];
        if (!PLAIN.test(value) || value.includes(': ') || value.endsWith(':'))
            outside();
        if (this.mode === 'check') {
            // A float may overflow to infinity (`1e400`, 400 digits), which JSON cannot hold.
            if (NON_FINITE.test(value) || (numeric(value) && (/[eE]/.test(value) || value.length > 16)))
                outside();
            return value;
        }
        if (typed(value))
            outside();
        return value;
    }
}
function isSeqItem(text) {
    return text === '-' || text.startsWith('- ');
}
/** A quoted scalar on one line, a comment after it allowed; double quotes without escapes. */
function quoted(text) {
    const q = text[0];
    let value = '';
    let i = 1;
    for (;;) {
        const end = text.indexOf(q, i);
        if (end < 0)
            outside();
        value += text.slice(i, end);
        if (q === "'" && text[end + 1] === "'") {
            value += "'";
            i = end + 2;
            continue;
        }
        i = end + 1;
        break;
    }
    if (q === '"' && value.includes('\\'))
        outside();
    const after = text.slice(i);
    if (after !== '' && !/^ +#/.test(after))
        outside();
    return value;
}
/**
 * Whether the library might resolve `s` as something other than a string (YAML 1.1 as Helm reads it:
 * a null, a boolean, an integer in any base, a float, a sexagesimal, a date): a superset, so that
 * what is left is a string for certain. A version such as `0.1.0` has two dots, which no number has.
 */
function typed(s) {
    if (NULL_WORD.test(s) || BOOL_WORD.test(s) || NON_FINITE.test(s) || DATE_START.test(s) || s === '<<' || s === '=')
        return true;
    return numeric(s);
}
/** Whether `s` may be a number (an int in any base, a float, a sexagesimal): a superset. */
function numeric(s) {
    if (EXPONENT.test(s))
        return true;
    if (!NUMBER_START.test(s) || NOT_NUMERIC.test(s))
        return false;
    return (s.match(/\./g) ?? []).length < 2;
}
/**
 * `value` (JSON data: maps, lists, strings, booleans) as goYaml writes it with the library (keys
 * sorted, YAML 1.1, no folding), or `undefined` when a string would need quoting or a value is of
 * another kind.
 */
function writeSimpleYaml(value) {
    if (!isMap(value) || Object.keys(value).length === 0)
        return undefined;
    const out = [];
    return writeMap(value, '', out, undefined, 0) ? out.join('') : undefined;
}
const SAFE_TEXT = /^[A-Za-z0-9_./(][A-Za-z0-9 _./:@+=,()'-]*$/;
function plainText(s) {
    // A key over 1,024 characters becomes an explicit `? key`; `...` starts a document marker.
    if (s.length > MAX_KEY || s.startsWith('...'))
        return false;
    return SAFE_TEXT.test(s) && !s.endsWith(' ') && !s.endsWith(':') && !s.includes('  ') && !s.includes(': ') && !typed(s);
}
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function inline(v) {
    if (typeof v === 'string')
        return plainText(v) ? v : undefined;
    if (typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v) && v.length === 0)
        return '[]';
    if (isMap(v) && Object.keys(v).length === 0)
        return '{}';
    return undefined;
}
function writeMap(map, indent, out, firstPrefix, depth) {
    if (depth > MAX_DEPTH)
        return false;
    const keys = Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [i, key] of keys.entries()) {
        if (!plainText(key))
            return false;
        const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : indent;
        const v = map[key];
        const one = inline(v);
        if (one !== undefined)
            out.push(`${lead}${key}: ${one}\n`);
        else if (isMap(v)) {
            out.push(`${lead}${key}:\n`);
            if (!writeMap(v, `${indent}  `, out, undefined, depth + 1))
                return false;
        }
        else if (Array.isArray(v)) {
            out.push(`${lead}${key}:\n`);
            if (!writeSeq(v, `${indent}  `, out, depth + 1))
                return false;
        }
        else
            return false;
    }
    return true;
}
function writeSeq(list, indent, out, depth) {
    for (const v of list) {
        const one = inline(v);
        if (one !== undefined)
            out.push(`${indent}- ${one}\n`);
        else if (isMap(v)) {
            if (!writeMap(v, `${indent}  `, out, `${indent}- `, depth + 1))
                return false;
        }
        else
            return false;
    }
    return true;
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   r0: () => (/* binding */ fsCode),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * An error a person can act on: what went wrong, where (a file or a reference), and what to do.
 * The message is one line, so it becomes exactly one `::error::` annotation.
 */
class UserError extends Error {
    where;
    hint;
    code;
    /** What `where` starts with, for a face to call by its own name. */
    subject;
    /** Where in the file `where` names the fault is (1-based), for a face that can point at the line. */
    line;
    col;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'UserError';
        this.where = options.where;
        this.hint = options.hint;
        this.code = options.code;
        this.subject = options.subject;
        this.line = options.line;
        this.col = options.col;
    }
    /**
     * `where: message. hint` on a single line, in the face's words when it has some: its hint for the
     * code, its name for the subject `where` starts with.
     */
    toLine(hints = {}) {
        const name = this.subject && hints.subjects?.[this.subject];
        const where = name && this.where?.startsWith(`${this.subject} `) ? `${name}${this.where.slice(this.subject.length)}` : this.where;
        const parts = [where ? `${where}: ${this.message}` : this.message];
        const hint = (this.code && hints[this.code]) || this.hint;
        if (hint)
            parts.push(hint);
        return parts
            .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
            .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
            .join(' ');
    }
}
/** One line for any error: a UserError's own line (hints in the face's words), otherwise the message of what was thrown. */
function errorLine(err, hints = {}) {
    if (err instanceof UserError)
        return err.toLine(hints);
    if (err instanceof Error)
        return err.message.replace(/\s*\n\s*/g, ' ').trim();
    return String(err);
}
/** Node's file-system error codes, for turning them into advice. */
function fsCode(err) {
    return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}


/***/ }),

/***/ 83346:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ earlyOutcome),
/* harmony export */   cS: () => (/* binding */ sendEarly),
/* harmony export */   hy: () => (/* binding */ takeEarly),
/* harmony export */   oy: () => (/* binding */ earlyTagLookup),
/* harmony export */   tj: () => (/* binding */ dropEarly),
/* harmony export */   yU: () => (/* binding */ earlyPing)
/* harmony export */ });
/* unused harmony export EARLY_MAX_AGE_MS */
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(29217);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(92268);


/** How long after its sending an early answer may be taken: later, it is dropped and the run asks itself. */
const EARLY_MAX_AGE_MS = 1000;
let pending;
let outcome = 'none';
function earlyOutcome() {
    return outcome;
}
/** The tag's look-up (registry.ts's HEAD), the first request of a run that has no login to check. */
function earlyTagLookup(base, repository, tag, userAgent = _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._O) {
    return {
        method: 'HEAD',
        url: `${base}/v2/${repository}/manifests/${tag}`,
        headers: { 'user-agent': userAgent, accept: _media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFEST_ACCEPT */ .dY },
    };
}
/** The registry's ping (`GET /v2/`), the first request of a login. */
function earlyPing(base, userAgent = _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._O) {
    return { method: 'GET', url: `${base}/v2/`, headers: { 'user-agent': userAgent } };
}
/**
 * Sends `req` now, unless a proxy is configured or another is waiting to be taken. Its socket does not keep
 * the process alive: a run that fails before it reaches the registry exits without waiting for it.
 */
function sendEarly(req) {
    if (pending || _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .PROXY_VARIABLES */ .bD.some((v) => process.env[v]))
        return;
    const url = new URL(req.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return;
    const mod = process.getBuiltinModule(url.protocol === 'http:' ? 'node:http' : 'node:https');
    const agent = new mod.Agent(_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .AGENT_OPTIONS */ .DW);
    const request = mod.request(url, { method: req.method, headers: req.headers, agent });
    const response = new Promise((resolve, reject) => {
        request.once('response', resolve);
        request.once('error', reject);
    });
    const exchange = { ...req, url: url.href, origin: url.origin, sentAt: Date.now(), agent, request, response };
    // Until the run takes it, the connection does not keep the process alive (`takeEarly` counts it again).
    request.once('socket', (socket) => void (exchange.taken || socket.unref()));
    // Nobody may ever ask for it: its failure is then nobody's.
    response.catch(() => { });
    request.end();
    pending = exchange;
    outcome = 'sent';
}
/**
 * Offers the early answer to the run's first request to its origin: the exchange if `req` is the
 * same request (the caller then owns it, its agent included), else undefined, the early request
 * dropped (it is offered once: a later request, such as the tag asked again after the upload, is
 * never answered from before it).
 */
function takeEarly(req) {
    const early = pending;
    if (!early)
        return undefined;
    const url = new URL(req.url);
    if (url.origin !== early.origin)
        return undefined;
    if (req.body !== undefined || req.method !== early.method || url.href !== early.url || !sameHeaders(req.headers, early.headers)) {
        dropEarly('dropped');
        return undefined;
    }
    // Sent long ago (a large chart read before its tag is looked up), it is asked again: a decision on its
    // answer ("unchanged") would rest on the registry as it was then. Counted from the sending, not from
    // when the answer was seen: a run busy reading files sees an answer long after it came.
    if (Date.now() - early.sentAt > EARLY_MAX_AGE_MS) {
        dropEarly('stale');
        return undefined;
    }
    pending = undefined;
    outcome = 'used';
    early.taken = true;
    // Its body (a ping's 401) may still be on its way: the process waits for it as for any request's.
    early.request.socket?.ref();
    return early;
}
/**
 * Drops the early request: `dropped`, the run's first request to its origin was another; `stale`, it
 * was, but more than EARLY_MAX_AGE_MS after the early one was sent; `unused`,
 * the run closes its connections without having asked (it failed before, or never needed that registry).
 */
function dropEarly(why = 'unused') {
    const early = pending;
    pending = undefined;
    if (!early)
        return;
    outcome = why;
    early.request.destroy();
    early.agent.destroy();
}
function sameHeaders(a, b) {
    const lower = (h) => new Map(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
    const x = lower(a);
    const y = lower(b);
    return x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
}


/***/ }),

/***/ 29217:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OH: () => (/* binding */ OciMediaType),
/* harmony export */   YH: () => (/* binding */ Annotation),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT)
/* harmony export */ });
/** The OCI media types and annotation keys the registry client and the layout deal in (any artifact). */
const OciMediaType = {
    manifest: 'application/vnd.oci.image.manifest.v1+json',
    index: 'application/vnd.oci.image.index.v1+json',
    /** Docker's image manifest (schema 2), which registries and cosign still write. */
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
/** What a manifest is asked for as: any of the three (a tag may hold an index). */
const MANIFEST_ACCEPT = [OciMediaType.manifest, OciMediaType.dockerManifest, OciMediaType.index].join(', ');
const Annotation = {
    refName: 'org.opencontainers.image.ref.name',
    title: 'org.opencontainers.image.title',
    version: 'org.opencontainers.image.version',
    description: 'org.opencontainers.image.description',
    url: 'org.opencontainers.image.url',
    source: 'org.opencontainers.image.source',
    authors: 'org.opencontainers.image.authors',
    created: 'org.opencontainers.image.created',
};


/***/ }),

/***/ 62148:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   KU: () => (/* binding */ dependencyRepository),
/* harmony export */   QP: () => (/* binding */ isRepositoryComponent),
/* harmony export */   RC: () => (/* binding */ checkHost),
/* harmony export */   TZ: () => (/* binding */ parseRegistryHost),
/* harmony export */   dz: () => (/* binding */ isTag),
/* harmony export */   mQ: () => (/* binding */ splitReference),
/* harmony export */   nw: () => (/* binding */ refString)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83916);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(59202);


const REPO_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;
function splitReference(input) {
    const trimmed = input.trim();
    const oci = /^oci:\/\//i.test(trimmed);
    let rest = trimmed.replace(/^oci:\/\//i, '').replace(/\/+$/, '');
    let digest;
    const at = rest.lastIndexOf('@');
    if (at > rest.indexOf('/') && rest.indexOf('/') >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    const slash = rest.indexOf('/');
    const registry = slash < 0 ? rest : rest.slice(0, slash);
    let path = slash < 0 ? '' : rest.slice(slash + 1);
    let tag;
    const colon = path.lastIndexOf(':');
    if (colon >= 0 && colon > path.lastIndexOf('/')) {
        tag = path.slice(colon + 1);
        path = path.slice(0, colon);
    }
    return { oci, registry, path, tag, digest };
}
/**
 * Why `host` (`name[:port]` or `[ipv6][:port]`) is not a registry host, or undefined when it is one:
 * the shape (HOST), a port in 1\u201365535, and an address the URL parser takes. The one check of a host,
 * so that no later `new URL` fails with a bare "Invalid URL".
 */
const SHAPE = 'it is not name[:port]';
function hostProblem(host) {
    if (!HOST.test(host))
        return SHAPE;
    const port = /:(\d+)$/.exec(host)?.[1];
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
        return `the port ${port} is outside 1\u201365535`;
    if (host
        .split(':')[0]
        .split('.')
        .some((label) => label.length > 63))
        return 'a name in it is longer than 63 characters';
    try {
        new URL(`https://${host}/`);
    }
    catch {
        return 'it is not an address';
    }
    return undefined;
}
/** `host` checked (hostProblem), or a UserError naming it and why (`where` starting with `subject`, if given). */
function checkHost(host, where, hint, subject) {
    const problem = hostProblem(host);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid registry host ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(host)}: ${problem}`, { where, hint, subject });
}
/**
 * A registry host as a person types it for `registry login` (`host[:port]`, or `oci://host`): one
 * clear error for anything else (a user name, a path, a query), which would store a key no tool reads.
 */
function parseRegistryHost(input) {
    const raw = input
        .trim()
        .replace(/^oci:\/\//i, '')
        .replace(/\/+$/, '');
    const problem = hostProblem(raw);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(input)} is not a registry host${problem === SHAPE ? '' : `: ${problem}`}`, {
            hint: 'Give the host and port only, e.g. ghcr.io or localhost:5000 (no user name, path or query)',
        });
    return raw;
}
/** Whether `component` is one element of a repository path (lower case, joined by `.`, `_`, `__` or `-`). */
function isRepositoryComponent(component) {
    return REPO_COMPONENT.test(component);
}
/** Whether `tag` is a valid tag (at most 128 characters, no `+`). */
function isTag(tag) {
    return TAG.test(tag);
}
function refString(ref) {
    return `${ref.registry}/${ref.repository}:${ref.tag}`;
}
/** Parses a full reference `host[:port]/path[:tag]` (the CLI's REF); the tag is required. */
function parseReference(input) {
    const where = `reference ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(input)}`;
    const { registry, path, tag, digest } = splitReference(input);
    if (path === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('expected host/path/name:tag', { where, hint: 'e.g. localhost:5000/myrepo/mychart:0.1.0' });
    if (digest !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('a digest reference is not a cache entry', { where, hint: 'Give host/path/name:tag' });
    if (tag === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the tag is missing', { where, hint: 'Add :<version>, e.g. \u2026/mychart:0.1.0' });
    checkHost(registry, where, 'e.g. localhost:5000');
    if (!path.split('/').every((c) => REPO_COMPONENT.test(c)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid repository name ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(path)}`, {
            where,
            hint: 'Lower-case letters and digits, joined by ".", "_", "__" or "-"',
        });
    if (!TAG.test(tag))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid tag ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(tag)}`, {
            where,
            hint: 'A tag holds letters, digits, "_", "." and "-" (a "+" is written "_")',
        });
    return { registry, repository: path, tag };
}
/**
 * The registry and repository of an `oci://host[:port][/namespace]` dependency named `name`, as
 * `helm dependency build` forms it (`<repository>/<name>`), checked like any reference before it
 * names a request: a dependency's name comes from a Chart.yaml, and may hold anything.
 */
function dependencyRepository(repositoryUrl, name) {
    const where = `dependency ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(name)} (${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(repositoryUrl)})`;
    const { registry, path, tag, digest } = splitReference(repositoryUrl);
    if (tag !== undefined || digest !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('an oci:// repository names a namespace, not a tag or digest', { where, hint: 'Give oci://host/namespace' });
    checkHost(registry, where, 'Write the repository as oci://host[:port]/namespace');
    const repository = path === '' ? name : `${path}/${name}`;
    if (!repository.split('/').every((c) => REPO_COMPONENT.test(c)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid repository name ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(repository)}`, {
            where,
            hint: 'The namespace and the dependency name must be lower-case letters and digits, joined by ".", "_", "__" or "-" (as Helm requires)',
        });
    return { registry, repository };
}


/***/ }),

/***/ 92268:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DW: () => (/* binding */ AGENT_OPTIONS),
/* harmony export */   Mq: () => (/* binding */ headersTimeoutError),
/* harmony export */   N4: () => (/* binding */ flattenHeaders),
/* harmony export */   _O: () => (/* binding */ USER_AGENT),
/* harmony export */   bD: () => (/* binding */ PROXY_VARIABLES),
/* harmony export */   nB: () => (/* binding */ HEADERS_TIMEOUT)
/* harmony export */ });
/** Who the registries are told is asking, unless a client says otherwise. */
const USER_AGENT = 'chartlift';
/** Every connection pool's settings (node-transport.ts, and early-request.ts's, whose pool a transport takes over). */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 8, maxFreeSockets: 8 };
/** A proxy is configured when one of these is set (http.ts then sends through undici's proxy agent). */
const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];
/** The code of an answer that did not start in time: undici's own (proxy-transport.ts), so both transports fail alike. */
const HEADERS_TIMEOUT = 'UND_ERR_HEADERS_TIMEOUT';
function headersTimeoutError(ms) {
    return Object.assign(new Error(`no answer within ${ms / 1000} s of the request being sent`), { code: HEADERS_TIMEOUT });
}
/** Response headers as one lower-cased string each (repeated ones joined as HTTP joins them). */
function flattenHeaders(raw) {
    const headers = {};
    for (const [k, v] of Object.entries(raw))
        if (v !== undefined)
            headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    return headers;
}


/***/ }),

/***/ 13556:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ artifacthubLintValue),
/* harmony export */   N9: () => (/* binding */ layerMediaTypeValue),
/* harmony export */   Tx: () => (/* binding */ signKeyUrlValue),
/* harmony export */   bj: () => (/* binding */ sigstoreUrlValue),
/* harmony export */   fQ: () => (/* binding */ keyValuesValue),
/* harmony export */   hP: () => (/* binding */ ifExistsValue),
/* harmony export */   jT: () => (/* binding */ wholeValue),
/* harmony export */   ke: () => (/* binding */ checkSigstoreInstance),
/* harmony export */   ks: () => (/* binding */ boolValue),
/* harmony export */   mP: () => (/* binding */ settingLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83916);

/**
 * The publication's settings read from text, as both faces take them (the action's inputs, the CLI's
 * flags and CHARTLIFT_* variables): one reading and one check each. `label` is how the face names the
 * setting in the message (the action's words for its input, the CLI's flag: "--if-exists").
 */
/** Lines of a list (paths, refs): trimmed, blank and `#` lines dropped. */
function settingLines(text) {
    return text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
function ifExistsValue(raw, label) {
    const value = raw.trim() || 'fail';
    if (value === 'fail' || value === 'skip' || value === 'overwrite')
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} must be fail, skip or overwrite, not ${JSON.stringify(raw)}`, {
        hint: 'fail keeps published versions immutable (the default)',
    });
}
function layerMediaTypeValue(raw, label) {
    const value = raw.trim();
    if (value === '' || value === 'modern')
        return 'modern';
    if (value === 'legacy')
        return 'legacy';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} must be modern or legacy, not ${JSON.stringify(raw)}`, {
        hint: 'legacy writes application/tar+gzip for Helm 3.0\u20133.6 clients',
    });
}
function artifacthubLintValue(raw, label) {
    const value = raw.trim();
    if (value === '' || value === 'error')
        return 'error';
    if (value === 'warn')
        return 'warn';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} must be error or warn, not ${JSON.stringify(raw)}`, {
        hint: 'error fails the step on an artifacthub.io/* annotation Artifact Hub cannot read; warn publishes with a warning',
    });
}
/**
 * The public key's URL, written into the packaged Chart.yaml: printable ASCII only (anything else
 * percent-encoded), as NEL (U+0085), which JavaScript's \s does not match, is a line break to the YAML
 * 1.1 Helm reads Chart.yaml with.
 */
function signKeyUrlValue(raw, label) {
    const value = raw.trim();
    if (value !== '' && !/^https?:\/\/[\x21-\x2e\x30-\x7e]+[\x21-\x7e]*$/.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} must be an http(s) URL, not ${JSON.stringify(value)}`, {
            hint: 'Give where the public key can be downloaded, e.g. https://keys.example.com/charts.asc (percent-encode any other character than printable ASCII)',
        });
    return value;
}
/** `key=value` lines (the value may hold `=`). */
function keyValuesValue(lines, label) {
    const out = {};
    for (const line of lines) {
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} needs key=value lines, not ${JSON.stringify(line)}`);
        out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    return out;
}
function wholeValue(raw, label, fallback, min, max) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
    return n;
}
function boolValue(raw, label, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label} must be true or false, not ${JSON.stringify(value)}`);
}
/** A Sigstore service's URL (`name`: how the face names the setting): https (http only on this machine: a stand-in on loopback), a plain base URL. */
function sigstoreUrlValue(raw, name) {
    if (!raw)
        return undefined;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${name} is not a URL: ${JSON.stringify(raw)}`, {
            hint: 'Give the service\u2019s base URL, e.g. https://fulcio.example.com',
        });
    }
    const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${name} must be an https URL, not ${JSON.stringify(`${url.protocol}//${url.host}`)}`, {
            hint: 'The identity token and signatures go there: plain http is accepted only on this machine (127.0.0.1)',
        });
    if (url.username || url.password || url.search || url.hash)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${name} must be a plain base URL (no user, password, query or fragment)`);
    return url.toString().replace(/\/+$/, '');
}
/** A private Sigstore instance is given whole (Fulcio with its Rekor, its timestamp authority or both), or not at all. */
function checkSigstoreInstance(instance, names) {
    const { fulcioURL, rekorURL, tsaURL } = instance;
    if ((rekorURL || tsaURL) && !fulcioURL)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${rekorURL ? names.rekor : names.tsa} is set without ${names.fulcio}`, {
            hint: "A private Sigstore instance is given whole: its Fulcio, and its Rekor or timestamp authority (or both); leave all three empty for Sigstore's public instance",
        });
    if (fulcioURL && !rekorURL && !tsaURL)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${names.fulcio} is set, but neither ${names.rekor} nor ${names.tsa}`, {
            hint: 'A signature needs a witness of its time: the instance\u2019s Rekor, its timestamp authority, or both',
        });
}


/***/ }),

/***/ 59202:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ quoted)
/* harmony export */ });
/**
 * A value from outside (a registry's answer, a file, an argument) quoted for a message: JSON's quotes
 * and escapes, and every character outside printable ASCII written as \u escape too (control
 * characters, bidirectional overrides such as U+202E, zero-width spaces), so that what is shown is
 * what was there. Long values are cut.
 */
function quoted(value, max = 200) {
    if (typeof value !== 'string')
        return JSON.stringify(value) ?? String(value);
    const text = JSON.stringify(value.length > max ? `${value.slice(0, max)}\u2026` : value);
    return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 38562:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   Sv: () => (/* binding */ FileTooLarge),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   cG: () => (/* binding */ readRegularFileSync),
/* harmony export */   k1: () => (/* binding */ NotRegularFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);


/** A path that names something other than a regular file (what it is, in words: `a FIFO`). */
class NotRegularFile extends Error {
    kind;
    constructor(kind) {
        super(`it is ${kind}, not a file`);
        this.kind = kind;
        this.name = 'NotRegularFile';
    }
}
/** A regular file larger than the caller's bound. */
class FileTooLarge extends Error {
    size;
    maxBytes;
    constructor(size, maxBytes) {
        super(`it is ${size} bytes, more than ${maxBytes}`);
        this.size = size;
        this.maxBytes = maxBytes;
        this.name = 'FileTooLarge';
    }
}
/** What a path names, in words (`a FIFO`), for a message saying it is not what was expected. */
function kindOf(st) {
    if (st.isFile())
        return 'a file';
    if (st.isDirectory())
        return 'a folder';
    if (st.isFIFO())
        return 'a FIFO';
    if (st.isCharacterDevice() || st.isBlockDevice())
        return 'a device';
    if (st.isSocket())
        return 'a socket';
    if (st.isSymbolicLink())
        return 'a link';
    return 'something other than a file';
}
// Opened without waiting: a FIFO that became the path after the stat (another process swapping it in)
// would otherwise block the open until a writer came, and a terminal would become this process's own.
const FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY ?? 0);
function check(st, maxBytes) {
    if (!st.isFile())
        throw new NotRegularFile(kindOf(st));
    if (st.size > maxBytes)
        throw new FileTooLarge(st.size, maxBytes);
}
/**
 * The bytes of a file that must be a regular one of at most `maxBytes` (a file another process may
 * have replaced with anything): looked at before it is opened, so that no FIFO or device is opened,
 * and again, on the open descriptor, before a byte is read, so that what is read is what was checked.
 * A FIFO, a device (a link to /dev/zero), a folder or a socket throws NotRegularFile; a larger file
 * FileTooLarge; a missing one the file system's ENOENT. At most the size seen is read: a file
 * growing meanwhile is cut there, never read without end.
 */
async function readRegularFile(file, maxBytes) {
    check(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file), maxBytes);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, FLAGS);
    try {
        const st = await handle.stat();
        check(st, maxBytes);
        const data = Buffer.allocUnsafe(st.size);
        let got = 0;
        while (got < data.length) {
            const { bytesRead } = await handle.read(data, got, data.length - got, got);
            if (bytesRead === 0)
                break;
            got += bytesRead;
        }
        return data.subarray(0, got);
    }
    finally {
        await handle.close();
    }
}
/** readRegularFile for callers that read synchronously. */
function readRegularFileSync(file, maxBytes) {
    check((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file), maxBytes);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, FLAGS);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        check(st, maxBytes);
        const data = Buffer.allocUnsafe(st.size);
        let got = 0;
        while (got < data.length) {
            const bytesRead = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, data, got, data.length - got, got);
            if (bytesRead === 0)
                break;
            got += bytesRead;
        }
        return data.subarray(0, got);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 83561:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ setWorkerEntry),
/* harmony export */   x: () => (/* binding */ workerEntry)
/* harmony export */ });
/**
 * The script a worker thread starts: the bundle's own entry (src/bundle.ts sets it), since the
 * bundle's chunks cannot be started on their own. Unset when the library runs from its sources.
 */
let entry;
function setWorkerEntry(url) {
    entry = url;
}
function workerEntry() {
    return entry;
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 73339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80099:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 87997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 16460:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers/promises");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(67827);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
