import type { Hints } from '../errors.js';

/** What to do, in the action's words: the inputs that change it. */
export const ACTION_HINTS: Hints = {
  subjects: { reference: 'ref' },
  unauthorized: 'Set the `username` and `password` inputs, or log in before this step',
  'https-expected': 'Remove `plain-http: true`',
  'http-expected': 'For a registry served over plain HTTP, set `plain-http: true`',
  'tls-untrusted': 'Give its CA with `ca-file`, or fix the certificate',
  'connection-refused': 'Check the host and port in `ref`, and that the registry is running',
  'unknown-host': 'Check the registry host name in `ref`',
  'cache-unwritable': 'Set the `cache` input to a writable folder',
  'chart-missing': 'Check the `chart` input: it takes a chart folder (holding Chart.yaml) or a packaged .tgz, relative to the workspace',
  'no-chart-yaml': 'Point `chart` at the folder that holds Chart.yaml',
  'username-colon': 'Check the `username` input',
  'ca-file-unreadable': 'Check the `ca-file` path',
  'ca-file-not-pem': '`ca-file` takes a PEM bundle (-----BEGIN CERTIFICATE-----)',
  'sign-key-unreadable': 'Set `sign-key` to an ASCII-armoured private key (gpg --export-secret-keys --armor KEY), from a secret',
  'sign-passphrase': 'Set `sign-passphrase` to the key’s passphrase, from a secret',
  'sign-key-name': 'Set `sign-key-name` to a user id or fingerprint of the key that signs',
  'ghcr-denied':
    'With GITHUB_TOKEN, give the job `permissions: packages: write` and, for an existing package, grant this repository Write access under the package settings (Manage Actions access)',
  'reset-over-plain-http': 'If the registry speaks HTTPS, remove `plain-http: true`',
  'version-invalid': 'Set the `version` input to MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
  'token-realm-refused':
    'If that host is this registry’s token service (a self-managed GitLab’s is the GitLab host, not the registry’s), list it in the `token-hosts` input (or CHARTLIFT_TOKEN_HOSTS)',
  'tag-immutable':
    'Publish a new chart version (the registry keeps a published tag as it is), or set `if-exists: skip` to keep what is there',
  'referrers-refused':
    'Set `keyless-sign: false` and `attest: false` for this registry (it stores no OCI 1.1 referrers), or publish the chart to a registry that keeps them',
  'referrers-tag-immutable':
    'Exempt sha256-* tags from the registry’s tag immutability (ECR: IMMUTABLE_WITH_EXCLUSION with the wildcard filter sha256-*; Harbor: exclude sha256-** in the rule), or set `keyless-sign: false` and `attest: false` for it',
  'rate-limited': 'Wait until then, or set `username` and `password`: an authenticated user has a higher limit',
  'artifacthub-annotation':
    'Fix the annotation in Chart.yaml (see https://artifacthub.io/docs/topics/annotations/helm/), or set `artifacthub-lint: warn` to publish with a warning',
  'expect-digest':
    "Set `expect-digest` to the digest of this chart's matrix entry (${{ matrix.digest }}), or to the plan's matrix output with `chart` naming the charts it lists",
};
