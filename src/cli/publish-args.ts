import { parseArgs } from 'node:util';
import { UserError } from '../errors.js';
import { closestOption } from './args.js';

/**
 * `chartlift publish`'s settings: each of the action's inputs as a flag of the same name, read from the
 * flag, else from CHARTLIFT_<NAME> (`--if-exists` → CHARTLIFT_IF_EXISTS), else from what the CI gives
 * (GitLab's CI_* variables: see publish-settings.ts), else the action's default. Secrets are never a
 * flag's value on a command line other processes can read: `--password-stdin` (as helm and docker take
 * it) or CHARTLIFT_PASSWORD; `--sign-key FILE` (a file holding the armoured key) or CHARTLIFT_SIGN_KEY
 * (the key itself); `--sign-passphrase-file FILE` or CHARTLIFT_SIGN_PASSPHRASE.
 */
export const PUBLISH_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  ref: { type: 'string', multiple: true },
  username: { type: 'string', short: 'u' },
  'password-stdin': { type: 'boolean' },
  push: { type: 'boolean' },
  'no-push': { type: 'boolean' },
  cache: { type: 'string' },
  'plain-http': { type: 'boolean' },
  'if-exists': { type: 'string' },
  retries: { type: 'string' },
  timeout: { type: 'string' },
  'ca-file': { type: 'string' },
  'token-hosts': { type: 'string' },
  'insecure-skip-tls-verify': { type: 'boolean' },
  version: { type: 'string' },
  'app-version': { type: 'string' },
  annotations: { type: 'string', multiple: true },
  'layer-media-type': { type: 'string' },
  'sign-key': { type: 'string' },
  'sign-passphrase-file': { type: 'string' },
  'sign-key-name': { type: 'string' },
  'sign-key-url': { type: 'string' },
  'keyless-sign': { type: 'boolean' },
  'signature-format': { type: 'string' },
  attest: { type: 'boolean' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'tsa-url': { type: 'string' },
  'trusted-root': { type: 'string' },
  'identity-token-file': { type: 'string' },
  'certificate-identity': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'artifacthub-repo': { type: 'string' },
  'artifacthub-lint': { type: 'string' },
  plan: { type: 'boolean' },
  'expect-digest': { type: 'string' },
  output: { type: 'string' },
  dotenv: { type: 'string' },
} as const;

export type PublishValues = ReturnType<typeof readPublishArgs>['values'];

/** The flags that take true or false: `--push`, `--push=false` (read as `--no-push`), CHARTLIFT_PUSH=false. */
export const BOOLEAN_SETTINGS = ['push', 'plain-http', 'insecure-skip-tls-verify', 'keyless-sign', 'attest', 'plan'] as const;

/** `chartlift publish`'s arguments: the charts (paths and patterns), and the settings given as flags. */
export function readPublishArgs(argv: string[]) {
  // `--push=false` (the action's words) is `--no-push`; `--attest=true` is `--attest`.
  const args = argv.map((a) => {
    const m = /^--([a-z-]+)=(true|false)$/.exec(a);
    if (!m || !(BOOLEAN_SETTINGS as readonly string[]).includes(m[1])) return a;
    return m[2] === 'true' ? `--${m[1]}` : `--no-${m[1]}`;
  });
  try {
    return parseArgs({ args, options: PUBLISH_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const see = 'See chartlift publish --help';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '?';
      const near = closestOption(given, Object.keys(PUBLISH_OPTIONS));
      throw new UserError(`unknown option ${given}${near ? ` (did you mean ${near}?)` : ''}`, { hint: see });
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([a-z][a-z-]*)/.exec((err as Error).message)?.[1];
      if (name && name in PUBLISH_OPTIONS) {
        const option = PUBLISH_OPTIONS[name as keyof typeof PUBLISH_OPTIONS];
        throw new UserError(
          option.type === 'boolean' ? `--${name} takes no value (--${name}, or --${name}=false)` : `--${name} needs a value`,
          { hint: see },
        );
      }
    }
    throw new UserError((err as Error).message.split('\n')[0], { hint: see });
  }
}

/** CHARTLIFT_<NAME> for a setting: `if-exists` → CHARTLIFT_IF_EXISTS. */
export function envName(setting: string): string {
  return `CHARTLIFT_${setting.toUpperCase().replace(/-/g, '_')}`;
}
