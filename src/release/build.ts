import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { unmetSubchartDependencies } from '../chart/assemble.js';
import type { Chart } from '../chart/chart.js';
import { loadChart } from '../chart/load.js';
import { checkPublishedVersion, SEMVER2 } from '../chart/metadata.js';
import { packageChart } from '../chart/package.js';
import { sourceDate, type SourceDate } from '../chart/source-date.js';
import { yieldToLoop } from '../util/yield.js';
import type { DependencyAccess } from './dependencies.js';
import type { SignOptions } from '../sign/provenance.js';
import { startSigner, type Signer } from '../sign/signer.js';
import { UserError, fsCode } from '../errors.js';
import { buildArtifact, type ChartArtifact } from '../artifact/manifest.js';
import { Annotation, MediaType } from '../artifact/media-types.js';
import { resolveChartRef } from '../artifact/chart-ref.js';
import { refString, type Reference } from '../oci/reference.js';

export interface BuildOptions {
  /** Overrides Chart.yaml's version (a leading `v`, as in git tags, is dropped). */
  version?: string;
  appVersion?: string;
  /** Extra manifest annotations (after Helm's own and Chart.yaml's). */
  annotations?: Record<string, string>;
  layerMediaType?: 'modern' | 'legacy';
  /** The URL of the chart's code (the org.opencontainers.image.source annotation) for a chart whose Chart.yaml lists none. */
  defaultSource?: string;
  /** Plain HTTP for dependency registries too. */
  plainHttp?: boolean;
  /** How dependencies reach the network: the run's HTTP settings and registry clients (else defaults). */
  access?: DependencyAccess;
  env?: NodeJS.ProcessEnv;
  /** The folder a chart folder's symbolic links may lead anywhere within, when the chart is inside it (the face gives it). */
  workspace?: string;
  /** Where dependency resolution reports what it does. */
  log?: (line: string) => void;
  /** Where what Helm accepts but is likely a mistake is reported (each face words it its own way). */
  warn?: (line: string) => void;
  /** Sign the chart: a provenance file made as `helm package --sign` makes it, pushed as its layer. */
  sign?: SignOptions;
  /** The signer started early for `sign` (the key unlocked while the charts load); else one is made here. */
  signer?: Signer;
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
}

/** A packaged chart bound to one reference. */
export interface BuiltChart extends PackagedChart {
  ref: Reference;
  refName: string;
  /** The repository path as given, set only when its capitals were lowered. */
  lowered?: string;
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
}

/**
 * Loads a chart (vendoring missing dependencies), applies the overrides, packages it reproducibly
 * (a packaged .tgz without overrides is taken as it is, with its .prov beside it) and builds its manifest.
 */
export async function packageSource(source: string, options: BuildOptions = {}): Promise<PackagedChart> {
  return packageLoaded(await loadSource(source, options), options);
}

/** The first half of `packageSource`: the chart as it will be published, before any byte is written. */
export async function loadSource(source: string, options: BuildOptions = {}): Promise<PreparedChart> {
  const { chart, archive } = await loadChart(source, { allowMissingDependencies: true, workspace: options.workspace });
  const missing = chart.metadata.dependencies.filter((d) => !chart.dependencies.some((c) => c.metadata.name === d.name));
  if (missing.length > 0 && archive) {
    // A packaged chart is pushed as it is: nothing is resolved into it.
    options.warn?.(
      `${source}: declares dependencies missing from its charts/ (${missing.map((d) => d.name).join(', ')}): pushed as it is, helm install will refuse it until they are vendored`,
    );
  } else if (missing.length > 0) {
    const { resolveDependencies } = await import('./dependencies.js');
    const own = options.access ? undefined : await import('./access.js').then((m) => m.defaultAccess(options.plainHttp));
    try {
      await resolveDependencies(chart, source, { log: options.log ?? (() => {}), access: options.access ?? own!.access });
    } finally {
      await own?.close();
    }
  }
  for (const line of unmetSubchartDependencies(chart)) options.warn?.(`${source}: ${line}: templates that use it will fail to render`);
  const md = chart.metadata;
  let overridden = false;
  if (options.version) {
    const version = options.version.trim().replace(/^v/, '');
    if (!SEMVER2.test(version))
      throw new UserError(`the version ${JSON.stringify(options.version)} given to publish is not a SemVer 2 version`, {
        hint: 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
        code: 'version-invalid',
      });
    overridden ||= version !== md.version;
    md.version = version;
  }
  checkPublishedVersion(md, `${source}/Chart.yaml`);
  if (options.appVersion) {
    overridden ||= options.appVersion !== md.appVersion;
    md.appVersion = options.appVersion;
  }
  return { source, chart, archive, overridden };
}

/** The second half of `packageSource`: the archive, the config and the manifest. */
export async function packageLoaded(loaded: PreparedChart, options: BuildOptions = {}): Promise<PackagedChart> {
  const { source, chart, archive, overridden } = loaded;
  const md = chart.metadata;
  const date = sourceDate(options.env ?? process.env); // SOURCE_DATE_EPOCH's, or the fixed epoch
  const bytes = archive && !overridden ? archive : await packageChart(chart, date.seconds);
  await yieldToLoop();
  let provenance = archive && !overridden ? await readProvenance(`${source}.prov`) : undefined;
  if (provenance && !options.sign) await checkProvenanceNames(provenance, md, bytes, `${source}.prov`);
  let signed: PackagedChart['signed'];
  if (options.sign) {
    // The signature's time: SOURCE_DATE_EPOCH when set (the same key and chart then give the same file), else now.
    const when = date.from === 'SOURCE_DATE_EPOCH' ? new Date(date.seconds * 1000) : undefined;
    const { messageBlock } = await import('../sign/provenance.js');
    const signer = options.signer ?? startSigner(options.sign);
    const made = await signer.sign(messageBlock(md, bytes), options.sign.date ?? when);
    provenance = made.provenance;
    signed = { fingerprint: made.fingerprint, userId: made.userId };
  }
  const artifact = buildArtifact(md, bytes, date.seconds, {
    provenance,
    extraAnnotations: {
      ...(md.sources.length === 0 && options.defaultSource ? { [Annotation.source]: options.defaultSource } : {}),
      ...options.annotations,
    },
    chartMediaType: options.layerMediaType === 'legacy' ? MediaType.legacyChart : MediaType.chart,
  });
  return { source, chart, artifact, date, signed };
}

/** Binds a packaged chart to the reference `refInput` names for it. */
export function bindRef(p: PackagedChart, refInput: string): BuiltChart {
  const { ref, lowered } = resolveChartRef(refInput, p.chart.metadata.name, p.chart.metadata.version);
  return { ...p, ref, refName: refString(ref), lowered };
}

/** Packages a chart for one reference (the single-chart path). */
export async function buildChart(
  source: string,
  refInput: string,
  env: NodeJS.ProcessEnv = process.env,
  options: BuildOptions = {},
): Promise<BuiltChart> {
  return bindRef(await packageSource(source, { ...options, env }), refInput);
}

/** A `.prov` pushed beside an archive must name that archive by its digest: else it was made for another one. */
async function checkProvenanceNames(provenance: Buffer, md: Chart['metadata'], archive: Buffer, where: string): Promise<void> {
  const { provenanceFiles, archiveName } = await import('../sign/provenance.js');
  let files: Record<string, unknown>;
  try {
    files = provenanceFiles(provenance);
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
