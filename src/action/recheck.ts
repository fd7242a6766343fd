import { errorLine } from '../errors.js';
import { parseReference, splitReference } from '../oci/reference.js';
import { openRegistries } from '../release/registries.js';
import { ACTION_HINTS } from './hints.js';
import { readInputs } from './inputs.js';
import { inputRegistryOptions } from './registries.js';
import { log } from './log.js';
import { state, type PushedTag } from './state.js';

/** A tag this job wrote that holds another manifest now. */
export interface Overwritten extends PushedTag {
  /** What the tag holds now (undefined: nothing, it was deleted). */
  now: string | undefined;
}

/**
 * The post step's read-back of every tag the main step wrote (state: tags and digests only), once the
 * job's other steps have run: a run that wrote one of them since is found, however long after this
 * job's write it came within the job (the main step read each back once, at once, with no wait). The
 * registries are reached as the main step reached them (the same inputs: its login is still stored,
 * the logout comes after). A tag that cannot be read is warned about, not counted as overwritten.
 */
export async function recheckPushed(): Promise<Overwritten[]> {
  const tags = state.pushed();
  if (tags.length === 0) return [];
  const inputs = readInputs();
  const registries = openRegistries(await inputRegistryOptions(inputs, splitReference(inputs.refs[0]).registry));
  const overwritten: Overwritten[] = [];
  try {
    await Promise.all(
      tags.map(async (t) => {
        try {
          const ref = parseReference(t.ref);
          const client = await registries.client(ref.registry);
          const now = await client.resolveTag(ref.repository, ref.tag, false);
          if (now !== t.digest) overwritten.push({ ...t, now });
        } catch (err) {
          log.warning(
            `${t.ref}: could not be read back to check that it still holds this job's ${t.digest} (${errorLine(err, ACTION_HINTS)})`,
          );
        }
      }),
    );
  } finally {
    await registries.close();
  }
  if (overwritten.length === 0) log.info(`${tags.length} tag${tags.length === 1 ? '' : 's'} this job pushed still hold what it pushed`);
  return overwritten;
}

/** The job's failure for a tag another run wrote after this job did: the tag, both digests, what to do. */
export function overwrittenLine(o: Overwritten): string {
  return `${o.ref} was written by another run after this job pushed it: it now holds ${o.now ?? 'nothing'}, not this job's ${o.digest}. Publish each version from one job at a time (a \`concurrency:\` group for the workflow), or bump the chart's version`;
}
