import type { Credential } from '../oci/auth.js';
import { basicToken } from '../oci/basic-auth.js';
import { findCredential } from '../oci/credentials.js';
import { Http } from '../oci/http.js';
import { RegistryClient } from '../oci/registry.js';
import { DEFAULT_TIMEOUT_SECONDS, retryPolicy } from '../oci/retry.js';
import type { DependencyAccess } from './dependencies.js';
import { repositoryCredential } from './repositories.js';

/** How a run reaches registries: one set of settings for every client, in either face. */
export interface RegistryOptions {
  /** Where the clients report retries and resumptions. */
  log?: (line: string) => void;
  /** Extra PEM roots trusted besides the system's. */
  ca?: string;
  /** No certificate check at all. */
  insecure?: boolean;
  retries?: number;
  timeoutSeconds?: number;
  plainHttp?: boolean;
  /** Hosts besides a registry's own that may serve its Bearer tokens (a face's token-hosts setting). */
  tokenHosts?: readonly string[];
  /** The credential given for a host (a face's own login), used before stored ones (Helm's, then Docker's). */
  credentialFor?: (host: string) => Credential | undefined;
  /**
   * Told every secret the run comes to hold: stored credentials as they are read (`stored`), tokens
   * as a registry issues them (`registry`: the registry chose them, however short).
   */
  onSecret?: (secret: string, from: 'stored' | 'registry') => void;
  /**
   * Run once per host as its client is made, before anyone uses it (a face logs in with a given
   * credential, or says which one is used). `say` is the first caller's log.
   */
  onConnect?: (client: RegistryClient, source: CredentialSource, say: (line: string) => void) => Promise<void> | void;
}

/** Where a client's credential came from: given, a stored file or helper, or none. */
type CredentialSource = 'given' | 'anonymous' | string;

/** What either face says of a registry reached without its given login: anonymously, or with the stored credentials of `source`. */
export function credentialSourceLine(registry: string, source: CredentialSource): string {
  return source === 'anonymous'
    ? `No credentials for ${registry}: pushing anonymously`
    : `Using the stored credentials for ${registry} from ${source}`;
}

/** One client per registry host for the whole run: tokens and connections shared; `close` ends the connections. */
export interface Registries {
  readonly http: Http;
  client(host: string, say?: (line: string) => void): Promise<RegistryClient>;
  /** What dependency resolution reaches the network with: this run's HTTP, clients and credentials. */
  access(say?: (line: string) => void): DependencyAccess;
  /** A client for `host` that holds no credential at all (not given, not stored): what anyone may read there. */
  anonymous(host: string): RegistryClient;
  close(): Promise<void>;
}

/** How long a request of the anonymous client may take: it asks whether a stranger can read, nothing more. */
const ANONYMOUS_TIMEOUT_SECONDS = 10;

/** The one place registry clients are made. */
export function openRegistries(options: RegistryOptions = {}): Registries {
  const http = new Http({
    ca: options.ca,
    insecure: options.insecure,
    timeoutMs: options.timeoutSeconds !== undefined ? options.timeoutSeconds * 1000 : undefined,
  });
  const policy = retryPolicy(options.retries, options.timeoutSeconds);
  const clients = new Map<string, Promise<RegistryClient>>();

  const connect = async (host: string, say: (line: string) => void): Promise<RegistryClient> => {
    const given = options.credentialFor?.(host);
    const found = given ? undefined : await findCredential(host);
    const credential = given ?? found?.credential;
    // Stored credentials (Helm's, Docker's, a helper's) are as secret as given ones: told before any request.
    const stored = found?.credential;
    if (stored && 'password' in stored) {
      options.onSecret?.(stored.password, 'stored');
      options.onSecret?.(basicToken(stored.username, stored.password), 'stored');
    } else if (stored) options.onSecret?.(stored.identityToken, 'stored');
    const client = new RegistryClient(http, host, {
      plainHttp: options.plainHttp,
      tokenHosts: options.tokenHosts,
      credential,
      policy,
      log: options.log,
      onSecret: (secret) => options.onSecret?.(secret, 'registry'),
    });
    await options.onConnect?.(client, given ? 'given' : (found?.source ?? 'anonymous'), say);
    return client;
  };

  const client = (host: string, say: (line: string) => void = () => {}): Promise<RegistryClient> => {
    let made = clients.get(host);
    if (!made) {
      made = connect(host, say);
      clients.set(host, made);
    }
    return made;
  };

  return {
    http,
    client,
    access: (say) => ({
      http,
      plainHttp: options.plainHttp,
      client: (host) => client(host, say),
      // The credential given for a registry's host serves a chart repository on that host too.
      repositoryCredential: async (url) => (await repositoryCredential(url)) ?? options.credentialFor?.(new URL(url).host),
    }),
    anonymous: (host) =>
      new RegistryClient(http, host, {
        plainHttp: options.plainHttp,
        tokenHosts: options.tokenHosts,
        // It only informs: tried once more at most, within ANONYMOUS_TIMEOUT_SECONDS a try, so a host
        // that never answers costs the step seconds, not twice the run's timeout.
        policy: retryPolicy(
          Math.min(1, options.retries ?? 1),
          Math.min(options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS, ANONYMOUS_TIMEOUT_SECONDS),
        ),
        log: options.log,
        onSecret: (secret) => options.onSecret?.(secret, 'registry'),
      }),
    close: () => http.close(),
  };
}
