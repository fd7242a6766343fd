import { log as out } from './log.js';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { basicToken } from '../oci/basic-auth.js';
import { removeLogin, type AuthEntry } from '../oci/credentials.js';
import { logIn } from '../release/login.js';
import type { RegistryClient } from '../oci/registry.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { state, type LoginRecord } from './state.js';
import type { Inputs } from './inputs.js';

/**
 * `helm registry login` (src/release/login.ts), with a record of what it stored: the post step
 * removes what this added, restoring an entry it replaced.
 */
export async function login(client: RegistryClient, inputs: Inputs, log: (line: string) => void = out.info): Promise<void> {
  const { file, previous } = await logIn(client, inputs.username, inputs.password);
  if (inputs.logout) {
    const wrote: AuthEntry = { auth: basicToken(inputs.username, inputs.password) };
    state.saveLogins([{ host: client.registry, file, record: await writeRecord({ wrote, previous }) }]);
  }
  log(`Login succeeded (${client.registry} as ${inputs.username}, stored in ${file})`);
}

interface SavedLogin {
  /** The entry this step stored, so that the post step removes it only while it is still there. */
  wrote: AuthEntry;
  /** The entry it replaced, to put back. */
  previous?: AuthEntry;
}

/** The login's record, 0600 in RUNNER_TEMP: it holds secrets, so only its path goes into action state. */
async function writeRecord(saved: SavedLogin): Promise<string> {
  const dir = process.env.RUNNER_TEMP || os.tmpdir();
  const file = path.join(dir, `chartlift-login-${randomBytes(8).toString('hex')}.json`);
  await writeFileAtomic(file, JSON.stringify(saved), { mode: 0o600 });
  return file;
}

/**
 * Undoes the logins recorded in state: removes each entry this step stored, or puts back the one it
 * replaced, but only while the stored entry is still this step's: a later login (another step, helm)
 * for the same host is kept. Warns, never fails.
 */
export async function logout(records: LoginRecord[]): Promise<void> {
  for (const r of records) {
    let saved: SavedLogin;
    try {
      saved = JSON.parse(await readFile(r.record, 'utf8')) as SavedLogin;
    } catch {
      out.warning(
        `${r.host}: the login this step stored is left in ${r.file}: its record (${r.record}) is gone, so it cannot be told whether the entry there is still this step's. Remove it with helm registry logout ${r.host} if it is`,
      );
      continue;
    }
    const outcome = await removeLogin(r.file, r.host, saved.previous, saved.wrote);
    await rm(r.record, { force: true });
    out.info(
      outcome === 'kept'
        ? `${r.host}: a later login is kept (the stored entry is no longer the one this step wrote)`
        : outcome
          ? `Logout succeeded (${r.host}${saved.previous ? ', the earlier login restored' : ''})`
          : `${r.host}: no stored login to remove`,
    );
  }
}
