import YAML from 'yaml';

/**
 * Bounds on YAML read from outside (a chart's files, a repository's index.yaml, a provenance file).
 * The `yaml` package holds about 1 KiB per node while it parses (a 5 MiB `a: [1,1,…]` is 2.6 million
 * nodes: 2.5 GB and 17 s), so what it parses is counted first with its lexer, which builds no tree
 * (about 1 s and a few MiB for 5 MiB) and stops at the first bound passed.
 */
export interface YamlBounds {
  /** Characters of text. */
  maxBytes: number;
  /** Scalars, collections, aliases and list or key indicators. */
  maxNodes: number;
  /** Collections inside collections (flow brackets, block indentation, `- - -`). */
  maxDepth: number;
  /** Alias nodes (`*name`), each of which a conversion to objects may expand. */
  maxAliases: number;
}

/** What a chart's YAML files may hold: 50,000 nodes keep a check within about 60 MiB. */
export const CHART_YAML_BOUNDS: YamlBounds = { maxBytes: 5 * 1024 * 1024, maxNodes: 50_000, maxDepth: 256, maxAliases: 1000 };

/** A YAML text past its bounds, or nested deeper than the parser can follow. */
export class YamlBoundsError extends Error {}

const SCALAR = '\u001f';
const DOCUMENT = '\u0002';
const OPENS = new Set(['[', '{']);
const CLOSES = new Set([']', '}']);

/** Throws YamlBoundsError at the first bound `text` passes, having read no further. */
export function checkYamlBounds(text: string, bounds: YamlBounds): void {
  if (text.length > bounds.maxBytes) throw new YamlBoundsError(`is ${text.length} bytes, over the ${bounds.maxBytes}-byte bound`);
  let nodes = 0;
  let aliases = 0;
  let flow = 0;
  /** Block indentations open on the way to this line, and the indicators (`-`, `?`) on it. */
  const indents: number[] = [];
  let onLine = 0;
  let lineStart = true;
  for (const token of new YAML.Lexer().lex(text)) {
    if (token === '\n' || token === DOCUMENT) {
      lineStart = true;
      onLine = 0;
      continue;
    }
    if (lineStart && flow === 0) {
      const indent = /^ +$/.test(token) ? token.length : 0;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    lineStart = false;
    if (token === SCALAR || OPENS.has(token) || token === '-' || token === '?' || token[0] === '*') {
      if (++nodes > bounds.maxNodes)
        throw new YamlBoundsError(`holds more than ${bounds.maxNodes} YAML nodes (keys, values, list items): the bound Chartlift reads`);
    }
    if (token[0] === '*' && ++aliases > bounds.maxAliases) throw new YamlBoundsError(`holds more than ${bounds.maxAliases} aliases`);
    if (token === '-' || token === '?') onLine++;
    if (OPENS.has(token)) flow++;
    else if (CLOSES.has(token)) flow = Math.max(0, flow - 1);
    if (flow + indents.length + onLine > bounds.maxDepth) throw new YamlBoundsError(`nests deeper than ${bounds.maxDepth} levels`);
  }
}

/** Every document of `text`, its bounds checked first; duplicate keys allowed (the last wins, as Helm reads them). */
export function parseYamlDocuments(
  text: string,
  bounds: YamlBounds,
  options: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {},
): YAML.Document[] {
  checkYamlBounds(text, bounds);
  try {
    const docs = YAML.parseAllDocuments(text, { uniqueKeys: false, ...options });
    return Array.isArray(docs) ? docs : [docs];
  } catch (err) {
    if (err instanceof RangeError) throw new YamlBoundsError(`nests too deeply to be read (${err.message})`);
    throw err;
  }
}

/** The first document of `text` as plain data, within bounds (aliases expanded at most `maxAliases` times). */
export function readYaml(text: string, bounds: YamlBounds): unknown {
  const doc = parseYamlDocuments(text, bounds)[0];
  if (!doc) return null;
  if (doc.errors.length > 0) throw doc.errors[0];
  try {
    return doc.toJS({ maxAliasCount: bounds.maxAliases }) as unknown;
  } catch (err) {
    if (err instanceof RangeError) throw new YamlBoundsError(`nests too deeply to be read (${err.message})`);
    throw err;
  }
}
