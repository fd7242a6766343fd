import { capProblems, decodeGoYaml, problemLine as line, type GoType } from './go-yaml-struct.js';

/**
 * Artifact Hub's `artifacthub.io/*` Chart.yaml annotations, checked as Artifact Hub reads them when it
 * indexes a chart: EnrichPackageFromAnnotations in artifacthub/hub internal/tracker/source/helm/helm.go
 * (gopkg.in/yaml.v3 into the structs of internal/hub/pkg.go), ParseChangesAnnotation in
 * internal/tracker/source/helpers.go, ValidateChange and ValidateContainersImages in
 * internal/pkg/metadata.go, the alternative name's rule in internal/pkg/manager.go; the list is
 * docs/helm_annotations.md's. What fails there fails here; a field or an annotation name Artifact Hub
 * does not know is reported too (it drops those silently, which is how a typo goes unnoticed).
 *
 * Here rather than in src/chart/: Helm ignores these annotations; they describe the chart as
 * published, to the index that lists it.
 */

const ARTIFACTHUB_PREFIX = 'artifacthub.io/';
export const SIGN_KEY_ANNOTATION = 'artifacthub.io/signKey';

/** One malformed annotation: which, and what is wrong with it. */
export interface AnnotationProblem {
  annotation: string;
  problem: string;
}

const LINK: GoType = { struct: { name: 'string', url: 'string' } };
const CHANGE: GoType = { struct: { kind: 'string', description: 'string', links: { list: LINK } } };
const IMAGE: GoType = { struct: { name: 'string', image: 'string', whitelisted: 'bool', platforms: { list: 'string' } } };
const MAINTAINER: GoType = { struct: { name: 'string', email: 'string' } };
const RECOMMENDATION: GoType = { struct: { url: 'string' } };
const SCREENSHOT: GoType = { struct: { title: 'string', url: 'string' } };
const SIGN_KEY: GoType = { struct: { fingerprint: 'string', url: 'string' } };

// internal/hub/pkg.go PackageCategoryFromName.
const CATEGORIES = [
  'skip-prediction',
  'ai-machine-learning',
  'database',
  'integration-delivery',
  'monitoring-logging',
  'networking',
  'security',
  'storage',
  'streaming-messaging',
];
// internal/tracker/source/helm/helm.go validOperatorCapabilities (compared lower-cased).
const CAPABILITIES = ['basic install', 'seamless upgrades', 'full lifecycle', 'deep insights', 'auto pilot'];
// internal/pkg/metadata.go validChangeKinds (compared lower-cased), in Artifact Hub's order.
export const CHANGE_KINDS = ['added', 'changed', 'deprecated', 'removed', 'fixed', 'security'];
// Go's strconv.ParseBool.
const GO_BOOLS = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];

type Rule = (value: string, chartName: string) => string[];

const RULES: Record<string, Rule> = {
  'artifacthub.io/alternativeName': (v, name) =>
    v !== '' && !name.includes(v) && !v.includes(name)
      ? [
          `${JSON.stringify(v)} must be part of the chart name ${JSON.stringify(name)}, or hold it (Artifact Hub refuses the package otherwise)`,
        ]
      : [],
  'artifacthub.io/category': (v) =>
    CATEGORIES.includes(v) ? [] : [`${JSON.stringify(v)} is not a category: use one of ${CATEGORIES.join(', ')}`],
  'artifacthub.io/changes': changes,
  'artifacthub.io/containsSecurityUpdates': goBool,
  'artifacthub.io/crds': (v) => yamlOf(v, { list: 'any' }),
  'artifacthub.io/crdsExamples': (v) => yamlOf(v, { list: 'any' }),
  'artifacthub.io/images': images,
  'artifacthub.io/license': () => [],
  'artifacthub.io/links': (v) => yamlOf(v, { list: LINK }),
  'artifacthub.io/maintainers': (v) => yamlOf(v, { list: MAINTAINER }),
  'artifacthub.io/operator': goBool,
  'artifacthub.io/operatorCapabilities': (v) =>
    CAPABILITIES.includes(v.toLowerCase()) ? [] : [`${JSON.stringify(v)} is not a capability level: use one of ${CAPABILITIES.join(', ')}`],
  'artifacthub.io/prerelease': goBool,
  'artifacthub.io/recommendations': (v) => yamlOf(v, { list: RECOMMENDATION }),
  'artifacthub.io/screenshots': (v) => yamlOf(v, { list: SCREENSHOT }),
  [SIGN_KEY_ANNOTATION]: signKey,
};

