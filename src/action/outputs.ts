import * as core from '@actions/core';
import type { ChartResult } from '../release/results.js';
import { Output } from './constants.js';

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
