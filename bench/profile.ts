// Where a run's milliseconds go, from a V8 CPU profile (`node --cpu-prof`): compiling, collecting
// garbage, waiting (idle: the event loop with nothing to run, i.e. the network and the registry),
// Node's own modules, system calls, and JavaScript by package (the bundle's chunks, named from
// ncc's module statistics).
import { readFileSync } from 'node:fs';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Breakdown {
  /** The profile's span (ms): from Node's bootstrap to exit. */
  spanMs: number;
  /** ms per category, largest first. */
  categories: Array<[string, number]>;
}

const COMPILE = new Set(['compileSourceTextModule', 'compileForInternalLoader', 'compileFunction', 'compileFunctionForCJSLoader']);

/** Which package each bundle file holds most of (`.build/stats.json`): "Chartlift" for src/. */
export function chunkLabels(statsFile: string): Map<string, string> {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as {
    chunks: Array<{ files: string[]; modules: Array<{ name: string; size: number }> }>;
  };
  const out = new Map<string, string>();
  for (const chunk of stats.chunks) {
    const sizes = new Map<string, number>();
    for (const m of chunk.modules) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m.name)?.[1] ?? 'Chartlift';
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + m.size);
    }
    const labels = [...sizes].sort((a, b) => b[1] - a[1]).map(([p]) => p);
    for (const f of chunk.files) out.set(f, labels.slice(0, 2).join(' + '));
  }
  return out;
}

export function breakdown(profileFile: string, labels: Map<string, string>): Breakdown {
  const p = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const frame = byId.get(p.samples[i])!;
    const label = categorize(frame.functionName, frame.url, labels);
    totals.set(label, (totals.get(label) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  return { spanMs: (p.endTime - p.startTime) / 1000, categories: [...totals].sort((a, b) => b[1] - a[1]) };
}

function categorize(fn: string, url: string, labels: Map<string, string>): string {
  if (COMPILE.has(fn)) return 'compiling JavaScript';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)') return 'waiting (network, registry, disk)';
  if (fn === '(program)') return 'V8 and Node, outside JavaScript';
  if (url.includes('/dist/')) return `JavaScript: ${labels.get(url.split('/').pop()!) ?? 'bundle'}`;
  if (url.startsWith('node:')) return "JavaScript: Node's own modules";
  if (url === '') return 'system calls and native code';
  return 'JavaScript: other';
}
