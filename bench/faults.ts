// npm run bench:faults: 10 publishes of a small chart, one after another, through a loopback front
// that fails 40% of requests (503, 502, 429 with Retry-After: 1, or swallowed: read and never
// answered), seeded so a run can be replayed (BENCH_FAULTS_SEED). Each publish's wall time, its
// outcome and its retries, and the median; the figures of docs/performance.md ("A registry that
// fails"). Times are measured here and never asserted in a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction } from '../__tests__/helpers/action.js';
import { seeded, startFaultyFront, type Fault } from '../__tests__/helpers/faulty-front.js';
import { startRegistry } from '../__tests__/helpers/registry.js';

const RUNS = Number(process.env.BENCH_FAULTS_RUNS ?? 10);
const RATE = Number(process.env.BENCH_FAULTS_RATE ?? 0.4);
const SEED = Number(process.env.BENCH_FAULTS_SEED ?? 20261207);
const KINDS: Fault[] = ['503', '502', '429', 'swallow'];

const work = mkdtempSync(path.join(os.tmpdir(), 'chartlift-faults-'));
const registry = await startRegistry();
const random = seeded(SEED);
const front = await startFaultyFront(registry.url, {
  decide: () => (random() < RATE ? KINDS[Math.floor(random() * KINDS.length)] : undefined),
});
const rows: Array<{ ms: number; ok: boolean; retries: number; faults: string }> = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const root = path.join(work, `chart-${i}`);
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'Chart.yaml'), `apiVersion: v2\nname: faults-${i}\nversion: 1.0.0\n`);
    writeFileSync(path.join(root, 'values.yaml'), 'replicas: 1\n');
    writeFileSync(path.join(root, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    const before = { ...front.faults };
    const seen = front.requests.length;
    const started = process.hrtime.bigint();
    const r = await runAction(
      { chart: root, ref: `oci://${front.host}/faults`, 'plain-http': 'true', cache: path.join(work, 'cache') },
      { env: { SOURCE_DATE_EPOCH: '1700000000' } },
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const faults = KINDS.map((k) => `${front.faults[k] - before[k]}×${k}`).join(' ');
    const retries = (r.stdout.match(/retrying|restarting/g) ?? []).length;
    rows.push({ ms, ok: r.code === 0, retries, faults });
    process.stderr.write(
      `publish ${i + 1}: ${(ms / 1000).toFixed(1)} s, ${r.code === 0 ? 'published' : 'FAILED'}, ${front.requests.length - seen} requests (${faults}), ${retries} retries\n`,
    );
    if (process.env.BENCH_FAULTS_LOG) {
      const mine = front.requests.slice(seen);
      for (const q of mine)
        process.stderr.write(
          `  ${((q.at - mine[0].at) / 1000).toFixed(2).padStart(6)} s ${q.method} ${q.url.split('?')[0]} ${q.fault ?? ''}\n`,
        );
      process.stderr.write(`${r.stdout}\n`);
    }
  }
} finally {
  await front.stop();
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
const sorted = rows.map((r) => r.ms).sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`| publish | wall | outcome | retries | faults met |\n| ---: | ---: | --- | ---: | --- |`);
for (const [i, r] of rows.entries())
  console.log(`| ${i + 1} | ${(r.ms / 1000).toFixed(1)} s | ${r.ok ? 'published' : 'failed'} | ${r.retries} | ${r.faults} |`);
console.log(
  `\n${rows.filter((r) => r.ok).length} of ${rows.length} published; median ${(median / 1000).toFixed(1)} s, slowest ${(sorted.at(-1)! / 1000).toFixed(1)} s (seed ${SEED}, ${RATE * 100}% faults).`,
);
