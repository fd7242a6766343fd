import type * as YAML from 'yaml';
import { loadYaml, yaml } from '../util/yaml-lib.js';
import { readSimpleYaml } from './simple-yaml.js';
import { CHART_YAML_BOUNDS, parseYamlDocuments } from '../util/bounded-read.js';

/**
 * How Helm reads YAML into its Go structs (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 scalars
 * (`yes`/`on` are booleans), no timestamps or sexagesimals, and a number or boolean that lands in
 * a string field becomes Go's text for it (`appVersion: 1.10` is the string "1.1").
 */
const DROPPED_TAGS = new Set(['tag:yaml.org,2002:timestamp']);

/**
 * go-yaml's float rule (resolve.go): `_` dropped, then yamlStyleFloat, which needs a digit before or
 * after the point. The `yaml` package's YAML 1.1 floats also take `.` and `-.`, so an unquoted `.` (a
 * chart's appVersion, import-values' `parent: .`) became NaN where Helm keeps the string ".".
 */
const DIGITS = '[0-9_]*[0-9][0-9_]*';
const MANTISSA = `[-+]?_*(?:\\.${DIGITS}|[0-9][0-9_]*(?:\\.[0-9_]*)?)`;
const GO_FLOAT = new RegExp(`^${MANTISSA}$`);
const GO_FLOAT_EXP = new RegExp(`^${MANTISSA}[eE][-+]?${DIGITS}$`);
const FLOAT = 'tag:yaml.org,2002:float';

type ScalarTag = { tag?: string; format?: string; test?: RegExp };

/**
 * A YAML float as go-yaml decodes it (a float64), kept apart from an int of the same value: Go writes
 * a float into a string field with FormatFloat('g', 32) (`icon: 1e6` is "1e+06"), an int in decimal.
 */
class GoFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return goFloat32(this.value);
  }
}

function goScalarTag<T>(t: T): T {
  const tag = t as ScalarTag & { resolve?: (...args: unknown[]) => unknown };
  if (tag.tag !== FLOAT || !tag.resolve) return t;
  const resolve = tag.resolve.bind(tag);
  const test = !tag.test || /inf|nan/i.test(tag.test.source) ? tag.test : tag.format === 'EXP' ? GO_FLOAT_EXP : GO_FLOAT;
  return { ...tag, test, resolve: (...args: unknown[]) => new GoFloat(Number(resolve(...args))) } as T;
}

/** parseGoYaml's value: by simple-yaml.ts where the file is in its subset, else with the library. */
export async function readGoYaml(text: string): Promise<unknown> {
  const simple = readSimpleYaml(text, 'read');
  if (simple) return simple.value;
  await loadYaml();
  return parseGoYaml(text);
}

/** checkGoValues: by simple-yaml.ts where the file is in its subset, else with the library. */
export async function checkValuesYaml(text: string): Promise<void> {
  if (readSimpleYaml(text, 'check')) return;
  await loadYaml();
  checkGoValues(text);
}

/**
 * A YAML file read as Helm reads Chart.yaml, Chart.lock and requirements (sigs.k8s.io/yaml over
 * go-yaml): the first document only, duplicate keys allowed (the last wins), and only what converts
 * to JSON (no null or collection map keys, no infinities or NaN).
 */
export function parseGoYaml(text: string): unknown {
  const doc = parseGoYamlDocuments(text)[0];
  if (!doc) return null;
  checkJsonable(doc.contents);
  applyGoMerges(doc.contents, new Set(), (alias) => alias.resolve(doc));
  stringifyFloatKeys(doc.contents);
  return doc.toJS({ maxAliasCount: 1000 }) as unknown;
}

/**
 * YAML 1.1 merge keys as go-yaml v2 applies them (decode.go, mapping and merge): in the mapping's order,
 * a `<<` sets every key of the map it names (or of each map of a list, the first winning), over what
 * came before it, and a key after it sets its own value over the merged one. The `yaml` package follows
 * the spec instead (an explicit key always wins), so `appVersion: 1.2.3` then `<<: {appVersion: 6.6.6}`
 * read as 1.2.3 here and as 6.6.6 in Helm. Done on the syntax tree, each mapping once.
 */
