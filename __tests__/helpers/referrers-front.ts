import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback front over a real registry that adds the OCI 1.1 referrers API distribution 2.8 lacks:
 * every request is passed through, a manifest PUT with a `subject` that the registry accepted is
 * answered with `OCI-Subject` and remembered, and GET /v2/<name>/referrers/<digest> is answered
 * from what was remembered (filtered by `artifactType`, with `OCI-Filters-Applied`), as a registry
 * with the API does (distribution-spec "Listing Referrers").
 */
export interface ReferrersFront {
  host: string;
  /** "METHOD /path" of every request, in order. */
  requests: string[];
  stop(): Promise<void>;
}

const INDEX = 'application/vnd.oci.image.index.v1+json';

/** `api: false` plays AWS ECR as @sigstore/oci describes it: `OCI-Subject` on the PUT, but no referrers API. */
export async function startReferrersFront(upstream: string, options: { api?: boolean } = {}): Promise<ReferrersFront> {
  const referrers = new Map<string, Record<string, unknown>[]>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://front');
      requests.push(`${req.method} ${url.pathname}`);
      const listing = /^\/v2\/(.+)\/referrers\/([^/]+)$/.exec(url.pathname);
      if (listing && req.method === 'GET' && options.api !== false) {
        const filter = url.searchParams.get('artifactType');
        const all = referrers.get(`${listing[1]}@${listing[2]}`) ?? [];
        const manifests = filter ? all.filter((d) => d.artifactType === filter) : all;
        res.writeHead(200, { 'content-type': INDEX, ...(filter && { 'oci-filters-applied': 'artifactType' }) });
        return void res.end(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests }));
      }
      const headers = { ...req.headers, host: upstream };
      const out = http.request(`http://${upstream}${req.url}`, { method: req.method, headers }, (up) => {
        const upHeaders: http.OutgoingHttpHeaders = { ...up.headers };
        const push = /^\/v2\/(.+)\/manifests\/[^/]+$/.exec(url.pathname);
        if (push && req.method === 'PUT' && up.statusCode === 201) {
          const subject = subjectOf(body);
          if (subject) {
            const manifest = JSON.parse(body.toString()) as {
              mediaType: string;
              artifactType?: string;
              config?: { mediaType?: string };
              annotations?: unknown;
            };
            const key = `${push[1]}@${subject}`;
            const entry = {
              mediaType: manifest.mediaType,
              digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
              size: body.length,
              artifactType: manifest.artifactType ?? manifest.config?.mediaType,
              ...(manifest.annotations ? { annotations: manifest.annotations } : {}),
            };
            const list = referrers.get(key) ?? [];
            if (!list.some((d) => d.digest === entry.digest)) list.push(entry);
            referrers.set(key, list);
            upHeaders['oci-subject'] = subject;
          }
        }
        res.writeHead(up.statusCode ?? 502, upHeaders);
        up.pipe(res);
      });
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function subjectOf(body: Buffer): string | undefined {
  try {
    const digest = (JSON.parse(body.toString()) as { subject?: { digest?: unknown } }).subject?.digest;
    return typeof digest === 'string' ? digest : undefined;
  } catch {
    return undefined;
  }
}
