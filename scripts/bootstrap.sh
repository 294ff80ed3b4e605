#!/usr/bin/env bash
# Installs the Debian packages Kindly needs when they are missing, then builds it in build/.
# Used by demo.sh and test.sh; safe to run again (it only installs what is absent).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make pkg-config python3 libpoco-dev libsqlite3-dev libxlsxwriter-dev
          libgtest-dev libmstch-dev python3-aiosmtpd openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
