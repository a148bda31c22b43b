"""Officials: offices, names, honorifics, jurisdiction and every mention."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.records import Official

from ..conftest import assert_spans


def _officials(text: str) -> list[Official]:
    record = extract(text)
    assert_spans(record, text)
    return list(record.officials)


def _triples(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(o.name, o.title, o.jurisdiction) for o in _officials(text)}


PATTERNS = [
    pytest.param(
        "محمدعلی طالبی استاندار کرمان گفت: ۱۳۲ پروژه افتتاح شد.",
        {("محمدعلی طالبی", "استاندار", "کرمان")},
        id="نام-عنوان-محل",
    ),
    pytest.param(
        "استاندار لرستان، فرهاد زیویار، گفت: کار جهادی ادامه دارد.",
        {("فرهاد زیویار", "استاندار", "لرستان")},
        id="عنوان-محل،نام،گفت",
    ),
    pytest.param(
        "سردار محمدعلی نظری فرمانده سپاه ثارالله کرمان نیز گفت: کار جهادی است.",
        {("محمدعلی نظری", "فرمانده سپاه ثارالله", "کرمان")},
        id="عنوان‌افتخاری-نام-عنوان",
    ),
    pytest.param(
        "موسی برزگری، معاون بنیاد مستضعفان در این مراسم گفت: مدرسه افتتاح شد.",
        {("موسی برزگری", "معاون بنیاد مستضعفان", None)},
        id="نام،عنوان-ملی",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_patterns(text: str, expected: set[tuple[str, str | None, str | None]]) -> None:
    assert _triples(text) == expected
