import { createHash, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { pem as corePem } from '@sigstore/core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn,
} from '@sigstore/mock';
import { verifyPrehashedP256 } from './p256.js';

/**
 * A Sigstore stand-in on loopback: Fulcio, Rekor and an RFC 3161 timestamp authority served from
 * @sigstore/mock's handlers on real HTTP servers (free ports on 127.0.0.1), an OIDC issuer whose
 * tokens look like a GitHub Actions workflow's, and the trusted_root.json a verifier needs.
 *
 * Two things the mock leaves out and a real deployment does, done here in front of its handlers:
 * - Fulcio checks the identity token (signed by this issuer, audience `sigstore`, not expired) and
 *   maps a GitHub Actions token to its certificate SAN `https://github.com/<job_workflow_ref>`;
 * - Rekor checks a proposed entry's signature and stores the entry in its canonical form, as Rekor
 *   does: a `dsse` entry as envelopeHash, payloadHash and signatures (rekor pkg/types/dsse/v0.0.1
 *   entry.go `Unmarshal`/`Canonicalize`), a `hashedrekord` entry as its digest, signature and key only
 *   (pkg/types/hashedrekord/v0.0.1 entry.go `Canonicalize`; `data.content` dropped), every key and
 *   certificate re-encoded as Go writes PEM (64-column lines: `CanonicalValue` = sigstore cryptoutils
 *   `MarshalCertificateToPEM`, pkg/pki/x509/x509.go). The mock would log the proposed form (its
 *   Fulcio writes PEM as one unbroken line), which no verifier of a real Rekor's entries would see.
 */

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const WORKFLOW_REF = 'acme/charts/.github/workflows/release.yml@refs/heads/main';
export const WORKFLOW_SAN = `https://github.com/${WORKFLOW_REF}`;
/** GitLab.com's issuer: its jobs' ID tokens (id_tokens:) carry it, and Sigstore's public Fulcio takes them. */
export const GITLAB_ISSUER = 'https://gitlab.com';

/**
 * The claims of a GitLab.com job's ID token (id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }), as
 * GitLab's docs show one (docs.gitlab.com/ci/secrets/id_token_authentication) for a push to `ref` of
 * acme/charts: what {@link SigstoreStandIn.token} takes to play a GitLab job.
 */
export function gitlabClaims(ref = 'main', project = 'acme/charts'): Record<string, unknown> {
  return {
    iss: GITLAB_ISSUER,
    aud: 'sigstore',
    sub: `project_path:${project}:ref_type:branch:ref:${ref}`,
    namespace_id: '72',
    namespace_path: project.split('/')[0],
    project_id: '20',
    project_path: project,
    user_id: '1',
    user_login: 'maintainer',
    user_email: 'maintainer@example.com',
    pipeline_id: '574',
    pipeline_source: 'push',
    job_id: '302',
    ref,
    ref_type: 'branch',
    ref_path: `refs/heads/${ref}`,
    ref_protected: 'true',
    runner_id: 1,
    runner_environment: 'gitlab-hosted',
    sha: '714a629c0b401fdce83e847fc9589983fc6f46bc',
    project_visibility: 'public',
    ci_config_ref_uri: `gitlab.com/${project}//.gitlab-ci.yml@refs/heads/${ref}`,
    ci_config_sha: '714a629c0b401fdce83e847fc9589983fc6f46bc',
    jti: '235b3a54-b797-45c7-ae9a-f72d7bc6ef5b',
  };
}

