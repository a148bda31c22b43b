#!/usr/bin/env bash
# Build the mypyc-compiled package (setup.py; MAHRUMIAT_COMPILE=1: compiled or an error, never
# the pure-Python fallback a plain `pip install .` may take) into build/compiled/: an
# unpacked wheel without dependencies, run with the .venv's interpreter:
#     PYTHONPATH=build/compiled .venv/bin/python -m mahrumiat_extract.bench
# Rebuilt only when setup.py, _build/ or a file under src/ changed; prints the directory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
out=build/compiled
sum=$( { cat setup.py _build/*.py; find src -type f ! -name '*.pyc' ! -path '*.egg-info*' | LC_ALL=C sort | xargs cat; } | sha256sum | cut -d' ' -f1)
if [ -f "$out/.sources" ] && [ "$(cat "$out/.sources")" = "$sum" ]; then echo "$out"; exit 0; fi
rm -rf "$out" build/wheel
echo "compiling with mypyc (about 2 minutes) ..." >&2
MAHRUMIAT_COMPILE=1 .venv/bin/python -m pip wheel -q --no-deps --no-build-isolation -w build/wheel . 2>&1 \
  | { grep -v "^WARNING: Location 'file:" || true; } >&2
.venv/bin/python -m zipfile -e build/wheel/*.whl "$out"
echo "$sum" > "$out/.sources"
echo "$out"
