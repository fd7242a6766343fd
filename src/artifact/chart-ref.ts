import { UserError } from '../errors.js';
import { checkHost, isRepositoryComponent, isTag, splitReference, type Reference } from '../oci/reference.js';
import { quoted } from '../util/quoted.js';

/**
 * Helm's rules for a chart's reference: the repository ends in the chart's name, the tag is its
 * version (`+` written `_`). The registry library knows references; only this room knows charts in them.
 */

/** Helm writes `+` (build metadata) as `_` in a tag and reads it back; the rest of the version stays as written. */
export function versionTag(version: string): string {
  return version.replaceAll('+', '_');
}

interface ResolvedRef {
  ref: Reference;
  /** The repository path as given, set only when it held capitals (lowered in the resolved reference). */
  pathAsGiven?: string;
}

/**
 * Resolves a reference for a chart: `oci://host[:port][/ns]` (Helm-push style, `/<name>:<tag>`
 * appended) or a full `host[:port]/path/<name>[:<tag>]`. Helm's strict rule holds: the last path
 * element is the chart's name and the tag its version. Capitals in the path are lowered (GHCR owners).
 */
export function resolveChartRef(input: string, chartName: string, chartVersion: string): ResolvedRef {
  const raw = input.trim();
  const tag = versionTag(chartVersion);
  // Where an error is: the reference, which each face may call by its own name.
  const at = { where: `reference ${quoted(raw)}`, subject: 'reference' } as const;
  if (raw === '')
    throw new UserError('no reference given: the input is empty', {
      hint: 'Give oci://<registry>/<namespace>, e.g. oci://ghcr.io/my-org/charts',
    });
  const parts = splitReference(raw);
  if (parts.digest !== undefined)
    throw new UserError('a digest reference cannot be pushed to', {
      ...at,
      hint: 'Give a repository (and optionally a tag) instead of @sha256:…',
    });
  const registry = parts.registry;
  let path: string;
  let givenTag: string | undefined;
  if (parts.oci) {
    if (parts.tag !== undefined) {
      throw new UserError('an oci:// reference names a namespace, not a tag', {
        ...at,
        hint: `Drop the tag: the chart goes to ${registry}/${parts.path}/${chartName}:${tag}`,
      });
    }
    path = parts.path === '' ? chartName : `${parts.path}/${chartName}`;
  } else {
    if (/^[a-z]+:\/\//i.test(raw))
      throw new UserError('unsupported scheme', { ...at, hint: 'Use oci://host/namespace or host/namespace/name' });
    if (parts.path === '')
      throw new UserError('a full reference needs a registry and a repository', {
        ...at,
        hint: `Write it as host/namespace/${chartName}, or use oci://${raw}`,
      });
    path = parts.path;
    givenTag = parts.tag;
  }
  checkHost(registry, at.where, 'Write the host as name[:port], e.g. ghcr.io or localhost:5000', at.subject);

  const repository = asciiLower(path);
  const components = repository.split('/');
  for (const c of components) {
    if (!isRepositoryComponent(c)) {
      throw new UserError(`invalid repository name ${quoted(path)}`, {
        ...at,
        hint: 'Each path element must be lower-case letters and digits, joined by ".", "_", "__" or "-"',
      });
    }
  }
  const last = components[components.length - 1];
  if (last !== asciiLower(chartName)) {
    throw new UserError(`the reference ends in ${quoted(last)} but the chart is named ${quoted(chartName)}`, {
      ...at,
      hint: `Helm requires the repository to end in the chart's name: use oci://${[registry, ...components].join('/')} (the chart goes to ${[registry, ...components, asciiLower(chartName)].join('/')}:${tag}), or ${[registry, ...components.slice(0, -1), asciiLower(chartName)].join('/')}`,
    });
  }
  if (givenTag !== undefined && givenTag !== tag) {
    throw new UserError(`the tag ${quoted(givenTag)} differs from the chart version ${quoted(chartVersion)}`, {
      ...at,
      hint: `Helm requires the tag to be the chart's version: drop the tag (it defaults to ${tag}) or change version in Chart.yaml`,
    });
  }
  if (!isTag(tag))
    throw new UserError(`the version ${quoted(chartVersion)} does not make a valid tag`, {
      hint: 'Use a shorter version (a tag holds at most 128 characters)',
    });
  return { ref: { registry, repository, tag }, pathAsGiven: repository !== path ? path : undefined };
}

/** ASCII capitals lowered, nothing else: String#toLowerCase would also turn the Kelvin sign (U+212A) into a "k". */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}
