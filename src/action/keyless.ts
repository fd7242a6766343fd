import os from 'node:os';
import path from 'node:path';
import type { KeylessKind, KeylessSigner } from '../release/keyless.js';
import type { SigstoreEndpoints } from '../sign/keyless/endpoints.js';
import type { KeylessInputs } from './keyless-inputs.js';
import { once } from '../util/once.js';
import { jwtPayload } from '../sign/keyless/id-token.js';
import { checkIdTokenPermission, decodeIdTokenClaims, requestIdToken, type GitHubClaims } from './oidc.js';

/**
 * The action's keyless signer: the workflow's ID token (asked once, when first needed), the identity
 * Fulcio writes into the certificate for it, the Sigstore instance (the one given, else as
 * actions/attest chooses: public-good for a public repository, GitHub's own otherwise), the trusted
 * root an earlier signature is checked against, and the attestation recorded with GitHub's API.
 * Fails before anything is pushed when the job may not have an ID token.
 */
export async function actionKeylessSigner(
  inputs: KeylessInputs,
  out: { info: (line: string) => void; warning: (line: string) => void },
  env: NodeJS.ProcessEnv = process.env,
): Promise<KeylessSigner> {
  checkIdTokenPermission(env);
  // A `trusted-root` that cannot be read fails the step now, before anything is pushed.
  const givenRoot = await inputs.trustedRoot?.();
  const { KeylessSigner, publicGoodRootOrRefusal } = await import('../release/keyless.js');
  const serverURL = env.GITHUB_SERVER_URL || 'https://github.com';
  // Asked once, and again when it is within a minute of expiring (a runner's token lives minutes; a
  // step signing many charts may outlive it).
  let token: { value: Promise<string>; expires?: number } | undefined;
  const identityToken = async (): Promise<string> => {
    if (!token || (token.expires !== undefined && token.expires - Date.now() < 60_000)) {
      const asked = { value: requestIdToken(env) } as { value: Promise<string>; expires?: number };
      token = asked;
      const exp = jwtPayload(await asked.value)?.exp;
      asked.expires = typeof exp === 'number' ? exp * 1000 : undefined;
    }
    return token.value;
  };
  // The claims (the workflow, the run) are the same in every token of the job: read from the first.
  const claims = once((): Promise<GitHubClaims> => identityToken().then(decodeIdTokenClaims));
  const kinds: KeylessKind[] = [];
  if (inputs.sign) kinds.push('signature');
  if (inputs.attest) kinds.push('attestation');
  const endpoints = async (): Promise<SigstoreEndpoints> => {
    if (inputs.fulcioURL) return { fulcioURL: inputs.fulcioURL, rekorURL: inputs.rekorURL, tsaURL: inputs.tsaURL };
    const { SIGSTORE_PUBLIC_GOOD, githubSigstoreEndpoints } = await import('../sign/keyless/endpoints.js');
    return (await claims()).repository_visibility === 'public' ? SIGSTORE_PUBLIC_GOOD : githubSigstoreEndpoints(serverURL);
  };
  // Decided once for the step (one line in the log, one fetch), whatever the number of bundles checked.
  const trustedRoot = once(async (): Promise<unknown> => {
    if (givenRoot !== undefined) return givenRoot;
    if (inputs.fulcioURL || (await claims()).repository_visibility !== 'public') {
      out.info(
        'no trusted root for this Sigstore instance (`trusted-root`): an earlier signature counts when its certificate names this workflow; it is not checked against the instance’s CA and log',
      );
      return undefined;
    }
    return publicGoodRootOrRefusal(path.join(env.RUNNER_TEMP || os.tmpdir(), 'chartlift-sigstore-tuf'), out.warning);
  });
  return new KeylessSigner({
    kinds,
    format: inputs.format,
    endpoints,
    identityToken,
    identity: async () => {
      const c = await claims();
      return { san: `${serverURL}/${c.job_workflow_ref}`, issuer: c.iss };
    },
    trustedRoot,
    predicate: async () => {
      const { buildProvenancePredicate } = await import('./provenance-predicate.js');
      return buildProvenancePredicate(env, await claims()) as unknown as Record<string, unknown>;
    },
    record: async (bundle) => {
      const { recordAttestation } = await import('./attestations-api.js');
      const result = await recordAttestation(bundle, {
        token: inputs.githubToken,
        repository: env.GITHUB_REPOSITORY ?? '',
        apiUrl: env.GITHUB_API_URL,
      });
      if (result.id) out.info(`attestation recorded with GitHub's attestations API (id ${result.id})`);
      return result.warning;
    },
    log: out.info,
    warn: out.warning,
  });
}
