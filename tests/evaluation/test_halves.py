"""Two fixed halves of a gold set (by a hash of the id): tune on A, check on B."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract.cli import main
from mahrumiat_extract.evaluation import evaluate, evaluate_halves, half_of
from mahrumiat_extract.records import ArticleRecord, ProvinceMention

TEXT = "استاندار یزد گفت: ۱۲ پروژه در شهرستان مهریز افتتاح شد."
IDS = ["a", "b", "dev-1", "dev-2", "dev-3", "x1"]  # halves: A, A, B, B, A, A


def _gold() -> list[dict[str, Any]]:
    return [{"id": i, "text": TEXT, "gold": {"provinces": ["یزد"]}} for i in IDS]


def _records() -> list[ArticleRecord]:
    # the B articles predict the right province, the A articles a wrong one
    return [
        ArticleRecord(
            id=i,
            provinces=(ProvinceMention(name="یزد" if half_of(i) == "B" else "قم", explicit=True),),
        )
        for i in IDS
    ]


@pytest.mark.parametrize("ident", [*IDS, "نسیم-۱۲", ""])
def test_half_is_the_parity_of_the_first_sha256_byte(ident: str) -> None:
    first = hashlib.sha256(ident.encode("utf-8")).digest()[0]
    assert half_of(ident) == ("A" if first % 2 == 0 else "B")


def test_known_halves_never_change() -> None:
    assert [half_of(i) for i in IDS] == ["A", "A", "B", "B", "A", "A"]


def test_evaluate_one_half() -> None:
    a = evaluate(_gold(), predictions=_records(), half="A")
    b = evaluate(_gold(), predictions=_records(), half="B")
    assert [r.id for r in a.articles] == ["a", "b", "dev-3", "x1"]
    assert [r.id for r in b.articles] == ["dev-1", "dev-2"]
    assert a.metrics()["provinces.f1"] == 0.0
    assert b.metrics()["provinces.f1"] == 1.0
    with pytest.raises(ValueError, match="E707"):
        evaluate(_gold(), predictions=_records(), half="C")


def test_evaluate_halves_and_their_difference() -> None:
    h = evaluate_halves(_gold(), predictions=_records())
    assert len(h.all.articles) == 6
    assert (len(h.a.articles), len(h.b.articles)) == (4, 2)
    assert h.difference()["provinces.f1"] == 1.0
    assert h.difference()["places.f1"] is None  # nothing to score in either half
    table = h.format_table()
    assert "half A (tune): 4 articles" in table and "half B (check): 2 articles" in table
    assert any(line.split()[:4] == ["provinces", "+1.000", "+1.000", "+1.000"]
               for line in table.splitlines())
    data = h.to_dict()
    assert data["A"]["articles"] == 4 and data["B"]["articles"] == 2
    assert data["difference_B_minus_A"]["provinces.f1"] == 1.0


def test_articles_without_an_id_are_split_by_position() -> None:
    gold = [{"text": TEXT, "gold": {}} for _ in range(6)]
    h = evaluate_halves(gold, predictions=[ArticleRecord() for _ in range(6)])
    expected_a = sum(half_of(str(n)) == "A" for n in range(1, 7))
    assert len(h.a.articles) == expected_a


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold, records = tmp_path / "gold.jsonl", tmp_path / "records.jsonl"
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in _gold()), "utf-8")
    records.write_text(
        "".join(r.model_dump_json() + "\n" for r in _records()), encoding="utf-8"
    )
    return gold, records


def test_cli_halves(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, records = files
    assert main(["evaluate", str(gold), "--predictions", str(records), "--halves"]) == 0
    out = capsys.readouterr().out
    assert "half A (tune)" in out and "half B (check)" in out and "B - A" in out
    assert main(["evaluate", str(gold), "--predictions", str(records), "--half", "B",
                 "--json"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["articles"] == 2
    assert main(["evaluate", str(gold), "--predictions", str(records), "--halves",
                 "--json"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert data["all"]["articles"] == 6 and data["A"]["articles"] == 4


def test_cli_halves_and_half_exclude_each_other(files: tuple[Path, Path]) -> None:
    with pytest.raises(SystemExit):
        main(["evaluate", str(files[0]), "--halves", "--half", "A"])
