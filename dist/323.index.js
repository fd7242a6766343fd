export const id = 323;
export const ids = [323];
export const modules = {

/***/ 44925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ acceptDerTimeFractions)
/* harmony export */ });
/**
 * @sigstore/core 4.0.1 reads an ASN.1 GeneralizedTime only with no fraction of a second or exactly
 * three digits of one (asn1/parse.js, RE_TIME_LONG_YEAR), and refuses anything else as "invalid time".
 * DER writes the fraction without its trailing zeros (X.690 11.7.3: `\u202612.12Z`, `\u202612.5Z`), and RFC 3161
 * lets a TSA give genTime any precision: a timestamp from such a TSA (@sigstore/mock's is one) failed
 * verification about one time in five, so a valid signature did not count and the chart was signed
 * again. The report for sigstore/sigstore-js is in docs/upstream.md; until it is fixed, a
 * GeneralizedTime with 1 to 9 fraction digits is read here as @sigstore/core reads one with three: to
 * the whole second. Anything else is still refused as before.
 */
const FRACTION = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{1,9})Z$/;
let done;
/** Teaches @sigstore/core's ASN1Obj to read DER's trimmed fractions (once; before any verification). */
function acceptDerTimeFractions() {
    return (done ??= __webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23)).then(({ ASN1Obj }) => {
        const proto = ASN1Obj.prototype;
        const toDate = proto.toDate;
        proto.toDate = function () {
            try {
                return toDate.call(this);
            }
            catch (err) {
                const m = this.tag.isGeneralizedTime() ? FRACTION.exec(this.value.toString('ascii')) : null;
                if (!m)
                    throw err;
                return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
            }
        };
    }));
}


/***/ }),

/***/ 32323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBundleIdentity: () => (/* binding */ checkBundleIdentity),
/* harmony export */   checkCertificateIdentity: () => (/* binding */ checkCertificateIdentity),
/* harmony export */   checkStatement: () => (/* binding */ checkStatement),
/* harmony export */   identityMatches: () => (/* binding */ identityMatches),
/* harmony export */   screenBundle: () => (/* binding */ screenBundle),
/* harmony export */   verificationError: () => (/* binding */ verificationError),
/* harmony export */   verifyBundle: () => (/* binding */ verifyBundle)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59202);
/* harmony import */ var _der_time_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44925);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42349);




/**
 * Verifies a Sigstore bundle with @sigstore/verify against a trusted root: the certificate chains to
 * a trusted CA and carries an SCT, the signature was made while the certificate was valid (Rekor's
 * integrated time or an RFC 3161 timestamp), the Rekor entry is included in the log and matches the
 * envelope, the signature verifies over the DSSE envelope, the certificate names the expected
 * identity and issuer. Then the statement itself: its subject digest and predicate type. Throws a
 * UserError naming what did not match. sigstore-js is loaded here, on first use.
 */
