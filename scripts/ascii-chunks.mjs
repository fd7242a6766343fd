#!/usr/bin/env node
// Writes the bundle's own chunks (those built from src/ alone, per ncc's statistics) in ASCII: each
// character past U+007F becomes its \uXXXX escape. V8 keeps a script that holds a single such
// character (an em dash in a comment, a typographic apostrophe in a message) as two bytes a
// character, its whole text; in ASCII a small chart's publish peaks about 3 MiB lower. In comments,
// strings, templates and regular expressions an escape means the same character; the script refuses
// what would change meaning: a character after a backslash, or a raw template (String.raw).
// Usage: ascii-chunks.mjs DIST STATS
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [dist, statsFile] = process.argv.slice(2);
const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
let changed = 0;
for (const chunk of stats.chunks) {
  if (chunk.modules.some((m) => m.name.includes('node_modules'))) continue;
  for (const name of chunk.files) {
    const file = path.join(dist, name);
    const text = readFileSync(file, 'utf8');
    if (/\\[\u0080-\uffff]/.test(text)) throw new Error(`${file}: a non-ASCII character after a backslash`);
    if (/String\.raw/.test(text)) throw new Error(`${file}: String.raw would read an escape as written`);
    const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (ascii !== text) {
      writeFileSync(file, ascii);
      changed++;
    }
  }
}
process.stdout.write(`ascii: ${changed} chunks written in ASCII\n`);
