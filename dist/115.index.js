export const id = 115;
export const ids = [115];
export const modules = {

/***/ 71115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   signStatement: () => (/* binding */ signStatement)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42349);


/** Which service a sigstore-js failure came from, by its error code, for a message naming it. */
const SERVICE_OF_CODE = {
    IDENTITY_TOKEN_READ_ERROR: 'the OIDC identity token could not be obtained',
    IDENTITY_TOKEN_PARSE_ERROR: 'the OIDC identity token is not a JWT with a subject',
    CA_CREATE_SIGNING_CERTIFICATE_ERROR: 'Fulcio did not issue a signing certificate',
    TLOG_CREATE_ENTRY_ERROR: 'Rekor did not enter the signature in the transparency log',
    TSA_CREATE_TIMESTAMP_ERROR: 'the timestamp authority did not timestamp the signature',
};
/**
 * Signs an in-toto statement keylessly: an ephemeral key, a Fulcio certificate for the identity
 * token, a DSSE envelope (payload type `application/vnd.in-toto+json`), then a Rekor `dsse` entry
 * and/or an RFC 3161 timestamp. Returns the Sigstore bundle v0.3 as JSON
 * (`application/vnd.dev.sigstore.bundle.v0.3+json`), as actions/attest and cosign 3 make it.
 * sigstore-js is loaded here, on first use, never at start.
 */
async function signStatement(statement, options) {
    if (!options.rekorURL && !options.tsaURL)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('keyless signing needs a transparency log or a timestamp authority', {
            hint: 'Give a Rekor URL, a timestamp authority URL, or both.',
        });
    const [{ DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness }, { bundleToJSON }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(917), __webpack_require__.e(88), __webpack_require__.e(335), __webpack_require__.e(179)]).then(__webpack_require__.bind(__webpack_require__, 15179)),
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040)),
    ]);
    const fetchOptions = { timeout: options.timeout ?? 10_000, retry: options.retry ?? 3 };
    const signer = new FulcioSigner({
        fulcioBaseURL: options.fulcioURL,
        identityProvider: { getToken: options.identityToken },
        ...fetchOptions,
    });
    const witnesses = [];
    // A `dsse` entry, as actions/attest and cosign 3 make; an entry already in the log (409) is fetched, as actions/attest does.
    if (options.rekorURL)
        witnesses.push(new RekorWitness({ rekorBaseURL: options.rekorURL, entryType: 'dsse', fetchOnConflict: true, ...fetchOptions }));
    if (options.tsaURL)
        witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaURL, ...fetchOptions }));
    const builder = new DSSEBundleBuilder({ signer, witnesses });
    try {
        const bundle = await builder.create({ data: (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .statementPayload */ .Go)(statement), type: _statement_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_TOTO_PAYLOAD_TYPE */ .T4 });
        return bundleToJSON(bundle);
    }
    catch (err) {
        throw signingError(err);
    }
}
/** A sigstore-js failure as one line naming the service and its answer. */
function signingError(err) {
    const code = err.code;
    const what = (typeof code === 'string' && SERVICE_OF_CODE[code]) || 'keyless signing failed';
    const detail = err instanceof Error ? err.message : String(err);
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} (${detail}${cause})`, {
        cause: err,
        hint: 'Check the Sigstore URLs and that the workflow may request an OIDC token (permissions: id-token: write).',
    });
}


/***/ })

};
