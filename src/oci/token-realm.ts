import { UserError } from '../errors.js';
import { printable } from '../util/printable.js';

/**
 * Public registries whose documented token service is on another host of the same operator: their
 * realms are taken over HTTPS without configuration. Any other host must be listed by the user.
 */
const KNOWN_TOKEN_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'registry-1.docker.io': ['auth.docker.io'],
  'index.docker.io': ['auth.docker.io'],
  'docker.io': ['auth.docker.io'],
  'registry.gitlab.com': ['gitlab.com'],
};

/** The environment variable both faces read token hosts from, besides their own setting. */
export const TOKEN_HOSTS_VARIABLE = 'CHARTLIFT_TOKEN_HOSTS';

/** Token hosts as a person writes them (`auth.example.com`, `gitlab.example.com:8443`), separated by commas or blanks. */
export function tokenHostsFrom(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/**
 * Where a registry's Bearer realm may send the runner, with the credentials: the registry's own host,
 * a known token service of a public registry, or a host the user listed (`tokenHosts`); over HTTPS, or
 * plain HTTP only for a registry that is plain HTTP itself. Anything else is refused before a request
 * goes there: a realm is the registry's to name, and a hostile one would otherwise point the runner at
 * any address. Returns the realm's URL.
 */
export function checkRealm(registry: string, origin: string, realm: string, tokenHosts: ReadonlySet<string>): URL {
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UserError(`${registry} names a token realm that is not HTTP(S): ${printable(realm.slice(0, 200))}`, {
      hint: 'The registry is misconfigured or hostile',
    });
  if (url.protocol === 'http:' && origin.startsWith('https:'))
    throw new UserError(`${registry} (HTTPS) names a plain-HTTP token realm, ${url.origin}: credentials are not sent there`, {
      hint: 'The registry is misconfigured or hostile: its token service must be HTTPS',
    });
  const own = new URL(origin).hostname;
  const known = url.protocol === 'https:' && (KNOWN_TOKEN_HOSTS[own]?.includes(url.host) ?? false);
  if (url.hostname !== own && !known && !tokenHosts.has(url.host) && !tokenHosts.has(url.hostname))
    throw new UserError(
      `${registry} names a token realm on another host, ${url.host}: no request is sent there, as the runner's credentials would go with it (only the registry's own host, a known token service of a public registry, or a host listed as a token host is asked)`,
      {
        hint: `If ${url.host} is this registry's token service (a self-managed GitLab's is the GitLab host, not the registry's), list it in ${TOKEN_HOSTS_VARIABLE}`,
        code: 'token-realm-refused',
      },
    );
  return url;
}
