import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './temp.js';

/** An isolated HOME for helm (its registry config, cache and data), so tests never share credentials. */
export async function helmHome(): Promise<{ home: string; env: NodeJS.ProcessEnv; registryConfig: string }> {
  const home = await tempDir('chartlift-home-');
  await mkdir(path.join(home, '.config'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
  };
  return { home, env, registryConfig: path.join(home, '.config', 'helm', 'registry', 'config.json') };
}