async function verifyBundle(bundle, options) {
    const [{ Verifier, toSignedEntity, toTrustMaterial }, { TrustedRoot }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(917), __webpack_require__.e(187)]).then(__webpack_require__.bind(__webpack_require__, 54187)),
        __webpack_require__.e(/* import() */ 654).then(__webpack_require__.t.bind(__webpack_require__, 19654, 23)),
        (0,_der_time_js__WEBPACK_IMPORTED_MODULE_2__/* .acceptDerTimeFractions */ .w)(),
    ]);
    (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .fg)(options.expectedSubjectDigest);
    let root;
    try {
        root = TrustedRoot.fromJSON(typeof options.trustedRoot === 'string' ? JSON.parse(options.trustedRoot) : options.trustedRoot);
    }
    catch (cause) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the trusted root is not a Sigstore trusted_root.json', { cause });
    }
    // What needs no cryptography first (the statement, the certificate's identity and extensions).
    await screenBundle(bundle, options);
    const { parsed, envelope } = await readDsseBundle(bundle);
    const tlogThreshold = options.tlogThreshold ?? (root.tlogs.length > 0 ? 1 : 0);
    const verifier = new Verifier(toTrustMaterial(root), { tlogThreshold, ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0 });
    let signer;
    try {
        // The identity is not handed to @sigstore/verify: it reads a string as an unanchored regular
        // expression (String.prototype.match), so `\u2026@refs/heads/main` would accept `\u2026@refs/heads/main-evil`.
        signer = verifier.verify(toSignedEntity(parsed), { extensions: { issuer: options.certificateIssuer } });
    }
    catch (err) {
        throw verificationError(err, options);
    }
    const identity = signer.identity?.subjectAlternativeName ?? '';
    if (!identityMatches(options.certificateIdentity, identity))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`keyless signature refused: the certificate's identity is not ${String(options.certificateIdentity)} from ${options.certificateIssuer} (it is ${identity})`, { hint: 'Check --certificate-identity and --certificate-oidc-issuer, and the trusted root.' });
    return { identity, issuer: signer.identity?.extensions?.issuer ?? '', statement: checkStatement(envelope.payload, options) };
}
/** A bundle read as the DSSE-signed in-toto statement both checks expect; anything else is refused. */
async function readDsseBundle(bundle) {
    const { bundleFromJSON } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040));
    let parsed;
    try {
        parsed = bundleFromJSON(typeof bundle === 'string' ? JSON.parse(bundle) : bundle);
    }
    catch (cause) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the signature is not a Sigstore bundle (${cause.message})`, { cause });
    }
    if (parsed.content.$case !== 'dsseEnvelope')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the bundle holds a message signature, not a DSSE-signed in-toto statement');
    const envelope = parsed.content.dsseEnvelope;
    if (envelope.payloadType !== _statement_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_TOTO_PAYLOAD_TYPE */ .T4)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the bundle's payload type is ${JSON.stringify(envelope.payloadType)}, not ${_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_TOTO_PAYLOAD_TYPE */ .T4}`);
    return { parsed, envelope };
}
/** The signed statement, once it names the expected subject digest and predicate type. */
function checkStatement(payload, options) {
    const expectedHex = (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .fg)(options.expectedSubjectDigest);
    const statement = (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStatement */ .By)(payload);
    const ofDigest = statement.subject.filter((s) => s?.digest?.sha256 === expectedHex);
    if (ofDigest.length === 0) {
        const named = statement.subject
            .slice(0, 4)
            .map((s) => `sha256:${bare(s?.digest?.sha256)}`)
            .join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the signed statement is for ${named}, not ${options.expectedSubjectDigest}`, {
            hint: 'The signature belongs to another artifact.',
        });
    }
    const name = options.expectedSubjectName;
    if (name !== undefined && !ofDigest.some((s) => typeof s.name === 'string' && (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .sameSubjectName */ .aj)(s.name) === (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .sameSubjectName */ .aj)(name)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the signed statement names ${ofDigest.map((s) => (0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_3__/* .quoted */ .T)(s.name ?? '', 200)).join(', ')}, not ${name}: it was made for a copy in another repository`, { hint: 'An attestation names the repository it was made in: attest the chart where it is published' });
    if (statement.predicateType !== options.expectedPredicateType)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the signed statement's predicate type is ${bare(statement.predicateType)}, not ${options.expectedPredicateType}`);
    return statement;
}
/** A value from a statement as a message shows it: as it is when it is one word of printable ASCII, else quoted and escaped. */
function bare(value) {
    return typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) && !/["'`]/.test(value) ? value : (0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_3__/* .quoted */ .T)(value, 200);
}
/**
 * Whether a certificate's SAN is the identity asked for: a string exactly (as cosign's
 * --certificate-identity), an expression as the user wrote it (as cosign's --certificate-identity-regexp).
 */
function identityMatches(wanted, identity) {
    return typeof wanted === 'string' ? identity === wanted : wanted.test(identity);
}
/** @sigstore/verify's error as one line: its code says which check refused. */
function verificationError(err, options) {
    const code = String(err.code ?? '');
    const detail = err instanceof Error ? err.message : String(err);
    const what = {
        UNTRUSTED_SIGNER_ERROR: `the certificate's identity is not ${String(options.certificateIdentity)} from ${options.certificateIssuer}`,
        SIGNATURE_ERROR: 'the signature does not verify over the signed statement (changed after signing?)',
        TLOG_BODY_ERROR: "the transparency-log entry does not match the bundle's signature or statement",
        TLOG_INCLUSION_PROOF_ERROR: 'the transparency-log inclusion proof does not verify',
        TLOG_INCLUSION_PROMISE_ERROR: "the transparency log's signed entry timestamp does not verify",
        TLOG_ERROR: 'the transparency-log entries are not what the trusted root requires',
        CERTIFICATE_ERROR: 'the signing certificate is not trusted by the trusted root',
        TIMESTAMP_ERROR: 'the signature has no trusted time (a Rekor entry or an RFC 3161 timestamp)',
    };
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`keyless signature refused: ${what[code] ?? 'verification failed'} (${detail})`, {
        cause: err,
        hint: 'Check --certificate-identity and --certificate-oidc-issuer, and the trusted root.',
    });
}
const OID_FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_GITHUB_WORKFLOW_REPOSITORY = '1.3.6.1.4.1.57264.1.5';
/**
 * What is read of a bundle without any cryptography: a DSSE-signed in-toto statement for the subject
 * (digest, predicate type, and name where one is expected) whose certificate names the identity and
 * issuer. A bundle that fails this is not one of this identity's for this subject (junk, another
 * artifact's, another signer's): it costs a read, never a verification. Nothing here says the
 * certificate or the signature is genuine.
 */
