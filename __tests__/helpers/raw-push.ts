import { createHash } from 'node:crypto';
import type { Registry } from './registry.js';

/**
 * What someone with push rights writes to a real registry (distribution) byte for byte: a blob, and a
 * manifest whose text is the test's own (duplicate keys and all), without any client re-encoding it.
 */
export const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Uploads `data` as a blob of `repo` (a POST, then the PUT that closes the upload); returns its digest. */
export async function pushRawBlob(registry: Registry, repo: string, data: Buffer): Promise<{ digest: string; size: number }> {
  const digest = sha256(data);
  const start = await fetch(`${registry.url}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`POST upload: ${start.status}`);
  const location = new URL(start.headers.get('location')!, registry.url);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', body: data, headers: { 'content-type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`PUT blob: ${put.status} ${await put.text()}`);
  return { digest, size: data.length };
}

/** PUTs `body` (exactly these bytes) as the manifest `repo:ref`; returns the digest the registry stored. */
export async function pushRawManifest(registry: Registry, repo: string, ref: string, body: Buffer | string): Promise<string> {
  const res = await fetch(`${registry.url}/v2/${repo}/manifests/${ref}`, {
    method: 'PUT',
    body: Buffer.from(body),
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
  });
  if (res.status !== 201) throw new Error(`PUT manifest: ${res.status} ${await res.text()}`);
  const digest = res.headers.get('docker-content-digest')!;
  if (digest !== sha256(Buffer.from(body))) throw new Error(`the registry stored ${digest}, not the bytes sent`);
  return digest;
}
