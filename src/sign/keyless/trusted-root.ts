import { UserError } from '../../errors.js';
import { readRegularFile } from '../../util/read-regular-file.js';

/**
 * Sigstore's public-good trusted root, as sigstore-js keeps it: through its TUF repository
 * (tuf-repo-cdn.sigstore.dev), refreshed and verified by @sigstore/tuf from the root it ships, and
 * cached under `cachePath`. Loaded only when a keyless signature is checked.
 */
export async function publicGoodTrustedRoot(cachePath: string): Promise<unknown> {
  const [{ getTrustedRoot }, { TrustedRoot }] = await Promise.all([import('@sigstore/tuf'), import('@sigstore/protobuf-specs')]);
  return TrustedRoot.toJSON(await getTrustedRoot({ cachePath, timeout: 5000, retry: { retries: 1 } }));
}

/** A trusted_root.json is tens of KiB; a path to anything larger (or a device) is refused. */
const MAX_TRUSTED_ROOT = 4 * 1024 * 1024;

/**
 * A private instance's trusted_root.json, read bounded and checked to be one (it lists certificate
 * authorities). `named` and `hint` are the face's words: where the path came from (its input or
 * flag) and what to give instead.
 */
export async function readTrustedRootFile(file: string, named: string, hint: string): Promise<unknown> {
  let text: string;
  try {
    text = (await readRegularFile(file, MAX_TRUSTED_ROOT)).toString('utf8');
  } catch (err) {
    throw new UserError(`cannot read ${named} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { hint });
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw new UserError(`${named} ${file} is not JSON`, { hint });
  }
  const r = root as { certificateAuthorities?: unknown } | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.certificateAuthorities))
    throw new UserError(`${named} ${file} is not a Sigstore trusted root (no certificateAuthorities)`, { hint });
  return root;
}
