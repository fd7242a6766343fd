import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { COLUMNS, ROWS } from '../helpers/fronts/matrix.js';
import { registriesDoc } from '../helpers/fronts/table.js';
import { ROOT } from '../helpers/paths.js';

// docs/registries.md is made from the registry tests (matrix.ts, whose cells scenario.ts asserts, and
// each test file's own tests): it never drifts from what they check.

test('docs/registries.md holds exactly what the registry tests make (run npm run registries:table when this fails)', async () => {
  assert.equal(readFileSync(path.join(ROOT, 'docs', 'registries.md'), 'utf8'), await registriesDoc());
});

test('every row is run by its test file, every cell of every column is stated', () => {
  for (const row of ROWS) {
    assert.ok(existsSync(path.join(ROOT, row.test)), row.test);
    const text = readFileSync(path.join(ROOT, row.test), 'utf8');
    assert.match(text, new RegExp(`registryMatrix\\('${row.id}'`), `${row.test} runs the row ${row.id}`);
    assert.deepEqual(Object.keys(row.cells).sort(), [...COLUMNS].sort(), row.id);
  }
  assert.equal(new Set(ROWS.map((r) => r.id)).size, ROWS.length, 'row ids are unique');
});

test('a changed cell changes the table', async () => {
  const before = await registriesDoc();
  const cells = ROWS[0].cells;
  const saved = cells.push;
  cells.push = { fails: 'a remedy nobody wrote' };
  try {
    assert.match(await registriesDoc(), /✗ a remedy nobody wrote/);
  } finally {
    cells.push = saved;
  }
  assert.equal(await registriesDoc(), before);
});
