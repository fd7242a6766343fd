#!/usr/bin/env node
import { errorLine, UserError } from './errors.js';
import { defaultCachePath } from './oci/layout.js';
import { exportCommand, listCommand, pullCommand, pushCommand, removeCommand, saveCommand } from './cli/chart-commands.js';
import { HELP } from './cli/help.js';
import { CLI_HINTS } from './cli/hints.js';
import { loginCommand, logoutCommand } from './cli/registry-commands.js';
import { ifExistsValue } from './release/setting-values.js';
import { afterPrinted, print, printError } from './cli/print.js';
import { readArgs } from './cli/args.js';
import { withVersion } from './cli/ref.js';
import { onCacheWarning } from './oci/layout.js';

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
  // `chartlift --version`: Chartlift's own version, written into the CLI's entry when it was built.
  if (argv.length === 1 && argv[0] === '--version') {
    print(`chartlift ${(globalThis as { chartliftVersion?: string }).chartliftVersion ?? 'unknown (not a build)'}`);
    return 0;
  }
  // `chartlift publish`: the action's settings, its own flags.
  if (argv[0] === 'publish') return (await import('./cli/publish-command.js')).publishCommand(argv.slice(1));
  onCacheWarning((line) => printError(`warning: ${line}`));
  const { values, positionals } = readArgs(argv);
  const command = positionals.slice(0, 2).join(' ');
  if (!(command in ARITY)) {
    // `chartlift --version chart list` (--version took "chart"), `chartlift --version=3`: not Chartlift's own --version.
    if (values.version !== undefined)
      throw new UserError('--version VERSION is for chart pull, export, push, remove and verify', {
        hint: "chartlift --version alone prints Chartlift's version; see chartlift --help",
      });
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
  if (values.version !== undefined && !['chart pull', 'chart export', 'chart push', 'chart remove', 'chart verify'].includes(command))
    throw new UserError(`"chartlift ${command}" takes no --version`, { hint: `See chartlift ${command} --help` });
  const names = ARITY[command];
  if (args.length !== names.length)
    throw new UserError(`"chartlift ${command}" takes ${names.length ? names.join(' ') : 'no arguments'}`, {
      hint: `See chartlift ${command} --help`,
    });
  const cache = values.cache ?? defaultCachePath();
  const reach = { plainHttp: values['plain-http'] ?? false, caFile: values['ca-file'], tokenHosts: values['token-hosts'] };
  const keyless = {
    certificateIdentity: values['certificate-identity'],
    certificateIdentityRegexp: values['certificate-identity-regexp'],
    certificateOidcIssuer: values['certificate-oidc-issuer'],
    type: values.type,
    trustedRoot: values['trusted-root'],
    certificateGithubWorkflowRepository: values['certificate-github-workflow-repository'],
    signatureFormat: values['signature-format'],
  };
  const ifExists = ifExistsValue(values['if-exists'] ?? '', '--if-exists');
  // REF as helm takes it too: oci://host/path/name --version X.
  const ref = (i: number): string => withVersion(args[i], values.version);
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
      await exportCommand(ref(0), cache, values.destination ?? '.');
      break;
    case 'chart push':
      await pushCommand(ref(0), cache, { ...reach, ifExists });
      break;
    case 'chart remove':
      await removeCommand(ref(0), cache);
      break;
    case 'chart pull':
      await pullCommand(ref(0), cache, { ...reach, verify: values.verify ?? false, keyring: values.keyring, keyless });
      break;
    case 'chart verify':
      await (await import('./cli/verify-command.js')).verifyCommand(ref(0), { ...reach, ...keyless });
      break;
  }
  return 0;
}

main(process.argv.slice(2)).then(exit, (err: unknown) => {
  printError(`Error: ${errorLine(err, CLI_HINTS)}`);
  exit(1);
});

/**
 * Ends the process once what it printed is written out: a pipe (chartlift chart list | tail) takes its
 * buffer's worth at a time, and an exit that did not wait cut the output off there. Exits rather than
 * waiting for the event loop to empty: a connection kept alive must not hold the command.
 */
function exit(code: number): void {
  process.exitCode = code;
  afterPrinted(() => process.exit(code));
}
