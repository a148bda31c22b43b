"""Shared fixtures: paths to ../shared (tests that need it skip cleanly when it is absent),
and a check that every span of every record satisfies ``original[start:end] == text``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract.records import ArticleRecord

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev.jsonl"
SAMPLES = ROOT / "data" / "samples"


def assert_spans(record: ArticleRecord, text: str) -> None:
    """Every span in ``record`` indexes ``text`` exactly."""
    for kind, span in record.spans():
        assert 0 <= span.start < span.end <= len(text), (kind, span)
        assert text[span.start : span.end] == span.text, (kind, span)


@pytest.fixture(scope="session")
def dev_articles() -> list[dict[str, Any]]:
    if not DEV.exists():
        pytest.skip(f"{DEV} not found: the dev set lives in ../shared, beside the repo")
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def iter_dev() -> Iterator[dict[str, Any]]:
    if DEV.exists():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


@pytest.fixture(autouse=True)
def _every_record_has_exact_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every record the test suite produces in-process is checked:
    ``original[start:end] == text`` for each span."""
    from mahrumiat_extract.pipeline import Pipeline

    original = Pipeline.record

    def checked(self: Pipeline, doc: Any) -> ArticleRecord:
        record = original(self, doc)
        assert_spans(record, doc.text)
        return record

    monkeypatch.setattr(Pipeline, "record", checked)
