#!/usr/bin/env bash
# Installs, on a fresh Debian machine (run as root), what the tests need: Python with venv,
# Debian's Chromium and CJK fonts (for the browser tests), nginx (to test deploy/nginx.conf), and
# the locked packages in .venv (tests/requirements.lock: every package at an exact version,
# indirect ones included).
# Extra arguments are further Debian packages to install.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in python3 python3-venv chromium fonts-noto-cjk nginx "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r tests/requirements.lock
