/**
 * What must never reach a terminal or a log raw: every control and format character (C0 and C1
 * controls with ESC, BEL, CR, LF and TAB; the bidi embeddings, overrides, isolates and marks; the
 * zero-width characters; soft hyphens; Unicode's tag characters, which hide text in plain sight),
 * lone surrogates, private-use and unassigned code points, the line and paragraph separators, and
 * the characters that draw nothing but are letters or marks (the Hangul fillers, the Braille blank,
 * the combining grapheme joiner, variation selectors, Khmer's invisible vowels): what makes text read
 * other than it is.
 */
// The class lists combining marks on purpose (each is escaped alone, never as part of a sequence).
const UNPRINTABLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/gu;

/** Text safe to print on a terminal or in a log: one line, every character above written as a \u escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * One line of a log, as each face's sink prints it: `printable` (but for TAB, which lays out the
 * CLI's tables), and never read by a GitHub runner as a workflow command (`::` at the start, after
 * blanks, or the legacy `##[` anywhere). The faces' own commands are issued by @actions/core, not
 * through this.
 */
export function printableLine(text: string): string {
  return text
    .split('\t')
    .map(printable)
    .join('\t')
    .replace(/^(\s*):/, '$1\\u003a')
    .replace(/##\[/g, '##\\u005b');
}
