import { UserError } from '../../errors.js';
import { sha256Hex } from './statement.js';

/**
 * The payload a classic cosign signature signs: Red Hat's "simple signing" container image
 * signature, as cosign writes it (sigstore/sigstore pkg/signature/payload `SimpleContainerImage`,
 * marshalled by Go's encoding/json: field order as declared, no whitespace, no trailing newline,
 * `"optional":null` when `cosign sign` was given no `-a` annotation). Checked byte for byte against a
 * layer cosign pushed: a public `cosign verify -d` trace of index.docker.io/chihjenhuang/cosign1:t1
 * (cosign v1.13.1) names its layer's digest, which this payload hashes to (the unit test). No
 * Sigstore code here.
 */

/** The `type` of a cosign container image signature. */
export const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
/** The layer media type of a classic signature (cosign pkg/types `SimpleSigningMediaType`). */
export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';

/**
 * The repository as go-containerregistry names it (pkg/name `Repository.Name()`): `registry/repository`,
 * Docker Hub as `index.docker.io` (its `docker.io` rewritten, a one-segment name under `library/`),
 * a port kept. What cosign writes as the payload's `docker-reference`.
 */
export function dockerReference(registry: string, repository: string): string {
  const hub = registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io';
  if (!hub) return `${registry}/${repository}`;
  return `index.docker.io/${repository.includes('/') ? repository : `library/${repository}`}`;
}

/** The exact bytes cosign signs for the manifest `digest` in `registry/repository`. */
export function simpleSigningPayload(registry: string, repository: string, digest: string): Buffer {
  sha256Hex(digest);
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference(registry, repository) },
        image: { 'docker-manifest-digest': digest },
        type: SIMPLE_SIGNING_TYPE,
      },
      optional: null,
    }),
  );
}

/**
 * What a classic signature's payload claims, checked as cosign checks it (pkg/cosign/verifiers.go
 * `SimpleClaimVerifier`: the type, and the digest against the image's; the reference is not compared,
 * a copy in another repository keeping its signature): the digest it names, or a UserError.
 */
export function readSimpleSigning(payload: Buffer): { digest: string; reference: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new UserError('the signed payload is not JSON');
  }
  const critical = (parsed as { critical?: Record<string, unknown> } | null)?.critical;
  const type = critical?.type;
  const digest = (critical?.image as Record<string, unknown> | undefined)?.['docker-manifest-digest'];
  const reference = (critical?.identity as Record<string, unknown> | undefined)?.['docker-reference'];
  if (type !== SIMPLE_SIGNING_TYPE || typeof digest !== 'string' || typeof reference !== 'string')
    throw new UserError(`the signed payload is not a cosign container image signature (critical.type ${SIMPLE_SIGNING_TYPE})`);
  return { digest, reference };
}
