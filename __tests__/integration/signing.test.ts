import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { tree } from '../helpers/conformance-cases.js';
import { exec, run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { HELMS, tool } from '../helpers/paths.js';
import { fetchManifest, startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// Helm provenance made natively, with keys GnuPG makes, verified by Helm 3.17.3 and 4.1.4 and by gpg.
interface Key {
  label: string;
  algo: string;
  passphrase: string;
  fingerprint: string;
  armored: string;
}

let work: string;
let gnupg: string;
let registry: Registry;
let pubring: string;
const keys: Key[] = [];
const gpg = (args: string[], input?: string) =>
  run('gpg', ['--batch', '--pinentry-mode', 'loopback', ...args], { env: { ...process.env, GNUPGHOME: gnupg }, input });

/** gpg's binary output, as bytes. */
function gpgBytes(args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    execFile('gpg', ['--batch', ...args], { env: { ...process.env, GNUPGHOME: gnupg }, encoding: 'buffer' }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    ),
  );
}

async function makeKey(label: string, algo: string, usage: string, passphrase: string): Promise<Key> {
  const uid = `${label} <${label.toLowerCase().replace(/\W+/g, '-')}@example.com>`;
  await gpg(['--passphrase', passphrase, '--quick-gen-key', uid, algo, usage, 'never']);
  const fingerprint = (await gpg(['--with-colons', '--list-keys', uid]))
    .split('\n')
    .find((l) => l.startsWith('fpr:'))!
    .split(':')[9];
  const armored = await gpg(['--passphrase', passphrase, '--export-secret-keys', '--armor', fingerprint]);
  return { label, algo, passphrase, fingerprint, armored };
}

before(async () => {
  work = await tempDir('chartlift-sign-');
  gnupg = path.join(work, 'gnupg');
  await mkdir(gnupg, { mode: 0o700 });
  keys.push(
    await makeKey('RSA Signer', 'rsa3072', 'sign', ''),
    await makeKey('RSA Locked', 'rsa3072', 'sign', 'rs4-pass phrase'),
    await makeKey('Ed Signer', 'ed25519', 'sign', ''),
    await makeKey('Ed Locked', 'ed25519', 'sign', 'ed-pa55phrase'),
  );
  // A binary keyring, as `gpg --export > pubring.gpg` writes it and helm --keyring takes it.
  pubring = path.join(work, 'pubring.gpg');
  await writeFile(pubring, await gpgBytes(['--export']));
  registry = await startRegistry();
});
after(() => registry?.stop());

const chart = (name: string, extra = '') =>
  tree(path.join(work, 'charts', name), {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndescription: a signed chart\n${extra}`,
    'templates/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`,
  });

describe('the action signs with keys GnuPG makes; Helm and gpg verify', () => {
  for (let i = 0; i < 4; i++) {
    test(`key ${i + 1}: RSA 3072 and Ed25519, with and without a passphrase`, async () => {
      const key = keys[i];
      const name = `signed-${i}`;
      const { env, home } = await helmHome();
      const r = await runAction(
        {
          chart: await chart(name),
          ref: `oci://${registry.host}/signed`,
          'plain-http': 'true',
          'sign-key': key.armored,
          'sign-passphrase': key.passphrase,
        },
        { env },
      );
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.outputs.signed, 'true');
      assert.equal(r.outputs['sign-fingerprint'], key.fingerprint);
      assert.match(r.stdout, new RegExp(`signed by ${key.fingerprint}`));
      if (key.passphrase) assert.ok(r.stdout.includes(`::add-mask::${key.passphrase}`));
      assert.ok(!r.stdout.split('\n').some((l) => !l.startsWith('::add-mask::') && l.includes('PRIVATE KEY BLOCK')));
      const manifest = JSON.parse((await fetchManifest(registry, `signed/${name}`, '1.0.0')).body.toString());
      assert.ok(manifest.layers.some((l: { mediaType: string }) => l.mediaType === 'application/vnd.cncf.helm.chart.provenance.v1.prov'));

      // The signer's public key alone, as `gpg --export KEY > pubring.gpg` hands it to a consumer.
      const ring = path.join(home, 'pubring.gpg');
      await writeFile(ring, await gpgBytes(['--export', key.fingerprint]));
      for (const helm of HELMS) {
        const tag = helm.label.replace(/\W+/g, '');
        const dir = path.join(home, `pull-${tag}`);
        const verified = path.join(home, `verify-${tag}`);
        await mkdir(dir, { recursive: true });
        await mkdir(verified, { recursive: true });
        const ref = `oci://${registry.host}/signed/${name}`;
        await run(helm.bin(), ['pull', ref, '--version', '1.0.0', '--plain-http', '--prov', '-d', dir], { env });
        const archive = path.join(dir, `${name}-1.0.0.tgz`);
        if (helm === HELMS[0] && key.algo === 'ed25519') {
          // Helm 3.17.3's OpenPGP (golang.org/x/crypto/openpgp) cannot load an EdDSA key at all, its own or ours.
          const refused = await exec(helm.bin(), ['verify', '--keyring', ring, archive], { env });
          assert.match(refused.stderr, /unsupported feature: public key type: 22/);
          continue;
        }
        const verify = await run(helm.bin(), ['verify', '--keyring', ring, archive], { env });
        assert.match(verify, new RegExp(`Using Key With Fingerprint: ${key.fingerprint}`));
        await run(helm.bin(), ['pull', ref, '--version', '1.0.0', '--plain-http', '--verify', '--keyring', ring, '-d', verified], { env });
        const g = await exec('gpg', ['--batch', '--verify', `${archive}.prov`], { env: { ...process.env, GNUPGHOME: gnupg } });
        assert.equal(g.code, 0, g.stderr);
        assert.match(g.stderr, new RegExp(`Good signature from "${key.label}`));
      }
    });
  }

  test('the same key, chart and SOURCE_DATE_EPOCH give the same provenance (and manifest)', async () => {
    const src = await chart('repro');
    const runs = [];
    for (const cache of ['a', 'b'])
      runs.push(
        await runAction(
          {
            chart: src,
            ref: `oci://${registry.host}/repro`,
            push: 'false',
            cache: path.join(work, `repro-${cache}`),
            'sign-key': keys[2].armored,
          },
          { env: { SOURCE_DATE_EPOCH: '1900000000' } },
        ),
      );
    assert.equal(runs[0].code, 0, runs[0].stdout);
    assert.equal(runs[0].outputs.digest, runs[1].outputs.digest);
  });
});

