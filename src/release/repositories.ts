import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fsCode } from '../errors.js';
import type { Credential } from '../oci/auth.js';
import { helmConfigHome } from '../oci/credentials.js';
import { CHART_YAML_BOUNDS, readYaml } from '../util/bounded-read.js';
import { loadYaml } from '../util/yaml-lib.js';

/** Helm's repositories.yaml: $HELM_REPOSITORY_CONFIG, else $HELM_CONFIG_HOME, else the XDG config home. */
function helmRepositoriesPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.HELM_REPOSITORY_CONFIG || path.join(helmConfigHome(env, platform), 'repositories.yaml');
}

interface RepositoryEntry {
  name?: string;
  url?: string;
  username?: string;
  password?: string;
}

/**
 * The credentials `helm repo add --username --password` stored for a chart repository, matched by
 * its URL as Helm matches a dependency's repository (trailing slashes aside).
 */
export async function repositoryCredential(url: string, env: NodeJS.ProcessEnv = process.env): Promise<Credential | undefined> {
  let text: string;
  try {
    text = await readFile(helmRepositoriesPath(env), 'utf8');
  } catch (err) {
    if (fsCode(err) === 'ENOENT') return undefined;
    throw err;
  }
  await loadYaml();
  const doc = readYaml(text, CHART_YAML_BOUNDS) as { repositories?: RepositoryEntry[] } | null;
  const want = url.replace(/\/+$/, '');
  const entry = (doc?.repositories ?? []).find((r) => (r.url ?? '').replace(/\/+$/, '') === want);
  return entry?.username && entry.password ? { username: entry.username, password: entry.password } : undefined;
}
