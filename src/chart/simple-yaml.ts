/**
 * The YAML most charts are written in, read and written without the `yaml` library: block mappings
 * and sequences of plain, quoted and empty (`{}`, `[]`) scalars, comments, in printable ASCII. Loading
 * the library and running its parser cold cost a small chart's publish about 28 ms and 3 MiB; a
 * file outside this subset, or any doubt, gives `undefined`, and the caller reads it with the library.
 *
 * It never decides differently from the library (go-values.ts): what it reads, the library reads the
 * same; a scalar whose type the library would resolve (a number, a boolean, a null, a date) is left
 * to it when a value is wanted. __tests__/unit/simple-yaml.test.ts compares the two on every kind of
 * line, mutated.
 */

/** Larger files are left to the library (which bounds them: CHART_YAML_BOUNDS). */
const MAX_CHARS = 64 * 1024;
const MAX_DEPTH = 32;
const MAX_KEY = 128;

/** A key the subset takes: a word with dots, slashes and dashes (`image`, `artifacthub.io/changes`). */
const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +|$)/;
/** What a plain scalar may hold; `#` only as a comment after a space, `:` not followed by a space. */
const PLAIN = /^(?:[A-Za-z0-9_./(~]|[-+][A-Za-z0-9.])[A-Za-z0-9 _./:@+=,()~'-]*$/;
const NULL_WORD = /^(?:~|null|Null|NULL)$/;
const BOOL_WORD = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NON_FINITE = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;
/** A date or a time stamp (the library writes them quoted). */
const DATE_START = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
/** YAML 1.1's float with an exponent, whose mantissa may be missing (`e0`: the library quotes it). */
const EXPONENT = /^[-+]?[0-9._]*[eE][-+]?[0-9_]+$/;
/** Starts like a number (or a date, or a sexagesimal): read as a string only when no number has its shape. */
const NUMBER_START = /^[-+]?[0-9._]/;
/** Characters no number, date or sexagesimal uses. */
const NOT_NUMERIC = /[^0-9_.eExXoObBa-fA-F:+-]/;

type Mode = 'read' | 'check';

interface Line {
  indent: number;
  text: string;
}

class Outside extends Error {}

function outside(): never {
  throw new Outside();
}

/**
 * `text`'s one document as the library reads it through parseGoYaml (`read`: plain objects, arrays,
 * strings and nulls), or, in `check`, whether it is a document checkGoValues accepts (`value`
 * unspecified then); `undefined` when the text is outside the subset.
 */
export function readSimpleYaml(text: string, mode: Mode): { value: unknown } | undefined {
  if (text.length > MAX_CHARS) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || c > 0x7e) return undefined;
  }
  const lines: Line[] = [];
  // The library bounds the indentations open at once, blank and comment lines' too (checkYamlBounds).
  const open: number[] = [];
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    while (open.length > 0 && open[open.length - 1] >= lead) open.pop();
    if (open.push(lead) > MAX_DEPTH) return undefined;
    // Only spaces are left to trim (no other white space passed the loop above).
    const body = raw.trimEnd();
    const indent = Math.min(lead, body.length);
    const content = body.slice(indent);
    if (content === '' || content.startsWith('#')) continue;
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))) return undefined;
    lines.push({ indent, text: content });
  }
  try {
    const reader = new Reader(lines, mode);
    const value = reader.node(-1, false, 0);
    if (reader.at < lines.length) outside();
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) outside();
    return { value };
  } catch (err) {
    if (err instanceof Outside) return undefined;
    throw err;
  }
}

class Reader {
  at = 0;
  constructor(
    private readonly lines: Line[],
    private readonly mode: Mode,
  ) {}

  /** The block below a line indented `parent` (a sequence may sit at `parent` under a key), or null. */
  node(parent: number, seqAtParent: boolean, depth: number): unknown {
    if (depth > MAX_DEPTH) outside();
    const line = this.lines[this.at];
    if (!line) return null;
    const isItem = isSeqItem(line.text);
    if (line.indent < parent || (line.indent === parent && !(seqAtParent && isItem))) return null;
    return isItem ? this.seq(line.indent, depth) : this.map(line.indent, line.text, depth);
  }

  /** A mapping whose keys sit at `indent`; its first line's text may start mid-line (after `- `). */
  private map(indent: number, first: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text = first;
    for (;;) {
      const m = KEY_LINE.exec(text);
      if (!m || m[1].length > MAX_KEY || m[1] === '__proto__' || Object.hasOwn(out, m[1])) outside();
      const key = m[1];
      if (NULL_WORD.test(key) || (this.mode === 'read' && typed(key))) outside();
      const rest = text.slice(m[0].length);
      this.at++;
      if (rest === '' || rest.startsWith('#')) out[key] = this.node(indent, true, depth + 1);
      else {
        out[key] = this.scalar(rest);
        this.afterScalar(indent);
      }
      const next = this.lines[this.at];
      if (!next || next.indent < indent) return out;
      if (next.indent > indent || isSeqItem(next.text)) outside();
      text = next.text;
    }
  }

