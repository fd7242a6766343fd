import { loadYaml, yaml } from '../util/yaml-lib.js';
import { UserError } from '../errors.js';
import { yamlSyntaxError } from './yaml-error.js';
import { goFields, goString, goStructJson, readGoYaml, RawJson } from './go-values.js';
import { writeSimpleYaml } from './simple-yaml.js';

/** Chart.yaml as Helm's `chart.Metadata` holds it; empty values are '' / [] / false / {}. */
interface Maintainer {
  name: string;
  email: string;
  url: string;
}

export interface Dependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  importValues: unknown[];
  alias: string;
}

export interface Metadata {
  name: string;
  home: string;
  sources: string[];
  version: string;
  description: string;
  keywords: string[];
  maintainers: Maintainer[];
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations: Record<string, string>;
  kubeVersion: string;
  dependencies: Dependency[];
  type: string;
}

const METADATA_FIELDS = [
  'name',
  'home',
  'sources',
  'version',
  'description',
  'keywords',
  'maintainers',
  'icon',
  'apiVersion',
  'condition',
  'tags',
  'appVersion',
  'deprecated',
  'annotations',
  'kubeVersion',
  'dependencies',
  'type',
] as const;
const DEPENDENCY_FIELDS = ['name', 'version', 'repository', 'condition', 'tags', 'enabled', 'import-values', 'alias'] as const;
const MAINTAINER_FIELDS = ['name', 'email', 'url'] as const;

/** SemVer 2.0.0, exactly (semver.org's regular expression): no `v` prefix, no missing parts. */
const SEMVER2 =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * The versions Helm reads (Masterminds semver v3.4.0's NewVersion, which Helm 4.1.4 and 3.17.3 both
 * call): a leading `v`, missing minor or patch and leading zeros in them taken; each number a uint64;
 * prerelease parts non-empty, numeric ones without a leading zero. Helm packages and pushes all of them.
 */
const LOOSE_VERSION =
  /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = 2n ** 64n - 1n;

export function isHelmVersion(version: string): boolean {
  const m = LOOSE_VERSION.exec(version);
  if (!m) return false;
  if ([m[1], m[2], m[3]].some((n) => n !== undefined && BigInt(n) > UINT64_MAX)) return false;
  return (m[4] ?? '').split('.').every((part) => !/^0\d+$/.test(part));
}

/** A version Helm reads in SemVer 2 form (`v01.2` → `1.2.0`), to compare and sort it; undefined if Helm cannot read it. */
export function canonicalVersion(version: string): string | undefined {
  if (!isHelmVersion(version)) return undefined;
  const m = LOOSE_VERSION.exec(version)!;
  const n = (x: string | undefined): string => BigInt(x ?? '0').toString();
  return `${n(m[1])}.${n(m[2])}.${n(m[3])}${m[4] ? `-${m[4]}` : ''}${m[5] ? `+${m[5]}` : ''}`;
}

/** Whether a version Helm reads is also SemVer 2 (what Artifact Hub and Renovate sort tags by). */
export function isSemVer2(version: string): boolean {
  return SEMVER2.test(version);
}

/**
 * What `helm package` (Helm 4.1.4) packages: chart API v1 and v2 (or none). Its loader takes v3 with a
 * loader of its own, then refuses it ("invalid chart apiVersion"), and refuses any other outright.
 * `helm push` and `helm show` read an archive with the v2 loader, which checks no API version: a
 * packaged chart pushed as it is is not held to this, nor is a subchart.
 */
export function checkPackageable(md: Metadata, file: string): void {
  if (md.apiVersion === 'v3')
    throw new UserError('apiVersion "v3": Helm 4.1.4 loads chart API v3 but does not package it ("invalid chart apiVersion")', {
      where: file,
      hint: 'Use apiVersion: v2 (Helm 3.17 packages a v3 chart as a v2 one; its .tgz given here is pushed as it is)',
    });
  if (md.apiVersion !== 'v1' && md.apiVersion !== 'v2')
    throw new UserError(
      `apiVersion ${JSON.stringify(md.apiVersion)} is not a chart API version Helm 4 packages ("unsupported chart version")`,
      {
        where: file,
        hint: 'Use apiVersion: v2 (or v1 for charts written for Helm 2)',
      },
    );
}

export function emptyMetadata(): Metadata {
  return {
    name: '',
    home: '',
    sources: [],
    version: '',
    description: '',
    keywords: [],
    maintainers: [],
    icon: '',
    apiVersion: '',
    condition: '',
    tags: '',
    appVersion: '',
    deprecated: false,
    annotations: {},
    kubeVersion: '',
    dependencies: [],
    type: '',
  };
}

