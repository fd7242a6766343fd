export const id = 738;
export const ids = [738,323];
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

/***/ 51738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkClaims: () => (/* binding */ checkClaims),
/* harmony export */   screenClassicLayer: () => (/* binding */ screenClassicLayer),
/* harmony export */   verifyClassicLayer: () => (/* binding */ verifyClassicLayer)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _der_time_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(44925);
/* harmony import */ var _cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57096);
/* harmony import */ var _simple_signing_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26918);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42349);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32323);







/** A base64 text as cosign compares it: padded standard base64 that decodes and encodes back to itself. */
const isCanonicalBase64 = (s) => s.length > 0 && Buffer.from(s, 'base64').toString('base64') === s;
/**
 * What is read of a classic layer without its blob: the media type, the signature annotation as
 * cosign requires it (present; empty on an attestation), the predicate type of an attestation, and a
 * certificate naming the identity and issuer (read as cosign reads the issuer). With a trusted root,
 * also what its annotations prove alone, with one signature check each and no request: the
 * certificate was issued by a trusted CA, and the Rekor entry is the log's (its SET verifies), is of
 * this certificate and signature, and hashed this very layer (its digest). A layer that fails this is
 * junk, another kind's, another signer's, or forged: it costs no read.
 */
async function screenClassicLayer(kind, layer, expected, trustedRoot) {
    const a = layer.annotations ?? {};
    if (layer.mediaType !== _cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CLASSIC_MEDIA_TYPE[kind])
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its media type is ${layer.mediaType}, not ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CLASSIC_MEDIA_TYPE[kind]}`);
    const signature = a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.signature];
    // cosign's layer reader: "signature layer \u2026 is missing dev.cosignproject.cosign/signature annotation".
    if (signature === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`it has no ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.signature} annotation`);
    if (kind === 'attestation' && signature !== '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`an attestation's ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.signature} is empty, and this one is not`);
    if (kind === 'signature' && !isCanonicalBase64(signature))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.signature} is not base64`);
    if (kind === 'attestation' && a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.predicateType] !== expected.expectedPredicateType)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its predicate type is ${JSON.stringify(a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.predicateType] ?? null)}, not ${expected.expectedPredicateType}`);
    const pem = a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.certificate];
    if (!pem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('it carries no certificate');
    const core = await __webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23));
    let cert;
    try {
        cert = core.X509Certificate.parse(firstPemBlock(pem, 'CERTIFICATE'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('its certificate is not an X.509 certificate in PEM');
    }
    const identity = (0,_verify_js__WEBPACK_IMPORTED_MODULE_5__.checkCertificateIdentity)(cert, expected, true);
    if (trustedRoot === undefined)
        return { ...identity, cert };
    const root = trustedRootKeys(trustedRoot, core);
    if (!root.cas.some((ca) => verifiesLeaf(cert, ca)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('its certificate was not issued by a certificate authority of the trusted root');
    const rekorText = a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.bundle];
    if (!rekorText) {
        if (root.logs.size > 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('it carries no Rekor entry (no bundle annotation)');
        return { ...identity, cert };
    }
    const rekor = readRekorBundle(rekorText);
    const logKey = root.logs.get(rekor.Payload.logID);
    if (!logKey)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('its Rekor entry is from a log the trusted root does not list');
    const set = core.json.canonicalize(rekor.Payload);
    if (!core.crypto.verify(Buffer.from(set), logKey, Buffer.from(rekor.SignedEntryTimestamp, 'base64')))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("its Rekor entry's signed entry timestamp does not verify");
    // The body, against the layer's digest (not its bytes, unread yet) and annotations; an attestation's
    // envelope signature is compared once the layer is read.
    const sig = kind === 'signature' ? signature : undefined;
    checkEntryBody(kind, rekor.Payload.body, layer.digest?.replace(/^sha256:/, '') ?? '', sig, derOf(cert));
    return { ...identity, cert };
}
/** A trusted root's CA certificates (each chain's first) and Rekor keys (by hex log ID), read once per root. */
const rootKeys = new WeakMap();
function trustedRootKeys(trustedRoot, core) {
    const parsed = (typeof trustedRoot === 'string' ? JSON.parse(trustedRoot) : trustedRoot);
    const cached = typeof trustedRoot === 'object' && trustedRoot !== null ? rootKeys.get(trustedRoot) : undefined;
    if (cached)
        return cached;
    const cas = [];
    for (const ca of parsed?.certificateAuthorities ?? []) {
        const first = ca.certChain?.certificates?.[0]?.rawBytes;
        if (!first)
            continue;
        try {
            cas.push(core.X509Certificate.parse(Buffer.from(first, 'base64')));
        }
        catch {
            // A CA that cannot be read issues nothing here.
        }
    }
    const logs = new Map();
    for (const t of parsed?.tlogs ?? []) {
        if (!t.logId?.keyId || !t.publicKey?.rawBytes)
            continue;
        try {
            logs.set(Buffer.from(t.logId.keyId, 'base64').toString('hex'), core.crypto.createPublicKey(Buffer.from(t.publicKey.rawBytes, 'base64'), 'spki'));
        }
        catch {
            // A log whose key cannot be read vouches for nothing.
        }
    }
    const keys = { cas, logs };
    if (typeof trustedRoot === 'object' && trustedRoot !== null)
        rootKeys.set(trustedRoot, keys);
    return keys;
}
function verifiesLeaf(leaf, ca) {
    try {
        return leaf.verify(ca);
    }
    catch {
        return false;
    }
}
/** The DER of the first PEM block of `type` in `text` (cosign reads the first; what follows is ignored there). */
function firstPemBlock(text, type) {
    const m = new RegExp(`-----BEGIN ${type}-----([A-Za-z0-9+/=\\s]+)-----END ${type}-----`).exec(text);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`not a PEM ${type}`);
    return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}
/**
 * What the layer's bytes claim, checked without cryptography (cosign's claim verifiers): the
 * simple-signing payload names the digest; the attestation's statement names the subject (and name)
 * and predicate type. A genuine layer of another chart copied here fails this once read.
 */
function checkClaims(kind, data, expected) {
    if (kind === 'signature') {
        const { digest } = (0,_simple_signing_js__WEBPACK_IMPORTED_MODULE_3__.readSimpleSigning)(data);
        if (digest !== expected.expectedSubjectDigest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its payload signs ${digest}, not ${expected.expectedSubjectDigest}`, {
                hint: 'The signature belongs to another artifact.',
            });
        return {};
    }
    const envelope = readEnvelope(data);
    return { envelope, statement: (0,_verify_js__WEBPACK_IMPORTED_MODULE_5__.checkStatement)(Buffer.from(envelope.payload, 'base64'), expected) };
}
/** A `.att` layer as a DSSE envelope of an in-toto statement with one signature (cosign `verifyOCIAttestation`). */
function readEnvelope(data) {
    let e;
    try {
        e = JSON.parse(data.toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the layer is not a DSSE envelope (not JSON)');
    }
    if (typeof e?.payload !== 'string' || e.payloadType !== _statement_js__WEBPACK_IMPORTED_MODULE_4__/* .IN_TOTO_PAYLOAD_TYPE */ .T4 || !Array.isArray(e.signatures) || e.signatures.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the layer is not a DSSE envelope of an in-toto statement (${_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .IN_TOTO_PAYLOAD_TYPE */ .T4}) with one signature`);
    if (typeof e.signatures[0]?.sig !== 'string' || !isCanonicalBase64(e.signatures[0].sig))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("the envelope's signature is not base64");
    return e;
}
/** The bundle annotation, its shape checked as cosign unmarshals it (`VerifyBundle`: the body must be a string). */
function readRekorBundle(text) {
    let b;
    try {
        b = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.bundle} is not JSON`);
    }
    const p = b?.Payload;
    if (typeof b?.SignedEntryTimestamp !== 'string' ||
        !isCanonicalBase64(b.SignedEntryTimestamp) ||
        typeof p?.body !== 'string' ||
        !Number.isSafeInteger(p.integratedTime) ||
        !Number.isSafeInteger(p.logIndex) ||
        typeof p.logID !== 'string' ||
        !/^[0-9a-f]{64}$/.test(p.logID))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.bundle} is not cosign's Rekor bundle (SignedEntryTimestamp, Payload: body, integratedTime, logIndex, logID)`);
    return b;
}
/**
 * The Rekor entry's body checked against the layer as cosign checks it before the SET: the kind
 * (`hashedrekord` for a signature, `dsse` for an attestation), the signature (`compareSigs`), the
 * key by its DER (`comparePublicKey`: the body's PEM against the certificate annotation's), and the
 * hash of the layer bytes (`bundleHash`: hashedrekord's data hash, dsse's envelopeHash).
 */
function checkEntryBody(kind, body, layerHash, signature, certDer) {
    let entry;
    try {
        entry = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('its Rekor entry is not JSON');
    }
    const want = kind === 'signature' ? 'hashedrekord' : 'dsse';
    if (entry?.kind !== want || entry.apiVersion !== '0.0.1')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its Rekor entry is not a ${want} 0.0.1 entry`);
    let key;
    let hash;
    if (kind === 'signature') {
        const spec = entry.spec;
        if (!spec?.signature || spec.signature.content !== signature)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("its Rekor entry's signature is not the layer's");
        key = spec.signature.publicKey?.content;
        hash = spec.data?.hash;
    }
    else {
        if (entry.spec?.signatures?.length !== 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('its Rekor entry does not hold exactly one signature');
        if (signature !== undefined && entry.spec.signatures[0].signature !== signature)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("its Rekor entry's signature is not the envelope's");
        key = entry.spec.signatures[0].verifier;
        hash = entry.spec.envelopeHash;
    }
    let keyDer;
    try {
        keyDer = firstPemBlock(Buffer.from(String(key), 'base64').toString('utf8'), 'CERTIFICATE');
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("its Rekor entry's key is not a PEM certificate");
    }
    if (!keyDer.equals(certDer))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("its Rekor entry's certificate is not the layer's");
    if (hash?.algorithm !== 'sha256' || hash.value !== layerHash)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("its Rekor entry's hash is not the layer's sha256");
}
/**
 * Verifies a classic layer (its bytes `data` and annotations) as cosign does, against `trustedRoot`;
 * without one (a private instance whose root was not given) only the weaker check: the certificate's
 * identity and the signature over the layer. Throws a UserError naming what did not hold.
 */
async function verifyClassicLayer(kind, layer, data, options) {
    (0,_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Hex */ .fg)(options.expectedSubjectDigest);
    const { identity, issuer, cert } = await screenClassicLayer(kind, layer, options, options.trustedRoot);
    const { statement, envelope } = checkClaims(kind, data, options);
    const a = layer.annotations ?? {};
    const signature = kind === 'signature' ? a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.signature] : envelope.signatures[0].sig;
    const [{ crypto, dsse }] = await Promise.all([__webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23)), (0,_der_time_js__WEBPACK_IMPORTED_MODULE_6__/* .acceptDerTimeFractions */ .w)()]);
    if (options.trustedRoot === undefined) {
        const key = crypto.createPublicKey(cert.publicKey);
        const signed = kind === 'signature' ? data : dsse.preAuthEncoding(envelope.payloadType, Buffer.from(envelope.payload, 'base64'));
        if (!crypto.verify(signed, key, Buffer.from(signature, 'base64')))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('keyless signature refused: the signature does not verify over the layer');
        return { identity, issuer, statement };
    }
    const rekorText = a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.bundle];
    const rekor = rekorText ? readRekorBundle(rekorText) : undefined;
    if (rekor)
        checkEntryBody(kind, rekor.Payload.body, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex'), signature, derOf(cert));
    const timestamp = a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.timestamp] ? readTimestamp(a[_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.timestamp]) : undefined;
    const [{ Verifier, toSignedEntity, toTrustMaterial }, { TrustedRoot }, { bundleFromJSON }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(917), __webpack_require__.e(187)]).then(__webpack_require__.bind(__webpack_require__, 54187)),
        __webpack_require__.e(/* import() */ 654).then(__webpack_require__.t.bind(__webpack_require__, 19654, 23)),
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040)),
    ]);
    let root;
    try {
        root = TrustedRoot.fromJSON(typeof options.trustedRoot === 'string' ? JSON.parse(options.trustedRoot) : options.trustedRoot);
    }
    catch (cause) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the trusted root is not a Sigstore trusted_root.json', { cause });
    }
    let bundle;
    try {
        bundle = bundleFromJSON({
            mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
            verificationMaterial: {
                x509CertificateChain: { certificates: [{ rawBytes: derOf(cert).toString('base64') }] },
                tlogEntries: rekor
                    ? [
                        {
                            logIndex: String(rekor.Payload.logIndex),
                            logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
                            kindVersion: { kind: kind === 'signature' ? 'hashedrekord' : 'dsse', version: '0.0.1' },
                            integratedTime: String(rekor.Payload.integratedTime),
                            inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
                            canonicalizedBody: rekor.Payload.body,
                        },
                    ]
                    : [],
                timestampVerificationData: { rfc3161Timestamps: timestamp ? [{ signedTimestamp: timestamp }] : [] },
            },
            ...(kind === 'signature'
                ? {
                    messageSignature: {
                        messageDigest: { algorithm: 'SHA2_256', digest: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('base64') },
                        signature,
                    },
                }
                : {
                    dsseEnvelope: { payload: envelope.payload, payloadType: envelope.payloadType, signatures: [{ sig: signature, keyid: '' }] },
                }),
        });
    }
    catch (cause) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the layer cannot be read as a Sigstore bundle (${cause.message})`, { cause });
    }
    const entity = toSignedEntity(bundle, kind === 'signature' ? data : undefined);
    // cosign's timestamp on an attestation covers the layer (the envelope), not the DSSE signature
    // (VerifyRFC3161Timestamp: the payload when the signature annotation is empty): @sigstore/verify
    // checks a timestamp against `signature.signature`, which is the layer's bytes here, and nothing else.
    if (kind === 'attestation' && timestamp) {
        const content = entity.signature;
        entity.signature = Object.create(content, {
            signature: { value: data },
            compareSignature: { value: (s) => content.compareSignature(s) },
            verifySignature: { value: (k) => content.verifySignature(k) },
        });
    }
    const verifier = new Verifier(toTrustMaterial(root), {
        tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
        ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    });
    try {
        verifier.verify(entity);
    }
    catch (err) {
        throw (0,_verify_js__WEBPACK_IMPORTED_MODULE_5__.verificationError)(err, options);
    }
    return { identity, issuer, statement };
}
/** The certificate's DER (what cosign compares keys by). */
function derOf(cert) {
    return cert.root.toDER();
}
/** The timestamp annotation: `{"SignedRFC3161Timestamp": <base64 DER TimeStampResp>}`. */
function readTimestamp(text) {
    let t;
    try {
        t = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.timestamp} is not JSON`);
    }
    if (typeof t?.SignedRFC3161Timestamp !== 'string' || !isCanonicalBase64(t.SignedRFC3161Timestamp))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`its ${_cosign_classic_js__WEBPACK_IMPORTED_MODULE_2__.CosignAnnotation.timestamp} is not cosign's timestamp (SignedRFC3161Timestamp)`);
    return t.SignedRFC3161Timestamp;
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
