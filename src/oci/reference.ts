import { UserError, type Subject } from '../errors.js';
import { quoted } from '../util/quoted.js';

/** A registry reference: `host[:port]/repository[:tag]`. */
export interface Reference {
  registry: string;
  repository: string;
  tag: string;
}

const REPO_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

/** A reference's text split into its parts, the one place that does it: the shape only, nothing checked. */
interface SplitReference {
  /** Written as `oci://…` (Helm-push style: the path is a namespace). */
  oci: boolean;
  registry: string;
  path: string;
  tag?: string;
  digest?: string;
}

export function splitReference(input: string): SplitReference {
  const trimmed = input.trim();
  const oci = /^oci:\/\//i.test(trimmed);
  let rest = trimmed.replace(/^oci:\/\//i, '').replace(/\/+$/, '');
  let digest: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > rest.indexOf('/') && rest.indexOf('/') >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const registry = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '' : rest.slice(slash + 1);
  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon >= 0 && colon > path.lastIndexOf('/')) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  return { oci, registry, path, tag, digest };
}

/**
 * Why `host` (`name[:port]` or `[ipv6][:port]`) is not a registry host, or undefined when it is one:
 * the shape (HOST), a port in 1–65535, and an address the URL parser takes. The one check of a host,
 * so that no later `new URL` fails with a bare "Invalid URL".
 */
const SHAPE = 'it is not name[:port]';

function hostProblem(host: string): string | undefined {
  if (!HOST.test(host)) return SHAPE;
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `the port ${port} is outside 1–65535`;
  if (
    host
      .split(':')[0]
      .split('.')
      .some((label) => label.length > 63)
  )
    return 'a name in it is longer than 63 characters';
  try {
    new URL(`https://${host}/`);
  } catch {
    return 'it is not an address';
  }
  return undefined;
}

/** `host` checked (hostProblem), or a UserError naming it and why (`where` starting with `subject`, if given). */
export function checkHost(host: string, where: string | undefined, hint: string, subject?: Subject): void {
  const problem = hostProblem(host);
  if (problem) throw new UserError(`invalid registry host ${quoted(host)}: ${problem}`, { where, hint, subject });
}

/**
 * A registry host as a person types it for `registry login` (`host[:port]`, or `oci://host`): one
 * clear error for anything else (a user name, a path, a query), which would store a key no tool reads.
 */
export function parseRegistryHost(input: string): string {
  const raw = input
    .trim()
    .replace(/^oci:\/\//i, '')
    .replace(/\/+$/, '');
  const problem = hostProblem(raw);
  if (problem)
    throw new UserError(`${quoted(input)} is not a registry host${problem === SHAPE ? '' : `: ${problem}`}`, {
      hint: 'Give the host and port only, e.g. ghcr.io or localhost:5000 (no user name, path or query)',
    });
  return raw;
}

/** Whether `component` is one element of a repository path (lower case, joined by `.`, `_`, `__` or `-`). */
export function isRepositoryComponent(component: string): boolean {
  return REPO_COMPONENT.test(component);
}

/** Whether `tag` is a valid tag (at most 128 characters, no `+`). */
export function isTag(tag: string): boolean {
  return TAG.test(tag);
}

export function refString(ref: Reference): string {
  return `${ref.registry}/${ref.repository}:${ref.tag}`;
}

/** Parses a full reference `host[:port]/path[:tag]` (the CLI's REF); the tag is required. */
export function parseReference(input: string): Reference {
  const where = `reference ${quoted(input)}`;
  const { registry, path, tag, digest } = splitReference(input);
  if (path === '') throw new UserError('expected host/path/name:tag', { where, hint: 'e.g. localhost:5000/myrepo/mychart:0.1.0' });
  if (digest !== undefined) throw new UserError('a digest reference is not a cache entry', { where, hint: 'Give host/path/name:tag' });
  if (tag === undefined) throw new UserError('the tag is missing', { where, hint: 'Add :<version>, e.g. …/mychart:0.1.0' });
  checkHost(registry, where, 'e.g. localhost:5000');
  if (!path.split('/').every((c) => REPO_COMPONENT.test(c)))
    throw new UserError(`invalid repository name ${quoted(path)}`, {
      where,
      hint: 'Lower-case letters and digits, joined by ".", "_", "__" or "-"',
    });
  if (!TAG.test(tag))
    throw new UserError(`invalid tag ${quoted(tag)}`, {
      where,
      hint: 'A tag holds letters, digits, "_", "." and "-" (a "+" is written "_")',
    });
  return { registry, repository: path, tag };
}

/**
 * The registry and repository of an `oci://host[:port][/namespace]` dependency named `name`, as
 * `helm dependency build` forms it (`<repository>/<name>`), checked like any reference before it
 * names a request: a dependency's name comes from a Chart.yaml, and may hold anything.
 */
export function dependencyRepository(repositoryUrl: string, name: string): { registry: string; repository: string } {
  const where = `dependency ${quoted(name)} (${quoted(repositoryUrl)})`;
  const { registry, path, tag, digest } = splitReference(repositoryUrl);
  if (tag !== undefined || digest !== undefined)
    throw new UserError('an oci:// repository names a namespace, not a tag or digest', { where, hint: 'Give oci://host/namespace' });
  checkHost(registry, where, 'Write the repository as oci://host[:port]/namespace');
  const repository = path === '' ? name : `${path}/${name}`;
  if (!repository.split('/').every((c) => REPO_COMPONENT.test(c)))
    throw new UserError(`invalid repository name ${quoted(repository)}`, {
      where,
      hint: 'The namespace and the dependency name must be lower-case letters and digits, joined by ".", "_", "__" or "-" (as Helm requires)',
    });
  return { registry, repository };
}
