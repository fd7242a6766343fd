export const id = 863;
export const ids = [863];
export const modules = {

/***/ 31863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  archiveName: () => (/* binding */ archiveName),
  messageBlock: () => (/* binding */ messageBlock),
  notOwnProvenance: () => (/* binding */ notOwnProvenance),
  provenanceFiles: () => (/* binding */ provenanceFiles),
  unlockSigningKey: () => (/* binding */ unlockSigningKey),
  verifyProvenance: () => (/* binding */ verifyProvenance)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/util/yaml-lib.ts
var yaml_lib = __webpack_require__(63235);
// EXTERNAL MODULE: ./src/util/bounded-read.ts
var bounded_read = __webpack_require__(34282);
// EXTERNAL MODULE: ./src/chart/metadata.ts
var metadata = __webpack_require__(96655);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/sign/pgp-sign.ts

/**
 * The small part of OpenPGP (RFC 4880) that signing a Helm provenance needs, on node:crypto: reading a
 * v4 secret key as GnuPG exports it (RSA or EdDSA Ed25519; unprotected, or protected with an iterated
 * and salted S2K and AES in CFB mode), and making a v4 SHA-512 clear-text signature. Anything else
 * throws NotNative, and the caller uses openpgp.js instead. Loading openpgp.js costs ~30 ms of module
 * evaluation; this costs none.
 */
class NotNative extends Error {
}
const RSA = 1;
const EDDSA = 22;
const ED25519_OID = Buffer.from('2b06010401da470f01', 'hex');
const SHA512 = 10;
/** The transferable secret keys of an armoured text or a binary keyring. */
function readSecretKeys(data) {
    const text = data.toString('latin1');
    const blocks = text.includes('-----BEGIN PGP')
        ? (text.match(/-----BEGIN PGP PRIVATE KEY BLOCK-----[\s\S]*?-----END PGP PRIVATE KEY BLOCK-----/g) ?? []).map(dearmor)
        : [data];
    if (blocks.length === 0)
        throw new NotNative('no private key block');
    const keys = [];
    for (const block of blocks) {
        let current;
        for (const p of packets(block)) {
            if (p.tag === 5) {
                current = { key: secretKey(p.body) };
                keys.push(current.key);
            }
            else if (p.tag === 7) {
                current = undefined; // subkeys: not used to sign here (the caller falls back when the primary cannot)
            }
            else if (p.tag === 13 && current) {
                current.key.userIds.push(p.body.toString('utf8'));
            }
            else if (p.tag === 2 && current) {
                const flags = selfSignatureFlags(p.body, current.key.keyId);
                if (flags !== undefined)
                    current.key.canSign = (flags & 0x02) !== 0;
            }
        }
    }
    if (keys.length === 0)
        throw new NotNative('no secret key packet');
    return keys;
}
function dearmor(block) {
    const lines = block.split(/\r?\n/);
    const start = lines.findIndex((l) => l.trim() === '');
    const body = lines.slice(start + 1).filter((l) => l && !l.startsWith('=') && !l.startsWith('-----'));
    return Buffer.from(body.join(''), 'base64');
}
function* packets(data) {
    let i = 0;
    while (i < data.length) {
        const b = data[i++];
        if ((b & 0x80) === 0)
            throw new NotNative('not an OpenPGP packet');
        let tag;
        let len;
        if (b & 0x40) {
            tag = b & 0x3f;
            const o1 = data[i++];
            if (o1 < 192)
                len = o1;
            else if (o1 < 224)
                len = ((o1 - 192) << 8) + data[i++] + 192;
            else if (o1 === 255) {
                len = data.readUInt32BE(i);
                i += 4;
            }
            else
                throw new NotNative('partial packet lengths');
        }
        else {
            tag = (b >> 2) & 0x0f;
            const t = b & 3;
            if (t === 0)
                len = data[i++];
            else if (t === 1) {
                len = data.readUInt16BE(i);
                i += 2;
            }
            else if (t === 2) {
                len = data.readUInt32BE(i);
                i += 4;
            }
            else
                throw new NotNative('indeterminate packet length');
        }
        if (i + len > data.length)
            throw new NotNative('truncated packet');
        yield { tag, body: data.subarray(i, i + len) };
        i += len;
    }
}
function readMpi(buf, at) {
    const bits = buf.readUInt16BE(at);
    const bytes = (bits + 7) >> 3;
    return [buf.subarray(at + 2, at + 2 + bytes), at + 2 + bytes];
}
function secretKey(body) {
    if (body[0] !== 4)
        throw new NotNative(`key version ${body[0]}`);
    const created = new Date(body.readUInt32BE(1) * 1000);
    const algo = body[5];
    let at = 6;
    const pub = [];
    if (algo === RSA) {
        for (let k = 0; k < 2; k++) {
            const [m, next] = readMpi(body, at);
            pub.push(m);
            at = next;
        }
    }
    else if (algo === EDDSA) {
        const oidLen = body[at];
        const oid = body.subarray(at + 1, at + 1 + oidLen);
        if (!oid.equals(ED25519_OID))
            throw new NotNative('an EdDSA curve other than Ed25519');
        at += 1 + oidLen;
        const [point, next] = readMpi(body, at);
        if (point.length !== 33 || point[0] !== 0x40)
            throw new NotNative('an unexpected EdDSA point');
        pub.push(point.subarray(1));
        at = next;
    }
    else
        throw new NotNative(`public key algorithm ${algo}`);
    const publicBody = body.subarray(0, at);
    const fingerprint = (0,external_node_crypto_.createHash)('sha1')
        .update(Buffer.from([0x99, publicBody.length >> 8, publicBody.length & 0xff]))
        .update(publicBody)
        .digest();
    const usage = body[at++];
    let secretPart;
    let derive;
    let checksum = 'sum';
    if (usage === 0)
        secretPart = body.subarray(at);
    else if (usage === 254 || usage === 255) {
        checksum = usage === 254 ? 'sha1' : 'sum';
        const sym = body[at++];
        const keyLen = { 7: 16, 8: 24, 9: 32 }[sym];
        if (!keyLen)
            throw new NotNative(`symmetric algorithm ${sym}`);
        const s2kType = body[at++];
        const hashAlgo = body[at++];
        const hashName = { 2: 'sha1', 8: 'sha256', 9: 'sha384', 10: 'sha512' }[hashAlgo];
        if (!hashName)
            throw new NotNative(`S2K hash ${hashAlgo}`);
        let salt = Buffer.alloc(0);
        let count = 0;
        if (s2kType === 1 || s2kType === 3) {
            salt = body.subarray(at, at + 8);
            at += 8;
        }
        if (s2kType === 3) {
            const c = body[at++];
            count = (16 + (c & 15)) << ((c >> 4) + 6);
        }
        else if (s2kType !== 0 && s2kType !== 1)
            throw new NotNative(`S2K type ${s2kType}`);
        const iv = body.subarray(at, at + 16);
        at += 16;
        const encrypted = body.subarray(at);
        const cipher = `aes-${keyLen * 8}-cfb`;
        derive = (passphrase) => {
            const key = s2k(hashName, salt, Buffer.from(passphrase, 'utf8'), count, keyLen);
            const d = (0,external_node_crypto_.createDecipheriv)(cipher, key, iv);
            return Buffer.concat([d.update(encrypted), d.final()]);
        };
        secretPart = Buffer.alloc(0);
    }
    else
        throw new NotNative(`S2K usage ${usage}`);
    const key = {
        fingerprint: fingerprint.toString('hex').toUpperCase(),
        keyId: fingerprint.subarray(12),
        userIds: [],
        created,
        canSign: true,
        encrypted: derive !== undefined,
        algo,
        unlock(passphrase) {
            const plain = derive ? derive(passphrase ?? '') : secretPart;
            const mpis = checksummed(plain, checksum, derive !== undefined);
            return algo === RSA ? rsaKey(pub, mpis) : edKey(pub[0], mpis);
        },
    };
    return key;
}
/** The iterated and salted S2K of RFC 4880 3.7.1.3, with as many preloaded hash contexts as the key needs. */
function s2k(hash, salt, pass, count, keyLen) {
    const input = Buffer.concat([salt, pass]);
    const total = Math.max(count, input.length);
    const out = [];
    for (let round = 0; Buffer.concat(out).length < keyLen; round++) {
        const h = (0,external_node_crypto_.createHash)(hash).update(Buffer.alloc(round));
        if (count === 0)
            h.update(input);
        else {
            const full = Math.floor(total / input.length);
            const block = Buffer.concat(Array(Math.min(full, 64)).fill(input));
            let left = total;
            while (left >= block.length) {
                h.update(block);
                left -= block.length;
            }
            while (left >= input.length) {
                h.update(input);
                left -= input.length;
            }
            if (left > 0)
                h.update(input.subarray(0, left));
        }
        out.push(h.digest());
    }
    return Buffer.concat(out).subarray(0, keyLen);
}
/** The checksum of a decrypted secret key does not hold: the passphrase is wrong. */
class WrongPassphrase extends Error {
}
function checksummed(plain, kind, encrypted) {
    const body = plain.subarray(0, plain.length - (kind === 'sha1' ? 20 : 2));
    const sum = plain.subarray(body.length);
    const ok = kind === 'sha1'
        ? (0,external_node_crypto_.createHash)('sha1').update(body).digest().equals(sum)
        : body.reduce((a, b) => (a + b) & 0xffff, 0) === sum.readUInt16BE(0);
    if (!ok) {
        if (encrypted)
            throw new WrongPassphrase('the passphrase does not unlock the key');
        throw new NotNative('a secret key checksum that does not hold');
    }
    const mpis = [];
    for (let at = 0; at < body.length;) {
        const [m, next] = readMpi(body, at);
        mpis.push(m);
        at = next;
    }
    return mpis;
}
const b64u = (b) => b.toString('base64url');
const big = (b) => BigInt(`0x${b.toString('hex') || '0'}`);
const bytes = (n) => {
    const hex = n.toString(16);
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};
function modInverse(a, m) {
    let [r0, r1] = [a % m, m];
    let [s0, s1] = [1n, 0n];
    while (r1 !== 0n) {
        const q = r0 / r1;
        [r0, r1] = [r1, r0 - q * r1];
        [s0, s1] = [s1, s0 - q * s1];
    }
    return ((s0 % m) + m) % m;
}
function rsaKey(pub, mpis) {
    if (mpis.length < 4)
        throw new NotNative('an RSA secret key without d, p, q, u');
    const [d, p, q] = mpis.map(big);
    const jwk = {
        kty: 'RSA',
        n: b64u(pub[0]),
        e: b64u(pub[1]),
        d: b64u(bytes(d)),
        p: b64u(bytes(p)),
        q: b64u(bytes(q)),
        dp: b64u(bytes(d % (p - 1n))),
        dq: b64u(bytes(d % (q - 1n))),
        qi: b64u(bytes(modInverse(q, p))),
    };
    return (0,external_node_crypto_.createPrivateKey)({ key: jwk, format: 'jwk' });
}
function edKey(publicKey, mpis) {
    const secret = Buffer.alloc(32); // the 32-byte private key, left-padded as OpenPGP strips leading zeros
    mpis[0].copy(secret, 32 - mpis[0].length);
    return (0,external_node_crypto_.createPrivateKey)({ key: { kty: 'OKP', crv: 'Ed25519', d: b64u(secret), x: b64u(publicKey) }, format: 'jwk' });
}
/** The key flags of a self-signature (issuer = the key itself) over a user id or the key, if it has them. */
function selfSignatureFlags(sig, keyId) {
    if (sig[0] !== 4)
        return undefined;
    const type = sig[1];
    if (type < 0x10 || type > 0x13)
        return undefined;
    const hashedLen = sig.readUInt16BE(4);
    const hashed = sig.subarray(6, 6 + hashedLen);
    const unhashedLen = sig.readUInt16BE(6 + hashedLen);
    const unhashed = sig.subarray(8 + hashedLen, 8 + hashedLen + unhashedLen);
    const inHash = subpackets(hashed);
    const sub = [...inHash, ...subpackets(unhashed)];
    const issuer = sub.find((s) => s.type === 16)?.data ?? sub.find((s) => s.type === 33)?.data.subarray(-8);
    if (issuer && !issuer.equals(keyId))
        return undefined;
    const flags = inHash.find((s) => s.type === 27)?.data;
    return flags ? flags[0] : undefined;
}
function subpackets(data) {
    const out = [];
    for (let i = 0; i < data.length;) {
        let len = data[i++];
        if (len >= 192 && len < 255)
            len = ((len - 192) << 8) + data[i++] + 192;
        else if (len === 255) {
            len = data.readUInt32BE(i);
            i += 4;
        }
        out.push({ type: data[i] & 0x7f, data: data.subarray(i + 1, i + len) });
        i += len;
    }
    return out;
}
function mpi(b) {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0)
        i++;
    const v = b.subarray(i);
    const bits = v.length === 0 ? 0 : (v.length - 1) * 8 + (32 - Math.clz32(v[0]));
    return Buffer.concat([Buffer.from([bits >> 8, bits & 0xff]), v]);
}
function subpacket(type, data) {
    return Buffer.concat([Buffer.from([data.length + 1, type]), data]);
}
/** A v4 SHA-512 signature of canonical text (type 0x01), armoured, and the clear-signed message around it. */
function clearSign(message, key, signingKey, date) {
    const text = Buffer.from(message
        .split('\n')
        .map((l) => l.replace(/[ \t]+$/, ''))
        .join('\r\n'), 'utf8');
    const time = Buffer.alloc(4);
    time.writeUInt32BE(Math.floor(date.getTime() / 1000));
    const hashedSub = Buffer.concat([
        subpacket(2, time),
        subpacket(33, Buffer.concat([Buffer.from([4]), Buffer.from(key.fingerprint, 'hex')])),
    ]);
    const head = Buffer.concat([Buffer.from([4, 0x01, key.algo, SHA512, hashedSub.length >> 8, hashedSub.length & 0xff]), hashedSub]);
    const trailer = Buffer.alloc(6);
    trailer.writeUInt8(4, 0);
    trailer.writeUInt8(0xff, 1);
    trailer.writeUInt32BE(head.length, 2);
    const signed = Buffer.concat([text, head, trailer]);
    const digest = (0,external_node_crypto_.createHash)('sha512').update(signed).digest();
    let values;
    if (key.algo === RSA)
        values = [mpi((0,external_node_crypto_.sign)('sha512', signed, signingKey))];
    else {
        const sig = (0,external_node_crypto_.sign)(null, digest, signingKey);
        values = [mpi(sig.subarray(0, 32)), mpi(sig.subarray(32))];
    }
    const unhashedSub = subpacket(16, key.keyId);
    const body = Buffer.concat([
        head,
        Buffer.from([unhashedSub.length >> 8, unhashedSub.length & 0xff]),
        unhashedSub,
        digest.subarray(0, 2),
        ...values,
    ]);
    const packet = Buffer.concat([Buffer.from([0xc2]), packetLength(body.length), body]);
    const dashed = message
        .split('\n')
        .map((l) => (l.startsWith('-') ? `- ${l}` : l))
        .join('\n');
    return `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${dashed}\n${armour(packet)}`;
}
function packetLength(n) {
    if (n < 192)
        return Buffer.from([n]);
    if (n < 8384)
        return Buffer.from([((n - 192) >> 8) + 192, (n - 192) & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = 255;
    b.writeUInt32BE(n, 1);
    return b;
}
function armour(data) {
    const b64 = data.toString('base64').replace(/.{1,64}/g, '$&\n');
    const crc = Buffer.alloc(3);
    crc.writeUIntBE(crc24(data), 0, 3);
    return `-----BEGIN PGP SIGNATURE-----\n\n${b64}=${crc.toString('base64')}\n-----END PGP SIGNATURE-----\n`;
}
function crc24(data) {
    let crc = 0xb704ce;
    for (const byte of data) {
        crc ^= byte << 16;
        for (let i = 0; i < 8; i++) {
            crc <<= 1;
            if (crc & 0x1000000)
                crc ^= 0x1864cfb;
        }
    }
    return crc & 0xffffff;
}

;// CONCATENATED MODULE: ./src/sign/provenance.ts






/** The message Helm signs: Chart.yaml as Helm writes it, `...`, and the archive's digest by its file name. */
async function messageBlock(md, archive) {
    const sum = (0,external_node_crypto_.createHash)('sha256').update(archive).digest('hex');
    await (0,yaml_lib/* loadYaml */.yv)();
    return `${await (0,metadata/* chartYaml */.U5)(md)}\n...\n${(0,yaml_lib/* yaml */.oQ)().stringify({ files: { [archiveName(md)]: `sha256:${sum}` } })}`;
}
/** `<name>-<version>.tgz`, the name `helm package` gives the archive and the provenance names it by. */
function archiveName(md) {
    return `${md.name}-${md.version}.tgz`;
}
let loading;
/** openpgp.js, loaded once, and only on the paths that sign or verify. */
const openpgpModule = () => (loading ??= __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 13074)));
/**
 * The files a provenance file's message names, by archive name, read from its clear text without
 * checking the signature: enough to tell that a `.prov` beside an archive was made for another one.
 */
