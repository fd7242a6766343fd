import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP front that adds `rttMs` of round-trip time: every chunk waits half of it in each direction
 * (order kept). Loopback only; it stops with `close()`.
 */
export async function startDelayProxy(targetPort: number, rttMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const half = rttMs / 2;
  const sockets = new Set<net.Socket>();
  const pipeDelayed = (from: net.Socket, to: net.Socket): void => {
    let last = 0;
    from.on('data', (chunk) => {
      const at = Math.max(Date.now() + half, last);
      last = at;
      setTimeout(() => to.writable && to.write(chunk), at - Date.now());
    });
    from.on('end', () => {
      setTimeout(() => to.end(), Math.max(0, last - Date.now()) + half);
    });
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
    const done = (_why: string): void => {
      client.destroy();
      upstream.destroy();
    };
    // A close propagates as an end, after the data still on its way (pipeDelayed); errors cut both at once.
    client.on('error', () => done('client error'));
    upstream.on('error', (e) => done(`upstream error ${e.message}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
