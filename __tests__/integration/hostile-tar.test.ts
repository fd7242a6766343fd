import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { craftedAtTag } from '../helpers/crafted-at-tag.js';
import { tree } from '../helpers/conformance-cases.js';
import { entry, header, pad, tgz } from '../helpers/crafted-tar.js';
import { run } from '../helpers/exec.js';
import { helmHome } from '../helpers/helm-env.js';
import { startHostileRegistry, type HostileRegistry } from '../helpers/hostile-registry.js';
import { actionMeasured, cliMeasured } from '../helpers/measured.js';
import { tool } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { readTgz } from '../helpers/tgz.js';

// Four tar entry shapes that node-tar (a naive reader) and Go's archive/tar (Helm's) read differently.
// Each crafted archive reads, to the naive reader, exactly as the victim chart (so a comparison built
// on it would say "unchanged"), while Helm never renders the victim's NetworkPolicy. Chartlift reads
// archives as Go does and refuses these shapes, naming the archive and the entry.
const CY = 'apiVersion: v2\nname: victim\nversion: 1.0.0\n';
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v\n';
const NP =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const VICTIM = { 'victim/Chart.yaml': CY, 'victim/templates/cm.yaml': CM, 'victim/templates/netpol.yaml': NP };

let work: string;
let victim: string;
let env: NodeJS.ProcessEnv;
let reg: HostileRegistry;

before(async () => {
  work = await tempDir('chartlift-tar-');
  victim = await tree(path.join(work, 'src', 'victim'), { 'Chart.yaml': CY, 'templates/cm.yaml': CM, 'templates/netpol.yaml': NP });
  env = (await helmHome()).env;
  reg = await startHostileRegistry();
});
after(() => reg.stop());

const base = () => [entry('victim/Chart.yaml', CY), entry('victim/templates/cm.yaml', CM)];
const cases: Array<{ name: string; repo: string; archive: () => Buffer; says: RegExp }> = [
  {
    name: "a regular entry named 'templates/_zz.tpl/' holding the NetworkPolicy entry in its data",
    repo: 'embed',
    archive: () => {
      const inner = entry('victim/templates/netpol.yaml', NP);
      return tgz(...base(), header('victim/templates/_zz.tpl/', inner.length), inner);
    },
    says: /entry "victim\/templates\/_zz\.tpl\/" is a regular entry whose name ends in '\/', which Helm reads differently: refused/,
  },
  {
    name: 'a GNU sparse 0.1 entry (PAX GNU.sparse.name renames it to a partial)',
    repo: 'sparse01',
    archive: () =>
      tgz(
        ...base(),
        entry('victim/templates/netpol.yaml', NP, {
          pax: {
            'GNU.sparse.major': '0',
            'GNU.sparse.minor': '1',
            'GNU.sparse.name': 'victim/templates/_netpol.tpl',
            'GNU.sparse.numblocks': '1',
            'GNU.sparse.map': `0,${NP.length}`,
            'GNU.sparse.size': String(NP.length),
          },
        }),
      ),
    says: /entry "victim\/templates\/netpol\.yaml" is a GNU sparse \(PAX\) entry, which Helm reads differently: refused/,
  },
  {
    name: 'a GNU long name (a partial) followed by a PAX path (the NetworkPolicy)',
    repo: 'longname',
    archive: () =>
      tgz(...base(), entry('victim/x', NP, { longName: 'victim/templates/_netpol.tpl', pax: { path: 'victim/templates/netpol.yaml' } })),
    says: /entry "victim\/templates\/_netpol\.tpl" is a GNU long-name entry also named by a PAX path, which Helm reads differently: refused/,
  },
  {
    name: 'a regular entry whose mode has the folder bit (040644)',
    repo: 'dirmode',
    archive: () => tgz(...base(), entry('victim/templates/netpol.yaml', NP, { mode: 0o40644 })),
    says: /entry "victim\/templates\/netpol\.yaml" is a regular entry whose mode \(040644\) says another kind of file, which Helm reads differently: refused/,
  },
];

describe('tar entries two readers read differently: refused', () => {
  for (const c of cases) {
    test(`${c.name}: node-tar reads the victim, helm 3 and 4 render no NetworkPolicy; chart save and the comparison refuse it`, async () => {
      const archive = c.archive();
      // (a) The case is real: the naive reading is the victim, byte for byte; Helm's is not.
      const naive = (await readTgz(archive)).filter((e) => e.type === 'File');
      assert.deepEqual(Object.fromEntries(naive.map((e) => [e.name, e.data.toString()])), VICTIM);
      const file = path.join(work, c.repo, 'victim-1.0.0.tgz');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, archive);
      for (const helm of [tool('helm3'), tool('helm4')]) {
        const rendered = await run(helm, ['template', 'rel', file], { env });
        assert.match(rendered, /kind: ConfigMap/, helm);
        assert.doesNotMatch(rendered, /NetworkPolicy/, `${helm} renders no NetworkPolicy`);
      }
      // (b) chart save refuses it, naming the archive and the entry.
      const saved = await cliMeasured(['chart', 'save', file, 'localhost:5000/x/victim:1.0.0'], env);
      assert.equal(saved.code, 1, saved.stdout);
      assert.match(saved.stderr, new RegExp(`victim-1\\.0\\.0\\.tgz: ${c.says.source}`));
      assert.ok(saved.rssMiB < 256, `peak RSS ${saved.rssMiB.toFixed(0)} MiB`);
      // (c) At the tag in a registry, the action's "same chart?" comparison does not say unchanged.
      const ref = await craftedAtTag(reg, victim, env, c.repo, archive);
      const r = await actionMeasured({ chart: victim, ref, 'plain-http': 'true' }, { env });
      assert.equal(r.code, 1, r.stdout);
      assert.notEqual(r.outputs.status, 'unchanged');
      assert.match(r.errors.join('\n'), c.says);
      assert.ok(r.rssMiB < 256, `action: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    });
  }

  test('a GNU sparse 1.0 entry renamed to Chart.yaml: helm reads the sparse data as Chart.yaml; chart save refuses it', async () => {
    const evil = Buffer.from(`${CY}description: evil\n`);
    const map = pad(Buffer.from(`1\n0\n${evil.length}\n`));
    const archive = tgz(
      entry('victim/Chart.yaml', `${CY}description: benign\n`),
      entry('victim/templates/cm.yaml', `${CM}data:\n  says: {{ .Chart.Description }}\n`),
      entry('victim/README.md', Buffer.concat([map, evil]), {
        pax: {
          'GNU.sparse.major': '1',
          'GNU.sparse.minor': '0',
          'GNU.sparse.name': 'victim/Chart.yaml',
          'GNU.sparse.realsize': String(evil.length),
        },
      }),
    );
    const naive = (await readTgz(archive)).filter((e) => e.type === 'File').map((e) => e.name);
    assert.deepEqual(naive, ['victim/Chart.yaml', 'victim/templates/cm.yaml', 'victim/README.md']);
    const file = path.join(work, 'sparse10', 'victim-1.0.0.tgz');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, archive);
    for (const helm of [tool('helm3'), tool('helm4')])
      assert.match(await run(helm, ['template', 'rel', file], { env }), /says: evil/, helm);
    const saved = await cliMeasured(['chart', 'save', file, 'localhost:5000/x/victim:1.0.0'], env);
    assert.equal(saved.code, 1, saved.stdout);
    assert.match(
      saved.stderr,
      /victim-1\.0\.0\.tgz: entry "victim\/README\.md" is a GNU sparse \(PAX\) entry, which Helm reads differently: refused/,
    );
  });
});
