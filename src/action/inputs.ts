import * as core from '@actions/core';
import { basicToken } from '../oci/basic-auth.js';
import { mask } from './secrets.js';
import { UserError } from '../errors.js';
import { defaultCachePath } from '../oci/layout.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_SECONDS } from '../oci/retry.js';
import { Input } from './constants.js';
import { readKeylessInputs, type KeylessInputs } from './keyless-inputs.js';

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
  const ifExists = core.getInput(Input.ifExists) || 'fail';
  if (ifExists !== 'fail' && ifExists !== 'skip' && ifExists !== 'overwrite') {
    throw new UserError(`if-exists must be fail, skip or overwrite, not ${JSON.stringify(ifExists)}`, {
      hint: 'fail keeps published versions immutable (the default)',
    });
  }
  const plan = bool(Input.plan, false);
  const githubRelease = bool(Input.githubRelease, false);
  if (plan && githubRelease)
    throw new UserError('`plan: true` writes nothing, and `github-release: true` makes releases', {
      hint: 'Plan in one step, and make the releases in the step that publishes',
    });
  return {
    charts: lines(required(Input.chart, 'the chart folder (holding Chart.yaml) or a packaged .tgz')),
    refs: lines(required(Input.ref, 'oci://<registry>/<namespace>, e.g. oci://ghcr.io/my-org/charts')),
    username,
    password,
    push: bool(Input.push, true),
    cache: core.getInput(Input.cache) || defaultCachePath(),
    plainHttp: bool(Input.plainHttp, false),
    logout: bool(Input.logout, true),
    ifExists,
    retries: whole(Input.retries, DEFAULT_RETRIES, 0, 50),
    timeoutSeconds: whole(Input.timeout, DEFAULT_TIMEOUT_SECONDS, 1, 3600),
    caFile: core.getInput(Input.caFile),
    insecureSkipTlsVerify: bool(Input.insecureSkipTlsVerify, false),
    version: core.getInput(Input.version).trim(),
    appVersion: core.getInput(Input.appVersion).trim(),
    annotations: keyValues(core.getInput(Input.annotations)),
    layerMediaType: layerMediaType(core.getInput(Input.layerMediaType).trim()),
    sign: signing(),
    keyless: readKeylessInputs(bool(Input.push, true)),
    artifacthubRepo: core.getInput(Input.artifacthubRepo).trim(),
    artifacthubLint: artifacthubLint(core.getInput(Input.artifacthubLint).trim()),
    signKeyUrl: signKeyUrl(core.getInput(Input.signKeyUrl).trim()),
    plan,
    expectDigests: parseExpectedDigests(core.getInput(Input.expectDigest)),
    githubRelease,
    githubToken: core.getInput(Input.githubToken),
  };
}

/**
 * The public key's URL, written into the packaged Chart.yaml: printable ASCII only (anything else
 * percent-encoded), as NEL (U+0085), which JavaScript's \s does not match, is a line break to the YAML
 * 1.1 Helm reads Chart.yaml with.
 */
function signKeyUrl(raw: string): string {
  if (raw !== '' && !/^https?:\/\/[\x21-\x2e\x30-\x7e]+[\x21-\x7e]*$/.test(raw))
    throw new UserError(`sign-key-url must be an http(s) URL, not ${JSON.stringify(raw)}`, {
      hint: 'Give where the public key can be downloaded, e.g. https://keys.example.com/charts.asc (percent-encode any other character than printable ASCII)',
    });
  return raw;
}

function artifacthubLint(raw: string): 'error' | 'warn' {
  if (raw === '' || raw === 'error') return 'error';
  if (raw === 'warn') return 'warn';
  throw new UserError(`artifacthub-lint must be error or warn, not ${JSON.stringify(raw)}`, {
    hint: 'error fails the step on an artifacthub.io/* annotation Artifact Hub cannot read; warn publishes with a warning',
  });
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

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** `key=value` lines (the value may hold `=`). */
function keyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines(text)) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new UserError(`the \`annotations\` input needs key=value lines, not ${JSON.stringify(line)}`);
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

function layerMediaType(raw: string): 'modern' | 'legacy' {
  if (raw === '' || raw === 'modern') return 'modern';
  if (raw === 'legacy') return 'legacy';
  throw new UserError(`layer-media-type must be modern or legacy, not ${JSON.stringify(raw)}`, {
    hint: 'legacy writes application/tar+gzip for Helm 3.0–3.6 clients',
  });
}

function whole(name: string, fallback: number, min: number, max: number): number {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(`the \`${name}\` input must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return n;
}

function required(name: string, what: string): string {
  const value = core.getInput(name);
  if (!value) throw new UserError(`the \`${name}\` input is required`, { hint: `Set it to ${what}` });
  return value;
}

export function bool(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(raw)) return true;
  if (/^(false|no|off|0)$/i.test(raw)) return false;
  throw new UserError(`the \`${name}\` input must be true or false, not ${JSON.stringify(raw)}`);
}
