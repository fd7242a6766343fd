import type { KeyObject } from 'node:crypto';

/**
 * ECDSA P-256 verification of a signature over a digest given as it is (prehashed), which node:crypto
 * does not offer (it hashes what it is given): what Rekor's hashedrekord type checks when an entry is
 * proposed (rekor pkg/types/hashedrekord/v0.0.1 `validate`, `VerifySignature(…, options.WithDigest)`),
 * since it sees the digest and never the data. Affine arithmetic over BigInt, FIPS 186-4 §6.4.2: slow
 * (a few milliseconds), for a test stand-in only.
 */

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const A = P - 3n;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: Point = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};

type Point = { x: bigint; y: bigint } | null;

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

function add(p: Point, q: Point): Point {
  if (!p) return q;
  if (!q) return p;
  if (p.x === q.x && mod(p.y + q.y, P) === 0n) return null;
  const l = p.x === q.x && p.y === q.y ? mod((3n * p.x * p.x + A) * inverse(2n * p.y, P), P) : mod((q.y - p.y) * inverse(q.x - p.x, P), P);
  const x = mod(l * l - p.x - q.x, P);
  return { x, y: mod(l * (p.x - x) - p.y, P) };
}

function multiply(k: bigint, p: Point): Point {
  let out: Point = null;
  for (let addend = p; k > 0n; k >>= 1n, addend = add(addend, addend)) if (k & 1n) out = add(out, addend);
  return out;
}

const int = (b: Buffer): bigint => (b.length === 0 ? 0n : BigInt(`0x${b.toString('hex')}`));

/** r and s of a DER ECDSA signature (SEQUENCE { INTEGER r, INTEGER s }), or undefined when it is not one. */
function readDer(sig: Buffer): { r: bigint; s: bigint } | undefined {
  if (sig[0] !== 0x30 || sig[1] !== sig.length - 2) return undefined;
  const out: bigint[] = [];
  for (let at = 2; out.length < 2;) {
    if (sig[at] !== 0x02) return undefined;
    const len = sig[at + 1];
    out.push(int(sig.subarray(at + 2, at + 2 + len)));
    at += 2 + len;
    if (out.length === 2 && at !== sig.length) return undefined;
  }
  return { r: out[0], s: out[1] };
}

/** Whether `signature` (DER) is `key`'s (a P-256 public key) over `digest` (32 bytes, taken as it is). */
export function verifyPrehashedP256(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) return false;
  const q: Point = { x: int(Buffer.from(jwk.x, 'base64url')), y: int(Buffer.from(jwk.y, 'base64url')) };
  const rs = readDer(signature);
  if (!rs || rs.r <= 0n || rs.r >= N || rs.s <= 0n || rs.s >= N || digest.length !== 32) return false;
  const w = inverse(rs.s, N);
  const e = int(digest);
  const point = add(multiply(mod(e * w, N), G), multiply(mod(rs.r * w, N), q));
  return point !== null && mod(point.x, N) === rs.r;
}
