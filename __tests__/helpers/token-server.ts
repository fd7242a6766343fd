import { createPrivateKey, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { run } from './exec.js';
import { tempDir } from './temp.js';

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  rootCertBundle: string;
  /** Token requests seen: who asked, and for which scopes. */
  requests: Array<{ user?: string; scopes: string[]; granted: boolean }>;
  /** Every token issued, to check that none leaks into logs. */
  issued: string[];
  /** Lifetime of the tokens it issues, in seconds (changeable between runs). */
  expiresIn: number;
  stop(): Promise<void>;
}

export interface TokenServerOptions {
  /** user → password; anonymous requests get pull access only. */
  users: Record<string, string>;
  /** users allowed to pull but not push. */
  readOnly?: string[];
}

/**
 * A token server for distribution's `auth.token` mode, as registries in the wild run one: Basic
 * credentials in, an ES256 JWT out, signed by a key whose self-signed certificate the registry trusts
 * (`rootcertbundle`) and named in the token's `x5c` header.
 */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const dir = await tempDir('chartlift-token-');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=chartlift-test-token-issuer',
  ]);
  const key: KeyObject = createPrivateKey(await readFile(keyFile));
  const certDer = new X509Certificate(await readFile(certFile)).raw.toString('base64');
  const service = 'chartlift-test-registry';
  const issuer = 'chartlift-test-issuer';
  const requests: TokenServer['requests'] = [];
  const issued: string[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString()));
  });
  // GET with Basic credentials answers {token}; the OAuth2 form (POST grant_type=password) answers {access_token}.
  const answer = (req: http.IncomingMessage, res: http.ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const oauth = req.method === 'POST';
    const form = new URLSearchParams(body);
    const scopes = oauth ? (form.get('scope') ?? '').split(' ').filter(Boolean) : url.searchParams.getAll('scope');
    let user: string | undefined;
    const header = req.headers.authorization;
    let presented: [string, string] | undefined;
    if (oauth && form.get('grant_type') === 'password') presented = [form.get('username') ?? '', form.get('password') ?? ''];
    else if (header?.startsWith('Basic ')) {
      const [u, ...p] = Buffer.from(header.slice(6), 'base64').toString().split(':');
      presented = [u, p.join(':')];
    }
    if (presented) {
      const [u, p] = presented;
      if (options.users[u] !== p) {
        requests.push({ user: u, scopes, granted: false });
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'invalid username or password' }] }));
        return;
      }
      user = u;
    }
    const access = scopes.flatMap((s) => {
      const [type, name, actions] = s.split(':');
      if (type !== 'repository') return [];
      const allowed = actions
        .split(',')
        .filter((a) => a === 'pull' || (a === 'push' && user !== undefined && !options.readOnly?.includes(user)));
      return [{ type, name, actions: allowed }];
    });
    requests.push({ user, scopes, granted: true });
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = b64({ typ: 'JWT', alg: 'ES256', x5c: [certDer] });
    const claims = b64({
      iss: issuer,
      sub: user ?? '',
      aud: service,
      exp: now + tokens.expiresIn,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    });
    const signature = sign('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    const token = `${head}.${claims}.${signature}`;
    issued.push(token);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ [oauth ? 'access_token' : 'token']: token, expires_in: tokens.expiresIn, issued_at: new Date().toISOString() }),
    );
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const tokens: TokenServer = {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    rootCertBundle: certFile,
    requests,
    issued,
    expiresIn: 300,
    stop: () => new Promise((r) => server.close(() => r())),
  };
  return tokens;
}
