import * as core from '@actions/core';
import type { BuiltChart } from '../release/build.js';
import { Output } from './constants.js';

export type Status = 'pushed' | 'unchanged' | 'skipped' | 'saved';

export function setOutputs(built: BuiltChart, status: Status, digest = built.artifact.manifestDescriptor.digest): void {
  const repo = `${built.ref.registry}/${built.ref.repository}`;
  core.setOutput(Output.ref, built.refName);
  core.setOutput(Output.digest, digest);
  core.setOutput(Output.digestRef, `${repo}@${digest}`);
  core.setOutput(Output.chartDigest, built.artifact.chartDescriptor.digest);
  core.setOutput(Output.size, String(built.artifact.chart.length));
  core.setOutput(Output.name, built.chart.metadata.name);
  core.setOutput(Output.version, built.chart.metadata.version);
  core.setOutput(Output.status, status);
}
