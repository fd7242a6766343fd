import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback front in front of the GitHub front (github-api.ts) that lies the ways a real API in
 * trouble does: each request is passed on, and `fault` may change the answer after the front has
 * acted on it (GitHub's 502 after the write was done), or rewrite the JSON it answers (an upload
 * address in plain http). With `tls`, one port speaks both TLS and plain HTTP (the first byte tells),
 * as a host serving https and http on one address would: every request is recorded with whether it
 * came over TLS and the Authorization it carried.
 */
export interface FaultyGitHub {
  /** http(s)://127.0.0.1:port */
  url: string;
  port: number;
  requests: Array<{ method: string; path: string; tls: boolean; authorization?: string }>;
  /** Given each request after the front answered it: a status to answer instead (the front's work stands), or undefined to pass its answer. */
  fault?: (req: { method: string; path: string }, n: number) => number | undefined;
  /** Rewrites a JSON answer's text before it is passed on. */
  rewrite?: (text: string) => string;
  close(): Promise<void>;
}

export async function startFaultyGitHub(target: string, tls?: { cert: string; key: string }): Promise<FaultyGitHub> {
  const front = { requests: [] } as unknown as FaultyGitHub;
  const sockets = new Set<net.Socket>();
  const handler = (secure: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = front.requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        tls: secure,
        authorization: req.headers.authorization,
      });
      const headers = { ...req.headers };
      delete headers.host;
      const up = http.request(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          const status = front.fault?.({ method: req.method ?? '', path: req.url ?? '' }, n);
          if (status !== undefined) {
            res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Server Error' }));
            return;
          }
          let text = Buffer.concat(body).toString('utf8');
          if (front.rewrite && /json/.test(String(answer.headers['content-type']))) text = front.rewrite(text);
          const h = { ...answer.headers };
          delete h['content-length'];
          delete h['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, h).end(text);
        });
      });
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    });
  };
  const plain = http.createServer(handler(false));
  const secure = tls ? https.createServer({ cert: await readFile(tls.cert), key: await readFile(tls.key) }, handler(true)) : undefined;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      // A TLS handshake record starts with 0x16.
      (secure && first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front.port = (server.address() as AddressInfo).port;
  front.url = `${tls ? 'https' : 'http'}://127.0.0.1:${front.port}`;
  front.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return front;
}