export interface SigstoreStandIn {
  fulcioURL: string;
  rekorURL: string;
  tsaURL: string;
  /** The identity in the certificates issued for {@link token}'s default claims. */
  identity: { san: string; issuer: string };
  /** A GitHub Actions ID token for audience `sigstore` signed by the stand-in's issuer; claims override the defaults. */
  token(claims?: Record<string, unknown>): string;
  /** A token the stand-in's Fulcio refuses: signed by another key. */
  forgedToken(): string;
  /** The trusted root for a verifier: the CA, CT log, Rekor and TSA (leave Rekor or the TSA out to model an instance without them). */
  trustedRoot(which?: { rekor?: boolean; tsa?: boolean }): Record<string, unknown>;
  /** Requests answered per service (writes: Fulcio certificates, Rekor entries, timestamps). */
  calls: { fulcio: number; rekor: number; tsa: number };
  /** The bodies Rekor logged, decoded (canonical form). */
  entries: Array<Record<string, unknown>>;
  /** A status to answer a service's requests with instead of serving them (e.g. `{ rekor: 500 }`). */
  refuse: { fulcio?: number; rekor?: number; tsa?: number };
  stop(): Promise<void>;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function jwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(claims));
  const sig = sign('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' });
  return `${head}.${body}.${b64url(sig)}`;
}

/** The claims of a token the issuer signed, or why it is refused. */
function checkToken(token: string, key: KeyObject): Record<string, unknown> | string {
  const parts = token.split('.');
  if (parts.length !== 3) return 'not a JWT';
  const ok = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(parts[2], 'base64url'),
  );
  if (!ok) return 'signature does not verify';
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  if (claims.iss !== GITHUB_ISSUER && claims.iss !== GITLAB_ISSUER) return `unknown issuer ${String(claims.iss)}`;
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes('sigstore')) return 'audience is not sigstore';
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return 'token expired';
  return claims;
}

/** DSSE pre-authentication encoding. */
function pae(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);
}

/**
 * The base64 of a PEM (one or more blocks, as proposed) re-encoded as Rekor stores it: each block's DER
 * written again as Go's pem.Encode writes it (64-column lines, trailing newline; @sigstore/core's
 * `pem.fromDER` writes the same bytes).
 */
function goPem(b64: string): string {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/g)];
  if (blocks.length === 0) throw new Error('the key is not PEM');
  return Buffer.from(
    blocks.map(([, type, body]) => corePem.fromDER(Buffer.from(body.replace(/\s+/g, ''), 'base64'), type)).join(''),
  ).toString('base64');
}

/** The public key of a PEM certificate or public key given as base64. */
function keyOf(b64: string): KeyObject {
  const pem = Buffer.from(b64, 'base64').toString('utf8');
  return pem.includes('CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

/** What rekor's dsse v0.0.1 type makes of a proposed entry: its canonical form, or an error. */
function canonicalDsse(proposed: {
  apiVersion?: string;
  kind?: string;
  spec?: { proposedContent?: { envelope?: string; verifiers?: string[] } };
}): Record<string, unknown> {
  const content = proposed.spec?.proposedContent;
  if (!content?.envelope || !Array.isArray(content.verifiers)) throw new Error('dsse entry without proposedContent');
  const envelope = JSON.parse(content.envelope) as { payloadType: string; payload: string; signatures: Array<{ sig: string }> };
  const payload = Buffer.from(envelope.payload, 'base64');
  const signatures = envelope.signatures.map(({ sig }) => {
    const verifier = content.verifiers!.find((v) =>
      verify('sha256', pae(envelope.payloadType, payload), keyOf(v), Buffer.from(sig, 'base64')),
    );
    if (!verifier) throw new Error('all signatures must have a key that verifies it');
    return { signature: sig, verifier: goPem(verifier) };
  });
  signatures.sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
  const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(payload) },
      signatures,
    },
  };
}

/**
 * What rekor's hashedrekord v0.0.1 type makes of a proposed entry: the digest, the signature and the
 * key (Go PEM), once the signature verifies over the digest with that key (entry.go `validate`); an
 * error otherwise.
 */
