import { printableLine } from '../util/printable.js';

/**
 * The CLI's one way to the terminal: each line of `text` (the CLI's own line breaks) is printed
 * through `printableLine`, so no text from outside (a registry's error, a chart's field, a signer's
 * name) moves the cursor, retitles the window, forges a line of its own or reads as a workflow
 * command when the CLI runs in a CI log.
 */
export function print(text: string): void {
  process.stdout.write(lines(text));
}

/** `print` to standard error (errors and warnings). */
export function printError(text: string): void {
  process.stderr.write(lines(text));
}

function lines(text: string): string {
  return `${text.split('\n').map(printableLine).join('\n')}\n`;
}

/** Calls `done` once everything printed so far is written out (a pipe takes its buffer's worth at a time). */
export function afterPrinted(done: () => void): void {
  process.stdout.write('', () => process.stderr.write('', done));
}
