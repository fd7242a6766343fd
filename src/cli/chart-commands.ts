import { readFile } from 'node:fs/promises';
import { UserError, fsCode } from '../errors.js';
import { Layout } from '../oci/layout.js';
import { parseReference, refString } from '../oci/reference.js';
import type { RegistryClient } from '../oci/registry.js';
import { bindRef, packageSource } from '../release/build.js';
import { readCached } from '../release/cached.js';
import { exportChart } from '../release/export.js';
import { formatTable, listCharts } from '../release/list.js';
import { archiveName, verifyProvenance, type SignOptions, type Verified } from '../sign/provenance.js';
import { pullChart } from '../release/pull.js';
import type { IfExists } from '../release/push.js';
import { pushAndCache } from '../release/outcome.js';
import { describeLines, loweredLine, outcomeLines } from '../release/report.js';
import { saveToCache } from '../release/save.js';
import { startSigner } from '../sign/signer.js';
import { print, printError } from './print.js';
import { keylessCheck, wantsKeyless, type KeylessFlags } from './keyless-flags.js';
import { openCliRegistries, type Reach } from './registries.js';

interface SignFlags {
  sign: boolean;
  key?: string;
  keyring?: string;
  passphraseFile?: string;
}

export async function saveCommand(dir: string, ref: string, cache: string, flags: SignFlags): Promise<void> {
  const sign = await signOptions(flags);
  const packaged = await packageSource(dir, {
    env: process.env,
    workspace: process.env.GITHUB_WORKSPACE || undefined,
    signer: sign && startSigner(sign),
    log: { info: () => {}, warn: (line) => printError(`warning: ${line}`) },
  });
  const built = bindRef(packaged, ref);
  if (packaged.looseVersion)
    printError(
      `warning: ${dir}: chart version ${JSON.stringify(built.chart.metadata.version)} is not SemVer 2; Helm takes it (tag ${built.ref.tag}), but tools that sort tags as SemVer 2 (Artifact Hub, Renovate) may misorder it. Write MAJOR.MINOR.PATCH in Chart.yaml, e.g. version: 1.2.0`,
    );
  if (built.pathAsGiven) printError(`notice: ${loweredLine(built.pathAsGiven, built.ref.repository)}`);
  await saveToCache(cache, built.refName, built.artifact);
  const { name, version } = built.chart.metadata;
  const lines = describeLines(built.refName, { artifact: built.artifact, name, version });
  if (built.signed) lines.push(`signed:  ${built.signed.fingerprint} (${built.signed.userId})`);
  print([...lines, `${built.ref.tag}: saved`].join('\n'));
}

/** `--sign --key NAME --keyring FILE [--passphrase-file FILE]`, as `helm package --sign` takes them. */
async function signOptions(flags: SignFlags): Promise<SignOptions | undefined> {
  if (!flags.sign) {
    if (flags.key || flags.passphraseFile) throw new UserError('--key and --passphrase-file go with --sign', { hint: 'Add --sign' });
    return undefined;
  }
  if (!flags.keyring)
    throw new UserError('--sign needs --keyring FILE', {
      hint: 'A private key file: gpg --export-secret-keys [--armor] KEY > FILE (a secring.gpg as helm takes it)',
    });
  const keys = await readFlagFile(flags.keyring, '--keyring');
  const passphrase = flags.passphraseFile
    ? (await readFlagFile(flags.passphraseFile, '--passphrase-file')).toString('utf8').replace(/\r?\n$/, '')
    : undefined;
  return { keys, passphrase, keyName: flags.key };
}

async function readFlagFile(file: string, flag: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new UserError(`cannot read ${flag} ${file} (${fsCode(err) ?? (err as Error).message})`, { hint: 'Check the path' });
  }
}

export async function listCommand(cache: string): Promise<void> {
  print(formatTable(await listCharts(new Layout(cache))));
}

