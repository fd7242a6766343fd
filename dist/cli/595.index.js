export const id = 595;
export const ids = [595];
export const modules = {

/***/ 595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultAccess: () => (/* binding */ defaultAccess)
});

// EXTERNAL MODULE: ./src/oci/credentials.ts + 1 modules
var credentials = __webpack_require__(1675);
// EXTERNAL MODULE: ./src/oci/http.ts + 2 modules
var oci_http = __webpack_require__(7582);
// EXTERNAL MODULE: ./src/oci/registry.ts + 2 modules
var oci_registry = __webpack_require__(9458);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/release/repositories.ts





/** Helm's repositories.yaml: $HELM_REPOSITORY_CONFIG, else $HELM_CONFIG_HOME, else the XDG config home. */
function helmRepositoriesPath(env = process.env, platform = process.platform) {
    if (env.HELM_REPOSITORY_CONFIG)
        return env.HELM_REPOSITORY_CONFIG;
    if (env.HELM_CONFIG_HOME)
        return external_node_path_default().join(env.HELM_CONFIG_HOME, 'repositories.yaml');
    let base;
    if (env.XDG_CONFIG_HOME)
        base = env.XDG_CONFIG_HOME;
    else if (platform === 'darwin')
        base = external_node_path_default().join(external_node_os_default().homedir(), 'Library', 'Preferences');
    else if (platform === 'win32')
        base = env.APPDATA ?? external_node_path_default().join(external_node_os_default().homedir(), 'AppData', 'Roaming');
    else
        base = external_node_path_default().join(env.HOME ?? external_node_os_default().homedir(), '.config');
    return external_node_path_default().join(base, 'helm', 'repositories.yaml');
}
/**
 * The credentials `helm repo add --username --password` stored for a chart repository, matched by
 * its URL as Helm matches a dependency's repository (trailing slashes aside).
 */
async function repositoryCredential(url, env = process.env) {
    let text;
    try {
        text = await (0,promises_.readFile)(helmRepositoriesPath(env), 'utf8');
    }
    catch (err) {
        if ((0,errors/* fsCode */.r0)(err) === 'ENOENT')
            return undefined;
        throw err;
    }
    const doc = dist.parse(text);
    const want = url.replace(/\/+$/, '');
    const entry = (doc?.repositories ?? []).find((r) => (r.url ?? '').replace(/\/+$/, '') === want);
    return entry?.username && entry.password ? { username: entry.username, password: entry.password } : undefined;
}

;// CONCATENATED MODULE: ./src/release/access.ts




/**
 * Dependency access with default settings (the CLI's `chart save`, and library callers): one HTTP
 * for the call, stored registry credentials (Helm's, then Docker's), repositories.yaml for chart
 * repositories. The action passes its own, built from its inputs.
 */
function defaultAccess(plainHttp = false) {
    const http = new oci_http/* Http */.l({ userAgent: 'chartlift' });
    const clients = new Map();
    const access = {
        http,
        plainHttp,
        client: (registry) => {
            let client = clients.get(registry);
            if (!client) {
                client = (0,credentials/* findCredential */.L4)(registry).then((found) => new oci_registry/* RegistryClient */.bP(http, registry, { plainHttp, credential: found?.credential }));
                clients.set(registry, client);
            }
            return client;
        },
        repositoryCredential: (url) => repositoryCredential(url),
    };
    return { access, close: () => http.close() };
}


/***/ })

};
