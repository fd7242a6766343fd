import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { describe as descriptorOf, type Descriptor } from '../../src/oci/digest.js';
import { Http } from '../../src/oci/http.js';
import { attachReferrer, listReferrers } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { runAction } from '../helpers/action.js';
import { cli } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { startGitLabFront, type GitLabFront } from '../helpers/gitlab-front.js';
import { helmHome } from '../helpers/helm-env.js';
import { startKeylessStandIn, type KeylessStandIn } from '../helpers/keyless-stand-in.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// GitLab's registry has no referrers API and reads the fallback tag `sha256-<hex>` as the digest
// `sha256:<hex>`: a GET of it answers with the subject manifest itself. That answer is no fallback
// index: not an error that fails the attach, not a list of the subject's own layers as referrers.

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SAN = 'https://github.com/octo-org/octo-chart/.github/workflows/release.yml@refs/heads/main';

let registry: Registry;
let front: GitLabFront;
let standIn: KeylessStandIn;
let work: string;

before(async () => {
  work = await tempDir('chartlift-gitlab-');
  registry = await startRegistry();
  [front, standIn] = await Promise.all([startGitLabFront(registry.host), startKeylessStandIn(work)]);
});
after(async () => {
  await Promise.all([front?.stop(), standIn?.stop()]);
  await registry?.stop();
});

async function pushSubject(client: RegistryClient, repository: string): Promise<Descriptor> {
  const config = Buffer.from('{"name":"web","version":"1.0.0"}');
  const layer = Buffer.from('chart web');
  const c = descriptorOf('application/vnd.cncf.helm.config.v1+json', config);
  const l = descriptorOf('application/vnd.cncf.helm.chart.content.v1.tar+gzip', layer);
  await client.uploadBlob(repository, c, config);
  await client.uploadBlob(repository, l, layer);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config: c, layers: [l] }));
  await client.pushManifest(repository, '1.0.0', manifest, MANIFEST);
  return descriptorOf(MANIFEST, manifest);
}

describe('a fallback tag that answers with the subject itself (GitLab)', () => {
  test('the front plays GitLab: the tag reads as the subject, the referrers API is 404', async () => {
    const client = new RegistryClient(new Http(), front.host, { plainHttp: true });
    const subject = await pushSubject(client, 'gl/probe');
    const res = await fetch(`http://${front.host}/v2/gl/probe/manifests/${subject.digest.replace(':', '-')}`, {
      headers: { accept: MANIFEST },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('docker-content-digest'), subject.digest);
    assert.equal((await fetch(`http://${front.host}/v2/gl/probe/referrers/${subject.digest}`)).status, 404);
  });

  test('attach: no error, written once, said why it cannot be read back; listed: nothing, not the subject’s layers', async () => {
    const client = new RegistryClient(new Http(), front.host, { plainHttp: true });
    const subject = await pushSubject(client, 'gl/attach');
    const seen: { subjectItself?: boolean } = {};
    assert.deepEqual(await listReferrers(client, 'gl/attach', subject, undefined, seen), []);
    assert.equal(seen.subjectItself, true);
    const lines: string[] = [];
    front.requests.length = 0;
    const attached = await attachReferrer(
      client,
      'gl/attach',
      subject,
      { artifactType: BUNDLE, layers: [{ mediaType: BUNDLE, data: Buffer.from('{"bundle":1}') }] },
      { log: (l) => lines.push(l), settleMs: 10 },
    );
    assert.match(attached.digest, /^sha256:/);
    assert.ok(
      lines.some((l) => /answers this tag with the subject manifest itself/.test(l)),
      lines.join('\n'),
    );
    const tagWrites = front.requests.filter((r) => r === `PUT /v2/gl/attach/manifests/${subject.digest.replace(':', '-')}`);
    assert.equal(tagWrites.length, 1, 'the index written once, not again and again');
    // The referrer manifest itself is stored with its subject (GitLab's UI reads subjects).
    const stored = await client.fetchManifest('gl/attach', attached.digest);
    assert.equal(JSON.parse(stored.body.toString()).subject.digest, subject.digest);
    assert.deepEqual(await listReferrers(client, 'gl/attach', subject), [], 'nothing listed, and no error');
  });

  test('the keyless step through it: signed in both forms; the .sig counts on the next run, and no bundle is made again', async () => {
    const { env } = await helmHome();
    const dir = await tree(path.join(work, 'web'), {
      'Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndescription: on GitLab\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
    });
    const inputs = { chart: dir, ref: `oci://${front.host}/gl`, 'plain-http': 'true', ...standIn.inputs() };
    const first = await runAction(inputs, { env: standIn.env(env) });
    assert.equal(first.code, 0, first.stdout);
    assert.match(first.stdout, /answers this tag with the subject manifest itself/);
    assert.match(first.outputs['signature-digest'], /^sha256:/);

    const calls = { ...standIn.sigstore.calls };
    const second = await runAction(inputs, { env: standIn.env(env) });
    assert.equal(second.code, 0, second.stdout);
    assert.equal(second.outputs.status, 'unchanged');
    assert.match(second.stdout, /the registry lists no referrers .* counts/);
    assert.deepEqual(standIn.sigstore.calls, calls, 'nothing signed again: the classic forms count');

    const flags = ['--certificate-identity', SAN, '--certificate-oidc-issuer', 'https://token.actions.githubusercontent.com'];
    const verified = await cli(
      ['chart', 'verify', `${front.host}/gl/web:1.0.0`, ...flags, '--trusted-root', standIn.rootFile, '--plain-http'],
      {
        env,
      },
    );
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /keyless signature: sha256-[0-9a-f]{64}\.sig layer 1 of 1 \(cosign classic\)/);
  });
});
