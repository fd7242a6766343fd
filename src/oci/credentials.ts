import { readFileSync } from 'node:fs';
import { basicToken } from './basic-auth.js';
import { chmod, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError, fsCode } from '../errors.js';
import { removeOrphans, writeFileAtomic } from '../util/atomic-write.js';
import { withFileLock } from '../util/file-lock.js';
import type { Credential } from './auth.js';

/** An `auths` entry as Docker and Helm write it. */
export interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
  registrytoken?: string;
}

interface ConfigFile {
  auths?: Record<string, AuthEntry>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
  [key: string]: unknown;
}

interface FoundCredential {
  credential: Credential;
  /** Where it came from, for the log: never the secret itself. */
  source: string;
}

/** `helm registry login`'s file: $HELM_REGISTRY_CONFIG, else $HELM_CONFIG_HOME/registry/config.json, else the platform's config folder. */
export function helmRegistryConfigPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.HELM_REGISTRY_CONFIG || path.join(helmConfigHome(env, platform), 'registry', 'config.json');
}

/** Helm's config home: $HELM_CONFIG_HOME, else `helm` under the platform's config folder (XDG on Linux). */
export function helmConfigHome(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HELM_CONFIG_HOME) return env.HELM_CONFIG_HOME;
  let base: string;
  if (env.XDG_CONFIG_HOME) base = env.XDG_CONFIG_HOME;
  else if (platform === 'darwin') base = path.join(os.homedir(), 'Library', 'Preferences');
  else if (platform === 'win32') base = env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  else base = path.join(env.HOME ?? os.homedir(), '.config');
  return path.join(base, 'helm');
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.DOCKER_CONFIG ?? path.join(env.HOME ?? os.homedir(), '.docker'), 'config.json');
}

async function readConfig(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8'); // small, and read before the first request: no loop turns to wait for
  } catch (err) {
    if (fsCode(err) === 'ENOENT') return {};
    throw new UserError(`cannot read it (${fsCode(err) ?? (err as Error).message})`, { where: file, hint: 'Check its permissions' });
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as ConfigFile;
  } catch {
    throw new UserError('is not valid JSON', { where: file, hint: 'Fix or delete the file, then log in again' });
  }
}

/** The keys an entry for `host` may be stored under (Docker Hub has its historic one). */
function hostKeys(host: string): string[] {
  const keys = [host, `https://${host}`, `http://${host}`, `https://${host}/v1/`, `https://${host}/v2/`];
  if (host === 'docker.io' || host === 'registry-1.docker.io' || host === 'index.docker.io')
    keys.push('https://index.docker.io/v1/', 'docker.io', 'registry-1.docker.io');
  return keys;
}

export function decodeEntry(entry: AuthEntry, where: string): Credential | undefined {
  if (entry.identitytoken) return { identityToken: entry.identitytoken };
  if (entry.registrytoken) return { identityToken: entry.registrytoken };
  if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  if (entry.auth) {
    const text = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 0)
      throw new UserError('holds an "auth" value that is not base64 of user:password', { where, hint: 'Log in again to rewrite it' });
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  return undefined;
}

