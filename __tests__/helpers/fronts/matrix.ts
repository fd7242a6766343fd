/**
 * What a publish through each hosted registry's front does, column by column: the one statement the
 * registry tests assert (scenario.ts runs every column of a row and checks exactly this cell) and the
 * table docs/registries.md shows (scripts/registries-table.ts renders it from here; a unit test checks
 * the file is what it renders). A cell changes here or nowhere.
 */

export const COLUMNS = ['login', 'push', 'unchanged', 'mount', 'keyless', 'attest', 'artifacthub', 'pull', 'verify'] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_TITLES: Record<Column, string> = {
  login: 'login',
  push: 'push',
  unchanged: 'unchanged',
  mount: 'second ref (mount)',
  keyless: 'keyless signature',
  attest: 'attestation',
  artifacthub: 'Artifact Hub',
  pull: 'pull',
  verify: 'verify',
};

/**
 * How a cell that works works, where the registries differ (each checked by the scenario):
 * mounted (201 to the mount), uploaded (202: the blobs went up again), api (the referrers API lists
 * it), fallback (the `sha256-<hex>` tag lists it: no API), unlisted (the API claims support but lists
 * none: the fallback tag lists it, and the log says so), token-hosts (its realm is on another host, taken
 * once listed in the `token-hosts` setting).
 */
export type How = 'mounted' | 'uploaded' | 'api' | 'fallback' | 'unlisted' | 'token-hosts';

export type Cell =
  /** Works (as `how` says). */
  | { ok: true; how?: How }
  /** Fails with one error that names this remedy (the test matches it in the error). */
  | { fails: string }
  /** Nothing to do: the column's subject does not exist there (why). */
  | { none: string };

export interface Row {
  /** The id the test file passes to registryMatrix. */
  id: string;
  registry: string;
  /** The test file that asserts the row. */
  test: string;
  /** What the user does first, if anything. */
  first?: string;
  cells: Record<Column, Cell>;
}

const OK: Cell = { ok: true };
const all = (over: Partial<Record<Column, Cell>>): Record<Column, Cell> => ({
  login: OK,
  push: OK,
  unchanged: OK,
  mount: { ok: true, how: 'mounted' },
  keyless: { ok: true, how: 'api' },
  attest: { ok: true, how: 'api' },
  artifacthub: OK,
  pull: OK,
  verify: OK,
  ...over,
});
const fallback: Partial<Record<Column, Cell>> = { keyless: { ok: true, how: 'fallback' }, attest: { ok: true, how: 'fallback' } };

export const ECR_REFERRERS_REMEDY = 'Set `keyless-sign: false` and `attest: false` for this registry';

export const ROWS: Row[] = [
  {
    id: 'ghcr',
    registry: 'GitHub Container Registry (ghcr.io)',
    test: '__tests__/integration/registry-ghcr.test.ts',
    first: 'Give the job `permissions: packages: write`; make a new package public in its settings for anonymous pulls',
    cells: all(fallback),
  },
  {
    id: 'docker-hub',
    registry: 'Docker Hub (registry-1.docker.io)',
    test: '__tests__/integration/registry-docker-hub.test.ts',
    first: 'Publish to `oci://registry-1.docker.io/<namespace>`: repositories are two components deep',
    cells: all(fallback),
  },
  {
    id: 'ecr',
    registry: 'Amazon ECR (OCI-Subject, referrers not listed)',
    test: '__tests__/integration/registry-ecr.test.ts',
    first: 'Create each repository (`aws ecr create-repository`) or a CREATE_ON_PUSH repository creation template',
    cells: all({ keyless: { ok: true, how: 'unlisted' }, attest: { ok: true, how: 'unlisted' } }),
  },
  {
    id: 'ecr-405',
    registry: 'Amazon ECR (referrer manifests refused, 405)',
    test: '__tests__/integration/registry-ecr.test.ts',
    first: 'Create each repository (`aws ecr create-repository`) or a CREATE_ON_PUSH repository creation template',
    cells: all({
      keyless: { fails: ECR_REFERRERS_REMEDY },
      attest: { fails: ECR_REFERRERS_REMEDY },
      verify: { none: 'no signature can be stored there' },
    }),
  },
  {
    id: 'acr',
    registry: 'Azure Container Registry (*.azurecr.io)',
    test: '__tests__/integration/registry-acr.test.ts',
    cells: all({}),
  },
  {
    id: 'gar',
    registry: 'Google Artifact Registry (*-docker.pkg.dev)',
    test: '__tests__/integration/registry-gar.test.ts',
    first: 'Create the repository (`gcloud artifacts repositories create`); publish to `oci://LOCATION-docker.pkg.dev/PROJECT/REPOSITORY`',
    cells: all({}),
  },
  {
    id: 'harbor',
    registry: 'Harbor 2.11+',
    test: '__tests__/integration/registry-harbor.test.ts',
    first: 'Create the project; a robot account `robot$<project>+<name>` with push and pull',
    cells: all({}),
  },
  {
    id: 'quay',
    registry: 'Quay (quay.io)',
    test: '__tests__/integration/registry-quay.test.ts',
    first: 'A robot account `<org>+<name>` with write permission (or the organisation’s default creator permission)',
    cells: all({}),
  },
  {
    id: 'artifactory',
    registry: 'JFrog Artifactory 7.90.1+ (*.jfrog.io)',
    test: '__tests__/integration/registry-artifactory.test.ts',
    first: 'Create the Docker repository; publish to `oci://<host>/<repository-key>`',
    cells: all({ mount: { ok: true, how: 'uploaded' } }),
  },
  {
    id: 'gitlab-com',
    registry: 'GitLab.com (registry.gitlab.com)',
    test: '__tests__/integration/registry-gitlab.test.ts',
    first: 'Publish under the project’s path, at most two names deeper',
    cells: all({}),
  },
  {
    id: 'gitlab-self-managed',
    registry: 'GitLab self-managed (registry on its own host, no metadata database)',
    test: '__tests__/integration/registry-gitlab.test.ts',
    first: 'List the GitLab host in `token-hosts` (`--token-hosts`): the registry’s token realm is there',
    cells: all({ login: { ok: true, how: 'token-hosts' }, ...fallback }),
  },
];

export function row(id: string): Row {
  const r = ROWS.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id} in __tests__/helpers/fronts/matrix.ts`);
  return r;
}
