import { BadPatternError, checkPattern, goMatch } from './go-match.js';

/**
 * `.helmignore` with Helm's exact semantics (pkg/ignore): rules are tried in order; the first
 * positive match ignores; a negated rule that does *not* match ignores too (Helm's own reading of
 * `!`), one that matches lets the next rule decide. `dir/` rules apply to directories only, a
 * leading `/` anchors to the chart root, a rule with a `/` matches the whole relative path and one
 * without matches the base name. The built-in rule `templates/.?*` comes after the file's own.
 */
interface Rule {
  raw: string;
  glob: string;
  negate: boolean;
  mustDir: boolean;
  whole: boolean;
}

export class HelmIgnore {
  readonly #rules: Rule[] = [];

  /** Parses the file's text; throws an Error naming the line for `**` and malformed globs. */
  static parse(text: string): HelmIgnore {
    const rules = new HelmIgnore();
    // bufio.ScanLines: split at \n, one trailing \r dropped; a UTF-8 BOM is dropped from the first line only.
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      try {
        rules.#add((index === 0 ? line.replace(/^\ufeff/, '') : line).replace(/\r$/, ''));
      } catch (err) {
        throw new Error(`line ${index + 1}: ${(err as Error).message}`);
      }
    });
    rules.#add('templates/.?*');
    return rules;
  }

  /** Only the built-in rule, for a chart without `.helmignore`. */
  static defaults(): HelmIgnore {
    return HelmIgnore.parse('');
  }

  /** `path` is relative to the chart root with `/` separators. */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const rule of this.#rules) {
      if (rule.negate) {
        if (rule.mustDir && !isDir) return true;
        if (!matches(rule, path)) return true;
        continue;
      }
      if (rule.mustDir && !isDir) continue;
      if (matches(rule, path)) return true;
    }
    return false;
  }

  #add(line: string): void {
    let rule = goTrimSpace(line);
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new Error('double-star (**) syntax is not supported');
    try {
      checkPattern(rule);
    } catch (err) {
      if (err instanceof BadPatternError) throw new Error(`${err.message}`);
      throw err;
    }
    const raw = rule;
    let negate = false;
    let mustDir = false;
    if (rule.startsWith('!')) {
      negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      mustDir = true;
      rule = rule.slice(0, -1);
    }
    let whole = rule.includes('/');
    if (rule.startsWith('/')) {
      rule = rule.slice(1);
      whole = true;
    }
    this.#rules.push({ raw, glob: rule, negate, mustDir, whole });
  }
}

function matches(rule: Rule, path: string): boolean {
  const subject = rule.whole ? path : goBase(path);
  try {
    return goMatch(rule.glob, subject);
  } catch {
    return false;
  }
}

/** Go's filepath.Base: the last element, trailing slashes removed; "/" for all slashes. */
function goBase(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * Go's strings.TrimSpace: unicode.IsSpace runes, which include U+0085 (NEL) and not U+FEFF; JavaScript's
 * trim() is the other way round for both.
 */
const GO_TRIM =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
function goTrimSpace(text: string): string {
  return text.replace(GO_TRIM, '');
}
