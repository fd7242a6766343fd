export const id = 846;
export const ids = [846,349];
export const modules = {

/***/ 50846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/layout.ts
var layout = __webpack_require__(25823);
// EXTERNAL MODULE: ./src/cli/chart-commands.ts + 3 modules
var chart_commands = __webpack_require__(11815);
// EXTERNAL MODULE: ./src/cli/help.ts
var help = __webpack_require__(87911);
// EXTERNAL MODULE: ./src/cli/hints.ts
var hints = __webpack_require__(86324);
// EXTERNAL MODULE: ./src/oci/credentials.ts
var credentials = __webpack_require__(22559);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/release/login.ts
var login = __webpack_require__(13296);
// EXTERNAL MODULE: ./src/cli/prompt.ts
var cli_prompt = __webpack_require__(51934);
// EXTERNAL MODULE: ./src/cli/print.ts
var print = __webpack_require__(79381);
// EXTERNAL MODULE: ./src/cli/registries.ts
var cli_registries = __webpack_require__(17715);
;// CONCATENATED MODULE: ./src/cli/registry-commands.ts







async function loginCommand(host, options) {
    host = (0,reference/* parseRegistryHost */.TZ)(host);
    const username = options.username || (await (0,cli_prompt/* prompt */.J)('Username: ', false, 'Give the user name with -u USER'));
    const password = options.passwordStdin
        ? await (0,cli_prompt/* readStdin */.v)()
        : await (0,cli_prompt/* prompt */.J)('Password: ', true, 'Pipe the password in with --password-stdin');
    if (!password && options.passwordStdin)
        throw new errors/* UserError */.yo(`no password came on standard input for ${username}`, {
            hint: `Pipe it in: echo "$TOKEN" | chartlift registry login -u ${username} --password-stdin ${host}`,
        });
    if (!username || !password)
        throw new errors/* UserError */.yo('a user name and a password are needed', { hint: 'Give -u USER and a password' });
    const registries = await (0,cli_registries/* openCliRegistries */._)(options, { username, password });
    try {
        await (0,login/* logIn */.E)(await registries.client(host), username, password);
    }
    finally {
        await registries.close();
    }
    (0,print/* print */.yy)('Login succeeded');
}
async function logoutCommand(host) {
    host = (0,reference/* parseRegistryHost */.TZ)(host);
    const file = (0,credentials/* helmRegistryConfigPath */.Zz)();
    if (!(await (0,credentials/* removeLogin */._$)(file, host)))
        throw new errors/* UserError */.yo(`not logged in to ${host}`, { where: file });
    (0,print/* print */.yy)('Logout succeeded');
}

// EXTERNAL MODULE: ./src/release/setting-values.ts
var setting_values = __webpack_require__(13556);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/artifact/chart-ref.ts
var chart_ref = __webpack_require__(31938);
;// CONCATENATED MODULE: ./src/cli/ref.ts


/**
 * A REF as Helm users write it too: `oci://` dropped, and `--version X` as its tag (`+` written `_`,
 * as OCI tags write it). A REF that has a tag and a --version that differs from it is refused, and so
 * is a REF by digest with a --version (a digest is not a tag to compare).
 */
function withVersion(ref, version) {
    const bare = ref.replace(/^oci:\/\//, '');
    const last = bare.slice(bare.lastIndexOf('/') + 1);
    // Helm's form, oci://host/path/name, takes its version from --version: say so, not "add :<version>".
    if (version === undefined) {
        if (bare !== ref && !bare.includes('@') && !last.includes(':'))
            throw new errors/* UserError */.yo(`${ref} names a chart without its version`, {
                hint: `Give --version VERSION (as helm does: ${ref} --version 0.1.0), or the tag: ${bare}:0.1.0`,
            });
        return bare;
    }
    if (bare.includes('@'))
        throw new errors/* UserError */.yo(`a reference by digest takes no --version (it is not a tag)`, {
            where: `reference ${JSON.stringify(ref)}`,
            hint: 'Give one of them: host/path/name@sha256:DIGEST, or host/path/name --version VERSION',
        });
    const tag = (0,chart_ref/* versionTag */.V)(version.replace(/^v(?=\d)/, ''));
    const colon = last.lastIndexOf(':');
    if (colon < 0)
        return `${bare}:${tag}`;
    const given = last.slice(colon + 1);
    if (given !== tag)
        throw new errors/* UserError */.yo(`the tag ${JSON.stringify(given)} and --version ${version} differ`, {
            where: `reference ${JSON.stringify(ref)}`,
            hint: 'Give one of them: host/path/name:TAG, or host/path/name --version VERSION',
        });
    return bare;
}

;// CONCATENATED MODULE: ./src/cli.ts











const ARITY = {
    'registry login': ['HOST'],
    'registry logout': ['HOST'],
    'chart save': ['DIR', 'REF'],
    'chart list': [],
    'chart export': ['REF'],
    'chart push': ['REF'],
    'chart remove': ['REF'],
    'chart pull': ['REF'],
    'chart verify': ['REF'],
};
/** Helm 3.0\u20133.6's `helm chart` and `helm registry` commands over the same library, cache and credential files as the action and Helm. */
async function main(argv) {
    // `chartlift --version`: Chartlift's own version, written into the CLI's entry when it was built.
    if (argv.length === 1 && argv[0] === '--version') {
        (0,print/* print */.yy)(`chartlift ${globalThis.chartliftVersion ?? 'unknown (not a build)'}`);
        return 0;
    }
    // `chartlift publish`: the action's settings, its own flags.
    if (argv[0] === 'publish')
        return (await Promise.all(/* import() */[__webpack_require__.e(483), __webpack_require__.e(746)]).then(__webpack_require__.bind(__webpack_require__, 76746))).publishCommand(argv.slice(1));
    (0,layout/* onCacheWarning */.og)((line) => (0,print/* printError */.yJ)(`warning: ${line}`));
    const { values, positionals } = (0,cli_args/* readArgs */.i)(argv);
    const command = positionals.slice(0, 2).join(' ');
    if (!(command in ARITY)) {
        // `chartlift --version chart list` (--version took "chart"), `chartlift --version=3`: not Chartlift's own --version.
        if (values.version !== undefined)
            throw new errors/* UserError */.yo('--version VERSION is for chart pull, export, push, remove and verify', {
                hint: "chartlift --version alone prints Chartlift's version; see chartlift --help",
            });
        if (values.help || positionals.length === 0) {
            (0,print/* print */.yy)(help/* HELP */._['']);
            return 0;
        }
        throw new errors/* UserError */.yo(`unknown command "${positionals.join(' ')}"`, { hint: 'See chartlift --help' });
    }
    if (values.help) {
        (0,print/* print */.yy)(help/* HELP */._[command]);
        return 0;
    }
    const args = positionals.slice(2);
    if (values.version !== undefined && !['chart pull', 'chart export', 'chart push', 'chart remove', 'chart verify'].includes(command))
        throw new errors/* UserError */.yo(`"chartlift ${command}" takes no --version`, { hint: `See chartlift ${command} --help` });
    const names = ARITY[command];
    if (args.length !== names.length)
        throw new errors/* UserError */.yo(`"chartlift ${command}" takes ${names.length ? names.join(' ') : 'no arguments'}`, {
            hint: `See chartlift ${command} --help`,
        });
    const cache = values.cache ?? (0,layout/* defaultCachePath */.T2)();
    const reach = { plainHttp: values['plain-http'] ?? false, caFile: values['ca-file'], tokenHosts: values['token-hosts'] };
    const keyless = {
        certificateIdentity: values['certificate-identity'],
        certificateIdentityRegexp: values['certificate-identity-regexp'],
        certificateOidcIssuer: values['certificate-oidc-issuer'],
        type: values.type,
        trustedRoot: values['trusted-root'],
        certificateGithubWorkflowRepository: values['certificate-github-workflow-repository'],
        signatureFormat: values['signature-format'],
    };
    const ifExists = (0,setting_values/* ifExistsValue */.hP)(values['if-exists'] ?? '', '--if-exists');
    // REF as helm takes it too: oci://host/path/name --version X.
    const ref = (i) => withVersion(args[i], values.version);
    switch (command) {
        case 'registry login':
            await loginCommand(args[0], { ...reach, username: values.username, passwordStdin: values['password-stdin'] });
            break;
        case 'registry logout':
            await logoutCommand(args[0]);
            break;
        case 'chart save':
            await (0,chart_commands/* saveCommand */.po)(args[0], args[1], cache, {
                sign: values.sign ?? false,
                key: values.key,
                keyring: values.keyring,
                passphraseFile: values['passphrase-file'],
            });
            break;
        case 'chart list':
            await (0,chart_commands/* listCommand */.Iu)(cache);
            break;
        case 'chart export':
            await (0,chart_commands/* exportCommand */.c1)(ref(0), cache, values.destination ?? '.');
            break;
        case 'chart push':
            await (0,chart_commands/* pushCommand */.Wf)(ref(0), cache, { ...reach, ifExists });
            break;
        case 'chart remove':
            await (0,chart_commands/* removeCommand */.mR)(ref(0), cache);
            break;
        case 'chart pull':
            await (0,chart_commands/* pullCommand */.TW)(ref(0), cache, { ...reach, verify: values.verify ?? false, keyring: values.keyring, keyless });
            break;
        case 'chart verify':
            await (await __webpack_require__.e(/* import() */ 989).then(__webpack_require__.bind(__webpack_require__, 33989))).verifyCommand(ref(0), { ...reach, ...keyless });
            break;
    }
    return 0;
}
main(process.argv.slice(2)).then(exit, (err) => {
    (0,print/* printError */.yJ)(`Error: ${(0,errors/* errorLine */.BP)(err, hints/* CLI_HINTS */.I)}`);
    exit(1);
});
/**
 * Ends the process once what it printed is written out: a pipe (chartlift chart list | tail) takes its
 * buffer's worth at a time, and an exit that did not wait cut the output off there. Exits rather than
 * waiting for the event loop to empty: a connection kept alive must not hold the command.
 */
function exit(code) {
    process.exitCode = code;
    (0,print/* afterPrinted */.bT)(() => process.exit(code));
}


/***/ }),

