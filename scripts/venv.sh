#!/usr/bin/env bash
# Create (or reuse) .venv at the repo root and install the package with every extra.
# Prefers Python 3.12 (hazm 0.11+ with light dependencies), then 3.13, then 3.11 (hazm 0.10).
set -euo pipefail
cd "$(dirname "$0")/.."
pick_python() {
  # 1. python3.12 / python3.13 on PATH; 2. a pyenv-installed 3.12 / 3.13; 3. 3.11 (hazm 0.10)
  for cand in python3.12 python3.13; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys' 2>/dev/null; then echo "$cand"; return; fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for minor in 3.12 3.13; do
      v=$(pyenv versions --bare 2>/dev/null | grep -E "^${minor//./\\.}\.[0-9]+$" | sort -V | tail -n1 || true)
      if [ -n "$v" ] && [ -x "$(pyenv root)/versions/$v/bin/python$minor" ]; then
        echo "$(pyenv root)/versions/$v/bin/python$minor"; return
      fi
    done
  fi
  for cand in python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; assert (3,11) <= sys.version_info[:2] < (3,14)' 2>/dev/null; then
      echo "$cand"; return
    fi
  done
  echo "no Python 3.11-3.13 found" >&2; exit 1
}
stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  py=$(pick_python)
  echo "creating .venv with $("$py" --version)" >&2
  "$py" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  # (pip's notes about index locations configured on this machine are left out of the log)
  quiet() { "$@" 2>&1 | { grep -v "^WARNING: Location 'file:" || true; } >&2; }
  quiet .venv/bin/python -m pip install -q --upgrade pip
  quiet .venv/bin/python -m pip install -q -e ".[all,test]"
  touch "$stamp"
fi
