import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FrontResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface FrontOptions {
  /** Rewrites a response before it is sent back (buffered). */
  onResponse?: (req: { method: string; url: string }, res: FrontResponse) => FrontResponse;
}

export interface Front {
  host: string;
  url: string;
  /** Requests seen: "METHOD /path" with any Authorization header noted. */
  seen: Array<{ method: string; url: string; authorization?: string }>;
  stop(): Promise<void>;
}

/** A loopback HTTP front for a registry, for tests that need the wire altered. */
export async function startFront(upstream: string, options: FrontOptions = {}): Promise<Front> {
  const seen: Front['seen'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      seen.push({ method, url, authorization: req.headers.authorization });
      try {
        const headers = { ...req.headers };
        delete headers.host;
        delete headers.connection;
        const up = await fetch(`${upstream}${url}`, {
          method,
          headers: headers as Record<string, string>,
          body: ['GET', 'HEAD'].includes(method) ? undefined : Buffer.concat(chunks),
          redirect: 'manual',
        });
        const outHeaders: http.IncomingHttpHeaders = {};
        up.headers.forEach((v, k) => {
          if (k === 'location' && v.startsWith(upstream)) v = v.replace(upstream, front.url);
          if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(k)) outHeaders[k] = v;
        });
        let out: FrontResponse = { status: up.status, headers: outHeaders, body: Buffer.from(await up.arrayBuffer()) };
        if (options.onResponse) out = options.onResponse({ method, url }, out);
        res.writeHead(out.status, { ...out.headers, 'content-length': String(out.body.length) });
        res.end(method === 'HEAD' ? undefined : out.body);
      } catch (err) {
        res.writeHead(502);
        res.end(String(err));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const front: Front = {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return front;
}
