import * as core from '@actions/core';
import type { BuiltChart } from '../release/build.js';
import type { KeylessOutcome } from '../release/keyless.js';
import type { TargetOutcome, TargetStatus } from '../release/outcome.js';
import { Output } from './constants.js';

export type Status = TargetStatus | 'failed';

export interface TargetResult {
  ref: string;
  /** host/path/name: what signing and attestation steps name the artifact by. */
  repository: string;
  digest: string;
  'digest-ref': string;
  'chart-digest': string;
  size: string;
  status: Status;
  /** Whose copy stands: this build's, or the registry's (the same chart pushed by another tool, or what skip kept). */
  from: 'build' | 'registry' | '';
  /**
   * Whether what stands carries this step's provenance signature, and its key: this build's, or the
   * registry's copy whose provenance this key made (a skipped chart's is not this step's to claim).
   */
  signed: boolean;
  'sign-fingerprint': string;
  /** The keyless signature's and the attestation's referrer manifests (made now or found), when asked for. */
  'signature-digest'?: string;
  'attestation-digest'?: string;
  /** The artifacthub.io tag's digest when repository metadata was pushed (or found unchanged) beside the chart. */
  'artifacthub-digest'?: string;
  'artifacthub-status'?: 'pushed' | 'unchanged';
  /** On GHCR, when an anonymous pull was refused (private) or could not be asked (unknown); with where to change it. */
  visibility?: 'private' | 'unknown';
  'settings-url'?: string;
}

/**
 * One chart's result, as the outputs, the `charts` JSON, the log's group title and the job summary tell
 * it: its first target's values, and all its targets. A failed chart has status `failed`, its `error`,
 * and whatever was known of it (its name and version once Chart.yaml was read).
 */
export interface ChartResult extends TargetResult {
  /** The `chart` line (or the path a glob matched) it came from. */
  source: string;
  name: string;
  version: string;
  targets: TargetResult[];
  error?: string;
}

export function targetResult(built: BuiltChart, o: TargetOutcome): TargetResult {
  const repository = `${built.ref.registry}/${built.ref.repository}`;
  const digest = o.artifact.manifestDescriptor.digest;
  const signed = built.signed !== undefined && o.status !== 'skipped';
  return {
    ref: o.refName,
    repository,
    digest,
    'digest-ref': `${repository}@${digest}`,
    'chart-digest': o.artifact.chartDescriptor.digest,
    size: String(o.artifact.chart.length),
    status: o.status,
    from: o.from,
    signed,
    'sign-fingerprint': signed ? built.signed!.fingerprint : '',
  };
}

/** A target's result with the keyless referrers made or found for it. */
export function keylessResult(target: TargetResult, outcomes: KeylessOutcome[] | undefined): TargetResult {
  for (const o of outcomes ?? []) target[o.kind === 'signature' ? 'signature-digest' : 'attestation-digest'] = o.digest;
  return target;
}

export function chartResult(source: string, built: BuiltChart, targets: TargetResult[]): ChartResult {
  return {
    source,
    ...targets[0],
    name: built.chart.metadata.name,
    version: built.chart.metadata.version,
    targets,
  };
}

/** A chart that failed: what was known of it (name and version once read), and the error line. */
export function failedResult(source: string, known: { name?: string; version?: string }, error: string): ChartResult {
  return {
    source,
    ref: '',
    repository: '',
    digest: '',
    'digest-ref': '',
    'chart-digest': '',
    size: '',
    status: 'failed',
    from: '',
    name: known.name ?? '',
    version: known.version ?? '',
    signed: false,
    'sign-fingerprint': '',
    targets: [],
    error,
  };
}

/** The `charts` output always (every chart, failed ones too); the single-chart outputs when one chart was published. */
export function setOutputs(results: ChartResult[]): void {
  core.setOutput(Output.charts, JSON.stringify(results));
  if (results.length !== 1 || results[0].status === 'failed') return;
  const r = results[0];
  core.setOutput(Output.ref, r.ref);
  core.setOutput(Output.repository, r.repository);
  core.setOutput(Output.digest, r.digest);
  core.setOutput(Output.digestRef, r['digest-ref']);
  core.setOutput(Output.chartDigest, r['chart-digest']);
  core.setOutput(Output.size, r.size);
  core.setOutput(Output.name, r.name);
  core.setOutput(Output.version, r.version);
  core.setOutput(Output.status, r.status);
  core.setOutput(Output.signed, String(r.signed));
  core.setOutput(Output.signFingerprint, r['sign-fingerprint']);
  core.setOutput(Output.signatureDigest, r['signature-digest'] ?? '');
  core.setOutput(Output.attestationDigest, r['attestation-digest'] ?? '');
  core.setOutput(Output.artifacthubDigest, r['artifacthub-digest'] ?? '');
}
