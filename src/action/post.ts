import * as core from '@actions/core';
import { State } from './constants.js';
import { logout, type LoginRecord } from './login.js';

/** The post step: removes the credentials the main step stored. It warns, never fails the job. */
export async function logoutStep(): Promise<void> {
  const raw = core.getState(State.logins);
  if (!raw) return;
  await logout(JSON.parse(raw) as LoginRecord[]);
}
