import { Layout } from '../oci/layout.js';
import { readCached } from '../release/cached.js';
import type { ChartResult } from '../release/results.js';
import { ensureRelease, releaseHttp, type ReleaseAsset, type ReleaseOutcome } from './github-release.js';

export interface ReleaseSettings {
  cache: string;
  token: string;
  env: NodeJS.ProcessEnv;
  log: { info(line: string): void };
}

/**
 * A GitHub release `<name>-<version>` for each chart that stands published (pushed now, or unchanged:
 * a re-run makes a release the first run could not): the packaged chart and its provenance as the
 * cache holds them after the publish, that is, the exact bytes the tag holds, and the chart's release
 * notes. One chart's failure does not stop the others; each comes back in `errors`, by the chart's index.
 */
export async function makeReleases(
  results: ChartResult[],
  settings: ReleaseSettings,
): Promise<{ releases: Map<number, ReleaseOutcome>; errors: Map<number, unknown> }> {
  const releases = new Map<number, ReleaseOutcome>();
  const errors = new Map<number, unknown>();
  const layout = new Layout(settings.cache);
  // One client for every release of the run: its connections to GitHub's API are kept between charts.
  const http = releaseHttp();
  try {
    for (const [i, r] of results.entries()) {
      if (r.status !== 'pushed' && r.status !== 'unchanged') continue;
      const tag = `${r.name}-${r.version}`;
      try {
        const { artifact } = await readCached(layout, r.ref);
        const assets: ReleaseAsset[] = [{ name: `${tag}.tgz`, contentType: 'application/gzip', data: artifact.chart }];
        if (artifact.provenance)
          assets.push({ name: `${tag}.tgz.prov`, contentType: 'application/pgp-signature', data: artifact.provenance });
        const outcome = await ensureRelease(
          { tag, body: releaseBody(r), prerelease: r.version.split('+')[0].includes('-'), assets },
          {
            token: settings.token,
            repository: settings.env.GITHUB_REPOSITORY ?? '',
            apiUrl: settings.env.GITHUB_API_URL,
            commit: settings.env.GITHUB_SHA,
            http,
          },
          settings.log.info,
        );
        releases.set(i, outcome);
        settings.log.info(
          outcome.status === 'created'
            ? `GitHub release ${tag}: published with ${assets.map((a) => a.name).join(' and ')} (${outcome.url})`
            : `GitHub release ${tag}: exists already, left as it is (${outcome.url})`,
        );
      } catch (err) {
        errors.set(i, err);
      }
    }
  } finally {
    await http.close().catch(() => {});
  }
  return { releases, errors };
}

/**
 * GitHub refuses a release body longer than this (HTTP 422, "body is too long (maximum is 125000
 * characters)": undocumented, as seen in softprops/action-gh-release#374 and cli/cli#7705).
 */
const MAX_BODY = 125_000;

/** The release's text: the chart's notes (cut to GitHub's limit), then where the chart is and its digest (what to pull and to verify). */
function releaseBody(r: ChartResult): string {
  const where = `\`helm pull oci://${r.repository} --version ${r.version}\` (digest \`${r.digest}\`)\n`;
  let notes = r['release-notes'] ?? '';
  const room = MAX_BODY - where.length - 100;
  if (notes.length > room)
    notes = `${notes.slice(0, notes.lastIndexOf('\n', room) + 1)}\n(The notes are cut here: GitHub takes ${MAX_BODY} characters.)\n`;
  return notes ? `${notes}\n${where}` : where;
}
