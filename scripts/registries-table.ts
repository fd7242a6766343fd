// docs/registries.md, made from the registry tests (__tests__/helpers/fronts/table.ts): written by
// `npm run registries:table`; `--check` only says whether the file holds what it would write (the unit
// test __tests__/unit/registries-table.test.ts checks the same). Edit matrix.ts or the tests, never the file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { registriesDoc } from '../__tests__/helpers/fronts/table.js';
import { ROOT } from '../__tests__/helpers/paths.js';

const file = path.join(ROOT, 'docs', 'registries.md');
const doc = await registriesDoc();
if (process.argv.includes('--check')) {
  let now = '';
  try {
    now = readFileSync(file, 'utf8');
  } catch {
    // missing: differs
  }
  if (now !== doc) {
    console.error('docs/registries.md differs from what the registry tests make: run npm run registries:table');
    process.exit(1);
  }
} else writeFileSync(file, doc);
