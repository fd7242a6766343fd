import { createDecipheriv, createHash, createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';

/**
 * The small part of OpenPGP (RFC 4880) that signing a Helm provenance needs, on node:crypto: reading a
 * v4 secret key as GnuPG exports it (RSA or EdDSA Ed25519; unprotected, or protected with an iterated
 * and salted S2K and AES in CFB mode), and making a v4 SHA-512 clear-text signature. Anything else
 * throws NotNative, and the caller uses openpgp.js instead. Loading openpgp.js costs ~30 ms of module
 * evaluation; this costs none.
 */
export class NotNative extends Error {}

export interface NativeKey {
  fingerprint: string;
  keyId: Buffer;
  userIds: string[];
  created: Date;
  canSign: boolean;
  encrypted: boolean;
  /** The signing key, once unlocked. */
  unlock(passphrase: string | undefined): KeyObject;
  algo: number;
}

const RSA = 1;
const EDDSA = 22;
const ED25519_OID = Buffer.from('2b06010401da470f01', 'hex');
const SHA512 = 10;

/** The transferable secret keys of an armoured text or a binary keyring. */
export function readSecretKeys(data: Buffer): NativeKey[] {
  const text = data.toString('latin1');
  const blocks = text.includes('-----BEGIN PGP')
    ? (text.match(/-----BEGIN PGP PRIVATE KEY BLOCK-----[\s\S]*?-----END PGP PRIVATE KEY BLOCK-----/g) ?? []).map(dearmor)
    : [data];
  if (blocks.length === 0) throw new NotNative('no private key block');
  const keys: NativeKey[] = [];
  for (const block of blocks) {
    let current: { key: NativeKey; flags?: number } | undefined;
    for (const p of packets(block)) {
      if (p.tag === 5) {
        current = { key: secretKey(p.body) };
        keys.push(current.key);
      } else if (p.tag === 7) {
        current = undefined; // subkeys: not used to sign here (the caller falls back when the primary cannot)
      } else if (p.tag === 13 && current) {
        current.key.userIds.push(p.body.toString('utf8'));
      } else if (p.tag === 2 && current) {
        const flags = selfSignatureFlags(p.body, current.key.keyId);
        if (flags !== undefined) current.key.canSign = (flags & 0x02) !== 0;
      }
    }
  }
  if (keys.length === 0) throw new NotNative('no secret key packet');
  return keys;
}

function dearmor(block: string): Buffer {
  const lines = block.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === '');
  const body = lines.slice(start + 1).filter((l) => l && !l.startsWith('=') && !l.startsWith('-----'));
  return Buffer.from(body.join(''), 'base64');
}

function* packets(data: Buffer): Generator<{ tag: number; body: Buffer }> {
  let i = 0;
  while (i < data.length) {
    const b = data[i++];
    if ((b & 0x80) === 0) throw new NotNative('not an OpenPGP packet');
    let tag: number;
    let len: number;
    if (b & 0x40) {
      tag = b & 0x3f;
      const o1 = data[i++];
      if (o1 < 192) len = o1;
      else if (o1 < 224) len = ((o1 - 192) << 8) + data[i++] + 192;
      else if (o1 === 255) {
        len = data.readUInt32BE(i);
        i += 4;
      } else throw new NotNative('partial packet lengths');
    } else {
      tag = (b >> 2) & 0x0f;
      const t = b & 3;
      if (t === 0) len = data[i++];
      else if (t === 1) {
        len = data.readUInt16BE(i);
        i += 2;
      } else if (t === 2) {
        len = data.readUInt32BE(i);
        i += 4;
      } else throw new NotNative('indeterminate packet length');
    }
    if (i + len > data.length) throw new NotNative('truncated packet');
    yield { tag, body: data.subarray(i, i + len) };
    i += len;
  }
}

function readMpi(buf: Buffer, at: number): [Buffer, number] {
  const bits = buf.readUInt16BE(at);
  const bytes = (bits + 7) >> 3;
  return [buf.subarray(at + 2, at + 2 + bytes), at + 2 + bytes];
}