describe('signing that cannot hold: one clear error, nothing pushed, nothing secret in the log', () => {
  const attempt = async (name: string, inputs: Record<string, string>) => {
    const r = await runAction(
      { chart: await chart(name), ref: `oci://${registry.host}/unsigned`, 'plain-http': 'true', ...inputs },
      {
        env: (await helmHome()).env,
      },
    );
    assert.equal(r.code, 1, r.stdout);
    assert.equal(r.errors.length, 1, r.stdout);
    assert.equal((await fetchManifest(registry, `unsigned/${name}`, '1.0.0')).status, 404, 'nothing was pushed');
    return r;
  };

  test('a wrong passphrase', async () => {
    const r = await attempt('wrong-pass', { 'sign-key': keys[1].armored, 'sign-passphrase': 'not the passphrase' });
    assert.match(
      r.errors[0],
      new RegExp(`the passphrase does not unlock the signing key ${keys[1].fingerprint}\\. Set \`sign-passphrase\``),
    );
  });

  test('no passphrase for a protected key', async () => {
    const r = await attempt('no-pass', { 'sign-key': keys[3].armored });
    assert.match(r.errors[0], /is protected by a passphrase, and none was given/);
  });

  test('a key that cannot sign (certify only)', async () => {
    const certOnly = await makeKey('Cert Only', 'rsa3072', 'cert', '');
    const r = await attempt('cannot-sign', { 'sign-key': certOnly.armored });
    assert.match(r.errors[0], new RegExp(`the key ${certOnly.fingerprint} cannot sign`));
  });

  test('several keys and no sign-key-name; a name that matches none', async () => {
    const both = `${keys[0].armored}\n${keys[2].armored}`;
    const r = await attempt('two-keys', { 'sign-key': both });
    assert.match(r.errors[0], /the signing key holds 2 keys: say which one signs\. Set `sign-key-name`/);
    const named = await runAction(
      {
        chart: await chart('named-key'),
        ref: `oci://${registry.host}/unsigned`,
        'plain-http': 'true',
        'sign-key': both,
        'sign-key-name': 'Ed Signer',
      },
      { env: (await helmHome()).env },
    );
    assert.equal(named.code, 0, named.stdout);
    assert.equal(named.outputs['sign-fingerprint'], keys[2].fingerprint);
    const none = await attempt('no-match', { 'sign-key': both, 'sign-key-name': 'Nobody' });
    assert.match(none.errors[0], /no signing key matches "Nobody"/);
  });

  test('not a key at all', async () => {
    const r = await attempt('not-a-key', { 'sign-key': 'hello' });
    assert.match(r.errors[0], /the signing key cannot be read/);
  });

  test('a packaged chart whose .prov was made for another archive (changed after signing)', async () => {
    const src = await chart('changed');
    const out = path.join(work, 'changed-out');
    await run(tool('helm4'), ['package', src, '-d', out]);
    const other = await chart('changed-other');
    await run(tool('helm4'), ['package', other, '-d', path.join(work, 'changed-other-out')]);
    // A provenance that names the archive, but with another archive's digest.
    const { messageBlock } = await import('../../src/sign/provenance.js');
    const { emptyMetadata } = await import('../../src/chart/metadata.js');
    const md = { ...emptyMetadata(), apiVersion: 'v2', name: 'changed', version: '1.0.0' };
    await writeFile(
      path.join(out, 'changed-1.0.0.tgz.prov'),
      `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${await messageBlock(md, Buffer.from('other bytes'))}\n-----BEGIN PGP SIGNATURE-----\n\nxx\n-----END PGP SIGNATURE-----\n`,
    );
    const r = await runAction(
      { chart: path.join(out, 'changed-1.0.0.tgz'), ref: `oci://${registry.host}/unsigned`, 'plain-http': 'true' },
      {
        env: (await helmHome()).env,
      },
    );
    assert.equal(r.code, 1, r.stdout);
    assert.match(
      r.errors[0],
      /changed-1\.0\.0\.tgz\.prov: was made for another archive: it names changed-1\.0\.0\.tgz as sha256:[0-9a-f]{64}, the archive is sha256:[0-9a-f]{64}/,
    );
    assert.equal((await fetchManifest(registry, 'unsigned/changed', '1.0.0')).status, 404);
  });
});

