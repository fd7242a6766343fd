import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { unmetSubchartDependencies } from '../chart/assemble.js';
import type { Chart } from '../chart/chart.js';
import { loadChart } from '../chart/load.js';
import { checkPackageable, isHelmVersion, isSemVer2 } from '../chart/metadata.js';
import { packageChart } from '../chart/package.js';
import { sourceDate, type SourceDate } from '../chart/source-date.js';
import { yieldToLoop } from '../util/yield.js';
import { loadYaml } from '../util/yaml-lib.js';
import type { DependencyAccess } from './dependencies.js';
import type { Signer } from '../sign/signer.js';
import { UserError, fsCode } from '../errors.js';
import { buildArtifact, type ChartArtifact } from '../artifact/manifest.js';
import { Annotation, MediaType } from '../artifact/media-types.js';
import { resolveChartRef } from '../artifact/chart-ref.js';
import { refString, type Reference } from '../oci/reference.js';
import { checkArtifactHubAnnotations, SIGN_KEY_ANNOTATION, signKeyAnnotation } from '../artifact/artifacthub-annotations.js';

/** What to build: Chart.yaml's values overridden, and what the manifest says besides. */
export interface Overrides {
  /** Overrides Chart.yaml's version (a leading `v`, as in git tags, is dropped). */
  version?: string;
  appVersion?: string;
  /** Extra manifest annotations (after Helm's own and Chart.yaml's). */
  annotations?: Record<string, string>;
  layerMediaType?: 'modern' | 'legacy';
  /** The URL of the chart's code (the org.opencontainers.image.source annotation) for a chart whose Chart.yaml lists none. */
  codeUrl?: string;
}

/** Where a build reports: what it does (dependency resolution), and what Helm accepts but is likely a mistake. */
interface BuildLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface BuildOptions {
  /** SOURCE_DATE_EPOCH (the archive's timestamps). */
  env: NodeJS.ProcessEnv;
  /** The folder a chart folder's symbolic links may lead anywhere within, when the chart is inside it (the face gives it). */
  workspace?: string;
  overrides?: Overrides;
  /** How dependencies reach the network: the run's registries (else stored credentials and default settings). */
  access?: DependencyAccess;
  /** Signs the chart: a provenance file made as `helm package --sign` makes it, pushed as its layer. */
  signer?: Signer;
  log?: BuildLog;
  /** Artifact Hub: how a malformed `artifacthub.io/*` annotation counts (default `warn`), and the public key's URL for `artifacthub.io/signKey`. */
  artifactHub?: { lint?: 'error' | 'warn'; signKeyUrl?: string };
}

/** A chart packaged and described, ready to be saved and pushed to any number of references. */
interface PackagedChart {
  /** The chart as given: the path of a chart folder or of a packaged .tgz (what "source" means in the steps). */
  source: string;
  chart: Chart;
  artifact: ChartArtifact;
  date: SourceDate;
  /** Who signed the provenance this build made, if it signed. */
  signed?: { fingerprint: string; userId: string };
  /** See PreparedChart. */
  looseVersion: boolean;
}

/** A packaged chart bound to one reference. */
export interface BuiltChart extends PackagedChart {
  ref: Reference;
  refName: string;
  /** The repository path as given, set only when its capitals were lowered. */
  pathAsGiven?: string;
}

/** A chart loaded with its dependencies and overrides applied: its name and version are final. */
interface PreparedChart {
  /** The chart as given (a folder or a .tgz). */
  source: string;
  chart: Chart;
  /** The bytes of a packaged .tgz given as the source. */
  archive?: Buffer;
  /** Whether the version or app version overrides changed Chart.yaml (a .tgz must then be repackaged). */
  overridden: boolean;
  /**
   * The version is one Helm reads, packages and pushes (`v0.1.0`, `1.2`, `01.2.3`) but not SemVer 2:
   * tools that sort tags as SemVer 2 may misorder it. Each face warns once, in its own words.
   */
  looseVersion: boolean;
}