/***/ 77593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ closestOption),
/* harmony export */   i: () => (/* binding */ readArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


const OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    cache: { type: 'string' },
    username: { type: 'string', short: 'u' },
    'password-stdin': { type: 'boolean' },
    'plain-http': { type: 'boolean' },
    'ca-file': { type: 'string' },
    'token-hosts': { type: 'string' },
    destination: { type: 'string', short: 'd' },
    'if-exists': { type: 'string' },
    sign: { type: 'boolean' },
    key: { type: 'string' },
    keyring: { type: 'string' },
    'passphrase-file': { type: 'string' },
    verify: { type: 'boolean' },
    version: { type: 'string' },
    'certificate-identity': { type: 'string' },
    'certificate-identity-regexp': { type: 'string' },
    'certificate-oidc-issuer': { type: 'string' },
    'certificate-github-workflow-repository': { type: 'string' },
    type: { type: 'string' },
    'trusted-root': { type: 'string' },
    'signature-format': { type: 'string' },
};
/** What each option's value is called in the help. */
const VALUE_NAMES = {
    cache: 'DIR',
    username: 'USER',
    'ca-file': 'FILE',
    'token-hosts': 'HOSTS',
    destination: 'DIR',
    'if-exists': 'fail|skip|overwrite',
    key: 'NAME',
    keyring: 'FILE',
    'passphrase-file': 'FILE',
    version: 'VERSION',
    'certificate-identity': 'ID',
    'certificate-identity-regexp': 'REGEXP',
    'certificate-oidc-issuer': 'URL',
    'certificate-github-workflow-repository': 'OWNER/REPO',
    type: 'signature|slsaprovenance',
    'trusted-root': 'FILE',
    'signature-format': 'bundle|classic|both',
};
/**
 * The command line read as the CLI's options, its failures in the CLI's own words (Node's parser
 * speaks of positional arguments and `--` to a person who mistyped a flag): an unknown option with the
 * closest known one, an option that lacks its value with what the value is.
 */
