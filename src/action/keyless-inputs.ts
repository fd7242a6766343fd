import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { Input } from './constants.js';
import { once } from '../util/once.js';
import { bool } from './inputs.js';
import { checkSigstoreInstance, sigstoreUrlValue } from '../release/setting-values.js';
import { DEFAULT_SIGNATURE_FORMAT, SIGNATURE_FORMATS, type SignatureFormat } from '../release/signature-format.js';

/** The keyless inputs, checked: what to make, and the Sigstore instance (empty: chosen as actions/attest chooses). */
export interface KeylessInputs {
  sign: boolean;
  attest: boolean;
  /** Where what is made goes: the referrer bundle, cosign's classic tags, or both. */
  format: SignatureFormat;
  fulcioURL?: string;
  rekorURL?: string;
  tsaURL?: string;
  /** The `trusted-root` file's JSON, parsed (read when first needed). */
  trustedRoot?: () => Promise<unknown>;
  /** Where `trusted-root` was read from, for messages. */
  trustedRootFile?: string;
  githubToken: string;
}

/** Undefined when neither `keyless-sign` nor `attest` is true (and no other keyless input is set). */
export function readKeylessInputs(push: boolean): KeylessInputs | undefined {
  const sign = bool(Input.keylessSign, false);
  const attest = bool(Input.attest, false);
  const trustedRootFile = core.getInput(Input.trustedRoot);
  const names = { fulcio: `\`${Input.fulcioUrl}\``, rekor: `\`${Input.rekorUrl}\``, tsa: `\`${Input.tsaUrl}\`` };
  const fulcioURL = sigstoreUrlValue(core.getInput(Input.fulcioUrl), names.fulcio);
  const rekorURL = sigstoreUrlValue(core.getInput(Input.rekorUrl), names.rekor);
  const tsaURL = sigstoreUrlValue(core.getInput(Input.tsaUrl), names.tsa);
  const format = (core.getInput(Input.signatureFormat) || DEFAULT_SIGNATURE_FORMAT) as SignatureFormat;
  if (!SIGNATURE_FORMATS.includes(format))
    throw new UserError(`\`${Input.signatureFormat}\` is bundle, classic or both, not ${JSON.stringify(format)}`, {
      hint: 'bundle: a Sigstore bundle attached as an OCI referrer (cosign 3); classic: the sha256-<hex>.sig / .att tag (cosign 2, Kyverno, Flux before 1.8, Artifact Hub); both: each, made once',
    });
  const instanceSet = [
    fulcioURL && Input.fulcioUrl,
    rekorURL && Input.rekorUrl,
    tsaURL && Input.tsaUrl,
    trustedRootFile && Input.trustedRoot,
  ].filter(Boolean);
  if (!sign && !attest) {
    if (instanceSet.length > 0)
      throw new UserError(`\`${instanceSet[0]}\` is set, but neither \`keyless-sign\` nor \`attest\` is true`, {
        hint: 'Set keyless-sign: true (a signature) or attest: true (build provenance), or remove the Sigstore inputs',
      });
    return undefined;
  }
  if (!push)
    throw new UserError('keyless signing and attesting sign what is pushed, and `push` is false', {
      hint: 'Set push: true, or drop keyless-sign and attest',
    });
  checkSigstoreInstance({ fulcioURL, rekorURL, tsaURL }, names);
  return {
    sign,
    attest,
    format,
    fulcioURL,
    rekorURL,
    tsaURL,
    trustedRoot: trustedRootFile ? once(() => readTrustedRoot(trustedRootFile)) : undefined,
    trustedRootFile: trustedRootFile || undefined,
    githubToken: core.getInput(Input.githubToken),
  };
}

const readTrustedRoot = async (file: string): Promise<unknown> =>
  (await import('../sign/keyless/trusted-root.js')).readTrustedRootFile(
    file,
    'the `trusted-root` file',
    'Give the path of the instance’s trusted_root.json, relative to the workspace',
  );
