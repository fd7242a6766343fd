import { errorLine } from '../errors.js';
import { onCacheWarning } from '../oci/layout.js';
import { readCaFile } from '../oci/tls-options.js';
import { splitReference } from '../oci/reference.js';
import { publishCharts, type PublishLog } from '../release/publish.js';
import { credentialSourceLine, openRegistries } from '../release/registries.js';
import { startSigner } from '../sign/signer.js';
import { writeDotenv } from './dotenv.js';
import { HELP } from './help.js';
import { CLI_HINTS } from './hints.js';
import { print, printError } from './print.js';
import { readStdin } from './prompt.js';
import { readPublishArgs } from './publish-args.js';
import { readPublishSettings, type CliPublishSettings } from './publish-settings.js';

/**
 * `chartlift publish [CHART...] --ref REF...`: the action's whole publication (src/release/publish.ts)
 * from a terminal or any CI, GitLab's first: the same settings, the same log, the `charts` JSON
 * (`--output json`) and a dotenv report (`--dotenv FILE`) for later jobs. 0 when every chart succeeded.
 */
export async function publishCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = readPublishArgs(argv);
  if (values.help) {
    print(HELP.publish);
    return 0;
  }
  const settings = await readPublishSettings(values, positionals, env, readStdin);
  const out = terminalLog(settings.output === 'json');
  onCacheWarning(out.warning);
  if (settings.insecureSkipTlsVerify)
    out.warning(
      "--insecure-skip-tls-verify: the registry's TLS certificate is NOT checked, so anyone on the network path can read the credentials and change what is pushed. Use --ca-file instead.",
    );
  const signer = settings.sign ? startSigner(settings.sign) : undefined;
  // Keyless: the token, the identity and the instance are checked now, before anything is pushed.
  // A plan signs nothing: no signer, no token asked for (it still says what a signing publish would).
  const keyless =
    settings.keyless && !settings.plan
      ? await (await import('./keyless-signer.js')).cliKeylessSigner(settings.keyless, { info: out.info, warning: out.warning }, env)
      : undefined;
  const registries = await openPublishRegistries(settings, out);
  let published;
  try {
    published = await publishCharts(
      {
        charts: settings.charts,
        refs: settings.refs,
        push: settings.push,
        cache: settings.cache,
        ifExists: settings.ifExists,
        artifacthubRepo: settings.artifacthubRepo,
        keyless,
        plan: settings.plan,
        planKeyless: settings.keyless !== undefined,
        expectDigests: settings.expectDigests,
        registries,
        build: {
          env,
          workspace: settings.workspace,
          signer,
          overrides: {
            version: settings.version,
            appVersion: settings.appVersion,
            annotations: settings.annotations,
            layerMediaType: settings.layerMediaType,
            codeUrl: settings.codeUrl,
          },
          artifactHub: { lint: settings.artifacthubLint, signKeyUrl: settings.signKeyUrl },
        },
        errorLine: (err) => errorLine(err, CLI_HINTS),
      },
      out,
    );
  } finally {
    await registries.close();
  }
  const { results, errors } = published;
  // One chart: its error is the command's own (several: each was printed after its group).
  if (results.length === 1 && errors.has(0)) printError(`Error: ${results[0].error}`);
  if (settings.output === 'json') print(JSON.stringify(results, null, 2));
  if (settings.dotenv) {
    const left = await writeDotenv(settings.dotenv, results);
    if (left) out.warning(`the dotenv report ${settings.dotenv} leaves out ${left}: read --output json instead`);
  }
  return errors.size === 0 ? 0 : 1;
}

/** The publication's lines on a terminal: standard output (standard error when it holds the JSON), warnings and errors on standard error. */
function terminalLog(json: boolean): PublishLog {
  const line = json ? printError : print;
  return {
    info: (l) => line(l),
    notice: (l) => line(`notice: ${l}`),
    warning: (l) => printError(`warning: ${l}`),
    error: (l) => printError(`Error: ${l}`),
    startGroup: (title) => line(`==> ${title}`),
    endGroup: () => {},
  };
}

/**
 * The run's registries: the given credential (or the GitLab job's) for the first ref's registry,
 * checked once (GET /v2/, as `helm registry login` checks it) and kept in memory only: the CLI stores no
 * login. Other registries: stored credentials (Helm's, then Docker's) or none.
 */
async function openPublishRegistries(settings: CliPublishSettings, out: PublishLog) {
  const primary = splitReference(settings.refs[0]).registry;
  const given = settings.credential;
  return openRegistries({
    log: out.info,
    ca: settings.caFile ? await readCaFile(settings.caFile) : undefined,
    insecure: settings.insecureSkipTlsVerify,
    retries: settings.retries,
    timeoutSeconds: settings.timeoutSeconds,
    plainHttp: settings.plainHttp,
    tokenHosts: settings.tokenHosts,
    credentialFor: (host) => (given && host === primary ? { username: given.username, password: given.password } : undefined),
    onConnect: async (client, source, say) => {
      if (source === 'given' && given) {
        await client.ping();
        say(`Login succeeded (${client.registry} as ${given.username}, from ${given.from}; not stored)`);
      } else say(credentialSourceLine(client.registry, source));
    },
  });
}
