import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './exec.js';
import { tempDir } from './temp.js';

/** A test CA and a server certificate it signed for 127.0.0.1 and localhost (made with openssl). */
export async function makeTls(): Promise<{ ca: string; cert: string; key: string }> {
  const dir = await tempDir('chartlift-tls-');
  const f = (n: string) => path.join(dir, n);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=chartlift test CA',
  ]);
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('server.key'),
    '-out',
    f('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  ]);
  const ext = f('ext.cnf');
  await writeFile(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('server.pem'),
    '-days',
    '2',
    '-extfile',
    ext,
  ]);
  return { ca: f('ca.pem'), cert: f('server.pem'), key: f('server.key') };
}