/** Reads YAML text into `md` the way Helm's yaml.Unmarshal does: fields present overwrite. */
export async function readMetadataYaml(text: string, md: Metadata, file: string): Promise<void> {
  let doc: unknown;
  try {
    doc = await readGoYaml(text);
  } catch (err) {
    throw yamlSyntaxError(err, file, 'Fix the YAML syntax');
  }
  if (doc === null || doc === undefined) return;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError('expected a map of fields at the top level', {
      where: file,
      hint: 'See https://helm.sh/docs/topics/charts/#the-chartyaml-file',
    });
  }
  try {
    for (const [key, value] of goFields(doc as Record<string, unknown>, METADATA_FIELDS)) setField(md, key, value);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError((err as Error).message, {
      where: file,
      hint: 'Correct the field type; see https://helm.sh/docs/topics/charts/#the-chartyaml-file',
    });
  }
}

function setField(md: Metadata, key: (typeof METADATA_FIELDS)[number], v: unknown): void {
  switch (key) {
    case 'sources':
    case 'keywords':
      md[key] = stringList(v, key);
      break;
    case 'maintainers':
      md.maintainers = list(v, key).map((m, i) => maintainer(m, `maintainers[${i}]`));
      break;
    case 'deprecated':
      md.deprecated = bool(v, key);
      break;
    case 'annotations':
      md.annotations = stringMap(v, key);
      break;
    case 'dependencies':
      md.dependencies = list(v, key).map((d, i) => dependency(d, `dependencies[${i}]`));
      break;
    default:
      md[key] = goString(v, key);
  }
}

function list(v: unknown, field: string): unknown[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw new TypeError(`${field} must be a list`);
  return v;
}

function stringList(v: unknown, field: string): string[] {
  return list(v, field).map((x, i) => goString(x, `${field}[${i}]`));
}

function bool(v: unknown, field: string): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v !== 'boolean') throw new TypeError(`${field} must be true or false`);
  return v;
}

function stringMap(v: unknown, field: string): Record<string, string> {
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`${field} must be a map of strings`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = goString(x, `${field}.${k}`);
  return out;
}

function struct(v: unknown, field: string): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`${field} must be a map`);
  return v as Record<string, unknown>;
}

function maintainer(v: unknown, field: string): Maintainer {
  const obj = struct(v, field);
  if (obj === null) throw new TypeError('maintainers must not contain empty or null nodes');
  const f = goFields(obj, MAINTAINER_FIELDS);
  return {
    name: goString(f.get('name'), `${field}.name`),
    email: goString(f.get('email'), `${field}.email`),
    url: goString(f.get('url'), `${field}.url`),
  };
}

export function dependency(v: unknown, field: string): Dependency {
  const obj = struct(v, field);
  if (obj === null) throw new TypeError('dependencies must not contain empty or null nodes');
  const f = goFields(obj, DEPENDENCY_FIELDS);
  return {
    name: goString(f.get('name'), `${field}.name`),
    version: goString(f.get('version'), `${field}.version`),
    repository: goString(f.get('repository'), `${field}.repository`),
    condition: goString(f.get('condition'), `${field}.condition`),
    tags: stringList(f.get('tags'), `${field}.tags`),
    enabled: bool(f.get('enabled'), `${field}.enabled`),
    importValues: list(f.get('import-values'), `${field}.import-values`),
    alias: goString(f.get('alias'), `${field}.alias`),
  };
}

/** Go's unicode.IsSpace → ' ', other non-printable runes dropped (Helm's sanitizeString). */
export function sanitize(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/^[\t\n\v\f\r \u0085\u00a0\p{Zs}\p{Zl}\p{Zp}]$/u.test(ch)) out += ' ';
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
  }
  return out;
}

/**
 * Helm's Metadata.Validate (as Helm 4 applies it): name, version (Masterminds semver), type and
 * dependencies; the chart API version's value is the caller's (checkLoadable). The errors say what to do.
 */
