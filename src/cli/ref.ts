import { versionTag } from '../artifact/chart-ref.js';
import { UserError } from '../errors.js';

/**
 * A REF as Helm users write it too: `oci://` dropped, and `--version X` as its tag (`+` written `_`,
 * as OCI tags write it). A REF that has a tag and a --version that differs from it is refused, and so
 * is a REF by digest with a --version (a digest is not a tag to compare).
 */
export function withVersion(ref: string, version: string | undefined): string {
  const bare = ref.replace(/^oci:\/\//, '');
  const last = bare.slice(bare.lastIndexOf('/') + 1);
  // Helm's form, oci://host/path/name, takes its version from --version: say so, not "add :<version>".
  if (version === undefined) {
    if (bare !== ref && !bare.includes('@') && !last.includes(':'))
      throw new UserError(`${ref} names a chart without its version`, {
        hint: `Give --version VERSION (as helm does: ${ref} --version 0.1.0), or the tag: ${bare}:0.1.0`,
      });
    return bare;
  }
  if (bare.includes('@'))
    throw new UserError(`a reference by digest takes no --version (it is not a tag)`, {
      where: `reference ${JSON.stringify(ref)}`,
      hint: 'Give one of them: host/path/name@sha256:DIGEST, or host/path/name --version VERSION',
    });
  const tag = versionTag(version.replace(/^v(?=\d)/, ''));
  const colon = last.lastIndexOf(':');
  if (colon < 0) return `${bare}:${tag}`;
  const given = last.slice(colon + 1);
  if (given !== tag)
    throw new UserError(`the tag ${JSON.stringify(given)} and --version ${version} differ`, {
      where: `reference ${JSON.stringify(ref)}`,
      hint: 'Give one of them: host/path/name:TAG, or host/path/name --version VERSION',
    });
  return bare;
}
