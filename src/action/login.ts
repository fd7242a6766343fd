import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Credential } from '../oci/auth.js';
import { findCredential, helmRegistryConfigPath, removeLogin, storeLogin, type AuthEntry } from '../oci/credentials.js';
import type { RegistryClient } from '../oci/registry.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { state, type LoginRecord } from './state.js';
import type { Inputs } from './inputs.js';

/** The credential to use: the inputs, else stored ones (Helm's, then Docker's), else none (anonymous). */
export async function chooseCredential(inputs: Inputs, host: string): Promise<{ credential?: Credential; source: string }> {
  if (inputs.username || inputs.password) {
    if (!inputs.username || !inputs.password) {
      throw new UserError(`\`username\` and \`password\` go together, but only ${inputs.username ? '`username`' : '`password`'} is set`, {
        hint: 'Set both, or neither to use stored credentials',
      });
    }
    return { credential: { username: inputs.username, password: inputs.password }, source: 'inputs' };
  }
  const found = await findCredential(host);
  return found ? { credential: found.credential, source: found.source } : { source: 'anonymous' };
}

/**
 * `helm registry login`: checks the credentials against the registry, then stores them in Helm's
 * registry config so that later steps (`helm pull`, `helm install`) need no login. The post step
 * removes what this added, restoring an entry it replaced.
 */
export async function login(client: RegistryClient, inputs: Inputs, log: (line: string) => void = core.info): Promise<void> {
  await client.ping();
  const file = helmRegistryConfigPath();
  const auth = Buffer.from(`${inputs.username}:${inputs.password}`).toString('base64');
  core.setSecret(auth);
  const previous = await storeLogin(file, client.registry, inputs.username, inputs.password);
  if (inputs.logout) {
    const record: LoginRecord = { host: client.registry, file };
    if (previous) record.backup = await backupEntry(previous);
    state.saveLogins([record]);
  }
  log(`Login succeeded (${client.registry} as ${inputs.username}, stored in ${file})`);
}

async function backupEntry(entry: AuthEntry): Promise<string> {
  const dir = process.env.RUNNER_TEMP || os.tmpdir();
  const file = path.join(dir, `chartlift-login-${randomBytes(8).toString('hex')}.json`);
  await writeFileAtomic(file, JSON.stringify(entry), { mode: 0o600 });
  return file;
}

/** Undoes the logins recorded in state: removes the entries, or puts back the ones replaced. */
export async function logout(records: LoginRecord[]): Promise<void> {
  for (const r of records) {
    let restore: AuthEntry | undefined;
    if (r.backup) {
      restore = JSON.parse(await readFile(r.backup, 'utf8')) as AuthEntry;
    }
    const changed = await removeLogin(r.file, r.host, restore);
    if (r.backup) await rm(r.backup, { force: true });
    core.info(
      changed ? `Logout succeeded (${r.host}${restore ? ', the earlier login restored' : ''})` : `${r.host}: no stored login to remove`,
    );
  }
}
