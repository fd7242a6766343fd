import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { KeylessIdentity, KeylessKind, KeylessSigner } from '../release/keyless.js';
import type { SigstoreInstance } from '../release/setting-values.js';
import type { SignatureFormat } from '../release/signature-format.js';
import { jwtPayload } from '../sign/keyless/id-token.js';
import { once } from '../util/once.js';
import { readRegularFile } from '../util/read-regular-file.js';
import { checkNodeForSigstore } from './keyless-flags.js';
import { gitLabIdentity, gitLabProvenancePredicate, isGitLabToken, PUBLIC_GITLAB_ISSUERS } from './gitlab.js';

/** What `chartlift publish` was asked to sign keylessly, and with what. */
export interface CliKeyless {
  sign: boolean;
  attest: boolean;
  instance: SigstoreInstance;
  /** Which forms are made and looked for: bundles, cosign's classic tags, or both. */
  format: SignatureFormat;
  trustedRootFile?: string;
  /** A file holding the OIDC token (else SIGSTORE_ID_TOKEN). */
  identityTokenFile?: string;
  /** The identity the certificates carry, for a CI whose tokens Chartlift cannot read it from (as chart verify takes it). */
  certificateIdentity?: string;
  certificateOidcIssuer?: string;
}

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** An ID token is a few KiB. */
const MAX_TOKEN_BYTES = 64 * 1024;

/**
 * The CLI's keyless signer, for GitLab CI and any other CI: the OIDC token the job was given
 * (SIGSTORE_ID_TOKEN, as cosign reads it, or a file), the identity Fulcio certifies for it (a GitLab
 * job's, a GitHub workflow's, or the one given as chart verify takes it), the Sigstore instance (the
 * one given, else the public-good instance), the trusted root an earlier signature is checked against,
 * and the provenance of a GitLab job. Every check runs before anything is pushed.
 */
export async function cliKeylessSigner(
  k: CliKeyless,
  out: { info: (line: string) => void; warning: (line: string) => void },
  env: NodeJS.ProcessEnv = process.env,
): Promise<KeylessSigner> {
  checkNodeForSigstore();
  const token = await readToken(k, env);
  const claims = jwtPayload(token);
  if (!claims)
    throw new UserError(`the identity token is not a JWT with a JSON payload (${k.identityTokenFile ?? 'SIGSTORE_ID_TOKEN'})`, {
      hint: 'Give the OIDC token the CI issued for Sigstore (audience sigstore), as it is',
    });
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now())
    throw new UserError(`the identity token expired at ${new Date(claims.exp * 1000).toISOString()}`, {
      hint: 'Ask the CI for a token in the job that signs (a GitLab id_tokens token lives as long as the job)',
    });
  const identity = identityOf(k, claims, env);
  if (!k.instance.fulcioURL && isGitLabToken(claims) && !PUBLIC_GITLAB_ISSUERS.includes(identity.issuer))
    throw new UserError(`Sigstore's public instance does not take tokens from ${identity.issuer}`, {
      hint: 'It trusts gitlab.com pipelines only: give your own Sigstore instance (--fulcio-url, --rekor-url or --tsa-url, --trusted-root), see https://docs.gitlab.com/ci/yaml/signing_self_hosted/',
    });
  if (k.attest && !isGitLabToken(claims))
    throw new UserError('--attest from the CLI describes a GitLab CI job: this token is not one', {
      hint: 'On GitHub Actions, the action attests (chartlift/chartlift@v1 with attest: true)',
    });
  const givenRoot = k.trustedRootFile
    ? await (
        await import('../sign/keyless/trusted-root.js')
      ).readTrustedRootFile(k.trustedRootFile, 'the --trusted-root file', "Give the path of the instance's trusted_root.json")
    : undefined;
  const { KeylessSigner, publicGoodRootOrRefusal } = await import('../release/keyless.js');
  const kinds: KeylessKind[] = [];
  if (k.sign) kinds.push('signature');
  if (k.attest) kinds.push('attestation');
  const publicRoot = once(() => publicGoodRootOrRefusal(cache, out.warning));
  let rootLine = false;
  const cache = path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'chartlift', 'sigstore-tuf');
  return new KeylessSigner({
    kinds,
    format: k.format,
    endpoints: async () => {
      if (k.instance.fulcioURL) return { fulcioURL: k.instance.fulcioURL, rekorURL: k.instance.rekorURL, tsaURL: k.instance.tsaURL };
      return (await import('../sign/keyless/endpoints.js')).SIGSTORE_PUBLIC_GOOD;
    },
    identityToken: async () => token,
    identity: async () => identity,
    trustedRoot: async () => {
      if (givenRoot !== undefined) return givenRoot;
      if (k.instance.fulcioURL) {
        if (!rootLine)
          out.info(
            "no trusted root for this Sigstore instance (--trusted-root): an earlier signature counts when its certificate names this identity; it is not checked against the instance's CA and log",
          );
        rootLine = true;
        return undefined;
      }
      return publicRoot();
    },
    predicate: async () => gitLabProvenancePredicate(env, claims),
    log: out.info,
    warn: out.warning,
  });
}

async function readToken(k: CliKeyless, env: NodeJS.ProcessEnv): Promise<string> {
  if (k.identityTokenFile) {
    try {
      return (await readRegularFile(k.identityTokenFile, MAX_TOKEN_BYTES)).toString('utf8').trim();
    } catch (err) {
      throw new UserError(`the --identity-token-file ${k.identityTokenFile} cannot be read (${(err as Error).message})`, {
        hint: 'Give the file the CI wrote the OIDC token into',
      });
    }
  }
  const token = (env.SIGSTORE_ID_TOKEN ?? '').trim();
  if (!token)
    throw new UserError('keyless signing needs the OIDC identity token the CI issued for Sigstore, and there is none', {
      hint: 'GitLab CI: id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } } in the job; elsewhere, SIGSTORE_ID_TOKEN or --identity-token-file FILE',
    });
  return token;
}

/** The identity Fulcio writes into the certificate for this token: as given, a GitLab job's, or a GitHub workflow's. */
function identityOf(k: CliKeyless, claims: Record<string, unknown>, env: NodeJS.ProcessEnv): KeylessIdentity {
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  if (k.certificateIdentity) return { san: k.certificateIdentity, issuer: k.certificateOidcIssuer || iss };
  if (isGitLabToken(claims)) return gitLabIdentity(claims);
  // Fulcio's GitHub Actions mapping: the workflow that ran (job_workflow_ref), as a URL of the server.
  if (iss === GITHUB_ISSUER && typeof claims.job_workflow_ref === 'string')
    return { san: `${env.GITHUB_SERVER_URL || 'https://github.com'}/${claims.job_workflow_ref}`, issuer: iss };
  throw new UserError(`cannot tell which identity Sigstore certifies for a token from ${iss || 'an unnamed issuer'}`, {
    hint: "Give it as chart verify takes it: --certificate-identity (the certificate's SAN) and --certificate-oidc-issuer",
  });
}