async function screenBundle(bundle, options) {
    const { X509Certificate } = await __webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23));
    const { parsed, envelope } = await readDsseBundle(bundle);
    const statement = checkStatement(envelope.payload, options);
    const material = parsed.verificationMaterial.content;
    const der = material.$case === 'certificate'
        ? material.certificate.rawBytes
        : material.$case === 'x509CertificateChain'
            ? material.x509CertificateChain.certificates[0]?.rawBytes
            : undefined;
    if (!der)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the bundle carries no signing certificate');
    let cert;
    try {
        cert = X509Certificate.parse(Buffer.from(der));
    }
    catch (cause) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the bundle\u2019s signing certificate is not X.509', { cause });
    }
    const { identity, issuer } = checkCertificateIdentity(cert, options);
    return { identity, issuer, statement, envelope, publicKey: cert.publicKey };
}
/**
 * The certificate's identity (SAN) and issuer, once they are the expected ones (and the workflow's
 * repository, when one is expected); a UserError naming what they are otherwise. The issuer is read
 * as @sigstore/verify reads it (extension 1.3.6.1.4.1.57264.1.8, else .1.1), or with `cosign` as
 * cosign reads it for a classic signature: from 1.3.6.1.4.1.57264.1.1 only (cosign
 * pkg/cosign/certextensions.go `GetIssuer`).
 */
function checkCertificateIdentity(cert, options, cosign = false) {
    let issuer;
    let identity;
    try {
        const v2 = cosign ? undefined : cert.extension(OID_FULCIO_ISSUER_V2);
        issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString('ascii') : cert.extension(OID_FULCIO_ISSUER_V1)?.value.toString('ascii');
        identity = cert.subjectAltName ?? '';
    }
    catch (cause) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('the signing certificate cannot be read', { cause });
    }
    const wanted = options.certificateIdentity;
    if (!identityMatches(wanted, identity) || issuer !== options.certificateIssuer)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`keyless signature refused: the certificate's identity is not ${String(wanted)} from ${options.certificateIssuer} (it is ${identity} from ${issuer ?? 'no issuer'})`);
    const repository = options.githubWorkflowRepository;
    if (repository !== undefined) {
        // A raw string, as Fulcio writes its first extensions (fulcio pkg/certificate/extensions.go, OIDGitHubWorkflowRepository).
        const named = cert.extension(OID_GITHUB_WORKFLOW_REPOSITORY)?.value.toString('utf8');
        if (named !== repository)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`keyless signature refused: the workflow ran in ${named === undefined ? 'a repository the certificate does not name' : named}, not ${repository}`, { hint: 'A reusable workflow signs as itself: --certificate-github-workflow-repository names the repository that called it' });
    }
    return { identity, issuer: issuer ?? '' };
}
/**
 * The weaker check, for a private Sigstore instance whose trusted root was not given: the bundle's
 * certificate names the expected identity and issuer (as @sigstore/verify reads them), its key
 * verifies the DSSE signature, and the statement names the subject and predicate type. Nothing says
 * that a trusted CA issued the certificate or that a log holds the entry: anyone able to write to the
 * registry could plant such a bundle. Used only to decide not to sign again.
 */
async function checkBundleIdentity(bundle, options) {
    const { crypto, dsse } = await __webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23));
    const { identity, issuer, statement, envelope, publicKey } = await screenBundle(bundle, options);
    const signature = envelope.signatures[0]?.sig;
    const key = crypto.createPublicKey(publicKey);
    if (!signature || !crypto.verify(dsse.preAuthEncoding(envelope.payloadType, envelope.payload), key, Buffer.from(signature)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('keyless signature refused: the signature does not verify over the signed statement');
    return { identity, issuer, statement };
}


/***/ })

};
