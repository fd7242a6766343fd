#!/usr/bin/env node
// The README's Inputs and Outputs tables, made from action.yml (its names, defaults and descriptions)
// and written between the marker comments: `node scripts/readme-tables.mjs` writes them, `--check` only
// says whether README.md holds what it would write (the unit test __tests__/unit/readme-tables.test.ts
// checks the same). Edit the descriptions in action.yml, never the tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import YAML from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOTE = '<!-- Generated from action.yml by scripts/readme-tables.mjs: edit the descriptions there, then run it. -->';

/** A description (plain text) as one markdown table cell: one line, what markdown would read as markup escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/[|*_\\]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

function defaultOf(input) {
  if (input.required === true) return '(required)';
  if (input.default === undefined || input.default === '') return 'empty';
  return `\`${input.default}\``;
}

/** The two tables (markdown, prettier-formatted) for action.yml's text. */
export async function makeTables(actionYml) {
  const action = YAML.parse(actionYml);
  const inputs = [
    '| input | default | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs ?? {}).map(([name, i]) => `| \`${name}\` | ${defaultOf(i)} | ${cell(i.description)} |`),
  ].join('\n');
  const outputs = [
    '| output | meaning |',
    '| --- | --- |',
    ...Object.entries(action.outputs ?? {}).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
  ].join('\n');
  const format = async (table) => (await prettier.format(table, { parser: 'markdown', printWidth: 140, proseWrap: 'preserve' })).trim();
  return { inputs: await format(inputs), outputs: await format(outputs) };
}

/** README.md with the tables between `<!-- NAME:start -->` and `<!-- NAME:end -->` replaced. */
export async function withTables(readme, actionYml) {
  const tables = await makeTables(actionYml);
  let out = readme;
  for (const name of ['inputs', 'outputs']) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${start} … ${end}`);
    out = `${out.slice(0, a + start.length)}\n${NOTE}\n\n${tables[name]}\n\n${out.slice(b)}`;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readmeFile = `${ROOT}README.md`;
  const readme = readFileSync(readmeFile, 'utf8');
  const next = await withTables(readme, readFileSync(`${ROOT}action.yml`, 'utf8'));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md: the Inputs or Outputs table differs from action.yml: run node scripts/readme-tables.mjs');
      process.exit(1);
    }
  } else if (next !== readme) writeFileSync(readmeFile, next);
}