async function provenanceFiles(provenance) {
    const text = provenance.toString('utf8').replace(/\r\n/g, '\n');
    const start = text.indexOf('\n\n', text.indexOf('-----BEGIN PGP SIGNED MESSAGE-----'));
    const end = text.indexOf('\n-----BEGIN PGP SIGNATURE-----');
    if (start < 0 || end < start)
        throw new errors/* UserError */.yo('is not a clear-signed provenance file');
    const body = text
        .slice(start + 2, end)
        .split('\n')
        .map((l) => (l.startsWith('- ') ? l.slice(2) : l))
        .join('\n');
    return filesBlock(body);
}
/** The `files:` block after the `...` of a provenance message (Helm's SumCollection). */
async function filesBlock(message) {
    const split = message.indexOf('\n...\n');
    if (split < 0)
        throw new errors/* UserError */.yo('has no `...` between the metadata and the files');
    // Loaded outside the try: only what the parser says of the text is "not YAML".
    await (0,yaml_lib/* loadYaml */.yv)();
    try {
        return ((0,bounded_read/* readYaml */.gM)(message.slice(split + 5), bounded_read/* CHART_YAML_BOUNDS */.xW) ?? {}).files ?? {};
    }
    catch {
        throw new errors/* UserError */.yo('has a files block that is not YAML');
    }
}
async function unlockSigningKey(options) {
    return unlockNative(options) ?? unlockWithOpenpgp(options);
}
/**
 * The fast path (pgp-sign.ts, node:crypto): RSA and Ed25519 v4 keys as GnuPG exports them, signing
 * with the primary key. Undefined for anything else (subkeys, other algorithms or protections), which
 * openpgp.js then handles.
 */
