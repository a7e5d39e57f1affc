#!/bin/sh
# Install the Debian packages ecx needs, only those missing.
#   scripts/deps.sh build   what building needs
#   scripts/deps.sh test    build + what the tests need
#   scripts/deps.sh bench   build + what the benchmarks need
set -eu
what=${1:-build}
pkgs="build-essential pkg-config gettext libsqlite3-dev libgsl-dev libjansson-dev libmicrohttpd-dev libsodium-dev libutf8proc-dev"
case "$what" in
  build) ;;
  test)  pkgs="$pkgs clang libclang-rt-14-dev sqlite3 python3 python3-yaml curl time chromium nodejs npm" ;;
  bench) pkgs="$pkgs sqlite3 time nodejs npm" ;;
  *) echo "usage: scripts/deps.sh build|test|bench" >&2; exit 2 ;;
esac
missing=""
for p in $pkgs; do
  # Node.js may come from elsewhere than Debian (with its own npm): a
  # working command is enough.
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
