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
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7582);
/* harmony import */ var _oci_registry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9458);
/* harmony import */ var _repositories_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1597);




/**
 * Dependency access with default settings (the CLI's `chart save`, and library callers): one HTTP
 * for the call, stored registry credentials (Helm's, then Docker's), repositories.yaml for chart
 * repositories. The action passes its own, built from its inputs.
 */
function defaultAccess(plainHttp = false) {
    const http = new _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .Http */ .l({ userAgent: 'chartlift' });
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


/***/ })

};
