import { createHash } from 'node:crypto';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export function sha256(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function describe(mediaType: string, data: Uint8Array): Descriptor {
  return { mediaType, digest: sha256(data), size: data.length };
}
