/**
 * What must never reach a terminal or a log raw: C0 controls (ESC, BEL, CR, LF, TAB, …), DEL and C1
 * controls (8-bit CSI, OSC, NEL), Unicode's line and paragraph separators, the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C) and the
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that make text read other than it is.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Text safe to print on a terminal or in a log: one line, every character above written as a \u escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
