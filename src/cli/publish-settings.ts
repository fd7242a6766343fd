import { UserError, fsCode } from '../errors.js';
import { defaultCachePath } from '../oci/layout.js';
import { splitReference } from '../oci/reference.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_SECONDS } from '../oci/retry.js';
import type { IfExists } from '../release/push.js';
import { parseExpectedDigests, type ExpectedDigests } from '../release/expect-digest.js';
import { DEFAULT_SIGNATURE_FORMAT, SIGNATURE_FORMATS, type SignatureFormat } from '../release/signature-format.js';
import { tokenHostsFrom } from '../oci/token-realm.js';
import {
  artifacthubLintValue,
  boolValue,
  checkSigstoreInstance,
  ifExistsValue,
  keyValuesValue,
  layerMediaTypeValue,
  settingLines,
  signKeyUrlValue,
  sigstoreUrlValue,
  wholeValue,
} from '../release/setting-values.js';
import type { SignOptions } from '../sign/provenance.js';
import { readRegularFile } from '../util/read-regular-file.js';
import { gitLabDefaults, inGitLabCi } from './gitlab.js';
import type { CliKeyless } from './keyless-signer.js';
import { envName, type PublishValues } from './publish-args.js';

/** `chartlift publish`'s settings, read and checked before anything is done. */
export interface CliPublishSettings {
  charts: string[];
  refs: string[];
  /** The credential for the first ref's registry: given (flags, CHARTLIFT_*), or the GitLab job's own. */
  credential?: { username: string; password: string; from: string };
  push: boolean;
  cache: string;
  plainHttp: boolean;
  ifExists: IfExists;
  retries: number;
  timeoutSeconds: number;
  caFile?: string;
  /** Hosts besides a registry's own that may serve its Bearer tokens: given, and a self-managed GitLab's own host for its registry. */
  tokenHosts: string[];
  insecureSkipTlsVerify: boolean;
  version?: string;
  appVersion?: string;
  annotations: Record<string, string>;
  layerMediaType: 'modern' | 'legacy';
  sign?: Omit<SignOptions, 'date'>;
  signKeyUrl?: string;
  keyless?: CliKeyless;
  artifacthubRepo?: string;
  artifacthubLint: 'error' | 'warn';
  workspace?: string;
  codeUrl?: string;
  output?: 'json';
  /** Plan only: what a publish would do, nothing written. */
  plan: boolean;
  /** The digests a plan built, each chart held to its own. */
  expectDigests?: ExpectedDigests;
  dotenv?: string;
}

/**
 * Every setting from its flag, else its CHARTLIFT_* variable, else the CI's (in a GitLab job: the
 * project's folder, its URL, and its registry's login), else the action's default. `stdin` is read for
 * `--password-stdin`.
 */
