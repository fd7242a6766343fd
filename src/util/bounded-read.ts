import type * as YAML from 'yaml';
import { yaml } from '../util/yaml-lib.js';

/**
 * The one reader of YAML and JSON from outside (a chart's files, a registry's manifests and configs,
 * a repository's index.yaml, a provenance file): each text is measured against its bounds first, in
 * one pass that builds nothing and stops at the first bound passed, and only then parsed. The `yaml`
 * package holds about 1 KiB per node while it parses (a 5 MiB `a: [1,1,…]` is 2.6 million nodes:
 * 2.5 GB and 14 s), JSON.parse about 100 bytes (a 5 MiB `[{},{},…]`: 200 MiB).
 */
export interface Bounds {
  /** Characters of text. */
  maxBytes: number;
  /** Scalars, collections, aliases and list or key indicators (YAML); values and keys (JSON). */
  maxNodes: number;
  /** Collections inside collections (flow brackets, block indentation, `- - -`). */
  maxDepth: number;
}

export interface YamlBounds extends Bounds {
  /** Alias nodes (`*name`), each of which a conversion to objects may expand. */
  maxAliases: number;
}

/** What a chart's YAML files may hold: 50,000 nodes keep a check within about 80 MiB. */
export const CHART_YAML_BOUNDS: YamlBounds = { maxBytes: 5 * 1024 * 1024, maxNodes: 50_000, maxDepth: 256, maxAliases: 1000 };

/** A text past its bounds, or nested deeper than the parser can follow. */
export class BoundsError extends Error {}

/** Throws BoundsError at the first bound a JSON text passes (strings skipped, nothing built). */
function checkJsonBounds(text: string, bounds: Bounds): void {
  if (text.length > bounds.maxBytes) throw new BoundsError(`is ${text.length} bytes, over the ${bounds.maxBytes}-byte bound`);
  let nodes = 1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skipped to its closing quote.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) depth--;
    // `{`, `[`, `,` and `:` each start a value.
    if (c !== 0x7b && c !== 0x5b && c !== 0x2c && c !== 0x3a) continue;
    if (++nodes > bounds.maxNodes) throw new BoundsError(`holds more than ${bounds.maxNodes} JSON values`);
    if ((c === 0x7b || c === 0x5b) && ++depth > bounds.maxDepth) throw new BoundsError(`nests deeper than ${bounds.maxDepth} levels`);
  }
}

/** JSON.parse within bounds: BoundsError past them, SyntaxError for what is not JSON. */
export function readJson(text: string, bounds: Bounds): unknown {
  checkJsonBounds(text, bounds);
  return JSON.parse(text) as unknown;
}

const SCALAR = '\u001f';
const DOCUMENT = '\u0002';
const OPENS = new Set(['[', '{']);
const CLOSES = new Set([']', '}']);

/** Throws BoundsError at the first bound `text` passes, having read no further. */
export function checkYamlBounds(text: string, bounds: YamlBounds): void {
  if (text.length > bounds.maxBytes) throw new BoundsError(`is ${text.length} bytes, over the ${bounds.maxBytes}-byte bound`);
  let nodes = 0;
  let aliases = 0;
  let flow = 0;
  /** Block indentations open on the way to this line, and the indicators (`-`, `?`) on it. */
  const indents: number[] = [];
  let onLine = 0;
  let lineStart = true;
  // Every token but a run of spaces is something the parser holds or reports on (a comma, a `:`, an
  // anchor, a tag, a comment, a line): at most four per node a file may have. A stray `]` or `}`
  // (outside any flow collection) is an error the parser reports once each, at a cost that grows with
  // the text: the first is refused here.
  const maxTokens = bounds.maxNodes * 4;
  let tokens = 0;
  let properties = 0;
  let previous = '';
  for (const token of new (yaml().Lexer)().lex(text)) {
    if (!/^ +$/.test(token) && ++tokens > maxTokens)
      throw new BoundsError(
        `holds more than ${maxTokens} YAML tokens (indicators, properties, comments, lines): the bound Chartlift reads`,
      );
    if (flow === 0 && CLOSES.has(token)) throw new BoundsError(`has a ${token} that closes nothing: not YAML Chartlift reads`);
    // An empty flow entry (`[,` or `,,`) is an error the parser reports at a cost that grows with the text.
    if (token === ',' && (previous === ',' || OPENS.has(previous)))
      throw new BoundsError('has an empty entry in a flow collection: not YAML Chartlift reads');
    // Anchors and tags are rare in a chart's YAML; many, or several on one node, cost the parser dearly.
    if ((token[0] === '&' || token[0] === '!') && ++properties > bounds.maxAliases)
      throw new BoundsError(`holds more than ${bounds.maxAliases} anchors and tags`);
    if (!/^[ \t]*$/.test(token) && token !== '\n') previous = token;
    // A document (its start, `---`, `...` or a directive) is an object of its own when parsed: counted.
    if (token === DOCUMENT || token === '---' || token === '...' || token[0] === '%') {
      if (++nodes > bounds.maxNodes)
        throw new BoundsError(
          `holds more than ${bounds.maxNodes} YAML nodes (documents, keys, values, list items): the bound Chartlift reads`,
        );
    }
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
        throw new BoundsError(
          `holds more than ${bounds.maxNodes} YAML nodes (documents, keys, values, list items): the bound Chartlift reads`,
        );
    }
    if (token[0] === '*' && ++aliases > bounds.maxAliases) throw new BoundsError(`holds more than ${bounds.maxAliases} aliases`);
    if (token === '-' || token === '?') onLine++;
    if (OPENS.has(token)) flow++;
    else if (CLOSES.has(token)) flow = Math.max(0, flow - 1);
    if (flow + indents.length + onLine > bounds.maxDepth) throw new BoundsError(`nests deeper than ${bounds.maxDepth} levels`);
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
    const docs = yaml().parseAllDocuments(text, { uniqueKeys: false, ...options });
    return Array.isArray(docs) ? docs : [docs];
  } catch (err) {
    if (err instanceof RangeError) throw new BoundsError(`nests too deeply to be read (${err.message})`);
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
    if (err instanceof RangeError) throw new BoundsError(`nests too deeply to be read (${err.message})`);
    throw err;
  }
}
