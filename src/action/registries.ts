import { log as out } from './log.js';
import { mask } from './secrets.js';
import { readCaFile } from '../oci/tls-options.js';
import { credentialSourceLine, openRegistries, type Registries, type RegistryOptions } from '../release/registries.js';
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
  return openRegistries({
    ...(await inputRegistryOptions(inputs, primary)),
    log: out.info,
    onConnect: async (client, source, say) => {
      if (source === 'given') await login(client, inputs, say);
      else say(credentialSourceLine(client.registry, source));
    },
  });
}

/**
 * What every opening of the registries from the inputs shares (the main step's, and the post step's
 * read-back through the login the main step stored): TLS, retries and timeouts, token hosts, the
 * `username`/`password` inputs for `primary` only, and every secret hidden.
 */
export async function inputRegistryOptions(inputs: Inputs, primary?: string): Promise<RegistryOptions> {
  const { username, password } = inputs;
  return {
    ca: inputs.caFile ? await readCaFile(inputs.caFile) : undefined,
    insecure: inputs.insecureSkipTlsVerify,
    retries: inputs.retries,
    timeoutSeconds: inputs.timeoutSeconds,
    plainHttp: inputs.plainHttp,
    tokenHosts: inputs.tokenHosts,
    // readInputs has checked that the two come together.
    credentialFor: (host) => (username && password && host === primary ? { username, password } : undefined),
    onSecret: (secret, from) => mask(secret, from === 'registry' ? 'registry' : 'input'),
  };
}
