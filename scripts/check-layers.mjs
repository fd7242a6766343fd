#!/usr/bin/env node
// The layers, checked on every test run: src/oci/ is a registry library (no GitHub, no terminal, no
// Chart.yaml), src/chart/ knows no registry, src/sign/ (provenance) knows charts but no registry,
// the chart as an OCI artifact (src/artifact/) sits on oci and chart, the release steps (src/release/)
// on every lower room, and the two faces (src/action/, src/cli/) never import each other. The lower
// rooms also speak no face's words: no action input (as action.yml names them) and no GITHUB_ variable.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

/** Where each layer may not reach: folders under src/ (or `@actions` for the toolkit). */
const FORBIDDEN = {
  oci: ['@actions', 'chart', 'artifact', 'sign', 'release', 'action', 'cli'],
  chart: ['@actions', 'oci', 'artifact', 'sign', 'release', 'action', 'cli'],
  util: ['@actions', 'oci', 'chart', 'artifact', 'sign', 'release', 'action', 'cli'],
  sign: ['@actions', 'oci', 'artifact', 'release', 'action', 'cli'],
  artifact: ['@actions', 'sign', 'release', 'action', 'cli'],
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

/** The rooms below the faces (the publication both run included): they name no action input and read no GITHUB_ variable. */
const LOWER = new Set(['oci', 'chart', 'artifact', 'sign', 'util', 'release']);

/** The action's input names, from action.yml (none when there is no action.yml). */
function actionInputs(actionYml) {
  if (!existsSync(actionYml)) return [];
  return Object.keys(YAML.parse(readFileSync(actionYml, 'utf8'))?.inputs ?? {});
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every import that crosses a layer the wrong way, as `file:line imports 'spec' (layer → layer)`, and
 * every face's word in a lower room: `file:line names the action input \`name\`` (backquoted, as
 * messages and docs write an input: \`ref\` or \`plain-http: true\`) and `file:line names GITHUB_X`.
 */
export function checkLayers(src, actionYml = path.join(src, '..', 'action.yml')) {
  const problems = [];
  const inputs = actionInputs(actionYml);
  const inputWord = inputs.length > 0 ? new RegExp(`\`(${inputs.map(escape).join('|')})(?:\`|:)`, 'g') : undefined;
  for (const file of files(src)) {
    const rel = path.relative(src, file);
    const from = layerOf(rel);
    const forbidden = FORBIDDEN[from];
    if (!forbidden) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (LOWER.has(from)) {
        for (const m of inputWord ? line.matchAll(inputWord) : []) problems.push(`src/${rel}:${i + 1} names the action input \`${m[1]}\``);
        for (const m of line.matchAll(/\bGITHUB_[A-Z0-9_]*/g)) problems.push(`src/${rel}:${i + 1} names ${m[0]}`);
      }
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
    console.error(`Imports that cross the layers, or a face's words in a lower room:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('layers: no import crosses them, no lower room speaks a face’s words');
}