function readArgs(argv) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (err) {
        const code = err.code;
        const see = `See chartlift ${commandOf(argv)}--help`;
        if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
            const given = /'([^']+)'/.exec(err.message)?.[1] ?? '?';
            const near = closestOption(given, Object.keys(OPTIONS));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`unknown option ${given}${near ? ` (did you mean ${near}?)` : ''}`, { hint: see });
        }
        if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
            // "Option '--version <value>' argument missing", or "... argument is ambiguous" when the next word is an option.
            const name = /--([a-z][a-z-]*)/.exec(err.message)?.[1];
            if (name && name in OPTIONS)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--${name} needs a value (--${name} ${VALUE_NAMES[name] ?? 'VALUE'})`, { hint: see });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(err.message.split('\n')[0], { hint: see });
    }
}
/** The command words before the first option (`chart push `), for the help to point at. */
function commandOf(argv) {
    const words = [];
    for (const a of argv) {
        if (a.startsWith('-') || words.length === 2)
            break;
        words.push(a);
    }
    return words.length === 2 && ['chart', 'registry'].includes(words[0]) ? `${words.join(' ')} ` : '';
}
/** The known option (of `names`) nearest to `given` (at most a third of its letters off, or a prefix of it). */
function closestOption(given, names) {
    const bare = given.replace(/^-+/, '').split('=')[0];
    let best;
    for (const name of names) {
        const d = name.startsWith(bare) && bare.length >= 3 ? 1 : distance(bare, name);
        if (!best || d < best.d)
            best = { name, d };
    }
    return best && best.d <= Math.max(1, Math.floor(bare.length / 3)) ? `--${best.name}` : undefined;
}
/** Levenshtein distance. */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}


/***/ }),

/***/ 11815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c1: () => (/* binding */ exportCommand),
  Iu: () => (/* binding */ listCommand),
  TW: () => (/* binding */ pullCommand),
  Wf: () => (/* binding */ pushCommand),
  mR: () => (/* binding */ removeCommand),
  po: () => (/* binding */ saveCommand),
  SV: () => (/* binding */ withClient)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/layout.ts
var oci_layout = __webpack_require__(25823);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/release/build.ts + 1 modules
var build = __webpack_require__(45598);
// EXTERNAL MODULE: ./src/release/cached.ts
var cached = __webpack_require__(28567);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/chart/load-archive.ts + 1 modules
var load_archive = __webpack_require__(75189);
;// CONCATENATED MODULE: ./src/release/export.ts




/**
 * Unpacks a cached chart into `<dir>/<name>/` (Helm 3.0\u20133.6's `helm chart export`). The archive is read
 * with the same checks as any chart archive (no absolute paths, no `..`, no links), and every path is
 * checked again to land inside the target. A non-empty target is refused: nothing is overwritten.
 */
async function exportChart(cached, dir) {
    const base = external_node_path_default().resolve(dir);
    const target = external_node_path_default().resolve(base, cached.name);
    // The folder is named after the chart: it must be one element inside the target folder, whatever the config says.
    if (external_node_path_default().dirname(target) !== base || cached.name !== external_node_path_default().basename(target))
        throw new errors/* UserError */.yo(`the chart name ${JSON.stringify(cached.name)} would put the chart outside ${base}`, {
            hint: 'The chart is hostile or broken: nothing was written',
        });
    try {
        if ((await (0,promises_.readdir)(target)).length > 0)
            throw new errors/* UserError */.yo('the folder exists and is not empty', { where: target, hint: 'Remove it, or export elsewhere with -d DIR' });
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            throw err;
        if ((0,errors/* fsCode */.r0)(err) !== 'ENOENT')
            throw err;
    }
    const files = await (0,load_archive/* readChartArchive */.h)(cached.artifact.chart, `${cached.name} ${cached.version}`);
    for (const f of files) {
        const out = external_node_path_default().resolve(target, f.name);
        if (!out.startsWith(target + (external_node_path_default()).sep))
            throw new errors/* UserError */.yo(`the archive entry ${f.name} would land outside ${target}`, {
                hint: 'The chart archive is hostile or broken: nothing more was written',
            });
        await (0,promises_.mkdir)(external_node_path_default().dirname(out), { recursive: true });
        await (0,promises_.writeFile)(out, f.data, { mode: 0o644 });
    }
    return target;
}

// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/artifact/parse.ts
var parse = __webpack_require__(72781);
;// CONCATENATED MODULE: ./src/util/human-duration.ts
/** A duration as Docker and Helm print it: "Less than a second", "27 seconds", "About an hour", "2 hours", "3 days". */
function humanDuration(ms) {
    const s = Math.round(ms / 1000);
    if (s < 1)
        return 'Less than a second';
    if (s === 1)
        return '1 second';
    if (s < 60)
        return `${s} seconds`;
    const m = Math.round(s / 60);
    if (m === 1)
        return 'About a minute';
    if (m < 60)
        return `${m} minutes`;
    const h = Math.round(s / 3600);
    if (h === 1)
        return 'About an hour';
    if (h < 48)
        return `${h} hours`;
    if (h < 24 * 7 * 2)
        return `${Math.round(h / 24)} days`;
    if (h < 24 * 30 * 2)
        return `${Math.round(h / 24 / 7)} weeks`;
    if (h < 24 * 365 * 2)
        return `${Math.round(h / 24 / 30)} months`;
    return `${Math.round(h / 24 / 365)} years`;
}

// EXTERNAL MODULE: ./src/util/human-size.ts
var human_size = __webpack_require__(78887);
// EXTERNAL MODULE: ./src/util/printable.ts
var printable = __webpack_require__(41095);
;// CONCATENATED MODULE: ./src/release/list.ts







/**
 * Helm 3.0\u20133.6's `helm chart list` table: REF, NAME, VERSION, short DIGEST, SIZE, CREATED (when it was cached).
 *
 * Each entry's manifest, config, chart and provenance are read and checked against their digests, as
 * an export reads them, but each file once: index.json may name one manifest, or manifests one
 * chart, any number of times (an index of 100,000 entries naming one 128 MiB chart read it 100,000
 * times, and read index.json again for every entry).
 */
async function listCharts(layout, now = Date.now()) {
    const rows = [['REF', 'NAME', 'VERSION', 'DIGEST', 'SIZE', 'CREATED']];
    const once = memo();
    for (const entry of (await layout.readIndex()).manifests) {
        const ref = entry.annotations?.[media_types/* Annotation */.YH.refName];
        if (!ref || typeof ref !== 'string')
            continue;
        const short = typeof entry.digest === 'string' ? entry.digest.slice(7, 14) : '?';
        try {
            const c = await once(`manifest ${entry.digest}`, () => listed(layout, ref, entry.digest, once));
            rows.push([ref, c.name, c.version, short, (0,human_size/* humanSize */.X)(c.size), humanDuration(now - c.cachedAt)]);
        }
        catch {
            rows.push([ref, '?', '?', short, '?', 'damaged: pull or save it again']);
        }
    }
    return rows;
}
/** What the list shows of one manifest, every blob it names there and intact. */
async function listed(layout, ref, digest, once) {
    const { manifest, chartLayer, provLayer } = (0,parse/* parseChartManifest */.j$)(await layout.readBlob(digest, cached/* CACHED_BLOB_BYTES */.H.manifest), ref);
    const { name, version } = await once(`config ${manifest.config.digest}`, async () => (0,parse/* readChartConfig */.$H)(await layout.readBlob(manifest.config.digest, cached/* CACHED_BLOB_BYTES */.H.config), ref));
    const size = (d, maxBytes) => once(`blob ${d}`, async () => (await layout.readBlob(d, maxBytes)).length);
    const chart = await size(chartLayer.digest, cached/* CACHED_BLOB_BYTES */.H.chart);
    if (provLayer)
        await size(provLayer.digest, cached/* CACHED_BLOB_BYTES */.H.provenance);
    return { name, version, size: chart, cachedAt: (await (0,promises_.stat)(layout.blobPath(digest))).mtimeMs };
}
/** One promise per key: made by `make` the first time, reused after (its failure too). */
function memo() {
    const made = new Map();
    return (key, make) => {
        let p = made.get(key);
        if (!p)
            made.set(key, (p = make()));
        return p;
    };
}
/** Columns padded to their widest cell plus a tab, as Go's tabwriter lays that table out. */
function formatTable(table) {
    const rows = table.map((r) => r.map(printable/* printable */.g));
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : `${cell.padEnd(widths[i])}\t`)).join('')).join('\n');
}

// EXTERNAL MODULE: ./src/sign/provenance.ts + 1 modules
var provenance = __webpack_require__(31863);
// EXTERNAL MODULE: ./src/release/pull.ts
var pull = __webpack_require__(27458);
// EXTERNAL MODULE: ./src/release/outcome.ts
var release_outcome = __webpack_require__(82641);
// EXTERNAL MODULE: ./src/release/report.ts
var report = __webpack_require__(89823);
// EXTERNAL MODULE: ./src/release/save.ts
var save = __webpack_require__(11144);
// EXTERNAL MODULE: ./src/sign/signer.ts
var signer = __webpack_require__(92227);
// EXTERNAL MODULE: ./src/cli/print.ts
var print = __webpack_require__(79381);
// EXTERNAL MODULE: ./src/cli/keyless-flags.ts
var keyless_flags = __webpack_require__(13334);
// EXTERNAL MODULE: ./src/cli/registries.ts
var cli_registries = __webpack_require__(17715);
;// CONCATENATED MODULE: ./src/cli/chart-commands.ts

















async function saveCommand(dir, ref, cache, flags) {
    const sign = await signOptions(flags);
    const packaged = await (0,build/* packageSource */.iJ)(dir, {
        env: process.env,
        workspace: process.env.GITHUB_WORKSPACE || undefined,
        signer: sign && (0,signer/* startSigner */.F)(sign),
        log: { info: () => { }, warn: (line) => (0,print/* printError */.yJ)(`warning: ${line}`) },
    });
    const built = (0,build/* bindRef */.Zp)(packaged, ref);
    if (packaged.looseVersion)
        (0,print/* printError */.yJ)(`warning: ${dir}: chart version ${JSON.stringify(built.chart.metadata.version)} is not SemVer 2; Helm takes it (tag ${built.ref.tag}), but tools that sort tags as SemVer 2 (Artifact Hub, Renovate) may misorder it. Write MAJOR.MINOR.PATCH in Chart.yaml, e.g. version: 1.2.0`);
    if (built.pathAsGiven)
        (0,print/* printError */.yJ)(`notice: ${(0,report/* loweredLine */.nH)(built.pathAsGiven, built.ref.repository)}`);
    await (0,save/* saveToCache */.$)(cache, built.refName, built.artifact);
    const { name, version } = built.chart.metadata;
    const lines = (0,report/* describeLines */.BT)(built.refName, { artifact: built.artifact, name, version });
    if (built.signed)
        lines.push(`signed:  ${built.signed.fingerprint} (${built.signed.userId})`);
    (0,print/* print */.yy)([...lines, `${built.ref.tag}: saved`].join('\n'));
}
/** `--sign --key NAME --keyring FILE [--passphrase-file FILE]`, as `helm package --sign` takes them. */
async function signOptions(flags) {
    if (!flags.sign) {
        if (flags.key || flags.passphraseFile)
            throw new errors/* UserError */.yo('--key and --passphrase-file go with --sign', { hint: 'Add --sign' });
        return undefined;
    }
    if (!flags.keyring)
        throw new errors/* UserError */.yo('--sign needs --keyring FILE', {
            hint: 'A private key file: gpg --export-secret-keys [--armor] KEY > FILE (a secring.gpg as helm takes it)',
        });
    const keys = await readFlagFile(flags.keyring, '--keyring');
    const passphrase = flags.passphraseFile
        ? (await readFlagFile(flags.passphraseFile, '--passphrase-file')).toString('utf8').replace(/\r?\n$/, '')
        : undefined;
    return { keys, passphrase, keyName: flags.key };
}
async function readFlagFile(file, flag) {
    try {
        return await (0,promises_.readFile)(file);
    }
    catch (err) {
        throw new errors/* UserError */.yo(`cannot read ${flag} ${file} (${(0,errors/* fsCode */.r0)(err) ?? err.message})`, { hint: 'Check the path' });
    }
}
async function listCommand(cache) {
    (0,print/* print */.yy)(formatTable(await listCharts(new oci_layout/* Layout */.PE(cache))));
}
async function exportCommand(ref, cache, dir) {
    const refName = (0,reference/* refString */.nw)((0,reference/* parseReference */.F2)(ref));
    const c = await (0,cached/* readCached */.J)(new oci_layout/* Layout */.PE(cache), refName);
    const target = await exportChart(c, dir);
    const shown = (dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`) + `${c.name}/`;
    (0,print/* print */.yy)([...(0,report/* describeLines */.BT)(refName, c), `Exported chart to ${target.endsWith(shown.slice(0, -1)) ? shown : `${target}/`}`].join('\n'));
}
async function removeCommand(ref, cache) {
    const r = (0,reference/* parseReference */.F2)(ref);
    const refName = (0,reference/* refString */.nw)(r);
    const layout = new oci_layout/* Layout */.PE(cache);
    if (!(await layout.remove(refName))) {
        throw new errors/* UserError */.yo(`${refName} is not in the cache`, { hint: 'See `chartlift chart list`' });
    }
    (0,print/* print */.yy)(`${r.tag}: removed`);
}
/** A client for `registry` with stored credentials (Helm's, then Docker's); its connections closed after `fn`. */
async function withClient(registry, reach, fn) {
    const registries = await (0,cli_registries/* openCliRegistries */._)(reach);
    try {
        return await fn(await registries.client(registry));
    }
    finally {
        await registries.close();
    }
}
async function pushCommand(ref, cache, options) {
    const r = (0,reference/* parseReference */.F2)(ref);
    const refName = (0,reference/* refString */.nw)(r);
    const c = await (0,cached/* readCached */.J)(new oci_layout/* Layout */.PE(cache), refName);
    (0,print/* print */.yy)(`The push refers to repository [${r.registry}/${r.repository}]`);
    // What stands afterwards is what is printed and what the cache holds (the registry's copy of the same chart, or what skip kept).
    const outcome = await withClient(r.registry, options, (client) => (0,release_outcome/* pushAndCache */.G)(client, r, refName, c.artifact, options.ifExists, cache));
    (0,print/* print */.yy)((0,report/* outcomeLines */.qx)(outcome, c).join('\n'));
}
async function pullCommand(ref, cache, options) {
    const r = (0,reference/* parseReference */.F2)(ref);
    const refName = (0,reference/* refString */.nw)(r);
    // --verify checks Helm's provenance (--keyring), the keyless signature (--certificate-identity \u2026), or both.
    const keyless = (0,keyless_flags/* wantsKeyless */.qR)(options.keyless);
    if (keyless && !options.verify)
        throw new errors/* UserError */.yo('--certificate-identity and the other keyless flags go with --verify');
    if (options.verify && !options.keyring && !keyless)
        throw new errors/* UserError */.yo('--verify needs --keyring FILE (Helm provenance) or --certificate-identity and --certificate-oidc-issuer (a keyless signature)', {
            hint: 'The public keys of the signer: gpg --export KEY > FILE',
        });
    const keylessWanted = keyless ? await (0,keyless_flags/* keylessCheck */.bg)(options.keyless) : undefined;
    const keyring = options.verify && options.keyring ? await readFlagFile(options.keyring, '--keyring') : undefined;
    (0,print/* print */.yy)(`${r.tag}: Pulling from ${r.registry}/${r.repository}`);
    let verified;
    let signedKeyless;
    const outcome = await withClient(r.registry, options, (client) => (0,pull/* pullChart */.q)(client, r, new oci_layout/* Layout */.PE(cache), async (pulled) => {
        if (keyring) {
            if (!pulled.provenance)
                throw new errors/* UserError */.yo(`${refName} has no provenance: it was not signed`, {
                    hint: 'Pull without --verify, or ask for a signed chart',
                });
            verified = await (0,provenance.verifyProvenance)(pulled.provenance, pulled.chart, (0,provenance.archiveName)(pulled), keyring);
        }
        if (keylessWanted) {
            const { verifyKeylessReferrer } = await __webpack_require__.e(/* import() */ 883).then(__webpack_require__.bind(__webpack_require__, 70883));
            signedKeyless = await verifyKeylessReferrer(client, r.repository, pulled.digest, keylessWanted);
        }
    }));
    if (verified)
        (0,print/* print */.yy)(`Signed by: ${verified.userId} (${verified.fingerprint})`);
    if (signedKeyless)
        (0,print/* print */.yy)(`Signed keylessly by: ${signedKeyless.identity} (${signedKeyless.referrer})`);
    const status = outcome.downloaded ? `Status: Downloaded newer chart for ${refName}` : `Status: Chart is up to date for ${refName}`;
    (0,print/* print */.yy)([...(0,report/* describeLines */.BT)(refName, outcome.cached), status].join('\n'));
}


