import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { workerEntry } from '../util/worker-entry.js';
import { compressMember, gzipMember, MEMBER_BYTES } from './gzip.js';
import type { Pieces } from './tar-writer.js';

/** Below this many members, this thread alone is as quick as with workers (each takes ~60 ms to start). */
const MIN_MEMBERS_FOR_WORKERS = 4;
/** The chart loader starts the workers once it has read this much: they are ready when the tar is. */
export const WARM_BYTES = MIN_MEMBERS_FOR_WORKERS * MEMBER_BYTES;
const MAX_WORKERS = 7;
/**
 * On 2 cores one worker gained the large chart (20 MB) about 70 ms of 920 and cost 47 MiB (a thread
 * of its own, the members copied to it and back): this thread compresses alone there. From 3 cores
 * on, the workers take most of the compressing.
 */
const MIN_CORES_FOR_WORKERS = 3;
/** Members sent to a worker ahead of its answers, so that it never waits for this thread, which compresses too. */
const IN_FLIGHT = 2;

/**
 * What a gzip worker runs: a script that starts gzip-worker.ts in a worker thread. The bundle names
 * its own entry (src/bundle.ts), since its chunks cannot be started on their own; without one (the
 * library run from its sources) the members are compressed on this thread, to the same bytes.
 */
function workerScript(): URL | undefined {
  return workerEntry();
}

interface PoolWorker {
  worker: Worker;
  /** The members sent to it and not yet answered, by job id. */
  jobs: Map<number, { resolve: (m: Buffer) => void; reject: (e: Error) => void }>;
}

/** Worker threads that compress members, shared by every archive of the run; idle, they keep no process alive. */
class GzipPool {
  readonly #workers: PoolWorker[] = [];
  #seq = 0;

  constructor(script: URL, count: number) {
    // Loaded here: only an archive over 4 MiB needs it.
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    for (let i = 0; i < count; i++) {
      const w: PoolWorker = { worker: new Worker(script, { argv: ['--chartlift-gzip-worker'] }), jobs: new Map() };
      w.worker.unref();
      w.worker.on('message', (m: { id: number; member: Uint8Array }) => {
        const job = w.jobs.get(m.id);
        w.jobs.delete(m.id);
        if (w.jobs.size === 0) w.worker.unref();
        job?.resolve(Buffer.from(m.member.buffer, m.member.byteOffset, m.member.byteLength));
      });
      const fail = (err: Error): void => {
        const at = this.#workers.indexOf(w);
        if (at >= 0) this.#workers.splice(at, 1); // 'error' and then 'exit' both come
        for (const job of w.jobs.values()) job.reject(err);
        w.jobs.clear();
      };
      w.worker.on('error', fail);
      w.worker.on('exit', (code) => fail(new Error(`a gzip worker stopped (exit code ${code})`)));
      this.#workers.push(w);
    }
  }

  /** A worker with room for one more member, if any. */
  free(): PoolWorker | undefined {
    return this.#workers.find((w) => w.jobs.size < IN_FLIGHT);
  }

  get size(): number {
    return this.#workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }

  compress(w: PoolWorker, bytes: Uint8Array): Promise<Buffer> {
    const id = this.#seq++;
    if (w.jobs.size === 0) w.worker.ref();
    return new Promise((resolve, reject) => {
      w.jobs.set(id, { resolve, reject });
      // Copied to the worker: this thread keeps the member until its answer, to compress it itself
      // should the worker stop (at most IN_FLIGHT members a worker).
      w.worker.postMessage({ id, data: bytes });
    });
  }
}

let pool: GzipPool | undefined;
let decided = false;

/**
 * Starts the workers (one per core but this thread's) if the machine has more than one core and the
 * bundle named their script; at most once. Called as soon as an archive is known to be large.
 */
export function warmGzipWorkers(cores = os.availableParallelism()): void {
  if (decided) return;
  decided = true;
  const script = workerScript();
  const count = cores < MIN_CORES_FOR_WORKERS ? 0 : Math.min(cores - 1, MAX_WORKERS);
  if (script && count > 0) pool = new GzipPool(script, count);
}

/** How many workers compress members (0: this thread alone). */
export function gzipWorkerCount(): number {
  return pool?.size ?? 0;
}

/** Stops the workers, if any were started (they never keep a process alive; this frees them sooner). */
export async function closeGzipWorkers(): Promise<void> {
  const p = pool;
  pool = undefined;
  decided = false;
  await p?.close();
}

/** `data`'s pieces of MEMBER_BYTES, as views of it (an archive's pieces are tar-writer.ts's tarPieces). */
export function piecesOf(data: Uint8Array): Pieces {
  let at = 0;
  return {
    count: Math.max(1, Math.ceil(data.length / MEMBER_BYTES)),
    next: () => data.subarray(at, (at += MEMBER_BYTES)),
  };
}

/**
 * gzip.ts's `gzipReproducible` of the pieces' bytes, one member a piece, compressed across the
 * machine's cores: this thread and the workers take the next piece as they finish one. The bytes are
 * the same whatever the number of cores, since what each member holds does not depend on it; and the
 * archive is never held whole, only the pieces in flight and the members made.
 */
export async function gzipParallel(pieces: Pieces): Promise<Buffer> {
  // This thread's pieces are made over one buffer: a piece a member would leave 1 MiB of garbage each
  // (a 20 MB archive's worth before a collection comes), where the members are all that is kept.
  const scratch = pieces.count > 1 ? new Uint8Array(MEMBER_BYTES) : undefined;
  const wide = pieces.count >= MIN_MEMBERS_FOR_WORKERS;
  if (wide) warmGzipWorkers();
  const workers = wide ? pool : undefined;
  if (!workers) return gzipInOrder(pieces, scratch);
  const members: Buffer[] = new Array(pieces.count);
  let next = 0;
  const sent: Array<Promise<void>> = [];
  const feed = (): void => {
    for (let w = workers.free(); next < pieces.count && w; w = workers.free()) {
      const i = next++;
      const piece = pieces.next();
      const done = workers.compress(w, piece).then(
        (m) => {
          members[i] = m;
          feed();
        },
        // A worker that stopped (it has left the pool): its member is compressed here, to the same bytes.
        () => void (members[i] = gzipMember(piece)),
      );
      sent.push(done);
    }
  };
  feed();
  // This thread compresses too, between the workers' answers.
  while (next < pieces.count) {
    const i = next++;
    members[i] = gzipMember(pieces.next(scratch));
    feed();
    await new Promise((r) => setImmediate(r));
  }
  for (let k = 0; k < sent.length; k++) await sent[k];
  return Buffer.concat(members);
}

/**
 * The members made on this thread alone, each written after the last into one buffer as it is made:
 * members joined at the end would hold the archive twice. The buffer starts at half the tar's size
 * (text compresses to less) and grows by half when a member does not fit.
 */
function gzipInOrder(pieces: Pieces, scratch: Uint8Array | undefined): Buffer {
  if (pieces.count === 1) return gzipMember(pieces.next());
  let out = Buffer.allocUnsafe((pieces.count * MEMBER_BYTES) >>> 1);
  let used = 0;
  for (let i = 0; i < pieces.count; i++) {
    const member = compressMember(pieces.next(scratch));
    if (used + member.length > out.length) {
      const grown = Buffer.allocUnsafe(Math.max(used + member.length, Math.ceil(out.length * 1.5)));
      out.copy(grown, 0, 0, used);
      out = grown;
    }
    member.writeTo(out, used);
    used += member.length;
  }
  return out.subarray(0, used);
}
