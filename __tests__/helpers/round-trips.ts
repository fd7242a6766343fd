import { startFaultyFront } from './faulty-front.js';

export interface Span {
  start: number;
  end: number;
  what: string;
}

/**
 * A front for a registry that holds every answer back `holdMs` and records when each request came
 * and when its answer left: requests sent together overlap, a request sent after an answer follows it.
 */
export async function startTimingFront(upstream: string, holdMs = 40): Promise<{ host: string; spans: Span[]; stop(): Promise<void> }> {
  const spans: Span[] = [];
  const front = await startFaultyFront(upstream, {
    decide: () => undefined,
    intercept: async (req, res, forward) => {
      const start = performance.now();
      const up = await forward();
      await new Promise((r) => setTimeout(r, holdMs));
      res.writeHead(up.status, up.headers).end(req.method === 'HEAD' ? undefined : up.body);
      spans.push({ start, end: performance.now(), what: `${req.method} ${req.url.replace(/\?.*/, '')}` });
      return true;
    },
  });
  return { host: front.host, spans, stop: () => front.stop() };
}

/** The longest chain of requests each sent after the previous one's answer: the round trips a run waits for. */
export function sequentialRoundTrips(spans: Array<{ start: number; end: number }>): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((s, i) => (depth[i] = 1 + Math.max(0, ...sorted.slice(0, i).flatMap((p, j) => (p.end <= s.start ? [depth[j]] : [])))));
  return Math.max(0, ...depth);
}
