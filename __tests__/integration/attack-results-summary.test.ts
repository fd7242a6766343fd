import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { helmHome } from '../helpers/helm-env.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { tempDir } from '../helpers/temp.js';

// The job summary is Markdown holding an HTML table: a blank line (CR CR is one, as CommonMark reads
// line endings) ends the table's HTML block, and what follows is rendered as Markdown (an image that
// loads from anywhere, a link). A chart folder's name is outside text (a pull request can add one, and
// a workflow that publishes the charts a pull request changed names them in the \`chart\` input).
let work: string;
let registry: Registry;
before(async () => {
  work = await tempDir('chartlift-attack-results-');
  registry = await startRegistry();
});
after(() => registry?.stop());

/** The summary's text outside any HTML element's tag, split where CommonMark ends a block (a blank line). */
function blocksAfterBlankLine(summary: string): string[] {
  return summary.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/).slice(1);
}

test('a chart folder named with CR CR and Markdown: the summary stays one table (no blank line, no Markdown heading after it)', async () => {
  const root = path.join(work, 'cr', 'charts');
  // No glob characters, no slash: a heading and a bare address (which GitHub links).
  const evil = 'x\r\r# Rotate your token at https:evil.example "now"';
  const dir = path.join(root, evil);
  await mkdir(dir, { recursive: true });
  // No name: the chart fails before its name is known, so its row names its folder, and so does its error.
  await writeFile(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nversion: 1.0.0\n');
  const good = path.join(root, 'good');
  await mkdir(good, { recursive: true });
  await writeFile(path.join(good, 'Chart.yaml'), 'apiVersion: v2\nname: good\nversion: 1.0.0\n');
  const { env, home } = await helmHome();
  const r = await runAction(
    { chart: `${dir}\n${good}`, ref: `oci://${registry.host}/attack`, 'plain-http': 'true', cache: path.join(home, 'cache') },
    { env },
  );
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const summary = await readFile(r.summaryFile, 'utf8');
  assert.match(summary, /<td>failed: /, summary);
  assert.doesNotMatch(summary, /\r/, JSON.stringify(summary));
  for (const block of blocksAfterBlankLine(summary)) assert.doesNotMatch(block, /# Rotate/, JSON.stringify(summary));
  const charts = JSON.parse(r.outputs.charts) as Array<{ source: string; status: string }>;
  assert.deepEqual(charts.map((c) => c.status).sort(), ['failed', 'pushed']);
});
