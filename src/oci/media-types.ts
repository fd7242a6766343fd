/** The OCI media types and annotation keys the registry client and the layout deal in (any artifact). */
export const OciMediaType = {
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  index: 'application/vnd.oci.image.index.v1+json',
  /** Docker's image manifest (schema 2), which registries and cosign still write. */
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** What a manifest is asked for as: any of the three (a tag may hold an index). */
export const MANIFEST_ACCEPT = [OciMediaType.manifest, OciMediaType.dockerManifest, OciMediaType.index].join(', ');

export const Annotation = {
  refName: 'org.opencontainers.image.ref.name',
  title: 'org.opencontainers.image.title',
  version: 'org.opencontainers.image.version',
  description: 'org.opencontainers.image.description',
  url: 'org.opencontainers.image.url',
  source: 'org.opencontainers.image.source',
  authors: 'org.opencontainers.image.authors',
  created: 'org.opencontainers.image.created',
} as const;
