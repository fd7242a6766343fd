/** An error and the errors under it (`cause`, an AggregateError's `errors`), the one walk of them. */
export function causes(err: unknown, depth = 5): unknown[] {
  const out: unknown[] = [];
  for (let e: unknown = err, d = 0; e && d < depth; e = (e as { cause?: unknown }).cause, d++) {
    out.push(e);
    if (e instanceof AggregateError) for (const inner of e.errors) out.push(...causes(inner, depth - d - 1));
  }
  return out;
}

/** The string `code`s of an error and its causes (Node's and undici's error codes). */
export function errorCodes(err: unknown): string[] {
  return causes(err).flatMap((e) => {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? [code] : [];
  });
}