/** Every problem with the chart's `artifacthub.io/*` annotations (none: an empty list). */
export function checkArtifactHubAnnotations(annotations: Record<string, string>, chartName: string): AnnotationProblem[] {
  const out: AnnotationProblem[] = [];
  for (const [annotation, value] of Object.entries(annotations)) {
    if (!annotation.startsWith(ARTIFACTHUB_PREFIX)) continue;
    const rule = RULES[annotation];
    const problems = rule
      ? rule(value, chartName)
      : [
          `not an annotation Artifact Hub reads (it reads ${Object.keys(RULES)
            .map((k) => k.slice(ARTIFACTHUB_PREFIX.length))
            .join(', ')})`,
        ];
    for (const problem of capProblems(problems)) out.push({ annotation, problem });
  }
  return out;
}

/** The `artifacthub.io/signKey` value for a key: its fingerprint and where its public key is. */
export function signKeyAnnotation(fingerprint: string, url: string): string {
  return `fingerprint: ${JSON.stringify(fingerprint)}\nurl: ${JSON.stringify(url)}\n`;
}

function goBool(v: string): string[] {
  return GO_BOOLS.includes(v) ? [] : [`${JSON.stringify(v)} is not a boolean: write "true" or "false"`];
}

function yamlOf(v: string, type: GoType): string[] {
  return decodeGoYaml(v, type).problems.map(line);
}

/** One entry of `artifacthub.io/changes`, as Artifact Hub keeps it (internal/hub/pkg.go Change): the kind lower-cased. */
export interface Change {
  /** added, changed, deprecated, removed, fixed or security; '' for a change given as a plain string. */
  kind: string;
  description: string;
  links: Array<{ name: string; url: string }>;
}

/**
 * `artifacthub.io/changes` read as Artifact Hub reads it: a list of change objects, else a list of
 * strings (ParseChangesAnnotation, internal/tracker/source/helpers.go), each then validated
 * (ValidateChange, internal/pkg/metadata.go). Go decodes the objects whatever keys they hold besides;
 * a key it drops is reported after what Artifact Hub itself would say. `changes` is undefined when
 * Artifact Hub would refuse the annotation (any problem but an unknown key).
 */
export function parseChanges(v: string): { changes?: Change[]; problems: string[] } {
  const asObjects = decodeGoYaml(v, { list: CHANGE });
  const failed = asObjects.problems.filter((p) => !p.unknown);
  const unknown = asObjects.problems.filter((p) => p.unknown).map(line);
  let entries: unknown[];
  if (failed.length === 0) entries = (asObjects.value as unknown[] | null) ?? [];
  else {
    const asStrings = decodeGoYaml(v, { list: 'string' });
    if (asStrings.problems.length > 0)
      return {
        problems: [
          ...failed.map(line),
          'neither a list of changes (kind, description, links) nor a list of strings; quote strings that hold any of {}:[],&*#?|-<>=!%@',
          ...unknown,
        ],
      };
    entries = ((asStrings.value as unknown[] | null) ?? []).map((d) => ({ description: d }));
  }
  const out: string[] = [];
  const changes: Change[] = [];
  entries.forEach((entry, i) => {
    const c = (entry ?? undefined) as
      { kind?: unknown; description?: unknown; links?: Array<{ name?: unknown; url?: unknown } | null> } | undefined;
    if (!c) return void out.push(`[${i}]: an empty change`);
    const kind = c.kind == null ? '' : String(c.kind).toLowerCase();
    if (kind !== '' && !CHANGE_KINDS.includes(kind))
      out.push(`[${i}].kind: ${JSON.stringify(String(c.kind))} is not a kind: use one of ${CHANGE_KINDS.join(', ')}`);
    if (c.description == null || String(c.description) === '') out.push(`[${i}]: no description`);
    const links = (c.links ?? []).map((l, j) => {
      if (l?.name == null || String(l.name) === '') out.push(`[${i}].links[${j}]: no name`);
      if (l?.url == null || String(l.url) === '') out.push(`[${i}].links[${j}]: no url`);
      return { name: String(l?.name ?? ''), url: String(l?.url ?? '') };
    });
    changes.push({ kind, description: String(c.description ?? ''), links });
  });
  return { changes: out.length === 0 ? changes : undefined, problems: [...out, ...unknown] };
}

