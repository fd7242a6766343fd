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
      author: typeof pkg.author === 'string' ? pkg.author.replace(/\s*[<(].*$/, '') : pkg.author?.name,
    });
  }
}
/**
 * A package that ships no licence file gets its licence's standard text: MIT and ISC with the
 * package's author as the copyright holder (as those licences are written), Apache-2.0 as another
 * bundled package ships it (the text has no holder in it).
 */
const TEMPLATES = {
  MIT: (holder) =>
    `MIT License\n\nCopyright (c) ${holder}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.`,
  ISC: (holder) =>
    `ISC License\n\nCopyright (c) ${holder}\n\nPermission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted, provided that the above\ncopyright notice and this permission notice appear in all copies.\n\nTHE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES\nWITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF\nMERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR\nANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES\nWHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN\nACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF\nOR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.`,
};
for (const e of packages.values()) {
  if (e.text) continue;
  const template = TEMPLATES[e.license];
  if (template && e.author)
    e.text = `${template(e.author)}\n(the package ships no licence file; the standard text, with its author as the holder)`;
  const same = [...packages.values()].find((o) => o.license === e.license && o.text && !o.templated && e.license === 'Apache-2.0');
  if (!e.text && same) e.text = `${same.text}\n(the package ships no licence file; the standard Apache-2.0 text, as ${same.name} ships it)`;
  if (e.text) e.templated = true;
}
// Code kept in vendor/ (libdeflate, compiled into the bundle as WebAssembly: src/chart/gzip-wasm.ts).
for (const dir of existsSync(path.join(root, 'vendor')) ? readdirSync(path.join(root, 'vendor')) : []) {
  const [, name, version] = /^(.+)-(\d[\w.]*)$/.exec(dir) ?? [];
  if (name) packages.set(dir, { name, version, license: 'MIT', text: licenceText(path.join(root, 'vendor', dir)) });
}
const entries = [...packages.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
const missing = entries.filter((e) => !e.text || e.templated);
const body = entries
  .map((e) => `${e.name} ${e.version}\n${e.license}\n${e.text ?? `(no licence file in the package; its package.json says ${e.license})`}`)
  .join('\n\n');
writeFileSync(out, `${body}\n`);
console.log(
  `licenses: ${entries.length} packages${missing.length ? `, no licence file in ${missing.map((m) => m.name).join(', ')} (standard text given)` : ''}`,
);
if (entries.some((e) => !e.text)) {
  console.error(
    `licenses: no licence text for ${entries
      .filter((e) => !e.text)
      .map((e) => e.name)
      .join(', ')}`,
  );
  process.exit(1);
}
