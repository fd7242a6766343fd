import { createHash } from 'node:crypto';
import { loadYaml, yaml } from '../util/yaml-lib.js';
import { CHART_YAML_BOUNDS, readYaml } from '../util/bounded-read.js';
import type { Metadata } from '../chart/metadata.js';
import { chartYaml } from '../chart/metadata.js';
import { UserError } from '../errors.js';
import { clearSign, NotNative, readSecretKeys, WrongPassphrase, type NativeKey } from './pgp-sign.js';

/**
 * Helm's provenance file (pkg/provenance): an OpenPGP clear-signed message holding the chart's
 * metadata as Chart.yaml, the YAML document end `...`, and the archive's SHA-256 under `files:`.
 * OpenPGP is openpgp.js, loaded only on the paths that sign or verify.
 */

/** How to sign: private keys (ASCII-armoured or binary, one or several), the passphrase, and which key. */
export interface SignOptions {
  keys: Buffer;
  passphrase?: string;
  /** A user id (or part of one) or a fingerprint / key id, as Helm's `--key` names a key. */
  keyName?: string;
  /** The signature's time; now unless given (SOURCE_DATE_EPOCH makes it reproducible). */
  date?: Date;
}

export interface Signed {
  provenance: Buffer;
  /** The signing key's fingerprint, upper-case hex. */
  fingerprint: string;
  userId: string;
}

/** The message Helm signs: Chart.yaml as Helm writes it, `...`, and the archive's digest by its file name. */
export async function messageBlock(md: Metadata, archive: Buffer): Promise<string> {
  const sum = createHash('sha256').update(archive).digest('hex');
  await loadYaml();
  return `${await chartYaml(md)}\n...\n${yaml().stringify({ files: { [archiveName(md)]: `sha256:${sum}` } })}`;
}

/** `<name>-<version>.tgz`, the name `helm package` gives the archive and the provenance names it by. */
export function archiveName(md: Pick<Metadata, 'name' | 'version'>): string {
  return `${md.name}-${md.version}.tgz`;
}

let loading: Promise<typeof import('openpgp')> | undefined;
/** openpgp.js, loaded once, and only on the paths that sign or verify. */
const openpgpModule = () => (loading ??= import('openpgp'));

/**
 * The files a provenance file's message names, by archive name, read from its clear text without
 * checking the signature: enough to tell that a `.prov` beside an archive was made for another one.
 */
export async function provenanceFiles(provenance: Buffer): Promise<Record<string, unknown>> {
  const text = provenance.toString('utf8').replace(/\r\n/g, '\n');
  const start = text.indexOf('\n\n', text.indexOf('-----BEGIN PGP SIGNED MESSAGE-----'));
  const end = text.indexOf('\n-----BEGIN PGP SIGNATURE-----');
  if (start < 0 || end < start) throw new UserError('is not a clear-signed provenance file');
  const body = text
    .slice(start + 2, end)
    .split('\n')
    .map((l) => (l.startsWith('- ') ? l.slice(2) : l))
    .join('\n');
  return filesBlock(body);
}

/** The `files:` block after the `...` of a provenance message (Helm's SumCollection). */
async function filesBlock(message: string): Promise<Record<string, unknown>> {
  const split = message.indexOf('\n...\n');
  if (split < 0) throw new UserError('has no `...` between the metadata and the files');
  // Loaded outside the try: only what the parser says of the text is "not YAML".
  await loadYaml();
  try {
    return ((readYaml(message.slice(split + 5), CHART_YAML_BOUNDS) ?? {}) as { files?: Record<string, unknown> }).files ?? {};
  } catch {
    throw new UserError('has a files block that is not YAML');
  }
}

/** A signing key read and unlocked (the costly part: the passphrase's S2K), ready to sign messages as `helm package --sign` does (SHA-512). */
interface UnlockedKey {
  fingerprint: string;
  userId: string;
  sign(message: string, date?: Date): Promise<Signed>;
}

export async function unlockSigningKey(options: Omit<SignOptions, 'date'>): Promise<UnlockedKey> {
  return unlockNative(options) ?? unlockWithOpenpgp(options);
}

/**
 * The fast path (pgp-sign.ts, node:crypto): RSA and Ed25519 v4 keys as GnuPG exports them, signing
 * with the primary key. Undefined for anything else (subkeys, other algorithms or protections), which
 * openpgp.js then handles.
 */
