import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  decodeEntry,
  dockerConfigPath,
  findCredential,
  helmRegistryConfigPath,
  removeLogin,
  storeLogin,
} from '../../src/oci/credentials.js';
import { tempDir } from '../helpers/temp.js';

test("Helm's registry config path, by precedence", () => {
  assert.equal(helmRegistryConfigPath({ HELM_REGISTRY_CONFIG: '/a/c.json', HELM_CONFIG_HOME: '/h' }, 'linux'), '/a/c.json');
  assert.equal(helmRegistryConfigPath({ HELM_CONFIG_HOME: '/h', XDG_CONFIG_HOME: '/x' }, 'linux'), '/h/registry/config.json');
  assert.equal(helmRegistryConfigPath({ XDG_CONFIG_HOME: '/x' }, 'linux'), '/x/helm/registry/config.json');
  assert.equal(helmRegistryConfigPath({ HOME: '/home/u' }, 'linux'), '/home/u/.config/helm/registry/config.json');
  assert.equal(dockerConfigPath({ DOCKER_CONFIG: '/d' }), '/d/config.json');
  assert.equal(dockerConfigPath({ HOME: '/home/u' }), '/home/u/.docker/config.json');
});

test('auth entries: auth, username/password, identity tokens', () => {
  assert.deepEqual(decodeEntry({ auth: 'bXl1c2VyOm15cGFzcw==' }, 'f'), { username: 'myuser', password: 'mypass' });
  assert.deepEqual(decodeEntry({ auth: Buffer.from('u:p:with:colons').toString('base64') }, 'f'), {
    username: 'u',
    password: 'p:with:colons',
  });
  assert.deepEqual(decodeEntry({ username: 'a', password: 'b' }, 'f'), { username: 'a', password: 'b' });
  assert.deepEqual(decodeEntry({ identitytoken: 'tok' }, 'f'), { identityToken: 'tok' });
  assert.equal(decodeEntry({}, 'f'), undefined);
  assert.throws(() => decodeEntry({ auth: Buffer.from('nocolon').toString('base64') }, 'f'), /not base64 of user:password/);
});

test('storeLogin writes what helm registry login writes (0600, tab-indented), keeps the rest; removeLogin undoes it', async () => {
  const dir = await tempDir('chartlift-cred-');
  const file = path.join(dir, 'helm', 'registry', 'config.json');
  assert.equal(await storeLogin(file, 'localhost:5001', 'myuser', 'mypass'), undefined);
  assert.equal(
    await readFile(file, 'utf8'),
    '{\n\t"auths": {\n\t\t"localhost:5001": {\n\t\t\t"auth": "bXl1c2VyOm15cGFzcw=="\n\t\t}\n\t}\n}',
  );
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  assert.equal((await stat(path.dirname(file))).mode & 0o777, 0o700);
  await storeLogin(file, 'other:1', 'a', 'b');
  assert.deepEqual(await storeLogin(file, 'localhost:5001', 'x', 'y'), { auth: 'bXl1c2VyOm15cGFzcw==' });
  await removeLogin(file, 'localhost:5001');
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).auths, { 'other:1': { auth: Buffer.from('a:b').toString('base64') } });
  await assert.rejects(storeLogin(file, 'h', 'a:b', 'c'), /may not contain ":"/);
});

test('lookup order: Helm first, then Docker; Docker Hub’s historic key', async () => {
  const home = await tempDir('chartlift-cred-');
  const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'cfg') };
  await storeLogin(helmRegistryConfigPath(env), 'both.example', 'helm', 'h');
  await writeFile(
    path.join(home, 'docker.json'),
    JSON.stringify({
      auths: {
        'both.example': { auth: Buffer.from('docker:d').toString('base64') },
        'https://index.docker.io/v1/': { auth: Buffer.from('hub:x').toString('base64') },
      },
    }),
  );
  const denv = { ...env, DOCKER_CONFIG: home };
  await writeFile(path.join(home, 'config.json'), await readFile(path.join(home, 'docker.json')));
  assert.deepEqual((await findCredential('both.example', denv))?.credential, { username: 'helm', password: 'h' });
  assert.deepEqual((await findCredential('docker.io', denv))?.credential, { username: 'hub', password: 'x' });
  assert.equal(await findCredential('none.example', denv), undefined);
  await writeFile(path.join(home, 'config.json'), '{not json');
  await assert.rejects(findCredential('none.example', denv), /is not valid JSON/);
});

test('temporary files of a killed write (process gone, or older than a minute) are removed by every change, a logout with nothing to remove too', async () => {
  const { mkdir, readdir, utimes } = await import('node:fs/promises');
  const dir = await tempDir('chartlift-cred-');
  const file = path.join(dir, 'registry', 'config.json');
  await mkdir(path.dirname(file), { recursive: true });
  const plant = async (name: string, ageMs = 0) => {
    const f = path.join(path.dirname(file), name);
    await writeFile(f, '{"auths":{"h":{"auth":"dTpw"}}}', { mode: 0o600 });
    const t = new Date(Date.now() - ageMs);
    await utimes(f, t, t);
  };
  const temps = async () => (await readdir(path.dirname(file))).filter((f) => f.endsWith('.tmp')).sort();
  const fresh = `.config.json.${process.pid}.aaaaaaaaaaaa.tmp`; // this process, just now: a write in progress
  await plant('.config.json.2147483646.0123456789ab.tmp');
  await plant(`.config.json.${process.pid}.ba9876543210.tmp`, 10 * 60_000);
  await plant(fresh);
  await plant('.other.json.2147483646.0123456789ab.tmp'); // another file's: not this one's to remove
  assert.equal(await removeLogin(file, 'nowhere:1'), false);
  assert.deepEqual(await temps(), [fresh, '.other.json.2147483646.0123456789ab.tmp'].sort());
});
