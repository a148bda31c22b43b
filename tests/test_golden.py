"""Golden records: every record of the project's samples, the dev sets and 300 corpus articles is
pinned (``scripts/make_golden.py`` writes them). A restructure or a speed change keeps them
byte-identical; a change meant to change records regenerates them in the same commit."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"

_spec = importlib.util.spec_from_file_location("make_golden", ROOT / "scripts" / "make_golden.py")
assert _spec is not None and _spec.loader is not None
make_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_golden)

HINT = "records changed: if meant, run `.venv/bin/python scripts/make_golden.py` and commit"


def test_sample_records_are_byte_identical() -> None:
    want = (GOLDEN / "samples.jsonl").read_text(encoding="utf-8").splitlines()
    got = make_golden.samples()
    assert len(got) == len(want)
    for i, (a, b) in enumerate(zip(got, want)):
        assert a == b, f"sample {i}: {HINT}"


@pytest.mark.shared
def test_shared_records_are_byte_identical() -> None:
    if not (make_golden.SHARED / "eval" / "dev.jsonl").exists():
        pytest.skip("../shared not found")
    want = json.loads((GOLDEN / "shared_digests.json").read_text(encoding="utf-8"))
    changed = [
        key
        for key, item in make_golden.shared_items()
        if want.get(key)
        != hashlib.sha256(make_golden.record_json(item).encode("utf-8")).hexdigest()
    ]
    assert not changed, f"{len(changed)} {HINT}: {changed[:10]}"
