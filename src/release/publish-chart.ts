import { resolveChartRef, versionTag } from '../artifact/chart-ref.js';
import { refString } from '../oci/reference.js';
import { bindRef, loadSource, packageLoaded, type BuildOptions } from './build.js';
import { lookUpTag, type IfExists } from './push.js';
import { pushAndCache, type TargetOutcome } from './outcome.js';
import { yieldToLoop } from '../util/yield.js';
import { loweredLine, outcomeLines } from './report.js';
import { saveToCache } from './save.js';
import { chartResult, keylessResult, targetResult, type ChartResult, type TargetResult } from './results.js';
import type { KeylessOutcome, KeylessSigner } from './keyless.js';
import type { Registries } from './registries.js';
import type { Vouching } from './same-chart.js';
import { findRepoMetadata, pushRepoMetadata } from './artifacthub.js';
import { ARTIFACTHUB_TAG } from '../artifact/artifacthub-repo.js';
import { checkGhcrVisibility, visibilityLines } from './ghcr-visibility.js';
import { planChart } from './plan.js';
import { checkExpected, type ExpectedDigests } from './expect-digest.js';

/** Where and how every chart of a run is published: the same for each chart. */
export interface ChartSettings {
  /** Every chart goes to each: `oci://host/namespace` or a full reference. */
  refs: string[];
  /** The OCI layout a chart is saved in under each reference. */
  cache: string;
  ifExists: IfExists;
  /** One artifacthub-repo.yml for every chart (else each chart folder's own, if it has one). */
  artifacthubRepo?: string;
  keyless?: KeylessSigner;
  /** When a written tag is read back (push.ts's PushOptions.readBack): at once for a face that checks again later. */
  readBack?: 'settle' | 'now';
  /**
   * Plan only: build every chart and say, for each reference, what a publish would find and do (plan.ts),
   * writing nothing: no blob, tag, cache entry or signature.
   */
  plan?: boolean;
  /** The publish that a plan is for signs keylessly: the plan says what a signing publish would (see Vouching), without a signer. */
  planKeyless?: boolean;
  /** Hold each chart to the digest its plan built (expect-digest.ts): a chart built otherwise is refused before anything is written. */
  expectDigests?: ExpectedDigests;
}

/**
 * One chart, start to end: packaged once, saved to the cache under every target, and pushed to each
 * target in turn (a later target on the same registry mounts the blobs from the first). The tags are
 * looked up as soon as the chart's name and version are known.
 */