/***/ }),

/***/ 87911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ HELP)
/* harmony export */ });
/** Usage text for every command (`--help`). */
const HELP = {
    '': `chartlift: publish Helm charts to OCI registries, natively.

Usage: chartlift <command> [options]

Commands:
  publish CHART... --ref REF...   the action's whole publication: package, push, sign, attest, once
  registry login [-u USER] [--password-stdin] [--plain-http] HOST   log in to a registry
  registry logout HOST                                              log out of a registry
  chart save DIR REF [--sign]     package a chart folder (or .tgz) and save it in the cache
  chart list                      list the charts in the cache
  chart export REF [-d DIR]       unpack a cached chart into DIR/<name>/
  chart push REF                  push a cached chart to its registry
  chart remove REF                remove a chart from the cache
  chart pull REF [--verify]       pull a chart from a registry into the cache
  chart verify REF                check a pushed chart's keyless signature or attestation

Global options:
  --cache DIR    the OCI-layout cache (default: Helm's registry cache, ~/.cache/helm/registry/cache)
  -h, --help     help for a command
  --version      print Chartlift's version (alone: chartlift --version)

REF is a full reference, host[:port]/path/name:tag; pull, export, push and remove also take it as
helm does, oci://host[:port]/path/name --version VERSION. Credentials are Helm's (registry login)
and Docker's, shared with helm.`,
    publish: `Usage: chartlift publish CHART... --ref REF... [options]

Publishes as the GitHub Action does, for GitLab CI, any other CI and a terminal: each CHART (a chart
folder, a packaged .tgz, or a pattern: charts/*, charts/**, !charts/skip) is packaged reproducibly, saved
in the cache and pushed to every REF (oci://host/namespace, or a full reference), exactly once: a tag
that holds the same chart is left alone (unchanged); a different one meets --if-exists. Exit status 0
when every chart succeeded, 1 otherwise.

Every option is the action's input of the same name, and may come from CHARTLIFT_<NAME> instead
(--if-exists: CHARTLIFT_IF_EXISTS; the charts: CHARTLIFT_CHART, one a line). In a GitLab CI job,
CI_PROJECT_DIR, CI_PROJECT_URL and, for a REF on CI_REGISTRY with no credentials given, the job's own
login (CI_REGISTRY_USER, CI_REGISTRY_PASSWORD) are used.

Where to, and how:
  --ref REF                    where to publish (repeat for several)
  -u, --username USER          the first REF's registry user, with --password-stdin or CHARTLIFT_PASSWORD
  --password-stdin             read the password from standard input
  --no-push, --push=false      package and save to the cache only
  --if-exists fail|skip|overwrite   a tag holding different content: fail (default), keep it, or replace it
  --plain-http                 talk HTTP instead of HTTPS
  --ca-file FILE               trust this PEM bundle besides the system's roots
  --token-hosts HOSTS          hosts besides a registry's own that may serve its login tokens (comma-separated;
                               in a GitLab job, CI_SERVER_URL's host is one)
  --insecure-skip-tls-verify   check no TLS certificate (loudly warned; prefer --ca-file)
  --retries N                  tries again after a transient failure (default 8)
  --timeout SECONDS            one request's time (default 60)
  --cache DIR                  the OCI-layout cache (default: Helm's registry cache)
What is built:
  --version VERSION            the chart version to publish (a leading v is dropped)
  --app-version VERSION        the appVersion
  --annotations KEY=VALUE      an extra manifest annotation (repeat for several)
  --layer-media-type modern|legacy   legacy: application/tar+gzip, for Helm 3.0\u20133.6
Signing:
  --sign-key FILE              sign with this armoured OpenPGP private key (or CHARTLIFT_SIGN_KEY: the key)
  --sign-passphrase-file FILE  its passphrase (or CHARTLIFT_SIGN_PASSPHRASE)
  --sign-key-name NAME         which key of several signs
  --sign-key-url URL           where the public key is (artifacthub.io/signKey)
  --keyless-sign               sign the manifest digest keylessly (Sigstore), once
  --attest                     attest the build's SLSA provenance (a GitLab CI job's), once
  --signature-format bundle|classic|both   a Sigstore bundle as a referrer, cosign's classic .sig/.att
                               tags, or both (the default)
  --identity-token-file FILE   the OIDC token for Sigstore (default: SIGSTORE_ID_TOKEN)
  --certificate-identity ID, --certificate-oidc-issuer URL
                               the identity Sigstore certifies, for a CI whose token does not say it
                               (GitLab's and GitHub's do)
  --fulcio-url URL, --rekor-url URL, --tsa-url URL, --trusted-root FILE
                               a private Sigstore instance (default: Sigstore's public-good one)
Artifact Hub:
  --artifacthub-repo FILE      an artifacthub-repo.yml for every chart (default: each chart folder's)
  --artifacthub-lint error|warn   a malformed artifacthub.io/* annotation fails (default) or warns
Plans:
  --plan                       say what a publish would do, chart by chart and ref by ref; write nothing
  --expect-digest DIGEST|JSON|@FILE   refuse a chart whose build is not the digest its plan built
Results:
  --output json                print the charts JSON on standard output (the log goes to standard error)
  --dotenv FILE                write DIGEST, DIGEST_REF, STATUS, \u2026 and CHARTS for a later job
                               (GitLab: artifacts: reports: dotenv: FILE)

Keyless signing needs Node.js 22.22+ or 24.15+; the rest runs on Node.js 20.18+.`,
    'registry login': `Usage: chartlift registry login [-u USER] [--password-stdin] [--plain-http] [--ca-file FILE] [--token-hosts HOSTS] HOST

Checks the credentials against the registry and stores them in Helm's registry config, as
helm registry login does. Without --password-stdin the password is asked for (not echoed).

Options:
  -u, --username USER   the user name (asked for when missing)
  --password-stdin      read the password from standard input
  --plain-http          talk HTTP instead of HTTPS
  --ca-file FILE        trust the registry's certificate from this PEM bundle (besides the system's roots)
  --token-hosts HOSTS   hosts besides the registry's own that may serve its tokens (a self-managed GitLab's
                        host), comma-separated; also read from CHARTLIFT_TOKEN_HOSTS`,
    'registry logout': `Usage: chartlift registry logout HOST

Removes the stored login for HOST from Helm's registry config.`,
    'chart save': `Usage: chartlift chart save DIR REF [--sign --keyring FILE [--key NAME] [--passphrase-file FILE]]

Packages the chart in DIR (or the packaged chart DIR.tgz) reproducibly and saves it in the
cache as REF. REF may also be oci://host/namespace (the chart name and version are appended).

Options:
  --sign                   make a provenance file (.prov) as helm package --sign does, saved beside the chart
  --keyring FILE           the private keys: gpg --export-secret-keys [--armor] KEY > FILE
  --key NAME               which key signs (a user id, or part of one, or a fingerprint)
  --passphrase-file FILE   the key's passphrase`,
    'chart list': `Usage: chartlift chart list

Lists the charts in the cache: REF, NAME, VERSION, DIGEST (the manifest's), SIZE, CREATED.`,
    'chart export': `Usage: chartlift chart export REF [--version VERSION] [-d DIR]

Unpacks the cached chart REF into DIR/<name>/ (DIR defaults to the current folder).

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)
  -d, --destination DIR   where to unpack`,
    'chart push': `Usage: chartlift chart push REF [--version VERSION] [--plain-http] [--ca-file FILE] [--token-hosts HOSTS] [--if-exists fail|skip|overwrite]

Pushes the cached chart REF to its registry with the stored credentials.

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)
  --plain-http           talk HTTP instead of HTTPS
  --ca-file FILE         trust the registry's certificate from this PEM bundle (besides the system's roots)
  --token-hosts HOSTS    hosts besides the registry's own that may serve its tokens (also CHARTLIFT_TOKEN_HOSTS)
  --if-exists POLICY     when the tag holds other content: fail (default), skip or overwrite`,
    'chart remove': `Usage: chartlift chart remove REF [--version VERSION]

Removes REF from the cache, and the blobs no other cached chart uses.

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)`,
    'chart pull': `Usage: chartlift chart pull REF [--version VERSION] [--plain-http] [--ca-file FILE] [--verify [--keyring FILE] [--certificate-identity ID --certificate-oidc-issuer URL ...]]

Pulls REF from its registry into the cache, verifying every blob's digest and size.

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)
  --plain-http       talk HTTP instead of HTTPS
  --ca-file FILE     trust the registry's certificate from this PEM bundle (besides the system's roots)
  --token-hosts HOSTS  hosts besides the registry's own that may serve its tokens (also CHARTLIFT_TOKEN_HOSTS)
  --verify           check the chart's provenance as helm pull --verify does (with --keyring), its keyless
                     signature (with --certificate-identity and --certificate-oidc-issuer, as chart verify,
                     in either form unless --signature-format names one), or both; nothing is saved if a
                     check fails
  --keyring FILE     the signers' public keys: gpg --export KEY > FILE`,
    'chart verify': `Usage: chartlift chart verify REF [--version VERSION] --certificate-identity ID --certificate-oidc-issuer URL [--certificate-github-workflow-repository OWNER/REPO] [--type signature|slsaprovenance] [--signature-format bundle|classic|both] [--trusted-root FILE] [--plain-http] [--ca-file FILE]

Checks that the manifest REF points at carries a keyless Sigstore signature (or, with
--type slsaprovenance, a SLSA provenance attestation) made by ID, valid against Sigstore's
public-good trusted root (fetched and verified through its TUF repository) or FILE, and says
where it found it: a Sigstore bundle among the manifest's referrers (cosign 3), or a layer of
cosign's classic tag sha256-<hex>.sig (.att for an attestation; cosign 2). Needs Node.js
22.22+ or 24.15+.

Options:
  --certificate-identity ID          the signer: the certificate's SAN, e.g. a workflow's
                                     https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main
  --certificate-identity-regexp RE   the signer, as a regular expression instead
  --certificate-oidc-issuer URL      its OIDC issuer (GitHub Actions: https://token.actions.githubusercontent.com)
  --certificate-github-workflow-repository OWNER/REPO
                                     the repository whose workflow ran: a reusable workflow signs as
                                     itself (its own path is the identity), this names its caller
  --type TYPE                        signature (default) or slsaprovenance
  --signature-format FORM            the form that must verify: bundle (a referrer), classic
                                     (the .sig/.att tag) or both; without it, either (bundle first)
  --trusted-root FILE                a Sigstore instance's trusted_root.json (a private instance)
  --plain-http                       talk HTTP instead of HTTPS
  --ca-file FILE                     trust the registry's certificate from this PEM bundle
  --token-hosts HOSTS                hosts besides the registry's own that may serve its tokens (also CHARTLIFT_TOKEN_HOSTS)`,
};


