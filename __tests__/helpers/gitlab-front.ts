import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback front over a real registry that answers as registry.gitlab.com does for OCI 1.1
 * (oras-project/oras-go#1396, oras-project/oras#2148, measured 2026-09-05): no referrers API (404),
 * and a GET or HEAD of the referrers tag `sha256-<hex>` resolved as the digest `sha256:<hex>`, so that
 * it answers with the subject manifest itself (its media type, its Docker-Content-Digest), whatever
 * was written to that tag. Every other request is passed through.
 */
export interface GitLabFront {
  host: string;
  /** "METHOD /path" of every request, in order. */
  requests: string[];
  stop(): Promise<void>;
}

export async function startGitLabFront(upstream: string): Promise<GitLabFront> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://front');
      requests.push(`${req.method} ${url.pathname}`);
      if (/^\/v2\/.+\/referrers\/[^/]+$/.test(url.pathname))
        return void res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"NOT_FOUND","message":"not found"}]}');
      let path = url.pathname;
      if (req.method === 'GET' || req.method === 'HEAD') path = path.replace(/\/manifests\/sha256-([0-9a-f]{64})$/, '/manifests/sha256:$1');
      const out = http.request(
        `http://${upstream}${path}${url.search}`,
        { method: req.method, headers: { ...req.headers, host: upstream } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on('error', () => res.writeHead(502).end());
      out.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
