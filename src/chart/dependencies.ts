import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import YAML from 'yaml';
import { UserError, fsCode } from '../errors.js';
import { findCredential } from '../oci/credentials.js';
import { RegistryError } from '../oci/errors.js';
import { Http } from '../oci/http.js';
import { RegistryClient } from '../oci/registry.js';
import { parseChartManifest } from '../release/cached.js';
import { compareBytes } from '../util/bytes-order.js';
import { checkDependencies } from './assemble.js';
import type { Chart } from './chart.js';
import { loadArchiveChart, loadChart } from './load.js';
import type { Dependency } from './metadata.js';

export interface ResolveOptions {
  log: (line: string) => void;
  plainHttp?: boolean;
}

/**
 * Vendors the dependencies Chart.yaml declares and charts/ lacks, as `helm dependency build` would
 * (a Chart.lock's versions win over Chart.yaml's ranges): `oci://` repositories through Chartlift's
 * own client, `http(s)://` chart repositories through their index.yaml (digests checked), `file://`
 * paths from disk; anything else through a helm found on PATH. Nothing is written to the chart folder.
 */
export async function resolveDependencies(chart: Chart, source: string, options: ResolveOptions): Promise<void> {
  const present = new Set(chart.dependencies.map((d) => d.metadata.name));
  const missing = chart.metadata.dependencies.filter((d) => !present.has(d.name));
  if (missing.length === 0) return;
  const locked = lockedVersions(chart);
  const http = new Http({ userAgent: 'chartlift' });
  try {
    for (const dep of missing) {
      const wanted = locked.get(dep.name) ?? dep.version;
      const where = `${source}: dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'})`;
      let sub: Chart;
      try {
        if (dep.repository.startsWith('oci://')) sub = await fromOci(http, dep, wanted, where, options);
        else if (/^https?:\/\//.test(dep.repository)) sub = await fromIndex(http, dep, wanted, where);
        else if (dep.repository.startsWith('file://'))
          sub = (await loadChart(path.resolve(dirOf(source), dep.repository.slice('file://'.length)), { allowMissingDependencies: true }))
            .chart;
        else sub = await fromHelm(source, dep, where, options.plainHttp);
      } catch (err) {
        // A network failure (a system error with a code, or the registry client's) is the user's to act
        // on too: say which dependency, and how to get past it; the registry client's hints speak of `ref`.
        const system = !(err instanceof UserError) && fsCode(err) !== undefined;
        if (!(err instanceof UserError) && !system) throw err;
        const reachability = system || (err instanceof RegistryError && err.status === undefined);
        const reason = err instanceof UserError ? err.message : `${(err as Error).message} (${fsCode(err)})`;
        throw new UserError(
          `dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'}) could not be vendored: ${reason}`,
          {
            where: source,
            hint: reachability
              ? `Check that ${dep.repository} can be reached from this machine (DNS, proxy, firewall), or vendor the dependency into charts/ (helm dependency build) and commit it`
              : ((err as UserError).hint ?? 'Check its repository and version in Chart.yaml, or vendor it into charts/'),
            cause: err,
          },
        );
      }
      options.log(`dependency ${dep.name} ${sub.metadata.version} vendored from ${dep.repository || 'helm'}`);
      chart.dependencies.push({ ...sub, origin: `${sub.metadata.name}-${sub.metadata.version}.tgz` });
    }
  } finally {
    await http.close();
  }
  chart.dependencies.sort((a, b) => compareBytes(a.origin ?? a.metadata.name, b.origin ?? b.metadata.name));
  checkDependencies(chart, source);
}

function dirOf(source: string): string {
  return source.endsWith('.tgz') ? path.dirname(source) : source;
}

function lockedVersions(chart: Chart): Map<string, string> {
  const out = new Map<string, string>();
  if (!chart.lock) return out;
  const lock = YAML.parse(chart.lock.toString('utf8')) as { dependencies?: Array<{ name?: string; version?: string }> };
  for (const d of lock?.dependencies ?? []) if (d.name && d.version) out.set(d.name, d.version);
  return out;
}

/** The highest version satisfying a Helm constraint (commas are ANDs, as in Masterminds/semver). */
export function pickVersion(versions: string[], constraint: string): string | undefined {
  const range = constraint.trim() === '' ? '*' : constraint.replaceAll(',', ' ');
  const valid = versions.filter((v) => semver.valid(v));
  if (valid.includes(constraint.trim())) return constraint.trim();
  return semver.maxSatisfying(valid, range, { includePrerelease: /-/.test(range) }) ?? undefined;
}

async function fromOci(http: Http, dep: Dependency, wanted: string, where: string, options: ResolveOptions): Promise<Chart> {
  const rest = dep.repository.slice('oci://'.length).replace(/\/+$/, '');
  const registry = rest.split('/')[0];
  const repository = `${rest.split('/').slice(1).join('/')}${rest.includes('/') ? '/' : ''}${dep.name}`;
  const found = await findCredential(registry);
  const client = new RegistryClient(http, registry, { plainHttp: options.plainHttp, credential: found?.credential });
  const tags = await client.listTags(repository);
  const version = pickVersion(
    tags.map((t) => t.replaceAll('_', '+')),
    wanted,
  );
  if (!version)
    throw new UserError(`no version matches (tags: ${tags.slice(0, 10).join(', ') || 'none'})`, {
      where,
      hint: 'Check the version range, or publish the dependency first',
    });
  const { body } = await client.fetchManifest(repository, version.replaceAll('+', '_'));
  const { chartLayer } = parseChartManifest(body, `${registry}/${repository}:${version}`);
  return loadArchiveChart(await client.fetchBlob(repository, chartLayer), `${registry}/${repository}:${version}`);
}

interface IndexEntry {
  version?: string;
  urls?: string[];
  digest?: string;
}

async function fromIndex(http: Http, dep: Dependency, wanted: string, where: string): Promise<Chart> {
  const base = dep.repository.replace(/\/+$/, '');
  const res = await http.send({ method: 'GET', url: `${base}/index.yaml`, maxBody: 64 * 1024 * 1024 });
  if (res.status !== 200)
    throw new UserError(`${base}/index.yaml answered HTTP ${res.status}`, { where, hint: 'Check the repository URL' });
  const index = YAML.parse(res.body.toString('utf8')) as { entries?: Record<string, IndexEntry[]> };
  const entries = index?.entries?.[dep.name] ?? [];
  const version = pickVersion(
    entries.map((e) => e.version ?? ''),
    wanted,
  );
  const entry = entries.find((e) => e.version === version);
  if (!entry?.urls?.[0])
    throw new UserError(`no version matches in ${base}/index.yaml`, { where, hint: 'Check the version range and the chart name' });
  const url = new URL(entry.urls[0], `${base}/`).toString();
  const tgz = await http.send({ method: 'GET', url, maxBody: 100 * 1024 * 1024 });
  if (tgz.status !== 200) throw new UserError(`${url} answered HTTP ${tgz.status}`, { where });
  if (entry.digest && createHash('sha256').update(tgz.body).digest('hex') !== entry.digest.replace(/^sha256:/, '')) {
    throw new UserError(`${url} does not match the digest in index.yaml`, {
      where,
      hint: 'The repository is serving other content than it lists',
    });
  }
  return loadArchiveChart(tgz.body, url);
}

/** Repositories Chartlift cannot read itself (`@alias`, `alias:`): `helm dependency build` in a copy. */
async function fromHelm(source: string, dep: Dependency, where: string, plainHttp?: boolean): Promise<Chart> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'chartlift-deps-'));
  try {
    const copy = path.join(temp, 'chart');
    await cp(dirOf(source), copy, { recursive: true });
    const { getExecOutput } = await import('@actions/exec');
    let out;
    try {
      out = await getExecOutput('helm', ['dependency', 'build', copy, ...(plainHttp ? ['--plain-http'] : [])], {
        silent: true,
        ignoreReturnCode: true,
      });
    } catch (err) {
      throw new UserError(`cannot be resolved without helm, and helm could not be run (${(err as Error).message})`, {
        where,
        hint: 'Use an oci:// or https:// repository, or install helm before this step',
      });
    }
    if (out.exitCode !== 0) throw new UserError(`helm dependency build failed: ${out.stderr.trim().split('\n').pop()}`, { where });
    const charts = path.join(copy, 'charts');
    for (const f of await readdir(charts)) {
      if (!f.endsWith('.tgz')) continue;
      const sub = await loadArchiveChart(await readFile(path.join(charts, f)), f);
      if (sub.metadata.name === dep.name) return sub;
    }
    throw new UserError('helm dependency build did not produce it', { where });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
