#!/usr/bin/env bash
# npm ci in the folder given, only when its node_modules is missing or older than its
# package-lock.json (idempotent). Installs Debian's npm first if the machine has none.
set -euo pipefail
dir="$1"
if ! command -v npm >/dev/null 2>&1; then
  echo "==> apt-get install npm"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm
fi
if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
  echo "==> npm ci ($dir)"
  (cd "$dir" && npm ci --no-audit --no-fund --silent)
  touch "$dir/node_modules"
else
  echo "==> npm packages present ($dir)"
fi
