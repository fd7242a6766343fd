import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkGoValues, parseGoYaml } from '../../src/chart/go-values.js';
import { readSimpleYaml, writeSimpleYaml } from '../../src/chart/simple-yaml.js';
import { loadYaml } from '../../src/util/yaml-lib.js';
import { ROOT } from '../helpers/paths.js';

// simple-yaml.ts reads and writes the YAML most charts are written in without the `yaml` library
// (issue #34: the library cost a small chart's publish about 30 ms and 5 MiB). It must never decide
// otherwise than the library: what it reads, the library reads the same; what it writes, the library
// writes byte for byte. Compared here on real files and on many mutations of them.

const YAML = await loadYaml();
const fixture = (...p: string[]) => readFileSync(path.join(ROOT, ...p), 'utf8');
const helmChart = fixture('__tests__', 'fixtures', 'helm-create', 'Chart.yaml');
const helmValues = fixture('__tests__', 'fixtures', 'helm-create', 'values.yaml');
const hello = { chart: fixture('examples', 'hello', 'Chart.yaml'), values: fixture('examples', 'hello', 'values.yaml') };

/** What the library makes of `text`: parseGoYaml's value, or its error. */
function library(text: string, mode: 'read' | 'check'): { value?: unknown; error?: string } {
  try {
    if (mode === 'check') {
      checkGoValues(text);
      return {};
    }
    return { value: parseGoYaml(text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The property: when the subset reader answers, the library answers the same, and never refuses. */
function agrees(text: string, mode: 'read' | 'check'): boolean {
  const simple = readSimpleYaml(text, mode);
  if (!simple) return false;
  const lib = library(text, mode);
  assert.equal(lib.error, undefined, `the subset took what the library refuses (${lib.error}):\n${text}`);
  if (mode === 'read') assert.deepStrictEqual(simple.value, lib.value, `read otherwise than the library:\n${text}`);
  return true;
}

test("helm create's Chart.yaml and values.yaml, and the example chart's, are in the subset and read as the library reads them", () => {
  assert.ok(agrees(helmChart, 'read'));
  assert.ok(agrees(helmValues, 'check'));
  assert.ok(agrees(hello.chart, 'read'));
  assert.ok(agrees(hello.values, 'check'));
  assert.deepEqual(readSimpleYaml(hello.chart, 'read')?.value, {
    apiVersion: 'v2',
    name: 'hello',
    description: "A small example chart for Chartlift's quick start",
    type: 'application',
    version: '0.1.0',
    appVersion: '1.0.0',
    home: 'https://example.com/hello',
    maintainers: [{ name: 'Chartlift', email: 'maintainers@example.com' }],
  });
});

test('what the subset leaves to the library: types it would resolve, and syntax beyond block maps and lists', () => {
  const left = [
    'version: 1.2\n', // a float
    'version: 1\n', // an int
    'deprecated: true\n',
    'description: yes\n',
    'description: ~\n',
    'home: 0x1F\n',
    'home: 2001-12-14\n',
    'x: .inf\n',
    'a: &anchor b\nc: *anchor\n',
    'a: !!str 1\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    'a: [1, 2]\n',
    'a: {b: c}\n',
    'a: "x\\ty"\n',
    'a: b\na: c\n', // a duplicate (the library keeps the last)
    '---\na: b\n',
    'a: b\n---\nc: d\n',
    '- a\n- b\n',
    'just text\n',
    'a:\n  b\n', // a plain scalar on the next line
    'a: b\n  c\n', // a plain scalar continued
    'a:\tb\n',
    'a: b\r\n',
    'a: \u00e9\n',
    '\ufeffa: b\n',
    '? a\n: b\n',
    'a: b: c\n',
    'a: b:\n',
    '"a": b\n',
    '<<: {a: b}\n',
    'null: x\n',
    '__proto__: x\n',
  ];
  for (const text of left) assert.equal(readSimpleYaml(text, 'read'), undefined, JSON.stringify(text));
  for (const text of ['x: .inf\n', 'x: -.Inf\n', 'x: .NaN\n', 'null: 1\n', 'Null: 1\n', 'a: |\n  t\n', '- a\n', 'a: b: c\n'])
    assert.equal(readSimpleYaml(text, 'check'), undefined, JSON.stringify(text));
});

test('values files with typed scalars are checked without the library (only their validity is wanted)', () => {
  for (const text of ['replicaCount: 1\nenabled: false\nratio: 0.5\nname: ~\nnothing:\nlist:\n- 1\n- yes\n', 'a:\n  b: {}\n  c: []\n'])
    assert.ok(agrees(text, 'check'), text);
});

/** A small deterministic generator (xorshift32), so that a failure names its case. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

const TOKENS = [
  ' ',
  '  ',
  '\n',
  '\n  ',
  '-',
  '- ',
  ':',
  ': ',
  '#',
  ' #',
  '"',
  "'",
  "''",
  '{}',
  '[]',
  '{',
  ']',
  ',',
  '~',
  '?',
  '&a',
  '*a',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '\\',
  '\t',
  '\r',
  'yes',
  'No',
  'on',
  'null',
  '0.1',
  '1.2.3',
  '1e3',
  '0x1F',
  '.inf',
  '.NaN',
  '1:30',
  '2001-12-14',
  '<<',
  '=',
  '---',
  '...',
  'key: value',
  '\n- a',
  '\n  - b: c',
  'é',
  '__proto__',
  'a: b',
  'x:',
  '0',
  '-1',
];

function mutate(text: string, next: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(next() * 3);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(next() * (out.length + 1));
    const kind = next();
    if (kind < 0.45) out = out.slice(0, at) + TOKENS[Math.floor(next() * TOKENS.length)] + out.slice(at);
    else if (kind < 0.65) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 3));
    else if (kind < 0.85) {
      // Re-indent one line by -2..+2 spaces.
      const lines = out.split('\n');
      const i = Math.floor(next() * lines.length);
      const d = Math.floor(next() * 5) - 2;
      lines[i] = d >= 0 ? ' '.repeat(d) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-d}}`), '');
      out = lines.join('\n');
    } else {
      // Move a line elsewhere.
      const lines = out.split('\n');
      const [line] = lines.splice(Math.floor(next() * lines.length), 1);
      lines.splice(Math.floor(next() * (lines.length + 1)), 0, line);
      out = lines.join('\n');
    }
  }
  return out;
}

const SEEDS = [
  helmChart,
  helmValues,
  hello.chart,
  hello.values,
  "a:\n  b:\n  - c\n  - d: e\n    f: g\n  h: {}\ni: \"j k\"\nl: 'm''n'\n",
  '- a: b\n  c:\n  - d\n',
  'list:\n- x: 1\n  y:\n    - 2\n# comment\n  z: 3\nnext: 4\n',
];

test('20,000 mutations of real and tricky files: whatever the subset reads, the library reads the same', () => {
  const next = random(20261207);
  const taken = { read: 0, check: 0 };
  for (let i = 0; i < 20_000; i++) {
    const text = mutate(SEEDS[i % SEEDS.length], next);
    if (agrees(text, 'read')) taken.read++;
    if (agrees(text, 'check')) taken.check++;
  }
  // The mutations reach both sides: many are still in the subset, many are not.
  assert.ok(taken.read > 2000 && taken.read < 18_000, JSON.stringify(taken));
  assert.ok(taken.check > 3000 && taken.check < 18_000, JSON.stringify(taken));
});

const options = { sortMapEntries: true, version: '1.1', lineWidth: 0 } as const;

const STRINGS = [
  'v2',
  'hello',
  'A Helm chart for Kubernetes',
  "Chartlift's quick start",
  '0.1.0',
  '1.16.0',
  '1.2',
  '1',
  '0',
  '-1',
  '+1',
  '.5',
  '1e3',
  '1.2.3-rc.1',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '~',
  'null',
  'Null',
  'true',
  '0x1F',
  '0o17',
  '017',
  '0b101',
  '1_000',
  '1:30',
  '2001-12-14',
  '2001-12-14 21:59:43.10 -5',
  '.inf',
  '-.Inf',
  '.NaN',
  'a: b',
  'a:',
  'a #b',
  'a#b',
  ' lead',
  'trail ',
  'two  spaces',
  '',
  '-',
  '- a',
  '?',
  'x?',
  '@at',
  'mail@example.com',
  'https://example.com/x?y=1#z',
  '(x)',
  'a,b',
  '[x]',
  '{x}',
  "'q'",
  '"q"',
  'tab\tin',
  'new\nline',
  'é',
  'artifacthub.io/changes',
  '=',
  '<<',
  '_under',
  '/path',
  'a/b',
  '1.2.3.4',
  '00.1',
  '1.',
  '.',
];

function randomValue(next: () => number, depth: number): unknown {
  const k = next();
  if (depth > 2 || k < 0.55) {
    const r = next();
    if (r < 0.08) return next() < 0.5;
    if (r < 0.12) return [];
    if (r < 0.16) return {};
    return STRINGS[Math.floor(next() * STRINGS.length)];
  }
  if (k < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const map: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--)
    map[next() < 0.8 ? `k${Math.floor(next() * 9)}` : STRINGS[Math.floor(next() * STRINGS.length)]] = randomValue(next, depth + 1);
  return map;
}

test('what the subset writes, the library writes byte for byte (keys sorted, YAML 1.1 quoting), on 20,000 random documents', () => {
  const next = random(34);
  let written = 0;
  for (let i = 0; i < 20_000; i++) {
    const value = { name: 'x', ...(randomValue(next, 0) as object) };
    const simple = writeSimpleYaml(value);
    if (simple === undefined) continue;
    written++;
    assert.equal(simple, YAML.stringify(value, options), JSON.stringify(value));
  }
  assert.ok(written > 2000, `only ${written} written by the subset`);
  const md = parseGoYaml(hello.chart) as Record<string, unknown>;
  assert.equal(writeSimpleYaml(md), YAML.stringify(md, options));
  for (const s of STRINGS) {
    const simple = writeSimpleYaml({ s });
    if (simple !== undefined) assert.equal(simple, YAML.stringify({ s }, options), JSON.stringify(s));
  }
});

test('attacked from outside: each counterexample is left to the library (or written as it writes)', () => {
  // A float that overflows to infinity is refused by checkGoValues (JSON has no infinity).
  for (const text of [
    'a: 1e400\n',
    'a: -1e400\n',
    'a: 1.0e309\n',
    'a: .5e999\n',
    'a: 7e+_717\n',
    'a:\n- 1e400\n',
    `a: 1${'0'.repeat(400)}.5\n`,
  ]) {
    assert.throws(() => checkGoValues(text), /infinity/, text);
    assert.equal(readSimpleYaml(text, 'check'), undefined, text);
  }
  // Blank and comment lines indented ever further pass the library's depth bound.
  for (const line of [(i: number) => `${' '.repeat(i + 1)}\n`, (i: number) => `${' '.repeat(i + 1)}#\n`]) {
    const text = `a: b\n${Array.from({ length: 256 }, (_, i) => line(i)).join('')}`;
    assert.throws(() => checkGoValues(text), /nests deeper/);
    assert.equal(readSimpleYaml(text, 'check'), undefined);
    assert.equal(readSimpleYaml(text, 'read'), undefined);
  }
  // The writer: a YAML 1.1 float with no mantissa, a key over 1,024 characters, a top-level key
  // starting with a document marker, an empty document, and nesting too deep for the library.
  for (const value of [
    { a: 'e0' },
    { e0: 'a' },
    { a: ['E9', 'e+1', 'e-87'] },
    { ['k'.repeat(1025)]: 'v' },
    { a: { ['k'.repeat(1025)]: 'v' } },
    { '...': 'v' },
    { '...x': 'v' },
    {},
  ]) {
    const simple = writeSimpleYaml(value);
    if (simple !== undefined) assert.equal(simple, YAML.stringify(value, options), JSON.stringify(value).slice(0, 80));
  }
  let deep: unknown = 'x';
  for (let i = 0; i < 1500; i++) deep = { a: deep };
  assert.equal(writeSimpleYaml(deep), undefined);
});

test('a long run of spaces costs linear time (a file of 64 KiB is read in well under a second)', () => {
  const start = process.hrtime.bigint();
  for (const text of [`a: b${' '.repeat(60_000)}c\n`, `a:\n${' '.repeat(60_000)}b: c\n`, `a: b${' '.repeat(60_000)}# c\n`]) {
    readSimpleYaml(text, 'read');
    readSimpleYaml(text, 'check');
  }
  assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 1000);
});
