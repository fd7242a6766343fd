import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { runAction } from '../helpers/action.js';
import { CASES, type ConformanceCase } from '../helpers/conformance-cases.js';
import { exec } from '../helpers/exec.js';
import { tool } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import { readTgz } from '../helpers/tgz.js';

// Helm 4.1.4 is the oracle: where it packages (a folder) or loads (an archive) a chart, Chartlift must
// produce an equivalent chart (the same files, and helm show chart / show values / template give the
// same answers for both archives); where Helm refuses, Chartlift refuses with one clear error. The
// differences kept on purpose are named in each case and in the README.
const HELM = () => tool('helm4');

interface Verdict {
  id: string;
  helm: 'ok' | 'refused';
  ours: 'ok' | 'refused';
  agree: boolean;
  detail: string;
  /** Helm 3.17.3's answer to the same command, for a case that names how it differs. */
  helm3?: 'ok' | 'refused';
}

let work: string;
before(async () => {
  work = await tempDir('chartlift-conformance-');
});

async function judge(c: ConformanceCase, i: number): Promise<Verdict> {
  const root = path.join(work, String(i));
  const source = await c.make(root);
  const isArchive = (await stat(source)).isFile();
  const helmOut = path.join(work, `${i}-helm`);
  await mkdir(helmOut, { recursive: true });
  const h = isArchive ? await exec(HELM(), ['show', 'chart', source]) : await exec(HELM(), ['package', source, '-d', helmOut]);
  const helmTgz = isArchive ? source : path.join(helmOut, (await readdir(helmOut)).find((f) => f.endsWith('.tgz')) ?? 'none');
  const helm = h.code === 0 ? 'ok' : 'refused';
  let helm3: Verdict['helm3'];
  if (c.helm3) {
    const out3 = path.join(work, `${i}-helm3`);
    const h3 = await exec(tool('helm3'), isArchive ? ['show', 'chart', source] : ['package', source, '-d', out3]);
    helm3 = h3.code === 0 ? 'ok' : 'refused';
  }

  const cache = path.join(work, `${i}-cache`);
  const r = await runAction(
    { chart: source, ref: 'oci://localhost:5000/conformance', push: 'false', cache },
    { env: { SOURCE_DATE_EPOCH: '' } },
  );
  const ours = r.code === 0 ? 'ok' : 'refused';
  const verdict = (agree: boolean, detail: string): Verdict => ({ id: c.id, helm, ours, agree, detail, helm3 });

  if (ours === 'refused') {
    if (r.errors.length !== 1) return verdict(false, `refused without exactly one ::error:: line:\n${r.stdout}${r.stderr}`);
    return verdict(helm === 'refused', `ours: ${r.errors[0]} | helm: ${(h.stderr || h.stdout).trim()}`);
  }
  if (helm === 'refused') return verdict(false, `helm refused (${h.stderr.trim()}), Chartlift published`);

  const ourTgz = path.join(work, `${i}-ours.tgz`);
  await writeFile(ourTgz, await readFile(path.join(cache, 'blobs', 'sha256', r.outputs['chart-digest'].slice('sha256:'.length))));
  if (isArchive) {
    const sha = `sha256:${createHash('sha256')
      .update(await readFile(source))
      .digest('hex')}`;
    return verdict(sha === r.outputs['chart-digest'], 'an archive is pushed as it is');
  }
  const names = async (f: string) => (await readTgz(await readFile(f))).map((e) => e.name).sort();
  const [a, b] = [await names(ourTgz), await names(helmTgz)];
  if (JSON.stringify(a) !== JSON.stringify(b)) return verdict(false, `files differ:\n ours ${a.join(' ')}\n helm ${b.join(' ')}`);
  for (const args of [
    ['show', 'chart'],
    ['show', 'values'],
    ['template', 'rel'],
  ]) {
    const [x, y] = [await exec(HELM(), [...args, ourTgz]), await exec(HELM(), [...args, helmTgz])];
    if (x.code !== y.code || (x.code === 0 && x.stdout !== y.stdout))
      return verdict(
        false,
        `helm ${args.join(' ')} differs:\n--- ours (${x.code})\n${x.stdout}${x.stderr}\n--- helm's (${y.code})\n${y.stdout}${y.stderr}`,
      );
  }
  return verdict(true, 'equivalent');
}

test(`conformance with Helm 4.1.4's loader and packaging: ${CASES.length} cases`, async () => {
  const verdicts: Verdict[] = [];
  for (let i = 0; i < CASES.length; i += 4) verdicts.push(...(await Promise.all(CASES.slice(i, i + 4).map((c, j) => judge(c, i + j)))));
  const kept = new Map(CASES.filter((c) => c.kept).map((c) => [c.id, c.kept!]));
  const agreeing = verdicts.filter((v) => v.agree).length;
  console.log(`conformance: ${agreeing}/${verdicts.length} cases agree with Helm 4.1.4; kept differences: ${kept.size}`);
  for (const [id, k] of kept) console.log(`  kept: ${id} (helm ${k.helm}): ${k.reason}`);
  for (const c of CASES.filter((x) => x.helm3)) console.log(`  Helm 3.17.3 differs: ${c.id}: ${c.helm3}`);
  const wrong: string[] = [];
  for (const v of verdicts) {
    const reason = kept.get(v.id);
    if (reason) {
      // A kept difference is pinned: if Helm or Chartlift changes, so must this list (and the README's).
      if (v.helm !== reason.helm || v.ours === v.helm) wrong.push(`${v.id}: kept as a difference, but helm ${v.helm} and ours ${v.ours}`);
    } else if (!v.agree) wrong.push(`${v.id} (helm ${v.helm}, ours ${v.ours}): ${v.detail}`);
    // A difference from Helm 3.17.3 named in a case is measured, not only said.
    if (v.helm3 !== undefined && v.helm3 === v.helm) wrong.push(`${v.id}: said to differ in Helm 3.17.3, but helm3 ${v.helm3} too`);
  }
  assert.deepEqual(wrong, []);
  assert.equal(agreeing, verdicts.length - kept.size);
});
