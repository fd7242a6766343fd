/**
 * An error a person can act on: what went wrong, where (a file or a reference), and what to do.
 * The message is one line, so it becomes exactly one `::error::` annotation.
 */
export class UserError extends Error {
  readonly where?: string;
  readonly hint?: string;

  constructor(message: string, options: { where?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.where = options.where;
    this.hint = options.hint;
  }

  /** `where: message. hint` on a single line. */
  toLine(): string {
    const parts = [this.where ? `${this.where}: ${this.message}` : this.message];
    if (this.hint) parts.push(this.hint);
    return parts
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
      .join(' ');
  }
}

/** One line for any error: a UserError's own line, otherwise the message of what was thrown. */
export function errorLine(err: unknown): string {
  if (err instanceof UserError) return err.toLine();
  if (err instanceof Error) return err.message.replace(/\s*\n\s*/g, ' ').trim();
  return String(err);
}

/** Node's file-system error codes, for turning them into advice. */
export function fsCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}
