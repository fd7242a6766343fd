import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { Input } from './constants.js';
import { once } from '../util/once.js';
import { bool } from './inputs.js';
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
  const fulcioURL = sigstoreUrl(Input.fulcioUrl);
  const rekorURL = sigstoreUrl(Input.rekorUrl);
  const tsaURL = sigstoreUrl(Input.tsaUrl);
  const trustedRootFile = core.getInput(Input.trustedRoot);
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
  if ((rekorURL || tsaURL) && !fulcioURL)
    throw new UserError(`\`${rekorURL ? Input.rekorUrl : Input.tsaUrl}\` is set without \`fulcio-url\``, {
      hint: "A private Sigstore instance is given whole: its Fulcio, and its Rekor or timestamp authority (or both); leave all three empty for Sigstore's public instance",
    });
  if (fulcioURL && !rekorURL && !tsaURL)
    throw new UserError('`fulcio-url` is set, but neither `rekor-url` nor `tsa-url`', {
      hint: 'A signature needs a witness of its time: the instance’s Rekor, its timestamp authority, or both',
    });
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

/** An https URL (http only on this machine: a stand-in on loopback), without credentials, query or fragment. */
function sigstoreUrl(name: string): string | undefined {
  const raw = core.getInput(name);
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`\`${name}\` is not a URL: ${JSON.stringify(raw)}`, {
      hint: 'Give the service’s base URL, e.g. https://fulcio.example.com',
    });
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new UserError(`\`${name}\` must be an https URL, not ${JSON.stringify(`${url.protocol}//${url.host}`)}`, {
      hint: 'The identity token and signatures go there: plain http is accepted only on this machine (127.0.0.1)',
    });
  if (url.username || url.password || url.search || url.hash)
    throw new UserError(`\`${name}\` must be a plain base URL (no user, password, query or fragment)`);
  return url.toString().replace(/\/+$/, '');
}

const readTrustedRoot = async (file: string): Promise<unknown> =>
  (await import('../sign/keyless/trusted-root.js')).readTrustedRootFile(
    file,
    'the `trusted-root` file',
    'Give the path of the instance’s trusted_root.json, relative to the workspace',
  );
