import { CHANGE_KINDS, parseChanges, type Change } from './artifacthub-annotations.js';
import { printable } from '../util/printable.js';
import { loadYaml } from '../util/yaml-lib.js';

const CHANGES_ANNOTATION = 'artifacthub.io/changes';

/**
 * A chart version's release notes in Markdown, from its `artifacthub.io/changes` annotation read as
 * Artifact Hub reads it (both forms: a list of strings, a list of {kind, description, links}); undefined
 * when the chart has none, or one Artifact Hub would refuse (the build has said why already).
 *
 * Laid out as Artifact Hub's own changelog.md (setupChangelogMDTmpl in artifacthub/hub
 * internal/handlers/pkg/handlers.go): changes without a kind first, as a plain list, then a `### Kind`
 * heading per kind, here in Artifact Hub's order of kinds (validChangeKinds, internal/pkg/metadata.go:
 * added, changed, deprecated, removed, fixed, security) rather than in the order of first use, each
 * change's links after it. Everything from the chart is written as text: Markdown's punctuation
 * escaped, one line per change, a link only to an http(s) URL.
 */
export async function releaseNotes(annotations: Record<string, string>): Promise<string | undefined> {
  const value = annotations[CHANGES_ANNOTATION];
  if (value === undefined) return undefined;
  await loadYaml();
  const { changes } = parseChanges(value);
  if (!changes || changes.length === 0) return undefined;
  const sections: string[] = [];
  const unkinded = changes.filter((c) => c.kind === '');
  if (unkinded.length > 0) sections.push(unkinded.map(item).join('\n'));
  for (const kind of CHANGE_KINDS) {
    const these = changes.filter((c) => c.kind === kind);
    if (these.length > 0) sections.push(`### ${kind[0].toUpperCase()}${kind.slice(1)}\n\n${these.map(item).join('\n')}`);
  }
  return `${sections.join('\n\n')}\n`;
}

function item(c: Change): string {
  const links = c.links.map(link).filter(Boolean);
  return `- ${text(c.description)}${links.length > 0 ? ` (${links.join(', ')})` : ''}`;
}

/** `[name](url)` for an http(s) URL; the name alone, as text, for anything else (a `javascript:` URL is no link). */
function link(l: { name: string; url: string }): string {
  let url: URL | undefined;
  try {
    url = new URL(l.url.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return text(l.name);
  // The URL as WHATWG writes it (spaces, quotes and angle brackets percent-encoded), and the parentheses
  // that would end Markdown's link destination.
  const href = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${text(l.name)}](${href})`;
}

/**
 * Text from the chart, as Markdown that renders it as written: on one line (printable: a line break,
 * a control or a bidi character written as an escape), trimmed (leading blanks would make a list
 * item's text a code block), with what Markdown would read as markup backslash-escaped (CommonMark
 * 0.31, "Backslash escapes": any ASCII punctuation may be): emphasis, code, links and images, raw
 * HTML and entities (`<`, `&`), tables' pipes, GitHub's strikethrough (`~`), math (`$`) and mentions
 * (`@`); and at the start, what would open a heading, a quote, a list or a rule inside the item.
 */
export function markdownText(s: string): string {
  return printable(s)
    .trim()
    .replace(/[\\`*_[\]()<>&|~$@]/g, (c) => `\\${c}`)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const text = markdownText;