function unlockNative(options: Omit<SignOptions, 'date'>): UnlockedKey | undefined {
  let keys: NativeKey[];
  try {
    keys = readSecretKeys(options.keys);
  } catch (err) {
    if (err instanceof NotNative) return undefined;
    throw err;
  }
  const key = pickKey(keys, options.keyName, (k) => ({ fingerprint: k.fingerprint, userIds: k.userIds, others: [] }));
  if (!key.canSign) return undefined;
  if (key.encrypted && !options.passphrase)
    throw new UserError(`the signing key ${key.fingerprint} is protected by a passphrase, and none was given`, { code: 'sign-passphrase' });
  let signingKey;
  try {
    signingKey = key.unlock(options.passphrase);
  } catch (err) {
    if (err instanceof WrongPassphrase)
      throw new UserError(`the passphrase does not unlock the signing key ${key.fingerprint}`, { code: 'sign-passphrase' });
    if (err instanceof NotNative) return undefined;
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

async function unlockWithOpenpgp(options: Omit<SignOptions, 'date'>): Promise<UnlockedKey> {
  const openpgp = await openpgpModule();
  let keys;
  try {
    const text = options.keys.toString('utf8');
    if (!text.includes('-----BEGIN PGP')) keys = await openpgp.readPrivateKeys({ binaryKeys: options.keys });
    else {
      // Several armoured blocks (keys exported one by one, then joined) are several keys.
      keys = [];
      for (const block of armouredBlocks(text, 'PRIVATE KEY BLOCK')) keys.push(...(await openpgp.readPrivateKeys({ armoredKeys: block })));
    }
  } catch (err) {
    throw new UserError(`the signing key cannot be read (${firstLine(err)})`, {
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
      throw new UserError(`the signing key ${fingerprintOf(key)} is protected by a passphrase, and none was given`, {
        code: 'sign-passphrase',
      });
    try {
      unlocked = await openpgp.decryptKey({ privateKey: key, passphrase: options.passphrase });
    } catch {
      throw new UserError(`the passphrase does not unlock the signing key ${fingerprintOf(key)}`, { code: 'sign-passphrase' });
    }
  }
  const fingerprint = fingerprintOf(key);
  const userId = key.getUserIDs()[0] ?? '';
  return {
    fingerprint,
    userId,
    async sign(message: string, when?: Date): Promise<Signed> {
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
      } catch (err) {
        throw new UserError(`the key ${fingerprint} cannot sign: ${firstLine(err)}`, {
          hint: 'Use a key with the signing capability (gpg --quick-gen-key NAME ed25519 sign), valid at the signature time',
        });
      }
    },
  };
}

/** The key `name` names (a user id or part of one, or a fingerprint or key id), or the only one. */
function pickKey<K>(keys: K[], name: string | undefined, about: (k: K) => { fingerprint: string; userIds: string[]; others: string[] }): K {
  const list = () => keys.map((k) => `${about(k).fingerprint} ${about(k).userIds[0] ?? ''}`).join('; ');
  if (!name) {
    if (keys.length === 1) return keys[0];
    throw new UserError(`the signing key holds ${keys.length} keys: say which one signs`, { hint: list(), code: 'sign-key-name' });
  }
  const wanted = name.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
  const matches = keys.filter((k) => {
    const a = about(k);
    return (
      [a.fingerprint, ...a.others].some((f) => f.endsWith(wanted)) || a.userIds.some((u) => u.toLowerCase().includes(name.toLowerCase()))
    );
  });
  if (matches.length === 1) return matches[0];
  throw new UserError(
    matches.length === 0
      ? `no signing key matches ${JSON.stringify(name)}`
      : `${matches.length} signing keys match ${JSON.stringify(name)}`,
    { hint: `The keys: ${list()}`, code: 'sign-key-name' },
  );
}

/** Each `-----BEGIN PGP <kind>----- … -----END PGP <kind>-----` block of a text. */
function armouredBlocks(text: string, kind: string): string[] {
  const blocks = text.match(new RegExp(`-----BEGIN PGP ${kind}-----[\\s\\S]*?-----END PGP ${kind}-----`, 'g')) ?? [];
  if (blocks.length === 0) throw new Error(`no ${kind.toLowerCase()} in the armour`);
  return blocks;
}

function fingerprintOf(key: { getFingerprint(): string }): string {
  return key.getFingerprint().toUpperCase();
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

export interface Verified {
  fingerprint: string;
  userId: string;
}

/**
 * Checks a provenance file as `helm verify` does: the signature is good and made by a key of the
 * keyring (binary, as `gpg --export` writes it, or armoured), and the file it names by the archive's
 * name carries the archive's SHA-256.
 */
export async function verifyProvenance(provenance: Buffer, archive: Buffer, name: string, keyring: Buffer): Promise<Verified> {
  const openpgp = await openpgpModule();
  let keys;
  try {
    const text = keyring.toString('utf8');
    if (!text.includes('-----BEGIN PGP')) keys = await openpgp.readKeys({ binaryKeys: keyring });
    else {
      keys = [];
      for (const block of armouredBlocks(text, 'PUBLIC KEY BLOCK')) keys.push(...(await openpgp.readKeys({ armoredKeys: block })));
    }
  } catch (err) {
    throw new UserError(`the keyring cannot be read (${firstLine(err)})`, { hint: 'Give the public keys, as gpg --export writes them' });
  }
  let message;
  try {
    message = await openpgp.readCleartextMessage({ cleartextMessage: provenance.toString('utf8') });
  } catch (err) {
    throw new UserError(`the provenance file is not a clear-signed message (${firstLine(err)})`);
  }
  const result = await openpgp.verify({ message, verificationKeys: keys, expectSigned: false });
  const signature = result.signatures[0];
  if (!signature) throw new UserError('the provenance file holds no signature');
  try {
    await signature.verified;
  } catch (err) {
    const id = signature.keyID.toHex().toUpperCase();
    throw new UserError(
      /Could not find signing key/i.test(firstLine(err))
        ? `the provenance is signed by key ${id}, which is not in the keyring`
        : `the provenance signature does not hold (${firstLine(err)})`,
      { hint: 'Verify with the keyring of the key that signed the chart; a changed chart or provenance fails here' },
    );
  }
  const key = keys.find((k) => k.getKeys(signature.keyID).length > 0)!;
  let files: Record<string, unknown>;
  try {
    files = await filesBlock(message.getText());
  } catch (err) {
    throw new UserError(`the provenance message ${(err as Error).message}`);
  }
  const want = `sha256:${createHash('sha256').update(archive).digest('hex')}`;
  const got = files[name];
  if (got === undefined)
    throw new UserError(`the provenance does not name ${name} (it names ${Object.keys(files).join(', ') || 'nothing'})`);
  if (got !== want)
    throw new UserError(`the chart does not match its provenance: ${name} is ${want}, the signed digest is ${String(got)}`, {
      hint: 'The chart was changed after it was signed',
    });
  return { fingerprint: fingerprintOf(key), userId: key.getUserIDs()[0] ?? '' };
}

/** A clear-signed message as helm and Chartlift write it: nothing before or after, no header but Hash, no armour header. */
const CANONICAL_PROVENANCE =
  /^-----BEGIN PGP SIGNED MESSAGE-----\nHash: [A-Z0-9]+\n\n[\s\S]*\n-----BEGIN PGP SIGNATURE-----\n\n[A-Za-z0-9+/=\n]+\n-----END PGP SIGNATURE-----\n?$/;

/**
 * Why `provenance` is not this signer's own provenance for `archive` (undefined when it is): made by
 * the key `fingerprint` of the secret `keys` (their public parts are the keyring) and naming the
 * archive by `name` and its digest. A provenance the registry holds beside the same chart counts as
 * this build's only then: another key's (or a forged one) is not this build's to report as signed.
 */
export async function notOwnProvenance(
  provenance: Buffer,
  archive: Buffer,
  name: string,
  keys: Buffer,
  fingerprint: string,
): Promise<string | undefined> {
  // Only the form a signer writes: OpenPGP verifies a clear-signed message with text before or after it,
  // or with armour headers, and a signature over the manifest would cover those bytes as well.
  if (!CANONICAL_PROVENANCE.test(provenance.toString('utf8')))
    return `is not signed by this build's key ${fingerprint} in the form a signer writes it (text around the clear-signed message, or armour headers)`;
  const openpgp = await openpgpModule();
  const text = keys.toString('utf8');
  const secret = [];
  if (!text.includes('-----BEGIN PGP')) secret.push(...(await openpgp.readPrivateKeys({ binaryKeys: keys })));
  else
    for (const block of armouredBlocks(text, 'PRIVATE KEY BLOCK')) secret.push(...(await openpgp.readPrivateKeys({ armoredKeys: block })));
  const keyring = Buffer.from(secret.map((k) => k.toPublic().armor()).join('\n'));
  try {
    const verified = await verifyProvenance(provenance, archive, name, keyring);
    return verified.fingerprint === fingerprint
      ? undefined
      : `is signed by key ${verified.fingerprint}, not this build's key ${fingerprint}`;
  } catch (err) {
    if (err instanceof UserError) return `is not signed by this build's key ${fingerprint} (${err.message})`;
    throw err;
  }
}
