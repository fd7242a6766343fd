/** `make` run on the first call only; every call gets its one promise (a rejection included). */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
