import { execFile } from 'node:child_process';
import { basicAuth } from '../oci/basic-auth.js';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { versionTag } from '../artifact/chart-ref.js';
import { FetchBudget } from '../artifact/fetch-budget.js';
import { parseChartManifest } from '../artifact/parse.js';
import { checkDependencies } from '../chart/assemble.js';
import { UnpackBudget, type Chart } from '../chart/chart.js';
import { loadArchiveChart, loadChart } from '../chart/load.js';
import { CHART_YAML_BOUNDS, readYaml, BoundsError, type YamlBounds } from '../util/bounded-read.js';
import { lockState, hashRequirements } from '../chart/lock.js';
import { canonicalVersion, type Dependency } from '../chart/metadata.js';
import { UserError, fsCode } from '../errors.js';
import type { Credential } from '../oci/auth.js';
import { RegistryError } from '../oci/errors.js';
import { BodyTooLarge, type Http } from '../oci/http.js';
import { dependencyRepository } from '../oci/reference.js';
import type { RegistryClient } from '../oci/registry.js';
import { compareBytes } from '../util/bytes-order.js';
import { loadYaml } from '../util/yaml-lib.js';

/**
 * What dependency resolution reaches the network with: the run's own HTTP (its CA, TLS, timeout and
 * proxy settings), its registry clients (credentials, retries, shared tokens), and the credentials
 * Helm would send to a chart repository.
 */
export interface DependencyAccess {
  http: Http;
  client(registry: string): Promise<RegistryClient>;
  repositoryCredential(url: string): Promise<Credential | undefined>;
  plainHttp?: boolean;
}

