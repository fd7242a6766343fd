export const id = 820;
export const ids = [820];
export const modules = {

/***/ 93820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publicGoodTrustedRoot: () => (/* binding */ publicGoodTrustedRoot),
/* harmony export */   readTrustedRootFile: () => (/* binding */ readTrustedRootFile)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38562);


/**
 * Sigstore's public-good trusted root, as sigstore-js keeps it: through its TUF repository
 * (tuf-repo-cdn.sigstore.dev), refreshed and verified by @sigstore/tuf from the root it ships, and
 * cached under `cachePath`. Loaded only when a keyless signature is checked.
 */
async function publicGoodTrustedRoot(cachePath) {
    const [{ getTrustedRoot }, { TrustedRoot }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(335), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 84423)), __webpack_require__.e(/* import() */ 654).then(__webpack_require__.t.bind(__webpack_require__, 19654, 23))]);
    return TrustedRoot.toJSON(await getTrustedRoot({ cachePath, timeout: 5000, retry: { retries: 1 } }));
}
/** A trusted_root.json is tens of KiB; a path to anything larger (or a device) is refused. */
const MAX_TRUSTED_ROOT = 4 * 1024 * 1024;
/**
 * A private instance's trusted_root.json, read bounded and checked to be one (it lists certificate
 * authorities). `named` and `hint` are the face's words: where the path came from (its input or
 * flag) and what to give instead.
 */
async function readTrustedRootFile(file, named, hint) {
    let text;
    try {
        text = (await (0,_util_read_regular_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readRegularFile */ .XF)(file, MAX_TRUSTED_ROOT)).toString('utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`cannot read ${named} ${file}: ${err.code ?? err.message}`, { hint });
    }
    let root;
    try {
        root = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${named} ${file} is not JSON`, { hint });
    }
    const r = root;
    if (typeof r !== 'object' || r === null || !Array.isArray(r.certificateAuthorities))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${named} ${file} is not a Sigstore trusted root (no certificateAuthorities)`, { hint });
    return root;
}


/***/ })

};
