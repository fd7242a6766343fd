import { parseReference, refString } from '../oci/reference.js';
import { withClient } from './chart-commands.js';
import { keylessCheck, type KeylessFlags } from './keyless-flags.js';
import { print } from './print.js';
import type { Reach } from './registries.js';

/**
 * `chart verify REF`: the chart's manifest digest, as the tag holds it now, carries a keyless
 * signature (or, with --type slsaprovenance, a provenance attestation) by the given identity, valid
 * against Sigstore's trusted root (or --trusted-root), as a referrer bundle or in cosign's classic
 * layout (--signature-format: which must verify); each form that verified is named. A chart whose
 * content changed has another digest, and no signature.
 */
export async function verifyCommand(ref: string, options: Reach & KeylessFlags): Promise<void> {
  const check = await keylessCheck(options);
  const r = parseReference(ref);
  const { verified, digest } = await withClient(r.registry, options, async (client) => {
    const { digest } = await client.fetchManifest(r.repository, r.tag);
    const { verifyKeylessReferrer } = await import('../release/keyless.js');
    return { digest, verified: await verifyKeylessReferrer(client, r.repository, digest, check) };
  });
  const what = options.type && options.type !== 'signature' ? 'provenance attestation' : 'keyless signature';
  const { describeFound } = await import('../release/keyless.js');
  print(
    [
      `Verified ${refString(r)}@${digest}`,
      ...verified.found.map((f) => `${what}: ${describeFound(f)}`),
      `identity: ${verified.identity}`,
      `issuer:   ${verified.issuer}`,
      `trusted:  ${options.trustedRoot ? options.trustedRoot : "Sigstore's public-good trusted root"}`,
    ].join('\n'),
  );
}
