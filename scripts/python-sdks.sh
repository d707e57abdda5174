#!/usr/bin/env bash
# Creates .venv in the repository root and installs the real Segment and RudderStack Python
# client libraries from PyPI; the KontorServer tests drive them against a live server.
# Safe to run again: the venv is created once, and only missing libraries are installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# name=version range (major versions the tests were written against)
requirements=(
  "segment-analytics-python>=2.3,<3"
  "rudder-sdk-python>=2.1,<3"
)

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi

missing=()
for requirement in "${requirements[@]}"; do
  name="${requirement%%[<>=]*}"
  .venv/bin/python -m pip show --quiet "$name" >/dev/null 2>&1 || missing+=("$requirement")
done

if [ ${#missing[@]} -gt 0 ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "${missing[@]}"
fi
echo "python-sdks: .venv ready (${requirements[*]})"
