import { UserError } from '../errors.js';
import type { Descriptor } from '../oci/digest.js';
import type { ChartArtifact } from '../artifact/manifest.js';
import { MediaType } from '../artifact/media-types.js';
import type { Reference } from '../oci/reference.js';
import { SINGLE_POST_MAX, type RegistryClient } from '../oci/registry.js';
import { sleep } from '../oci/retry.js';
import { monotonicMs } from '../util/clock.js';
import { compareWithRegistry, type Vouching } from './same-chart.js';

export type IfExists = 'fail' | 'skip' | 'overwrite';

interface PushOutcome {
  status: 'pushed' | 'unchanged' | 'skipped';
  /** The digest the tag points at afterwards. */
  digest: string;
  /** What the tag holds when it held the same chart under another manifest (status `unchanged`). */
  existing?: ChartArtifact;
}

/** How old a look-up may be when the build is ready: older, and it found the tag, the tag is asked for again. */
export const LOOKUP_MAX_AGE_MS = 1000;

export interface PushOptions {
  mountFrom?: string;
  /** What the tag held when looked up (while the chart was packaged), and when that look-up was made (Date.now()). */
  current?: Promise<string | undefined>;
  currentAskedAt?: number;
  beforeCommit?: Promise<unknown>;
  /**
   * Started once it is decided that the tag is written (not for an unchanged or skipped chart),
   * beside the upload; the manifest waits for it, so its failure leaves the tag as it was.
   */
  beforeWrite?: () => Promise<unknown>;
  /**
   * Where to hand the read-back instead of waiting for it here: a step publishing many charts
   * awaits them all at its end, so that the settling wait holds no slot another chart could use.
   * A read-back that rejects means the chart was not, after all, pushed.
   */
  readBacks?: Array<Promise<void>>;
  /** This run signs what stands (see Vouching): a registry copy it cannot account for is a difference, not the same chart. */
  vouch?: Vouching;
  /**
   * How long after its write the tag is read back: `settle` (the default) once another run's write would
   * have landed (see settleTime), for a face with nothing after its run (the CLI); `now`, right after
   * the write, for one that reads every tag it wrote once more at the end of the job (the action's post
   * step: the window is then the rest of the job, at no cost to the step).
   */
  readBack?: 'settle' | 'now';
}

/**
 * Publishes an artifact in three steps: `decide` (what the tag holds: the same manifest, or the same
 * chart under another one, is left as it is; only a real change meets `ifExists`), `upload` (the blobs
 * the registry lacks), `commit` (the manifest, written last, and only once `beforeCommit` has settled
 * well, so a failure never leaves a tag pointing at missing blobs; then read back).
 */
export async function pushArtifact(
  client: RegistryClient,
  ref: Reference,
  artifact: ChartArtifact,
  ifExists: IfExists,
  options: PushOptions = {},
): Promise<PushOutcome> {
  let current = await (options.current ?? client.resolveTag(ref.repository, ref.tag, true));
  // A tag found while a large chart was packaged is asked for again once the build is ready: "unchanged",
  // "skip" and "fail" are decided on what it holds now, not seconds ago. A tag not found needs no second
  // look: the write path asks again just before writing (TagCheck).
  if (current !== undefined && options.currentAskedAt !== undefined && Date.now() - options.currentAskedAt > LOOKUP_MAX_AGE_MS)
    current = await client.resolveTag(ref.repository, ref.tag, true);
  const early = await decide(client, ref, artifact, ifExists, current, options.vouch);
  if (early) return early;
  // Registries offer no conditional tag update. A new tag is asked for again once the last upload
  // request has gone out, body and all (a run that wrote it meanwhile is then met as if-exists says),
  // and read back after the write (a run that wrote in between is reported, not silently overwritten).
  // Asked beside that request rather than after its answer: one round trip fewer, for a window as long
  // as the registry takes to answer it.
  const check = new TagCheck(client, ref, current === undefined);
  // The tag is asked again once both the upload and `beforeWrite` are done, so that the window
  // (and the settling wait that follows the write) does not include the longer of the two.
  let waiting = options.beforeWrite ? 2 : 1;
  const oneDone = (): void => {
    if (--waiting === 0) check.askAgain();
  };
  const before = options.beforeWrite?.().then(oneDone);
  // Safe: awaited below, right after the upload; only an upload that fails first leaves it unawaited.
  before?.catch(() => {});
  await upload(client, ref, artifact, { known: current !== undefined, mountFrom: options.mountFrom, lastSent: oneDone });
  await Promise.all([options.beforeCommit, before]);
  return commit(client, ref, artifact, ifExists, check, current, options);
}

