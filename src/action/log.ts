import * as core from '@actions/core';
import { printable as escaped, printableLine as escapedLine } from '../util/printable.js';
import { hideShort } from './secrets.js';

/** Escaped as the printer escapes it, with the user's secrets too short for the runner's mask hidden. */
const printable = (text: string): string => hideShort(escaped(text));
const printableLine = (text: string): string => hideShort(escapedLine(text));

/**
 * The action's one way to the log. Every line goes through `printableLine`: one call is one line,
 * with no terminal escapes, and never a workflow command, whatever text from outside (a registry's
 * error, a chart's field) it quotes. The step's own commands (annotations, groups, masks) are made
 * by @actions/core around text escaped the same way: the content is escaped, not the command.
 */
export const log = {
  info: (line: string): void => core.info(printableLine(line)),
  warning: (line: string): void => core.warning(printable(line)),
  error: (line: string): void => core.error(printable(line)),
  notice: (line: string): void => core.notice(printable(line)),
  fail: (line: string): void => core.setFailed(printable(line)),
  /** A multi-line text (a stack) as debug lines, each escaped. */
  debug: (text: string): void => core.debug(text.split('\n').map(printable).join('\n')),
  startGroup: (title: string): void => core.startGroup(printable(title)),
  endGroup: (): void => core.endGroup(),
};
