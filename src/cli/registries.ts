import { readCaFile } from '../oci/tls-options.js';
import type { Credential } from '../oci/auth.js';
import { openRegistries, type Registries } from '../release/registries.js';
import { TOKEN_HOSTS_VARIABLE, tokenHostsFrom } from '../oci/token-realm.js';
import { printError } from './print.js';

/** How the CLI reaches a registry: its flags. */
export interface Reach {
  plainHttp?: boolean;
  /** `--ca-file`: extra PEM roots trusted besides the system's. */
  caFile?: string;
  /** `--token-hosts`, with CHARTLIFT_TOKEN_HOSTS: hosts besides a registry's own that may serve its Bearer tokens. */
  tokenHosts?: string;
}

/** The CLI's registries: retries reported on stderr, stored credentials unless `given`. */
export async function openCliRegistries(reach: Reach, given?: Credential): Promise<Registries> {
  return openRegistries({
    log: (line) => printError(line),
    ca: reach.caFile ? await readCaFile(reach.caFile) : undefined,
    plainHttp: reach.plainHttp,
    tokenHosts: [...tokenHostsFrom(reach.tokenHosts), ...tokenHostsFrom(process.env[TOKEN_HOSTS_VARIABLE])],
    credentialFor: given ? () => given : undefined,
  });
}
