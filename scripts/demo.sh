#!/usr/bin/env bash
# The README's first command: set up .venv, run the batch job over the bundled sample feeds
# (JSONL, CSV, RSS, Atom, WARC, .txt and .html files, a .gz) into a DuckDB store, and show it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
mkdir -p out
rm -f out/samples.duckdb out/samples.duckdb.wal
status=0
.venv/bin/mahrumiat-extract run data/samples/feeds -o out/samples.duckdb --jobs 2 --no-progress || status=$?
.venv/bin/python - <<'PY'
import duckdb
con = duckdb.connect("out/samples.duckdb", read_only=True)
n = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
     for t in ("articles", "officials", "places", "provinces", "figures", "errors")}
print(f"\nstore: out/samples.duckdb")
print(f"summary: {n['articles']} articles, {n['officials']} officials, {n['places']} places, "
      f"{n['provinces']} provinces, {n['figures']} figures, {n['errors']} errors")
print("\nplaces named most often:")
for name, k in con.execute("SELECT name, count(*) AS k FROM places GROUP BY name ORDER BY k DESC, name LIMIT 5").fetchall():
    print(f"  {k:3d}  {name}")
print("\nquery it:  .venv/bin/python -c \"import duckdb; print(duckdb.connect('out/samples.duckdb').sql('SELECT * FROM figures LIMIT 10'))\"")
PY
exit $status
