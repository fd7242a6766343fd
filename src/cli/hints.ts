import type { Hints } from '../errors.js';

/** What to do, in the CLI's words: its commands and flags. */
export const CLI_HINTS: Hints = {
  unauthorized: 'Log in first: chartlift registry login HOST (or helm registry login)',
  'https-expected': 'Drop --plain-http',
  'http-expected': 'For a registry served over plain HTTP, add --plain-http',
  'tls-untrusted': 'Trust its CA with NODE_EXTRA_CA_CERTS=ca.pem (or SSL_CERT_FILE, or --ca-file ca.pem), or fix the certificate',
  'connection-refused': 'Check the registry host and port, and that the registry is running',
  'unknown-host': 'Check the registry host name',
  'cache-unwritable': 'Give --cache a writable folder',
  'chart-missing': 'Give chart save a chart folder (holding Chart.yaml) or a packaged .tgz',
  'no-chart-yaml': 'Give chart save the folder that holds Chart.yaml',
  'username-colon': 'Check the user name given with -u',
  'ca-file-unreadable': 'Check the path of the CA file',
  'ca-file-not-pem': 'A CA file is a PEM bundle (-----BEGIN CERTIFICATE-----)',
  'sign-key-unreadable': 'Give --keyring a private key file (gpg --export-secret-keys [--armor] KEY > FILE)',
  'sign-passphrase': 'Give the passphrase with --passphrase-file FILE',
  'sign-key-name': 'Name the key that signs with --key (a user id or fingerprint)',
  'ghcr-denied':
    'Log in with a personal access token that has the write:packages scope (chartlift registry login ghcr.io) and, for an existing package, grant that user Write access in the package settings',
  'reset-over-plain-http': 'If the registry speaks HTTPS, drop --plain-http',
  'token-realm-refused':
    'If that host is this registry’s token service (a self-managed GitLab’s is the GitLab host, not the registry’s), give --token-hosts HOST (or set CHARTLIFT_TOKEN_HOSTS=HOST)',
  'tag-immutable':
    'Publish a new chart version (the registry keeps a published tag as it is), or give --if-exists skip to keep what is there',
  'referrers-refused':
    'This registry stores no OCI 1.1 referrers: publish the chart without keyless signatures and attestations there, or to a registry that keeps them',
  'referrers-tag-immutable':
    'Exempt sha256-* tags from the registry’s tag immutability (ECR: IMMUTABLE_WITH_EXCLUSION with the wildcard filter sha256-*; Harbor: exclude sha256-** in the rule)',
  'rate-limited': 'Wait until then, or log in first (chartlift registry login HOST): an authenticated user has a higher limit',
  'expect-digest': "Give --expect-digest the digest the plan built for this chart (its matrix entry's), or the plan's JSON (@plan.json)",
  'version-invalid': 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0 (a leading v is dropped)',
};
