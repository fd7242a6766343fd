import * as core from '@actions/core';
import { buildChart } from '../release/build.js';
import { describeLines } from '../release/report.js';
import { saveToCache } from '../release/save.js';
import { readInputs } from './inputs.js';
import { setOutputs } from './outputs.js';
import { pushPhase } from './push-phase.js';

/** The main step: package, save to the runner cache, push, report. */
export async function run(): Promise<void> {
  const inputs = readInputs();
  const built = await core.group('Package the chart', async () => {
    const b = await buildChart(inputs.chart, inputs.ref);
    core.info(
      `${b.chart.metadata.name} ${b.chart.metadata.version}: ${b.artifact.chart.length} bytes, chart ${b.artifact.chartDescriptor.digest}`,
    );
    core.info(
      `timestamps from ${b.date.from === 'fixed' ? 'the fixed epoch (no SOURCE_DATE_EPOCH, no git history)' : b.date.from} (${new Date(b.date.seconds * 1000).toISOString()})`,
    );
    return b;
  });
  if (built.lowered)
    core.notice(
      `The repository path ${JSON.stringify(built.lowered)} was lower-cased to ${JSON.stringify(built.ref.repository)}: OCI repository names are lower case.`,
    );

  await core.group('Save to the chart cache', async () => {
    await saveToCache(inputs.cache, built.refName, built.artifact);
    core.info(`saved ${built.refName} in ${inputs.cache}`);
  });
  if (!inputs.push) {
    for (const line of describeLines(built)) core.info(line);
    core.info(`${built.ref.tag}: saved`);
    setOutputs(built, 'saved');
    return;
  }
  const outcome = await pushPhase(inputs, built);
  setOutputs(built, outcome.status, outcome.digest);
}
