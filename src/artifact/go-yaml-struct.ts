import type * as YAML from 'yaml';
import { yaml } from '../util/yaml-lib.js';
import { BoundsError, parseYamlDocuments, type YamlBounds } from '../util/bounded-read.js';

/**
 * A Go type as gopkg.in/yaml (v2 and v3) decodes YAML into it: what Artifact Hub unmarshals its
 * annotations and its repository metadata into. `string` takes any scalar; `bool` a YAML boolean (or
 * a YAML 1.1 word, which v3 accepts for a typed bool); `list` a sequence; `struct` a mapping (a
 * pointer to it: null is nil); `any` anything.
 */
export type GoType = 'string' | 'bool' | 'any' | { list: GoType } | { struct: Record<string, GoType> };

/** What decoding found wrong: the path in the value (`[1].url`) and the reason. */
interface GoYamlProblem {
  path: string;
  problem: string;
  /** A key the struct lacks: Go's yaml decodes the rest all the same. */
  unknown?: true;
}

/**
 * What one value may hold: an annotation is a few lines (the largest Artifact Hub documents, a list
 * of images or CRDs, some hundred nodes), an artifacthub-repo.yml a few owners. The same bound counts
 * the nodes the decoding visits, an alias's target once per alias: `*c` repeated 100,000 times over a
 * change of 10,000 links is 10⁹ visits otherwise, inside a 680 KB annotation.
 */
export const GO_YAML_BOUNDS: YamlBounds = { maxBytes: 1024 * 1024, maxNodes: 20_000, maxDepth: 64, maxAliases: 1000 };

/** At most this many problems are listed for one value, then how many more there are. */
const MAX_PROBLEMS = 20;

const BOOL_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/**
 * Parses `text` and decodes it into `type` as Go's yaml.Unmarshal would, reporting every place it
 * would fail. Stricter in one way, on purpose: a key the struct does not have is reported (Go's yaml
 * drops it silently, so a misspelt field is lost without a word). Returns the plain value too.
 */
export function decodeGoYaml(text: string, type: GoType): { value: unknown; problems: GoYamlProblem[] } {
  let doc: YAML.Document | undefined;
  try {
    // YAML 1.2's core schema, as yaml.v3 resolves plain scalars; duplicate keys are an error there too.
    doc = parseYamlDocuments(text, GO_YAML_BOUNDS, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false })[0];
  } catch (err) {
    if (!(err instanceof BoundsError)) throw err;
    return { value: undefined, problems: [{ path: '', problem: `too large to read: it ${err.message}` }] };
  }
  if (!doc) return { value: null, problems: [] };
  if (doc.errors.length > 0)
    return { value: undefined, problems: [{ path: '', problem: `not valid YAML (${firstLine(doc.errors[0].message)})` }] };
  const problems: GoYamlProblem[] = [];
  const walk: Walk = { doc, out: problems, visits: GO_YAML_BOUNDS.maxNodes };
  try {
    decode(walk, doc.contents, type, '');
  } catch (err) {
    if (err !== walk) throw err;
    return {
      value: undefined,
      problems: [{ path: '', problem: `too large to read: its aliases expand to more than ${GO_YAML_BOUNDS.maxNodes} values` }],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: GO_YAML_BOUNDS.maxAliases });
  } catch (err) {
    problems.push({ path: '', problem: firstLine((err as Error).message) });
  }
  return { value, problems };
}

/** The first problems of a list, then how many more there are: one value's report stays readable. */
export function capProblems(lines: string[]): string[] {
  return lines.length > MAX_PROBLEMS ? [...lines.slice(0, MAX_PROBLEMS), `and ${lines.length - MAX_PROBLEMS} more`] : lines;
}

/** One decoding: the document (aliases resolve in it), the problems found, the visits left (thrown when none). */
interface Walk {
  doc: YAML.Document;
  out: GoYamlProblem[];
  visits: number;
}

function decode(walk: Walk, node: unknown, type: GoType, path: string): void {
  if (--walk.visits < 0) throw walk;
  const { doc, out } = walk;
  if (yaml().isAlias(node)) node = node.resolve(doc);
  if (node === null || node === undefined || (yaml().isScalar(node) && node.value === null)) return; // nil: the zero value
  if (type === 'any') return;
  const kind = yaml().isMap(node) ? 'a mapping' : yaml().isSeq(node) ? 'a list' : 'a scalar';
  if (type === 'string') {
    if (!yaml().isScalar(node)) out.push({ path, problem: `${kind} where a string goes` });
    return;
  }
  if (type === 'bool') {
    const v = yaml().isScalar(node) ? node.value : undefined;
    if (typeof v === 'boolean' || (typeof v === 'string' && node instanceof yaml().Scalar && node.type === 'PLAIN' && BOOL_WORDS.has(v)))
      return;
    out.push({
      path,
      problem: yaml().isScalar(node) ? `${JSON.stringify(String(v))} is not true or false` : `${kind} where true or false goes`,
    });
    return;
  }
  if ('list' in type) {
    if (!yaml().isSeq(node)) {
      out.push({ path, problem: `${kind} where a list goes` });
      return;
    }
    node.items.forEach((item, i) => decode(walk, item, type.list, `${path}[${i}]`));
    return;
  }
  if (!yaml().isMap(node)) {
    out.push({ path, problem: `${kind} where a mapping (${Object.keys(type.struct).join(', ')}) goes` });
    return;
  }
  for (const pair of node.items) {
    const key = yaml().isScalar(pair.key) ? String(pair.key.value) : undefined;
    const at = path ? `${path}.${key ?? '?'}` : (key ?? '?');
    if (key === undefined || !(key in type.struct)) {
      out.push({
        path: at,
        problem: `unknown field (Artifact Hub reads ${Object.keys(type.struct).join(', ')}; it would drop this one silently)`,
        unknown: true,
      });
      continue;
    }
    decode(walk, pair.value, type.struct[key], at);
  }
}

/** A problem as one line: `path: problem`. */
export function problemLine(p: GoYamlProblem): string {
  return p.path ? `${p.path}: ${p.problem}` : p.problem;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}
