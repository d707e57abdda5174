#!/usr/bin/env bash
# Installs the system packages Kontor needs to build and test on Debian/Ubuntu.
# Safe to run again: it only installs what is missing.
set -euo pipefail

packages=(libsqlite3-dev sqlite3 zlib1g-dev python3-venv chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
echo "bootstrap: system packages ready (${packages[*]})"

# The real Segment and RudderStack Python SDKs, used by the ingest tests.
bash "$(dirname "$0")/python-sdks.sh"

# A local PostgreSQL (role and database `kontor`) for the `postgres` source tests.
bash "$(dirname "$0")/postgres.sh"