function applyGoMerges(node: unknown, done: Set<unknown>, resolveAlias: (a: YAML.Alias) => unknown): void {
  if (yaml().isAlias(node) || done.has(node)) return;
  done.add(node);
  if (yaml().isSeq(node)) return node.items.forEach((n) => applyGoMerges(n, done, resolveAlias));
  if (!yaml().isMap(node)) return;
  const merged = new Map<unknown, YAML.Pair>();
  let hasMerge = false;
  for (const pair of node.items) {
    applyGoMerges(pair.value, done, resolveAlias);
    const key = yaml().isScalar(pair.key) ? pair.key.value : pair.key;
    // The `yaml` package reads a plain `<<` as its merge key (a symbol), whatever its `merge` option.
    const isMerge =
      (key === '<<' || (typeof key === 'symbol' && key.description === '<<')) && yaml().isScalar(pair.key) && pair.key.type === 'PLAIN';
    if (isMerge) {
      hasMerge = true;
      for (const source of mergeSources(pair.value, done, resolveAlias))
        for (const p of source.items) merged.set(yaml().isScalar(p.key) ? p.key.value : p.key, p as YAML.Pair);
    } else merged.set(key, pair as YAML.Pair);
  }
  if (hasMerge) node.items = [...merged.values()];
}

/** The maps a `<<` names: one map, or each map of a list (the last first, so that the first wins), aliases resolved. */
function mergeSources(value: unknown, done: Set<unknown>, resolveAlias: (a: YAML.Alias) => unknown): YAML.YAMLMap[] {
  const resolve = (n: unknown): unknown => (yaml().isAlias(n) ? resolveAlias(n) : n);
  const v = resolve(value);
  const maps = yaml().isSeq(v) ? [...v.items].reverse().map(resolve) : [v];
  for (const m of maps) {
    if (!yaml().isMap(m)) throw new GoYamlError('map merge requires map or sequence of maps as the value');
    applyGoMerges(m, done, resolveAlias);
  }
  return maps as YAML.YAMLMap[];
}

/** Float map keys become their text first, as sigs.k8s.io/yaml writes them (JSON keys are strings). */
function stringifyFloatKeys(node: unknown): void {
  if (yaml().isMap(node)) {
    for (const pair of node.items) {
      if (yaml().isScalar(pair.key) && pair.key.value instanceof GoFloat) pair.key.value = String(pair.key.value);
      stringifyFloatKeys(pair.value);
    }
  } else if (yaml().isSeq(node)) node.items.forEach(stringifyFloatKeys);
}

/**
 * Checks a values file as Helm 4 loads it (every document, each a map or empty, merged), on the
 * syntax tree: values files are only validated, and converting them to objects would cost more.
 * Helm 3 reads only the first document; the archive keeps the file's bytes, so each Helm reads it
 * as it would read `helm package`'s. Throws what is wrong.
 */
export function checkGoValues(text: string): void {
  for (const doc of parseGoYamlDocuments(text)) {
    const root = doc.contents;
    if (!(root === null || yaml().isMap(root) || (yaml().isScalar(root) && root.value === null)))
      throw new GoYamlError('values must be a map at the top level');
    checkJsonable(root);
  }
}

/** A YAML file Helm cannot read, with its reason in Go's words where that helps. */
export class GoYamlError extends Error {
  constructor(
    message: string,
    /** Where the parser stopped (1-based), for a syntax error. */
    readonly position?: { line: number; col: number },
  ) {
    super(message);
  }
}

/** Within CHART_YAML_BOUNDS: past them a BoundsError, before any tree is built. */
function parseGoYamlDocuments(text: string): YAML.Document[] {
  const list = parseYamlDocuments(text, CHART_YAML_BOUNDS, {
    version: '1.1',
    uniqueKeys: false,
    customTags: (tags) =>
      tags
        .filter((t) => {
          const tag = t as ScalarTag;
          return !DROPPED_TAGS.has(tag.tag ?? '') && tag.format !== 'TIME';
        })
        .map(goScalarTag),
  });
  for (const doc of list)
    if (doc.errors.length > 0) throw new GoYamlError(doc.errors[0].message.split('\n')[0], doc.errors[0].linePos?.[0]);
  return list;
}

