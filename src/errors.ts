/**
 * The failures whose remedy is a setting of the face in use (an action input, a CLI flag): the
 * library throws them with a code and a neutral hint, and each face words the hint its own way.
 */
export type ErrorCode =
  | 'unauthorized'
  | 'https-expected'
  | 'http-expected'
  | 'tls-untrusted'
  | 'connection-refused'
  | 'unknown-host'
  | 'cache-unwritable'
  | 'chart-missing'
  | 'no-chart-yaml'
  | 'username-colon'
  | 'ca-file-unreadable'
  | 'ca-file-not-pem'
  | 'sign-key-unreadable'
  | 'sign-passphrase'
  | 'sign-key-name'
  | 'ghcr-denied'
  | 'reset-over-plain-http'
  | 'version-invalid'
  | 'artifacthub-annotation'
  | 'token-realm-refused'
  | 'tag-immutable'
  | 'referrers-refused'
  | 'referrers-tag-immutable'
  | 'rate-limited'
  | 'expect-digest';

/**
 * What an error's `where` can name that each face calls by its own word: the library's "reference" is
 * the action's `ref` input and the CLI's REF argument.
 */
export type Subject = 'reference';

/** A face's words: a hint for each code it has its own remedy for, and its name for each subject. */
export type Hints = Partial<Record<ErrorCode, string>> & { subjects?: Partial<Record<Subject, string>> };

/**
 * An error a person can act on: what went wrong, where (a file or a reference), and what to do.
 * The message is one line, so it becomes exactly one `::error::` annotation.
 */
export class UserError extends Error {
  readonly where?: string;
  readonly hint?: string;
  readonly code?: ErrorCode;
  /** What `where` starts with, for a face to call by its own name. */
  readonly subject?: Subject;
  /** Where in the file `where` names the fault is (1-based), for a face that can point at the line. */
  readonly line?: number;
  readonly col?: number;

  constructor(
    message: string,
    options: { where?: string; hint?: string; cause?: unknown; code?: ErrorCode; subject?: Subject; line?: number; col?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.where = options.where;
    this.hint = options.hint;
    this.code = options.code;
    this.subject = options.subject;
    this.line = options.line;
    this.col = options.col;
  }

  /**
   * `where: message. hint` on a single line, in the face's words when it has some: its hint for the
   * code, its name for the subject `where` starts with.
   */
  toLine(hints: Hints = {}): string {
    const name = this.subject && hints.subjects?.[this.subject];
    const where = name && this.where?.startsWith(`${this.subject} `) ? `${name}${this.where.slice(this.subject!.length)}` : this.where;
    const parts = [where ? `${where}: ${this.message}` : this.message];
    const hint = (this.code && hints[this.code]) || this.hint;
    if (hint) parts.push(hint);
    return parts
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
      .join(' ');
  }
}

/** One line for any error: a UserError's own line (hints in the face's words), otherwise the message of what was thrown. */
export function errorLine(err: unknown, hints: Hints = {}): string {
  if (err instanceof UserError) return err.toLine(hints);
  if (err instanceof Error) return err.message.replace(/\s*\n\s*/g, ' ').trim();
  return String(err);
}

/** Node's file-system error codes, for turning them into advice. */
export function fsCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}
