export const id = 820;
export const ids = [820];
export const modules = {

/***/ 93820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publicGoodTrustedRoot: () => (/* binding */ publicGoodTrustedRoot)
/* harmony export */ });
/**
 * Sigstore's public-good trusted root, as sigstore-js keeps it: through its TUF repository
 * (tuf-repo-cdn.sigstore.dev), refreshed and verified by @sigstore/tuf from the root it ships, and
 * cached under `cachePath`. Loaded only when a keyless signature is checked.
 */
async function publicGoodTrustedRoot(cachePath) {
    const [{ getTrustedRoot }, { TrustedRoot }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(335), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 84423)), __webpack_require__.e(/* import() */ 654).then(__webpack_require__.t.bind(__webpack_require__, 19654, 23))]);
    return TrustedRoot.toJSON(await getTrustedRoot({ cachePath, timeout: 5000, retry: { retries: 1 } }));
}


/***/ })

};
