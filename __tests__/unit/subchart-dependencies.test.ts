import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unmetSubchartDependencies } from '../../src/chart/assemble.js';
import type { Chart } from '../../src/chart/chart.js';
import { emptyMetadata } from '../../src/chart/metadata.js';

function chart(name: string, declares: string[], vendored: Chart[] = []): Chart {
  const metadata = emptyMetadata();
  metadata.name = name;
  metadata.version = '1.0.0';
  metadata.dependencies = declares.map((d) => ({
    name: d,
    version: '',
    repository: '',
    condition: '',
    tags: [],
    enabled: false,
    importValues: [],
    alias: '',
  }));
  return { metadata, templates: [], files: [], dependencies: vendored };
}

test('a subchart leaning on a library its parent vendors is met (Helm shares templates)', () => {
  const top = chart('airflow', ['common', 'postgresql'], [chart('common', []), chart('postgresql', ['common'])]);
  assert.deepEqual(unmetSubchartDependencies(top), []);
});

test('a dependency no chart in the tree vendors is named, at any depth', () => {
  const top = chart('top', ['mid'], [chart('mid', ['leaf'], [chart('leaf', ['redis', 'mid'])])]);
  assert.deepEqual(unmetSubchartDependencies(top), ['charts/mid/charts/leaf declares the dependency "redis", which no chart vendors']);
});

test('the top chart’s own dependencies are not this check’s business (helm package checks them)', () => {
  assert.deepEqual(unmetSubchartDependencies(chart('top', ['missing'])), []);
});
