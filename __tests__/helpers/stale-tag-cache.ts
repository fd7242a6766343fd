import { createHash } from 'node:crypto';
import type http from 'node:http';
import type { HostileRegistry, HostileRequest } from './hostile-registry.js';

/**
 * An override for a HostileRegistry that plays a registry behind a cache (a CDN, or a registry's own
 * read replicas): a GET or HEAD of a manifest by tag is answered, for `ttlMs` after the first, with what
 * the tag held then (a 404 too); a PUT goes through at once. Read-after-write is then only eventually
 * consistent for tags, as it is on registries served through a cache. Digest reads are never cached.
 */
export function staleTagReads(reg: HostileRegistry, ttlMs: number): (req: HostileRequest, res: http.ServerResponse) => boolean {
  const cache = new Map<string, { at: number; body: Buffer | undefined }>();
  return (req, res) => {
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(new URL(req.url, 'http://x').pathname);
    if (!m || (req.method !== 'GET' && req.method !== 'HEAD') || m[2].startsWith('sha256:')) return false;
    const key = `${m[1]}:${m[2]}`;
    let hit = cache.get(key);
    if (!hit || Date.now() - hit.at > ttlMs) {
      hit = { at: Date.now(), body: reg.manifests.get(key) };
      cache.set(key, hit);
    }
    if (!hit.body) {
      res.writeHead(404).end();
      return true;
    }
    const mediaType = (JSON.parse(hit.body.toString('utf8')) as { mediaType?: string }).mediaType;
    res.writeHead(200, {
      'docker-content-digest': `sha256:${createHash('sha256').update(hit.body).digest('hex')}`,
      'content-type': mediaType ?? 'application/vnd.oci.image.manifest.v1+json',
    });
    res.end(req.method === 'HEAD' ? undefined : hit.body);
    return true;
  };
}
