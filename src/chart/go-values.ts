import YAML from 'yaml';

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

function goScalarTag<T>(t: T): T {
  const tag = t as ScalarTag;
  if (tag.tag !== FLOAT || !tag.test || /inf|nan/i.test(tag.test.source)) return t;
  return { ...tag, test: tag.format === 'EXP' ? GO_FLOAT_EXP : GO_FLOAT } as T;
}

export function parseGoYaml(text: string): unknown {
  return parseGoYamlDocument(text).toJS({ maxAliasCount: 1000 }) as unknown;
}

/**
 * Whether a document is a map, or empty (which Go reads as an empty map), checked on the syntax tree:
 * values files are only validated, and converting them to objects would cost more than parsing them.
 */
export function isGoYamlMap(text: string): boolean {
  const root = parseGoYamlDocument(text).contents;
  return root === null || YAML.isMap(root) || (YAML.isScalar(root) && root.value === null);
}

function parseGoYamlDocument(text: string): YAML.Document {
  const doc = YAML.parseDocument(text, {
    version: '1.1',
    uniqueKeys: true,
    customTags: (tags) =>
      tags
        .filter((t) => {
          const tag = t as ScalarTag;
          return !DROPPED_TAGS.has(tag.tag ?? '') && tag.format !== 'TIME';
        })
        .map(goScalarTag),
  });
  if (doc.errors.length > 0) throw new Error(doc.errors[0].message.split('\n')[0]);
  return doc;
}

/** The string Go stores for a scalar decoded into a `string` field. */
export function goString(value: unknown, field: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'bigint') return value.toString();
  throw new TypeError(`${field} must be a string, not ${Array.isArray(value) ? 'a list' : 'a map'}`);
}

/** Integers in decimal; other numbers as Go's strconv.FormatFloat(v, 'g', -1, 32). */
export function goNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
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
 * Go's encoding/json key matching: keys are visited in sorted order (the YAML map went through a
 * JSON object first), an exact name or a case-insensitive one fills a field, and the last one wins.
 */
export function goFields<N extends string>(obj: Record<string, unknown>, names: readonly N[]): Map<N, unknown> {
  const out = new Map<N, unknown>();
  const keys = Object.keys(obj).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const key of keys) {
    const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
    if (name !== undefined) out.set(name, obj[key]);
  }
  return out;
}

/** Go's encoding/json string: JSON.stringify plus Go's escapes for <, >, &, U+2028 and U+2029. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's encoding/json for decoded data (interface{} values): map keys sorted by their bytes. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return JSON.stringify(value);
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
