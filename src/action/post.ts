import { logout } from './login.js';
import { state } from './state.js';

/** The post step's logout: removes the credentials the main step stored. It warns, never fails the job. */
export async function logoutStep(): Promise<void> {
  const records = state.logins();
  if (records.length > 0) await logout(records);
}
