import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';
// @ts-expect-error: a plain .mjs script, without types
import { withTables } from '../../scripts/readme-tables.mjs';
import { ROOT } from '../helpers/paths.js';

// The README's Inputs and Outputs tables are made from action.yml (scripts/readme-tables.mjs): they
// can never drift from it.
const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');
const make = withTables as (readme: string, actionYml: string) => Promise<string>;

/** The names in the first column of the table between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
function tableNames(readme: string, name: string): string[] {
  const block = readme.split(`<!-- ${name}:start -->`)[1].split(`<!-- ${name}:end -->`)[0];
  return [...block.matchAll(/^\| `([^`]+)` /gm)].map((m) => m[1]);
}

test('README.md holds exactly the tables action.yml makes (run node scripts/readme-tables.mjs when this fails)', async () => {
  const [readme, actionYml] = await Promise.all([read('README.md'), read('action.yml')]);
  assert.equal(readme, await make(readme, actionYml));
});

test('every input and every output of action.yml is a row of its table, in action.yml’s order', async () => {
  const [readme, actionYml] = await Promise.all([read('README.md'), read('action.yml')]);
  const action = YAML.parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  assert.deepEqual(tableNames(readme, 'inputs'), Object.keys(action.inputs));
  assert.deepEqual(tableNames(readme, 'outputs'), Object.keys(action.outputs));
});

test('an input or output added to action.yml and missing from the README is caught', async () => {
  const [readme, actionYml] = await Promise.all([read('README.md'), read('action.yml')]);
  const added = actionYml
    .replace(/^inputs:\n/m, 'inputs:\n  new-input:\n    description: A new input.\n    required: false\n')
    .replace(/^outputs:\n/m, 'outputs:\n  new-output:\n    description: A new output.\n');
  const regenerated = await make(readme, added);
  assert.notEqual(regenerated, readme, 'the README check would not see the new input');
  assert.ok(tableNames(regenerated, 'inputs').includes('new-input'));
  assert.ok(tableNames(regenerated, 'outputs').includes('new-output'));
  assert.ok(!tableNames(readme, 'inputs').includes('new-input'));
});
