import { UserError } from '../errors.js';
import { helmRegistryConfigPath, removeLogin, storeLogin } from '../oci/credentials.js';
import { Http } from '../oci/http.js';
import { parseRegistryHost } from '../oci/reference.js';
import { RegistryClient } from '../oci/registry.js';
import { prompt, readStdin } from './prompt.js';
import { print } from './print.js';

export async function loginCommand(
  host: string,
  options: { username?: string; passwordStdin?: boolean; plainHttp?: boolean },
): Promise<void> {
  host = parseRegistryHost(host);
  const username = options.username || (await prompt('Username: ', false));
  const password = options.passwordStdin ? await readStdin() : await prompt('Password: ', true);
  if (!username || !password) throw new UserError('a user name and a password are needed', { hint: 'Give -u USER and a password' });
  const http = new Http({ userAgent: 'chartlift' });
  try {
    await new RegistryClient(http, host, { plainHttp: options.plainHttp, credential: { username, password } }).ping();
  } finally {
    await http.close();
  }
  await storeLogin(helmRegistryConfigPath(), host, username, password);
  print('Login succeeded');
}

export async function logoutCommand(host: string): Promise<void> {
  host = parseRegistryHost(host);
  const file = helmRegistryConfigPath();
  if (!(await removeLogin(file, host))) throw new UserError(`not logged in to ${host}`, { where: file });
  print('Logout succeeded');
}
