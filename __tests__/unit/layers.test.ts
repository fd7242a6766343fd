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

/** A temporary project: `files` under src/, with an action.yml beside it declaring `inputs`. */
async function project(files: Record<string, string>, inputs: string[]): Promise<string> {
  const root = await tempDir('chartlift-rooms-');
  await writeFile(path.join(root, 'action.yml'), `name: x\ninputs:\n${inputs.map((i) => `  ${i}:\n    required: false\n`).join('')}`);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, 'src', rel)), { recursive: true });
    await writeFile(path.join(root, 'src', rel), text);
  }
  return path.join(root, 'src');
}

test('the signing room knows charts but no registry, and the artifact and the lower rooms do not reach it', async () => {
  const src = await project(
    {
      'sign/provenance.ts': "import { chartYaml } from '../chart/metadata.js';\nimport { RegistryClient } from '../oci/registry.js';\n",
      'sign/push.ts': "import { pushArtifact } from '../release/push.js';\nimport * as core from '@actions/core';\n",
      'artifact/manifest.ts': "import { digestOf } from '../oci/digest.js';\nimport { messageBlock } from '../sign/provenance.js';\n",
      'oci/registry.ts': "import { clearSign } from '../sign/pgp-sign.js';\n",
      'chart/package.ts': "import { startSigner } from '../sign/signer.js';\n",
      'release/build.ts': "import { startSigner } from '../sign/signer.js';\nimport { chartRef } from '../artifact/chart-ref.js';\n",
    },
    [],
  );
  assert.deepEqual(checkLayers(src).sort(), [
    "src/artifact/manifest.ts:2 imports '../sign/provenance.js' (artifact → sign)",
    "src/chart/package.ts:1 imports '../sign/signer.js' (chart → sign)",
    "src/oci/registry.ts:1 imports '../sign/pgp-sign.js' (oci → sign)",
    "src/sign/provenance.ts:2 imports '../oci/registry.js' (sign → oci)",
    "src/sign/push.ts:1 imports '../release/push.js' (sign → release)",
    "src/sign/push.ts:2 imports '@actions/core' (sign → @actions)",
  ]);
});

test('the rooms below the faces (the steps and the publication included) name no action input (as action.yml declares them) and no GITHUB_ variable; the faces may', async () => {
  const src = await project(
    {
      'oci/reference.ts': "throw new UserError('the `ref` input is empty');\nconst d = '`digest` is not an input';\n",
      'chart/assemble.ts': "const hint = 'Point `chart` at the folder';\n",
      'artifact/chart-ref.ts': '// `app-version` overrides it\n',
      'sign/signer.ts': "const hint = 'Set `sign-key-name`';\n",
      'oci/errors.ts': "const hint = 'remove `plain-http: true`';\n",
      'util/where.ts': 'const ws = process.env.GITHUB_WORKSPACE;\n',
      'chart/load.ts': '// the workspace (GITHUB_WORKSPACE on a runner)\n',
      'release/build.ts': "const ws = process.env.GITHUB_WORKSPACE;\nconst m = 'the `version` input';\n",
      'action/run.ts': "const m = 'the `chart` input';\nconst ws = process.env.GITHUB_WORKSPACE;\n",
      'cli/help.ts': "const m = '`ref`';\n",
    },
    ['chart', 'ref', 'plain-http', 'version', 'app-version', 'sign-key', 'sign-key-name'],
  );
  assert.deepEqual(checkLayers(src).sort(), [
    'src/artifact/chart-ref.ts:1 names the action input `app-version`',
    'src/chart/assemble.ts:1 names the action input `chart`',
    'src/chart/load.ts:1 names GITHUB_WORKSPACE',
    'src/oci/errors.ts:1 names the action input `plain-http`',
    'src/oci/reference.ts:1 names the action input `ref`',
    'src/release/build.ts:1 names GITHUB_WORKSPACE',
    'src/release/build.ts:2 names the action input `version`',
    'src/sign/signer.ts:1 names the action input `sign-key-name`',
    'src/util/where.ts:1 names GITHUB_WORKSPACE',
  ]);
});
