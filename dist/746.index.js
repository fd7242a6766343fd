export const id = 746;
export const ids = [746];
export const modules = {

/***/ 16271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PB: () => (/* binding */ inGitLabCi),
/* harmony export */   Pv: () => (/* binding */ PUBLIC_GITLAB_ISSUERS),
/* harmony export */   _Q: () => (/* binding */ gitLabIdentity),
/* harmony export */   kV: () => (/* binding */ gitLabDefaults),
/* harmony export */   rQ: () => (/* binding */ isGitLabToken),
/* harmony export */   yp: () => (/* binding */ gitLabProvenancePredicate)
/* harmony export */ });
/* unused harmony export GITLAB_BUILD_TYPE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * GitLab CI as `chartlift publish` meets it: the job's predefined variables (docs.gitlab.com/ci/variables/
 * predefined_variables; values as gitlab-org/gitlab's Project#predefined_*_variables and
 * Ci::Build#persisted_variables build them), the ID token an `id_tokens:` entry gives the job
 * (docs.gitlab.com/ci/secrets/id_token_authentication), the identity Sigstore's Fulcio certifies for it,
 * and the SLSA provenance GitLab itself writes for a job.
 */
/** Whether this process runs in a GitLab CI job (`GITLAB_CI=true`, set for every job). */
function inGitLabCi(env) {
    return env.GITLAB_CI === 'true';
}
function gitLabDefaults(env) {
    const password = env.CI_REGISTRY_PASSWORD || env.CI_JOB_TOKEN;
    let serverHost;
    try {
        serverHost = env.CI_SERVER_URL ? new URL(env.CI_SERVER_URL).host : undefined;
    }
    catch {
        serverHost = undefined;
    }
    return {
        workspace: env.CI_PROJECT_DIR || undefined,
        codeUrl: env.CI_PROJECT_URL || undefined,
        registry: env.CI_REGISTRY || undefined,
        credential: password ? { username: env.CI_REGISTRY_USER || 'gitlab-ci-token', password } : undefined,
        serverHost,
    };
}
/** Whether an ID token's claims are a GitLab job's (the claim Fulcio's gitlab-pipeline template needs for the SAN). */
function isGitLabToken(claims) {
    return typeof claims.ci_config_ref_uri === 'string' && typeof claims.project_path === 'string';
}
/**
 * The identity Fulcio certifies for a GitLab job's token: the SAN `https://` + ci_config_ref_uri (fulcio
 * config/identity/config.yaml, ci-provider gitlab-pipeline: `https://{{ .ci_config_ref_uri }}`, e.g.
 * https://gitlab.com/group/project//.gitlab-ci.yml@refs/heads/main) and the token's issuer.
 */
function gitLabIdentity(claims) {
    const c = checkClaims(claims);
    return { san: `https://${c.ci_config_ref_uri}`, issuer: c.iss };
}
/**
 * Sigstore's public Fulcio accepts GitLab tokens from these instances only (fulcio
 * config/identity/config.yaml, oidc-issuers of type ci-provider gitlab-pipeline); another self-managed
 * instance needs a Sigstore of its own (docs.gitlab.com/ci/yaml/signing_self_hosted).
 */
const PUBLIC_GITLAB_ISSUERS = [
    'https://gitlab.com',
    'https://dev.gitlab.org',
    'https://ops.gitlab.net',
    'https://gitlab.archlinux.org',
];
/** The SLSA build type of GitLab's own provenance (docs.gitlab.com/ci/pipeline_security/slsa/provenance_v1). */
const GITLAB_BUILD_TYPE = 'https://docs.gitlab.com/ci/pipeline_security/slsa/provenance_v1';
/**
 * The SLSA v1 provenance predicate of the job, in GitLab's build type, as gitlab-org/gitlab's
 * SupplyChain::Slsa::ProvenanceStatement fills it: the source and the job's name, the job, the commit,
 * the runner, the job as the invocation. Every value comes from the signed token (the job's name, which
 * no claim carries, from CI_JOB_NAME, as GitLab takes it from the job); the job's variables, which
 * GitLab's own statement lists, are left out (values a job holds are not for a public log).
 */
