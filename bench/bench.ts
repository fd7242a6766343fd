// npm run bench: Chartlift (the bundled action, started as a runner starts it) against
// `helm package && helm push` (Helm 3.17.3 and 4.1.4), side by side, interleaved, medians over
// repeated rounds, ratios; plus requests per publish, peak memory, bundle size and start-up time.
// Writes bench/RESULTS.md.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageChart } from '../src/chart/package.js';
import { loadChart } from '../src/chart/load.js';
import { writeTar } from '../src/chart/tar-writer.js';
import { archiveEntries } from '../src/chart/package.js';
import { startRegistry, type Registry } from '../__tests__/helpers/registry.js';
import { startSinglePostFront } from '../__tests__/helpers/single-post-front.js';
import { startDelayProxy } from './delay-proxy.js';
import { registryTime, type Prebuilt } from './floor.js';
import { packageSource } from '../src/release/build.js';
import { CONCURRENCY } from '../src/action/run.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'index.js');
const HELM = { 'Helm 3.17.3': path.join(ROOT, '.tools', 'helm-3', 'helm'), 'Helm 4.1.4': path.join(ROOT, '.tools', 'helm-4', 'helm') };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const work = mkdtempSync(path.join(os.tmpdir(), 'chartlift-bench-'));
const home = path.join(work, 'home');
mkdirSync(home);
const env = {
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  XDG_CACHE_HOME: path.join(home, '.cache'),
  SOURCE_DATE_EPOCH: '1700000000',
};
let seq = 0;
const unique = (): string => `r${Date.now().toString(36)}${(seq++).toString(36)}`;

interface Timing {
  ms: number;
  rssKiB: number;
  /** The command's CPU time (user + system, ms). */
  cpuMs: number;
}

/** The registry's CPU time so far (ms); set once the registry runs. */
let registryCpu: () => number = () => 0;

/**
 * Wall time (ms) and peak RSS (KiB, from GNU time) of a command. Spawned asynchronously: the
 * registry's log pipe and the delaying front live in this process and must keep running.
 */
function timed(cmd: string, args: string[], extraEnv: Record<string, string> = {}, allowFail = false): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], {
      env: { ...env, ...extraEnv },
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && !allowFail) return reject(new Error(`${cmd} ${args.join(' ')} failed:\n${out}\n${err}`));
      const [rss, user, system] = err.trim().split('\n').pop()!.split(' ').map(Number);
      resolve({ ms, rssKiB: rss, cpuMs: (user + system) * 1000 });
    });
  });
}

function chartlift(chart: string, ref: string, extra: Record<string, string> = {}): Promise<Timing> {
  const out = path.join(work, `out-${seq++}`);
  writeFileSync(out, '');
  writeFileSync(`${out}.state`, '');
  const inputs: Record<string, string> = {
    INPUT_CHART: chart,
    INPUT_REF: ref,
    'INPUT_PLAIN-HTTP': 'true',
    INPUT_CACHE: path.join(work, 'cache'),
    GITHUB_OUTPUT: out,
    GITHUB_STATE: `${out}.state`,
  };
  for (const [k, v] of Object.entries(extra)) inputs[`INPUT_${k.toUpperCase()}`] = v;
  return timed(process.execPath, [DIST], inputs);
}

const FLOOR_CONCURRENCIES = [4, 8, 16];
const SINGLE_POST = 'Chartlift, new chart, registry with single-request uploads (a loopback front adds them to distribution 2.8)';

/** helm publishes that failed (helm does not retry; the benchmark tries once more and counts them). */
const helmFailures: string[] = [];

async function helmPublish(helm: string, charts: string[], ref: string): Promise<Timing> {
  try {
    return await helmPublishOnce(helm, charts, ref);
  } catch (err) {
    helmFailures.push(`${path.basename(path.dirname(helm))} → ${ref}: ${(err as Error).message.split('\n').slice(-3).join(' ').trim()}`);
    return helmPublishOnce(helm, charts, `${ref}-again`);
  }
}

