import { open } from 'node:fs/promises';

/**
 * A file's bytes, at most `maxBytes`: read up to one byte more and refused past it, so that a path
 * naming a device (/dev/zero, /dev/stdin, a FIFO) or a huge file ends in an error, not a hang or an
 * exhausted heap. The error says what was too large; the caller words which input named it.
 */
export async function readFileBounded(file: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new RangeError(`larger than ${maxBytes} bytes`);
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
