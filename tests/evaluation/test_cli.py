"""The ``evaluate`` command: table, JSON, --errors, --predictions, --floors, --raise-floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract.cli import main
from mahrumiat_extract.evaluation.gate import load_floors

TEXT = "فرهاد احمدی استاندار یزد گفت: ۴۵ پروژه محرومیت‌زدایی در شهرستان مهریز افتتاح شد."
GOLD = {
    "id": "g1",
    "text": TEXT,
    "gold": {
        "officials": [{"name": "فرهاد احمدی", "title": "استاندار", "jurisdiction": "یزد"}],
        "provinces": ["یزد"],
        "places": [{"name": "مهریز", "province": "یزد"}],
        "project_counts": [{"count": 45, "unit": "پروژه"}],
    },
}


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def records_file(tmp_path: Path) -> Path:
    start = TEXT.index("یزد")
    record: dict[str, Any] = {
        "id": "g1",
        "provinces": [
            {"name": "یزد", "explicit": True,
             "mentions": [{"start": start, "end": start + 3, "text": "یزد"}]}
        ],
        "places": [{"name": "اردکان", "kind": "county", "province": "یزد"}],
    }
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_table_by_default(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(gold_file)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["field", "gold", "pred", "tp", "P", "R", "F1"]
    assert "macro" in out and "1 articles scored" in out


def test_json_with_errors(
    gold_file: Path, records_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["evaluate", str(gold_file), "--predictions", str(records_file), "--json", "--errors"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["provinces"]["f1"] == 1.0
    assert data["fields"]["places"] == {
        "gold": 1, "predicted": 1, "tp": 0, "fp": 1, "fn": 1,
        "precision": 0.0, "recall": 0.0, "f1": 0.0,
    }
    (article,) = data["errors"]
    assert article["missed"]["places"][0]["label"] == "مهریز"
    assert article["missed"]["places"][0]["start"] == TEXT.index("مهریز")
    assert article["extra"]["places"][0]["label"] == "اردکان"


def test_errors_listing_names_mentions(
    gold_file: Path, records_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(gold_file), "--predictions", str(records_file), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "== g1" in out
    assert "missed  «مهریز»" in out and "[مهریز]" in out
    assert "extra   «اردکان»" in out


def test_floors_fail_and_raise_only_up(
    gold_file: Path, records_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps({"floors": {"provinces.f1": 0.5, "places.f1": 0.9}, "lowered": {}}),
        encoding="utf-8",
    )
    base = ["evaluate", str(gold_file), "--predictions", str(records_file)]
    assert main([*base, "--floors", str(floors)]) == 1
    assert "places.f1" in capsys.readouterr().err
    assert main([*base, "--raise-floors", str(floors)]) == 0
    raised = load_floors(floors)["floors"]
    assert raised["provinces.f1"] == 1.0  # raised to the score
    assert raised["places.f1"] == 0.9  # never lowered
    assert raised["officials.f1"] == 0.0


def test_bad_gold_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "متن"}\n', encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "E701" in err and "bad.jsonl:1" in err
