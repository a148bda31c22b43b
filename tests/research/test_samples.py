"""The project's sample articles and their gold (data/samples) are consistent."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import SAMPLES

PROVINCES = {
    "آذربایجان شرقی", "آذربایجان غربی", "اردبیل", "اصفهان", "البرز", "ایلام", "بوشهر", "تهران",
    "چهارمحال و بختیاری", "خراسان جنوبی", "خراسان رضوی", "خراسان شمالی", "خوزستان", "زنجان",
    "سمنان", "سیستان و بلوچستان", "فارس", "قزوین", "قم", "کردستان", "کرمان", "کرمانشاه",
    "کهگیلویه و بویراحمد", "گلستان", "گیلان", "لرستان", "مازندران", "مرکزی", "هرمزگان", "همدان", "یزد",
}  # fmt: skip
FIELDS = {"officials", "provinces", "places", "neighborhoods", "project_counts", "job_figures", "published", "source"}
STATUSES = {"completed", "ongoing", "planned"}
GOLD = [json.loads(line) for line in (SAMPLES / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_one_gold_line_per_article() -> None:
    stems = sorted(p.stem for p in (SAMPLES / "articles").glob("*.txt"))
    assert len(stems) >= 24
    assert [row["id"] for row in GOLD] == stems


@pytest.mark.parametrize("row", GOLD, ids=[row["id"] for row in GOLD])
def test_gold_line(row: dict[str, Any]) -> None:
    text = (SAMPLES / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8")
    assert row["text"] == text
    gold = row["gold"]
    assert set(gold) == FIELDS
    assert set(gold["provinces"]) <= PROVINCES
    for item in gold["places"]:
        assert item["province"] in PROVINCES
    implied = {p["province"] for p in gold["places"]}
    assert implied <= set(gold["provinces"]), "a place's province is one of the article's provinces"
    for official in gold["officials"]:
        assert official["name"] and official["title"]
    for figure in gold["project_counts"] + gold["job_figures"]:
        assert isinstance(figure["count"], int) and figure["count"] > 0
        assert figure.get("status") in STATUSES | {None}
    if gold["published"] is not None:
        year, month, day = (int(x) for x in gold["published"]["jalali"].split("-"))
        assert 1300 < year < 1500 and 1 <= month <= 12 and 1 <= day <= 31
    for s in _strings({k: gold[k] for k in FIELDS - {"published"}}):
        assert "ي" not in s and "ك" not in s, s  # names in standard spelling