function secretKey(body: Buffer): NativeKey {
  if (body[0] !== 4) throw new NotNative(`key version ${body[0]}`);
  const created = new Date(body.readUInt32BE(1) * 1000);
  const algo = body[5];
  let at = 6;
  const pub: Buffer[] = [];
  if (algo === RSA) {
    for (let k = 0; k < 2; k++) {
      const [m, next] = readMpi(body, at);
      pub.push(m);
      at = next;
    }
  } else if (algo === EDDSA) {
    const oidLen = body[at];
    const oid = body.subarray(at + 1, at + 1 + oidLen);
    if (!oid.equals(ED25519_OID)) throw new NotNative('an EdDSA curve other than Ed25519');
    at += 1 + oidLen;
    const [point, next] = readMpi(body, at);
    if (point.length !== 33 || point[0] !== 0x40) throw new NotNative('an unexpected EdDSA point');
    pub.push(point.subarray(1));
    at = next;
  } else throw new NotNative(`public key algorithm ${algo}`);
  const publicBody = body.subarray(0, at);
  const fingerprint = createHash('sha1')
    .update(Buffer.from([0x99, publicBody.length >> 8, publicBody.length & 0xff]))
    .update(publicBody)
    .digest();
  const usage = body[at++];
  let secretPart: Buffer;
  let derive: ((passphrase: string) => Buffer) | undefined;
  let checksum: 'sha1' | 'sum' = 'sum';
  if (usage === 0) secretPart = body.subarray(at);
  else if (usage === 254 || usage === 255) {
    checksum = usage === 254 ? 'sha1' : 'sum';
    const sym = body[at++];
    const keyLen = { 7: 16, 8: 24, 9: 32 }[sym];
    if (!keyLen) throw new NotNative(`symmetric algorithm ${sym}`);
    const s2kType = body[at++];
    const hashAlgo = body[at++];
    const hashName = { 2: 'sha1', 8: 'sha256', 9: 'sha384', 10: 'sha512' }[hashAlgo];
    if (!hashName) throw new NotNative(`S2K hash ${hashAlgo}`);
    let salt: Buffer = Buffer.alloc(0);
    let count = 0;
    if (s2kType === 1 || s2kType === 3) {
      salt = body.subarray(at, at + 8);
      at += 8;
    }
    if (s2kType === 3) {
      const c = body[at++];
      count = (16 + (c & 15)) << ((c >> 4) + 6);
    } else if (s2kType !== 0 && s2kType !== 1) throw new NotNative(`S2K type ${s2kType}`);
    const iv = body.subarray(at, at + 16);
    at += 16;
    const encrypted = body.subarray(at);
    const cipher = `aes-${keyLen * 8}-cfb`;
    derive = (passphrase) => {
      const key = s2k(hashName, salt, Buffer.from(passphrase, 'utf8'), count, keyLen);
      const d = createDecipheriv(cipher, key, iv);
      return Buffer.concat([d.update(encrypted), d.final()]);
    };
    secretPart = Buffer.alloc(0);
  } else throw new NotNative(`S2K usage ${usage}`);
  const key: NativeKey = {
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
function s2k(hash: string, salt: Buffer, pass: Buffer, count: number, keyLen: number): Buffer {
  const input = Buffer.concat([salt, pass]);
  const total = Math.max(count, input.length);
  const out: Buffer[] = [];
  for (let round = 0; Buffer.concat(out).length < keyLen; round++) {
    const h = createHash(hash).update(Buffer.alloc(round));
    if (count === 0) h.update(input);
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
      if (left > 0) h.update(input.subarray(0, left));
    }
    out.push(h.digest());
  }
  return Buffer.concat(out).subarray(0, keyLen);
}

/** The checksum of a decrypted secret key does not hold: the passphrase is wrong. */
export class WrongPassphrase extends Error {}

function checksummed(plain: Buffer, kind: 'sha1' | 'sum', encrypted: boolean): Buffer[] {
  const body = plain.subarray(0, plain.length - (kind === 'sha1' ? 20 : 2));
  const sum = plain.subarray(body.length);
  const ok =
    kind === 'sha1'
      ? createHash('sha1').update(body).digest().equals(sum)
      : body.reduce((a, b) => (a + b) & 0xffff, 0) === sum.readUInt16BE(0);
  if (!ok) {
    if (encrypted) throw new WrongPassphrase('the passphrase does not unlock the key');
    throw new NotNative('a secret key checksum that does not hold');
  }
  const mpis: Buffer[] = [];
  for (let at = 0; at < body.length;) {
    const [m, next] = readMpi(body, at);
    mpis.push(m);
    at = next;
  }
  return mpis;
}

const b64u = (b: Buffer) => b.toString('base64url');
const big = (b: Buffer) => BigInt(`0x${b.toString('hex') || '0'}`);
const bytes = (n: bigint) => {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

function rsaKey(pub: Buffer[], mpis: Buffer[]): KeyObject {
  if (mpis.length < 4) throw new NotNative('an RSA secret key without d, p, q, u');
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
  return createPrivateKey({ key: jwk, format: 'jwk' });
}

function edKey(publicKey: Buffer, mpis: Buffer[]): KeyObject {
  const secret = Buffer.alloc(32); // the 32-byte private key, left-padded as OpenPGP strips leading zeros
  mpis[0].copy(secret, 32 - mpis[0].length);
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64u(secret), x: b64u(publicKey) }, format: 'jwk' });
}