function gitLabProvenancePredicate(env, claims) {
    const c = checkClaims(claims);
    const server = (env.CI_SERVER_URL || c.iss).replace(/\/+$/, '');
    const project = `${server}/${c.project_path}`;
    return {
        buildDefinition: {
            buildType: GITLAB_BUILD_TYPE,
            externalParameters: { source: project, entryPoint: env.CI_JOB_NAME ?? '' },
            internalParameters: { job: String(c.job_id) },
            resolvedDependencies: [{ uri: project, digest: { gitCommit: c.sha } }],
        },
        runDetails: {
            builder: { id: `${project}/-/runners/${String(c.runner_id)}` },
            metadata: { invocationId: String(c.job_id) },
        },
    };
}
function checkClaims(claims) {
    const missing = ['iss', 'ci_config_ref_uri', 'project_path', 'sha'].filter((k) => typeof claims[k] !== 'string');
    for (const k of ['job_id', 'runner_id'])
        if (typeof claims[k] !== 'string' && typeof claims[k] !== 'number')
            missing.push(k);
    if (missing.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the ID token lacks the claims a GitLab job's token carries: ${missing.join(', ')}`, {
            hint: "Keyless signing in GitLab CI needs the job's ID token: id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }",
        });
    return claims;
}


/***/ }),

/***/ 76746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishCommand: () => (/* binding */ publishCommand)
});

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/layout.ts
var layout = __webpack_require__(25823);
// EXTERNAL MODULE: ./src/oci/tls-options.ts
var tls_options = __webpack_require__(42891);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/release/publish.ts + 6 modules
var publish = __webpack_require__(76483);
// EXTERNAL MODULE: ./src/release/registries.ts + 1 modules
var registries = __webpack_require__(19217);
// EXTERNAL MODULE: ./src/sign/signer.ts
var sign_signer = __webpack_require__(92227);
// EXTERNAL MODULE: ./src/release/results.ts
var release_results = __webpack_require__(21539);
// EXTERNAL MODULE: ./src/util/atomic-write.ts
var atomic_write = __webpack_require__(95105);
;// CONCATENATED MODULE: ./src/cli/dotenv.ts



/**
 * The dotenv report a later job reads (GitLab's `artifacts: reports: dotenv`, as a GitHub step's
 * outputs are read by later steps): one `NAME=value` line each, the names the action's outputs upper-
 * cased (`digest-ref` \u2192 `DIGEST_REF`). GitLab's rules (docs.gitlab.com/ci/variables/dotenv_variables,
 * app/services/ci/parse_dotenv_artifact_service.rb): names of letters, digits and `_`; a value on one
 * line, taken as it is (no quotes are removed); no blank or comment lines; the file under 5 KiB; at most
 * 20 variables on a self-managed instance by default. The single-chart values when one chart was
 * published (14 of them), and CHARTS, the charts JSON, while the file stays under that size.
 */
const MAX_BYTES = 5120;
/** The report's lines for these results; `left` says what did not fit. */
function dotenvLines(results) {
    const lines = [];
    if (results.length === 1 && results[0].status !== 'failed')
        for (const [name, value] of (0,release_results/* singleChartValues */.xK)(results[0]))
            lines.push(`${name.toUpperCase().replace(/-/g, '_')}=${oneLine(value)}`);
    const charts = `CHARTS=${oneLine(JSON.stringify(results))}`;
    const size = (l) => Buffer.byteLength(l.map((x) => `${x}\n`).join(''));
    if (size([...lines, charts]) < MAX_BYTES)
        lines.push(charts);
    else
        return {
            lines,
            left: `CHARTS (the charts JSON is ${Buffer.byteLength(charts)} bytes; GitLab takes a dotenv report under ${MAX_BYTES})`,
        };
    return { lines };
}
async function writeDotenv(file, results) {
    const { lines, left } = dotenvLines(results);
    try {
        await (0,atomic_write/* writeFileAtomic */.Z)(file, lines.map((l) => `${l}\n`).join(''));
    }
    catch (err) {
        throw new src_errors/* UserError */.yo(`the dotenv report ${file} cannot be written (${err.message})`);
    }
    return left;
}
/**
 * A value as one line, and as GitLab reads it: a line break (from a registry's error text) would end
 * the variable and start a broken line; GitLab expands `$NAME` in a dotenv value (its variables are
 * stored with raw: false), so a `$` from a chart's text (a change line naming $DEPLOY_TOKEN) would bring
 * a later job's secret into it: written `$$`, GitLab's literal dollar sign.
 */
