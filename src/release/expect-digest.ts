import path from 'node:path';
import { UserError } from '../errors.js';
import type { ChartArtifact } from '../artifact/manifest.js';
import { isDigest } from '../oci/digest.js';
import { BoundsError, readJson, type Bounds } from '../util/bounded-read.js';
import { quoted } from '../util/quoted.js';

/**
 * The digests a publication is held to, by chart: its path as the plan names it (its "chart" in the
 * matrix, "source" in the plan), its name, or `*` for every chart of the run (one digest given
 * alone: a job that publishes the one chart of a matrix entry).
 */
export type ExpectedDigests = Map<string, string>;

/** Every chart of the run is held to this key's digest. */
const EVERY = '*';

/** A plan is a few hundred bytes a chart: this holds thousands, and refuses a value that would take long to read. */
const PLAN_JSON: Bounds = { maxBytes: 8 * 1024 * 1024, maxNodes: 500_000, maxDepth: 16 };

/**
 * What a face was given to hold a publication to its plan: a digest (`sha256:…`, the manifest digest
 * the plan built, or the chart's), or the plan's JSON: the matrix (`{"include":[{"chart","digest"},…]}`)
 * or the whole plan (`[{"source","digest"},…]`, an entry without a digest is a chart that failed to
 * plan and is left out). Empty text: held to nothing. The error names what is wrong, for the face to
 * add which setting it was.
 */
export function parseExpectedDigests(text: string): ExpectedDigests | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (!value.startsWith('{') && !value.startsWith('[')) {
    if (!isDigest(value))
      throw new UserError(`the expected digest ${quoted(value)} is neither a digest (sha256: and 64 hex digits) nor a plan's JSON`, {
        hint: "Give the digest the plan built for this chart (its matrix entry's digest), or the plan's matrix or plan JSON",
        code: 'expect-digest',
      });
    return new Map([[EVERY, value]]);
  }
  let parsed: unknown;
  try {
    parsed = readJson(value, PLAN_JSON);
  } catch (err) {
    if (!(err instanceof SyntaxError) && !(err instanceof BoundsError)) throw err;
    throw new UserError(`the expected digests are not a plan's JSON (${err.message})`, {
      hint: "Give the plan's matrix or plan output as it is, or one digest",
      code: 'expect-digest',
    });
  }
  const entries = Array.isArray(parsed) ? parsed : (parsed as { include?: unknown } | null)?.include;
  if (!Array.isArray(entries))
    throw new UserError('the expected digests are JSON, but neither a plan (a list of charts) nor its matrix ({"include": [...]})', {
      hint: "Give the plan's matrix or plan output as it is, or one digest",
      code: 'expect-digest',
    });
  const out: ExpectedDigests = new Map();
  entries.forEach((e, i) => {
    const entry = (e ?? {}) as { chart?: unknown; source?: unknown; digest?: unknown; status?: unknown };
    const chart = entry.chart ?? entry.source;
    if (entry.status === 'failed' && !entry.digest) return;
    if (typeof chart !== 'string' || chart === '' || !isDigest(entry.digest))
      throw new UserError(`the expected digests' entry ${i} names no chart path and digest (${quoted(JSON.stringify(e)?.slice(0, 200))})`, {
        hint: "Give the plan's matrix or plan output as it is",
        code: 'expect-digest',
      });
    out.set(chartKey(chart), entry.digest);
  });
  return out;
}

/** A chart's path as a key: `charts/web/`, `./charts/web` and `charts/web` are one chart. */
function chartKey(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}

/**
 * Refuses, before anything is written, a chart whose build is not the planned one: its manifest
 * digest (or, for a digest given alone, its chart's digest) must be the one expected for its path,
 * else its name, else for every chart. A chart the plan does not name is refused too: it was not planned.
 */
export function checkExpected(expected: ExpectedDigests, source: string, name: string, artifact: ChartArtifact): void {
  const want = expected.get(chartKey(source)) ?? expected.get(name) ?? expected.get(EVERY);
  const manifest = artifact.manifestDescriptor.digest;
  const chart = artifact.chartDescriptor.digest;
  if (want === undefined)
    throw new UserError(`${source} (${name}) is not in the plan it is held to: no digest is expected for it`, {
      hint: 'Publish the charts the plan lists (its matrix entries), or plan again with this chart',
      code: 'expect-digest',
    });
  if (want === manifest || want === chart) return;
  throw new UserError(
    `this build is ${manifest} (chart ${chart}), not the planned ${want}: the chart is not what was planned, so nothing is published`,
    {
      where: source,
      hint: 'Plan and publish the same commit with the same inputs (version, annotations, signing key, SOURCE_DATE_EPOCH), or plan again',
    },
  );
}
