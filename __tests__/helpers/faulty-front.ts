import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = '503' | '502' | '429' | 'reset' | 'reset-mid-body' | 'slow' | 'swallow' | 'trickle';

export interface FaultyFrontOptions {
  /** Picks a fault for a request, or none. Called once per request. */
  decide: (req: { method: string; url: string; n: number }) => Fault | undefined;
  /** How long a 'slow' answer is held back, and how long a 'trickle' answer's body takes (ms). */
  slowMs?: number;
  /** Answers a request itself instead of forwarding it (redirects, drops after forwarding, …). */
  intercept?: (
    req: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer; n: number },
    res: http.ServerResponse,
    forward: () => Promise<Upstream>,
  ) => Promise<boolean>;
}

export interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface FaultyFront {
  host: string;
  url: string;
  faults: Record<Fault, number>;
  /** Each request as it arrived (`at`: Date.now() then). */
  requests: Array<{ method: string; url: string; fault?: Fault; authorization?: string; at: number }>;
  stop(): Promise<void>;
}

/**
 * A loopback front for a registry that fails the way registries in the wild do: 503s, 502s (a load
 * balancer without a backend), 429 with Retry-After, connections reset before or in the middle of an
 * answer, answers too slow to wait for, requests swallowed (read whole and never answered, the
 * connection left open, as behind a load balancer that drops them), and answers whose body trickles in.
 */
export async function startFaultyFront(upstream: string, options: FaultyFrontOptions): Promise<FaultyFront> {
  const faults: Record<Fault, number> = { '503': 0, '502': 0, '429': 0, reset: 0, 'reset-mid-body': 0, slow: 0, swallow: 0, trickle: 0 };
  const requests: FaultyFront['requests'] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
  });
  const rewrite = (v: string): string => (v.startsWith(upstream) ? v.replace(upstream, front.url) : v);

  async function forward(req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    const headers = { ...req.headers } as Record<string, string>;
    delete headers.host;
    delete headers.connection;
    const up = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers,
      body: ['GET', 'HEAD'].includes(req.method ?? '') ? undefined : body,
      redirect: 'manual',
    });
    const out: Record<string, string> = {};
    up.headers.forEach((v, k) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding', 'keep-alive'].includes(k))
        out[k] = k === 'location' ? rewrite(v) : v;
    });
    return { status: up.status, headers: out, body: Buffer.from(await up.arrayBuffer()) };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const i = n++;
    const fault = options.decide({ method, url, n: i });
    requests.push({ method, url, fault, authorization: req.headers.authorization, at: Date.now() });
    try {
      if (options.intercept && (await options.intercept({ method, url, headers: req.headers, body, n: i }, res, () => forward(req, body))))
        return;
      if (fault) faults[fault]++;
      if (fault === '503')
        return void res
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNAVAILABLE","message":"injected fault"}]}');
      if (fault === '429')
        return void res
          .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
          .end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
      if (fault === '502') return void res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      if (fault === 'reset') return void req.socket.destroy();
      // Never answered: the connection stays open until the client gives up (or the front stops).
      if (fault === 'swallow') return;
      const up = await forward(req, body);
      if (fault === 'slow') await new Promise((r) => setTimeout(r, options.slowMs ?? 3000));
      if (fault === 'reset-mid-body') {
        // Claim a longer body than is sent, send part of it, and drop the connection.
        res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length + 64) });
        res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
      if (fault === 'trickle' && method !== 'HEAD' && up.body.length > 1) {
        // The headers at once, the body in ten pieces over slowMs: slow, but alive.
        const piece = Math.ceil(up.body.length / 10);
        for (let at = 0; at < up.body.length; at += piece) {
          res.write(up.body.subarray(at, at + piece));
          await new Promise((r) => setTimeout(r, (options.slowMs ?? 3000) / 10));
        }
        return void res.end();
      }
      res.end(method === 'HEAD' ? undefined : up.body);
    } catch (err) {
      if ((err as { drop?: boolean }).drop) return void req.socket.destroy();
      if (!res.headersSent) res.writeHead(502).end(String(err));
    }
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const front: FaultyFront = {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return front;
}

/** A deterministic random source (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
