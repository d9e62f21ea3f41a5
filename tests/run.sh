#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine (run as root) and runs it:
# Python with venv, Debian's Chromium and CJK fonts (for the browser tests), the pinned packages.
# Extra arguments go to pytest, e.g. `bash tests/run.sh -k browser`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in python3 python3-venv chromium fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r tests/requirements.txt

export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