function helmPublishOnce(helm: string, charts: string[], ref: string): Promise<Timing> {
  const dest = path.join(work, `pkg-${seq++}`);
  const script = charts
    .map(
      (c) =>
        `"${helm}" package "${c}" -d "${dest}" >/dev/null && "${helm}" push "${dest}/$(ls "${dest}" | tail -n1)" "${ref}" --plain-http && rm -f "${dest}"/*.tgz`,
    )
    .join(' && ');
  return timed('sh', ['-c', script]);
}

async function series(n: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

/** The action's files in dist/ (the CLI's own copy left out). */
function distSize(): number {
  const dir = path.dirname(DIST);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(path.join(dir, e.name)).size, 0);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface FloorRun {
  ms: number;
  registryCpuMs: number;
}

interface Row {
  scenario: string;
  chartlift: number;
  helm: Record<string, number>;
  rss: Record<string, number>;
  /** Node's bare start plus the registry's own time for the same requests (bench/floor.ts). */
  floor?: number;
  /** Median CPU time (ms) per publisher: its own process, and the registry's during its publish. */
  cpu: Record<string, { own: number; registry: number }>;
  floorRegistryCpu?: number;
}

async function scenario(
  name: string,
  rounds: number,
  run: (who: string, round: number) => Promise<Timing>,
  floor?: () => Promise<FloorRun>,
): Promise<Row> {
  const times: Record<string, number[]> = { Chartlift: [] };
  const floors: number[] = [];
  const floorCpu: number[] = [];
  const rss: Record<string, number[]> = { Chartlift: [] };
  const own: Record<string, number[]> = { Chartlift: [] };
  const reg: Record<string, number[]> = { Chartlift: [] };
  for (const h of Object.keys(HELM)) {
    times[h] = [];
    rss[h] = [];
    own[h] = [];
    reg[h] = [];
  }
  for (let i = 0; i < rounds; i++) {
    for (const who of Object.keys(times)) {
      const before = registryCpu();
      const r = await run(who, i);
      reg[who].push(registryCpu() - before);
      times[who].push(r.ms);
      rss[who].push(r.rssKiB);
      own[who].push(r.cpuMs);
    }
    if (floor) {
      const f = await floor();
      floors.push(f.ms);
      floorCpu.push(f.registryCpuMs);
    }
  }
  const row: Row = {
    scenario: name,
    chartlift: median(times.Chartlift),
    helm: {},
    rss: {},
    cpu: {},
    floor: floor ? median(floors) : undefined,
    floorRegistryCpu: floor ? median(floorCpu) : undefined,
  };
  for (const who of Object.keys(times)) {
    if (who !== 'Chartlift') row.helm[who] = median(times[who]);
    row.rss[who] = Math.max(...rss[who]);
    row.cpu[who] = { own: median(own[who]), registry: median(reg[who]) };
  }
  process.stderr.write(
    `${name}: Chartlift ${row.chartlift.toFixed(0)} ms; ${Object.entries(row.helm)
      .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
      .join('; ')}${row.floor === undefined ? '' : `; floor ${row.floor.toFixed(0)} ms`}\n`,
  );
  return row;
}

function makeChart(dir: string, name: string, files = 0, bytesPerFile = 0): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'templates'), { recursive: true });
  execFileSync(HELM['Helm 3.17.3'], ['create', name], { cwd: dir });
  if (files > 0) {
    mkdirSync(path.join(root, 'files'), { recursive: true });
    for (let i = 0; i < files; i++) {
      const text = Array.from(
        { length: Math.ceil(bytesPerFile / 64) },
        () => `${randomBytes(24).toString('base64')} value-${i} ${'x'.repeat(16)}\n`,
      ).join('');
      writeFileSync(path.join(root, 'files', `f-${String(i).padStart(4, '0')}.txt`), text.slice(0, bytesPerFile));
    }
  }
  return root;
}

