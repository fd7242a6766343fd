import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeTar } from '../../src/chart/tar-writer.js';
import { run } from './exec.js';
import { tool } from './paths.js';

/**
 * The behaviours Helm's own loader and packaging tests check (pkg/chart/v2/loader, pkg/chart/v2/util,
 * pkg/ignore, pkg/cmd/testdata/testcharts), each as a chart built here. Helm's files are not copied:
 * the facts carry over. Each case returns what to hand to `chart` (a folder or an archive).
 */
export interface ConformanceCase {
  id: string;
  make: (root: string) => Promise<string>;
  /** A difference kept on purpose, and why: what Helm 4.1.4 does, Chartlift does the other way. */
  kept?: { reason: string; helm: 'ok' | 'refused' };
  /** Where Helm 3.17.3 (measured) does otherwise than Helm 4.1.4, what it does. */
  helm3?: string;
}

type Files = Record<string, string | Buffer>;

export async function tree(root: string, files: Files): Promise<string> {
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  return root;
}

const BOM = '\ufeff';
const cm = (name: string, data = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${name}\ndata:\n  chart: {{ .Chart.Name }}-{{ .Chart.Version }}\n  values: {{ toJson .Values | quote }}\n${data}`;
const chartYaml = (name: string, version = '0.1.0', extra = '') => `apiVersion: v2\nname: ${name}\nversion: ${version}\n${extra}`;
const simple = (name: string, extra: Files = {}): Files => ({
  'Chart.yaml': chartYaml(name),
  'values.yaml': 'replicas: 1\n',
  'templates/cm.yaml': cm('cm'),
  ...extra,
});

/** A packaged chart from entries written as given (any names, no checks), gzipped or not. */
function archive(entries: Array<[string, string]>, gzip = true): Buffer {
  const tar = writeTar(
    entries.map(([name, data]) => ({ name, data: Buffer.from(data) })),
    1_700_000_000,
  );
  return gzip ? gzipSync(tar) : tar;
}

async function writeArchive(root: string, name: string, bytes: Buffer): Promise<string> {
  await mkdir(root, { recursive: true });
  const file = path.join(root, name);
  await writeFile(file, bytes);
  return file;
}

/** A chart folder inside a git work tree (`.git` marks the repository a link may not leave). */
async function inRepo(root: string, files: Files): Promise<string> {
  await tree(root, { ...files, '.git/HEAD': 'ref: refs/heads/main\n' });
  return root;
}

async function helmPackage(src: string, out: string): Promise<string> {
  await run(tool('helm4'), ['package', src, '-d', out]);
  const name = path.basename(src);
  return name;
}

export const CASES: ConformanceCase[] = [
  // ---- pkg/chart/v2/loader: LoadDir, LoadFiles, LoadArchive ----
  {
    id: 'frobnitz: lock, schema, docs, nested folder subchart, .tgz subchart, charts/_ignore_me, .helmignore',
    make: async (root) => {
      const mariner = await tree(path.join(root, 'mariner'), simple('mariner', { 'Chart.yaml': chartYaml('mariner', '4.3.2') }));
      await helmPackage(mariner, path.join(root, 'frobnitz', 'charts'));
      return tree(path.join(root, 'frobnitz'), {
        'Chart.yaml': chartYaml(
          'frobnitz',
          '1.2.3',
          'description: This is a frobnitz.\nkeywords: [frobnitz, sprocket, dodad]\nmaintainers:\n  - name: The Helm Team\n    email: helm@example.com\n  - name: Someone Else\n    email: nobody@example.com\nsources: [https://example.com/foo/bar]\nhome: http://example.com\nicon: https://example.com/64x64.png\ndependencies:\n  - name: alpine\n    version: 0.1.0\n    repository: https://example.com/charts\n  - name: mariner\n    version: 4.3.2\n    repository: https://example.com/charts\n',
        ),
        'Chart.lock':
          'dependencies:\n- name: alpine\n  repository: https://example.com/charts\n  version: 0.1.0\n- name: mariner\n  repository: https://example.com/charts\n  version: 4.3.2\ndigest: invalid\ngenerated: "2016-10-04T13:50:02.87962-06:00"\n',
        'values.yaml': '# A values file\nscope: frobnitz\nname: frobnitz\n',
        'values.schema.json': '{"type": "object"}\n',
        '.helmignore': 'ignore/\n*.bak\n',
        'INSTALL.txt': 'install me\n',
        LICENSE: 'LICENSE placeholder.\n',
        'README.md': '# Frobnitz\n',
        'docs/README.md': 'This is a placeholder for documentation.\n',
        'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
        'ignore/me.txt': 'ignored\n',
        'notes.bak': 'ignored\n',
        'templates/template.tpl': 'Hello {{.Name | default "world"}}\n',
        'charts/_ignore_me': 'This should be ignored by the loader, but may be included in a chart.\n',
        'charts/alpine/Chart.yaml':
          'apiVersion: v1\nname: alpine\ndescription: Deploy a basic Alpine Linux pod\nversion: 0.1.0\nhome: https://helm.sh/helm\n',
        'charts/alpine/values.yaml': 'favorite:\n  drink: coffee\n',
        'charts/alpine/README.md': 'This example was generated using the command `helm create alpine`.\n',
        'charts/alpine/templates/alpine-pod.yaml': cm('alpine'),
        'charts/alpine/charts/mast1/Chart.yaml': 'name: mast1\ndescription: A Helm chart for Kubernetes\nversion: 0.1.0\nhome: ""\n',
        'charts/alpine/charts/mast1/values.yaml': 'name: "mast1"\n',
        'charts/alpine/charts/mast2-0.1.0.tgz': await (async () => {
          const mast2 = await tree(path.join(root, 'mast2'), {
            'Chart.yaml': 'name: mast2\nversion: 0.1.0\n',
            'values.yaml': 'name: mast2\n',
          });
          await helmPackage(mast2, path.join(root, 'mast2-out'));
          const { readFile } = await import('node:fs/promises');
          return readFile(path.join(root, 'mast2-out', 'mast2-0.1.0.tgz'));
        })(),
      });
    },
  },
  {
    id: 'frobnitz with UTF-8 BOMs (Chart.yaml, .helmignore, a template, a file): stripped',
    make: (root) =>
      tree(root, {
        'Chart.yaml': BOM + chartYaml('bom', '1.0.0', 'description: with BOMs\n'),
        '.helmignore': `${BOM}*.bak\n`,
        'values.yaml': `${BOM}a: 1\n`,
        'templates/template.tpl': `${BOM}{{ define "x" }}x{{ end }}\n`,
        'templates/cm.yaml': `${BOM}${cm('cm')}`,
        'INSTALL.txt': `${BOM}install\n`,
        'x.bak': 'ignored\n',
      }),
  },
  {
    id: 'apiVersion v1 with requirements.yaml and requirements.lock, subchart vendored',
    make: (root) =>
      tree(root, {
        'Chart.yaml': 'apiVersion: v1\nname: reqs\nversion: 0.2.0\n',
        'requirements.yaml': 'dependencies:\n  - name: alpine\n    version: 0.1.0\n    repository: https://example.com/charts\n',
        'requirements.lock':
          'dependencies:\n- name: alpine\n  repository: https://example.com/charts\n  version: 0.1.0\ndigest: x\ngenerated: "2016-10-04T13:50:02Z"\n',
        'templates/cm.yaml': cm('cm'),
        'charts/alpine/Chart.yaml': 'apiVersion: v1\nname: alpine\nversion: 0.1.0\n',
        'charts/alpine/templates/pod.yaml': cm('alpine'),
      }),
  },
  {
    id: 'apiVersion v2 with a requirements.yaml (only v1 reads it)',
    make: (root) =>
      tree(root, {
        'Chart.yaml': chartYaml('v2reqs'),
        'requirements.yaml': 'dependencies:\n  - name: alpine\n    version: 0.1.0\n',
        'templates/cm.yaml': cm('cm'),
      }),
  },
  { id: 'only a Chart.yaml', make: (root) => tree(root, { 'Chart.yaml': chartYaml('bare') }) },
  {
    id: 'no apiVersion (read as v1)',
    make: (root) => tree(root, { 'Chart.yaml': 'name: noapi\nversion: 0.1.0\n', 'templates/cm.yaml': cm('cm') }),
  },
  { id: 'a folder without Chart.yaml', make: (root) => tree(root, { 'values.yaml': 'a: 1\n', 'templates/cm.yaml': cm('cm') }) },
  { id: 'Chart.yaml without a name', make: (root) => tree(root, { 'Chart.yaml': 'apiVersion: v2\nversion: 0.1.0\n' }) },
  { id: 'Chart.yaml without a version', make: (root) => tree(root, { 'Chart.yaml': 'apiVersion: v2\nname: nover\n' }) },
  { id: 'Chart.yaml that does not parse', make: (root) => tree(root, { 'Chart.yaml': 'name: [x\nversion: 1\n' }) },
  // ---- chart API v3 (measured; HELM_EXPERIMENTAL_CHART_V3 changes none of it): Helm 4.1.4's package
  // and template load a v3 folder with the v3 loader, then refuse it; its push and show read an archive
  // with the v2 loader, which checks no API version. Helm 3.17.3 packages and renders v3 as v2. ----
  {
    id: 'a chart API v3 folder (Helm 4 package: invalid chart apiVersion)',
    helm3: 'packages it (and renders it) as it would a v2 chart',
    make: (root) => tree(root, simple('three', { 'Chart.yaml': 'apiVersion: v3\nname: three\nversion: 0.1.0\n' })),
  },
  {
    id: 'a chart API v3 archive (Helm 4 loads and pushes it)',
    make: (root) =>
      writeArchive(
        root,
        'three-0.1.0.tgz',
        archive([
          ['three/Chart.yaml', 'apiVersion: v3\nname: three\nversion: 0.1.0\n'],
          ['three/values.yaml', 'a: 1\n'],
          ['three/templates/cm.yaml', cm('cm')],
        ]),
      ),
  },
  {
    id: 'a chart API v3 archive is read by the v2 loader (push, show): its requirements.yaml is read, and this one is broken',
    make: (root) =>
      writeArchive(
        root,
        'threereq-0.1.0.tgz',
        archive([
          ['threereq/Chart.yaml', 'apiVersion: v3\nname: threereq\nversion: 0.1.0\n'],
          ['threereq/requirements.yaml', 'dependencies: not a list\n'],
          ['threereq/charts/sub/Chart.yaml', 'name: sub\nversion: 0.1.0\n'],
        ]),
      ),
  },
  {
    id: 'an archive with an unknown apiVersion (the v2 loader checks none)',
    make: (root) => writeArchive(root, 'foo-0.1.0.tgz', archive([['foo/Chart.yaml', 'apiVersion: foo\nname: foo\nversion: 0.1.0\n']])),
  },
  {
    id: 'a chart API v3 archive that Helm cannot read (no name)',
    make: (root) => writeArchive(root, 'threebad.tgz', archive([['threebad/Chart.yaml', 'apiVersion: v3\nversion: 0.1.0\n']])),
  },
  {
    id: 'a v2 folder with a chart API v3 subchart (the v2 loader does not check a subchart API version)',
    make: (root) =>
      tree(
        root,
        simple('hasthree', {
          'Chart.yaml': chartYaml('hasthree', '0.1.0', 'dependencies:\n  - name: sub3\n'),
          'charts/sub3/Chart.yaml': 'apiVersion: v3\nname: sub3\nversion: 0.1.0\n',
          'charts/sub3/templates/cm.yaml': cm('sub3'),
        }),
      ),
  },
  { id: 'an unknown apiVersion', make: (root) => tree(root, { 'Chart.yaml': 'apiVersion: foo\nname: foo\nversion: 0.1.0\n' }) },
  {
    id: 'type: library (renders nothing)',
    make: (root) =>
      tree(root, { 'Chart.yaml': chartYaml('lib', '0.1.0', 'type: library\n'), 'templates/_h.tpl': '{{ define "lib.x" }}x{{ end }}\n' }),
  },
  { id: 'an invalid type', make: (root) => tree(root, { 'Chart.yaml': chartYaml('plug', '0.1.0', 'type: plugin\n') }) },
  {
    id: 'a dependency alias with disallowed characters',
    make: (root) =>
      tree(
        root,
        simple('alias', {
          'Chart.yaml': chartYaml('alias', '0.1.0', 'dependencies:\n  - name: a\n    alias: "bad alias"\n'),
          'charts/a/Chart.yaml': chartYaml('a'),
        }),
      ),
  },
  {
    id: 'two dependencies with one name',
    make: (root) =>
      tree(
        root,
        simple('twice', {
          'Chart.yaml': chartYaml('twice', '0.1.0', 'dependencies:\n  - name: a\n  - name: a\n'),
          'charts/a/Chart.yaml': chartYaml('a'),
        }),
      ),
  },
  // ---- versions as Masterminds semver's NewVersion reads them (both Helms): packaged and pushed as written ----
  { id: 'the published version is v0.1.0', make: (root) => tree(root, simple('vee', { 'Chart.yaml': chartYaml('vee', 'v0.1.0') })) },
  { id: 'the published version is 1.2', make: (root) => tree(root, simple('short', { 'Chart.yaml': chartYaml('short', '1.2') })) },
  { id: 'the published version is 1 (a YAML number)', make: (root) => tree(root, simple('one', { 'Chart.yaml': chartYaml('one', '1') })) },
  { id: 'the published version is 01.2.3', make: (root) => tree(root, simple('zero', { 'Chart.yaml': chartYaml('zero', '01.2.3') })) },
  {
    id: 'the published version is v1.2.3+build.7 (tag v1.2.3_build.7)',
    make: (root) => tree(root, simple('veebuild', { 'Chart.yaml': chartYaml('veebuild', 'v1.2.3+build.7') })),
  },
  {
    id: 'a prerelease part with a leading zero (1.2.3-01): Helm cannot read it',
    make: (root) => tree(root, simple('prezero', { 'Chart.yaml': chartYaml('prezero', '1.2.3-01') })),
  },
  {
    id: 'an umbrella chart on v0.1.0 whose env charts are v0.1.0 too',
    make: (root) =>
      tree(
        root,
        simple('umbrella', {
          'Chart.yaml': chartYaml(
            'umbrella',
            'v0.1.0',
            'dependencies:\n  - name: staging\n    version: v0.1.0\n  - name: prod\n    version: "1"\n',
          ),
          'charts/staging/Chart.yaml': chartYaml('staging', 'v0.1.0'),
          'charts/staging/templates/cm.yaml': cm('staging'),
          'charts/prod/Chart.yaml': chartYaml('prod', '1'),
          'charts/prod/templates/cm.yaml': cm('prod'),
        }),
      ),
  },
  {
    id: 'a packaged chart on v0.1.0 (pushed as it is)',
    make: (root) => writeArchive(root, 'arch-v0.1.0.tgz', archive([['arch/Chart.yaml', chartYaml('arch', 'v0.1.0')]])),
  },
  {
    id: 'a vendored subchart whose version is v0.1.0',
    make: (root) =>
      tree(
        root,
        simple('parent', {
          'Chart.yaml': chartYaml('parent', '0.1.0', 'dependencies:\n  - name: thirdparty\n    version: v0.1.0\n'),
          'charts/thirdparty/Chart.yaml': chartYaml('thirdparty', 'v0.1.0'),
          'charts/thirdparty/templates/cm.yaml': cm('tp'),
        }),
      ),
  },
  { id: 'a version Helm cannot read (1.2.3.4)', make: (root) => tree(root, { 'Chart.yaml': chartYaml('four', '1.2.3.4') }) },
  {
    id: 'a chart named . (an unquoted dot is a string, and not a name)',
    make: (root) => tree(root, { 'Chart.yaml': 'apiVersion: v2\nname: .\nversion: 0.1.0\n' }),
  },
  { id: 'a chart name with a slash', make: (root) => tree(root, { 'Chart.yaml': chartYaml('a/b') }) },
  {
    id: 'charts/ entries starting with _ or . are not subcharts',
    make: (root) =>
      tree(
        root,
        simple('skips', {
          'charts/_helpers/Chart.yaml': chartYaml('under'),
          'charts/.hidden/Chart.yaml': chartYaml('hidden'),
          'charts/_notes.txt': 'x\n',
        }),
      ),
  },
  { id: 'a plain file in charts/', make: (root) => tree(root, simple('strayfile', { 'charts/README.md': 'not a chart\n' })) },
  {
    id: 'a folder in charts/ without a Chart.yaml',
    make: (root) => tree(root, simple('straydir', { 'charts/empty/values.yaml': 'a: 1\n' })),
  },
  {
    id: 'templates: NOTES.txt, helpers, a subfolder, and a dot file the built-in rule drops',
    make: (root) =>
      tree(
        root,
        simple('tpls', {
          'templates/NOTES.txt': 'Thanks {{ .Release.Name }}\n',
          'templates/_helpers.tpl': '{{ define "h" }}h{{ end }}\n',
          'templates/sub/cm.yaml': cm('sub'),
          'templates/.hidden.yaml': 'not: rendered\n',
          'crds/crd.yaml': 'kind: CustomResourceDefinition\n',
        }),
      ),
  },
  {
    id: '.helmignore: negation, anchored, folder-only and base-name rules',
    make: (root) =>
      tree(
        root,
        simple('ign', {
          '.helmignore': '*.txt\n!keep.txt\n/root-only.md\nbuild/\n',
          'keep.txt': 'kept\n',
          'drop.txt': 'dropped\n',
          'root-only.md': 'x\n',
          'sub/root-only.md': 'kept\n',
          'build/out': 'x\n',
          'files/build': 'a file named build is kept\n',
        }),
      ),
  },
  {
    id: '.helmignore: a malformed class after a chunk that fails is never read (zz*[), as filepath.Match',
    make: (root) => tree(root, simple('badlater', { '.helmignore': 'zz*[\n*.bak\n', 'x.bak': 'dropped\n', 'zz.txt': 'kept\n' })),
  },
  {
    id: '.helmignore: a malformed class that is always read ([a-)',
    make: (root) => tree(root, simple('badnow', { '.helmignore': '[a-\n' })),
  },
  {
    id: '.helmignore: a line ending in U+0085 (Go trims it) and a U+FEFF starting a later line (Go keeps it)',
    make: (root) =>
      tree(
        root,
        simple('gospace', {
          '.helmignore': `${BOM}first.txt\nsecret.txt\u0085\n${BOM}notes.txt\n`,
          'first.txt': 'dropped: the BOM of the first line is stripped\n',
          'secret.txt': 'dropped\n',
          'notes.txt': 'kept: the rule is U+FEFF notes.txt\n',
        }),
      ),
  },
  { id: 'a file of exactly 5 MiB', make: (root) => tree(root, simple('five', { 'files/big.bin': Buffer.alloc(5 * 1024 * 1024, 120) })) },
  { id: 'a file over 5 MiB', make: (root) => tree(root, simple('huge', { 'files/big.bin': Buffer.alloc(5 * 1024 * 1024 + 1, 120) })) },

  // ---- YAML as sigs.k8s.io/yaml and go-yaml read it ----
  {
    id: 'values.yaml with several documents (Helm 4 merges them)',
    make: (root) => tree(root, simple('multi', { 'values.yaml': 'a: 1\nb: 2\n---\nb: 3\nc: 4\n' })),
  },
  { id: 'values.yaml with a trailing ---', make: (root) => tree(root, simple('trail', { 'values.yaml': 'a: 1\n---\n' })) },
  { id: 'values.yaml of only --- lines', make: (root) => tree(root, simple('dashes', { 'values.yaml': '---\n---\n' })) },
  {
    id: 'values.yaml whose second document is a list',
    make: (root) => tree(root, simple('badsecond', { 'values.yaml': 'a: 1\n---\n- x\n' })),
  },
  { id: 'an empty values.yaml', make: (root) => tree(root, simple('emptyvals', { 'values.yaml': '' })) },
  { id: 'values.yaml that is a list', make: (root) => tree(root, simple('listvals', { 'values.yaml': '- a\n- b\n' })) },
  { id: 'values.yaml that does not parse', make: (root) => tree(root, simple('badvals', { 'values.yaml': 'a: [1\n' })) },
  {
    id: 'values.yaml with a duplicate key (the last wins)',
    make: (root) => tree(root, simple('dupvals', { 'values.yaml': 'a: 1\na: 2\n' })),
  },
  {
    id: 'Chart.yaml with a duplicate key (the last wins)',
    make: (root) => tree(root, simple('dupchart', { 'Chart.yaml': chartYaml('dupchart', '0.1.0', 'appVersion: "1"\nappVersion: "2"\n') })),
  },
  {
    id: 'Chart.yaml with a second document (ignored)',
    make: (root) => tree(root, simple('twodocs', { 'Chart.yaml': `${chartYaml('twodocs')}---\nappVersion: "9"\n` })),
  },
  { id: 'values.yaml with a map as a key', make: (root) => tree(root, simple('mapkey', { 'values.yaml': '? {x: 1}\n: y\n' })) },
  { id: 'values.yaml with a null key', make: (root) => tree(root, simple('nullkey', { 'values.yaml': '~: d\n' })) },
  {
    id: 'values.yaml with number and boolean keys',
    make: (root) => tree(root, simple('scalarkeys', { 'values.yaml': '1: a\ntrue: b\n1.5: c\n' })),
  },
  { id: 'values.yaml with .inf', make: (root) => tree(root, simple('infvals', { 'values.yaml': 'a: .inf\n' })) },
  {
    id: 'appVersion: .inf',
    make: (root) => tree(root, simple('infapp', { 'Chart.yaml': chartYaml('infapp', '0.1.0', 'appVersion: .inf\n') })),
  },
  {
    id: 'appVersion: .NaN',
    make: (root) => tree(root, simple('nanapp', { 'Chart.yaml': chartYaml('nanapp', '0.1.0', 'appVersion: .NaN\n') })),
  },
  {
    id: 'YAML 1.1 scalars in Chart.yaml: yes/on/y, 1e6, 0777, 1_000, ~, 1.10, a date',
    make: (root) =>
      tree(
        root,
        simple('scalars', {
          'Chart.yaml': chartYaml(
            'scalars',
            '0.1.0',
            'appVersion: 1.10\ndescription: yes\nhome: 0777\nicon: 1e6\nkeywords: [on, y, 1_000, ~, 2024-01-02, "quoted"]\nannotations:\n  a: off\n  b: 0x1F\n',
          ),
        }),
      ),
  },
  {
    id: 'an unquoted . in Chart.yaml and import-values (parent: .)',
    make: (root) =>
      tree(
        root,
        simple('dot', {
          'Chart.yaml': chartYaml(
            'dot',
            '0.1.0',
            'appVersion: .\ndependencies:\n  - name: child\n    import-values:\n      - child: data\n        parent: .\n',
          ),
          'charts/child/Chart.yaml': chartYaml('child'),
          'charts/child/values.yaml': 'data:\n  g: hi\n',
          'templates/g.yaml': cm('g', '  g: {{ .Values.g | quote }}\n'),
        }),
      ),
  },
  {
    id: 'values.schema.json that is not JSON',
    make: (root) => tree(root, simple('badschema', { 'values.schema.json': 'type: object\n' })),
  },
  {
    id: 'values.schema.json that the values break',
    make: (root) =>
      tree(root, simple('schemafail', { 'values.schema.json': '{"type":"object","properties":{"replicas":{"type":"string"}}}' })),
  },

  // ---- links (LoadDir follows them: sympath.Walk) ----
  {
    id: 'a file linked from elsewhere in the repository (../LICENSE)',
    make: async (root) => {
      const repo = await inRepo(root, {
        LICENSE: 'Apache-2.0\n',
        ...Object.fromEntries(Object.entries(simple('linked')).map(([k, v]) => [`chart/${k}`, v])),
      });
      await symlink('../LICENSE', path.join(repo, 'chart', 'LICENSE'));
      return path.join(repo, 'chart');
    },
  },
  {
    id: 'a shared subchart linked into charts/ from elsewhere in the repository',
    make: async (root) => {
      const repo = await inRepo(root, {
        ...Object.fromEntries(Object.entries(simple('shared')).map(([k, v]) => [`shared/${k}`, v])),
        ...Object.fromEntries(
          Object.entries(simple('app', { 'Chart.yaml': chartYaml('app', '0.1.0', 'dependencies:\n  - name: shared\n') })).map(([k, v]) => [
            `apps/app/${k}`,
            v,
          ]),
        ),
      });
      await mkdir(path.join(repo, 'apps', 'app', 'charts'), { recursive: true });
      await symlink('../../../shared', path.join(repo, 'apps', 'app', 'charts', 'shared'));
      return path.join(repo, 'apps', 'app');
    },
  },
  {
    id: 'a link that leaves the repository',
    kept: { helm: 'ok', reason: 'a link out of the repository or workspace could publish any file of the machine (a secret, a key)' },
    make: async (root) => {
      await tree(path.join(root, 'outside'), { 'secret.txt': 'secret\n' });
      const repo = await inRepo(
        path.join(root, 'repo'),
        Object.fromEntries(Object.entries(simple('leak')).map(([k, v]) => [`chart/${k}`, v])),
      );
      await symlink(path.join(root, 'outside', 'secret.txt'), path.join(repo, 'chart', 'secret.txt'));
      return path.join(repo, 'chart');
    },
  },
  {
    id: 'a broken link not in .helmignore',
    make: async (root) => {
      const dir = await tree(root, simple('broken'));
      await symlink('nonexistent', path.join(dir, 'broken'));
      return dir;
    },
  },
  {
    id: 'a broken link listed in .helmignore',
    kept: {
      helm: 'refused',
      reason:
        'Helm 4.1.4 stops at the dead link even though .helmignore drops it; newer Helm loads it (TestLoadDirWithBrokenSymlinkInHelmignore), and the archive holds no trace of it',
    },
    make: async (root) => {
      const dir = await tree(root, simple('brokenok', { '.helmignore': 'templates/broken\n' }));
      await symlink('nonexistent', path.join(dir, 'templates', 'broken'));
      return dir;
    },
  },
  {
    id: 'a link loop (templates/up -> ..)',
    make: async (root) => {
      const dir = await tree(root, simple('loop'));
      await symlink('..', path.join(dir, 'templates', 'up'));
      return dir;
    },
  },
  {
    id: 'a link to /dev/null (an irregular file)',
    make: async (root) => {
      const dir = await tree(root, simple('devnull'));
      await symlink('/dev/null', path.join(dir, 'null'));
      return dir;
    },
  },

  // ---- archives given as `chart` (pushed as they are: Helm must load them) ----
  {
    id: 'an archive helm package made',
    make: async (root) => {
      const src = await tree(path.join(root, 'src'), simple('packed'));
      await helmPackage(src, path.join(root, 'out'));
      return path.join(root, 'out', 'packed-0.1.0.tgz');
    },
  },
  {
    id: 'an archive with Windows separators (packaged on Windows)',
    make: (root) =>
      writeArchive(
        root,
        'win-0.1.0.tgz',
        archive([
          ['win\\Chart.yaml', chartYaml('win')],
          ['win\\values.yaml', 'a: 1\n'],
          ['win\\templates\\cm.yaml', cm('cm')],
        ]),
      ),
  },
  {
    id: 'an uncompressed tar named .tgz',
    make: (root) => writeArchive(root, 'plain-0.1.0.tgz', archive([['plain/Chart.yaml', chartYaml('plain')]], false)),
  },
  {
    id: 'an archive with ../ in a name',
    make: (root) =>
      writeArchive(
        root,
        'dots.tgz',
        archive([
          ['dots/Chart.yaml', chartYaml('dots')],
          ['../../malformed', 'hello: world\n'],
        ]),
      ),
  },
  {
    id: 'an archive with an absolute name',
    make: (root) =>
      writeArchive(
        root,
        'abs.tgz',
        archive([
          ['abs/Chart.yaml', chartYaml('abs')],
          ['//foo', 'hello: world\n'],
        ]),
      ),
  },
  {
    id: 'an archive whose files are not under one folder',
    make: (root) => writeArchive(root, 'flat.tgz', archive([['Chart.yaml', chartYaml('flat')]])),
  },
  {
    id: 'an archive without a Chart.yaml',
    make: (root) => writeArchive(root, 'nochart.tgz', archive([['nochart/files/whatever.yaml', 'hello: world\n']])),
  },
  { id: 'an empty gzip', make: (root) => writeArchive(root, 'empty.tgz', gzipSync(Buffer.alloc(0))) },
];
