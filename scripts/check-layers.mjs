#!/usr/bin/env node
// The layers, checked on every test run: src/oci/ is a registry library (no GitHub, no terminal, no
// Chart.yaml), src/chart/ knows no registry, the Helm artifact (src/artifact/) and the release steps
// (src/release/) sit above both, and the two faces (src/action/, src/cli/) never import each other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where each layer may not reach: folders under src/ (or `@actions` for the toolkit). */
const FORBIDDEN = {
  oci: ['@actions', 'chart', 'artifact', 'release', 'action', 'cli'],
  chart: ['@actions', 'oci', 'artifact', 'release', 'action', 'cli'],
  util: ['@actions', 'oci', 'chart', 'artifact', 'release', 'action', 'cli'],
  artifact: ['@actions', 'release', 'action', 'cli'],
  release: ['@actions', 'action', 'cli'],
  cli: ['action'],
  action: ['cli'],
};

/** The layer of a file under src/: its first folder, with src/cli.ts a part of the CLI and src/{main,post,index}.ts of the action. */
function layerOf(rel) {
  const [first, second] = rel.split(path.sep);
  if (second === undefined)
    return { 'cli.ts': 'cli', 'main.ts': 'action', 'post.ts': 'action', 'index.ts': 'action', 'bundle.ts': 'entry' }[first];
  return first;
}

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

/** Every import that crosses a layer the wrong way, as `file:line imports 'spec' (layer → layer)`. */
export function checkLayers(src) {
  const problems = [];
  for (const file of files(src)) {
    const rel = path.relative(src, file);
    const from = layerOf(rel);
    const forbidden = FORBIDDEN[from];
    if (!forbidden) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        let to;
        if (spec.startsWith('@actions/')) to = '@actions';
        else if (spec.startsWith('.')) to = layerOf(path.relative(src, path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts'));
        if (to && to !== from && forbidden.includes(to)) problems.push(`src/${rel}:${i + 1} imports '${spec}' (${from} → ${to})`);
      }
    });
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const problems = checkLayers(src);
  if (problems.length > 0) {
    console.error(`Imports that cross the layers:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('layers: no import crosses them');
}