async function requestsFor(registry: Registry, fn: () => Promise<unknown>): Promise<number> {
  const mark = registry.mark();
  await fn();
  await new Promise((r) => setTimeout(r, 200));
  return registry.requests(mark).length;
}

async function main(): Promise<void> {
  const registry = await startRegistry();
  registryCpu = () => registry.cpuMs();
  const delayed = await startDelayProxy(registry.port, 50);
  const host = registry.host;
  const slowHost = `127.0.0.1:${delayed.port}`;
  try {
    const small = makeChart(work, 'small');
    const large = makeChart(work, 'large', 2000, 10_000);
    const many = path.join(work, 'many');
    mkdirSync(many);
    const forty = Array.from({ length: 40 }, (_, i) => makeChart(many, `chart-${String(i).padStart(2, '0')}`));

    // The floor: node's bare start plus the registry's time for the same artifacts, prebuilt.
    const nodeBare = median(await series(7, async () => (await timed(process.execPath, ['-e', '0'])).ms));
    const prebuild = async (dir: string): Promise<Prebuilt> => {
      const p = await packageSource(dir, { env });
      return { name: p.chart.metadata.name, version: p.chart.metadata.version, artifact: p.artifact };
    };
    const smallBuilt = [await prebuild(small)];
    const largeBuilt = [await prebuild(large)];
    const fortyBuilt = await Promise.all(forty.map(prebuild));
    // Several charts: the best of a few concurrencies, so that the floor is not Chartlift's choice of one.
    const floor = (to: string, charts: Prebuilt[], namespace?: string) => async (): Promise<FloorRun> => {
      let best: FloorRun | undefined;
      for (const c of charts.length > 1 ? FLOOR_CONCURRENCIES : [1]) {
        const before = registryCpu();
        const ms = await registryTime(to, namespace ?? unique(), charts, c);
        const run = { ms: nodeBare + ms, registryCpuMs: registryCpu() - before };
        if (!best || run.ms < best.ms) best = run;
      }
      return best!;
    };

    const rows: Row[] = [];
    rows.push(
      await scenario(
        'one small chart (helm create), new',
        ROUNDS,
        (who) =>
          who === 'Chartlift'
            ? chartlift(small, `oci://${host}/${unique()}`)
            : helmPublish(HELM[who as keyof typeof HELM], [small], `oci://${host}/${unique()}`),
        floor(host, smallBuilt),
      ),
    );
    rows.push(
      await scenario(
        'one large chart (2,000 files, 20 MB), new',
        Math.max(3, Math.floor(ROUNDS / 2)),
        (who) =>
          who === 'Chartlift'
            ? chartlift(large, `oci://${host}/${unique()}`)
            : helmPublish(HELM[who as keyof typeof HELM], [large], `oci://${host}/${unique()}`),
        floor(host, largeBuilt),
      ),
    );
    rows.push(
      await scenario(
        '40 charts: one step vs a helm loop',
        3,
        (who) =>
          who === 'Chartlift'
            ? chartlift(`${many}/*`, `oci://${host}/${unique()}`)
            : helmPublish(HELM[who as keyof typeof HELM], forty, `oci://${host}/${unique()}`),
        floor(host, fortyBuilt),
      ),
    );
    const fixed = `oci://${host}/republish`;
    await chartlift(small, fixed);
    const helmFixed: Record<string, string> = {};
    for (const h of Object.keys(HELM)) helmFixed[h] = `oci://${host}/republish-${h.replace(/\W+/g, '')}`.toLowerCase();
    rows.push(
      await scenario(
        'republishing an unchanged chart',
        ROUNDS,
        (who) => (who === 'Chartlift' ? chartlift(small, fixed) : helmPublish(HELM[who as keyof typeof HELM], [small], helmFixed[who])),
        floor(host, smallBuilt, 'republish'),
      ),
    );
    rows.push(
      await scenario(
        'one small chart, new, 50 ms RTT',
        ROUNDS,
        (who) =>
          who === 'Chartlift'
            ? chartlift(small, `oci://${slowHost}/${unique()}`)
            : helmPublish(HELM[who as keyof typeof HELM], [small], `oci://${slowHost}/${unique()}`),
        floor(slowHost, smallBuilt),
      ),
    );

    const requests: Record<string, number> = {
      'Chartlift, new chart': await requestsFor(registry, () => chartlift(small, `oci://${host}/${unique()}`)),
      'Chartlift, unchanged chart': await requestsFor(registry, () => chartlift(small, fixed)),
    };
    for (const [h, bin] of Object.entries(HELM))
      requests[`${h}, new chart`] = await requestsFor(registry, () => helmPublish(bin, [small], `oci://${host}/${unique()}`));
    const single = await startSinglePostFront(registry.url);
    try {
      await chartlift(small, `oci://${single.host}/${unique()}`);
      requests[SINGLE_POST] = single.requests.length;
    } finally {
      await single.stop();
    }

    // Throughput: Chartlift's packaging of the large chart against gzip -6 on the same tar bytes.
    const { chart } = await loadChart(large);
    const tarFile = path.join(work, 'large.tar');
    writeFileSync(tarFile, writeTar(archiveEntries(chart), 0));
    const tarBytes = statSync(tarFile).size;
    const packMs = median(
      Array.from({ length: 5 }, () => {
        const s = process.hrtime.bigint();
        packageChart(chart, 0);
        return Number(process.hrtime.bigint() - s) / 1e6;
      }),
    );
    const gzipMs = median(await series(5, async () => (await timed('sh', ['-c', `gzip -6 -c "${tarFile}" > /dev/null`])).ms));

    // Signing: the same small chart published new, signed (an Ed25519 key) and not, interleaved.
    const openpgp = await import('openpgp');
    const { privateKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'bench' }],
      format: 'armored',
    });
    const signedMs: number[] = [];
    const unsignedMs: number[] = [];
    for (let i = 0; i < Math.max(ROUNDS, 7); i++) {
      unsignedMs.push((await chartlift(small, `oci://${host}/${unique()}`)).ms);
      signedMs.push((await chartlift(small, `oci://${host}/${unique()}`, { 'sign-key': privateKey })).ms);
    }
    const signing = { signed: median(signedMs), unsigned: median(unsignedMs) };

    const bundle = statSync(DIST).size;
    const startup = median(
      await series(7, async () => (await timed(process.execPath, [DIST], { INPUT_CHART: '', GITHUB_OUTPUT: '/dev/null' }, true)).ms),
    );
    writeResults({ rows, requests, packMs, gzipMs, tarBytes, bundle, startup, nodeBare, signing });
  } finally {
    await delayed.close();
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function writeResults(r: {
  rows: Row[];
  requests: Record<string, number>;
  packMs: number;
  gzipMs: number;
  tarBytes: number;
  bundle: number;
  startup: number;
  nodeBare: number;
  signing: { signed: number; unsigned: number };
}): void {
  const helmVersions = Object.entries(HELM).map(([k, bin]) => `${k} (${execFileSync(bin, ['version', '--short']).toString().trim()})`);
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  const lines: string[] = [
    '# Benchmark results',
    '',
    'Generated by `npm run bench` (bench/bench.ts); every figure below comes from one run of it.',
    '',
    `- Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
    `- Node ${process.version} (the runner's node24), ${helmVersions.join(', ')}`,
    `- Registry: Debian's docker-registry (CNCF distribution 2.8) on loopback; 50 ms RTT through a delaying TCP front`,
    `- Medians of ${ROUNDS} interleaved rounds (3 for 40 charts); Chartlift is \`node dist/index.js\` with INPUT_* variables, as a runner starts it; helm is \`helm package && helm push\``,
    '',
    '## Wall time',
    '',
    '| scenario | Chartlift | Helm 3.17.3 | Helm 4.1.4 | ratio vs Helm 3 | ratio vs Helm 4 | floor | floor vs Helm 3 / 4 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of r.rows) {
    const h3 = row.helm['Helm 3.17.3'];
    const h4 = row.helm['Helm 4.1.4'];
    const floor =
      row.floor === undefined
        ? '| |'
        : `| ${row.floor.toFixed(0)} ms | ${(row.floor / h3).toFixed(2)}× / ${(row.floor / h4).toFixed(2)}× |`;
    lines.push(
      `| ${row.scenario} | ${row.chartlift.toFixed(0)} ms | ${h3.toFixed(0)} ms | ${h4.toFixed(0)} ms | ${(row.chartlift / h3).toFixed(2)}× | ${(row.chartlift / h4).toFixed(2)}× ${floor}`,
    );
  }
  lines.push(
    '',
    `The floor is what no publisher started as a process can beat on this machine: bare \`node -e 0\` (${r.nodeBare.toFixed(0)} ms) plus the`,
    "registry's own time for the same artifacts, prebuilt and pushed from inside a running process (bench/floor.ts: no start-up,",
    `no packaging, no cache; the same requests; for several charts the best of ${FLOOR_CONCURRENCIES.join(', ')} at a time, Chartlift uses ${CONCURRENCY}).`,
    "Above it, Chartlift's own cost is the difference.",
    '',
    '## Signing (issue #15)',
    '',
    `A new small chart published signed (Ed25519, provenance layer) and unsigned, interleaved: ${r.signing.signed.toFixed(0)} ms against ${r.signing.unsigned.toFixed(0)} ms, ${(r.signing.signed / r.signing.unsigned).toFixed(2)}× (target: at most 1.20×, ${r.signing.signed / r.signing.unsigned <= 1.2 ? 'met' : 'not met'}). RSA and Ed25519 keys sign natively on node:crypto; openpgp.js is a chunk of its own, loaded only for other keys and for verifying.`,
    '',
    '## The targets of issue #7',
    '',
    '| target | Chartlift | met | the floor alone |',
    '| --- | ---: | :---: | ---: |',
  );
  const ratioTarget = (label: string, prefix: string, max: number): void => {
    const row = r.rows.find((x) => x.scenario.startsWith(prefix))!;
    const worst = Math.max(...Object.values(row.helm).map((h) => row.chartlift / h));
    const floorBest = row.floor === undefined ? undefined : Math.min(...Object.values(row.helm).map((h) => row.floor! / h));
    lines.push(
      `| ${label}: at most ${max}× helm | ${worst.toFixed(2)}× | ${worst <= max ? 'yes' : 'no'} | ${floorBest === undefined ? '' : `${floorBest.toFixed(2)}×${floorBest > max ? ' (above the target)' : ''}`} |`,
    );
  };
  ratioTarget('one small chart', 'one small chart (helm create)', 0.5);
  ratioTarget('40 charts', '40 charts', 0.1);
  ratioTarget('50 ms RTT', 'one small chart, new, 50 ms RTT', 0.4);
  const newRequests = r.requests['Chartlift, new chart'];
  const unchangedRequests = r.requests['Chartlift, unchanged chart'];
  const singleRequests = r.requests[SINGLE_POST];
  lines.push(
    `| requests for a new chart: at most 5 (distribution 2.8) | ${newRequests} | ${newRequests <= 5 ? 'yes' : 'no'} | 6: HEAD, 2 × (POST + PUT), PUT |`,
    `| requests for a new chart: at most 5 (single-request uploads) | ${singleRequests} | ${singleRequests <= 5 ? 'yes' : 'no'} | |`,
    `| requests for an unchanged chart: 1 | ${unchangedRequests} | ${unchangedRequests === 1 ? 'yes' : 'no'} | |`,
    `| packaging throughput: within 2× of gzip -6 | ${(r.packMs / r.gzipMs).toFixed(2)}× | ${r.packMs / r.gzipMs <= 2 ? 'yes' : 'no'} | |`,
  );
  lines.push('', '## Requests per publish (from the registry’s access log)', '', '| publish | requests |', '| --- | ---: |');
  for (const [k, v] of Object.entries(r.requests)) lines.push(`| ${k} | ${v} |`);
  lines.push(
    '',
    '## CPU time per publish (user + system)',
    '',
    'The publisher’s own process, then the registry’s during that publish. On this machine’s',
    `${os.cpus().length} cores, no publish can take less wall time than the two together divided by the cores.`,
    '',
    '| scenario | Chartlift | Helm 3.17.3 | Helm 4.1.4 | floor (registry) |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  const cpuCell = (c: { own: number; registry: number }): string => `${c.own.toFixed(0)} + ${c.registry.toFixed(0)} ms`;
  for (const row of r.rows)
    lines.push(
      `| ${row.scenario} | ${cpuCell(row.cpu.Chartlift)} | ${cpuCell(row.cpu['Helm 3.17.3'])} | ${cpuCell(row.cpu['Helm 4.1.4'])} | ${row.floorRegistryCpu === undefined ? '' : `${row.floorRegistryCpu.toFixed(0)} ms`} |`,
    );
  lines.push('', '## Peak memory (max RSS)', '', '| scenario | Chartlift | Helm 3.17.3 | Helm 4.1.4 |', '| --- | ---: | ---: | ---: |');
  for (const row of r.rows)
    lines.push(
      `| ${row.scenario} | ${(row.rss.Chartlift / 1024).toFixed(0)} MiB | ${(row.rss['Helm 3.17.3'] / 1024).toFixed(0)} MiB | ${(row.rss['Helm 4.1.4'] / 1024).toFixed(0)} MiB |`,
    );
  const mbps = (r.tarBytes / 1e6 / (r.packMs / 1000)).toFixed(0);
  const gzMbps = (r.tarBytes / 1e6 / (r.gzipMs / 1000)).toFixed(0);
  lines.push(
    '',
    '## Packaging throughput (the large chart)',
    '',
    `Chartlift packages ${(r.tarBytes / 1e6).toFixed(1)} MB of tar in ${r.packMs.toFixed(0)} ms (${mbps} MB/s); \`gzip -6\` on the same tar takes ${r.gzipMs.toFixed(0)} ms (${gzMbps} MB/s, process start included): ratio ${(r.packMs / r.gzipMs).toFixed(2)}×.`,
    '',
    '## The bundle',
    '',
    `dist/index.js is ${(r.bundle / 1024).toFixed(0)} KiB (with the chunks loaded on demand, dist/ holds ${(distSize() / 1024).toFixed(0)} KiB for the action); \`node dist/index.js\` starts and exits (on a missing input) in ${r.startup.toFixed(0)} ms, of which bare \`node -e 0\` is ${r.nodeBare.toFixed(0)} ms.`,
    '',
    `What a runner must install: nothing for Chartlift (dist/ comes with the action; node24 is the runner's). For helm, a binary of ${Object.entries(
      HELM,
    )
      .map(([k, bin]) => `${(statSync(bin).size / 2 ** 20).toFixed(0)} MiB (${k})`)
      .join(', ')} to download and unpack in a setup step before the first publish.`,
    '',
    '## Failed publishes',
    '',
    helmFailures.length === 0
      ? 'None: every publish of every tool succeeded at the first try.'
      : `helm failed ${helmFailures.length} publish(es) (it does not retry; the benchmark tried once more, and the retry's time is the one counted):\n\n${helmFailures.map((f) => `- ${f}`).join('\n')}`,
    '',
  );
  writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

await main();