/** `<command> get` with `input` on stdin: its exit code and output, bounded in time and size. */
async function runHelper(command: string, input: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  // Loaded here: most runs have no credential helper, and child_process is not on their way.
  const { execFile } = process.getBuiltinModule('node:child_process');
  return new Promise((resolve, reject) => {
    const child = execFile(command, ['get'], { timeout: 30_000, maxBuffer: 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      if (err && typeof code !== 'number') reject(err);
      else resolve({ exitCode: typeof code === 'number' ? code : 0, stdout, stderr });
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

/** Runs `docker-credential-<helper> get` with the host on stdin, as Docker does. */
async function runCredentialHelper(helper: string, host: string): Promise<Credential | undefined> {
  const command = `docker-credential-${helper}`;
  let out: { exitCode: number; stdout: string; stderr: string };
  try {
    out = await runHelper(command, host);
  } catch (err) {
    throw new UserError(`the credential helper ${command} could not be run (${(err as Error).message})`, {
      hint: `Install ${command}, or remove it from Docker's config`,
    });
  }
  if (out.exitCode !== 0) {
    if (/credentials not found/i.test(out.stdout + out.stderr)) return undefined;
    throw new UserError(`the credential helper ${command} failed for ${host}: ${(out.stderr || out.stdout).trim().split('\n')[0]}`, {
      hint: `Check that ${command} is installed and logged in`,
    });
  }
  let parsed: { Username?: string; Secret?: string };
  try {
    parsed = JSON.parse(out.stdout) as { Username?: string; Secret?: string };
  } catch {
    throw new UserError(`${command} answered something that is not JSON`);
  }
  if (!parsed.Secret) return undefined;
  return parsed.Username === '<token>' ? { identityToken: parsed.Secret } : { username: parsed.Username ?? '', password: parsed.Secret };
}

/** Stored credentials for `host`: Helm's registry config, then Docker's (helpers, auths, credsStore). */
export async function findCredential(host: string, env: NodeJS.ProcessEnv = process.env): Promise<FoundCredential | undefined> {
  const helmFile = helmRegistryConfigPath(env);
  const helm = await readConfig(helmFile);
  for (const key of hostKeys(host)) {
    const entry = helm.auths?.[key];
    const credential = entry && decodeEntry(entry, helmFile);
    if (credential) return { credential, source: helmFile };
  }
  const dockerFile = dockerConfigPath(env);
  const docker = await readConfig(dockerFile);
  const helper = docker.credHelpers?.[host];
  if (helper) {
    const credential = await runCredentialHelper(helper, host);
    if (credential) return { credential, source: `docker-credential-${helper}` };
  }
  for (const key of hostKeys(host)) {
    const entry = docker.auths?.[key];
    const credential = entry && decodeEntry(entry, dockerFile);
    if (credential) return { credential, source: dockerFile };
  }
  if (docker.credsStore) {
    const credential = await runCredentialHelper(docker.credsStore, host);
    if (credential) return { credential, source: `docker-credential-${docker.credsStore}` };
  }
  return undefined;
}

/**
 * Stores a login as `helm registry login` does: `auths[host].auth` = base64(user:password), the rest
 * of the file kept, tab-indented JSON, written atomically with mode 0600 in a 0700 folder.
 * Returns the entry it replaced, if any.
 */
export async function storeLogin(file: string, host: string, username: string, password: string): Promise<AuthEntry | undefined> {
  if (username.includes(':'))
    throw new UserError('a user name may not contain ":"', { hint: 'Check the user name', code: 'username-colon' });
  return updateConfig(file, (config) => {
    const previous = config.auths?.[host];
    config.auths = { ...config.auths, [host]: { auth: basicToken(username, password) } };
    return { write: true, result: previous };
  });
}

/**
 * Removes the login for `host`, or puts `restore` back in its place. With `expect`, only while the
 * stored entry is still that one (a later login for the same host is kept): 'kept' then.
 */
export async function removeLogin(file: string, host: string, restore?: AuthEntry, expect?: AuthEntry): Promise<boolean | 'kept'> {
  return updateConfig<boolean | 'kept'>(file, (config) => {
    const current = config.auths?.[host];
    if (expect && JSON.stringify(current) !== JSON.stringify(expect)) return { write: false, result: current ? 'kept' : false };
    if (!current && !restore) return { write: false, result: false };
    const auths = { ...config.auths };
    if (restore) auths[host] = restore;
    else delete auths[host];
    config.auths = auths;
    return { write: true, result: true };
  });
}

/** One read-change-write of a credential file under its lock: concurrent logins to other hosts lose nothing. */
async function updateConfig<T>(file: string, change: (config: ConfigFile) => { write: boolean; result: T }): Promise<T> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return withFileLock(`${file}.lock`, async () => {
    // Left by a write that was killed (they hold the auth): removed by every change, a logout too, written or not.
    await removeOrphans(dir, path.basename(file));
    const config = await readConfig(file);
    const { write, result } = change(config);
    if (write) {
      await writeFileAtomic(file, JSON.stringify(config, null, '\t'), { mode: 0o600 });
      await chmod(file, 0o600);
    }
    return result;
  });
}
