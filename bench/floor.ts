// The floor under any publisher on this machine: what the registry itself takes to accept the same
// artifacts, pushed from inside an already running process (no start-up, no packaging, no cache),
// over fresh connections, the same requests Chartlift makes.
import { Http } from '../src/oci/http.js';
import type { ChartArtifact } from '../src/artifact/manifest.js';
import { RegistryClient } from '../src/oci/registry.js';
import { pushArtifact } from '../src/release/push.js';
import { mapLimit } from '../src/util/concurrency.js';

export interface Prebuilt {
  name: string;
  version: string;
  artifact: ChartArtifact;
}

/** Milliseconds to push `charts` under `namespace` with `concurrency` publishes at a time. */
export async function registryTime(host: string, namespace: string, charts: Prebuilt[], concurrency: number): Promise<number> {
  const http = new Http();
  const client = new RegistryClient(http, host, { plainHttp: true });
  const start = process.hrtime.bigint();
  try {
    await mapLimit(charts, concurrency, async (c) => {
      await pushArtifact(client, { registry: host, repository: `${namespace}/${c.name}`, tag: c.version }, c.artifact, 'fail');
    });
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    await http.close();
  }
}