/**
 * The tag as this run last saw it before writing: when it was asked (the start of the window in
 * which another run's write goes unseen), and, for a new tag, the answer to asking again.
 */
class TagCheck {
  at = monotonicMs();
  #again?: Promise<string | undefined>;

  constructor(
    readonly client: RegistryClient,
    readonly ref: Reference,
    /** Whether the tag was new (held nothing): only then is it asked for again. */
    readonly isNew: boolean,
  ) {}

  /** Asks once, now; later calls do nothing. */
  askAgain(): void {
    if (!this.isNew || this.#again) return;
    this.at = monotonicMs();
    this.#again = this.client.resolveTag(this.ref.repository, this.ref.tag, true);
    // Safe: `commit` awaits this same promise and reports its failure; only when the upload or
    // `beforeCommit` fails first is it never awaited, and then that failure is the one reported.
    this.#again.catch(() => {});
  }

  /** What asking again found (asked now if the upload never did), or undefined for a tag that held something. */
  async answer(): Promise<string | undefined> {
    this.askAgain();
    return this.#again;
  }
}

/**
 * Uploads the blobs the registry lacks, all at once; `lastSent` is called as the last request of the
 * last blob goes out. A new tag's small blobs are almost always new too: uploading one that exists
 * costs less than asking (`known`: the tag held something, so they are asked for).
 */
async function upload(
  client: RegistryClient,
  ref: Reference,
  artifact: ChartArtifact,
  options: { known: boolean; mountFrom?: string; lastSent: () => void },
): Promise<void> {
  const blobs: Array<[Descriptor, Buffer]> = [[artifact.configDescriptor, artifact.config]];
  for (const layer of artifact.layers)
    blobs.push([layer, layer.digest === artifact.chartDescriptor.digest ? artifact.chart : artifact.provenance!]);
  const ask = (d: Descriptor): boolean => options.known || d.size > SINGLE_POST_MAX || options.mountFrom !== undefined;
  let unsent = blobs.length;
  await Promise.all(
    blobs.map(async ([d, data]) => {
      // A blob's final request may be sent again (a retried upload): it is counted once.
      let sent = false;
      const finalSent = (): void => {
        if (sent) return;
        sent = true;
        if (--unsent === 0) options.lastSent();
      };
      if (ask(d) && (await client.hasBlob(ref.repository, d))) return finalSent();
      if (options.mountFrom && (await client.mountBlob(ref.repository, d, options.mountFrom))) return finalSent();
      await client.uploadBlob(ref.repository, d, data, finalSent);
      finalSent();
    }),
  );
}

/**
 * Writes the manifest, unless asking again found the new tag written meanwhile (then `decide` again),
 * checks the digest the registry reports, and reads the tag back once another run's write would have landed.
 * A write answered with a transient failure is sent again only after the tag is asked once more: the
 * failed one may have landed after all, or let another run's write in meanwhile (decided as above), and
 * the window and the settling wait are those of the write that lands, not of the first attempt.
 */
async function commit(
  client: RegistryClient,
  ref: Reference,
  artifact: ChartArtifact,
  ifExists: IfExists,
  check: TagCheck,
  current: string | undefined,
  { readBacks, vouch, readBack: when = 'settle' }: PushOptions,
): Promise<PushOutcome> {
  const ours = artifact.manifestDescriptor.digest;
  // What the tag held when this run decided to write it: a new tag's answer to asking again.
  let expected = check.isNew ? await check.answer() : current;
  let writtenAt = 0;
  for (;;) {
    const late =
      expected === undefined || expected === current ? undefined : await decide(client, ref, artifact, ifExists, expected, vouch);
    if (late) return late;
    writtenAt = monotonicMs();
    try {
      await client.pushManifest(ref.repository, ref.tag, artifact.manifest, MediaType.manifest, {}, async () => {
        const now = await client.resolveTag(ref.repository, ref.tag, true);
        if (now === ours) throw new WriteLanded();
        if (now !== expected) throw new WrittenMeanwhile(now);
        check.at = writtenAt = monotonicMs();
      });
    } catch (err) {
      if (err instanceof WriteLanded) break;
      if (!(err instanceof WrittenMeanwhile)) throw err;
      expected = err.digest;
      check.at = monotonicMs();
      continue;
    }
    break;
  }
  // The registry's reported digest is checked against the bytes sent (a registry that rewrote them is refused).
  // Another run that checked the tag before this write may still write it after: within about as long
  // as this run took from its check to its write. The tag is read back once that long has passed since
  // the write went out (its own round trip counts), so of two runs that both wrote, the one replaced
  // says so instead of "pushed".
  // At least SETTLE_MIN_MS after the write's answer too: the margin for a racer descheduled on a busy machine.
  const settled = when === 'now' ? 0 : Math.max(writtenAt + settleTime(writtenAt - check.at), monotonicMs() + SETTLE_MIN_MS);
  const readBack = (async () => {
    if (settled > 0) await sleep(Math.max(0, settled - monotonicMs()));
    const after = await client.resolveTag(ref.repository, ref.tag, true);
    if (after !== ours) {
      throw new UserError(
        `${ref.registry}/${ref.repository}:${ref.tag} was written by another run at the same time: it now holds ${after ?? 'nothing'}, not this build's ${ours}`,
        { hint: 'Run again: the tag is then compared with what is there, and if-exists decides' },
      );
    }
  })();
  if (readBacks) {
    // Safe: the caller that asked for `readBacks` awaits every one of them and reports its failure.
    readBack.catch(() => {});
    readBacks.push(readBack);
  } else await readBack;
  return { status: 'pushed', digest: ours };
}

/** A write answered with a transient failure had landed after all: the tag holds this build. */
class WriteLanded extends Error {}

/** Before a write was sent again, the tag was found written by someone else: decided again. */
class WrittenMeanwhile extends Error {
  constructor(readonly digest: string | undefined) {
    super('the tag was written meanwhile');
  }
}

/**
 * Settling waits 1.5 times the check-to-write time from the write (a slower racer's margin), at most
 * SETTLE_MAX_MS, and at least SETTLE_MIN_MS after the write's answer.
 */
const SETTLE_MIN_MS = 50;
const SETTLE_MAX_MS = 5000;

/** How long after the write went out to read back, for a run whose check-to-write window was `windowMs`. */
function settleTime(windowMs: number): number {
  return Math.min(SETTLE_MAX_MS, Math.ceil(windowMs * 1.5));
}

/** What to do about a tag that holds `current`: nothing (the same chart), skip, fail, or undefined (write). */
async function decide(
  client: RegistryClient,
  ref: Reference,
  artifact: ChartArtifact,
  ifExists: IfExists,
  current: string | undefined,
  vouch?: Vouching,
): Promise<PushOutcome | undefined> {
  const ours = artifact.manifestDescriptor.digest;
  if (current === ours) return { status: 'unchanged', digest: ours };
  if (current === undefined) return undefined;
  // Only `fail` shows why they differ; skip and overwrite need to know only whether they do.
  const compared = await compareWithRegistry(client, ref.repository, current, artifact, { explain: ifExists === 'fail', vouch });
  if (compared.same) return { status: 'unchanged', digest: current, existing: compared.artifact };
  if (ifExists === 'skip') return { status: 'skipped', digest: current };
  if (ifExists === 'fail') {
    const theirs = compared.chartDigest ? ` (chart ${compared.chartDigest})` : '';
    throw new UserError(
      `${ref.registry}/${ref.repository}:${ref.tag} already holds ${current}${theirs}, and this build is ${ours} (chart ${artifact.chartDescriptor.digest}): ${compared.why}`,
      {
        hint: 'A published version is immutable: bump the chart version, or set if-exists to skip (keep what is there) or overwrite (replace it)',
      },
    );
  }
  return undefined;
}

/**
 * What the tag holds now, asked as soon as the chart's name and version are known, so that the round
 * trips overlap packaging; `pushArtifact` takes the answer. Asked with a push scope, or a pull scope for a
 * plan (it only reads). A failure surfaces when it is awaited.
 */
export function lookUpTag(client: RegistryClient | Promise<RegistryClient>, ref: Reference, push = true): Promise<string | undefined> {
  const answer = Promise.resolve(client).then((c) => c.resolveTag(ref.repository, ref.tag, push));
  // Safe: the caller hands this promise to `pushArtifact` (or a plan), which awaits it and reports its failure
  // (a chart that fails to package first reports that instead).
  answer.catch(() => {});
  return answer;
}
