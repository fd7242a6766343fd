import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';

export interface TgzEntry {
  name: string;
  type: string;
  mode: number;
  mtime: number;
  uid: number;
  gid: number;
  data: Buffer;
}

/** Every entry of a .tgz with its header fields, in archive order (read with node-tar). */
export async function readTgz(bytes: Buffer): Promise<TgzEntry[]> {
  const entries: TgzEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    const p = new Parser({
      onReadEntry: (e: ReadEntry) => {
        const chunks: Buffer[] = [];
        e.on('data', (c: Buffer) => chunks.push(c));
        e.on('end', () =>
          entries.push({
            name: e.path,
            type: e.type,
            mode: e.mode ?? -1,
            mtime: e.mtime ? e.mtime.getTime() / 1000 : -1,
            uid: e.uid ?? -1,
            gid: e.gid ?? -1,
            data: Buffer.concat(chunks),
          }),
        );
      },
    });
    p.on('error', reject);
    p.on('end', () => resolve());
    p.end(gunzipSync(bytes));
  });
  return entries;
}