export function validateMetadata(md: Metadata, file: string): void {
  for (const k of ['name', 'description', 'home', 'icon', 'condition', 'tags', 'appVersion', 'kubeVersion'] as const) {
    md[k] = sanitize(md[k]);
  }
  md.sources = md.sources.map(sanitize);
  md.keywords = md.keywords.map(sanitize);
  const fail = (message: string, hint: string): never => {
    throw new UserError(message, { where: file, hint });
  };
  if (md.apiVersion === '') md.apiVersion = 'v1';
  if (md.name === '') fail('the chart name is missing', 'Add "name: <chart-name>" to Chart.yaml');
  if (md.name.includes('/') || md.name === '.' || md.name === '..') {
    fail(`the chart name ${JSON.stringify(md.name)} is invalid`, 'A chart name is a single path element such as "mychart"');
  }
  if (md.version === '') fail('the chart version is missing', 'Add "version: <SemVer 2 version>" to Chart.yaml, e.g. version: 0.1.0');
  if (!isHelmVersion(md.version)) {
    fail(`version ${JSON.stringify(md.version)} is not a version Helm reads`, 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0 or 1.2.0-rc.1');
  }
  if (md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    fail(`type ${JSON.stringify(md.type)} is invalid`, 'Set type to application or library, or leave it out');
  }
  for (const m of md.maintainers) {
    m.name = sanitize(m.name);
    m.email = sanitize(m.email);
    m.url = sanitize(m.url);
  }
  const seen = new Set<string>();
  for (const d of md.dependencies) {
    d.name = sanitize(d.name);
    d.version = sanitize(d.version);
    d.repository = sanitize(d.repository);
    d.condition = sanitize(d.condition);
    d.tags = d.tags.map(sanitize);
    if (d.alias !== '' && !/^[a-zA-Z0-9_-]+$/.test(d.alias)) {
      fail(`dependency ${JSON.stringify(d.name)} has disallowed characters in the alias`, 'An alias may hold letters, digits, "_" and "-"');
    }
    const key = d.alias || d.name;
    if (seen.has(key)) fail(`more than one dependency with name or alias ${JSON.stringify(key)}`, 'Give each dependency a distinct alias');
    seen.add(key);
  }
}

const empty = <T>(v: T): T | undefined => {
  if (v === '' || v === false || v === null || v === undefined) return undefined;
  if (Array.isArray(v) && v.length === 0) return undefined;
  if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) return undefined;
  return v;
};

export function dependencyJson(d: Dependency): RawJson {
  return new RawJson(
    goStructJson([
      ['name', d.name],
      ['version', empty(d.version)],
      ['repository', d.repository],
      ['condition', empty(d.condition)],
      ['tags', empty(d.tags)],
      ['enabled', empty(d.enabled)],
      ['import-values', empty(d.importValues)],
      ['alias', empty(d.alias)],
    ]),
  );
}

/** The config blob: `json.Marshal(chart.Metadata)` byte for byte. */
export function configJson(md: Metadata): string {
  const maintainers = md.maintainers.map(
    (m) =>
      new RawJson(
        goStructJson([
          ['name', empty(m.name)],
          ['email', empty(m.email)],
          ['url', empty(m.url)],
        ]),
      ),
  );
  return goStructJson([
    ['name', empty(md.name)],
    ['home', empty(md.home)],
    ['sources', empty(md.sources)],
    ['version', empty(md.version)],
    ['description', empty(md.description)],
    ['keywords', empty(md.keywords)],
    ['maintainers', empty(maintainers)],
    ['icon', empty(md.icon)],
    ['apiVersion', empty(md.apiVersion)],
    ['condition', empty(md.condition)],
    ['tags', empty(md.tags)],
    ['appVersion', empty(md.appVersion)],
    ['deprecated', empty(md.deprecated)],
    ['annotations', empty(md.annotations)],
    ['kubeVersion', empty(md.kubeVersion)],
    ['dependencies', empty(md.dependencies.map(dependencyJson))],
    ['type', empty(md.type)],
  ]);
}

/** YAML as sigs.k8s.io/yaml writes a JSON document: keys sorted at every level, YAML 1.1 quoting. */
export async function goYaml(jsonText: string): Promise<string> {
  const value = JSON.parse(jsonText) as unknown;
  const simple = writeSimpleYaml(value);
  if (simple !== undefined) return simple;
  await loadYaml();
  return yaml().stringify(value, { sortMapEntries: true, version: '1.1', lineWidth: 0 });
}

/** Chart.yaml as `helm package` writes it: the metadata re-serialised (v1 charts keep deps in requirements.yaml). */
export function chartYaml(md: Metadata): Promise<string> {
  const saved = md.apiVersion === 'v1' ? { ...md, dependencies: [] } : md;
  return goYaml(configJson(saved));
}