/**
 * Loads a chart (vendoring missing dependencies), applies the overrides, packages it reproducibly
 * (a packaged .tgz without overrides is taken as it is, with its .prov beside it) and builds its manifest.
 */
export async function packageSource(source: string, options: BuildOptions): Promise<PackagedChart> {
  return packageLoaded(await loadSource(source, options), options);
}

/** The first half of `packageSource`: the chart as it will be published, before any byte is written. */
export async function loadSource(source: string, options: BuildOptions): Promise<PreparedChart> {
  const { overrides = {} } = options;
  const { chart, archive } = await loadChart(source, { allowMissingDependencies: true, workspace: options.workspace });
  if (!archive) checkPackageable(chart.metadata, `${source}/Chart.yaml`);
  const missing = chart.metadata.dependencies.filter((d) => !chart.dependencies.some((c) => c.metadata.name === d.name));
  if (missing.length > 0 && archive) {
    // A packaged chart is pushed as it is: nothing is resolved into it.
    options.log?.warn(
      `${source}: declares dependencies missing from its charts/ (${missing.map((d) => d.name).join(', ')}): pushed as it is, helm install will refuse it until they are vendored`,
    );
  } else if (missing.length > 0) {
    const { resolveDependencies } = await import('./dependencies.js');
    const own = options.access ? undefined : await import('./registries.js').then((m) => m.openRegistries());
    try {
      await resolveDependencies(chart, source, { log: (line) => options.log?.info(line), access: options.access ?? own!.access() });
    } finally {
      await own?.close();
    }
  }
  for (const line of unmetSubchartDependencies(chart)) options.log?.warn(`${source}: ${line}: templates that use it will fail to render`);
  const md = chart.metadata;
  let overridden = false;
  if (overrides.version) {
    const version = overrides.version.trim().replace(/^v/, '');
    if (!isHelmVersion(version))
      throw new UserError(`the version ${JSON.stringify(overrides.version)} given to publish is not a version Helm reads`, {
        hint: 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
        code: 'version-invalid',
      });
    overridden ||= version !== md.version;
    md.version = version;
  }
  if (overrides.appVersion) {
    overridden ||= overrides.appVersion !== md.appVersion;
    md.appVersion = overrides.appVersion;
  }
  overridden = (await addSignKey(md, options)) || overridden;
  // Artifact Hub's annotations are YAML documents of their own, read with the library.
  if (Object.keys(md.annotations).some((k) => k.startsWith('artifacthub.io/'))) await loadYaml();
  checkAnnotations(md, source, options);
  // Packaged here unless a .tgz is pushed as it is: then only what `helm package` packages.
  if (archive && overridden) checkPackageable(md, `${source}/Chart.yaml`);
  return { source, chart, archive, overridden, looseVersion: !isSemVer2(md.version) };
}

/** The second half of `packageSource`: the archive, the config and the manifest. */
export async function packageLoaded(loaded: PreparedChart, options: BuildOptions): Promise<PackagedChart> {
  const { source, chart, archive, overridden, looseVersion } = loaded;
  const { signer, overrides = {} } = options;
  const md = chart.metadata;
  const date = sourceDate(options.env); // SOURCE_DATE_EPOCH's, or the fixed epoch
  const bytes = archive && !overridden ? archive : await packageChart(chart, date.seconds);
  await yieldToLoop();
  let provenance = archive && !overridden ? await readProvenance(`${source}.prov`) : undefined;
  if (provenance && !signer) await checkProvenanceNames(provenance, md, bytes, `${source}.prov`);
  let signed: PackagedChart['signed'];
  if (signer) {
    // The signature's time: SOURCE_DATE_EPOCH when set (the same key and chart then give the same file), else now.
    const when = date.from === 'SOURCE_DATE_EPOCH' ? new Date(date.seconds * 1000) : undefined;
    const { messageBlock } = await import('../sign/provenance.js');
    const made = await signer.sign(await messageBlock(md, bytes), when);
    provenance = made.provenance;
    signed = { fingerprint: made.fingerprint, userId: made.userId };
  }
  const artifact = buildArtifact(md, bytes, date.seconds, {
    provenance,
    extraAnnotations: {
      ...(md.sources.length === 0 && overrides.codeUrl ? { [Annotation.source]: overrides.codeUrl } : {}),
      ...overrides.annotations,
    },
    chartMediaType: overrides.layerMediaType === 'legacy' ? MediaType.legacyChart : MediaType.chart,
  });
  return { source, chart, artifact, date, signed, looseVersion };
}