function oneLine(value) {
    return value.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/\$/g, '$$$$');
}

// EXTERNAL MODULE: ./src/cli/help.ts
var help = __webpack_require__(87911);
// EXTERNAL MODULE: ./src/cli/hints.ts
var hints = __webpack_require__(86324);
// EXTERNAL MODULE: ./src/cli/print.ts
var print = __webpack_require__(79381);
// EXTERNAL MODULE: ./src/cli/prompt.ts
var cli_prompt = __webpack_require__(51934);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(77593);
;// CONCATENATED MODULE: ./src/cli/publish-args.ts



/**
 * `chartlift publish`'s settings: each of the action's inputs as a flag of the same name, read from the
 * flag, else from CHARTLIFT_<NAME> (`--if-exists` \u2192 CHARTLIFT_IF_EXISTS), else from what the CI gives
 * (GitLab's CI_* variables: see publish-settings.ts), else the action's default. Secrets are never a
 * flag's value on a command line other processes can read: `--password-stdin` (as helm and docker take
 * it) or CHARTLIFT_PASSWORD; `--sign-key FILE` (a file holding the armoured key) or CHARTLIFT_SIGN_KEY
 * (the key itself); `--sign-passphrase-file FILE` or CHARTLIFT_SIGN_PASSPHRASE.
 */
const PUBLISH_OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    ref: { type: 'string', multiple: true },
    username: { type: 'string', short: 'u' },
    'password-stdin': { type: 'boolean' },
    push: { type: 'boolean' },
    'no-push': { type: 'boolean' },
    cache: { type: 'string' },
    'plain-http': { type: 'boolean' },
    'if-exists': { type: 'string' },
    retries: { type: 'string' },
    timeout: { type: 'string' },
    'ca-file': { type: 'string' },
    'token-hosts': { type: 'string' },
    'insecure-skip-tls-verify': { type: 'boolean' },
    version: { type: 'string' },
    'app-version': { type: 'string' },
    annotations: { type: 'string', multiple: true },
    'layer-media-type': { type: 'string' },
    'sign-key': { type: 'string' },
    'sign-passphrase-file': { type: 'string' },
    'sign-key-name': { type: 'string' },
    'sign-key-url': { type: 'string' },
    'keyless-sign': { type: 'boolean' },
    'signature-format': { type: 'string' },
    attest: { type: 'boolean' },
    'fulcio-url': { type: 'string' },
    'rekor-url': { type: 'string' },
    'tsa-url': { type: 'string' },
    'trusted-root': { type: 'string' },
    'identity-token-file': { type: 'string' },
    'certificate-identity': { type: 'string' },
    'certificate-oidc-issuer': { type: 'string' },
    'artifacthub-repo': { type: 'string' },
    'artifacthub-lint': { type: 'string' },
    plan: { type: 'boolean' },
    'expect-digest': { type: 'string' },
    output: { type: 'string' },
    dotenv: { type: 'string' },
};
/** The flags that take true or false: `--push`, `--push=false` (read as `--no-push`), CHARTLIFT_PUSH=false. */
const BOOLEAN_SETTINGS = ['push', 'plain-http', 'insecure-skip-tls-verify', 'keyless-sign', 'attest', 'plan'];
/** `chartlift publish`'s arguments: the charts (paths and patterns), and the settings given as flags. */
function readPublishArgs(argv) {
    // `--push=false` (the action's words) is `--no-push`; `--attest=true` is `--attest`.
    const args = argv.map((a) => {
        const m = /^--([a-z-]+)=(true|false)$/.exec(a);
        if (!m || !BOOLEAN_SETTINGS.includes(m[1]))
            return a;
        return m[2] === 'true' ? `--${m[1]}` : `--no-${m[1]}`;
    });
    try {
        return (0,external_node_util_.parseArgs)({ args, options: PUBLISH_OPTIONS, allowPositionals: true, strict: true });
    }
    catch (err) {
        const code = err.code;
        const see = 'See chartlift publish --help';
        if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
            const given = /'([^']+)'/.exec(err.message)?.[1] ?? '?';
            const near = (0,cli_args/* closestOption */.L)(given, Object.keys(PUBLISH_OPTIONS));
            throw new src_errors/* UserError */.yo(`unknown option ${given}${near ? ` (did you mean ${near}?)` : ''}`, { hint: see });
        }
        if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
            const name = /--([a-z][a-z-]*)/.exec(err.message)?.[1];
            if (name && name in PUBLISH_OPTIONS) {
                const option = PUBLISH_OPTIONS[name];
                throw new src_errors/* UserError */.yo(option.type === 'boolean' ? `--${name} takes no value (--${name}, or --${name}=false)` : `--${name} needs a value`, { hint: see });
            }
        }
        throw new src_errors/* UserError */.yo(err.message.split('\n')[0], { hint: see });
    }
}
/** CHARTLIFT_<NAME> for a setting: `if-exists` \u2192 CHARTLIFT_IF_EXISTS. */
function envName(setting) {
    return `CHARTLIFT_${setting.toUpperCase().replace(/-/g, '_')}`;
}

// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
// EXTERNAL MODULE: ./src/release/expect-digest.ts
var expect_digest = __webpack_require__(61713);
// EXTERNAL MODULE: ./src/release/signature-format.ts
var signature_format = __webpack_require__(90175);
// EXTERNAL MODULE: ./src/oci/token-realm.ts
var token_realm = __webpack_require__(48274);
// EXTERNAL MODULE: ./src/release/setting-values.ts
var setting_values = __webpack_require__(13556);
// EXTERNAL MODULE: ./src/util/read-regular-file.ts
var read_regular_file = __webpack_require__(38562);
// EXTERNAL MODULE: ./src/cli/gitlab.ts
var cli_gitlab = __webpack_require__(16271);
;// CONCATENATED MODULE: ./src/cli/publish-settings.ts











/**
 * Every setting from its flag, else its CHARTLIFT_* variable, else the CI's (in a GitLab job: the
 * project's folder, its URL, and its registry's login), else the action's default. `stdin` is read for
 * `--password-stdin`.
 */
async function readPublishSettings(values, positionals, env, stdin) {
    const text = (name) => {
        const v = values[name];
        if (typeof v === 'string')
            return v;
        if (Array.isArray(v))
            return v.join('\n');
        return env[envName(name)] ?? '';
    };
    const flag = (name) => `--${name}`;
    const bool = (name, fallback) => {
        if (name === 'push' && values['no-push'])
            return false;
        if (values[name])
            return true;
        return (0,setting_values/* boolValue */.ks)(env[envName(name)] ?? '', envName(name), fallback);
    };
    const gitlab = (0,cli_gitlab/* inGitLabCi */.PB)(env) ? (0,cli_gitlab/* gitLabDefaults */.kV)(env) : {};
    const charts = positionals.length > 0 ? positionals : (0,setting_values/* settingLines */.mP)(env[envName('chart')] ?? '');
    if (charts.length === 0)
        throw new src_errors/* UserError */.yo('chartlift publish needs the charts to publish', {
            hint: 'chartlift publish CHART... --ref oci://HOST/NAMESPACE (a chart folder, a .tgz, or a pattern such as charts/*); or CHARTLIFT_CHART',
        });
    const refs = (0,setting_values/* settingLines */.mP)(text('ref'));
    if (refs.length === 0)
        throw new src_errors/* UserError */.yo('chartlift publish needs --ref', {
            hint: `Where to publish: --ref oci://<registry>/<namespace>${gitlab.registry ? ` (this project's: oci://${env.CI_REGISTRY_IMAGE || gitlab.registry})` : ''}; several --ref publish to each`,
        });
    const credential = await readCredential(values, env, stdin, gitlab, refs[0]);
    const push = bool('push', true);
    const instanceNames = { fulcio: flag('fulcio-url'), rekor: flag('rekor-url'), tsa: flag('tsa-url') };
    const instance = {
        fulcioURL: (0,setting_values/* sigstoreUrlValue */.bj)(text('fulcio-url'), instanceNames.fulcio),
        rekorURL: (0,setting_values/* sigstoreUrlValue */.bj)(text('rekor-url'), instanceNames.rekor),
        tsaURL: (0,setting_values/* sigstoreUrlValue */.bj)(text('tsa-url'), instanceNames.tsa),
    };
    const keylessSign = bool('keyless-sign', false);
    const attest = bool('attest', false);
    let keyless;
    if (keylessSign || attest) {
        if (!push)
            throw new src_errors/* UserError */.yo('keyless signing and attesting sign what is pushed, and --no-push was given', { hint: 'Drop --no-push' });
        (0,setting_values/* checkSigstoreInstance */.ke)(instance, instanceNames);
        keyless = {
            sign: keylessSign,
            attest,
            instance,
            format: signatureFormat(text('signature-format')),
            trustedRootFile: text('trusted-root') || undefined,
            identityTokenFile: text('identity-token-file') || undefined,
            certificateIdentity: text('certificate-identity') || undefined,
            certificateOidcIssuer: text('certificate-oidc-issuer') || undefined,
        };
    }
    else {
        // A flag given for nothing is a mistake; a CHARTLIFT_* variable may be set for every job (a group's CI/CD variables).
        const set = ['fulcio-url', 'rekor-url', 'tsa-url', 'trusted-root', 'identity-token-file', 'signature-format'].find((n) => values[n] !== undefined);
        if (set)
            throw new src_errors/* UserError */.yo(`--${set} is set, but neither --keyless-sign nor --attest`, {
                hint: 'Add --keyless-sign or --attest, or drop it',
            });
    }
    const output = text('output');
    if (output !== '' && output !== 'json')
        throw new src_errors/* UserError */.yo(`--output takes json, not ${JSON.stringify(output)}`);
    const signKeyUrl = (0,setting_values/* signKeyUrlValue */.Tx)(text('sign-key-url'), flag('sign-key-url'));
    const sign = await readSigning(values, env);
    if (!sign && signKeyUrl)
        throw new src_errors/* UserError */.yo('--sign-key-url goes with --sign-key, which is not set', {
            hint: 'Give --sign-key FILE to sign the chart (the URL then tells Artifact Hub where its public key is), or drop --sign-key-url',
        });
    return {
        charts,
        refs,
        credential,
        push,
        cache: text('cache') || (0,layout/* defaultCachePath */.T2)(),
        plainHttp: bool('plain-http', false),
        ifExists: (0,setting_values/* ifExistsValue */.hP)(text('if-exists'), flag('if-exists')),
        retries: (0,setting_values/* wholeValue */.jT)(text('retries'), flag('retries'), retry/* DEFAULT_RETRIES */.TU, 0, 50),
        timeoutSeconds: (0,setting_values/* wholeValue */.jT)(text('timeout'), flag('timeout'), retry/* DEFAULT_TIMEOUT_SECONDS */.KU, 1, 3600),
        caFile: text('ca-file') || undefined,
        // GitLab's registry sends its token requests to the GitLab host (a self-managed instance's /jwt/auth):
        // taken when every ref is the project's registry (another registry's realm there would get its credentials).
        tokenHosts: [
            ...(0,token_realm/* tokenHostsFrom */.bz)(text('token-hosts')),
            ...(gitlab.serverHost && refs.every((r) => registryOf(r) === gitlab.registry) ? [gitlab.serverHost] : []),
        ],
        insecureSkipTlsVerify: bool('insecure-skip-tls-verify', false),
        version: text('version').trim() || undefined,
        appVersion: text('app-version').trim() || undefined,
        annotations: (0,setting_values/* keyValuesValue */.fQ)((0,setting_values/* settingLines */.mP)(text('annotations')), flag('annotations')),
        layerMediaType: (0,setting_values/* layerMediaTypeValue */.N9)(text('layer-media-type'), flag('layer-media-type')),
        sign,
        signKeyUrl: signKeyUrl || undefined,
        keyless,
        artifacthubRepo: text('artifacthub-repo').trim() || undefined,
        artifacthubLint: (0,setting_values/* artifacthubLintValue */.Af)(text('artifacthub-lint'), flag('artifacthub-lint')),
        workspace: gitlab.workspace ?? (env.GITHUB_WORKSPACE || undefined),
        codeUrl: gitlab.codeUrl,
        output: output === 'json' ? 'json' : undefined,
        plan: bool('plan', false),
        expectDigests: await readExpectDigest(text('expect-digest')),
        dotenv: text('dotenv') || undefined,
    };
}
/**
 * The first ref's credential: `-u` with `--password-stdin` (or CHARTLIFT_USERNAME and CHARTLIFT_PASSWORD),
 * else, in a GitLab job publishing to its project's registry, the job's own login; else none (stored
 * credentials, Helm's then Docker's, or anonymous).
 */
async function readCredential(values, env, stdin, gitlab, firstRef) {
    const username = values.username ?? env[envName('username')] ?? '';
    let password = env[envName('password')] ?? '';
    if (values['password-stdin']) {
        if (!username)
            throw new src_errors/* UserError */.yo('--password-stdin goes with -u USER', { hint: 'chartlift publish ... -u USER --password-stdin' });
        password = (await stdin()).replace(/\r?\n$/, '');
        if (!password)
            throw new src_errors/* UserError */.yo(`no password came on standard input for ${username}`, {
                hint: `Pipe it in: echo "$TOKEN" | chartlift publish ... -u ${username} --password-stdin`,
            });
    }
    if (username || password) {
        if (!username || !password)
            throw new src_errors/* UserError */.yo(`a user name and a password go together, but only the ${username ? 'user name' : 'password'} is given`, {
                hint: username
                    ? 'Give the password with --password-stdin or CHARTLIFT_PASSWORD'
                    : 'Give the user with -u USER or CHARTLIFT_USERNAME',
            });
        if (username.includes(':'))
            throw new src_errors/* UserError */.yo('a user name may not contain ":"', { hint: 'Check the user name', code: 'username-colon' });
        return { username, password, from: values.username ? 'the command line' : 'CHARTLIFT_USERNAME and CHARTLIFT_PASSWORD' };
    }
    if ('registry' in gitlab && gitlab.registry && gitlab.credential) {
        if (registryOf(firstRef) === gitlab.registry)
            return { ...gitlab.credential, from: "the job's CI_REGISTRY_USER and CI_REGISTRY_PASSWORD" };
    }
    return undefined;
}
/** `--sign-key FILE` (or CHARTLIFT_SIGN_KEY, the key itself), its passphrase and its name. */
async function readSigning(values, env) {
    let keys;
    if (values['sign-key'])
        keys = await readSecretFile(values['sign-key'], '--sign-key');
    else if (env[envName('sign-key')])
        keys = Buffer.from(env[envName('sign-key')]);
    const passphrase = values['sign-passphrase-file']
        ? (await readSecretFile(values['sign-passphrase-file'], '--sign-passphrase-file')).toString('utf8').replace(/\r?\n$/, '')
        : env[envName('sign-passphrase')];
    const keyName = (values['sign-key-name'] ?? env[envName('sign-key-name')] ?? '').trim();
    if (!keys) {
        if (values['sign-passphrase-file'] || keyName)
            throw new src_errors/* UserError */.yo('--sign-passphrase-file and --sign-key-name go with --sign-key, which is not set', {
                hint: 'Give --sign-key FILE (an armoured private key: gpg --export-secret-keys --armor KEY > FILE), or drop the others',
            });
        return undefined;
    }
    return { keys, passphrase: passphrase || undefined, keyName: keyName || undefined };
}
/** A key or passphrase file: a few KiB (1 MiB at most: a device or a huge file is refused, not read on). */
async function readSecretFile(file, flag) {
    try {
        return await (0,read_regular_file/* readRegularFile */.XF)(file, 1024 * 1024);
    }
    catch (err) {
        throw new src_errors/* UserError */.yo(`${flag} ${file} cannot be read (${(0,src_errors/* fsCode */.r0)(err) ?? err.message})`, { hint: 'Check the path' });
    }
}
/** The registry a ref names ('' when it names none: the publication says what is wrong with it). */
function registryOf(ref) {
    try {
        return (0,reference/* splitReference */.mQ)(ref).registry;
    }
    catch {
        return '';
    }
}
/** --signature-format: bundle, classic or both (the default: every verifier finds the signature). */
function signatureFormat(raw) {
    const value = (raw.trim() || signature_format/* DEFAULT_SIGNATURE_FORMAT */.j);
    if (!signature_format/* SIGNATURE_FORMATS */.g.includes(value))
        throw new src_errors/* UserError */.yo(`--signature-format must be bundle, classic or both, not ${JSON.stringify(raw)}`, {
            hint: "bundle: a Sigstore bundle as an OCI referrer (cosign 3); classic: cosign's sha256-<hex>.sig / .att tag (cosign 2, Kyverno, Flux before 1.8, Artifact Hub); both (the default): each",
        });
    return value;
}
/** --expect-digest: a digest, the plan's JSON (its matrix or its whole table), or @FILE holding either (GitLab hands a plan on as a file). */
async function readExpectDigest(raw) {
    let text = raw.trim();
    if (text.startsWith('@')) {
        const file = text.slice(1);
        try {
            text = (await (0,read_regular_file/* readRegularFile */.XF)(file, 16 * 1024 * 1024)).toString('utf8');
        }
        catch (err) {
            throw new src_errors/* UserError */.yo(`--expect-digest ${raw} cannot be read (${(0,src_errors/* fsCode */.r0)(err) ?? err.message})`, {
                hint: 'Give the plan file the plan job wrote',
            });
        }
    }
    return (0,expect_digest/* parseExpectedDigests */.l)(text);
}

;// CONCATENATED MODULE: ./src/cli/publish-command.ts














/**
 * `chartlift publish [CHART...] --ref REF...`: the action's whole publication (src/release/publish.ts)
 * from a terminal or any CI, GitLab's first: the same settings, the same log, the `charts` JSON
 * (`--output json`) and a dotenv report (`--dotenv FILE`) for later jobs. 0 when every chart succeeded.
 */
async function publishCommand(argv, env = process.env) {
    const { values, positionals } = readPublishArgs(argv);
    if (values.help) {
        (0,print/* print */.yy)(help/* HELP */._.publish);
        return 0;
    }
    const settings = await readPublishSettings(values, positionals, env, cli_prompt/* readStdin */.v);
    const out = terminalLog(settings.output === 'json');
    (0,layout/* onCacheWarning */.og)(out.warning);
    if (settings.insecureSkipTlsVerify)
        out.warning("--insecure-skip-tls-verify: the registry's TLS certificate is NOT checked, so anyone on the network path can read the credentials and change what is pushed. Use --ca-file instead.");
    const signer = settings.sign ? (0,sign_signer/* startSigner */.F)(settings.sign) : undefined;
    // Keyless: the token, the identity and the instance are checked now, before anything is pushed.
    // A plan signs nothing: no signer, no token asked for (it still says what a signing publish would).
    const keyless = settings.keyless && !settings.plan
        ? await (await __webpack_require__.e(/* import() */ 591).then(__webpack_require__.bind(__webpack_require__, 37591))).cliKeylessSigner(settings.keyless, { info: out.info, warning: out.warning }, env)
        : undefined;
    const registries = await openPublishRegistries(settings, out);
    let published;
    try {
        published = await (0,publish/* publishCharts */.V)({
            charts: settings.charts,
            refs: settings.refs,
            push: settings.push,
            cache: settings.cache,
            ifExists: settings.ifExists,
            artifacthubRepo: settings.artifacthubRepo,
            keyless,
            plan: settings.plan,
            planKeyless: settings.keyless !== undefined,
            expectDigests: settings.expectDigests,
            registries,
            build: {
                env,
                workspace: settings.workspace,
                signer,
                overrides: {
                    version: settings.version,
                    appVersion: settings.appVersion,
                    annotations: settings.annotations,
                    layerMediaType: settings.layerMediaType,
                    codeUrl: settings.codeUrl,
                },
                artifactHub: { lint: settings.artifacthubLint, signKeyUrl: settings.signKeyUrl },
            },
            errorLine: (err) => (0,src_errors/* errorLine */.BP)(err, hints/* CLI_HINTS */.I),
        }, out);
    }
    finally {
        await registries.close();
    }
    const { results, errors } = published;
    // One chart: its error is the command's own (several: each was printed after its group).
    if (results.length === 1 && errors.has(0))
        (0,print/* printError */.yJ)(`Error: ${results[0].error}`);
    if (settings.output === 'json')
        (0,print/* print */.yy)(JSON.stringify(results, null, 2));
    if (settings.dotenv) {
        const left = await writeDotenv(settings.dotenv, results);
        if (left)
            out.warning(`the dotenv report ${settings.dotenv} leaves out ${left}: read --output json instead`);
    }
    return errors.size === 0 ? 0 : 1;
}
/** The publication's lines on a terminal: standard output (standard error when it holds the JSON), warnings and errors on standard error. */
function terminalLog(json) {
    const line = json ? print/* printError */.yJ : print/* print */.yy;
    return {
        info: (l) => line(l),
        notice: (l) => line(`notice: ${l}`),
        warning: (l) => (0,print/* printError */.yJ)(`warning: ${l}`),
        error: (l) => (0,print/* printError */.yJ)(`Error: ${l}`),
        startGroup: (title) => line(`==> ${title}`),
        endGroup: () => { },
    };
}
/**
 * The run's registries: the given credential (or the GitLab job's) for the first ref's registry,
 * checked once (GET /v2/, as `helm registry login` checks it) and kept in memory only: the CLI stores no
 * login. Other registries: stored credentials (Helm's, then Docker's) or none.
 */
async function openPublishRegistries(settings, out) {
    const primary = (0,reference/* splitReference */.mQ)(settings.refs[0]).registry;
    const given = settings.credential;
    return (0,registries.openRegistries)({
        log: out.info,
        ca: settings.caFile ? await (0,tls_options/* readCaFile */.R)(settings.caFile) : undefined,
        insecure: settings.insecureSkipTlsVerify,
        retries: settings.retries,
        timeoutSeconds: settings.timeoutSeconds,
        plainHttp: settings.plainHttp,
        tokenHosts: settings.tokenHosts,
        credentialFor: (host) => (given && host === primary ? { username: given.username, password: given.password } : undefined),
        onConnect: async (client, source, say) => {
            if (source === 'given' && given) {
                await client.ping();
                say(`Login succeeded (${client.registry} as ${given.username}, from ${given.from}; not stored)`);
            }
            else
                say((0,registries.credentialSourceLine)(client.registry, source));
        },
    });
}


/***/ })

};
