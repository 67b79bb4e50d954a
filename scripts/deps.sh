#!/usr/bin/env bash
# Installs the Debian packages mgc needs to build and test, only those that
# are missing (so a second run costs nothing).  Usage: scripts/deps.sh [PKG...]
set -euo pipefail

pkgs=(gcc meson ninja-build pkg-config python3 libcmocka-dev golang-1.19-go golang-1.19-src "$@")
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q "${missing[@]}"
fi
