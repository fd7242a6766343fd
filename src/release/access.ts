import { findCredential } from '../oci/credentials.js';
import { Http } from '../oci/http.js';
import { RegistryClient } from '../oci/registry.js';
import type { DependencyAccess } from './dependencies.js';
import { repositoryCredential } from './repositories.js';

/**
 * Dependency access with default settings (the CLI's `chart save`, and library callers): one HTTP
 * for the call, stored registry credentials (Helm's, then Docker's), repositories.yaml for chart
 * repositories. The action passes its own, built from its inputs.
 */
export function defaultAccess(plainHttp = false): { access: DependencyAccess; close: () => Promise<void> } {
  const http = new Http({ userAgent: 'chartlift' });
  const clients = new Map<string, Promise<RegistryClient>>();
  const access: DependencyAccess = {
    http,
    plainHttp,
    client: (registry) => {
      let client = clients.get(registry);
      if (!client) {
        client = findCredential(registry).then((found) => new RegistryClient(http, registry, { plainHttp, credential: found?.credential }));
        clients.set(registry, client);
      }
      return client;
    },
    repositoryCredential: (url) => repositoryCredential(url),
  };
  return { access, close: () => http.close() };
}
