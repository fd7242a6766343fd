import type { AuthEntry } from '../oci/credentials.js';
import { helmRegistryConfigPath, storeLogin } from '../oci/credentials.js';
import type { RegistryClient } from '../oci/registry.js';

/**
 * `helm registry login`: checks the credential against the registry (GET /v2/), then stores it in
 * Helm's registry config, so that later steps (`helm pull`, `helm install`) need no login.
 * Returns the file and the entry the login replaced, if any.
 */
export async function logIn(client: RegistryClient, username: string, password: string): Promise<{ file: string; previous?: AuthEntry }> {
  await client.ping();
  const file = helmRegistryConfigPath();
  const previous = await storeLogin(file, client.registry, username, password);
  return { file, previous };
}
