import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A small in-memory registry on loopback that speaks just enough of the distribution API for a push
 * and a pull, and lets a test take over any request (`override`) to play a registry that lies,
 * redirects, drips, never answers or streams forever. Every request is recorded.
 */
export interface HostileRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface HostileRegistry {
  host: string;
  url: string;
  requests: HostileRequest[];
  blobs: Map<string, Buffer>;
  manifests: Map<string, Buffer>;
  /** Answers a request itself (return true) instead of the default behaviour. */
  override?: (req: HostileRequest, res: http.ServerResponse) => boolean | Promise<boolean>;
  /** Sees a request as its headers arrive, before its body is read (it may `pause()` the body). */
  onArrive?: (req: http.IncomingMessage) => void;
  stop(): Promise<void>;
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export async function startHostileRegistry(
  options: { host?: string; tls?: { cert: Buffer; key: Buffer }; basic?: { user: string; password: string } } = {},
): Promise<HostileRegistry> {
  const requests: HostileRequest[] = [];
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, Buffer>();
  const sockets = new Set<import('node:net').Socket>();
  const reg: HostileRegistry = {
    host: '',
    url: '',
    requests,
    blobs,
    manifests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    reg.onArrive?.(req);
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const r: HostileRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(r);
      if (reg.override && (await reg.override(r, res))) return;
      serve(r, res);
    });
  };
  const serve = (r: HostileRequest, res: http.ServerResponse): void => {
    const url = new URL(r.url, 'http://x');
    if (options.basic) {
      const want = `Basic ${Buffer.from(`${options.basic.user}:${options.basic.password}`).toString('base64')}`;
      if (r.headers.authorization !== want) return void res.writeHead(401, { 'www-authenticate': 'Basic realm="hostile"' }).end();
    }
    if (url.pathname === '/v2/') return void res.end('{}');
    let m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (m) {
      const key = `${m[1]}:${m[2]}`;
      if (r.method === 'PUT') {
        manifests.set(key, r.body);
        manifests.set(`${m[1]}:${sha256(r.body)}`, r.body);
        return void res.writeHead(201, { 'docker-content-digest': sha256(r.body) }).end();
      }
      const body = manifests.get(key);
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'docker-content-digest': sha256(body), 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      return void res.end(r.method === 'HEAD' ? undefined : body);
    }
    m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
    if (m) {
      const body = blobs.get(m[2]);
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': String(body.length) });
      return void res.end(r.method === 'HEAD' ? undefined : body);
    }
    if (/\/blobs\/uploads\/$/.test(url.pathname) && r.method === 'POST') {
      const digest = url.searchParams.get('digest');
      if (digest && r.body.length > 0) {
        blobs.set(digest, r.body);
        return void res.writeHead(201).end();
      }
      return void res.writeHead(202, { location: `${url.pathname}session-${requests.length}` }).end();
    }
    if (/\/blobs\/uploads\/session-\d+$/.test(url.pathname) && r.method === 'PUT') {
      blobs.set(url.searchParams.get('digest') ?? '', r.body);
      return void res.writeHead(201).end();
    }
    res.writeHead(404).end();
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  reg.host = `${options.host ?? '127.0.0.1'}:${port}`;
  reg.url = `${options.tls ? 'https' : 'http'}://${reg.host}`;
  return reg;
}

/** Puts a chart (its manifest, config and layer) into a hostile registry as if pushed there. */
export function plantChart(
  reg: HostileRegistry,
  repository: string,
  tag: string,
  config: Buffer,
  chart: Buffer,
  layerSize = chart.length,
): { manifest: Buffer; digest: string } {
  const layer = { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: sha256(chart), size: layerSize };
  const cfg = { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: sha256(config), size: config.length };
  reg.blobs.set(cfg.digest, config);
  reg.blobs.set(layer.digest, chart);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, config: cfg, layers: [layer] }));
  reg.manifests.set(`${repository}:${tag}`, manifest);
  reg.manifests.set(`${repository}:${sha256(manifest)}`, manifest);
  return { manifest, digest: sha256(manifest) };
}

/**
 * Rewrites the manifest tagged `repository:tag` to name `layer` as its one chart layer (its config kept):
 * a registry that swaps a published chart for a crafted archive. Returns the new manifest's digest.
 */
export function swapChartLayer(reg: HostileRegistry, repository: string, tag: string, layer: Buffer): string {
  const key = `${repository}:${tag}`;
  const manifest = JSON.parse(reg.manifests.get(key)!.toString()) as { layers: unknown[] };
  reg.blobs.set(sha256(layer), layer);
  manifest.layers = [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: sha256(layer), size: layer.length }];
  const body = Buffer.from(JSON.stringify(manifest));
  reg.manifests.set(key, body);
  reg.manifests.set(`${repository}:${sha256(body)}`, body);
  return sha256(body);
}
