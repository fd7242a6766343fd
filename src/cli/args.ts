import { parseArgs } from 'node:util';
import { UserError } from '../errors.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  cache: { type: 'string' },
  username: { type: 'string', short: 'u' },
  'password-stdin': { type: 'boolean' },
  'plain-http': { type: 'boolean' },
  'ca-file': { type: 'string' },
  'token-hosts': { type: 'string' },
  destination: { type: 'string', short: 'd' },
  'if-exists': { type: 'string' },
  sign: { type: 'boolean' },
  key: { type: 'string' },
  keyring: { type: 'string' },
  'passphrase-file': { type: 'string' },
  verify: { type: 'boolean' },
  version: { type: 'string' },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'certificate-github-workflow-repository': { type: 'string' },
  type: { type: 'string' },
  'trusted-root': { type: 'string' },
  'signature-format': { type: 'string' },
} as const;

/** What each option's value is called in the help. */
const VALUE_NAMES: Record<string, string> = {
  cache: 'DIR',
  username: 'USER',
  'ca-file': 'FILE',
  'token-hosts': 'HOSTS',
  destination: 'DIR',
  'if-exists': 'fail|skip|overwrite',
  key: 'NAME',
  keyring: 'FILE',
  'passphrase-file': 'FILE',
  version: 'VERSION',
  'certificate-identity': 'ID',
  'certificate-identity-regexp': 'REGEXP',
  'certificate-oidc-issuer': 'URL',
  'certificate-github-workflow-repository': 'OWNER/REPO',
  type: 'signature|slsaprovenance',
  'trusted-root': 'FILE',
  'signature-format': 'bundle|classic|both',
};

/**
 * The command line read as the CLI's options, its failures in the CLI's own words (Node's parser
 * speaks of positional arguments and `--` to a person who mistyped a flag): an unknown option with the
 * closest known one, an option that lacks its value with what the value is.
 */
export function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const see = `See chartlift ${commandOf(argv)}--help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '?';
      const near = closestOption(given, Object.keys(OPTIONS));
      throw new UserError(`unknown option ${given}${near ? ` (did you mean ${near}?)` : ''}`, { hint: see });
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // "Option '--version <value>' argument missing", or "... argument is ambiguous" when the next word is an option.
      const name = /--([a-z][a-z-]*)/.exec((err as Error).message)?.[1];
      if (name && name in OPTIONS)
        throw new UserError(`--${name} needs a value (--${name} ${VALUE_NAMES[name] ?? 'VALUE'})`, { hint: see });
    }
    throw new UserError((err as Error).message.split('\n')[0], { hint: see });
  }
}

/** The command words before the first option (`chart push `), for the help to point at. */
function commandOf(argv: string[]): string {
  const words = [];
  for (const a of argv) {
    if (a.startsWith('-') || words.length === 2) break;
    words.push(a);
  }
  return words.length === 2 && ['chart', 'registry'].includes(words[0]) ? `${words.join(' ')} ` : '';
}

/** The known option (of `names`) nearest to `given` (at most a third of its letters off, or a prefix of it). */
export function closestOption(given: string, names: string[]): string | undefined {
  const bare = given.replace(/^-+/, '').split('=')[0];
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = name.startsWith(bare) && bare.length >= 3 ? 1 : distance(bare, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(bare.length / 3)) ? `--${best.name}` : undefined;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
