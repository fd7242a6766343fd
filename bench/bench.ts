// npm run bench: Chartlift (the bundled action, started as a runner starts it) against
// `helm package && helm push` (Helm 3.17.3 and 4.1.4), side by side, interleaved, medians over
// repeated rounds, ratios; each scenario's floor and Chartlift's own cost above it; requests and
// round trips per publish, peak memory, a start-up breakdown from CPU profiles, and the goals of
// issue #34. Writes bench/RESULTS.md.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadChart } from '../src/chart/load.js';
import { writeTar } from '../src/chart/tar-writer.js';
import { archiveEntries } from '../src/chart/package.js';
import { gzipReproducible } from '../src/chart/gzip.js';
import { sequentialRoundTrips, startTimingFront } from '../__tests__/helpers/round-trips.js';
import { breakdown, chunkLabels, type Breakdown } from './profile.js';
import { SCENARIO, writeResults, type Row } from './results.js';
import { startRegistry, type Registry } from '../__tests__/helpers/registry.js';
import { startSinglePostFront } from '../__tests__/helpers/single-post-front.js';
import { startKeylessStandIn } from '../__tests__/helpers/keyless-stand-in.js';
import { startDelayProxy } from './delay-proxy.js';
import { registryTime, type Prebuilt } from './floor.js';
import { packageSource } from '../src/release/build.js';
import { CONCURRENCY } from '../src/release/publish.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'index.js');
const HTTP_CLIENT = pathToFileURL(path.join(ROOT, 'node_modules', '@actions', 'http-client', 'lib', 'index.js')).href;
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

/**
 * An earlier build to measure in the same run (`BENCH_BASELINE=path/to/dist/index.js`, e.g. from
 * `git archive <commit> dist`): a "before" column beside Chartlift's.
 */
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
const BEFORE = 'Chartlift before';

