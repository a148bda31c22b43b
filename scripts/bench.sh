#!/usr/bin/env bash
# The benchmark as docs/benchmark.md shows it: on the mypyc-compiled build (scripts/compiled.sh),
# written to docs/benchmark.md. Extra arguments go to the benchmark (e.g. --quick, --stream).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(bash scripts/compiled.sh)
# (the compiled copy lives under build/: name the repo's articles explicitly)
PYTHONPATH="$dir" exec .venv/bin/python -m mahrumiat_extract.bench --markdown docs/benchmark.md \
  --samples data/samples/articles --dev ../shared/eval/dev.jsonl "$@"
