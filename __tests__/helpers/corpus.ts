import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './exec.js';
import { tool } from './paths.js';

export interface CorpusChart {
  id: string;
  /** The chart folder (its name may differ from the chart's). */
  dir: string;
  /** false for a library chart, which helm template refuses. */
  renders: boolean;
}

const BOM = '\ufeff';

async function files(root: string, entries: Record<string, string>): Promise<void> {
  for (const [name, body] of Object.entries(entries)) {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  }
}

const configMap = (name: string, extra = ''): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${name}\ndata:\n  chart: {{ .Chart.Name | quote }}\n  version: {{ .Chart.Version | quote }}\n${extra}`;

/**
 * The test corpus: at least one chart for each case Chartlift must package exactly as Helm does.
 * Built fresh in `root` with real helm where helm makes it (`helm create`, packaged subcharts).
 */
export async function buildCorpus(root: string): Promise<CorpusChart[]> {
  const helm = tool('helm3');
  await mkdir(root, { recursive: true });
  const out: CorpusChart[] = [];
  const add = (id: string, dir: string, renders = true): void => void out.push({ id, dir: path.join(root, dir), renders });

  // 1. helm create, untouched.
  await run(helm, ['create', 'created'], { cwd: root });
  add('helm-create', 'created');

  // 2. A library chart; 3. an application using it as a folder subchart.
  const lib = {
    'Chart.yaml': 'apiVersion: v2\nname: libby\nversion: 1.0.0\ntype: library\ndescription: shared helpers\n',
    'templates/_names.tpl': '{{- define "libby.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n',
  };
  await files(path.join(root, 'library'), lib);
  add('library', 'library', false);
  await files(path.join(root, 'uses-library'), {
    'Chart.yaml':
      'apiVersion: v2\nname: uses-library\nversion: 0.2.0\ndependencies:\n  - name: libby\n    version: 1.0.0\n    repository: file://../library\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "libby.fullname" . }}\n',
    ...Object.fromEntries(Object.entries(lib).map(([k, v]) => [`charts/libby/${k}`, v])),
  });
  add('library-as-subchart', 'uses-library');

  // 4. .helmignore: anchored, directory-only, base-name, path, class and escape rules.
  await files(path.join(root, 'ignores'), {
    'Chart.yaml': 'apiVersion: v2\nname: ignores\nversion: 0.1.0\n',
    '.helmignore': '# comment\n\n*.bak\n/secret.txt\nbuild/\ndocs/internal/*\nnotes-[0-9].txt\nweird\\*name\ntemp?\n  spaced.txt  \n',
    'values.yaml': 'a: 1\n',
    'templates/cm.yaml': configMap('cm', '  files: {{ .Files.Glob "**" | len | quote }}\n'),
    'templates/old.yaml.bak': 'ignored\n',
    'templates/.hidden.yaml': 'kind: Hidden # dotfiles in templates/ are always ignored\n',
    'secret.txt': 'top-level only\n',
    'nested/secret.txt': 'kept: the rule is anchored\n',
    'build/out.txt': 'ignored folder\n',
    'nested/build': 'a file named build is kept: build/ matches folders only\n',
    'docs/internal/a.md': 'ignored\n',
    'docs/public.md': 'kept\n',
    'notes-1.txt': 'ignored\n',
    'notes-x.txt': 'kept\n',
    'weird*name': 'ignored by the escaped rule\n',
    temp1: 'ignored\n',
    temp12: 'kept\n',
    'spaced.txt': 'ignored: rules are trimmed\n',
  });
  add('helmignore-rules', 'ignores');

  // 5. .helmignore negation, with Helm's own reading of "!": what the negated glob does not match is ignored.
  await files(path.join(root, 'negation'), {
    'Chart.yaml': 'apiVersion: v2\nname: negation\nversion: 0.1.0\n',
    '.helmignore': '*.tmp\n!*.yaml\n',
    'values.yaml': 'x: 1\n',
    'extra.yaml': 'kept\n',
    'README.md': 'ignored by the negation\n',
    'keep.tmp.yaml': 'kept\n',
    'drop.tmp': 'ignored\n',
    'templates/cm.yaml': configMap('cm'),
  });
  add('helmignore-negation', 'negation');

  // 6. A subchart as a folder whose name differs from the subchart's name.
  await files(path.join(root, 'parent-dir'), {
    'Chart.yaml': 'apiVersion: v2\nname: parent-dir\nversion: 1.2.3\nappVersion: "2.0"\n',
    'values.yaml': 'child:\n  greeting: hello from parent\n',
    'templates/cm.yaml': configMap('parent'),
    'charts/child-folder/Chart.yaml': 'apiVersion: v2\nname: child\nversion: 0.0.1\n',
    'charts/child-folder/values.yaml': 'greeting: hi\n',
    'charts/child-folder/templates/cm.yaml': configMap('child', '  greeting: {{ .Values.greeting | quote }}\n'),
    'charts/.hidden/Chart.yaml': 'apiVersion: v2\nname: hidden\nversion: 0.0.1\n',
    'charts/_skipped/Chart.yaml': 'apiVersion: v2\nname: skipped\nversion: 0.0.1\n',
  });
  add('subchart-folder', 'parent-dir');

  // 7. Subcharts as packaged .tgz files (made by helm package), two of them.
  for (const [name, version] of [
    ['alpha', '0.1.0'],
    ['beta', '2.0.0'],
  ]) {
    await files(path.join(root, 'sub-src', name), {
      'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: ${version}\n`,
      'values.yaml': `port: ${name === 'alpha' ? 80 : 443}\n`,
      'templates/svc.yaml': configMap(name, '  port: {{ .Values.port | quote }}\n'),
    });
    await mkdir(path.join(root, 'parent-tgz', 'charts'), { recursive: true });
    await run(helm, ['package', path.join(root, 'sub-src', name), '-d', path.join(root, 'parent-tgz', 'charts')]);
  }
  await files(path.join(root, 'parent-tgz'), {
    'Chart.yaml':
      'apiVersion: v2\nname: parent-tgz\nversion: 0.3.0\ndependencies:\n  - name: alpha\n    version: 0.1.0\n    repository: https://example.com/charts\n  - name: beta\n    version: 2.0.0\n    repository: https://example.com/charts\n    alias: b\n',
    'Chart.lock':
      'dependencies:\n- name: alpha\n  repository: https://example.com/charts\n  version: 0.1.0\n- name: beta\n  repository: https://example.com/charts\n  version: 2.0.0\ndigest: sha256:0000000000000000000000000000000000000000000000000000000000000000\ngenerated: "2024-05-01T10:00:00.120000Z"\n',
    'values.yaml': 'alpha:\n  port: 8080\n',
    'templates/cm.yaml': configMap('parent'),
  });
  add('subchart-tgz', 'parent-tgz');

  // 8. values.schema.json.
  await files(path.join(root, 'schema'), {
    'Chart.yaml': 'apiVersion: v2\nname: schema\nversion: 0.1.0\n',
    'values.yaml': 'replicas: 2\nname: web\n',
    'values.schema.json':
      '{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n  "type": "object",\n  "required": ["replicas"],\n  "properties": {"replicas": {"type": "integer", "minimum": 1}, "name": {"type": "string"}}\n}\n',
    'templates/cm.yaml': configMap('cm', '  replicas: {{ .Values.replicas | quote }}\n'),
  });
  add('values-schema', 'schema');

  // 9. UTF-8 BOMs in Chart.yaml, values.yaml and a template.
  await files(path.join(root, 'bom'), {
    'Chart.yaml': `${BOM}apiVersion: v2\nname: bom\nversion: 0.1.0\n`,
    'values.yaml': `${BOM}msg: café\n`,
    'templates/cm.yaml': `${BOM}${configMap('cm', '  msg: {{ .Values.msg | quote }}\n')}`,
    'files/data.txt': `${BOM}plain data\n`,
  });
  add('bom', 'bom');

  // 10. Internal symlinks: a file and a folder, both inside the chart.
  await files(path.join(root, 'links'), {
    'Chart.yaml': 'apiVersion: v2\nname: links\nversion: 0.1.0\n',
    'shared/cm.yaml': configMap('shared'),
    'shared/conf/app.conf': 'key=value\n',
    'templates/own.yaml': configMap('own', '  conf: {{ .Files.Get "conf/app.conf" | quote }}\n'),
  });
  await symlink('../shared/cm.yaml', path.join(root, 'links', 'templates', 'linked.yaml'));
  await symlink('shared/conf', path.join(root, 'links', 'conf'));
  add('internal-symlinks', 'links');

  // 11. An apiVersion v1 chart with requirements.yaml and requirements.lock.
  await files(path.join(root, 'legacy-v1'), {
    'Chart.yaml': 'apiVersion: v1\nname: legacy-v1\nversion: 0.9.0\nappVersion: 1.0\ndescription: Helm 2 era chart\n',
    'requirements.yaml':
      'dependencies:\n- name: dep\n  version: 0.1.0\n  repository: https://example.com/charts\n  condition: dep.enabled\n',
    'requirements.lock':
      'dependencies:\n- name: dep\n  repository: https://example.com/charts\n  version: 0.1.0\ndigest: sha256:1111111111111111111111111111111111111111111111111111111111111111\ngenerated: 2019-01-01T00:00:00Z\n',
    'values.yaml': 'dep:\n  enabled: true\n',
    'templates/cm.yaml': configMap('cm', '  app: {{ .Chart.AppVersion | quote }}\n'),
    'charts/dep/Chart.yaml': 'apiVersion: v1\nname: dep\nversion: 0.1.0\n',
    'charts/dep/templates/cm.yaml': configMap('dep'),
  });
  add('v1-requirements', 'legacy-v1');

  // 12. The folder's name differs from the chart's name.
  await files(path.join(root, 'some-folder-name'), {
    'Chart.yaml': 'apiVersion: v2\nname: realname\nversion: 3.1.4-rc.1+build.5\n',
    'templates/cm.yaml': configMap('cm'),
  });
  add('folder-name-differs', 'some-folder-name');

  // 13. Every metadata field, Go's scalar coercions (appVersion: 1.10 is "1.1"), characters JSON escapes.
  await files(path.join(root, 'rich'), {
    'Chart.yaml': [
      'apiVersion: v2',
      'name: rich',
      'version: 1.0.0',
      'kubeVersion: ">=1.22.0-0"',
      'description: "Tags <b> & \\"quotes\\" — ünïcödé"',
      'type: application',
      'keywords: [web, "db", 42]',
      'home: https://example.com/rich',
      'sources:',
      '  - https://github.com/example/rich',
      '  - https://mirror.example.com/rich',
      'maintainers:',
      '  - name: Ada',
      '    email: ada@example.com',
      '    url: https://example.com/ada',
      '  - name: Bob',
      'icon: https://example.com/icon.png',
      'appVersion: 1.10',
      'deprecated: false',
      'annotations:',
      '  category: Database',
      '  "org.opencontainers.image.title": not-allowed-to-override',
      '  example.com/licence: Apache-2.0',
      'unknownField: ignored by Helm',
      '',
    ].join('\n'),
    'values.yaml': '# just a comment\n',
    'templates/cm.yaml': configMap(
      'cm',
      '  app: {{ .Chart.AppVersion | quote }}\n  desc: {{ .Chart.Description | quote }}\n  kw: {{ .Chart.Keywords | join "," | quote }}\n',
    ),
  });
  add('rich-metadata', 'rich');

  // 14. Names that need care in tar: long paths (USTAR prefix and PAX), non-ASCII, byte-order sorting.
  const longDir = 'files/' + 'a-rather-long-folder-name/'.repeat(5);
  await files(path.join(root, 'names'), {
    'Chart.yaml': 'apiVersion: v2\nname: names\nversion: 0.1.0\n',
    'templates/cm.yaml': configMap(
      'cm',
      '{{- range $p, $_ := .Files.Glob "files/**" }}\n  {{ $p | sha256sum | trunc 12 }}: {{ $p | quote }}\n{{- end }}\n',
    ),
    [`${longDir}deep.txt`]: 'deep\n',
    [`files/${'x'.repeat(120)}.txt`]: 'one long name\n',
    'files/naïve-ñame.txt': 'non-ascii\n',
    'files/B.txt': 'upper\n',
    'files/_a.txt': 'underscore\n',
    'files/a.txt': 'lower\n',
    'files/a/b.txt': 'folder a\n',
    'files/a.b/c.txt': 'folder a.b\n',
  });
  add('tar-names', 'names');

  // 15. An umbrella chart as `helm dependency build` leaves it: its subchart `db`, vendored from a
  // file:// folder, declares the library `common` but relies on the copy the umbrella vendors (as
  // bitnami's postgresql relies on airflow's common). Helm checks only the top chart's dependencies.
  await files(path.join(root, 'umbrella-src'), {
    'common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 2.0.0\ntype: library\n',
    'common/templates/_names.tpl': '{{- define "common.name" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n',
    'db/Chart.yaml':
      'apiVersion: v2\nname: db\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 2.x.x\n    repository: file://../common\n',
    'db/values.yaml': 'port: 5432\n',
    'db/templates/svc.yaml': configMap('db', '  name: {{ include "common.name" . | quote }}\n  port: {{ .Values.port | quote }}\n'),
    'umbrella/Chart.yaml': [
      'apiVersion: v2',
      'name: umbrella',
      'version: 3.0.0',
      'dependencies:',
      '  - name: common',
      '    version: 2.0.0',
      '    repository: file://../common',
      '  - name: db',
      '    version: 1.0.0',
      '    repository: file://../db',
      '',
    ].join('\n'),
    'umbrella/templates/cm.yaml': configMap('top', '  name: {{ include "common.name" . | quote }}\n'),
  });
  await run(helm, ['dependency', 'build', path.join(root, 'umbrella-src', 'umbrella')]);
  add('umbrella-subchart-leans-on-parent-library', 'umbrella-src/umbrella');

  // 16. Unquoted `.` scalars, which go-yaml keeps as the string "." (not a float): appVersion, a
  // keyword, and import-values' `parent: .`, which decides what the values render as.
  await files(path.join(root, 'dots'), {
    'Chart.yaml': [
      'apiVersion: v2',
      'name: dots',
      'version: 0.1.0',
      'appVersion: .',
      'keywords: [., -., .5, 1_0.5]',
      'dependencies:',
      '  - name: child',
      '    version: 0.1.0',
      '    import-values:',
      '      - child: data',
      '        parent: .',
      '',
    ].join('\n'),
    'templates/cm.yaml': configMap(
      'cm',
      '  app: {{ .Chart.AppVersion | quote }}\n  kw: {{ .Chart.Keywords | join "," | quote }}\n  g: {{ .Values.g | quote }}\n',
    ),
    'charts/child/Chart.yaml': 'apiVersion: v2\nname: child\nversion: 0.1.0\n',
    'charts/child/values.yaml': 'data:\n  g: hi\n',
  });
  add('unquoted-dot-scalars', 'dots');

  return out;
}
