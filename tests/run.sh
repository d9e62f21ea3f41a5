#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine (run as root) and runs it.
# Extra arguments go to pytest, e.g. `bash tests/run.sh -k browser`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/install.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