function changes(v: string): string[] {
  return parseChanges(v).problems;
}

function images(v: string): string[] {
  const decoded = decodeGoYaml(v, { list: IMAGE });
  if (decoded.problems.length > 0) return decoded.problems.map(line);
  const out: string[] = [];
  ((decoded.value as Array<{ image?: unknown } | null> | null) ?? []).forEach((img, i) => {
    const ref = img?.image == null ? '' : String(img.image);
    const why = imageReferenceProblem(ref);
    if (why) out.push(`[${i}].image: ${why}`);
  });
  return out;
}

function signKey(v: string): string[] {
  const decoded = decodeGoYaml(v, SIGN_KEY);
  if (decoded.problems.length > 0) return decoded.problems.map(line);
  const key = decoded.value as { url?: unknown } | null;
  return key?.url == null || String(key.url) === '' ? ['no url (where the public key is): Artifact Hub requires it'] : [];
}

const REPOSITORY_CHARS = /^[a-z0-9_\-./]{1,255}$/;
const TAG_CHARS = /^[A-Za-z0-9_.-]{1,128}$/;
const AUTHORITY = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]*)?$/;

/**
 * Why go-containerregistry's name.ParseReference (not strict) refuses `s`, which ValidateContainersImages
 * calls on each image; undefined when it takes it. A tag reference first (`repo[:tag]`, a colon after
 * the last `/` starting the tag), else a digest (`repo[:tag]@sha256:<64 hex>`); the repository's first
 * part is a registry when it holds `.` or `:`.
 */
export function imageReferenceProblem(s: string): string | undefined {
  const asTag = tagProblem(s);
  if (!asTag) return undefined;
  if (!s.includes('@')) return asTag;
  const parts = s.split('@');
  if (parts.length !== 2) return `${JSON.stringify(s)} holds more than one @`;
  if (!/^sha256:[0-9a-f]{64}$/.test(parts[1])) return `${JSON.stringify(parts[1])} is not a sha256 digest`;
  const base = tagProblem(parts[0]) ? parts[0] : parts[0].replace(/:[^:/]*$/, '');
  return repositoryProblem(base);
}

function tagProblem(s: string): string | undefined {
  const parts = s.split(':');
  let base = s;
  if (parts.length > 1 && !parts[parts.length - 1].includes('/')) {
    const tag = parts[parts.length - 1];
    base = parts.slice(0, -1).join(':');
    if (!TAG_CHARS.test(tag)) return `${JSON.stringify(tag)} is not a valid tag`;
  }
  return repositoryProblem(base);
}

function repositoryProblem(name: string): string | undefined {
  if (name === '') return 'no image reference';
  const slash = name.indexOf('/');
  let repo = name;
  if (slash >= 0 && /[.:]/.test(name.slice(0, slash))) {
    const registry = name.slice(0, slash);
    if (!AUTHORITY.test(registry)) return `${JSON.stringify(registry)} is not a registry host`;
    repo = name.slice(slash + 1);
  }
  if (!REPOSITORY_CHARS.test(repo))
    return `${JSON.stringify(name)} is not a valid image reference (repository names are lower case: a-z 0-9 _ - . /)`;
  return undefined;
}
