export const id = 10;
export const ids = [10];
export const modules = {

/***/ 89010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SIGSTORE_PUBLIC_GOOD: () => (/* binding */ SIGSTORE_PUBLIC_GOOD),
/* harmony export */   githubSigstoreEndpoints: () => (/* binding */ githubSigstoreEndpoints)
/* harmony export */ });
const SIGSTORE_PUBLIC_GOOD = {
    fulcioURL: 'https://fulcio.sigstore.dev',
    rekorURL: 'https://rekor.sigstore.dev',
};
/** GitHub's instance for a GitHub server URL (the face passes the workflow's): github.com's is on githubapp.com. */
function githubSigstoreEndpoints(serverURL = 'https://github.com') {
    let host = new URL(serverURL).hostname;
    if (host === 'github.com')
        host = 'githubapp.com';
    return { fulcioURL: `https://fulcio.${host}`, tsaURL: `https://timestamp.${host}` };
}


/***/ })

};
