import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { KeylessCheck } from '../release/keyless.js';
import { SIGNATURE_FORMATS, type SignatureFormat } from '../release/signature-format.js';
import { COSIGN_SIGN_PREDICATE_TYPE, SLSA_PROVENANCE_V1_PREDICATE_TYPE } from '../sign/keyless/statement.js';

/** The keyless verification flags of `chart verify` and `chart pull --verify`, as cosign names them. */
export interface KeylessFlags {
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  type?: string;
  trustedRoot?: string;
  certificateGithubWorkflowRepository?: string;
  /** The form that must verify (bundle, classic or both); either when not given. */
  signatureFormat?: string;
}

/** cosign's `--type` names for what is checked: a signature, or a SLSA provenance attestation. */
const TYPES: Record<string, string> = {
  signature: COSIGN_SIGN_PREDICATE_TYPE,
  slsaprovenance: SLSA_PROVENANCE_V1_PREDICATE_TYPE,
  slsaprovenance1: SLSA_PROVENANCE_V1_PREDICATE_TYPE,
};

/** Whether any keyless flag was given (then `pull --verify` checks the keyless signature). */
export function wantsKeyless(flags: KeylessFlags): boolean {
  return Boolean(
    flags.certificateIdentity ||
    flags.certificateIdentityRegexp ||
    flags.certificateOidcIssuer ||
    flags.trustedRoot ||
    flags.type ||
    flags.certificateGithubWorkflowRepository ||
    flags.signatureFormat,
  );
}

/** sigstore-js runs on Node 22.22.2+ and 24.15+ (its engines); older ones are told so, not failed obscurely. */
export function checkNodeForSigstore(version = process.versions.node): void {
  const [major, minor] = version.split('.').map(Number);
  if ((major === 22 && minor >= 22) || (major === 24 && minor >= 15) || major >= 26) return;
  throw new UserError(`keyless verification needs Node.js 22.22 or later 22.x, or 24.15 or later (this is ${version})`, {
    hint: 'Run chartlift with a newer node; the rest of the CLI runs on Node 20 and later',
  });
}

/** What to verify, from the flags: the identity and issuer are required, as cosign requires them. */
export async function keylessCheck(flags: KeylessFlags): Promise<KeylessCheck> {
  checkNodeForSigstore();
  if (!flags.certificateIdentity === !flags.certificateIdentityRegexp)
    throw new UserError('give --certificate-identity (or --certificate-identity-regexp), exactly one', {
      hint: 'The signer you trust, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main',
    });
  if (!flags.certificateOidcIssuer)
    throw new UserError('give --certificate-oidc-issuer', { hint: 'For GitHub Actions: https://token.actions.githubusercontent.com' });
  const predicateType = TYPES[flags.type ?? 'signature'];
  if (!predicateType) throw new UserError(`--type takes signature or slsaprovenance, not ${JSON.stringify(flags.type)}`);
  let identity: string | RegExp = flags.certificateIdentity ?? '';
  if (flags.certificateIdentityRegexp) {
    try {
      identity = new RegExp(flags.certificateIdentityRegexp);
    } catch {
      throw new UserError(`--certificate-identity-regexp is not a regular expression: ${JSON.stringify(flags.certificateIdentityRegexp)}`);
    }
  }
  const format = flags.signatureFormat;
  if (format !== undefined && !(SIGNATURE_FORMATS as readonly string[]).includes(format))
    throw new UserError(`--signature-format takes bundle, classic or both, not ${JSON.stringify(format)}`, {
      hint: 'bundle: a Sigstore bundle among the referrers (cosign 3); classic: the sha256-<hex>.sig / .att tag (cosign 2); both: each; without it, either',
    });
  const repository = flags.certificateGithubWorkflowRepository;
  if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository))
    throw new UserError(`--certificate-github-workflow-repository takes OWNER/REPO, not ${JSON.stringify(repository)}`);
  return {
    predicateType,
    identity,
    issuer: flags.certificateOidcIssuer,
    trustedRoot: await trustedRoot(flags.trustedRoot),
    githubWorkflowRepository: repository,
    format: format as SignatureFormat | undefined,
  };
}

async function trustedRoot(file: string | undefined): Promise<unknown> {
  const { publicGoodTrustedRoot, readTrustedRootFile } = await import('../sign/keyless/trusted-root.js');
  if (file) return readTrustedRootFile(file, '--trusted-root', "Give the Sigstore instance's trusted_root.json");
  const cache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'chartlift', 'sigstore-tuf');
  try {
    return await publicGoodTrustedRoot(cache);
  } catch (err) {
    throw new UserError(`Sigstore's trusted root could not be fetched from its TUF repository (${(err as Error).message})`, {
      hint: "Check the network, or give the instance's trusted_root.json with --trusted-root FILE",
    });
  }
}
