import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsCode, UserError } from '../errors.js';
import { isWithin, linkBoundary } from '../chart/link-boundary.js';
import { GO_YAML_BOUNDS } from '../artifact/go-yaml-struct.js';
import { readRegularFile } from '../util/read-regular-file.js';
import {
  ARTIFACTHUB_TAG,
  checkRepoMetadata,
  holdsSameMetadata,
  REPO_METADATA_FILES,
  repoMetadataArtifact,
  type RepoMetadataArtifact,
} from '../artifact/artifacthub-repo.js';
import { OciMediaType } from '../oci/media-types.js';
import type { RegistryClient } from '../oci/registry.js';
import { loadYaml } from '../util/yaml-lib.js';

/** An artifacthub-repo.yml read and checked, ready to push beside any chart. */
export interface RepoMetadata {
  file: string;
  artifact: RepoMetadataArtifact;
}

/**
 * The repository metadata for a chart: `given` (one file for every chart) when set, else an
 * artifacthub-repo.yml (or .yaml) in the chart folder; undefined when there is none (a packaged
 * .tgz has no folder of its own). Checked before anything is pushed. Its bytes are published as they
 * are: only a regular file is read (a device or a FIFO would never end), at most what the check
 * reads, and the chart folder's may link no further than the chart's files may (linkBoundary).
 */
export async function findRepoMetadata(chartSource: string, given?: string, workspace?: string): Promise<RepoMetadata | undefined> {
  const candidates = given ? [given] : chartSource.endsWith('.tgz') ? [] : REPO_METADATA_FILES.map((f) => path.join(chartSource, f));
  for (const file of candidates) {
    let bytes: Buffer;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a regular file');
      if (!given) {
        const boundary = linkBoundary(chartSource, workspace);
        if (!isWithin(await realpath(file), boundary)) throw new Error(`it links out of ${boundary}`);
      }
      bytes = await readRegularFile(file, GO_YAML_BOUNDS.maxBytes);
    } catch (err) {
      if (!given && (fsCode(err) === 'ENOENT' || fsCode(err) === 'ENOTDIR')) continue;
      throw new UserError(`cannot read the Artifact Hub repository metadata (${fsCode(err) ?? (err as Error).message})`, {
        where: file,
        hint: 'Give the path of an artifacthub-repo.yml file',
      });
    }
    await loadYaml();
    checkRepoMetadata(bytes, file);
    return { file, artifact: repoMetadataArtifact(bytes, path.basename(file)) };
  }
  return undefined;
}

/**
 * Pushes the metadata to `repository:artifacthub.io` unless the tag already holds the same file
 * (content, not time: see holdsSameMetadata); the blobs first, the manifest last.
 */
export async function pushRepoMetadata(
  client: RegistryClient,
  repository: string,
  artifact: RepoMetadataArtifact,
): Promise<{ status: 'pushed' | 'unchanged'; digest: string }> {
  const ours = artifact.manifestDescriptor.digest;
  const current = await client.resolveTag(repository, ARTIFACTHUB_TAG, true);
  if (current === ours) return { status: 'unchanged', digest: ours };
  if (current !== undefined) {
    const theirs = await client.fetchManifestIfAny(repository, current, OciMediaType.manifest);
    if (theirs && holdsSameMetadata(theirs.body, artifact)) return { status: 'unchanged', digest: current };
  }
  for (const [d, data] of [
    [artifact.configDescriptor, artifact.config],
    [artifact.layerDescriptor, artifact.layer],
  ] as const) {
    if (!(await client.hasBlob(repository, d))) await client.uploadBlob(repository, d, data);
  }
  await client.pushManifest(repository, ARTIFACTHUB_TAG, artifact.manifest, OciMediaType.manifest);
  return { status: 'pushed', digest: ours };
}
