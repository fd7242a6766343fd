// npm run bench:plan: what a plan costs on the benchmark's 400 charts (helm create, 400 copies, as
// bench.ts makes them), against the publishes it stands beside: the requests that reach the registry
// (by method) and the wall time of the bundled action started as a runner starts it, medians of
// interleaved rounds. Prints a Markdown table (docs/performance.md quotes it).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRegistry, type Registry } from '../__tests__/helpers/registry.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'index.js');
const HELM = path.join(ROOT, '.tools', 'helm-3', 'helm');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COUNT = 400;
const work = mkdtempSync(path.join(os.tmpdir(), 'chartlift-bench-plan-'));
const env = { PATH: process.env.PATH ?? '', HOME: work, SOURCE_DATE_EPOCH: '1700000000' };

function makeCharts(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  execFileSync(HELM, ['create', 'base'], { cwd: dir });
  const base = path.join(dir, 'base');
  for (let i = 0; i < count; i++) {
    const name = `chart-${String(i).padStart(3, '0')}`;
    cpSync(base, path.join(dir, name), { recursive: true });
    const file = path.join(dir, name, 'Chart.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: base$/m, `name: ${name}`));
  }
  rmSync(base, { recursive: true });
}

/** One step of the action on every chart: its wall time and CPU time (ms, GNU time's user + system), peak RSS (KiB), exit code. */
function action(inputs: Record<string, string>): Promise<{ ms: number; cpuMs: number; rssKiB: number; code: number }> {
  const out = path.join(work, `out-${Math.random().toString(36).slice(2)}`);
  writeFileSync(out, '');
  writeFileSync(`${out}.state`, '');
  const vars: Record<string, string> = { ...env, GITHUB_OUTPUT: out, GITHUB_STATE: `${out}.state`, 'INPUT_PLAIN-HTTP': 'true' };
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', process.execPath, DIST], { env: vars, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const [rss, user, system] = err.trim().split('\n').pop()!.split(' ').map(Number);
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (user + system) * 1000, rssKiB: rss, code: code ?? -1 });
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Requests by method since `mark`, as `HEAD 400, GET 2`. */
function byMethod(registry: Registry, mark: number): { total: number; text: string } {
  const counts = new Map<string, number>();
  for (const line of registry.requests(mark)) counts.set(line.split(' ')[0], (counts.get(line.split(' ')[0]) ?? 0) + 1);
  return { total: registry.requests(mark).length, text: [...counts].map(([m, n]) => `${m} ${n}`).join(', ') };
}

async function main(): Promise<void> {
  const registry = await startRegistry();
  try {
    const charts = path.join(work, 'charts');
    makeCharts(charts, COUNT);
    const chart = `${charts}/*`;
    const cache = path.join(work, 'cache');
    // Published once, so that a plan and a publish meet 400 unchanged charts.
    const first = await action({ chart, ref: `oci://${registry.host}/published`, cache });
    if (first.code !== 0) throw new Error('the first publish failed');
    // The same charts with 3 changed: 2 new versions, and one version published with other files.
    const changed = path.join(work, 'changed');
    cpSync(charts, changed, { recursive: true });
    for (const [name, version] of [
      ['chart-010', '0.2.0'],
      ['chart-020', '0.2.0'],
      ['chart-030', ''],
    ] as const) {
      const file = path.join(changed, name, 'Chart.yaml');
      if (version) writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
      writeFileSync(
        path.join(changed, name, 'values.yaml'),
        `${readFileSync(path.join(changed, name, 'values.yaml'), 'utf8')}\nextra: true\n`,
      );
    }
    const rows: Array<[string, () => ReturnType<typeof action>]> = [
      ['plan, 400 unchanged', () => action({ chart, ref: `oci://${registry.host}/published`, plan: 'true', cache })],
      ['publish, 400 unchanged', () => action({ chart, ref: `oci://${registry.host}/published`, cache })],
      ['plan, 400 new', () => action({ chart, ref: `oci://${registry.host}/nowhere`, plan: 'true', cache })],
      [
        'plan, 3 of 400 changed (1 differs)',
        () => action({ chart: `${changed}/*`, ref: `oci://${registry.host}/published`, plan: 'true', cache }),
      ],
    ];
    const times = new Map<string, number[]>(rows.map(([name]) => [name, []]));
    const cpu = new Map<string, number[]>(rows.map(([name]) => [name, []]));
    const rss = new Map<string, number[]>(rows.map(([name]) => [name, []]));
    const requests = new Map<string, string>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of rows) {
        const mark = registry.mark();
        const r = await run();
        if (r.code !== 0) throw new Error(`${name} failed`);
        await new Promise((res) => setTimeout(res, 200));
        const counted = byMethod(registry, mark);
        requests.set(name, `${counted.total} (${counted.text})`);
        times.get(name)!.push(r.ms);
        cpu.get(name)!.push(r.cpuMs);
        rss.get(name)!.push(r.rssKiB);
      }
    }
    const node = median(
      await Promise.all(
        Array.from(
          { length: 5 },
          () =>
            new Promise<number>((resolve) => {
              const start = process.hrtime.bigint();
              spawn(process.execPath, ['-e', '0']).on('close', () => resolve(Number(process.hrtime.bigint() - start) / 1e6));
            }),
        ),
      ),
    );
    console.log(`| step (${COUNT} charts, one step) | wall (median of ${ROUNDS}) | CPU | peak RSS | requests to the registry |`);
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const [name] of rows)
      console.log(
        `| ${name} | ${(median(times.get(name)!) / 1000).toFixed(2)} s | ${(median(cpu.get(name)!) / 1000).toFixed(2)} s | ${Math.round(median(rss.get(name)!) / 1024)} MiB | ${requests.get(name)} |`,
      );
    console.log(`\n(bare \`node -e 0\`: ${node.toFixed(0)} ms; ${os.cpus().length} cores)`);
  } finally {
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
