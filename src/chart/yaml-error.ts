import { yamlIfLoaded } from '../util/yaml-lib.js';
import { GoYamlError } from './go-values.js';
import { UserError } from '../errors.js';

/**
 * A YAML syntax error of the file `where` as one line: `invalid YAML at line L, column C: <what>`, the
 * parser's code frame and trailing position dropped, and the position kept on the error (line, col)
 * for a face that can point at it. Anything else the parser threw keeps its first line.
 */
export function yamlSyntaxError(err: unknown, where: string, hint: string): UserError {
  const first = ((err as Error).message ?? String(err)).split('\n')[0];
  const lib = yamlIfLoaded();
  const pos = lib && err instanceof lib.YAMLError ? err.linePos?.[0] : err instanceof GoYamlError ? err.position : undefined;
  const what = first
    .replace(/\s+at line \d+, column \d+:?\s*$/, '')
    .replace(/^Missing closing (["'])quote$/, (_, q: string) => `a ${q === '"' ? 'double' : 'single'}-quoted string is not closed`);
  const at = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
  return new UserError(`invalid YAML${at}: ${what}`, { where, hint, line: pos?.line, col: pos?.col });
}
