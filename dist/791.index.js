export const id = 791;
export const ids = [791];
export const modules = {

/***/ 6791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultAccess: () => (/* binding */ defaultAccess)
/* harmony export */ });
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2559);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5232);
/* harmony import */ var _oci_registry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(209);
/* harmony import */ var _repositories_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1597);




/**
 * Dependency access with default settings (the CLI's `chart save`, and library callers): one HTTP
 * for the call, stored registry credentials (Helm's, then Docker's), repositories.yaml for chart
 * repositories. The action passes its own, built from its inputs.
 */
function defaultAccess(plainHttp = false) {
    const http = new _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .Http */ .lw({ userAgent: 'chartlift' });
    const clients = new Map();
    const access = {
        http,
        plainHttp,
        client: (registry) => {
            let client = clients.get(registry);
            if (!client) {
                client = (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .findCredential */ .L4)(registry).then((found) => new _oci_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryClient */ .bP(http, registry, { plainHttp, credential: found?.credential }));
                clients.set(registry, client);
            }
            return client;
        },
        repositoryCredential: (url) => (0,_repositories_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryCredential */ .i)(url),
    };
    return { access, close: () => http.close() };
}


/***/ }),

/***/ 1597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ repositoryCredential)
/* harmony export */ });
/* unused harmony export helmRepositoriesPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2559);
/* harmony import */ var _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4282);





/** Helm's repositories.yaml: $HELM_REPOSITORY_CONFIG, else $HELM_CONFIG_HOME, else the XDG config home. */
function helmRepositoriesPath(env = process.env, platform = process.platform) {
    return env.HELM_REPOSITORY_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .helmConfigHome */ .Ep)(env, platform), 'repositories.yaml');
}
/**
 * The credentials `helm repo add --username --password` stored for a chart repository, matched by
 * its URL as Helm matches a dependency's repository (trailing slashes aside).
 */
async function repositoryCredential(url, env = process.env) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(helmRepositoriesPath(env), 'utf8');
    }
    catch (err) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsCode */ .r0)(err) === 'ENOENT')
            return undefined;
        throw err;
    }
    const doc = (0,_util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readYaml */ .gM)(text, _util_bounded_read_js__WEBPACK_IMPORTED_MODULE_4__/* .CHART_YAML_BOUNDS */ .xW);
    const want = url.replace(/\/+$/, '');
    const entry = (doc?.repositories ?? []).find((r) => (r.url ?? '').replace(/\/+$/, '') === want);
    return entry?.username && entry.password ? { username: entry.username, password: entry.password } : undefined;
}


/***/ })

};
