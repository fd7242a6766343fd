import { log as out } from './log.js';
import { mask } from './secrets.js';
import { readCaFile } from '../oci/tls-options.js';
import { openRegistries, type Registries } from '../release/registries.js';
import type { Inputs } from './inputs.js';
import { login } from './login.js';

/**
 * The run's registries, from the inputs: one client per host for the whole run (tokens and
 * connections shared across charts). The `username`/`password` inputs are for the first `ref`'s
 * registry, which is logged in to once; other registries use stored credentials (Helm's, then
 * Docker's) or none.
 */
export async function openActionRegistries(inputs: Inputs, primary?: string): Promise<Registries> {
  if (inputs.insecureSkipTlsVerify) {
    out.warning(
      "insecure-skip-tls-verify is on: the registry's TLS certificate is NOT checked, so anyone on the network path can read the credentials and change what is pushed. Use ca-file instead.",
    );
  }
  const { username, password } = inputs;
  return openRegistries({
    log: out.info,
    ca: inputs.caFile ? await readCaFile(inputs.caFile) : undefined,
    insecure: inputs.insecureSkipTlsVerify,
    retries: inputs.retries,
    timeoutSeconds: inputs.timeoutSeconds,
    plainHttp: inputs.plainHttp,
    tokenHosts: inputs.tokenHosts,
    // readInputs has checked that the two come together.
    credentialFor: (host) => (username && password && host === primary ? { username, password } : undefined),
    onSecret: (secret, from) => mask(secret, from === 'registry' ? 'registry' : 'input'),
    onConnect: async (client, source, say) => {
      if (source === 'given') await login(client, inputs, say);
      else
        say(
          source === 'anonymous'
            ? `No credentials for ${client.registry}: pushing anonymously`
            : `Using the stored credentials for ${client.registry} from ${source}`,
        );
    },
  });
}
