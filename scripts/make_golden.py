"""Write the golden records that tests/test_golden.py compares against.

- ``tests/golden/samples.jsonl``: the whole record (JSON) of every article of the project's own
  sample gold (``data/samples/gold.jsonl``), one a line.
- ``tests/golden/shared_digests.json``: for the dev sets and 300 corpus articles of ``../shared``
  (real news, which is never copied into the project), the SHA-256 of each record's JSON.

Run it after a change that is meant to change records, and commit what it writes with the change:
``.venv/bin/python scripts/make_golden.py`` (``--check`` compares instead of writing and lists the
ids whose records changed).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "data" / "samples" / "gold.jsonl"
CORPUS_N = 300


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def record_json(item: dict[str, Any]) -> str:
    from mahrumiat_extract import extract

    record = extract(item["text"], id=item["id"])
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def shared_items() -> Iterator[tuple[str, dict[str, Any]]]:
    for name in ("dev.jsonl", "dev2.jsonl"):
        for item in _jsonl(SHARED / "eval" / name):
            yield f"{name}:{item['id']}", item
    for item in itertools.islice(_jsonl(SHARED / "corpus" / "news.jsonl.gz"), CORPUS_N):
        yield f"corpus:{item['id']}", item


def samples() -> list[str]:
    return [record_json(item) for item in _jsonl(SAMPLES)]


def digests() -> dict[str, str]:
    return {
        key: hashlib.sha256(record_json(item).encode("utf-8")).hexdigest()
        for key, item in shared_items()
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    args = ap.parse_args(argv)
    sample_lines = samples()
    have_shared = (SHARED / "eval" / "dev.jsonl").exists()
    digest_map = digests() if have_shared else None
    if args.check:
        changed = []
        old = (GOLDEN / "samples.jsonl").read_text(encoding="utf-8").splitlines()
        changed += [f"samples:{i}" for i, (a, b) in enumerate(zip(old, sample_lines)) if a != b]
        if digest_map is not None:
            old_d = json.loads((GOLDEN / "shared_digests.json").read_text(encoding="utf-8"))
            changed += [k for k in digest_map if old_d.get(k) != digest_map[k]]
        print("\n".join(changed) or "no record changed")
        return 1 if changed else 0
    GOLDEN.mkdir(parents=True, exist_ok=True)
    (GOLDEN / "samples.jsonl").write_text("\n".join(sample_lines) + "\n", encoding="utf-8")
    if digest_map is not None:
        (GOLDEN / "shared_digests.json").write_text(
            json.dumps(digest_map, indent=0, sort_keys=True) + "\n", encoding="utf-8"
        )
    else:
        print("../shared not found: only the samples' golden records were written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
