export const id = 989;
export const ids = [989];
export const modules = {

/***/ 33989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyCommand: () => (/* binding */ verifyCommand)
/* harmony export */ });
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62148);
/* harmony import */ var _chart_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11815);
/* harmony import */ var _keyless_flags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13334);
/* harmony import */ var _print_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79381);




/**
 * `chart verify REF`: the chart's manifest digest, as the tag holds it now, carries a keyless
 * signature (or, with --type slsaprovenance, a provenance attestation) by the given identity, valid
 * against Sigstore's trusted root (or --trusted-root), as a referrer bundle or in cosign's classic
 * layout (--signature-format: which must verify); each form that verified is named. A chart whose
 * content changed has another digest, and no signature.
 */
async function verifyCommand(ref, options) {
    const check = await (0,_keyless_flags_js__WEBPACK_IMPORTED_MODULE_2__/* .keylessCheck */ .bg)(options);
    const r = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(ref);
    const { verified, digest } = await (0,_chart_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .withClient */ .SV)(r.registry, options, async (client) => {
        const { digest } = await client.fetchManifest(r.repository, r.tag);
        const { verifyKeylessReferrer } = await __webpack_require__.e(/* import() */ 883).then(__webpack_require__.bind(__webpack_require__, 70883));
        return { digest, verified: await verifyKeylessReferrer(client, r.repository, digest, check) };
    });
    const what = options.type && options.type !== 'signature' ? 'provenance attestation' : 'keyless signature';
    const { describeFound } = await __webpack_require__.e(/* import() */ 883).then(__webpack_require__.bind(__webpack_require__, 70883));
    (0,_print_js__WEBPACK_IMPORTED_MODULE_3__/* .print */ .yy)([
        `Verified ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .refString */ .nw)(r)}@${digest}`,
        ...verified.found.map((f) => `${what}: ${describeFound(f)}`),
        `identity: ${verified.identity}`,
        `issuer:   ${verified.issuer}`,
        `trusted:  ${options.trustedRoot ? options.trustedRoot : "Sigstore's public-good trusted root"}`,
    ].join('\n'));
}


/***/ })

};
