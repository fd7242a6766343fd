/**
 * The script a worker thread starts: the bundle's own entry (src/bundle.ts sets it), since the
 * bundle's chunks cannot be started on their own. Unset when the library runs from its sources.
 */
let entry: URL | undefined;

export function setWorkerEntry(url: URL): void {
  entry = url;
}

export function workerEntry(): URL | undefined {
  return entry;
}