/***/ }),

/***/ 86324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ CLI_HINTS)
/* harmony export */ });
/** What to do, in the CLI's words: its commands and flags. */
const CLI_HINTS = {
    unauthorized: 'Log in first: chartlift registry login HOST (or helm registry login)',
    'https-expected': 'Drop --plain-http',
    'http-expected': 'For a registry served over plain HTTP, add --plain-http',
    'tls-untrusted': 'Trust its CA with NODE_EXTRA_CA_CERTS=ca.pem (or SSL_CERT_FILE, or --ca-file ca.pem), or fix the certificate',
    'connection-refused': 'Check the registry host and port, and that the registry is running',
    'unknown-host': 'Check the registry host name',
    'cache-unwritable': 'Give --cache a writable folder',
    'chart-missing': 'Give chart save a chart folder (holding Chart.yaml) or a packaged .tgz',
    'no-chart-yaml': 'Give chart save the folder that holds Chart.yaml',
    'username-colon': 'Check the user name given with -u',
    'ca-file-unreadable': 'Check the path of the CA file',
    'ca-file-not-pem': 'A CA file is a PEM bundle (-----BEGIN CERTIFICATE-----)',
    'sign-key-unreadable': 'Give --keyring a private key file (gpg --export-secret-keys [--armor] KEY > FILE)',
    'sign-passphrase': 'Give the passphrase with --passphrase-file FILE',
    'sign-key-name': 'Name the key that signs with --key (a user id or fingerprint)',
    'ghcr-denied': 'Log in with a personal access token that has the write:packages scope (chartlift registry login ghcr.io) and, for an existing package, grant that user Write access in the package settings',
    'reset-over-plain-http': 'If the registry speaks HTTPS, drop --plain-http',
    'token-realm-refused': 'If that host is this registry\u2019s token service (a self-managed GitLab\u2019s is the GitLab host, not the registry\u2019s), give --token-hosts HOST (or set CHARTLIFT_TOKEN_HOSTS=HOST)',
    'tag-immutable': 'Publish a new chart version (the registry keeps a published tag as it is), or give --if-exists skip to keep what is there',
    'referrers-refused': 'This registry stores no OCI 1.1 referrers: publish the chart without keyless signatures and attestations there, or to a registry that keeps them',
    'referrers-tag-immutable': 'Exempt sha256-* tags from the registry\u2019s tag immutability (ECR: IMMUTABLE_WITH_EXCLUSION with the wildcard filter sha256-*; Harbor: exclude sha256-** in the rule)',
    'rate-limited': 'Wait until then, or log in first (chartlift registry login HOST): an authenticated user has a higher limit',
    'expect-digest': "Give --expect-digest the digest the plan built for this chart (its matrix entry's), or the plan's JSON (@plan.json)",
    'version-invalid': 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
};


