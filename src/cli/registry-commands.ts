import { UserError } from '../errors.js';
import { helmRegistryConfigPath, removeLogin } from '../oci/credentials.js';
import { parseRegistryHost } from '../oci/reference.js';
import { logIn } from '../release/login.js';
import { prompt, readStdin } from './prompt.js';
import { print } from './print.js';
import { openCliRegistries, type Reach } from './registries.js';

export async function loginCommand(host: string, options: Reach & { username?: string; passwordStdin?: boolean }): Promise<void> {
  host = parseRegistryHost(host);
  const username = options.username || (await prompt('Username: ', false, 'Give the user name with -u USER'));
  const password = options.passwordStdin
    ? await readStdin()
    : await prompt('Password: ', true, 'Pipe the password in with --password-stdin');
  if (!password && options.passwordStdin)
    throw new UserError(`no password came on standard input for ${username}`, {
      hint: `Pipe it in: echo "$TOKEN" | chartlift registry login -u ${username} --password-stdin ${host}`,
    });
  if (!username || !password) throw new UserError('a user name and a password are needed', { hint: 'Give -u USER and a password' });
  const registries = await openCliRegistries(options, { username, password });
  try {
    await logIn(await registries.client(host), username, password);
  } finally {
    await registries.close();
  }
  print('Login succeeded');
}

export async function logoutCommand(host: string): Promise<void> {
  host = parseRegistryHost(host);
  const file = helmRegistryConfigPath();
  if (!(await removeLogin(file, host))) throw new UserError(`not logged in to ${host}`, { where: file });
  print('Logout succeeded');
}