export async function readPublishSettings(
  values: PublishValues,
  positionals: string[],
  env: NodeJS.ProcessEnv,
  stdin: () => Promise<string>,
): Promise<CliPublishSettings> {
  const text = (name: keyof PublishValues & string): string => {
    const v = values[name];
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return v.join('\n');
    return env[envName(name)] ?? '';
  };
  const flag = (name: string) => `--${name}`;
  const bool = (
    name: 'push' | 'plain-http' | 'insecure-skip-tls-verify' | 'keyless-sign' | 'attest' | 'plan',
    fallback: boolean,
  ): boolean => {
    if (name === 'push' && values['no-push']) return false;
    if (values[name]) return true;
    return boolValue(env[envName(name)] ?? '', envName(name), fallback);
  };
  const gitlab = inGitLabCi(env) ? gitLabDefaults(env) : {};

  const charts = positionals.length > 0 ? positionals : settingLines(env[envName('chart')] ?? '');
  if (charts.length === 0)
    throw new UserError('chartlift publish needs the charts to publish', {
      hint: 'chartlift publish CHART... --ref oci://HOST/NAMESPACE (a chart folder, a .tgz, or a pattern such as charts/*); or CHARTLIFT_CHART',
    });
  const refs = settingLines(text('ref'));
  if (refs.length === 0)
    throw new UserError('chartlift publish needs --ref', {
      hint: `Where to publish: --ref oci://<registry>/<namespace>${gitlab.registry ? ` (this project's: oci://${env.CI_REGISTRY_IMAGE || gitlab.registry})` : ''}; several --ref publish to each`,
    });

  const credential = await readCredential(values, env, stdin, gitlab, refs[0]);
  const push = bool('push', true);
  const instanceNames = { fulcio: flag('fulcio-url'), rekor: flag('rekor-url'), tsa: flag('tsa-url') };
  const instance = {
    fulcioURL: sigstoreUrlValue(text('fulcio-url'), instanceNames.fulcio),
    rekorURL: sigstoreUrlValue(text('rekor-url'), instanceNames.rekor),
    tsaURL: sigstoreUrlValue(text('tsa-url'), instanceNames.tsa),
  };
  const keylessSign = bool('keyless-sign', false);
  const attest = bool('attest', false);
  let keyless: CliKeyless | undefined;
  if (keylessSign || attest) {
    if (!push)
      throw new UserError('keyless signing and attesting sign what is pushed, and --no-push was given', { hint: 'Drop --no-push' });
    checkSigstoreInstance(instance, instanceNames);
    keyless = {
      sign: keylessSign,
      attest,
      instance,
      format: signatureFormat(text('signature-format')),
      trustedRootFile: text('trusted-root') || undefined,
      identityTokenFile: text('identity-token-file') || undefined,
      certificateIdentity: text('certificate-identity') || undefined,
      certificateOidcIssuer: text('certificate-oidc-issuer') || undefined,
    };
  } else {
    // A flag given for nothing is a mistake; a CHARTLIFT_* variable may be set for every job (a group's CI/CD variables).
    const set = (['fulcio-url', 'rekor-url', 'tsa-url', 'trusted-root', 'identity-token-file', 'signature-format'] as const).find(
      (n) => values[n] !== undefined,
    );
    if (set)
      throw new UserError(`--${set} is set, but neither --keyless-sign nor --attest`, {
        hint: 'Add --keyless-sign or --attest, or drop it',
      });
  }

  const output = text('output');
  if (output !== '' && output !== 'json') throw new UserError(`--output takes json, not ${JSON.stringify(output)}`);
  const signKeyUrl = signKeyUrlValue(text('sign-key-url'), flag('sign-key-url'));
  const sign = await readSigning(values, env);
  if (!sign && signKeyUrl)
    throw new UserError('--sign-key-url goes with --sign-key, which is not set', {
      hint: 'Give --sign-key FILE to sign the chart (the URL then tells Artifact Hub where its public key is), or drop --sign-key-url',
    });
  return {
    charts,
    refs,
    credential,
    push,
    cache: text('cache') || defaultCachePath(),
    plainHttp: bool('plain-http', false),
    ifExists: ifExistsValue(text('if-exists'), flag('if-exists')),
    retries: wholeValue(text('retries'), flag('retries'), DEFAULT_RETRIES, 0, 50),
    timeoutSeconds: wholeValue(text('timeout'), flag('timeout'), DEFAULT_TIMEOUT_SECONDS, 1, 3600),
    caFile: text('ca-file') || undefined,
    // GitLab's registry sends its token requests to the GitLab host (a self-managed instance's /jwt/auth):
    // taken when every ref is the project's registry (another registry's realm there would get its credentials).
    tokenHosts: [
      ...tokenHostsFrom(text('token-hosts')),
      ...(gitlab.serverHost && refs.every((r) => registryOf(r) === gitlab.registry) ? [gitlab.serverHost] : []),
    ],
    insecureSkipTlsVerify: bool('insecure-skip-tls-verify', false),
    version: text('version').trim() || undefined,
    appVersion: text('app-version').trim() || undefined,
    annotations: keyValuesValue(settingLines(text('annotations')), flag('annotations')),
    layerMediaType: layerMediaTypeValue(text('layer-media-type'), flag('layer-media-type')),
    sign,
    signKeyUrl: signKeyUrl || undefined,
    keyless,
    artifacthubRepo: text('artifacthub-repo').trim() || undefined,
    artifacthubLint: artifacthubLintValue(text('artifacthub-lint'), flag('artifacthub-lint')),
    workspace: gitlab.workspace ?? (env.GITHUB_WORKSPACE || undefined),
    codeUrl: gitlab.codeUrl,
    output: output === 'json' ? 'json' : undefined,
    plan: bool('plan', false),
    expectDigests: await readExpectDigest(text('expect-digest')),
    dotenv: text('dotenv') || undefined,
  };
}

/**
 * The first ref's credential: `-u` with `--password-stdin` (or CHARTLIFT_USERNAME and CHARTLIFT_PASSWORD),
 * else, in a GitLab job publishing to its project's registry, the job's own login; else none (stored
 * credentials, Helm's then Docker's, or anonymous).
 */
async function readCredential(
  values: PublishValues,
  env: NodeJS.ProcessEnv,
  stdin: () => Promise<string>,
  gitlab: ReturnType<typeof gitLabDefaults> | Record<string, never>,
  firstRef: string,
): Promise<CliPublishSettings['credential']> {
  const username = values.username ?? env[envName('username')] ?? '';
  let password = env[envName('password')] ?? '';
  if (values['password-stdin']) {
    if (!username) throw new UserError('--password-stdin goes with -u USER', { hint: 'chartlift publish ... -u USER --password-stdin' });
    password = (await stdin()).replace(/\r?\n$/, '');
    if (!password)
      throw new UserError(`no password came on standard input for ${username}`, {
        hint: `Pipe it in: echo "$TOKEN" | chartlift publish ... -u ${username} --password-stdin`,
      });
  }
  if (username || password) {
    if (!username || !password)
      throw new UserError(`a user name and a password go together, but only the ${username ? 'user name' : 'password'} is given`, {
        hint: username
          ? 'Give the password with --password-stdin or CHARTLIFT_PASSWORD'
          : 'Give the user with -u USER or CHARTLIFT_USERNAME',
      });
    if (username.includes(':'))
      throw new UserError('a user name may not contain ":"', { hint: 'Check the user name', code: 'username-colon' });
    return { username, password, from: values.username ? 'the command line' : 'CHARTLIFT_USERNAME and CHARTLIFT_PASSWORD' };
  }
  if ('registry' in gitlab && gitlab.registry && gitlab.credential) {
    if (registryOf(firstRef) === gitlab.registry)
      return { ...gitlab.credential, from: "the job's CI_REGISTRY_USER and CI_REGISTRY_PASSWORD" };
  }
  return undefined;
}

/** `--sign-key FILE` (or CHARTLIFT_SIGN_KEY, the key itself), its passphrase and its name. */
async function readSigning(values: PublishValues, env: NodeJS.ProcessEnv): Promise<Omit<SignOptions, 'date'> | undefined> {
  let keys: Buffer | undefined;
  if (values['sign-key']) keys = await readSecretFile(values['sign-key'], '--sign-key');
  else if (env[envName('sign-key')]) keys = Buffer.from(env[envName('sign-key')]!);
  const passphrase = values['sign-passphrase-file']
    ? (await readSecretFile(values['sign-passphrase-file'], '--sign-passphrase-file')).toString('utf8').replace(/\r?\n$/, '')
    : env[envName('sign-passphrase')];
  const keyName = (values['sign-key-name'] ?? env[envName('sign-key-name')] ?? '').trim();
  if (!keys) {
    if (values['sign-passphrase-file'] || keyName)
      throw new UserError('--sign-passphrase-file and --sign-key-name go with --sign-key, which is not set', {
        hint: 'Give --sign-key FILE (an armoured private key: gpg --export-secret-keys --armor KEY > FILE), or drop the others',
      });
    return undefined;
  }
  return { keys, passphrase: passphrase || undefined, keyName: keyName || undefined };
}

/** A key or passphrase file: a few KiB (1 MiB at most: a device or a huge file is refused, not read on). */
async function readSecretFile(file: string, flag: string): Promise<Buffer> {
  try {
    return await readRegularFile(file, 1024 * 1024);
  } catch (err) {
    throw new UserError(`${flag} ${file} cannot be read (${fsCode(err) ?? (err as Error).message})`, { hint: 'Check the path' });
  }
}

/** The registry a ref names ('' when it names none: the publication says what is wrong with it). */
function registryOf(ref: string): string {
  try {
    return splitReference(ref).registry;
  } catch {
    return '';
  }
}

/** --signature-format: bundle, classic or both (the default: every verifier finds the signature). */
function signatureFormat(raw: string): SignatureFormat {
  const value = (raw.trim() || DEFAULT_SIGNATURE_FORMAT) as SignatureFormat;
  if (!SIGNATURE_FORMATS.includes(value))
    throw new UserError(`--signature-format must be bundle, classic or both, not ${JSON.stringify(raw)}`, {
      hint: "bundle: a Sigstore bundle as an OCI referrer (cosign 3); classic: cosign's sha256-<hex>.sig / .att tag (cosign 2, Kyverno, Flux before 1.8, Artifact Hub); both (the default): each",
    });
  return value;
}

/** --expect-digest: a digest, the plan's JSON (its matrix or its whole table), or @FILE holding either (GitLab hands a plan on as a file). */
async function readExpectDigest(raw: string): Promise<ExpectedDigests | undefined> {
  let text = raw.trim();
  if (text.startsWith('@')) {
    const file = text.slice(1);
    try {
      text = (await readRegularFile(file, 16 * 1024 * 1024)).toString('utf8');
    } catch (err) {
      throw new UserError(`--expect-digest ${raw} cannot be read (${fsCode(err) ?? (err as Error).message})`, {
        hint: 'Give the plan file the plan job wrote',
      });
    }
  }
  return parseExpectedDigests(text);
}
