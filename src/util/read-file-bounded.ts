import { readRegularFile } from './read-regular-file.js';

/**
 * A file's bytes, at most `maxBytes`, read only when it is a regular file (read-regular-file.ts: looked
 * at before it is opened, opened without waiting, checked again on the open descriptor): a path naming
 * a device (/dev/zero), a FIFO no one writes to (/dev/stdin in a job), a folder or a huge file ends in an
 * error naming what it is, never a hang or an exhausted heap. The caller words which setting named it.
 */
export function readFileBounded(file: string, maxBytes: number): Promise<Buffer> {
  return readRegularFile(file, maxBytes);
}
