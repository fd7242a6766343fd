/**
 * Go's `path/filepath.Match` on Unix (Go 1.25, which Helm 4.1.4 is built with), rune for rune: `*` (no `/`), `?`, `[...]` classes with `^`
 * negation and ranges, `\` escapes. `.helmignore` is built on it, so Helm's exact semantics start here.
 */
export class BadPatternError extends Error {
  constructor(pattern: string) {
    super(`syntax error in pattern ${JSON.stringify(pattern)}`);
    this.name = 'BadPatternError';
  }
}

type Runes = string[];
const SEP = '/';

export function goMatch(pattern: string, name: string): boolean {
  // Built only when thrown: an Error captures a stack trace, too dear for every file of a chart.
  const bad = (): BadPatternError => new BadPatternError(pattern);
  let pat: Runes = Array.from(pattern);
  let s: Runes = Array.from(name);

  pattern: while (pat.length > 0) {
    const [star, chunk, rest] = scanChunk(pat);
    pat = rest;
    if (star && chunk.length === 0) return !s.includes(SEP);
    const [t, ok] = matchChunk(chunk, s, bad);
    if (ok && (t.length === 0 || pat.length > 0)) {
      s = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < s.length && s[i] !== SEP; i++) {
        const [t2, ok2] = matchChunk(chunk, s.slice(i + 1), bad);
        if (ok2) {
          if (pat.length === 0 && t2.length > 0) continue;
          s = t2;
          continue pattern;
        }
      }
    }
    // path/filepath.Match answers no here without reading the rest of the pattern (path.Match checks
    // it): a malformed part after a chunk that failed is never reported, and Helm packages the chart.
    return false;
  }
  return s.length === 0;
}

/** Throws BadPatternError when Go's filepath.Match(pattern, "abc") returns ErrBadPattern (Helm's check of a rule). */
export function checkPattern(pattern: string): void {
  goMatch(pattern, 'abc');
}

function scanChunk(pat: Runes): [boolean, Runes, Runes] {
  let star = false;
  while (pat.length > 0 && pat[0] === '*') {
    pat = pat.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  scan: for (; i < pat.length; i++) {
    switch (pat[i]) {
      case '\\':
        if (i + 1 < pat.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
    }
  }
  return [star, pat.slice(0, i), pat.slice(i)];
}

function matchChunk(chunk: Runes, s: Runes, bad: () => BadPatternError): [Runes, boolean] {
  let failed = false;
  let c = chunk;
  while (c.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const head = c[0];
    if (head === '[') {
      let r = '';
      if (!failed) {
        r = s[0];
        s = s.slice(1);
      }
      c = c.slice(1);
      let negated = false;
      if (c.length > 0 && c[0] === '^') {
        negated = true;
        c = c.slice(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (c.length > 0 && c[0] === ']' && nrange > 0) {
          c = c.slice(1);
          break;
        }
        let lo: string;
        [lo, c] = getEsc(c, bad);
        let hi = lo;
        if (c[0] === '-') [hi, c] = getEsc(c.slice(1), bad);
        const cp = r.codePointAt(0) ?? -1;
        if ((lo.codePointAt(0) ?? 0) <= cp && cp <= (hi.codePointAt(0) ?? 0)) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (head === '?') {
      if (!failed) {
        if (s[0] === SEP) failed = true;
        s = s.slice(1);
      }
      c = c.slice(1);
    } else {
      if (head === '\\') {
        c = c.slice(1);
        if (c.length === 0) throw bad();
      }
      if (!failed) {
        if (c[0] !== s[0]) failed = true;
        s = s.slice(1);
      }
      c = c.slice(1);
    }
  }
  return failed ? [[], false] : [s, true];
}

function getEsc(c: Runes, bad: () => BadPatternError): [string, Runes] {
  if (c.length === 0 || c[0] === '-' || c[0] === ']') throw bad();
  if (c[0] === '\\') {
    c = c.slice(1);
    if (c.length === 0) throw bad();
  }
  const r = c[0];
  const rest = c.slice(1);
  if (rest.length === 0) throw bad();
  return [r, rest];
}
