import { UserError } from '../errors.js';
import { compareBytes } from '../util/bytes-order.js';
import type { Chart, ChartFile } from './chart.js';
import { readLock } from './lock.js';
import { emptyMetadata, readMetadataYaml, validateMetadata } from './metadata.js';
import { checkValuesYaml, GoYamlError } from './go-values.js';
import { yamlSyntaxError } from './yaml-error.js';
import { BoundsError, CHART_YAML_BOUNDS, readJson, type Bounds } from '../util/bounded-read.js';

/**
 * Loads a chart from archive-relative files, as Helm's LoadFiles does; `origin` names it in errors.
 * Like Helm's loader it does not check declared dependencies: `helm package` checks only the top
 * chart's (`checkDependencies`), so a subchart may lean on a library chart its parent vendors.
 */
export async function assemble(
  files: ChartFile[],
  origin: string,
  loadArchive: (data: Buffer, origin: string) => Promise<Chart>,
): Promise<Chart> {
  const chartYaml = files.find((f) => f.name === 'Chart.yaml');
  if (!chartYaml) {
    throw new UserError('no Chart.yaml found', {
      where: origin,
      hint: 'Give the folder that holds Chart.yaml, or a packaged .tgz',
      code: 'no-chart-yaml',
    });
  }
  const md = emptyMetadata();
  await readMetadataYaml(chartYaml.data.toString('utf8'), md, `${origin}/Chart.yaml`);
  if (md.apiVersion === '') md.apiVersion = 'v1';

  const chart: Chart = { metadata: md, templates: [], files: [], dependencies: [] };
  const subcharts = new Map<string, ChartFile[]>();
  for (const f of files) {
    const where = `${origin}/${f.name}`;
    switch (true) {
      case f.name === 'Chart.yaml':
        break;
      case f.name === 'Chart.lock':
        chart.lock = await readLock(f.data, where);
        break;
      case f.name === 'values.yaml':
        await checkValues(f.data, where);
        chart.values = f.data;
        break;
      case f.name === 'values.schema.json':
        checkJson(f.data, where);
        chart.schema = f.data;
        break;
      case f.name === 'requirements.yaml':
        await readMetadataYaml(f.data.toString('utf8'), md, where);
        if (md.apiVersion === 'v1') chart.files.push(f);
        break;
      case f.name === 'requirements.lock':
        chart.lock = await readLock(f.data, where);
        if (md.apiVersion === 'v1') chart.files.push(f);
        break;
      case f.name.startsWith('templates/'):
        chart.templates.push(f);
        break;
      case f.name.startsWith('charts/'): {
        if (f.name.endsWith('.prov')) {
          chart.files.push(f);
          break;
        }
        const rest = f.name.slice('charts/'.length);
        const slash = rest.indexOf('/');
        const key = slash < 0 ? rest : rest.slice(0, slash);
        const group = subcharts.get(key) ?? [];
        group.push({ name: rest, data: f.data });
        subcharts.set(key, group);
        break;
      }
      default:
        chart.files.push(f);
    }
  }
  validateMetadata(md, `${origin}/Chart.yaml`);

  // Helm walks a Go map here (a random order); sorting by entry name makes the archive reproducible.
  for (const key of [...subcharts.keys()].sort(compareBytes)) {
    if (key.startsWith('_') || key.startsWith('.')) continue;
    const group = subcharts.get(key) ?? [];
    const where = `${origin}/charts/${key}`;
    if (key.endsWith('.tgz')) {
      if (group[0].name !== key)
        throw new UserError('a folder is named like an archive', { where, hint: 'Rename the folder so it does not end in .tgz' });
      chart.dependencies.push({ ...(await loadArchive(group[0].data, where)), origin: key });
      continue;
    }
    const inner = group.filter((f) => f.name.includes('/')).map((f) => ({ name: f.name.slice(key.length + 1), data: f.data }));
    if (inner.length === 0) {
      throw new UserError('is not a chart', {
        where,
        hint: 'charts/ holds subcharts only (folders with a Chart.yaml, or .tgz files): move the file elsewhere or list it in .helmignore',
      });
    }
    chart.dependencies.push({ ...(await assemble(inner, where, loadArchive)), origin: key });
  }
  return chart;
}

/** `helm package` refuses a chart whose Chart.yaml names dependencies that charts/ lacks. */
export function checkDependencies(chart: Chart, origin: string): void {
  const present = new Set(chart.dependencies.map((d) => d.metadata.name));
  const missing = chart.metadata.dependencies.filter((d) => !present.has(d.name)).map((d) => d.name);
  if (missing.length > 0) {
    throw new UserError(`dependencies declared in Chart.yaml are missing from charts/: ${missing.join(', ')}`, {
      where: origin,
      hint: 'Vendor them first (helm dependency build) or remove them from Chart.yaml',
    });
  }
}

/**
 * Dependencies that a subchart (at any depth) declares and that neither it nor any chart above it
 * vendors. Helm packages such a chart; templates that use them fail only when rendered, so these are
 * worth a warning, not a refusal. One that a chart above vendors is met: Helm shares every chart's
 * templates (bitnami's subcharts rely on their parent's `common` this way).
 */
export function unmetSubchartDependencies(chart: Chart, at = '', above: ReadonlySet<string> = new Set()): string[] {
  const here = new Set([...above, ...chart.dependencies.map((d) => d.metadata.name)]);
  const out: string[] = [];
  for (const sub of chart.dependencies) {
    const where = `${at}charts/${sub.origin ?? sub.metadata.name}`;
    const vendored = new Set([...here, ...sub.dependencies.map((d) => d.metadata.name)]);
    for (const d of sub.metadata.dependencies) {
      if (!vendored.has(d.name)) out.push(`${where} declares the dependency ${JSON.stringify(d.name)}, which no chart vendors`);
    }
    out.push(...unmetSubchartDependencies(sub, `${where}/`, here));
  }
  return out;
}

async function checkValues(data: Buffer, where: string): Promise<void> {
  try {
    await checkValuesYaml(data.toString('utf8'));
  } catch (err) {
    if (err instanceof BoundsError)
      throw new UserError(`too large to check: it ${err.message}`, {
        where,
        hint: `Chartlift checks values files of up to ${CHART_YAML_BOUNDS.maxNodes} nodes: move bulk data into a file the templates read (.Files.Get)`,
      });
    if (!(err instanceof GoYamlError)) throw err;
    if (err.position) throw yamlSyntaxError(err, where, 'Fix the values file: Helm cannot load it either');
    throw new UserError(`invalid values: ${err.message}`, { where, hint: 'Fix the values file: Helm cannot load it either' });
  }
}

/** values.schema.json: 500,000 values (about 60 MiB parsed) is far beyond any schema. */
const SCHEMA_JSON: Bounds = { maxBytes: 5 * 1024 * 1024, maxNodes: 500_000, maxDepth: 256 };

function checkJson(data: Buffer, where: string): void {
  try {
    readJson(data.toString('utf8'), SCHEMA_JSON);
  } catch (err) {
    if (err instanceof BoundsError)
      throw new UserError(`too large to check: it ${err.message}`, {
        where,
        hint: `Chartlift checks schemas of up to ${SCHEMA_JSON.maxNodes} values`,
      });
    throw new UserError(`invalid JSON: ${(err as Error).message}`, { where, hint: 'values.schema.json must be valid JSON Schema' });
  }
}