interface ResolveOptions {
  log: (line: string) => void;
  access: DependencyAccess;
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
  checkLockInSync(chart, source);
  const locked = lockedVersions(chart);
  // One budget for all the dependencies together, fetched and unpacked: the chart they make up is one
  // chart, within Helm's 100 MiB however many dependencies its Chart.yaml lists.
  const budgets: Budgets = { fetched: new FetchBudget(`${source}: its dependencies`), unpacked: new UnpackBudget() };
  for (const dep of missing) {
    const wanted = locked.get(dep.name) ?? dep.version;
    const where = `${source}: dependency ${JSON.stringify(dep.name)} (${dep.repository || 'no repository'}, ${wanted || 'any version'})`;
    let sub: Chart;
    try {
      if (dep.repository.startsWith('oci://')) sub = await fromOci(dep, wanted, where, options.access, budgets);
      else if (/^https?:\/\//.test(dep.repository)) sub = await fromIndex(dep, wanted, where, options.access, budgets);
      else if (dep.repository.startsWith('file://'))
        sub = (await loadChart(path.resolve(dirOf(source), dep.repository.slice('file://'.length)), { allowMissingDependencies: true }))
          .chart;
      else sub = await fromHelm(source, dep, where, budgets, options.access.plainHttp);
    } catch (err) {
      // A network failure (a system error with a code, or the registry client's) is the user's to act
      // on too: say which dependency, and how to get past it; the registry client's hints are about the chart's own reference.
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
  chart.dependencies.sort((a, b) => compareBytes(a.origin ?? a.metadata.name, b.origin ?? b.metadata.name));
  checkDependencies(chart, source);
}

function dirOf(source: string): string {
  return source.endsWith('.tgz') ? path.dirname(source) : source;
}

/** `helm dependency build` refuses a Chart.lock whose digest no longer matches Chart.yaml's dependencies. */
function checkLockInSync(chart: Chart, source: string): void {
  if (!chart.lock) return;
  const lock = lockState(chart.lock);
  if (hashRequirements(chart.metadata.dependencies, lock.dependencies) === lock.digest) return;
  throw new UserError('Chart.lock is out of sync with the dependencies in Chart.yaml', {
    where: source,
    hint: 'Run helm dependency update and commit the new Chart.lock (helm dependency build refuses it too)',
  });
}

function lockedVersions(chart: Chart): Map<string, string> {
  const out = new Map<string, string>();
  if (!chart.lock) return out;
  const lock = readYaml(chart.lock.toString('utf8'), CHART_YAML_BOUNDS) as { dependencies?: Array<{ name?: string; version?: string }> };
  for (const d of lock?.dependencies ?? []) if (d.name && d.version) out.set(d.name, d.version);
  return out;
}

/**
 * The highest version satisfying a Helm constraint (commas are ANDs, as in Masterminds/semver). Versions
 * are read as Helm reads them (`v1.2`, `1.2`, `01.2.3` too) and returned as written (they name the tag).
 */
function pickVersion(versions: string[], constraint: string): string | undefined {
  const range = constraint.trim() === '' ? '*' : constraint.replaceAll(',', ' ');
  const written = new Map<string, string>();
  for (const v of versions) {
    const canonical = canonicalVersion(v);
    if (canonical !== undefined && semver.valid(canonical) && !written.has(canonical)) written.set(canonical, v);
  }
  if ([...written.values()].includes(constraint.trim())) return constraint.trim();
  const best = semver.maxSatisfying([...written.keys()], range, { includePrerelease: /-/.test(range) });
  return best === null ? undefined : written.get(best);
}

interface Budgets {
  fetched: FetchBudget;
  unpacked: UnpackBudget;
}

async function fromOci(dep: Dependency, wanted: string, where: string, access: DependencyAccess, budgets: Budgets): Promise<Chart> {
  const { registry, repository } = dependencyRepository(dep.repository, dep.name);
  const client = await access.client(registry);
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
  const { body } = await client.fetchManifest(repository, versionTag(version));
  const { chartLayer } = parseChartManifest(body, `${registry}/${repository}:${version}`);
  budgets.fetched.take(chartLayer);
  return loadArchiveChart(await client.fetchBlob(repository, chartLayer), `${registry}/${repository}:${version}`, budgets.unpacked);
}

/**
 * A chart repository's index.yaml: 8 MiB and 100,000 nodes (a few thousand chart versions) keep its
 * parse near 150 MiB and a few seconds; past them, a clear error rather than gigabytes.
 */
const INDEX_BOUNDS: YamlBounds = { maxBytes: 8 * 1024 * 1024, maxNodes: 100_000, maxDepth: 64, maxAliases: 100 };

interface IndexEntry {
  version?: string;
  urls?: string[];
  digest?: string;
}

async function fromIndex(dep: Dependency, wanted: string, where: string, access: DependencyAccess, budgets: Budgets): Promise<Chart> {
  const base = dep.repository.replace(/\/+$/, '');
  const credential = await access.repositoryCredential(base);
  const basic = credential && 'password' in credential ? basicAuth(credential.username, credential.password) : undefined;
  // Helm sends the repository's credentials to its own origin only (pass_credentials_all aside).
  const headersFor = (url: string) => (basic && new URL(url).origin === new URL(`${base}/`).origin ? { authorization: basic } : undefined);
  const indexUrl = `${base}/index.yaml`;
  const tooLarge = (what: string) =>
    new UserError(`${indexUrl} ${what}`, {
      where,
      hint: 'Chartlift reads an index.yaml of up to 8 MiB and 100,000 nodes: use an oci:// repository, or vendor the dependency into charts/',
    });
  let res;
  try {
    res = await access.http.send({ method: 'GET', url: indexUrl, headers: headersFor(indexUrl), maxBody: INDEX_BOUNDS.maxBytes });
  } catch (err) {
    if (err instanceof BodyTooLarge) throw tooLarge(`is larger than the ${INDEX_BOUNDS.maxBytes}-byte bound`);
    throw err;
  }
  if (res.status === 401 || res.status === 403)
    throw new UserError(`${indexUrl} answered HTTP ${res.status}${credential ? ' to the credentials given' : ''}`, {
      where,
      hint: credential
        ? 'Check the user name and password stored for this repository (helm repo add --username … --password …)'
        : 'Add the repository with its credentials first: helm repo add NAME URL --username … --password … (Chartlift reads repositories.yaml)',
    });
  let index: { entries?: Record<string, IndexEntry[]> } | null;
  // Loaded outside the try: only what the parser says of the text is "not YAML".
  await loadYaml();
  try {
    index = readYaml(res.body.toString('utf8'), INDEX_BOUNDS) as typeof index;
  } catch (err) {
    if (err instanceof BoundsError) throw tooLarge(err.message);
    throw new UserError(`${indexUrl} is not YAML: ${(err as Error).message.split('\n')[0]}`, { where });
  }
  const entries = index?.entries?.[dep.name] ?? [];
  const version = pickVersion(
    entries.map((e) => e.version ?? ''),
    wanted,
  );
  const entry = entries.find((e) => e.version === version);
  if (!entry?.urls?.[0])
    throw new UserError(`no version matches in ${base}/index.yaml`, { where, hint: 'Check the version range and the chart name' });
  const url = new URL(entry.urls[0], `${base}/`).toString();
  let tgz;
  try {
    tgz = await access.http.send({ method: 'GET', url, headers: headersFor(url), maxBody: budgets.fetched.left });
  } catch (err) {
    if (err instanceof BodyTooLarge)
      throw new UserError(`${url} is larger than the ${budgets.fetched.left} bytes the chart's dependencies have left`, {
        where,
        hint: 'A chart with its dependencies unpacks to at most 100 MiB (Helm refuses more): vendor fewer or smaller dependencies',
      });
    throw err;
  }
  if (tgz.status !== 200) throw new UserError(`${url} answered HTTP ${tgz.status}`, { where });
  if (entry.digest && createHash('sha256').update(tgz.body).digest('hex') !== entry.digest.replace(/^sha256:/, '')) {
    throw new UserError(`${url} does not match the digest in index.yaml`, {
      where,
      hint: 'The repository is serving other content than it lists',
    });
  }
  budgets.fetched.take({ mediaType: '', digest: url, size: tgz.body.length });
  return loadArchiveChart(tgz.body, url, budgets.unpacked);
}

/** `helm ARGS` from PATH: its exit code and stderr (a failure to start rejects). */
function runHelm(args: string[]): Promise<{ exitCode: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('helm', args, { timeout: 600_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, _stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      if (err && typeof code !== 'number') reject(err);
      else resolve({ exitCode: typeof code === 'number' ? code : 0, stderr });
    });
  });
}

/** Repositories Chartlift cannot read itself (`@alias`, `alias:`): `helm dependency build` in a copy. */
async function fromHelm(source: string, dep: Dependency, where: string, budgets: Budgets, plainHttp?: boolean): Promise<Chart> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'chartlift-deps-'));
  try {
    const copy = path.join(temp, 'chart');
    await cp(dirOf(source), copy, { recursive: true });
    let out;
    try {
      out = await runHelm(['dependency', 'build', copy, ...(plainHttp ? ['--plain-http'] : [])]);
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
      const sub = await loadArchiveChart(await readFile(path.join(charts, f)), f, budgets.unpacked);
      if (sub.metadata.name === dep.name) return sub;
    }
    throw new UserError('helm dependency build did not produce it', { where });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