/** What sigs.k8s.io/yaml refuses when it turns YAML into JSON. */
function checkJsonable(node: unknown, at = ''): void {
  if (yaml().isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      if (yaml().isCollection(key))
        throw new GoYamlError(`invalid map key${at ? ` under ${at}` : ''}: a ${yaml().isMap(key) ? 'map' : 'list'}`);
      const value = yaml().isScalar(key) ? key.value : key;
      if (value === null || value === undefined) throw new GoYamlError(`unsupported map key${at ? ` under ${at}` : ''}: null`);
      checkJsonable(pair.value, at ? `${at}.${String(value)}` : String(value));
    }
  } else if (yaml().isSeq(node)) {
    node.items.forEach((item, i) => checkJsonable(item, `${at}[${i}]`));
  } else if (yaml().isScalar(node) && node.value instanceof GoFloat && !Number.isFinite(node.value.value)) {
    throw new GoYamlError(`unsupported value${at ? ` at ${at}` : ''}: ${node.source ?? String(node.value)} (JSON has no infinity or NaN)`);
  }
}

/** The string Go stores for a scalar decoded into a `string` field. */
export function goString(value: unknown, field: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goNumber(value);
  if (value instanceof GoFloat) return goFloat32(value.value);
  if (typeof value === 'bigint') return value.toString();
  throw new TypeError(`${field} must be a string, not ${Array.isArray(value) ? 'a list' : 'a map'}`);
}

/** Integers in decimal; other numbers as Go's strconv.FormatFloat(v, 'g', -1, 32). */
export function goNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  return goFloat32(v);
}

/** Go's strconv.FormatFloat(v, 'g', -1, 32): what sigs.k8s.io/yaml writes for a float in a string field. */
function goFloat32(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  const f = Math.fround(v);
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const s = f.toExponential(p - 1);
    if (Math.fround(Number(s)) === f) {
      const [mant, e] = s.split('e');
      digits = mant.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
      exp = Number(e);
      break;
    }
  }
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/**
 * A key as encoding/json folds it to match an ASCII field name (bytes.EqualFold, unicode.SimpleFold):
 * ASCII letters in either case, and the two other letters that fold to ASCII ones, U+017F (ſ, to s) and
 * U+212A (the Kelvin sign, to k). Lower-cased, so that `appVerſion` matches appVersion as Helm finds it.
 */
function goFold(key: string): string {
  return key
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k')
    .toLowerCase();
}

/**
 * Go's encoding/json key matching: keys are visited in sorted order (the YAML map went through a
 * JSON object first), an exact name or a case-insensitive one fills a field, and the last one wins.
 */
export function goFields<N extends string>(obj: Record<string, unknown>, names: readonly N[]): Map<N, unknown> {
  const out = new Map<N, unknown>();
  const keys = Object.keys(obj).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const key of keys) {
    const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === goFold(key));
    if (name !== undefined) out.set(name, obj[key]);
  }
  return out;
}

/** Go's encoding/json string: JSON.stringify plus Go's escapes for <, >, &, U+2028 and U+2029. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's encoding/json for decoded data (interface{} values): map keys sorted by their bytes. */
function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return JSON.stringify(value);
  if (value instanceof GoFloat) return JSON.stringify(value.value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  entries.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(',')}}`;
}

/** A Go struct's JSON: fields in declaration order; `undefined` stands for an omitted (empty) field. */
export function goStructJson(fields: ReadonlyArray<readonly [string, unknown]>): string {
  const parts = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${goJsonString(k)}:${encodeField(v)}`);
  return `{${parts.join(',')}}`;
}

/** A field value is either raw JSON already encoded (a nested struct) or data. */
export class RawJson {
  constructor(readonly text: string) {}
}

function encodeField(v: unknown): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v) && v.some((x) => x instanceof RawJson)) return `[${v.map(encodeField).join(',')}]`;
  return goJson(v);
}