function unlockNative(options) {
    let keys;
    try {
        keys = readSecretKeys(options.keys);
    }
    catch (err) {
        if (err instanceof NotNative)
            return undefined;
        throw err;
    }
    const key = pickKey(keys, options.keyName, (k) => ({ fingerprint: k.fingerprint, userIds: k.userIds, others: [] }));
    if (!key.canSign)
        return undefined;
    if (key.encrypted && !options.passphrase)
        throw new errors/* UserError */.yo(`the signing key ${key.fingerprint} is protected by a passphrase, and none was given`, { code: 'sign-passphrase' });
    let signingKey;
    try {
        signingKey = key.unlock(options.passphrase);
    }
    catch (err) {
        if (err instanceof WrongPassphrase)
            throw new errors/* UserError */.yo(`the passphrase does not unlock the signing key ${key.fingerprint}`, { code: 'sign-passphrase' });
        if (err instanceof NotNative)
            return undefined;
        throw err;
    }
    const userId = key.userIds[0] ?? '';
    return {
        fingerprint: key.fingerprint,
        userId,
        sign: async (message, when) => {
            const date = !when ? new Date() : when >= key.created ? when : key.created;
            return { provenance: Buffer.from(clearSign(message, key, signingKey, date)), fingerprint: key.fingerprint, userId };
        },
    };
}
async function unlockWithOpenpgp(options) {
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
        throw new errors/* UserError */.yo(`the signing key cannot be read (${firstLine(err)})`, {
            hint: 'Give an ASCII-armoured private key, as gpg --export-secret-keys --armor KEY writes it',
            code: 'sign-key-unreadable',
        });
    }
    const key = pickKey(keys, options.keyName, (k) => ({
        fingerprint: fingerprintOf(k),
        userIds: k.getUserIDs(),
        others: k.getKeys().map((sub) => sub.getFingerprint().toUpperCase()),
    }));
    let unlocked = key;
    if (!key.isDecrypted()) {
        if (!options.passphrase)
            throw new errors/* UserError */.yo(`the signing key ${fingerprintOf(key)} is protected by a passphrase, and none was given`, {
                code: 'sign-passphrase',
            });
        try {
            unlocked = await openpgp.decryptKey({ privateKey: key, passphrase: options.passphrase });
        }
        catch {
            throw new errors/* UserError */.yo(`the passphrase does not unlock the signing key ${fingerprintOf(key)}`, { code: 'sign-passphrase' });
        }
    }
    const fingerprint = fingerprintOf(key);
    const userId = key.getUserIDs()[0] ?? '';
    return {
        fingerprint,
        userId,
        async sign(message, when) {
            // A fixed time before the key existed would make no valid signature: the key's creation is the earliest.
            const created = key.getCreationTime();
            const date = !when ? new Date() : when >= created ? when : created;
            try {
                const signingKey = await unlocked.getSigningKey(undefined, date);
                const armored = await openpgp.sign({
                    message: await openpgp.createCleartextMessage({ text: message }),
                    signingKeys: unlocked,
                    signingKeyIDs: [signingKey.getKeyID()],
                    date,
                    config: { preferredHashAlgorithm: openpgp.enums.hash.sha512, nonDeterministicSignaturesViaNotation: false },
                });
                return { provenance: Buffer.from(armored), fingerprint, userId };
            }
            catch (err) {
                throw new errors/* UserError */.yo(`the key ${fingerprint} cannot sign: ${firstLine(err)}`, {
                    hint: 'Use a key with the signing capability (gpg --quick-gen-key NAME ed25519 sign), valid at the signature time',
                });
            }
        },
    };
}
/** The key `name` names (a user id or part of one, or a fingerprint or key id), or the only one. */
function pickKey(keys, name, about) {
    const list = () => keys.map((k) => `${about(k).fingerprint} ${about(k).userIds[0] ?? ''}`).join('; ');
    if (!name) {
        if (keys.length === 1)
            return keys[0];
        throw new errors/* UserError */.yo(`the signing key holds ${keys.length} keys: say which one signs`, { hint: list(), code: 'sign-key-name' });
    }
    const wanted = name.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
    const matches = keys.filter((k) => {
        const a = about(k);
        return ([a.fingerprint, ...a.others].some((f) => f.endsWith(wanted)) || a.userIds.some((u) => u.toLowerCase().includes(name.toLowerCase())));
    });
    if (matches.length === 1)
        return matches[0];
    throw new errors/* UserError */.yo(matches.length === 0
        ? `no signing key matches ${JSON.stringify(name)}`
        : `${matches.length} signing keys match ${JSON.stringify(name)}`, { hint: `The keys: ${list()}`, code: 'sign-key-name' });
}
/** Each `-----BEGIN PGP <kind>----- \u2026 -----END PGP <kind>-----` block of a text. */
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
        throw new errors/* UserError */.yo(`the keyring cannot be read (${firstLine(err)})`, { hint: 'Give the public keys, as gpg --export writes them' });
    }
    let message;
    try {
        message = await openpgp.readCleartextMessage({ cleartextMessage: provenance.toString('utf8') });
    }
    catch (err) {
        throw new errors/* UserError */.yo(`the provenance file is not a clear-signed message (${firstLine(err)})`);
    }
    const result = await openpgp.verify({ message, verificationKeys: keys, expectSigned: false });
    const signature = result.signatures[0];
    if (!signature)
        throw new errors/* UserError */.yo('the provenance file holds no signature');
    try {
        await signature.verified;
    }
    catch (err) {
        const id = signature.keyID.toHex().toUpperCase();
        throw new errors/* UserError */.yo(/Could not find signing key/i.test(firstLine(err))
            ? `the provenance is signed by key ${id}, which is not in the keyring`
            : `the provenance signature does not hold (${firstLine(err)})`, { hint: 'Verify with the keyring of the key that signed the chart; a changed chart or provenance fails here' });
    }
    const key = keys.find((k) => k.getKeys(signature.keyID).length > 0);
    let files;
    try {
        files = await filesBlock(message.getText());
    }
    catch (err) {
        throw new errors/* UserError */.yo(`the provenance message ${err.message}`);
    }
    const want = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(archive).digest('hex')}`;
    const got = files[name];
    if (got === undefined)
        throw new errors/* UserError */.yo(`the provenance does not name ${name} (it names ${Object.keys(files).join(', ') || 'nothing'})`);
    if (got !== want)
        throw new errors/* UserError */.yo(`the chart does not match its provenance: ${name} is ${want}, the signed digest is ${String(got)}`, {
            hint: 'The chart was changed after it was signed',
        });
    return { fingerprint: fingerprintOf(key), userId: key.getUserIDs()[0] ?? '' };
}
/** A clear-signed message as helm and Chartlift write it: nothing before or after, no header but Hash, no armour header. */
const CANONICAL_PROVENANCE = /^-----BEGIN PGP SIGNED MESSAGE-----\nHash: [A-Z0-9]+\n\n[\s\S]*\n-----BEGIN PGP SIGNATURE-----\n\n[A-Za-z0-9+/=\n]+\n-----END PGP SIGNATURE-----\n?$/;
/**
 * Why `provenance` is not this signer's own provenance for `archive` (undefined when it is): made by
 * the key `fingerprint` of the secret `keys` (their public parts are the keyring) and naming the
 * archive by `name` and its digest. A provenance the registry holds beside the same chart counts as
 * this build's only then: another key's (or a forged one) is not this build's to report as signed.
 */
async function notOwnProvenance(provenance, archive, name, keys, fingerprint) {
    // Only the form a signer writes: OpenPGP verifies a clear-signed message with text before or after it,
    // or with armour headers, and a signature over the manifest would cover those bytes as well.
    if (!CANONICAL_PROVENANCE.test(provenance.toString('utf8')))
        return `is not signed by this build's key ${fingerprint} in the form a signer writes it (text around the clear-signed message, or armour headers)`;
    const openpgp = await openpgpModule();
    const text = keys.toString('utf8');
    const secret = [];
    if (!text.includes('-----BEGIN PGP'))
        secret.push(...(await openpgp.readPrivateKeys({ binaryKeys: keys })));
    else
        for (const block of armouredBlocks(text, 'PRIVATE KEY BLOCK'))
            secret.push(...(await openpgp.readPrivateKeys({ armoredKeys: block })));
    const keyring = Buffer.from(secret.map((k) => k.toPublic().armor()).join('\n'));
    try {
        const verified = await verifyProvenance(provenance, archive, name, keyring);
        return verified.fingerprint === fingerprint
            ? undefined
            : `is signed by key ${verified.fingerprint}, not this build's key ${fingerprint}`;
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            return `is not signed by this build's key ${fingerprint} (${err.message})`;
        throw err;
    }
}


/***/ })

};
