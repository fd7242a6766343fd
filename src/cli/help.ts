/** Usage text for every command (`--help`). */
export const HELP: Record<string, string> = {
  '': `chartlift: publish Helm charts to OCI registries, natively.

Usage: chartlift <command> [options]

Commands:
  publish CHART... --ref REF...   the action's whole publication: package, push, sign, attest, once
  registry login [-u USER] [--password-stdin] [--plain-http] HOST   log in to a registry
  registry logout HOST                                              log out of a registry
  chart save DIR REF [--sign]     package a chart folder (or .tgz) and save it in the cache
  chart list                      list the charts in the cache
  chart export REF [-d DIR]       unpack a cached chart into DIR/<name>/
  chart push REF                  push a cached chart to its registry
  chart remove REF                remove a chart from the cache
  chart pull REF [--verify]       pull a chart from a registry into the cache
  chart verify REF                check a pushed chart's keyless signature or attestation

Global options:
  --cache DIR    the OCI-layout cache (default: Helm's registry cache, ~/.cache/helm/registry/cache)
  -h, --help     help for a command
  --version      print Chartlift's version (alone: chartlift --version)

REF is a full reference, host[:port]/path/name:tag; pull, export, push and remove also take it as
helm does, oci://host[:port]/path/name --version VERSION. Credentials are Helm's (registry login)
and Docker's, shared with helm.`,
  publish: `Usage: chartlift publish CHART... --ref REF... [options]

Publishes as the GitHub Action does, for GitLab CI, any other CI and a terminal: each CHART (a chart
folder, a packaged .tgz, or a pattern: charts/*, charts/**, !charts/skip) is packaged reproducibly, saved
in the cache and pushed to every REF (oci://host/namespace, or a full reference), exactly once: a tag
that holds the same chart is left alone (unchanged); a different one meets --if-exists. Exit status 0
when every chart succeeded, 1 otherwise.

Every option is the action's input of the same name, and may come from CHARTLIFT_<NAME> instead
(--if-exists: CHARTLIFT_IF_EXISTS; the charts: CHARTLIFT_CHART, one a line). In a GitLab CI job,
CI_PROJECT_DIR, CI_PROJECT_URL and, for a REF on CI_REGISTRY with no credentials given, the job's own
login (CI_REGISTRY_USER, CI_REGISTRY_PASSWORD) are used.

Where to, and how:
  --ref REF                    where to publish (repeat for several)
  -u, --username USER          the first REF's registry user, with --password-stdin or CHARTLIFT_PASSWORD
  --password-stdin             read the password from standard input
  --no-push, --push=false      package and save to the cache only
  --if-exists fail|skip|overwrite   a tag holding different content: fail (default), keep it, or replace it
  --plain-http                 talk HTTP instead of HTTPS
  --ca-file FILE               trust this PEM bundle besides the system's roots
  --token-hosts HOSTS          hosts besides a registry's own that may serve its login tokens (comma-separated;
                               in a GitLab job, CI_SERVER_URL's host is one)
  --insecure-skip-tls-verify   check no TLS certificate (loudly warned; prefer --ca-file)
  --retries N                  tries again after a transient failure (default 8)
  --timeout SECONDS            one request's time (default 60)
  --cache DIR                  the OCI-layout cache (default: Helm's registry cache)
What is built:
  --version VERSION            the chart version to publish (a leading v is dropped)
  --app-version VERSION        the appVersion
  --annotations KEY=VALUE      an extra manifest annotation (repeat for several)
  --layer-media-type modern|legacy   legacy: application/tar+gzip, for Helm 3.0–3.6
Signing:
  --sign-key FILE              sign with this armoured OpenPGP private key (or CHARTLIFT_SIGN_KEY: the key)
  --sign-passphrase-file FILE  its passphrase (or CHARTLIFT_SIGN_PASSPHRASE)
  --sign-key-name NAME         which key of several signs
  --sign-key-url URL           where the public key is (artifacthub.io/signKey)
  --keyless-sign               sign the manifest digest keylessly (Sigstore), once
  --attest                     attest the build's SLSA provenance (a GitLab CI job's), once
  --signature-format bundle|classic|both   a Sigstore bundle as a referrer, cosign's classic .sig/.att
                               tags, or both (the default)
  --identity-token-file FILE   the OIDC token for Sigstore (default: SIGSTORE_ID_TOKEN)
  --certificate-identity ID, --certificate-oidc-issuer URL
                               the identity Sigstore certifies, for a CI whose token does not say it
                               (GitLab's and GitHub's do)
  --fulcio-url URL, --rekor-url URL, --tsa-url URL, --trusted-root FILE
                               a private Sigstore instance (default: Sigstore's public-good one)
Artifact Hub:
  --artifacthub-repo FILE      an artifacthub-repo.yml for every chart (default: each chart folder's)
  --artifacthub-lint error|warn   a malformed artifacthub.io/* annotation fails (default) or warns
Plans:
  --plan                       say what a publish would do, chart by chart and ref by ref; write nothing
  --expect-digest DIGEST|JSON|@FILE   refuse a chart whose build is not the digest its plan built
Results:
  --output json                print the charts JSON on standard output (the log goes to standard error)
  --dotenv FILE                write DIGEST, DIGEST_REF, STATUS, … and CHARTS for a later job
                               (GitLab: artifacts: reports: dotenv: FILE)

Keyless signing needs Node.js 22.22+ or 24.15+; the rest runs on Node.js 20.18+.`,
  'registry login': `Usage: chartlift registry login [-u USER] [--password-stdin] [--plain-http] [--ca-file FILE] [--token-hosts HOSTS] HOST

Checks the credentials against the registry and stores them in Helm's registry config, as
helm registry login does. Without --password-stdin the password is asked for (not echoed).

Options:
  -u, --username USER   the user name (asked for when missing)
  --password-stdin      read the password from standard input
  --plain-http          talk HTTP instead of HTTPS
  --ca-file FILE        trust the registry's certificate from this PEM bundle (besides the system's roots)
  --token-hosts HOSTS   hosts besides the registry's own that may serve its tokens (a self-managed GitLab's
                        host), comma-separated; also read from CHARTLIFT_TOKEN_HOSTS`,
  'registry logout': `Usage: chartlift registry logout HOST

Removes the stored login for HOST from Helm's registry config.`,
  'chart save': `Usage: chartlift chart save DIR REF [--sign --keyring FILE [--key NAME] [--passphrase-file FILE]]

Packages the chart in DIR (or the packaged chart DIR.tgz) reproducibly and saves it in the
cache as REF. REF may also be oci://host/namespace (the chart name and version are appended).

Options:
  --sign                   make a provenance file (.prov) as helm package --sign does, saved beside the chart
  --keyring FILE           the private keys: gpg --export-secret-keys [--armor] KEY > FILE
  --key NAME               which key signs (a user id, or part of one, or a fingerprint)
  --passphrase-file FILE   the key's passphrase`,
  'chart list': `Usage: chartlift chart list

Lists the charts in the cache: REF, NAME, VERSION, DIGEST (the manifest's), SIZE, CREATED.`,
  'chart export': `Usage: chartlift chart export REF [--version VERSION] [-d DIR]

Unpacks the cached chart REF into DIR/<name>/ (DIR defaults to the current folder).

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)
  -d, --destination DIR   where to unpack`,
  'chart push': `Usage: chartlift chart push REF [--version VERSION] [--plain-http] [--ca-file FILE] [--token-hosts HOSTS] [--if-exists fail|skip|overwrite]

Pushes the cached chart REF to its registry with the stored credentials.

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)
  --plain-http           talk HTTP instead of HTTPS
  --ca-file FILE         trust the registry's certificate from this PEM bundle (besides the system's roots)
  --token-hosts HOSTS    hosts besides the registry's own that may serve its tokens (also CHARTLIFT_TOKEN_HOSTS)
  --if-exists POLICY     when the tag holds other content: fail (default), skip or overwrite`,
  'chart remove': `Usage: chartlift chart remove REF [--version VERSION]

Removes REF from the cache, and the blobs no other cached chart uses.

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)`,
  'chart pull': `Usage: chartlift chart pull REF [--version VERSION] [--plain-http] [--ca-file FILE] [--verify [--keyring FILE] [--certificate-identity ID --certificate-oidc-issuer URL ...]]

Pulls REF from its registry into the cache, verifying every blob's digest and size.

Options:
  --version VERSION  the tag, when REF has none (oci://host/path/name --version 0.1.0, as helm takes it)
  --plain-http       talk HTTP instead of HTTPS
  --ca-file FILE     trust the registry's certificate from this PEM bundle (besides the system's roots)
  --token-hosts HOSTS  hosts besides the registry's own that may serve its tokens (also CHARTLIFT_TOKEN_HOSTS)
  --verify           check the chart's provenance as helm pull --verify does (with --keyring), its keyless
                     signature (with --certificate-identity and --certificate-oidc-issuer, as chart verify,
                     in either form unless --signature-format names one), or both; nothing is saved if a
                     check fails
  --keyring FILE     the signers' public keys: gpg --export KEY > FILE`,
  'chart verify': `Usage: chartlift chart verify REF [--version VERSION] --certificate-identity ID --certificate-oidc-issuer URL [--certificate-github-workflow-repository OWNER/REPO] [--type signature|slsaprovenance] [--signature-format bundle|classic|both] [--trusted-root FILE] [--plain-http] [--ca-file FILE]

Checks that the manifest REF points at carries a keyless Sigstore signature (or, with
--type slsaprovenance, a SLSA provenance attestation) made by ID, valid against Sigstore's
public-good trusted root (fetched and verified through its TUF repository) or FILE, and says
where it found it: a Sigstore bundle among the manifest's referrers (cosign 3), or a layer of
cosign's classic tag sha256-<hex>.sig (.att for an attestation; cosign 2). Needs Node.js
22.22+ or 24.15+.

Options:
  --certificate-identity ID          the signer: the certificate's SAN, e.g. a workflow's
                                     https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main
  --certificate-identity-regexp RE   the signer, as a regular expression instead
  --certificate-oidc-issuer URL      its OIDC issuer (GitHub Actions: https://token.actions.githubusercontent.com)
  --certificate-github-workflow-repository OWNER/REPO
                                     the repository whose workflow ran: a reusable workflow signs as
                                     itself (its own path is the identity), this names its caller
  --type TYPE                        signature (default) or slsaprovenance
  --signature-format FORM            the form that must verify: bundle (a referrer), classic
                                     (the .sig/.att tag) or both; without it, either (bundle first)
  --trusted-root FILE                a Sigstore instance's trusted_root.json (a private instance)
  --plain-http                       talk HTTP instead of HTTPS
  --ca-file FILE                     trust the registry's certificate from this PEM bundle
  --token-hosts HOSTS                hosts besides the registry's own that may serve its tokens (also CHARTLIFT_TOKEN_HOSTS)`,
};
