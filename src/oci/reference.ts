import { UserError } from '../errors.js';

/** A registry reference: `host[:port]/repository[:tag]`. */
export interface Reference {
  registry: string;
  repository: string;
  tag: string;
}

const REPO_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

export function refString(ref: Reference): string {
  return `${ref.registry}/${ref.repository}:${ref.tag}`;
}

/** Helm writes `+` (build metadata) as `_` in a tag and reads it back. */
export function versionTag(version: string): string {
  return version.replaceAll('+', '_');
}

export interface ResolvedRef {
  ref: Reference;
  /** Set when a capital letter in the repository path was lowered. */
  lowered?: string;
}

/**
 * Resolves the `ref` input for a chart: `oci://host[:port][/ns]` (Helm-push style, `/<name>:<tag>`
 * appended) or a full `host[:port]/path/<name>[:<tag>]`. Helm's strict rule holds: the last path
 * element is the chart's name and the tag its version. Capitals in the path are lowered (GHCR owners).
 */
export function resolveChartRef(input: string, chartName: string, chartVersion: string): ResolvedRef {
  const raw = input.trim();
  const tag = versionTag(chartVersion);
  const where = `ref ${JSON.stringify(raw)}`;
  if (raw === '')
    throw new UserError('the `ref` input is empty', { hint: 'Set it to oci://<registry>/<namespace>, e.g. oci://ghcr.io/my-org/charts' });
  if (raw.includes('@'))
    throw new UserError('a digest reference cannot be pushed to', {
      where,
      hint: 'Give a repository (and optionally a tag) instead of @sha256:…',
    });

  let registry: string;
  let path: string;
  let givenTag: string | undefined;
  if (/^oci:\/\//i.test(raw)) {
    const rest = raw.replace(/^oci:\/\//i, '').replace(/\/+$/, '');
    const slash = rest.indexOf('/');
    registry = slash < 0 ? rest : rest.slice(0, slash);
    const ns = slash < 0 ? '' : rest.slice(slash + 1);
    if (/:[^/]*$/.test(ns)) {
      throw new UserError('an oci:// reference names a namespace, not a tag', {
        where,
        hint: `Drop the tag: the chart goes to ${registry}/${ns.replace(/:[^/]*$/, '')}/${chartName}:${tag}`,
      });
    }
    path = ns === '' ? chartName : `${ns}/${chartName}`;
  } else {
    if (/^[a-z]+:\/\//i.test(raw))
      throw new UserError('unsupported scheme', { where, hint: 'Use oci://host/namespace or host/namespace/name' });
    const slash = raw.indexOf('/');
    if (slash < 0)
      throw new UserError('a full reference needs a registry and a repository', {
        where,
        hint: `Write it as host/namespace/${chartName}, or use oci://${raw}`,
      });
    registry = raw.slice(0, slash);
    path = raw.slice(slash + 1);
    const colon = path.lastIndexOf(':');
    if (colon > path.lastIndexOf('/')) {
      givenTag = path.slice(colon + 1);
      path = path.slice(0, colon);
    }
  }
  if (!HOST.test(registry))
    throw new UserError(`invalid registry host ${JSON.stringify(registry)}`, {
      where,
      hint: 'Write the host as name[:port], e.g. ghcr.io or localhost:5000',
    });

  const lowered = path.toLowerCase();
  const components = lowered.split('/');
  for (const c of components) {
    if (!REPO_COMPONENT.test(c)) {
      throw new UserError(`invalid repository name ${JSON.stringify(path)}`, {
        where,
        hint: 'Each path element must be lower-case letters and digits, joined by ".", "_", "__" or "-"',
      });
    }
  }
  const last = components[components.length - 1];
  if (last !== chartName.toLowerCase()) {
    throw new UserError(`the reference ends in ${JSON.stringify(last)} but the chart is named ${JSON.stringify(chartName)}`, {
      where,
      hint: `Helm requires the repository to end in the chart's name: use ${[registry, ...components.slice(0, -1), chartName.toLowerCase()].join('/')}, or oci://${[registry, ...components.slice(0, -1)].join('/')}`,
    });
  }
  if (givenTag !== undefined && givenTag !== tag) {
    throw new UserError(`the tag ${JSON.stringify(givenTag)} differs from the chart version ${JSON.stringify(chartVersion)}`, {
      where,
      hint: `Helm requires the tag to be the chart's version: drop the tag (it defaults to ${tag}) or change version in Chart.yaml`,
    });
  }
  if (!TAG.test(tag))
    throw new UserError(`the version ${JSON.stringify(chartVersion)} does not make a valid tag`, { hint: 'Use a shorter SemVer version' });
  return { ref: { registry, repository: lowered, tag }, lowered: lowered !== path ? path : undefined };
}

/** Parses a full reference `host[:port]/path[:tag]` (the CLI's REF); the tag is required. */
export function parseReference(input: string): Reference {
  const raw = input.trim().replace(/^oci:\/\//i, '');
  const where = `reference ${JSON.stringify(input)}`;
  const slash = raw.indexOf('/');
  if (slash < 0) throw new UserError('expected host/path/name:tag', { where, hint: 'e.g. localhost:5000/myrepo/mychart:0.1.0' });
  const registry = raw.slice(0, slash);
  let path = raw.slice(slash + 1);
  const colon = path.lastIndexOf(':');
  if (colon < 0 || colon < path.lastIndexOf('/'))
    throw new UserError('the tag is missing', { where, hint: 'Add :<version>, e.g. …/mychart:0.1.0' });
  const tag = path.slice(colon + 1);
  path = path.slice(0, colon);
  if (!HOST.test(registry))
    throw new UserError(`invalid registry host ${JSON.stringify(registry)}`, { where, hint: 'e.g. localhost:5000' });
  if (!path.split('/').every((c) => REPO_COMPONENT.test(c)))
    throw new UserError('invalid repository name', { where, hint: 'Lower-case letters and digits, joined by ".", "_", "__" or "-"' });
  if (!TAG.test(tag))
    throw new UserError(`invalid tag ${JSON.stringify(tag)}`, {
      where,
      hint: 'A tag holds letters, digits, "_", "." and "-" (a "+" is written "_")',
    });
  return { registry, repository: path, tag };
}
