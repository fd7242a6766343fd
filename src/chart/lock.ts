import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { goString, parseGoYaml } from './go-values.js';
import { loadYaml } from '../util/yaml-lib.js';
import { yamlSyntaxError } from './yaml-error.js';
import { dependency, dependencyJson, goYaml, type Dependency } from './metadata.js';
import { goStructJson } from './go-values.js';

const RFC3339 = /^(\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;

/**
 * Chart.lock (or requirements.lock) read into Helm's Lock and written back as Helm writes it. With
 * the library (its `generated` is a time stamp, outside simple-yaml.ts's subset): `lockState` relies on it.
 */
export async function readLock(data: Buffer, where: string): Promise<Buffer> {
  await loadYaml();
  let doc: unknown;
  try {
    doc = parseGoYaml(data.toString('utf8'));
  } catch (err) {
    throw yamlSyntaxError(err, where, 'Regenerate it with helm dependency update');
  }
  const obj = (doc ?? {}) as Record<string, unknown>;
  if (typeof obj !== 'object' || Array.isArray(obj))
    throw new UserError('expected a map', { where, hint: 'Regenerate it with helm dependency update' });
  try {
    const generated = goTime(goString(obj.generated, 'generated'));
    const deps = Array.isArray(obj.dependencies)
      ? obj.dependencies.map((d, i) => dependencyJson(dependency(d, `dependencies[${i}]`)))
      : null;
    const json = goStructJson([
      ['generated', generated],
      ['digest', goString(obj.digest, 'digest')],
      ['dependencies', deps],
    ]);
    return Buffer.from(await goYaml(json));
  } catch (err) {
    throw new UserError((err as Error).message, { where, hint: 'Regenerate it with helm dependency update' });
  }
}

/** Go's time.Time through JSON: RFC 3339 in, RFC 3339 with trailing fraction zeros trimmed out. */
function goTime(s: string): string {
  if (s === '') return '0001-01-01T00:00:00Z';
  const m = RFC3339.exec(s);
  if (!m) throw new Error(`generated ${JSON.stringify(s)} is not an RFC 3339 time`);
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return `${m[1].replace('t', 'T')}${frac === '.' ? '' : frac}${m[3].toUpperCase()}`;
}

/** The digest and dependencies of a Chart.lock as `readLock` wrote it (having loaded the library). */
export function lockState(lock: Buffer): { digest: string; dependencies: Dependency[] } {
  const obj = (parseGoYaml(lock.toString('utf8')) ?? {}) as { digest?: unknown; dependencies?: unknown };
  const deps = Array.isArray(obj.dependencies) ? obj.dependencies.map((d, i) => dependency(d, `dependencies[${i}]`)) : [];
  return { digest: goString(obj.digest, 'digest'), dependencies: deps };
}

/**
 * Helm's resolver.HashReq: the SHA-256 of `json.Marshal([2][]*chart.Dependency{req, lock})`, what
 * Chart.lock's `digest` records so that `helm dependency build` can tell a stale lock.
 */
export function hashRequirements(req: readonly Dependency[], lock: readonly Dependency[]): string {
  const list = (deps: readonly Dependency[]) => (deps.length === 0 ? 'null' : `[${deps.map((d) => dependencyJson(d).text).join(',')}]`);
  return `sha256:${createHash('sha256')
    .update(`[${list(req)},${list(lock)}]`)
    .digest('hex')}`;
}