/***/ }),

/***/ 13334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ke: () => (/* binding */ checkNodeForSigstore),
/* harmony export */   bg: () => (/* binding */ keylessCheck),
/* harmony export */   qR: () => (/* binding */ wantsKeyless)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _release_signature_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(90175);
/* harmony import */ var _sign_keyless_statement_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42349);





/** cosign's `--type` names for what is checked: a signature, or a SLSA provenance attestation. */
const TYPES = {
    signature: _sign_keyless_statement_js__WEBPACK_IMPORTED_MODULE_3__/* .COSIGN_SIGN_PREDICATE_TYPE */ .Z4,
    slsaprovenance: _sign_keyless_statement_js__WEBPACK_IMPORTED_MODULE_3__/* .SLSA_PROVENANCE_V1_PREDICATE_TYPE */ .vg,
    slsaprovenance1: _sign_keyless_statement_js__WEBPACK_IMPORTED_MODULE_3__/* .SLSA_PROVENANCE_V1_PREDICATE_TYPE */ .vg,
};
/** Whether any keyless flag was given (then `pull --verify` checks the keyless signature). */
function wantsKeyless(flags) {
    return Boolean(flags.certificateIdentity ||
        flags.certificateIdentityRegexp ||
        flags.certificateOidcIssuer ||
        flags.trustedRoot ||
        flags.type ||
        flags.certificateGithubWorkflowRepository ||
        flags.signatureFormat);
}
/** sigstore-js runs on Node 22.22.2+ and 24.15+ (its engines); older ones are told so, not failed obscurely. */
function checkNodeForSigstore(version = process.versions.node) {
    const [major, minor] = version.split('.').map(Number);
    if ((major === 22 && minor >= 22) || (major === 24 && minor >= 15) || major >= 26)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`keyless verification needs Node.js 22.22 or later 22.x, or 24.15 or later (this is ${version})`, {
        hint: 'Run chartlift with a newer node; the rest of the CLI runs on Node 20 and later',
    });
}
/** What to verify, from the flags: the identity and issuer are required, as cosign requires them. */
async function keylessCheck(flags) {
    checkNodeForSigstore();
    if (!flags.certificateIdentity === !flags.certificateIdentityRegexp)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('give --certificate-identity (or --certificate-identity-regexp), exactly one', {
            hint: 'The signer you trust, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main',
        });
    if (!flags.certificateOidcIssuer)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('give --certificate-oidc-issuer', { hint: 'For GitHub Actions: https://token.actions.githubusercontent.com' });
    const predicateType = TYPES[flags.type ?? 'signature'];
    if (!predicateType)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--type takes signature or slsaprovenance, not ${JSON.stringify(flags.type)}`);
    let identity = flags.certificateIdentity ?? '';
    if (flags.certificateIdentityRegexp) {
        try {
            identity = new RegExp(flags.certificateIdentityRegexp);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--certificate-identity-regexp is not a regular expression: ${JSON.stringify(flags.certificateIdentityRegexp)}`);
        }
    }
    const format = flags.signatureFormat;
    if (format !== undefined && !_release_signature_format_js__WEBPACK_IMPORTED_MODULE_4__/* .SIGNATURE_FORMATS */ .g.includes(format))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--signature-format takes bundle, classic or both, not ${JSON.stringify(format)}`, {
            hint: 'bundle: a Sigstore bundle among the referrers (cosign 3); classic: the sha256-<hex>.sig / .att tag (cosign 2); both: each; without it, either',
        });
    const repository = flags.certificateGithubWorkflowRepository;
    if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--certificate-github-workflow-repository takes OWNER/REPO, not ${JSON.stringify(repository)}`);
    return {
        predicateType,
        identity,
        issuer: flags.certificateOidcIssuer,
        trustedRoot: await trustedRoot(flags.trustedRoot),
        githubWorkflowRepository: repository,
        format: format,
    };
}
async function trustedRoot(file) {
    const { publicGoodTrustedRoot, readTrustedRootFile } = await __webpack_require__.e(/* import() */ 820).then(__webpack_require__.bind(__webpack_require__, 93820));
    if (file)
        return readTrustedRootFile(file, '--trusted-root', "Give the Sigstore instance's trusted_root.json");
    const cache = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(process.env.XDG_CACHE_HOME || node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir(), '.cache'), 'chartlift', 'sigstore-tuf');
    try {
        return await publicGoodTrustedRoot(cache);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Sigstore's trusted root could not be fetched from its TUF repository (${err.message})`, {
            hint: "Check the network, or give the instance's trusted_root.json with --trusted-root FILE",
        });
    }
}