export async function publishChart(
  source: string,
  settings: ChartSettings,
  build: BuildOptions,
  /** Where to push (undefined: saved to the cache only). */
  registries: Registries | undefined,
  notice: (line: string) => void,
  readBacks?: Array<Promise<void>>,
  known: { name?: string; version?: string } = {},
): Promise<ChartResult> {
  const { keyless } = settings;
  const log = (line: string): void => build.log?.info(line);
  const loaded = await loadSource(source, build);
  const md = loaded.chart.metadata;
  known.name = md.name;
  known.version = md.version;
  // Checked before anything is pushed (and when nothing is): a bad file fails the chart, not half its publication.
  const repoMetadata = await findRepoMetadata(source, settings.artifacthubRepo || undefined, build.workspace);
  if (loaded.looseVersion)
    build.log?.warn(
      `${source}: the chart version ${JSON.stringify(md.version)} is not SemVer 2. Helm packages and pushes it (tag ${versionTag(md.version)}), but tools that sort tags as SemVer 2 (Artifact Hub, Renovate) may misorder it: write MAJOR.MINOR.PATCH in Chart.yaml's version (or give the version to publish), e.g. 1.2.0`,
    );
  // The tags are looked up while the chart is packaged (the connection, any token and the HEAD overlap it).
  const lookups = new Map<string, Promise<string | undefined>>();
  const askedAt = Date.now();
  for (const refInput of settings.refs) {
    const { ref } = resolveChartRef(refInput, md.name, md.version);
    const name = refString(ref);
    if (registries && !lookups.has(name))
      // A plan only reads (a pull scope: a job that may only read plans as well as one that may push).
      lookups.set(name, lookUpTag(registries.client(ref.registry, log), ref, !settings.plan));
  }
  await yieldToLoop();
  const packaged = await packageLoaded(loaded, build);
  log(`${md.name} ${md.version}: this build is ${packaged.artifact.chart.length} bytes, chart ${packaged.artifact.chartDescriptor.digest}`);
  if (packaged.signed)
    log(`signed by ${packaged.signed.fingerprint} (${packaged.signed.userId}): provenance ${md.name}-${md.version}.tgz.prov`);
  const targets = settings.refs.map((ref) => bindRef(packaged, ref));
  // What this run signs must be this build's own: a registry copy it cannot account for is a difference.
  const signer = build.signer;
  const signsKeyless = keyless !== undefined || (settings.plan === true && settings.planKeyless === true);
  const vouch: Vouching | undefined =
    signsKeyless || signer
      ? {
          manifest: signsKeyless,
          provenance: signer && ((theirs, chart) => signer.notOwn(theirs, chart, md)),
        }
      : undefined;
  // Before anything is written (the cache included): a build that is not the planned one publishes nothing.
  if (settings.expectDigests) checkExpected(settings.expectDigests, source, md.name, packaged.artifact);
  if (settings.plan) {
    if (!registries) throw new Error('a plan needs the registries to look the tags up');
    return planChart(source, targets, registries, lookups, settings.ifExists, vouch, log);
  }
  const results: TargetResult[] = [];
  const pushedTo = new Map<string, string>();
  // Once per repository: its artifacthub.io tag, and (on GHCR) whether a stranger can pull it.
  const metadataDone = new Set<string>();
  const visibilityDone = new Set<string>();
  for (const built of targets) {
    if (built.pathAsGiven) notice(loweredLine(built.pathAsGiven, built.ref.repository));
    // Saved while the blobs upload; the manifest (the tag) waits for it, so a failed save publishes nothing.
    const saved = saveToCache(settings.cache, built.refName, built.artifact);
    // Safe: `saved` is awaited below (the push's commit waits for it too) and its failure reported
    // there; only a push that fails first leaves it unawaited, and that failure is the one reported.
    saved.catch(() => {});
    let outcome: TargetOutcome;
    if (!registries) {
      await saved;
      outcome = { refName: built.refName, tag: built.ref.tag, status: 'saved', artifact: built.artifact, from: 'build' };
      for (const line of outcomeLines(outcome, md)) log(line);
      results.push(targetResult(built, outcome));
      continue;
    }
    const client = await registries.client(built.ref.registry, log);
    log(`The push refers to repository [${built.ref.registry}/${built.ref.repository}]`);
    // Keyless: a new manifest is signed before its tag is written (a failure leaves the tag as it was).
    let made: Promise<KeylessOutcome[]> | undefined;
    // What stands afterwards (this build, or the registry's copy) is what the log, the outputs and the cache name.
    outcome = await pushAndCache(client, built.ref, built.refName, built.artifact, settings.ifExists, settings.cache, {
      mountFrom: pushedTo.get(built.ref.registry),
      current: take(lookups, built.refName), // a ref given twice is looked up again the second time
      currentAskedAt: askedAt,
      beforeCommit: saved,
      beforeWrite: keyless && (() => (made = keyless.ensure(client, built.ref, built.artifact.manifestDescriptor, true))),
      readBacks,
      readBack: settings.readBack,
      vouch,
    });
    await saved;
    if (!pushedTo.has(built.ref.registry)) pushedTo.set(built.ref.registry, built.ref.repository);
    for (const line of outcomeLines(outcome, md)) log(line);
    // What the tag holds and this run did not write (unchanged) is signed unless a valid signature by
    // this identity is attached already; a skipped chart is not this run's to sign.
    const signedNow =
      outcome.status === 'pushed'
        ? made
        : outcome.status === 'unchanged' && keyless
          ? keyless.ensure(client, built.ref, outcome.artifact.manifestDescriptor, false)
          : undefined;
    const target = keylessResult(targetResult(built, outcome), await signedNow);
    const repository = `${built.ref.registry}/${built.ref.repository}`;
    if (repoMetadata && !metadataDone.has(repository)) {
      metadataDone.add(repository);
      const metadata = await pushRepoMetadata(client, built.ref.repository, repoMetadata.artifact);
      log(
        `${ARTIFACTHUB_TAG}: ${metadata.status === 'pushed' ? 'pushed to remote' : 'unchanged'} (Artifact Hub repository metadata from ${repoMetadata.file}) ${metadata.digest}`,
      );
      target['artifacthub-digest'] = metadata.digest;
      target['artifacthub-status'] = metadata.status;
    }
    if (outcome.status === 'pushed' && !visibilityDone.has(repository)) {
      visibilityDone.add(repository);
      const seen = await checkGhcrVisibility(registries, built.ref, outcome.artifact.manifestDescriptor.digest);
      if (seen && seen.visibility !== 'public') {
        for (const line of visibilityLines(repository, seen)) build.log?.warn(line);
        target.visibility = seen.visibility;
        target['settings-url'] = seen.settingsUrl;
      } else if (seen) log(`${repository}: public (pulled anonymously)`);
    }
    results.push(target);
  }
  return await chartResult(source, targets[0], results);
}

function take<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  map.delete(key);
  return value;
}
