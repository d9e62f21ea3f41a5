#!/usr/bin/env bash
# Installs what the benchmark needs on a fresh Debian machine (run as root) and prints its table:
# what the tests need, plus Node.js and the pinned Lighthouse (tests/benchmarks/package.json).
# Arguments pick groups of figures: build, serve, pages, lighthouse (all when none are given).
set -euo pipefail
cd "$(dirname "$0")/../.."
if command -v npm >/dev/null; then bash tests/install.sh; else bash tests/install.sh nodejs npm; fi
npm ci --prefix tests/benchmarks --no-audit --no-fund --loglevel=error
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python tests/benchmarks/bench.py "$@"