/***/ }),

/***/ 79381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bT: () => (/* binding */ afterPrinted),
/* harmony export */   yJ: () => (/* binding */ printError),
/* harmony export */   yy: () => (/* binding */ print)
/* harmony export */ });
/* harmony import */ var _util_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41095);

/**
 * The CLI's one way to the terminal: each line of `text` (the CLI's own line breaks) is printed
 * through `printableLine`, so no text from outside (a registry's error, a chart's field, a signer's
 * name) moves the cursor, retitles the window, forges a line of its own or reads as a workflow
 * command when the CLI runs in a CI log.
 */
function print(text) {
    process.stdout.write(lines(text));
}
/** `print` to standard error (errors and warnings). */
function printError(text) {
    process.stderr.write(lines(text));
}
function lines(text) {
    return `${text.split('\n').map(_util_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printableLine */ .o).join('\n')}\n`;
}
/** Calls `done` once everything printed so far is written out (a pipe takes its buffer's worth at a time). */
function afterPrinted(done) {
    process.stdout.write('', () => process.stderr.write('', done));
}


/***/ }),

/***/ 51934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ prompt),
/* harmony export */   v: () => (/* binding */ readStdin)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * Reads one line from a terminal; with `secret`, nothing is echoed (`helm registry login`'s `Password:`
 * prompt). Without a terminal, fails with the hint `otherwise`: how to give the value instead.
 */