  /** A sequence whose `-` sit at `indent`. */
  private seq(indent: number, depth: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.at];
      if (!line || line.indent < indent) return out;
      if (line.indent > indent || !isSeqItem(line.text)) {
        if (line.indent === indent) return out;
        outside();
      }
      const rest = line.text.slice(1).trimStart();
      if (rest === '' || rest.startsWith('#')) {
        this.at++;
        out.push(this.node(indent, false, depth + 1));
      } else if (isSeqItem(rest)) outside();
      else if (KEY_LINE.test(rest)) out.push(this.map(indent + (line.text.length - rest.length), rest, depth + 1));
      else {
        this.at++;
        out.push(this.scalar(rest));
        this.afterScalar(indent);
      }
    }
  }

  /** A scalar on one line ends its node: a line below it indented further would continue it. */
  private afterScalar(indent: number): void {
    const next = this.lines[this.at];
    if (next && next.indent > indent) outside();
  }

  private scalar(text: string): unknown {
    if (text.startsWith('"') || text.startsWith("'")) return quoted(text);
    const hash = text.indexOf(' #');
    const value = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
    if (value === '{}') return {};
    if (value === '[]') return [];
    if (!PLAIN.test(value) || value.includes(': ') || value.endsWith(':')) outside();
    if (this.mode === 'check') {
      // A float may overflow to infinity (`1e400`, 400 digits), which JSON cannot hold.
      if (NON_FINITE.test(value) || (numeric(value) && (/[eE]/.test(value) || value.length > 16))) outside();
      return value;
    }
    if (typed(value)) outside();
    return value;
  }
}

function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** A quoted scalar on one line, a comment after it allowed; double quotes without escapes. */
function quoted(text: string): string {
  const q = text[0];
  let value = '';
  let i = 1;
  for (;;) {
    const end = text.indexOf(q, i);
    if (end < 0) outside();
    value += text.slice(i, end);
    if (q === "'" && text[end + 1] === "'") {
      value += "'";
      i = end + 2;
      continue;
    }
    i = end + 1;
    break;
  }
  if (q === '"' && value.includes('\\')) outside();
  const after = text.slice(i);
  if (after !== '' && !/^ +#/.test(after)) outside();
  return value;
}

/**
 * Whether the library might resolve `s` as something other than a string (YAML 1.1 as Helm reads it:
 * a null, a boolean, an integer in any base, a float, a sexagesimal, a date): a superset, so that
 * what is left is a string for certain. A version such as `0.1.0` has two dots, which no number has.
 */
function typed(s: string): boolean {
  if (NULL_WORD.test(s) || BOOL_WORD.test(s) || NON_FINITE.test(s) || DATE_START.test(s) || s === '<<' || s === '=') return true;
  return numeric(s);
}

/** Whether `s` may be a number (an int in any base, a float, a sexagesimal): a superset. */
function numeric(s: string): boolean {
  if (EXPONENT.test(s)) return true;
  if (!NUMBER_START.test(s) || NOT_NUMERIC.test(s)) return false;
  return (s.match(/\./g) ?? []).length < 2;
}

/**
 * `value` (JSON data: maps, lists, strings, booleans) as goYaml writes it with the library (keys
 * sorted, YAML 1.1, no folding), or `undefined` when a string would need quoting or a value is of
 * another kind.
 */
export function writeSimpleYaml(value: unknown): string | undefined {
  if (!isMap(value) || Object.keys(value).length === 0) return undefined;
  const out: string[] = [];
  return writeMap(value, '', out, undefined, 0) ? out.join('') : undefined;
}

const SAFE_TEXT = /^[A-Za-z0-9_./(][A-Za-z0-9 _./:@+=,()'-]*$/;

function plainText(s: string): boolean {
  // A key over 1,024 characters becomes an explicit `? key`; `...` starts a document marker.
  if (s.length > MAX_KEY || s.startsWith('...')) return false;
  return SAFE_TEXT.test(s) && !s.endsWith(' ') && !s.endsWith(':') && !s.includes('  ') && !s.includes(': ') && !typed(s);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function inline(v: unknown): string | undefined {
  if (typeof v === 'string') return plainText(v) ? v : undefined;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (isMap(v) && Object.keys(v).length === 0) return '{}';
  return undefined;
}

function writeMap(map: Record<string, unknown>, indent: string, out: string[], firstPrefix: string | undefined, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const keys = Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [i, key] of keys.entries()) {
    if (!plainText(key)) return false;
    const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : indent;
    const v = map[key];
    const one = inline(v);
    if (one !== undefined) out.push(`${lead}${key}: ${one}\n`);
    else if (isMap(v)) {
      out.push(`${lead}${key}:\n`);
      if (!writeMap(v, `${indent}  `, out, undefined, depth + 1)) return false;
    } else if (Array.isArray(v)) {
      out.push(`${lead}${key}:\n`);
      if (!writeSeq(v, `${indent}  `, out, depth + 1)) return false;
    } else return false;
  }
  return true;
}

function writeSeq(list: unknown[], indent: string, out: string[], depth: number): boolean {
  for (const v of list) {
    const one = inline(v);
    if (one !== undefined) out.push(`${indent}- ${one}\n`);
    else if (isMap(v)) {
      if (!writeMap(v, `${indent}  `, out, `${indent}- `, depth + 1)) return false;
    } else return false;
  }
  return true;
}
