#!/usr/bin/env node
// dist/licenses.txt: the licence of every package the bundles hold, from ncc's module statistics
// (both faces), each package once, sorted by name, with its licence text as it ships.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [out, ...statsFiles] = process.argv.slice(2);

/** Every package directory (under node_modules) that a bundled module came from. */
function packageDirs(stats) {
  const dirs = new Set();
  const visit = (m) => {
    const name = m.name ?? m.identifier ?? '';
    for (const match of name.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)) {
      dirs.add(
        name
          .slice(0, match.index + match[0].length)
          .replace(/^\.\//, '')
          .replace(/^.*?(node_modules\/)/, '$1'),
      );
    }
    for (const inner of m.modules ?? []) visit(inner);
  };
  for (const m of stats.modules ?? []) visit(m);
  return dirs;
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

const packages = new Map();
for (const statsFile of statsFiles) {
  for (const rel of packageDirs(JSON.parse(readFileSync(statsFile, 'utf8')))) {
    const dir = path.join(root, rel);
    if (!existsSync(path.join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    packages.set(`${pkg.name}@${pkg.version}`, {
      name: pkg.name,
      version: pkg.version,
      license: pkg.license ?? 'UNKNOWN',
      text: licenceText(dir),
    });
  }
}
const entries = [...packages.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
const missing = entries.filter((e) => !e.text);
const body = entries
  .map((e) => `${e.name} ${e.version}\n${e.license}\n${e.text ?? `(no licence file in the package; its package.json says ${e.license})`}`)
  .join('\n\n');
writeFileSync(out, `${body}\n`);
console.log(`licenses: ${entries.length} packages${missing.length ? `, no licence file in ${missing.map((m) => m.name).join(', ')}` : ''}`);
