import * as core from '@actions/core';
import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { printable as escaped, printableLine as escapedLine } from '../util/printable.js';
import { hideUnmasked } from './secrets.js';

/** Escaped as the printer escapes it, with the user's secrets too short for the runner's mask hidden. */
const printable = (text: string): string => hideUnmasked(escaped(text));
const printableLine = (text: string): string => hideUnmasked(escapedLine(text));

/**
 * The action's one way to the log. Every line goes through `printableLine`: one call is one line,
 * with no terminal escapes, and never a workflow command, whatever text from outside (a registry's
 * error, a chart's field) it quotes. The step's own commands (annotations, groups, masks) are made
 * by @actions/core around text escaped the same way: the content is escaped, not the command.
 */
export const log = {
  info: (line: string): void => core.info(printableLine(line)),
  warning: (line: string): void => core.warning(printable(line)),
  /** An error annotation; pointing at the file and line at fault when `err` names them (GitHub shows it beside the line). */
  error: (line: string, err?: unknown): void => core.error(printable(line), at(err)),
  notice: (line: string): void => core.notice(printable(line)),
  /** The step's failure: its error annotation (at the file and line at fault, as `error`), and exit code 1. */
  fail: (line: string, err?: unknown): void => {
    process.exitCode = 1;
    core.error(printable(line), at(err));
  },
  /** A multi-line text (a stack) as debug lines, each escaped. */
  debug: (text: string): void => core.debug(text.split('\n').map(printable).join('\n')),
  startGroup: (title: string): void => core.startGroup(printable(title)),
  endGroup: (): void => core.endGroup(),
};

/**
 * Where an error points: the file (relative to the workspace, as GitHub names a repository's files)
 * and the line, for an error that names both; the file alone for one that names a file of the
 * workspace without a line (GitHub shows it on that file).
 */
function at(err: unknown): core.AnnotationProperties | undefined {
  if (!(err instanceof UserError) || !err.where || err.subject !== undefined) return undefined;
  const workspace = process.env.GITHUB_WORKSPACE;
  const relative = workspace ? path.relative(workspace, path.resolve(workspace, err.where)) : '';
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  if (err.line !== undefined)
    return { file: hideUnmasked(escaped(inside ? relative : err.where)), startLine: err.line, startColumn: err.col };
  if (!inside || !isFile(path.resolve(workspace!, relative))) return undefined;
  return { file: hideUnmasked(escaped(relative)) };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
