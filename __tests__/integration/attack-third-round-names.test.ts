import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Http } from '../../src/oci/http.js';
import { attachReferrer } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { retryPolicy } from '../../src/oci/retry.js';
import { bundleArtifact } from '../../src/release/keyless.js';
import { signStatement } from '../../src/sign/keyless/sign.js';
import { SLSA_PROVENANCE_V1_PREDICATE_TYPE, provenanceStatement } from '../../src/sign/keyless/statement.js';
import { cli } from '../helpers/cli.js';
import { helmHome } from '../helpers/helm-env.js';
import { plantChart, startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { GITHUB_ISSUER, WORKFLOW_SAN, startSigstore, type SigstoreStandIn } from '../helpers/sigstore.js';
import { tempDir } from '../helpers/temp.js';

// "Attestations are the repository's they name": Docker Hub has one repository under three host names
// (docker.io, index.docker.io, registry-1.docker.io: Chartlift takes all three as Docker Hub,
// src/oci/hosted-registries.ts), and GitHub's and Docker's documentation tell actions/attest users to
// name a Docker Hub image `index.docker.io/<namespace>/<repository>` (docs.docker.com/build/ci/github-actions/attestations/,
// github/docs#36263). An attestation of that repository, by that name, is the repository's: `chart
// verify` must take it whichever of Docker Hub's names the user writes.
//
// The registry is reached through a proxy (HTTP_PROXY, which Chartlift tunnels through with CONNECT):
// every tunnel leads to the hostile registry on loopback, whatever host it names.

let reg: HostileRegistry;
let sigstore: SigstoreStandIn;
let rootFile: string;
let digest: string;
let proxy: http.Server;
let proxyUrl: string;

before(async () => {
  [reg, sigstore] = await Promise.all([startHostileRegistry(), startSigstore()]);
  proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (_req, socket, head) => {
    const upstream = net.connect(Number(reg.host.split(':')[1]), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  const work = await tempDir('chartlift-third-names-');
  rootFile = path.join(work, 'trusted_root.json');
  await writeFile(rootFile, JSON.stringify(sigstore.trustedRoot()));
  const planted = plantChart(reg, 'acme/web', '1.0.0', Buffer.from('{"name":"web","version":"1.0.0"}'), Buffer.from('chart'));
  digest = planted.digest;
  // What actions/attest-build-provenance makes with subject-name index.docker.io/acme/web, pushed to the registry.
  const bundle = await signStatement(provenanceStatement('index.docker.io/acme/web', digest, { buildDefinition: {}, runDetails: {} }), {
    identityToken: async () => sigstore.token(),
    fulcioURL: sigstore.fulcioURL,
    rekorURL: sigstore.rekorURL,
    tsaURL: sigstore.tsaURL,
  });
  const client = new RegistryClient(new Http({ timeoutMs: 5000 }), reg.host, { plainHttp: true, policy: retryPolicy(1, 2) });
  await attachReferrer(
    client,
    'acme/web',
    { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: planted.manifest.length },
    bundleArtifact(bundle, SLSA_PROVENANCE_V1_PREDICATE_TYPE),
    { settleMs: 0 },
  );
});
after(async () => {
  proxy?.closeAllConnections();
  await Promise.all([reg?.stop(), sigstore?.stop(), new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)))]);
});

describe('an attestation of a Docker Hub repository under the name GitHub’s docs give it', () => {
  for (const host of ['index.docker.io', 'registry-1.docker.io', 'docker.io']) {
    test(`chart verify --type slsaprovenance ${host}/acme/web: it is this repository's attestation`, async () => {
      const { env } = await helmHome();
      const r = await cli(
        [
          'chart',
          'verify',
          `${host}/acme/web:1.0.0`,
          '--type',
          'slsaprovenance',
          '--certificate-identity',
          WORKFLOW_SAN,
          '--certificate-oidc-issuer',
          GITHUB_ISSUER,
          '--trusted-root',
          rootFile,
          '--plain-http',
        ],
        { env: { ...env, HTTP_PROXY: proxyUrl, http_proxy: proxyUrl, NO_PROXY: '', no_proxy: '' } },
      );
      assert.equal(r.code, 0, r.stderr);
    });
  }
});