function canonicalHashedRekord(proposed: {
  spec?: { data?: { hash?: { algorithm?: string; value?: string } }; signature?: { content?: string; publicKey?: { content?: string } } };
}): Record<string, unknown> {
  const hash = proposed.spec?.data?.hash;
  const signature = proposed.spec?.signature;
  if (hash?.algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(hash.value ?? ''))
    throw new Error('invalid hash: a sha256 digest in hex is required');
  if (!signature?.content || !signature.publicKey?.content) throw new Error('a signature and its public key are required');
  if (!verifyPrehashedP256(keyOf(signature.publicKey.content), Buffer.from(hash.value!, 'hex'), Buffer.from(signature.content, 'base64')))
    throw new Error('verifying signature: invalid signature when validating ASN.1 encoded signature');
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: hash.value } },
      signature: { content: signature.content, publicKey: { content: goPem(signature.publicKey.content) } },
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 4 << 20) throw new Error('request too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serve(
  path: string,
  handle: (body: string) => ReturnType<HandlerFn>,
  refuse: () => number | undefined,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        const body = await readBody(req);
        const refused = refuse();
        if (refused)
          return res
            .writeHead(refused, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: refused, message: 'refused by the test' }));
        if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) return res.writeHead(404).end();
        const r = await handle(body);
        const out =
          typeof r.response === 'string' ? r.response : Buffer.from(r.response.buffer, r.response.byteOffset, r.response.byteLength);
        res.writeHead(r.statusCode, { 'content-type': r.contentType ?? 'text/plain' }).end(out);
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function startSigstore(options: { tsaFractionMs?: number } = {}): Promise<SigstoreStandIn> {
  const started = new Date(Date.now() - 60_000);
  const issuerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();

  const fulcioKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctlog = await initializeCTLog(fulcioKeys);
  const ca = await initializeCA(fulcioKeys, ctlog);
  const fulcio = fulcioHandler(ca, { strict: true, subjectClaim: 'standin_san' });
  // The TSA's clock, set to the whole second before each request (plus `tsaFractionMs`): the mock
  // writes genTime with DER's trimmed fraction (".12"), which @sigstore/core 4.0.1's parser refuses
  // unless it has three digits (Chartlift reads it: src/sign/keyless/der-time.ts).
  const tsaClock = new Date();
  const tsa = await initializeTSA(generateKeyPairSync('ec', { namedCurve: 'P-256' }), tsaClock);
  const tsaHandle = tsaHandler(tsa, { strict: true });

  const calls = { fulcio: 0, rekor: 0, tsa: 0 };
  const refuse: SigstoreStandIn['refuse'] = {};
  const entries: Array<Record<string, unknown>> = [];

  const fulcioServer = await serve(
    fulcio.path,
    async (body) => {
      const request = JSON.parse(body) as { credentials?: { oidcIdentityToken?: string } };
      const claims = checkToken(request.credentials?.oidcIdentityToken ?? '', issuerKey.publicKey);
      if (typeof claims === 'string')
        return {
          statusCode: 401,
          contentType: 'application/json',
          response: JSON.stringify({ code: 401, message: `There was an error processing the identity token: ${claims}` }),
        };
      calls.fulcio++;
      // Fulcio's mappings (fulcio config/identity/config.yaml): a GitLab pipeline's SAN is its
      // ci_config_ref_uri with https:// in front; a GitHub Actions workflow's is the workflow that ran
      // (job_workflow_ref) as a URL.
      const san =
        claims.iss === GITLAB_ISSUER
          ? `https://${String(claims.ci_config_ref_uri)}`
          : `https://github.com/${String(claims.job_workflow_ref)}`;
      const mapped = { ...claims, standin_san: san };
      request.credentials!.oidcIdentityToken = `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify(mapped))}.x`;
      return fulcio.fn(JSON.stringify(request));
    },
    () => refuse.fulcio,
  );

  // The Rekor log key; its URL is known only once the server listens, so the handler is made then.
  const rekorKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rekor: { fn?: HandlerFn } = {};
  const rekorServer = await serve(
    '/api/v1/log/entries',
    async (body) => {
      const proposed = JSON.parse(body) as { kind?: string; apiVersion?: string };
      let entry: Record<string, unknown> = proposed;
      if (proposed.kind === 'dsse' || proposed.kind === 'hashedrekord') {
        try {
          entry =
            proposed.kind === 'dsse'
              ? canonicalDsse(proposed)
              : canonicalHashedRekord(proposed as Parameters<typeof canonicalHashedRekord>[0]);
        } catch (err) {
          return {
            statusCode: 400,
            contentType: 'application/json',
            response: JSON.stringify({ code: 400, message: (err as Error).message }),
          };
        }
      }
      calls.rekor++;
      entries.push(entry);
      return rekor.fn!(JSON.stringify(entry));
    },
    () => refuse.rekor,
  );
  const tlog = await initializeTLog(rekorServer.url, rekorKeys);
  rekor.fn = rekorHandler(tlog, { strict: true }).fn;

  const tsaServer = await serve(
    tsaHandle.path,
    async (body) => {
      calls.tsa++;
      tsaClock.setTime(Math.floor(Date.now() / 1000) * 1000 + (options.tsaFractionMs ?? 0));
      return tsaHandle.fn(body);
    },
    () => refuse.tsa,
  );

  const bytes = (v: ArrayBuffer | ArrayBufferView): Buffer =>
    ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.from(v);
  const der = (v: ArrayBuffer | ArrayBufferView) => bytes(v).toString('base64');
  const keyId = (spki: ArrayBuffer | ArrayBufferView) => createHash('sha256').update(bytes(spki)).digest('base64');
  const validFor = { start: started.toISOString() };
  const defaultClaims = (): Record<string, unknown> => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: GITHUB_ISSUER,
      aud: 'sigstore',
      sub: 'repo:acme/charts:ref:refs/heads/main',
      iat: now,
      nbf: now,
      exp: now + 600,
      repository: 'acme/charts',
      repository_owner: 'acme',
      repository_id: '1000',
      repository_owner_id: '2000',
      ref: 'refs/heads/main',
      sha: 'a'.repeat(40),
      event_name: 'push',
      workflow: 'release',
      workflow_ref: WORKFLOW_REF,
      workflow_sha: 'a'.repeat(40),
      job_workflow_ref: WORKFLOW_REF,
      job_workflow_sha: 'a'.repeat(40),
      runner_environment: 'github-hosted',
      repository_visibility: 'public',
      run_id: '42',
      run_attempt: '1',
    };
  };

  return {
    fulcioURL: fulcioServer.url,
    rekorURL: rekorServer.url,
    tsaURL: tsaServer.url,
    identity: { san: WORKFLOW_SAN, issuer: GITHUB_ISSUER },
    // A GitLab job's token carries GitLab's claims only (with the times), a GitHub workflow's the defaults and what is given.
    token: (claims = {}) => {
      const { iat, nbf, exp } = defaultClaims();
      return jwt(
        claims.iss === GITLAB_ISSUER ? { iat, nbf, exp, ...claims } : { ...defaultClaims(), ...claims },
        issuerKey.privateKey,
        kid,
      );
    },
    forgedToken: () => jwt(defaultClaims(), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, kid),
    trustedRoot: ({ rekor = true, tsa: withTsa = true } = {}) => ({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: rekor
        ? [
            {
              baseUrl: rekorServer.url,
              hashAlgorithm: 'SHA2_256',
              publicKey: { rawBytes: der(tlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
              logId: { keyId: keyId(tlog.publicKey) },
            },
          ]
        : [],
      certificateAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
          uri: fulcioServer.url,
          certChain: { certificates: [{ rawBytes: der(ca.rootCertificate) }] },
          validFor,
        },
      ],
      ctlogs: [
        {
          baseUrl: 'https://ctfe.stand-in.invalid',
          hashAlgorithm: 'SHA2_256',
          publicKey: { rawBytes: der(ctlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
          logId: { keyId: der(ctlog.logID) },
        },
      ],
      timestampAuthorities: withTsa
        ? [
            {
              subject: { organization: 'sigstore.mock', commonName: 'tsa' },
              uri: tsaServer.url,
              certChain: { certificates: [{ rawBytes: der(tsa.intCertificate) }, { rawBytes: der(tsa.rootCertificate) }] },
              validFor,
            },
          ]
        : [],
    }),
    calls,
    entries,
    refuse,
    stop: async () => {
      await Promise.all(
        [fulcioServer, rekorServer, tsaServer].map(
          ({ server }) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
