export const id = 349;
export const ids = [349];
export const modules = {

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
