/**
 * A value from outside (a registry's answer, a file, an argument) quoted for a message: JSON's quotes
 * and escapes, and every character outside printable ASCII written as \u escape too (control
 * characters, bidirectional overrides such as U+202E, zero-width spaces), so that what is shown is
 * what was there. Long values are cut.
 */
export function quoted(value: unknown, max = 200): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  const text = JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
