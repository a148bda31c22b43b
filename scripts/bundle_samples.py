"""Bundle the project's sample articles (data/samples/articles/*.txt) into the package:
src/mahrumiat_extract/resources/samples.jsonl.gz, one {"id", "text"} a line, so that the
benchmark of an installed wheel (no data/ beside it) finds its articles.

Deterministic (same articles -> byte-identical file: gzip without a timestamp; a test checks
it is up to date).

Usage: python scripts/bundle_samples.py [--check]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "samples" / "articles"
BUNDLE = ROOT / "src" / "mahrumiat_extract" / "resources" / "samples.jsonl.gz"


def build() -> bytes:
    lines = [
        json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
        for p in sorted(ARTICLES.glob("*.txt"))
    ]
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the bundle is out of date")
    args = parser.parse_args()
    data = build()
    if args.check:
        if not BUNDLE.exists() or BUNDLE.read_bytes() != data:
            print(f"{BUNDLE} is out of date: run python scripts/bundle_samples.py", file=sys.stderr)
            return 1
        return 0
    BUNDLE.write_bytes(data)
    print(f"{BUNDLE}: {len(data)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
