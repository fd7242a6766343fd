import { UserError } from '../errors.js';
import { MAX_CHART_BYTES } from '../chart/chart.js';
import type { Descriptor } from '../oci/digest.js';
import { MAX_BLOB_BYTES } from '../oci/registry.js';

/** A config blob (the chart's metadata as JSON) or a provenance file: anything larger is not one. */
export const MAX_SMALL_BLOB = 1024 * 1024;

/** All that one pull or one comparison downloads: a chart layer (at most Helm's 100 MiB), its config and provenance. */
const MAX_FETCH_BYTES = MAX_CHART_BYTES + 2 * MAX_SMALL_BLOB;

/**
 * The bytes one pull (or one "same chart?" comparison) may fetch in all, taken from each blob's
 * descriptor before it is fetched: the registry client never reads more than a descriptor says, so
 * what the blobs hold in memory together stays within the budget whatever the manifest lists.
 */
export class FetchBudget {
  #left = MAX_FETCH_BYTES;
  constructor(readonly where: string) {}

  /** Bytes still allowed: the most a download of unknown size may read. */
  get left(): number {
    return this.#left;
  }

  take(d: Descriptor): void {
    // A size no blob may have is the registry client's to refuse, with its own message, before a byte is read.
    if (!Number.isSafeInteger(d.size) || d.size < 0 || d.size > MAX_BLOB_BYTES) return;
    const size = d.size;
    if (size > this.#left)
      throw new UserError(
        `its blobs add up to more than ${MAX_FETCH_BYTES} bytes (${d.digest} is described as ${d.size} bytes): more than a chart holds`,
        { where: this.where, hint: 'The manifest is not a chart Chartlift downloads: nothing was written' },
      );
    this.#left -= size;
  }
}