export async function exportCommand(ref: string, cache: string, dir: string): Promise<void> {
  const refName = refString(parseReference(ref));
  const c = await readCached(new Layout(cache), refName);
  const target = await exportChart(c, dir);
  const shown = (dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`) + `${c.name}/`;
  print([...describeLines(refName, c), `Exported chart to ${target.endsWith(shown.slice(0, -1)) ? shown : `${target}/`}`].join('\n'));
}

export async function removeCommand(ref: string, cache: string): Promise<void> {
  const r = parseReference(ref);
  const refName = refString(r);
  const layout = new Layout(cache);
  if (!(await layout.remove(refName))) {
    throw new UserError(`${refName} is not in the cache`, { hint: 'See `chartlift chart list`' });
  }
  print(`${r.tag}: removed`);
}

/** A client for `registry` with stored credentials (Helm's, then Docker's); its connections closed after `fn`. */
export async function withClient<T>(registry: string, reach: Reach, fn: (client: RegistryClient) => Promise<T>): Promise<T> {
  const registries = await openCliRegistries(reach);
  try {
    return await fn(await registries.client(registry));
  } finally {
    await registries.close();
  }
}

export async function pushCommand(ref: string, cache: string, options: Reach & { ifExists: IfExists }): Promise<void> {
  const r = parseReference(ref);
  const refName = refString(r);
  const c = await readCached(new Layout(cache), refName);
  print(`The push refers to repository [${r.registry}/${r.repository}]`);
  // What stands afterwards is what is printed and what the cache holds (the registry's copy of the same chart, or what skip kept).
  const outcome = await withClient(r.registry, options, (client) => pushAndCache(client, r, refName, c.artifact, options.ifExists, cache));
  print(outcomeLines(outcome, c).join('\n'));
}

export async function pullCommand(
  ref: string,
  cache: string,
  options: Reach & { verify: boolean; keyring?: string; keyless: KeylessFlags },
): Promise<void> {
  const r = parseReference(ref);
  const refName = refString(r);
  // --verify checks Helm's provenance (--keyring), the keyless signature (--certificate-identity …), or both.
  const keyless = wantsKeyless(options.keyless);
  if (keyless && !options.verify) throw new UserError('--certificate-identity and the other keyless flags go with --verify');
  if (options.verify && !options.keyring && !keyless)
    throw new UserError(
      '--verify needs --keyring FILE (Helm provenance) or --certificate-identity and --certificate-oidc-issuer (a keyless signature)',
      {
        hint: 'The public keys of the signer: gpg --export KEY > FILE',
      },
    );
  const keylessWanted = keyless ? await keylessCheck(options.keyless) : undefined;
  const keyring = options.verify && options.keyring ? await readFlagFile(options.keyring, '--keyring') : undefined;
  print(`${r.tag}: Pulling from ${r.registry}/${r.repository}`);
  let verified: Verified | undefined;
  let signedKeyless: { referrer: string; identity: string } | undefined;
  const outcome = await withClient(r.registry, options, (client) =>
    pullChart(client, r, new Layout(cache), async (pulled) => {
      if (keyring) {
        if (!pulled.provenance)
          throw new UserError(`${refName} has no provenance: it was not signed`, {
            hint: 'Pull without --verify, or ask for a signed chart',
          });
        verified = await verifyProvenance(pulled.provenance, pulled.chart, archiveName(pulled), keyring);
      }
      if (keylessWanted) {
        const { verifyKeylessReferrer } = await import('../release/keyless.js');
        signedKeyless = await verifyKeylessReferrer(client, r.repository, pulled.digest, keylessWanted);
      }
    }),
  );
  if (verified) print(`Signed by: ${verified.userId} (${verified.fingerprint})`);
  if (signedKeyless) print(`Signed keylessly by: ${signedKeyless.identity} (${signedKeyless.referrer})`);
  const status = outcome.downloaded ? `Status: Downloaded newer chart for ${refName}` : `Status: Chart is up to date for ${refName}`;
  print([...describeLines(refName, outcome.cached), status].join('\n'));
}
