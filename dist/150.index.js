export const id = 150;
export const ids = [150];
export const modules = {

/***/ 5150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ verifyProvenance),
/* harmony export */   archiveName: () => (/* binding */ archiveName),
/* harmony export */   messageBlock: () => (/* binding */ messageBlock),
/* harmony export */   provenanceFiles: () => (/* binding */ provenanceFiles),
/* harmony export */   signProvenance: () => (/* binding */ signProvenance)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _chart_metadata_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6655);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);




/** The message Helm signs: Chart.yaml as Helm writes it, `...`, and the archive's digest by its file name. */
function messageBlock(md, archive) {
    const sum = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(archive).digest('hex');
    return `${(0,_chart_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .chartYaml */ .U5)(md)}\n...\n${yaml__WEBPACK_IMPORTED_MODULE_1__.stringify({ files: { [archiveName(md)]: `sha256:${sum}` } })}`;
}
/** `<name>-<version>.tgz`, the name `helm package` gives the archive and the provenance names it by. */
function archiveName(md) {
    return `${md.name}-${md.version}.tgz`;
}
const openpgpModule = () => __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 3074));
/**
 * The files a provenance file's message names, by archive name, read from its clear text without
 * checking the signature: enough to tell that a `.prov` beside an archive was made for another one.
 */
