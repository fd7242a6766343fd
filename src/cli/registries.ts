import { readCaFile } from '../oci/tls-options.js';
import type { Credential } from '../oci/auth.js';
import { openRegistries, type Registries } from '../release/registries.js';
import { printError } from './print.js';

/** How the CLI reaches a registry: its flags. */
export interface Reach {
  plainHttp?: boolean;
  /** `--ca-file`: extra PEM roots trusted besides the system's. */
  caFile?: string;
}

/** The CLI's registries: retries reported on stderr, stored credentials unless `given`. */
export async function openCliRegistries(reach: Reach, given?: Credential): Promise<Registries> {
  return openRegistries({
    log: (line) => printError(line),
    ca: reach.caFile ? await readCaFile(reach.caFile) : undefined,
    plainHttp: reach.plainHttp,
    credentialFor: given ? () => given : undefined,
  });
}
