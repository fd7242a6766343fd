/**
 * Which forms a keyless signature or attestation is made in and looked for: a Sigstore bundle attached
 * as an OCI 1.1 referrer (cosign 3, actions/attest, Flux ≥ 1.8), cosign's classic `sha256-<hex>.sig` /
 * `.att` tag beside the chart (cosign 2, Kyverno type Cosign, Flux < 1.8, Ratify, Artifact Hub), or
 * both. Its own small module: both faces read the setting at start, before any signing code loads.
 */
export type SignatureFormat = 'bundle' | 'classic' | 'both';
export const SIGNATURE_FORMATS: readonly SignatureFormat[] = ['bundle', 'classic', 'both'];
export const DEFAULT_SIGNATURE_FORMAT: SignatureFormat = 'both';