function provenanceFiles(provenance) {
    const text = provenance.toString('utf8').replace(/\r\n/g, '\n');
    const start = text.indexOf('\n\n', text.indexOf('-----BEGIN PGP SIGNED MESSAGE-----'));
    const end = text.indexOf('\n-----BEGIN PGP SIGNATURE-----');
    if (start < 0 || end < start)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('is not a clear-signed provenance file');
    const body = text
        .slice(start + 2, end)
        .split('\n')
        .map((l) => (l.startsWith('- ') ? l.slice(2) : l))
        .join('\n');
    const split = body.indexOf('\n...\n');
    if (split < 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('has no `...` between the metadata and the files');
    try {
        return (yaml__WEBPACK_IMPORTED_MODULE_1__.parse(body.slice(split + 5)) ?? {}).files ?? {};
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('has a files block that is not YAML');
    }
}
/** Signs a chart's message as `helm package --sign` does (SHA-512), reproducibly for the same key, chart and time. */
async function signProvenance(message, options) {
    const openpgp = await openpgpModule();
    let keys;
    try {
        const text = options.keys.toString('utf8');
        if (!text.includes('-----BEGIN PGP'))
            keys = await openpgp.readPrivateKeys({ binaryKeys: options.keys });
        else {
            // Several armoured blocks (keys exported one by one, then joined) are several keys.
            keys = [];
            for (const block of armouredBlocks(text, 'PRIVATE KEY BLOCK'))
                keys.push(...(await openpgp.readPrivateKeys({ armoredKeys: block })));
        }
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the signing key cannot be read (${firstLine(err)})`, {
            hint: 'Give an ASCII-armoured private key, as gpg --export-secret-keys --armor KEY writes it',
            code: 'sign-key-unreadable',
        });
    }
    const key = pickKey(keys, options.keyName);
    let unlocked = key;
    if (!key.isDecrypted()) {
        if (!options.passphrase)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the signing key ${fingerprintOf(key)} is protected by a passphrase, and none was given`, {
                code: 'sign-passphrase',
            });
        try {
            unlocked = await openpgp.decryptKey({ privateKey: key, passphrase: options.passphrase });
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the passphrase does not unlock the signing key ${fingerprintOf(key)}`, { code: 'sign-passphrase' });
        }
    }
    // A fixed time before the key existed would make no valid signature: the key's creation is the earliest.
    const created = key.getCreationTime();
    const date = !options.date ? new Date() : options.date >= created ? options.date : created;
    let armored;
    try {
        const signingKey = await unlocked.getSigningKey(undefined, date);
        armored = await openpgp.sign({
            message: await openpgp.createCleartextMessage({ text: message }),
            signingKeys: unlocked,
            signingKeyIDs: [signingKey.getKeyID()],
            date,
            config: { preferredHashAlgorithm: openpgp.enums.hash.sha512, nonDeterministicSignaturesViaNotation: false },
        });
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the key ${fingerprintOf(key)} cannot sign: ${firstLine(err)}`, {
            hint: 'Use a key with the signing capability (gpg --quick-gen-key NAME ed25519 sign), valid at the signature time',
        });
    }
    return { provenance: Buffer.from(armored), fingerprint: fingerprintOf(key), userId: key.getUserIDs()[0] ?? '' };
}
function pickKey(keys, name) {
    if (!name) {
        if (keys.length === 1)
            return keys[0];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the signing key holds ${keys.length} keys: say which one signs`, {
            hint: keys.map((k) => `${fingerprintOf(k)} ${k.getUserIDs()[0] ?? ''}`).join('; '),
            code: 'sign-key-name',
        });
    }
    const wanted = name.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
    const matches = keys.filter((k) => fingerprintOf(k).endsWith(wanted) ||
        k.getKeys().some((sub) => sub.getFingerprint().toUpperCase().endsWith(wanted)) ||
        k.getUserIDs().some((u) => u.toLowerCase().includes(name.toLowerCase())));
    if (matches.length === 1)
        return matches[0];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(matches.length === 0
        ? `no signing key matches ${JSON.stringify(name)}`
        : `${matches.length} signing keys match ${JSON.stringify(name)}`, { hint: `The keys: ${keys.map((k) => `${fingerprintOf(k)} ${k.getUserIDs()[0] ?? ''}`).join('; ')}`, code: 'sign-key-name' });
}
/** Each `-----BEGIN PGP <kind>----- … -----END PGP <kind>-----` block of a text. */
function armouredBlocks(text, kind) {
    const blocks = text.match(new RegExp(`-----BEGIN PGP ${kind}-----[\\s\\S]*?-----END PGP ${kind}-----`, 'g')) ?? [];
    if (blocks.length === 0)
        throw new Error(`no ${kind.toLowerCase()} in the armour`);
    return blocks;
}
function fingerprintOf(key) {
    return key.getFingerprint().toUpperCase();
}
function firstLine(err) {
    return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
/**
 * Checks a provenance file as `helm verify` does: the signature is good and made by a key of the
 * keyring (binary, as `gpg --export` writes it, or armoured), and the file it names by the archive's
 * name carries the archive's SHA-256.
 */
async function verifyProvenance(provenance, archive, name, keyring) {
    const openpgp = await openpgpModule();
    let keys;
    try {
        const text = keyring.toString('utf8');
        if (!text.includes('-----BEGIN PGP'))
            keys = await openpgp.readKeys({ binaryKeys: keyring });
        else {
            keys = [];
            for (const block of armouredBlocks(text, 'PUBLIC KEY BLOCK'))
                keys.push(...(await openpgp.readKeys({ armoredKeys: block })));
        }
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the keyring cannot be read (${firstLine(err)})`, { hint: 'Give the public keys, as gpg --export writes them' });
    }
    let message;
    try {
        message = await openpgp.readCleartextMessage({ cleartextMessage: provenance.toString('utf8') });
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the provenance file is not a clear-signed message (${firstLine(err)})`);
    }
    const result = await openpgp.verify({ message, verificationKeys: keys, expectSigned: false });
    const signature = result.signatures[0];
    if (!signature)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('the provenance file holds no signature');
    try {
        await signature.verified;
    }
    catch (err) {
        const id = signature.keyID.toHex().toUpperCase();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(/Could not find signing key/i.test(firstLine(err))
            ? `the provenance is signed by key ${id}, which is not in the keyring`
            : `the provenance signature does not hold (${firstLine(err)})`, { hint: 'Verify with the keyring of the key that signed the chart; a changed chart or provenance fails here' });
    }
    const key = keys.find((k) => k.getKeys(signature.keyID).length > 0);
    const text = message.getText();
    const split = text.indexOf('\n...\n');
    if (split < 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('the provenance message has no `...` between the metadata and the files');
    let files;
    try {
        files = (yaml__WEBPACK_IMPORTED_MODULE_1__.parse(text.slice(split + 5)) ?? {}).files ?? {};
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('the provenance files block is not YAML');
    }
    const want = `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(archive).digest('hex')}`;
    const got = files[name];
    if (got === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the provenance does not name ${name} (it names ${Object.keys(files).join(', ') || 'nothing'})`);
    if (got !== want)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the chart does not match its provenance: ${name} is ${want}, the signed digest is ${String(got)}`, {
            hint: 'The chart was changed after it was signed',
        });
    return { fingerprint: fingerprintOf(key), userId: key.getUserIDs()[0] ?? '' };
}


/***/ })

};