/**
 * A chart signed with a provenance key tells Artifact Hub which key (`artifacthub.io/signKey`: its
 * fingerprint and where the public key is) when a URL is given and the chart does not say already.
 * Whether Chart.yaml changed (a packaged .tgz is then packaged again).
 */
async function addSignKey(md: Chart['metadata'], options: BuildOptions): Promise<boolean> {
  const url = options.artifactHub?.signKeyUrl;
  if (!options.signer || !url || SIGN_KEY_ANNOTATION in md.annotations) return false;
  md.annotations = { ...md.annotations, [SIGN_KEY_ANNOTATION]: signKeyAnnotation(await options.signer.fingerprint(), url) };
  return true;
}

/** Artifact Hub's annotations as it reads them: a malformed one fails the build (`lint: error`) or is warned about. */
function checkAnnotations(md: Chart['metadata'], source: string, options: BuildOptions): void {
  const problems = checkArtifactHubAnnotations(md.annotations, md.name);
  if (problems.length === 0) return;
  const where = archiveOrFolder(source);
  const lines = problems.map((p) => `${p.annotation}: ${p.problem}`);
  if (options.artifactHub?.lint === 'error')
    throw new UserError(
      `Artifact Hub cannot read ${lines.length === 1 ? 'an annotation' : `${lines.length} annotations`}: ${lines.join('; ')}`,
      {
        where,
        hint: 'Fix the annotation (see https://artifacthub.io/docs/topics/annotations/helm/), or let it pass with a warning',
        code: 'artifacthub-annotation',
      },
    );
  for (const line of lines) options.log?.warn(`${where}: Artifact Hub cannot read ${line}`);
}

function archiveOrFolder(source: string): string {
  return source.endsWith('.tgz') ? `${source} (Chart.yaml)` : `${source.replace(/\/+$/, '')}/Chart.yaml`;
}

/** Binds a packaged chart to the reference `refInput` names for it. */
export function bindRef(p: PackagedChart, refInput: string): BuiltChart {
  const { ref, pathAsGiven } = resolveChartRef(refInput, p.chart.metadata.name, p.chart.metadata.version);
  return { ...p, ref, refName: refString(ref), pathAsGiven };
}

/** A `.prov` pushed beside an archive must name that archive by its digest: else it was made for another one. */
async function checkProvenanceNames(provenance: Buffer, md: Chart['metadata'], archive: Buffer, where: string): Promise<void> {
  const { provenanceFiles, archiveName } = await import('../sign/provenance.js');
  let files: Record<string, unknown>;
  try {
    files = await provenanceFiles(provenance);
  } catch (err) {
    throw new UserError((err as Error).message, { where, hint: 'Make it again with helm package --sign, or sign with Chartlift' });
  }
  const name = archiveName(md);
  const digest = `sha256:${createHash('sha256').update(archive).digest('hex')}`;
  if (files[name] !== digest)
    throw new UserError(
      files[name] === undefined
        ? `was made for another chart: it does not name ${name}`
        : `was made for another archive: it names ${name} as ${String(files[name])}, the archive is ${digest}`,
      { where, hint: 'The chart was changed after it was signed: sign it again' },
    );
}

async function readProvenance(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    if (fsCode(err) === 'ENOENT') return undefined;
    throw new UserError(`cannot read the provenance file (${fsCode(err) ?? (err as Error).message})`, { where: file });
  }
}
