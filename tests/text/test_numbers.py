"""The Persian number parser: every example of issue 5, the negative cases, round trips."""

from __future__ import annotations

import random

import pytest

from mahrumiat_extract.text.normalize import normalize
from mahrumiat_extract.text.numbers import find_numbers, parse_digits, parse_number

num2fawords = pytest.importorskip("num2fawords")

READS = [
    ("۲,۸۳۸", 2838),
    ("۲٬۸۳۸", 2838),
    ("2838", 2838),
    ("۱٫۵", 1.5),
    ("2.5", 2.5),
    ("۲/۵", 2.5),
    ("یک هزار و ۸۰۷", 1807),
    ("۲ هزار و ۸۳۸", 2838),
    ("۳۸۶ هزار", 386000),
    ("یکصد و بیست", 120),
    ("دو و نیم میلیون", 2500000),
    ("یکهزار", 1000),
    ("یک‌صد", 100),
    ("هزار و ۲۰۰", 1200),
    ("سیصد و بیست هزار", 320000),
    ("هزار میلیارد", 10**12),
    ("۳۳ هزار میلیارد", 33 * 10**12),
    ("۸۳۰ میلیارد", 830 * 10**9),
    ("2.3 میلیون", 2300000),
    ("4000 هزار", 4000000),
    ("دو میلیون و سیصد هزار", 2300000),
    ("بیش از 2 هزار و 400", 2400),
    ("سی و هفت", 37),
    ("ده", 10),
    ("يك هزار و ۲۲", 1022),
]


@pytest.mark.parametrize(("text", "expected"), READS, ids=[t for t, _ in READS])
def test_reads_one_number(text: str, expected: float) -> None:
    norm = normalize(text).text
    found = find_numbers(norm, context=False)
    assert [m.value for m in found] == [expected]
    m = found[0]
    assert norm[m.start : m.end] == m.text


IN_CONTEXT = [
    ("بودجه ۱۴۰۱ و ۱۴۰۲", [1401, 1402]),
    ("یکصد و نهمین مدرسه", []),
    ("دومین پروژه", []),
    ("سی و هفتمین سالروز", []),
    ("رتبه 5مین", []),
    ("روز پنج شنبه", []),
    ("روز پنج‌شنبه", []),
    ("قرارگاه یک ظرفیت اساسی است", []),
    ("یک پروژه ملی", []),
    ("یک و نیم میلیون", [1500000]),
    ("در ده زندگی می‌کنند", []),
    ("ده روستا", [10]),
    ("نه تنها", []),
    ("نه پروژه", [9]),
    ("چهار راه شوش", []),
    ("ورزشگاه شش هزار نفری", []),
    ("ساعت 21:19", []),
    ("1401/02/01", []),
    ("تلفن 021-66123456", []),
    ("09121234567", []),
    ("۱۷ تا ۲۲ اردیبهشت", [17, 22]),
    ("۵ و ۶", [5, 6]),
    ("بیست و پنج", [25]),
    ("۳۰کیلومتر", [30]),
]


@pytest.mark.parametrize(("text", "expected"), IN_CONTEXT, ids=[t for t, _ in IN_CONTEXT])
def test_numbers_in_context(text: str, expected: list[float]) -> None:
    norm = normalize(text).text
    assert [m.value for m in find_numbers(norm)] == expected


DIGITS = [("1,234,567", 1234567), ("1.234.567", 1234567), ("12,34", None), ("1/2/3", None), ("0912", None)]


@pytest.mark.parametrize(("text", "expected"), DIGITS, ids=[t for t, _ in DIGITS])
def test_parse_digits(text: str, expected: int | None) -> None:
    assert parse_digits(text) == expected


def test_round_trip_small_integers() -> None:
    rng = random.Random(5)
    sample = list(range(0, 1200)) + [rng.randrange(0, 10**6 + 1) for _ in range(5000)] + [10**6]
    bad = [n for n in sample if parse_number(num2fawords.words(n)) != n]
    assert bad == []


def test_round_trip_large_numbers() -> None:
    rng = random.Random(7)
    sample = [rng.randrange(10**6, 10**15) for _ in range(2000)] + [10**9, 10**12, 33 * 10**12]
    bad = [n for n in sample if parse_number(num2fawords.words(n)) != n]
    assert bad == []


def test_spans_in_a_sentence() -> None:
    text = normalize("در سال ۱۴۰۱ تعداد یک هزار و ۸۰۷ پروژه و ۲ هزار و ۸۳۸ فرصت شغلی ایجاد شد").text
    found = find_numbers(text)
    assert [(m.value, m.text) for m in found] == [
        (1401, "1401"),
        (1807, "یک هزار و 807"),
        (2838, "2 هزار و 838"),
    ]
