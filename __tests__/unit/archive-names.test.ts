import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { UnpackBudget } from '../../src/chart/chart.js';
import { goCleanPath, readChartArchive } from '../../src/chart/load-archive.js';
import { writeTar } from '../../src/chart/tar-writer.js';

const MiB = 1024 * 1024;
const tgz = (names: string[], after = Buffer.alloc(0)) =>
  gzipSync(
    Buffer.concat([
      writeTar(
        names.map((name) => ({ name, data: Buffer.from(`${name}\n`) })),
        0,
      ),
      after,
    ]),
  );

test("entry names are cleaned as Go's path.Clean cleans them", () => {
  const cases: Array<[string, string]> = [
    ['a/b', 'a/b'],
    ['./a//b/', 'a/b'],
    ['a/./b/.', 'a/b'],
    ['a/c/../b', 'a/b'],
    ['.', '.'],
    ['', '.'],
    ['..', '..'],
    ['../../a', '../../a'],
  ];
  for (const [input, clean] of cases) assert.equal(goCleanPath(input), clean, input);
});

test('an archive reads as Helm reads it: cleaned names, each once', async () => {
  const files = await readChartArchive(tgz(['c/Chart.yaml', 'c/./templates//a.yaml', 'c/files//b']), 'c.tgz');
  assert.deepEqual(
    files.map((f) => f.name),
    ['Chart.yaml', 'templates/a.yaml', 'files/b'],
  );
  const refused: Array<[string[], RegExp]> = [
    [['c/Chart.yaml', 'c/Chart.yaml'], /holds Chart\.yaml twice \("c\/Chart\.yaml" and "c\/Chart\.yaml"\): Helm would read the last one/],
    [['c/Chart.yaml', 'c/a', 'c/./a'], /holds a twice/],
    [['c/Chart.yaml', 'c/t', 'c/./t/a.yaml'], /holds t both as a file and as a folder/],
    [['c/Chart.yaml', 'c//etc/passwd'], /holds an absolute path: c\/\/etc\/passwd/],
    [['c/Chart.yaml', 'c/./.'], /outside the chart's folder/],
  ];
  for (const [names, says] of refused) await assert.rejects(readChartArchive(tgz(names), 'c.tgz'), says, names.join(' '));
});

test('every inflated byte counts against the budget: data after the end of the tar too', async () => {
  await readChartArchive(tgz(['c/Chart.yaml'], Buffer.alloc(MiB)), 'c.tgz');
  const budget = new UnpackBudget();
  await assert.rejects(
    readChartArchive(tgz(['c/Chart.yaml'], Buffer.alloc(101 * MiB)), 'c.tgz', budget),
    /unpacks to more than 104857600 bytes, nested archives included/,
  );
  // Shared: what one archive inflated is gone for the next.
  const shared = new UnpackBudget();
  await readChartArchive(tgz(['c/Chart.yaml'], Buffer.alloc(60 * MiB)), 'a.tgz', shared);
  await assert.rejects(readChartArchive(tgz(['c/Chart.yaml'], Buffer.alloc(60 * MiB)), 'b.tgz', shared), /unpacks to more than/);
});
