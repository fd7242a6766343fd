import type { Metadata } from '../chart/metadata.js';
import type { SignOptions, Signed } from './provenance.js';

export interface Signer {
  sign(message: string, date?: Date): Promise<Signed>;
  /** The fingerprint of the key that signs (upper-case hex), known once the key is read. */
  fingerprint(): Promise<string>;
  /** Why `provenance` is not one this key made for `archive` (the named chart's), or undefined when it is. */
  notOwn(provenance: Buffer, archive: Buffer, chart: Pick<Metadata, 'name' | 'version'>): Promise<string | undefined>;
}

/**
 * Starts the signing work as soon as the inputs are read: OpenPGP loads and the key is unlocked (its
 * passphrase's S2K is the costly part) while the charts are read and the registry answers; `sign`
 * then only signs. (A worker thread was measured slower for a small chart: a second isolate and a
 * second load of the bundle cost more than the overlap wins.)
 */
export function startSigner(options: Omit<SignOptions, 'date'>): Signer {
  const unlocked = import('./provenance.js').then((m) => m.unlockSigningKey(options));
  // Safe: every `sign` awaits this same promise and reports its failure (a wrong passphrase); a run
  // that never signs (every chart failed first) has that failure to report instead.
  unlocked.catch(() => {});
  return {
    sign: async (message, date) => (await unlocked).sign(message, date),
    fingerprint: async () => (await unlocked).fingerprint,
    notOwn: async (provenance, archive, chart) => {
      const { fingerprint } = await unlocked;
      const { archiveName, notOwnProvenance } = await import('./provenance.js');
      return notOwnProvenance(provenance, archive, archiveName(chart), options.keys, fingerprint);
    },
  };
}
