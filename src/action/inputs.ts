import * as core from '@actions/core';
import { basicToken } from '../oci/basic-auth.js';
import { mask } from './secrets.js';
import { UserError } from '../errors.js';
import { defaultCachePath } from '../oci/layout.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_SECONDS } from '../oci/retry.js';
import { TOKEN_HOSTS_VARIABLE, tokenHostsFrom } from '../oci/token-realm.js';
import { Input } from './constants.js';
import { readKeylessInputs, type KeylessInputs } from './keyless-inputs.js';
import {
  artifacthubLintValue,
  boolValue,
  ifExistsValue,
  keyValuesValue,
  layerMediaTypeValue,
  settingLines,
  signKeyUrlValue,
  wholeValue,
} from '../release/setting-values.js';

import type { IfExists } from '../release/push.js';
import { parseExpectedDigests, type ExpectedDigests } from '../release/expect-digest.js';

/** Every input of action.yml, read and checked in one place. */
export interface Inputs {
  /** The `chart` input's lines (paths and globs). */
  charts: string[];
  /** The `ref` input's lines: every chart goes to each. */
  refs: string[];
  username: string;
  password: string;
  push: boolean;
  cache: string;
  plainHttp: boolean;
  logout: boolean;
  ifExists: IfExists;
  retries: number;
  timeoutSeconds: number;
  caFile: string;
  insecureSkipTlsVerify: boolean;
  version: string;
  appVersion: string;
  annotations: Record<string, string>;
  layerMediaType: 'modern' | 'legacy';
  /** Signing, when `sign-key` is set. */
  sign?: { keys: Buffer; passphrase?: string; keyName?: string };
  /** Keyless signing and attesting, when `keyless-sign` or `attest` is true. */
  keyless?: KeylessInputs;
  /** Artifact Hub: one artifacthub-repo.yml for every chart (else each chart folder's), how a malformed annotation counts, the public key's URL. */
  artifacthubRepo: string;
  artifacthubLint: 'error' | 'warn';
  signKeyUrl: string;
  /** Hosts besides a registry's own that may serve its Bearer tokens: the `token-hosts` input's, and CHARTLIFT_TOKEN_HOSTS's. */
  tokenHosts: string[];
  /** Plan only: what a publish would do, nothing written. */
  plan: boolean;
  /** The digests the plan built, each chart held to its own. */
  expectDigests?: ExpectedDigests;
  /** A GitHub release per chart published, with the packaged chart, its provenance and its notes. */
  githubRelease: boolean;
  githubToken: string;
}

export function readInputs(): Inputs {
  // A password is taken as written (spaces are characters of it), and masked, with the Basic header
  // that carries it, before anything else happens.
  const password = core.getInput(Input.password, { trimWhitespace: false });
  const username = core.getInput(Input.username);
  if (password) mask(password);
  if (username && password) mask(basicToken(username, password));
  if (Boolean(username) !== Boolean(password))
    throw new UserError(`\`username\` and \`password\` go together, but only ${username ? '`username`' : '`password`'} is set`, {
      hint: 'Set both, or neither to use stored credentials',
    });
  if (username.includes(':'))
    throw new UserError('a user name may not contain ":"', { hint: 'Check the user name', code: 'username-colon' });
  const ifExists = ifExistsValue(core.getInput(Input.ifExists), 'if-exists');
  const plan = bool(Input.plan, false);
  const githubRelease = bool(Input.githubRelease, false);
  if (plan && githubRelease)
    throw new UserError('`plan: true` writes nothing, and `github-release: true` makes releases', {
      hint: 'Plan in one step, and make the releases in the step that publishes',
    });
  return {
    charts: settingLines(required(Input.chart, 'the chart folder (holding Chart.yaml) or a packaged .tgz')),
    refs: settingLines(required(Input.ref, 'oci://<registry>/<namespace>, e.g. oci://ghcr.io/my-org/charts')),
    username,
    password,
    push: bool(Input.push, true),
    cache: core.getInput(Input.cache) || defaultCachePath(),
    plainHttp: bool(Input.plainHttp, false),
    logout: bool(Input.logout, true),
    ifExists,
    retries: wholeValue(core.getInput(Input.retries), `the \`${Input.retries}\` input`, DEFAULT_RETRIES, 0, 50),
    timeoutSeconds: wholeValue(core.getInput(Input.timeout), `the \`${Input.timeout}\` input`, DEFAULT_TIMEOUT_SECONDS, 1, 3600),
    caFile: core.getInput(Input.caFile),
    insecureSkipTlsVerify: bool(Input.insecureSkipTlsVerify, false),
    version: core.getInput(Input.version).trim(),
    appVersion: core.getInput(Input.appVersion).trim(),
    annotations: keyValuesValue(settingLines(core.getInput(Input.annotations)), `the \`${Input.annotations}\` input`),
    layerMediaType: layerMediaTypeValue(core.getInput(Input.layerMediaType), 'layer-media-type'),
    sign: signing(),
    keyless: readKeylessInputs(bool(Input.push, true)),
    artifacthubRepo: core.getInput(Input.artifacthubRepo).trim(),
    artifacthubLint: artifacthubLintValue(core.getInput(Input.artifacthubLint), 'artifacthub-lint'),
    signKeyUrl: signKeyUrlValue(core.getInput(Input.signKeyUrl), 'sign-key-url'),
    tokenHosts: [...tokenHostsFrom(core.getInput(Input.tokenHosts)), ...tokenHostsFrom(process.env[TOKEN_HOSTS_VARIABLE])],
    plan,
    expectDigests: parseExpectedDigests(core.getInput(Input.expectDigest)),
    githubRelease,
    githubToken: core.getInput(Input.githubToken),
  };
}

/** The signing inputs, masked (the key line by line too: the runner masks a multi-line secret by lines) and never stored. */
function signing(): Inputs['sign'] {
  const key = core.getInput(Input.signKey);
  const passphrase = core.getInput(Input.signPassphrase, { trimWhitespace: false });
  const keyName = core.getInput(Input.signKeyName).trim();
  if (!key) {
    if (core.getInput(Input.signKeyUrl).trim())
      throw new UserError('`sign-key-url` goes with `sign-key`, which is not set', {
        hint: 'Set sign-key to sign the chart (sign-key-url then tells Artifact Hub where its public key is), or remove sign-key-url',
      });
    if (passphrase || keyName)
      throw new UserError('`sign-passphrase` and `sign-key-name` go with `sign-key`, which is not set', {
        hint: 'Set sign-key to the armoured private key, or remove the other signing inputs',
      });
    return undefined;
  }
  mask(key);
  for (const line of key.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith('-----')) mask(line);
  if (passphrase) mask(passphrase);
  return { keys: Buffer.from(key), passphrase: passphrase || undefined, keyName: keyName || undefined };
}

function required(name: string, what: string): string {
  const value = core.getInput(name);
  if (!value) throw new UserError(`the \`${name}\` input is required`, { hint: `Set it to ${what}` });
  return value;
}

export function bool(name: string, fallback: boolean): boolean {
  return boolValue(core.getInput(name), `the \`${name}\` input`, fallback);
}
