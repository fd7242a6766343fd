import { UserError } from '../errors.js';
import { describe, type Descriptor } from '../oci/digest.js';
import { Annotation, OciMediaType } from '../oci/media-types.js';
import { capProblems, decodeGoYaml, problemLine, type GoType } from './go-yaml-struct.js';
import { MANIFEST_JSON } from './parse.js';
import { BoundsError, readJson } from '../util/bounded-read.js';

/**
 * Artifact Hub's repository metadata (artifacthub-repo.yml) as an OCI artifact, pushed beside a chart
 * under the tag `artifacthub.io`: Artifact Hub pulls that tag and takes the layer of this media type
 * (artifacthub/hub internal/repo/manager.go GetMetadata, MetadataLayerMediaType, artifacthubTag); the
 * manifest is what its docs' `oras push … --config /dev/null:<config type> artifacthub-repo.yml:<layer
 * type>` makes (docs/helm_charts_repositories.md), less oras's `created` time: the same file always
 * gives the same manifest, so its digest is its identity.
 */
const ArtifactHubMediaType = {
  config: 'application/vnd.cncf.artifacthub.config.v1+yaml',
  layer: 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml',
} as const;

export const ARTIFACTHUB_TAG = 'artifacthub.io';

/** The file names Artifact Hub looks for (manager.go: `.yml`, then `.yaml`). */
export const REPO_METADATA_FILES = ['artifacthub-repo.yml', 'artifacthub-repo.yaml'];

export interface RepoMetadataArtifact {
  manifest: Buffer;
  manifestDescriptor: Descriptor;
  config: Buffer;
  configDescriptor: Descriptor;
  layer: Buffer;
  layerDescriptor: Descriptor;
}

// internal/hub/repo.go RepositoryMetadata, Owner, RepositoryIgnoreEntry (read with gopkg.in/yaml.v2).
const REPO_METADATA: GoType = {
  struct: {
    repositoryID: 'string',
    owners: { list: { struct: { name: 'string', email: 'string' } } },
    ignore: { list: { struct: { name: 'string', version: 'string' } } },
  },
};

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Checks the file before anything is pushed: the fields Artifact Hub reads and no other, a UUID
 * `repositoryID` (Artifact Hub refuses the whole file otherwise), every owner with an email (the
 * ownership claim matches it), every ignore entry with a name. Throws every problem at once.
 */
export function checkRepoMetadata(bytes: Buffer, file: string): void {
  let text: string | undefined;
  try {
    // Pushed as it is: Go's YAML reader refuses the whole file at a byte that is not UTF-8.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  const { value, problems } = text === undefined ? { value: undefined, problems: [] } : decodeGoYaml(text, REPO_METADATA);
  const out = text === undefined ? ['not UTF-8 (Artifact Hub cannot read it): save it as UTF-8'] : problems.map(problemLine);
  if (out.length === 0) {
    if (value === null || value === undefined || typeof value !== 'object') out.push('empty: nothing for Artifact Hub to read');
    else {
      const md = value as {
        repositoryID?: unknown;
        owners?: Array<{ name?: unknown; email?: unknown } | null>;
        ignore?: Array<{ name?: unknown } | null>;
      };
      if (md.repositoryID != null && !UUID.test(String(md.repositoryID)))
        out.push(
          `repositoryID: ${JSON.stringify(String(md.repositoryID))} is not a UUID (the repository ID shown in the repository's settings on artifacthub.io)`,
        );
      (md.owners ?? []).forEach((o, i) => {
        if (o?.email == null || !EMAIL.test(String(o.email)))
          out.push(`owners[${i}]: no email (the claim is matched by the owner's email on artifacthub.io)`);
      });
      (md.ignore ?? []).forEach((e, i) => {
        if (e?.name == null || String(e.name) === '') out.push(`ignore[${i}]: no name (the package name, matched exactly)`);
      });
    }
  }
  if (out.length > 0)
    throw new UserError(`is not valid Artifact Hub repository metadata: ${capProblems(out).join('; ')}`, {
      where: file,
      hint: 'See https://github.com/artifacthub/hub/blob/master/docs/metadata/artifacthub-repo.yml',
    });
}

/** The artifact Artifact Hub reads: an empty config of its config type, and the file's bytes as the one layer. */
export function repoMetadataArtifact(bytes: Buffer, fileName = REPO_METADATA_FILES[0]): RepoMetadataArtifact {
  const config = Buffer.alloc(0);
  const configDescriptor = describe(ArtifactHubMediaType.config, config);
  // oras names a layer by its file (what `oras pull` writes it as).
  const layerDescriptor: Descriptor = { ...describe(ArtifactHubMediaType.layer, bytes), annotations: { [Annotation.title]: fileName } };
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OciMediaType.manifest, config: configDescriptor, layers: [layerDescriptor] }),
  );
  return {
    manifest,
    manifestDescriptor: describe(OciMediaType.manifest, manifest),
    config,
    configDescriptor,
    layer: bytes,
    layerDescriptor,
  };
}

/**
 * Whether a manifest already holds this metadata: the same config type and the same bytes as its one
 * metadata layer, whoever pushed it and whenever (an oras push stamps a time: that is not a change).
 */
export function holdsSameMetadata(manifest: Buffer, ours: RepoMetadataArtifact): boolean {
  let m: { config?: { mediaType?: unknown }; layers?: Array<{ mediaType?: unknown; digest?: unknown }> } | null;
  try {
    // The registry's answer, read within the bounds of any manifest.
    m = readJson(manifest.toString('utf8'), MANIFEST_JSON) as typeof m;
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof BoundsError) return false;
    throw err;
  }
  const layers = Array.isArray(m?.layers) ? m.layers : [];
  return (
    m?.config?.mediaType === ArtifactHubMediaType.config &&
    layers.length === 1 &&
    layers[0]?.mediaType === ArtifactHubMediaType.layer &&
    layers[0]?.digest === ours.layerDescriptor.digest
  );
}
