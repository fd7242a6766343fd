import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { run } from './exec.js';

export interface RegistryOptions {
  /** htpasswd users, name → password (Basic auth). */
  users?: Record<string, string>;
  /** distribution's auth.token mode: the realm, service, issuer and the PEM cert bundle of the signer. */
  token?: { realm: string; service: string; issuer: string; rootCertBundle: string };
  /** Serve HTTPS with this certificate and key (PEM files). */
  tls?: { cert: string; key: string };
}

export interface Registry {
  host: string;
  port: number;
  url: string;
  /** Every line the registry logged (access log included). */
  log: string[];
  /** Access-log request lines seen since `mark`: "METHOD /path". */
  requests(since?: number): string[];
  mark(): number;
  /** CPU time (user + system, ms) the registry process has used so far (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * A port nothing listens on, for "connection refused": tcpmux's, which only root can bind. A port
 * freed by freePort() could be taken again by another test file's server before it is dialled.
 */
export const CLOSED_PORT = 1;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts Debian's docker-registry (CNCF distribution) on 127.0.0.1 with storage in a temp folder. */
export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chartlift-registry-'));
  let auth = '';
  if (options.users) {
    const file = path.join(dir, 'htpasswd');
    let first = true;
    for (const [user, pass] of Object.entries(options.users)) {
      await run('htpasswd', [first ? '-cbB' : '-bB', file, user, pass]);
      first = false;
    }
    auth = `auth:\n  htpasswd:\n    realm: chartlift-test\n    path: ${file}\n`;
  } else if (options.token) {
    const t = options.token;
    auth = `auth:\n  token:\n    realm: ${t.realm}\n    service: ${t.service}\n    issuer: ${t.issuer}\n    rootcertbundle: ${t.rootCertBundle}\n`;
  }
  const tls = options.tls ? `  tls:\n    certificate: ${options.tls.cert}\n    key: ${options.tls.key}\n` : '';
  const config = path.join(dir, 'config.yml');
  // Another test file running at the same time can take the port between freePort() and the bind:
  // wait for this child's own "listening on" line, and take a new port when the bind fails.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    await writeFile(
      config,
      `version: 0.1
log:
  level: info
  formatter: text
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: ${path.join(dir, 'data')}
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:${port}
  secret: chartlift-test-secret
${tls}${auth}`,
    );
    const started = await spawnRegistry(config, port);
    if ('child' in started) return handle(started.child, started.log, port, dir, options);
    if (!started.portTaken || attempt === 5) throw new Error(`docker-registry did not start:\n${started.log.join('\n')}`);
  }
}

/** Spawns docker-registry and waits until it says it listens on `port`, or exits. */
async function spawnRegistry(
  config: string,
  port: number,
): Promise<{ child: ChildProcess; log: string[] } | { log: string[]; portTaken: boolean }> {
  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const listening = new RegExp(`msg="listening on 127\\.0\\.0\\.1:${port}[",]`); // ", tls" when serving HTTPS
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ log, portTaken: false });
    }, 15_000);
    const collect = (chunk: Buffer): void => {
      const lines = chunk.toString().split('\n').filter(Boolean);
      log.push(...lines);
      if (lines.some((l) => listening.test(l))) {
        clearTimeout(timer);
        resolve({ child, log });
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve({ log, portTaken: log.some((l) => l.includes('address already in use')) });
    });
  });
}

function handle(child: ChildProcess, log: string[], port: number, dir: string, options: RegistryOptions): Registry {
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const accessLines = (): string[] =>
    log.flatMap((line) => {
      const m = /"(GET|HEAD|POST|PUT|PATCH|DELETE) ([^ ]+) HTTP\/[0-9.]+"/.exec(line);
      return m && !line.includes('level=') ? [`${m[1]} ${m[2]}`] : [];
    });
  return {
    host: `127.0.0.1:${port}`,
    port,
    url,
    log,
    mark: () => accessLines().length,
    cpuMs: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
    },
    requests: (since = 0) => accessLines().slice(since),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** GETs a blob or manifest from a registry without auth (tests on an open registry). */
export async function fetchBlob(registry: Registry, repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`${registry.url}/v2/${repo}/blobs/${digest}`);
  if (!res.ok) throw new Error(`GET blob ${digest}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function fetchManifest(
  registry: Registry,
  repo: string,
  ref: string,
  headers: Record<string, string> = {},
): Promise<{ body: Buffer; digest: string | null; status: number }> {
  const res = await fetch(`${registry.url}/v2/${repo}/manifests/${ref}`, {
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json', ...headers },
  });
  return { body: Buffer.from(await res.arrayBuffer()), digest: res.headers.get('docker-content-digest'), status: res.status };
}

/** GETs a manifest (or, with kind `blobs`, a blob) from a registry with TLS by a test CA, with Basic credentials. */
export async function fetchManifestTls(
  registry: Registry,
  repo: string,
  ref: string,
  caFile: string,
  user: string,
  password: string,
  kind: 'manifests' | 'blobs' = 'manifests',
): Promise<Buffer> {
  const { Agent, request } = await import('undici');
  const dispatcher = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') } });
  try {
    const res = await request(`${registry.url}/v2/${repo}/${kind}/${ref}`, {
      dispatcher,
      headers: {
        accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json',
        authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      },
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    if (res.statusCode !== 200) throw new Error(`GET ${kind}/${ref}: ${res.statusCode} ${body.toString('utf8').slice(0, 200)}`);
    return body;
  } finally {
    await dispatcher.close();
  }
}
