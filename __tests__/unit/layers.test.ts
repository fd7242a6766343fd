import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain ESM script without types
import { checkLayers } from '../../scripts/check-layers.mjs';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

test('the project’s own layers hold', () => {
  assert.deepEqual(checkLayers(path.join(ROOT, 'src')), []);
});

test('the check names every import that crosses a layer the wrong way', async () => {
  const src = await tempDir('chartlift-layers-');
  const put = async (rel: string, text: string) => {
    await mkdir(path.dirname(path.join(src, rel)), { recursive: true });
    await writeFile(path.join(src, rel), text);
  };
  await put('oci/auth.ts', "import * as core from '@actions/core';\nimport { x } from '../chart/metadata.js';\n");
  await put('oci/ok.ts', "import { UserError } from '../errors.js';\nimport { y } from './digest.js';\n");
  await put(
    'chart/dependencies.ts',
    "import { RegistryClient } from '../oci/registry.js';\nconst r = await import('../release/cached.js');\n",
  );
  await put('cli/commands.ts', "import { run } from '../action/run.js';\n");
  await put('action/run.ts', "import { help } from '../cli/help.js';\n");
  await put('main.ts', "import { cli } from './cli.js';\n");
  assert.deepEqual(checkLayers(src).sort(), [
    "src/action/run.ts:1 imports '../cli/help.js' (action → cli)",
    "src/chart/dependencies.ts:1 imports '../oci/registry.js' (chart → oci)",
    "src/chart/dependencies.ts:2 imports '../release/cached.js' (chart → release)",
    "src/cli/commands.ts:1 imports '../action/run.js' (cli → action)",
    "src/main.ts:1 imports './cli.js' (action → cli)",
    "src/oci/auth.ts:1 imports '@actions/core' (oci → @actions)",
    "src/oci/auth.ts:2 imports '../chart/metadata.js' (oci → chart)",
  ]);
});
