#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { errorLine, UserError } from './errors.js';
import { defaultCachePath } from './oci/layout.js';
import { exportCommand, listCommand, pullCommand, pushCommand, removeCommand, saveCommand } from './cli/chart-commands.js';
import { HELP } from './cli/help.js';
import { CLI_HINTS } from './cli/hints.js';
import { loginCommand, logoutCommand } from './cli/registry-commands.js';
import type { IfExists } from './release/push.js';
import { print, printError } from './cli/print.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  cache: { type: 'string' },
  username: { type: 'string', short: 'u' },
  'password-stdin': { type: 'boolean' },
  'plain-http': { type: 'boolean' },
  'ca-file': { type: 'string' },
  destination: { type: 'string', short: 'd' },
  'if-exists': { type: 'string' },
  sign: { type: 'boolean' },
  key: { type: 'string' },
  keyring: { type: 'string' },
  'passphrase-file': { type: 'string' },
  verify: { type: 'boolean' },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  type: { type: 'string' },
  'trusted-root': { type: 'string' },
} as const;

const ARITY: Record<string, string[]> = {
  'registry login': ['HOST'],
  'registry logout': ['HOST'],
  'chart save': ['DIR', 'REF'],
  'chart list': [],
  'chart export': ['REF'],
  'chart push': ['REF'],
  'chart remove': ['REF'],
  'chart pull': ['REF'],
  'chart verify': ['REF'],
};

/** Helm 3.0–3.6's `helm chart` and `helm registry` commands over the same library, cache and credential files as the action and Helm. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const command = positionals.slice(0, 2).join(' ');
  if (!(command in ARITY)) {
    if (values.help || positionals.length === 0) {
      print(HELP['']);
      return 0;
    }
    throw new UserError(`unknown command "${positionals.join(' ')}"`, { hint: 'See chartlift --help' });
  }
  if (values.help) {
    print(HELP[command]);
    return 0;
  }
  const args = positionals.slice(2);
  const names = ARITY[command];
  if (args.length !== names.length)
    throw new UserError(`"chartlift ${command}" takes ${names.length ? names.join(' ') : 'no arguments'}`, {
      hint: `See chartlift ${command} --help`,
    });
  const cache = values.cache ?? defaultCachePath();
  const reach = { plainHttp: values['plain-http'] ?? false, caFile: values['ca-file'] };
  const keyless = {
    certificateIdentity: values['certificate-identity'],
    certificateIdentityRegexp: values['certificate-identity-regexp'],
    certificateOidcIssuer: values['certificate-oidc-issuer'],
    type: values.type,
    trustedRoot: values['trusted-root'],
  };
  const ifExists = (values['if-exists'] ?? 'fail') as IfExists;
  if (!['fail', 'skip', 'overwrite'].includes(ifExists)) throw new UserError('--if-exists takes fail, skip or overwrite');
  switch (command) {
    case 'registry login':
      await loginCommand(args[0], { ...reach, username: values.username, passwordStdin: values['password-stdin'] });
      break;
    case 'registry logout':
      await logoutCommand(args[0]);
      break;
    case 'chart save':
      await saveCommand(args[0], args[1], cache, {
        sign: values.sign ?? false,
        key: values.key,
        keyring: values.keyring,
        passphraseFile: values['passphrase-file'],
      });
      break;
    case 'chart list':
      await listCommand(cache);
      break;
    case 'chart export':
      await exportCommand(args[0], cache, values.destination ?? '.');
      break;
    case 'chart push':
      await pushCommand(args[0], cache, { ...reach, ifExists });
      break;
    case 'chart remove':
      await removeCommand(args[0], cache);
      break;
    case 'chart pull':
      await pullCommand(args[0], cache, { ...reach, verify: values.verify ?? false, keyring: values.keyring, keyless });
      break;
    case 'chart verify':
      await (await import('./cli/verify-command.js')).verifyCommand(args[0], { ...reach, ...keyless });
      break;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const line =
      err instanceof TypeError && /ERR_PARSE_ARGS/.test(String((err as { code?: string }).code))
        ? `${err.message} (see chartlift --help)`
        : errorLine(err, CLI_HINTS);
    printError(`Error: ${line}`);
    process.exit(1);
  },
);