async function prompt(question, secret, otherwise) {
    const stdin = process.stdin;
    if (!stdin.isTTY)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${question.replace(/:\s*$/, '')} is needed, but standard input is not a terminal`, { hint: otherwise });
    process.stderr.write(question);
    stdin.setRawMode(secret);
    stdin.resume();
    stdin.setEncoding('utf8');
    return new Promise((resolve, reject) => {
        let value = '';
        const onData = (chunk) => {
            for (const ch of chunk) {
                if (ch === '\r' || ch === '\n')
                    return done();
                if (ch === '\u0003')
                    return done(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('cancelled'));
                if (ch === '\u007f' || ch === '\b')
                    value = value.slice(0, -1);
                else
                    value += ch;
            }
        };
        const done = (err) => {
            stdin.off('data', onData);
            if (secret)
                stdin.setRawMode(false);
            stdin.pause();
            if (secret)
                process.stderr.write('\n');
            if (err)
                reject(err);
            else
                resolve(value);
        };
        stdin.on('data', onData);
    });
}
async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin)
        chunks.push(c);
    return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '');
}


/***/ }),

/***/ 17715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ openCliRegistries)
/* harmony export */ });
/* harmony import */ var _oci_tls_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42891);
/* harmony import */ var _release_registries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19217);
/* harmony import */ var _oci_token_realm_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48274);
/* harmony import */ var _print_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79381);




/** The CLI's registries: retries reported on stderr, stored credentials unless `given`. */
async function openCliRegistries(reach, given) {
    return (0,_release_registries_js__WEBPACK_IMPORTED_MODULE_1__.openRegistries)({
        log: (line) => (0,_print_js__WEBPACK_IMPORTED_MODULE_3__/* .printError */ .yJ)(line),
        ca: reach.caFile ? await (0,_oci_tls_options_js__WEBPACK_IMPORTED_MODULE_0__/* .readCaFile */ .R)(reach.caFile) : undefined,
        plainHttp: reach.plainHttp,
        tokenHosts: [...(0,_oci_token_realm_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenHostsFrom */ .bz)(reach.tokenHosts), ...(0,_oci_token_realm_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenHostsFrom */ .bz)(process.env[_oci_token_realm_js__WEBPACK_IMPORTED_MODULE_2__/* .TOKEN_HOSTS_VARIABLE */ .Rh])],
        credentialFor: given ? () => given : undefined,
    });
}


/***/ }),

/***/ 42349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ parseStatement),
/* harmony export */   D2: () => (/* binding */ provenanceStatement),
/* harmony export */   Go: () => (/* binding */ statementPayload),
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   Z4: () => (/* binding */ COSIGN_SIGN_PREDICATE_TYPE),
/* harmony export */   aj: () => (/* binding */ sameSubjectName),
/* harmony export */   cX: () => (/* binding */ SIGSTORE_BUNDLE_V03_MEDIA_TYPE),
/* harmony export */   fR: () => (/* binding */ ociSubjectName),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   q$: () => (/* binding */ signatureStatement),
/* harmony export */   vg: () => (/* binding */ SLSA_PROVENANCE_V1_PREDICATE_TYPE)
/* harmony export */ });
/* unused harmony export IN_TOTO_STATEMENT_V1 */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * The in-toto v1 statements a keyless signature and a build-provenance attestation carry, shaped as
 * cosign 3 and `actions/attest` write them so that their verifiers accept ours. No Sigstore code here:
 * this module is cheap to import on any path.
 */
/** `_type` of an in-toto v1 statement. */
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** The DSSE payload type of an in-toto statement. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** The predicate type of a cosign 3 image signature (cosign pkg/types CosignSignPredicateType). */
const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
/** The predicate type of a SLSA v1 build provenance (what actions/attest-build-provenance attests). */
const SLSA_PROVENANCE_V1_PREDICATE_TYPE = 'https://slsa.dev/provenance/v1';
/** The media type of a Sigstore bundle v0.3 (also the referrer's `artifactType` and layer media type). */
const SIGSTORE_BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const DIGEST = /^sha256:([0-9a-f]{64})$/;
/** The hex of a `sha256:<64 hex>` digest; anything else is refused. */
function sha256Hex(digest) {
    const m = DIGEST.exec(digest);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${digest}" is not a sha256 digest (sha256:<64 lowercase hex digits>)`);
    return m[1];
}
/**
 * The statement `cosign sign` (cosign 3, new bundle format) signs for an image digest: one subject
 * with the digest and empty annotations (cosign passes its `-a` annotations there; none here) and no
 * name, predicate type `https://sigstore.dev/cosign/sign/v1`, an empty predicate
 * (cosign cmd/cosign/cli/sign/sign.go, signDigestBundle).
 */
function signatureStatement(manifestDigest) {
    return {
        _type: IN_TOTO_STATEMENT_V1,
        subject: [{ digest: { sha256: sha256Hex(manifestDigest) }, annotations: {} }],
        predicateType: COSIGN_SIGN_PREDICATE_TYPE,
        predicate: {},
    };
}
/**
 * The statement `actions/attest-build-provenance` signs for an OCI artifact: one subject named after
 * the repository without tag or digest (e.g. `ghcr.io/acme/charts/web`, see {@link ociSubjectName}),
 * predicate type `https://slsa.dev/provenance/v1` and the given SLSA predicate.
 */
function provenanceStatement(subjectName, manifestDigest, predicate) {
    return {
        _type: IN_TOTO_STATEMENT_V1,
        subject: [{ name: subjectName, digest: { sha256: sha256Hex(manifestDigest) } }],
        predicateType: SLSA_PROVENANCE_V1_PREDICATE_TYPE,
        predicate,
    };
}
/**
 * The subject name actions/attest gives an image pushed to a registry: `<registry>/<repository>`,
 * lower-cased (as `docker/metadata-action` and `actions/attest` document for `subject-name`), no tag.
 */
function ociSubjectName(registry, repository) {
    return sameSubjectName(`${registry}/${repository}`.toLowerCase());
}
/** Docker Hub's host names: one registry (docker/distribution's reference normalisation). */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/**
 * A subject name as one registry is named, whichever of its names it was written with: Docker Hub as
 * `index.docker.io`, the name GitHub's and Docker's docs give actions/attest for it (so an attestation
 * made as `docker.io/acme/web` counts for `registry-1.docker.io/acme/web`, and the other way round).
 */
function sameSubjectName(name) {
    const slash = name.indexOf('/');
    return slash > 0 && DOCKER_HUB.has(name.slice(0, slash)) ? `index.docker.io${name.slice(slash)}` : name;
}
/** The DSSE payload of a statement: its JSON, as the bytes that are signed. */
function statementPayload(statement) {
    return Buffer.from(JSON.stringify(statement), 'utf8');
}
/** A statement read back from a DSSE payload, its shape checked (not its meaning: see verify.ts). */
function parseStatement(payload) {
    let parsed;
    try {
        parsed = JSON.parse(payload.toString('utf8'));
    }
    catch (cause) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the signed payload is not JSON', { cause, hint: 'The bundle does not hold an in-toto statement.' });
    }
    const s = parsed;
    if (!s ||
        typeof s !== 'object' ||
        s._type !== IN_TOTO_STATEMENT_V1 ||
        !Array.isArray(s.subject) ||
        typeof s.predicateType !== 'string' ||
        typeof s.predicate !== 'object' ||
        s.predicate === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the signed payload is not an in-toto v1 statement (_type ${IN_TOTO_STATEMENT_V1})`);
    return s;
}


/***/ })

};