function chartlift(
  chart: string,
  ref: string,
  extra: Record<string, string> = {},
  dist = DIST,
  runner: Record<string, string> = {},
): Promise<Timing> {
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
  return timed(process.execPath, [dist], { ...inputs, ...runner });
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
  // A file, not an argument: a loop over 400 charts is longer than one argument may be.
  const file = `${dest}.sh`;
  writeFileSync(file, `${script}\n`);
  return timed('sh', [file]);
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

async function scenario(
  name: string,
  rounds: number,
  run: (who: string, round: number) => Promise<Timing>,
  floor?: () => Promise<FloorRun>,
  helmRounds = rounds,
): Promise<Row> {
  const times: Record<string, number[]> = { Chartlift: [], ...(BASELINE ? { [BEFORE]: [] } : {}) };
  const floors: number[] = [];
  const floorCpu: number[] = [];
  const rss: Record<string, number[]> = { Chartlift: [], ...(BASELINE ? { [BEFORE]: [] } : {}) };
  const own: Record<string, number[]> = { Chartlift: [], ...(BASELINE ? { [BEFORE]: [] } : {}) };
  const reg: Record<string, number[]> = { Chartlift: [], ...(BASELINE ? { [BEFORE]: [] } : {}) };
  for (const h of Object.keys(HELM)) {
    times[h] = [];
    rss[h] = [];
    own[h] = [];
    reg[h] = [];
  }
  for (let i = 0; i < rounds; i++) {
    for (const who of Object.keys(times)) {
      if (who in HELM && i >= helmRounds) continue;
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
    if (who === BEFORE) row.before = median(times[who]);
    else if (who !== 'Chartlift') row.helm[who] = median(times[who]);
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

/** `count` copies of one `helm create` chart, each with its own name. */
function makeCharts(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const base = makeChart(dir, 'base');
  const out = Array.from({ length: count }, (_, i) => {
    const name = `chart-${String(i).padStart(3, '0')}`;
    const root = path.join(dir, name);
    cpSync(base, root, { recursive: true });
    const file = path.join(root, 'Chart.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: base$/m, `name: ${name}`));
    return root;
  });
  rmSync(base, { recursive: true });
  return out;
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

/** One format's keyless publish, new and again: wall time (median) and registry requests (of the last round). */
export interface KeylessFormatFigures {
  newMs: number;
  againMs: number;
  newRequests: number;
  againRequests: number;
  /** Of the re-run's requests, those that write (PUT, POST, PATCH, DELETE): none, for exactly once. */
  againWrites: number;
  /** Sigstore requests per new publish (Fulcio, Rekor, TSA). */
  sigstore: { fulcio: number; rekor: number; tsa: number };
}

/**
 * Keyless signing and attesting of the small chart against the Sigstore stand-in, in each
 * `signature-format` (both, the default, against bundle: what the classic tags cost), interleaved:
 * a new chart, then the same chart again (exactly once: everything read, nothing signed or written).
 */
async function keylessFormats(registry: Registry, small: string, rounds: number): Promise<Record<string, KeylessFormatFigures>> {
  const standIn = await startKeylessStandIn(work);
  const runner = standIn.env() as Record<string, string>;
  const formats = ['bundle', 'both'] as const;
  const out: Record<string, KeylessFormatFigures> = {};
  const times: Record<string, { new: number[]; again: number[] }> = {};
  for (const f of formats) times[f] = { new: [], again: [] };
  try {
    for (let i = 0; i < rounds; i++)
      for (const f of formats) {
        const inputs = standIn.inputs({ 'signature-format': f });
        const ref = `oci://${registry.host}/${unique()}`;
        const calls = { ...standIn.sigstore.calls };
        let mark = registry.mark();
        times[f].new.push((await chartlift(small, ref, inputs, DIST, runner)).ms);
        await new Promise((r) => setTimeout(r, 200));
        const newRequests = registry.requests(mark).length;
        const sigstore = {
          fulcio: standIn.sigstore.calls.fulcio - calls.fulcio,
          rekor: standIn.sigstore.calls.rekor - calls.rekor,
          tsa: standIn.sigstore.calls.tsa - calls.tsa,
        };
        mark = registry.mark();
        times[f].again.push((await chartlift(small, ref, inputs, DIST, runner)).ms);
        await new Promise((r) => setTimeout(r, 200));
        const again = registry.requests(mark);
        out[f] = {
          newMs: 0,
          againMs: 0,
          newRequests,
          againRequests: again.length,
          againWrites: again.filter((l) => /^(PUT|POST|PATCH|DELETE) /.test(l)).length,
          sigstore,
        };
      }
  } finally {
    await standIn.stop();
  }
  for (const f of formats) {
    out[f].newMs = median(times[f].new);
    out[f].againMs = median(times[f].again);
  }
  return out;
}

async function main(): Promise<void> {
  const registry = await startRegistry();
  registryCpu = () => registry.cpuMs();
  const delayed = await startDelayProxy(registry.port, 50);
  const host = registry.host;
  const slowHost = `127.0.0.1:${delayed.port}`;
  try {
    const small = makeChart(work, 'small');
    // BENCH_ONLY=keyless: the keyless formats alone, printed (RESULTS.md is left as it is).
    if (process.env.BENCH_ONLY === 'keyless') {
      process.stdout.write(`${JSON.stringify(await keylessFormats(registry, small, ROUNDS), null, 2)}\n`);
      return;
    }
    const large = makeChart(work, 'large', 2000, 10_000);
    const forty = makeCharts(path.join(work, 'forty'), 40);
    const fourHundred = makeCharts(path.join(work, 'four-hundred'), 400);

    // The floor: node's bare start plus the registry's time for the same artifacts, prebuilt.
    const nodeBare = median(await series(9, async () => (await timed(process.execPath, ['-e', '0'])).ms));
    const prebuild = async (dir: string): Promise<Prebuilt> => {
      const p = await packageSource(dir, { env });
      return { name: p.chart.metadata.name, version: p.chart.metadata.version, artifact: p.artifact };
    };
    const smallBuilt = [await prebuild(small)];
    const largeBuilt = [await prebuild(large)];
    const fortyBuilt = await Promise.all(forty.map(prebuild));
    const fourHundredBuilt: Prebuilt[] = [];
    for (const dir of fourHundred) fourHundredBuilt.push(await prebuild(dir));
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
    const both =
      (charts: string | string[], to = host) =>
      (who: string) =>
        who === 'Chartlift' || who === BEFORE
          ? chartlift(
              Array.isArray(charts) ? `${path.dirname(charts[0])}/*` : charts,
              `oci://${to}/${unique()}`,
              {},
              who === BEFORE ? BASELINE : DIST,
            )
          : helmPublish(HELM[who as keyof typeof HELM], Array.isArray(charts) ? charts : [charts], `oci://${to}/${unique()}`);

    const rows: Row[] = [];
    rows.push(await scenario(SCENARIO.small, ROUNDS, both(small), floor(host, smallBuilt)));
    rows.push(await scenario(SCENARIO.large, Math.max(3, Math.floor(ROUNDS / 2)), both(large), floor(host, largeBuilt)));
    rows.push(await scenario(SCENARIO.forty, 3, both(forty), floor(host, fortyBuilt)));
    // 400 charts: Chartlift three times, each helm loop once (it takes half a minute).
    rows.push(await scenario(SCENARIO.fourHundred, 3, both(fourHundred), floor(host, fourHundredBuilt), 1));
    const fixed = `oci://${host}/republish`;
    await chartlift(small, fixed);
    if (BASELINE) await chartlift(small, `${fixed}-before`, {}, BASELINE);
    const helmFixed: Record<string, string> = {};
    for (const h of Object.keys(HELM)) helmFixed[h] = `oci://${host}/republish-${h.replace(/\W+/g, '')}`.toLowerCase();
    rows.push(
      await scenario(
        SCENARIO.unchanged,
        ROUNDS,
        (who) =>
          who === 'Chartlift'
            ? chartlift(small, fixed)
            : who === BEFORE
              ? chartlift(small, `${fixed}-before`, {}, BASELINE)
              : helmPublish(HELM[who as keyof typeof HELM], [small], helmFixed[who]),
        floor(host, smallBuilt, 'republish'),
      ),
    );
    rows.push(await scenario(SCENARIO.rtt, ROUNDS, both(small, slowHost), floor(slowHost, smallBuilt)));

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
    // Round trips waited for in sequence, through a front that holds every answer back 40 ms.
    const roundTrips: Record<string, number> = {};
    for (const who of ['Chartlift', ...Object.keys(HELM)]) {
      const front = await startTimingFront(registry.url, 40);
      try {
        await (who === 'Chartlift'
          ? chartlift(small, `oci://${front.host}/${unique()}`)
          : helmPublish(HELM[who as keyof typeof HELM], [small], `oci://${front.host}/${unique()}`));
        roundTrips[who] = sequentialRoundTrips(front.spans);
      } finally {
        await front.stop();
      }
    }

    // Throughput: packaging the large chart on one thread (the members one after another) against gzip -6.
    const { chart } = await loadChart(large);
    const tarFile = path.join(work, 'large.tar');
    const entries = await archiveEntries(chart);
    const tar = writeTar(entries, 0);
    writeFileSync(tarFile, tar);
    const packMs = median(
      Array.from({ length: 5 }, () => {
        const s = process.hrtime.bigint();
        gzipReproducible(writeTar(entries, 0));
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
    // Keyless: signed and attested against the Sigstore stand-in on loopback (Fulcio, Rekor, a TSA, the
    // runner's token service and GitHub's attestations API), new, then the same chart again (exactly once:
    // the referrers are read and verified, nothing is signed).
    const standIn = await startKeylessStandIn(work);
    const keyless = standIn.inputs();
    const runner = standIn.env() as Record<string, string>;
    const signedMs: number[] = [];
    const unsignedMs: number[] = [];
    const keylessMs: number[] = [];
    const keylessAgainMs: number[] = [];
    try {
      for (let i = 0; i < Math.max(ROUNDS, 7); i++) {
        unsignedMs.push((await chartlift(small, `oci://${host}/${unique()}`)).ms);
        signedMs.push((await chartlift(small, `oci://${host}/${unique()}`, { 'sign-key': privateKey })).ms);
        const ref = `oci://${host}/${unique()}`;
        keylessMs.push((await chartlift(small, ref, keyless, DIST, runner)).ms);
        keylessAgainMs.push((await chartlift(small, ref, keyless, DIST, runner)).ms);
      }
    } finally {
      await standIn.stop();
    }

    const keylessByFormat = await keylessFormats(registry, small, ROUNDS);

    // Start-up: the bundle started on a missing input loads the whole publish path, then stops.
    const missingInput = () => timed(process.execPath, [DIST], { INPUT_CHART: '', GITHUB_OUTPUT: '/dev/null' }, true);
    const startup = median(await series(9, async () => (await missingInput()).ms));
    // What @actions/http-client would cost if it were loaded (it is not, on the publish path).
    const httpClientMs = median(
      await series(
        9,
        async () => (await timed(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(HTTP_CLIENT)})`])).ms,
      ),
    );
    const labels = chunkLabels(path.join(ROOT, '.build', 'stats.json'));
    const profiled = async (args: string[], extra: Record<string, string>, allowFail = false): Promise<Breakdown> => {
      const dir = mkdtempSync(path.join(work, 'prof-'));
      await timed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', ...args], extra, allowFail);
      return breakdown(path.join(dir, readdirSync(dir)[0]), labels);
    };
    const startProfile = await profiled([DIST], { INPUT_CHART: '', GITHUB_OUTPUT: '/dev/null' }, true);
    const out = path.join(work, `out-${seq++}`);
    writeFileSync(out, '');
    writeFileSync(`${out}.state`, '');
    const publishProfile = await profiled([DIST], {
      INPUT_CHART: small,
      INPUT_REF: `oci://${host}/${unique()}`,
      'INPUT_PLAIN-HTTP': 'true',
      INPUT_CACHE: path.join(work, 'cache'),
      GITHUB_OUTPUT: out,
      GITHUB_STATE: `${out}.state`,
    });

    writeResults({
      rows,
      requests,
      roundTrips,
      singlePostLabel: SINGLE_POST,
      packMs,
      gzipMs,
      tarBytes: tar.length,
      startup,
      nodeBare,
      httpClientMs,
      startProfile,
      publishProfile,
      signing: {
        signed: median(signedMs),
        unsigned: median(unsignedMs),
        keyless: median(keylessMs),
        keylessAgain: median(keylessAgainMs),
      },
      keylessByFormat,
      helmFailures,
      helm: HELM,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      floorConcurrencies: FLOOR_CONCURRENCIES,
      distFile: DIST,
      distBytes: distSize(),
      resultsFile: path.join(ROOT, 'bench', 'RESULTS.md'),
      baseline: process.env.BENCH_BASELINE_LABEL ?? (BASELINE ? path.relative(ROOT, BASELINE) : undefined),
    });
  } finally {
    await delayed.close();
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