describe('the CLI: chart save --sign, chart pull --verify', () => {
  test('save --sign with a keyring file; push; pull --verify accepts it, and a wrong keyring is refused', async () => {
    const { env } = await helmHome();
    const keyring = path.join(work, 'secret.asc');
    await writeFile(keyring, keys[1].armored);
    const passFile = path.join(work, 'pass.txt');
    await writeFile(passFile, `${keys[1].passphrase}\n`);
    const ref = `${registry.host}/cli/cli-signed:1.0.0`;
    const cli = (args: string[]) => exec(process.execPath, [CLI, ...args], { env });
    const saved = await cli([
      'chart',
      'save',
      await chart('cli-signed'),
      ref,
      '--sign',
      '--keyring',
      keyring,
      '--key',
      'RSA Locked',
      '--passphrase-file',
      passFile,
    ]);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, new RegExp(`signed:  ${keys[1].fingerprint} \\(RSA Locked`));
    assert.equal((await cli(['chart', 'push', ref, '--plain-http'])).code, 0);
    await cli(['chart', 'remove', ref]);
    const pulled = await cli(['chart', 'pull', ref, '--plain-http', '--verify', '--keyring', pubring]);
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.match(pulled.stdout, new RegExp(`Signed by: RSA Locked .*\\(${keys[1].fingerprint}\\)`));

    const otherHome = path.join(work, 'other-gnupg');
    await mkdir(otherHome, { mode: 0o700 });
    await run(
      'gpg',
      [
        '--batch',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        '',
        '--quick-gen-key',
        'Stranger <s@example.com>',
        'ed25519',
        'sign',
        'never',
      ],
      {
        env: { ...process.env, GNUPGHOME: otherHome },
      },
    );
    const wrongRing = path.join(work, 'wrong.asc');
    await writeFile(wrongRing, await run('gpg', ['--batch', '--export', '--armor'], { env: { ...process.env, GNUPGHOME: otherHome } }));
    await cli(['chart', 'remove', ref]);
    const refused = await cli(['chart', 'pull', ref, '--plain-http', '--verify', '--keyring', wrongRing]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /the provenance is signed by key [0-9A-F]{16}, which is not in the keyring/);
    assert.doesNotMatch((await cli(['chart', 'list'])).stdout, /cli-signed/, 'nothing was saved');
  });

  test('a provenance made by helm package --sign verifies with chart pull --verify; one whose chart changed does not', async () => {
    const { env } = await helmHome();
    const secring = path.join(work, 'secring.gpg');
    await writeFile(secring, await gpgBytes(['--export-secret-keys', keys[0].fingerprint]));
    const out = path.join(work, 'helm-signed');
    await run(tool('helm4'), ['package', '--sign', '--key', 'RSA Signer', '--keyring', secring, await chart('helm-signed'), '-d', out], {
      env,
    });
    const files = await readdir(out);
    assert.ok(files.includes('helm-signed-1.0.0.tgz.prov'), files.join(' '));
    await run(tool('helm4'), ['push', path.join(out, 'helm-signed-1.0.0.tgz'), `oci://${registry.host}/helmsigned`, '--plain-http'], {
      env,
    });
    const ok = await exec(
      process.execPath,
      [CLI, 'chart', 'pull', `${registry.host}/helmsigned/helm-signed:1.0.0`, '--plain-http', '--verify', '--keyring', pubring],
      {
        env,
      },
    );
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Signed by: RSA Signer/);

    // The same provenance beside the chart changed after signing: the signed digest no longer holds.
    const prov = await readFile(path.join(out, 'helm-signed-1.0.0.tgz.prov'));
    await writeFile(path.join(work, 'charts', 'helm-signed', 'templates', 'extra.yaml'), 'kind: ConfigMap\n');
    const rebuilt = path.join(work, 'rebuilt');
    await run(tool('helm4'), ['package', path.join(work, 'charts', 'helm-signed'), '-d', rebuilt], { env });
    await writeFile(path.join(rebuilt, 'helm-signed-1.0.0.tgz.prov'), prov);
    await run(tool('helm4'), ['push', path.join(rebuilt, 'helm-signed-1.0.0.tgz'), `oci://${registry.host}/tampered`, '--plain-http'], {
      env,
    });
    const bad = await exec(
      process.execPath,
      [CLI, 'chart', 'pull', `${registry.host}/tampered/helm-signed:1.0.0`, '--plain-http', '--verify', '--keyring', pubring],
      {
        env,
      },
    );
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /the chart does not match its provenance: helm-signed-1\.0\.0\.tgz is sha256:[0-9a-f]{64}, the signed digest is sha256:[0-9a-f]{64}\. The chart was changed after it was signed/,
    );
  });
});
