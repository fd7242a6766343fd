import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** A path that names something other than a regular file (what it is, in words: `a FIFO`). */
export class NotRegularFile extends Error {
  constructor(readonly kind: string) {
    super(`it is ${kind}, not a file`);
    this.name = 'NotRegularFile';
  }
}

/** A regular file larger than the caller's bound. */
export class FileTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`it is ${size} bytes, more than ${maxBytes}`);
    this.name = 'FileTooLarge';
  }
}

/** What a path names, in words (`a FIFO`), for a message saying it is not what was expected. */
export function kindOf(st: Stats): string {
  if (st.isFile()) return 'a file';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a link';
  return 'something other than a file';
}

// Opened without waiting: a FIFO that became the path after the stat (another process swapping it in)
// would otherwise block the open until a writer came, and a terminal would become this process's own.
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

function check(st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new NotRegularFile(kindOf(st));
  if (st.size > maxBytes) throw new FileTooLarge(st.size, maxBytes);
}

/**
 * The bytes of a file that must be a regular one of at most `maxBytes` (a file another process may
 * have replaced with anything): looked at before it is opened, so that no FIFO or device is opened,
 * and again, on the open descriptor, before a byte is read, so that what is read is what was checked.
 * A FIFO, a device (a link to /dev/zero), a folder or a socket throws NotRegularFile; a larger file
 * FileTooLarge; a missing one the file system's ENOENT. At most the size seen is read: a file
 * growing meanwhile is cut there, never read without end.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  check(await stat(file), maxBytes);
  const handle = await open(file, FLAGS);
  try {
    const st = await handle.stat();
    check(st, maxBytes);
    const data = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < data.length) {
      const { bytesRead } = await handle.read(data, got, data.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return data.subarray(0, got);
  } finally {
    await handle.close();
  }
}

/** readRegularFile for callers that read synchronously. */
export function readRegularFileSync(file: string, maxBytes: number): Buffer {
  check(statSync(file), maxBytes);
  const fd = openSync(file, FLAGS);
  try {
    const st = fstatSync(fd);
    check(st, maxBytes);
    const data = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < data.length) {
      const bytesRead = readSync(fd, data, got, data.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return data.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
