import { OciMediaType } from '../oci/media-types.js';
import { RegistryError } from '../oci/errors.js';
import type { Reference } from '../oci/reference.js';
import type { Registries } from './registries.js';

/** The hosts that are GitHub's container registry, where a first push makes a private package. */
export const GHCR_HOSTS: readonly string[] = ['ghcr.io'];

/** What an anonymous pull of a pushed chart met. */
export interface Visibility {
  visibility: 'public' | 'private' | 'unknown';
  /** Why it is private or unknown: what the registry answered. */
  why?: string;
  /** The package's owner (the first path part) and its name (the rest), as GitHub names them. */
  owner: string;
  packageName: string;
  /** Where the package's visibility is changed: an organisation's package, and a personal account's. */
  settingsUrl: string;
  userSettingsUrl: string;
}

/**
 * Asks for the manifest `digest` of the reference with no credential at all, as `helm pull` outside the owner
 * would: on GHCR a package is private until its owner makes it public, and the push that created it
 * succeeds all the same. Undefined, with no request made, for a host not in `hosts` (GHCR's only,
 * unless a test points it at a stand-in). Never throws: this only informs.
 */
export async function checkGhcrVisibility(
  registries: Registries,
  ref: Reference,
  digest: string,
  hosts: readonly string[] = GHCR_HOSTS,
): Promise<Visibility | undefined> {
  if (!hosts.includes(ref.registry)) return undefined;
  const [owner, ...rest] = ref.repository.split('/');
  const packageName = rest.join('/');
  const base = {
    owner,
    packageName,
    settingsUrl: packageSettingsUrl('orgs', owner, packageName),
    userSettingsUrl: packageSettingsUrl('users', owner, packageName),
  };
  try {
    const got = await registries.anonymous(ref.registry).fetchManifestIfAny(ref.repository, digest, OciMediaType.manifest);
    // GHCR hides a private package from strangers: "not found" is a refusal too.
    if (!got) return { ...base, visibility: 'private', why: 'not found' };
    return { ...base, visibility: 'public' };
  } catch (err) {
    // Every refusal (the manifest's, the token service's) arrives as a RegistryError with its status.
    const refused = err instanceof RegistryError && (err.status === 401 || err.status === 403);
    return { ...base, visibility: refused ? 'private' : 'unknown', why: (err as Error).message };
  }
}

/**
 * The package's settings page, where "Change visibility" is: under /orgs/ for an organisation's
 * package, /users/ for a personal account's; a nested name is one path segment, its slashes encoded.
 */
function packageSettingsUrl(kind: 'orgs' | 'users', owner: string, packageName: string): string {
  return `https://github.com/${kind}/${owner}/packages/container/${encodeURIComponent(packageName)}/settings`;
}

/** What the log says when GHCR refused an anonymous pull of a chart just pushed: who cannot pull it, and where to change that. */
export function visibilityLines(repository: string, seen: Visibility): string[] {
  if (seen.visibility === 'unknown')
    return [
      `${repository}: could not check whether the package is public (an anonymous pull met: ${seen.why ?? 'no answer'}); if it is private, change its visibility at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl})`,
    ];
  return [
    `${repository}: the package is private (an anonymous pull was refused: ${seen.why ?? 'refused'}). Only accounts with read access to the package can pull it: helm pull without credentials, other organisations' workflows and Artifact Hub cannot. To publish it, set its visibility to public at ${seen.settingsUrl} (a personal account's: ${seen.userSettingsUrl}), under Danger Zone, Change visibility`,
  ];
}
