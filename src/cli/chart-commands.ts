import { UserError } from '../errors.js';
import { findCredential } from '../oci/credentials.js';
import { Http } from '../oci/http.js';
import { Layout } from '../oci/layout.js';
import { parseReference, refString } from '../oci/reference.js';
import { RegistryClient } from '../oci/registry.js';
import { buildChart } from '../release/build.js';
import { readCached } from '../release/cached.js';
import { exportChart } from '../release/export.js';
import { formatTable, listCharts } from '../release/list.js';
import { pullChart } from '../release/pull.js';
import { pushArtifact, type IfExists } from '../release/push.js';
import { describeLines, pushLine } from '../release/report.js';
import { saveToCache } from '../release/save.js';

export async function saveCommand(dir: string, ref: string, cache: string): Promise<void> {
  const built = await buildChart(dir, ref, process.env, { warn: (line) => console.error(`warning: ${line}`) });
  await saveToCache(cache, built.refName, built.artifact);
  const { name, version } = built.chart.metadata;
  console.log([...describeLines(built.refName, { artifact: built.artifact, name, version }), `${built.ref.tag}: saved`].join('\n'));
}

export async function listCommand(cache: string): Promise<void> {
  console.log(formatTable(await listCharts(new Layout(cache))));
}

export async function exportCommand(ref: string, cache: string, dir: string): Promise<void> {
  const refName = refString(parseReference(ref));
  const c = await readCached(new Layout(cache), refName);
  const target = await exportChart(c, dir);
  const shown = (dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`) + `${c.name}/`;
  console.log([...describeLines(refName, c), `Exported chart to ${target.endsWith(shown.slice(0, -1)) ? shown : `${target}/`}`].join('\n'));
}

export async function removeCommand(ref: string, cache: string): Promise<void> {
  const r = parseReference(ref);
  const refName = refString(r);
  const layout = new Layout(cache);
  if (!(await layout.remove(refName))) {
    throw new UserError(`${refName} is not in the cache`, { hint: 'See `chartlift chart list`' });
  }
  console.log(`${r.tag}: removed`);
}

async function withClient<T>(registry: string, plainHttp: boolean, fn: (client: RegistryClient) => Promise<T>): Promise<T> {
  const http = new Http({ userAgent: 'chartlift' });
  try {
    const found = await findCredential(registry);
    return await fn(new RegistryClient(http, registry, { plainHttp, credential: found?.credential }));
  } finally {
    await http.close();
  }
}

export async function pushCommand(ref: string, cache: string, options: { plainHttp: boolean; ifExists: IfExists }): Promise<void> {
  const r = parseReference(ref);
  const refName = refString(r);
  const c = await readCached(new Layout(cache), refName);
  console.log(`The push refers to repository [${r.registry}/${r.repository}]`);
  const outcome = await withClient(r.registry, options.plainHttp, (client) => pushArtifact(client, r, c.artifact, options.ifExists));
  const last = pushLine({ artifact: c.artifact, ref: r }, outcome.status, outcome.digest);
  console.log([...describeLines(refName, c), last].join('\n'));
}

export async function pullCommand(ref: string, cache: string, options: { plainHttp: boolean }): Promise<void> {
  const r = parseReference(ref);
  const refName = refString(r);
  console.log(`${r.tag}: Pulling from ${r.registry}/${r.repository}`);
  const outcome = await withClient(r.registry, options.plainHttp, (client) => pullChart(client, r, new Layout(cache)));
  const status = outcome.downloaded ? `Status: Downloaded newer chart for ${refName}` : `Status: Chart is up to date for ${refName}`;
  console.log([...describeLines(refName, outcome.cached), status].join('\n'));
}
