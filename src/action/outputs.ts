import * as core from '@actions/core';
import type { BuiltChart } from '../release/build.js';
import type { KeylessOutcome } from '../release/keyless.js';
import { Output } from './constants.js';

type Status = 'pushed' | 'unchanged' | 'skipped' | 'saved';

export interface TargetResult {
  ref: string;
  /** host/path/name: what signing and attestation steps name the artifact by. */
  repository: string;
  digest: string;
  'digest-ref': string;
  status: Status;
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

/** Every single-chart output for one chart (its first target's), and all its targets. */
export interface ChartResult extends TargetResult {
  'chart-digest': string;
  size: string;
  name: string;
  version: string;
  /** Whether this step signed the chart, and with which key. */
  signed: boolean;
  'sign-fingerprint': string;
  targets: TargetResult[];
}

export function targetResult(built: BuiltChart, status: Status, digest = built.artifact.manifestDescriptor.digest): TargetResult {
  const repository = `${built.ref.registry}/${built.ref.repository}`;
  return { ref: built.refName, repository, digest, 'digest-ref': `${repository}@${digest}`, status };
}

/** A target's result with the keyless referrers made or found for it. */
export function keylessResult(target: TargetResult, outcomes: KeylessOutcome[] | undefined): TargetResult {
  for (const o of outcomes ?? []) target[o.kind === 'signature' ? 'signature-digest' : 'attestation-digest'] = o.digest;
  return target;
}

export function chartResult(built: BuiltChart, targets: TargetResult[]): ChartResult {
  return {
    ...targets[0],
    'chart-digest': built.artifact.chartDescriptor.digest,
    size: String(built.artifact.chart.length),
    name: built.chart.metadata.name,
    version: built.chart.metadata.version,
    signed: built.signed !== undefined,
    'sign-fingerprint': built.signed?.fingerprint ?? '',
    targets,
  };
}

/** The `charts` output always; the single-chart outputs when there is exactly one chart. */
export function setOutputs(results: ChartResult[]): void {
  core.setOutput(Output.charts, JSON.stringify(results));
  if (results.length !== 1) return;
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