/** The key flags of a self-signature (issuer = the key itself) over a user id or the key, if it has them. */
function selfSignatureFlags(sig: Buffer, keyId: Buffer): number | undefined {
  if (sig[0] !== 4) return undefined;
  const type = sig[1];
  if (type < 0x10 || type > 0x13) return undefined;
  const hashedLen = sig.readUInt16BE(4);
  const hashed = sig.subarray(6, 6 + hashedLen);
  const unhashedLen = sig.readUInt16BE(6 + hashedLen);
  const unhashed = sig.subarray(8 + hashedLen, 8 + hashedLen + unhashedLen);
  const inHash = subpackets(hashed);
  const sub = [...inHash, ...subpackets(unhashed)];
  const issuer = sub.find((s) => s.type === 16)?.data ?? sub.find((s) => s.type === 33)?.data.subarray(-8);
  if (issuer && !issuer.equals(keyId)) return undefined;
  const flags = inHash.find((s) => s.type === 27)?.data;
  return flags ? flags[0] : undefined;
}

function subpackets(data: Buffer): Array<{ type: number; data: Buffer }> {
  const out: Array<{ type: number; data: Buffer }> = [];
  for (let i = 0; i < data.length;) {
    let len = data[i++];
    if (len >= 192 && len < 255) len = ((len - 192) << 8) + data[i++] + 192;
    else if (len === 255) {
      len = data.readUInt32BE(i);
      i += 4;
    }
    out.push({ type: data[i] & 0x7f, data: data.subarray(i + 1, i + len) });
    i += len;
  }
  return out;
}

function mpi(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const v = b.subarray(i);
  const bits = v.length === 0 ? 0 : (v.length - 1) * 8 + (32 - Math.clz32(v[0]));
  return Buffer.concat([Buffer.from([bits >> 8, bits & 0xff]), v]);
}

function subpacket(type: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([data.length + 1, type]), data]);
}

/** A v4 SHA-512 signature of canonical text (type 0x01), armoured, and the clear-signed message around it. */
export function clearSign(message: string, key: NativeKey, signingKey: KeyObject, date: Date): string {
  const text = Buffer.from(
    message
      .split('\n')
      .map((l) => l.replace(/[ \t]+$/, ''))
      .join('\r\n'),
    'utf8',
  );
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
  const digest = createHash('sha512').update(signed).digest();
  let values: Buffer[];
  if (key.algo === RSA) values = [mpi(cryptoSign('sha512', signed, signingKey))];
  else {
    const sig = cryptoSign(null, digest, signingKey);
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

function packetLength(n: number): Buffer {
  if (n < 192) return Buffer.from([n]);
  if (n < 8384) return Buffer.from([((n - 192) >> 8) + 192, (n - 192) & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = 255;
  b.writeUInt32BE(n, 1);
  return b;
}

function armour(data: Buffer): string {
  const b64 = data.toString('base64').replace(/.{1,64}/g, '$&\n');
  const crc = Buffer.alloc(3);
  crc.writeUIntBE(crc24(data), 0, 3);
  return `-----BEGIN PGP SIGNATURE-----\n\n${b64}=${crc.toString('base64')}\n-----END PGP SIGNATURE-----\n`;
}

function crc24(data: Buffer): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}
