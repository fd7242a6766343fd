import { log as out } from './log.js';
import { mask } from './secrets.js';
import type { Credential } from '../oci/auth.js';
import { Http } from '../oci/http.js';
import { RegistryClient } from '../oci/registry.js';
import { retryPolicy } from '../oci/retry.js';
import { readCaFile } from '../oci/tls-options.js';
import type { DependencyAccess } from '../release/dependencies.js';
import { repositoryCredential } from '../release/repositories.js';
import type { Inputs } from './inputs.js';
import { chooseCredential, login } from './login.js';

/**
 * One client per registry host for the whole run (tokens and connections shared across charts).
 * The `username`/`password` inputs are for the first `ref`'s registry, which is logged in to once;
 * other registries use stored credentials (Helm's, then Docker's) or none.
 */
export class Registries {
  readonly #http: Http;
  readonly #inputs: Inputs;
  readonly #primary?: string;
  readonly #clients = new Map<string, Promise<RegistryClient>>();

  private constructor(http: Http, inputs: Inputs, primary?: string) {
    this.#http = http;
    this.#inputs = inputs;
    this.#primary = primary;
  }

  static async open(inputs: Inputs, primaryHost?: string): Promise<Registries> {
    if (inputs.insecureSkipTlsVerify) {
      out.warning(
        "insecure-skip-tls-verify is on: the registry's TLS certificate is NOT checked, so anyone on the network path can read the credentials and change what is pushed. Use ca-file instead.",
      );
    }
    const ca = inputs.caFile ? await readCaFile(inputs.caFile) : undefined;
    const http = new Http({ userAgent: 'chartlift', ca, insecure: inputs.insecureSkipTlsVerify, timeoutMs: inputs.timeoutSeconds * 1000 });
    return new Registries(http, inputs, primaryHost);
  }

  /** Starts choosing the credential for `host` and logging in, while the charts load; errors wait for `client`. */
  warmUp(host: string, log: (line: string) => void): void {
    this.client(host, log).catch(() => {});
  }

  client(host: string, log: (line: string) => void): Promise<RegistryClient> {
    let client = this.#clients.get(host);
    if (!client) {
      client = this.#connect(host, log);
      this.#clients.set(host, client);
    }
    return client;
  }

  async #connect(host: string, log: (line: string) => void): Promise<RegistryClient> {
    const inputs = host === this.#primary ? this.#inputs : { ...this.#inputs, username: '', password: '' };
    const { credential, source } = await chooseCredential(inputs, host);
    // Stored credentials (Helm's, Docker's, a helper's) are as secret as the inputs: masked before any request.
    if (credential && 'password' in credential) {
      mask(credential.password);
      mask(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'));
    } else if (credential) mask(credential.identityToken);
    const client = this.#make(host, credential);
    if (source === 'inputs') await login(client, inputs, log);
    else
      log(
        source === 'anonymous'
          ? `No credentials for ${host}: pushing anonymously`
          : `Using the stored credentials for ${host} from ${source}`,
      );
    return client;
  }

  #make(host: string, credential?: Credential): RegistryClient {
    return new RegistryClient(this.#http, host, {
      plainHttp: this.#inputs.plainHttp,
      credential,
      policy: retryPolicy(this.#inputs.retries, this.#inputs.timeoutSeconds),
      log: out.info,
      onSecret: (secret) => mask(secret, 'registry'),
    });
  }

  /** What dependency resolution reaches the network with: this run's HTTP, clients and credentials. */
  dependencyAccess(log: (line: string) => void): DependencyAccess {
    return {
      http: this.#http,
      plainHttp: this.#inputs.plainHttp,
      client: (host) => this.client(host, log),
      repositoryCredential: async (url) => (await repositoryCredential(url)) ?? this.#inputCredentialFor(url),
    };
  }

  /** The `username`/`password` inputs serve a chart repository on the first `ref`'s host too. */
  #inputCredentialFor(url: string): Credential | undefined {
    const { username, password } = this.#inputs;
    return username && password && new URL(url).host === this.#primary ? { username, password } : undefined;
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
