#!/usr/bin/env bash
# Create/refresh .venv (scripts/venv.sh) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
exec .venv/bin/python -m pytest -q "$@"
