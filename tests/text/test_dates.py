"""Jalali dates: forms news writes, two-digit years, and what is not a date."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest

from mahrumiat_extract.text.dates import find_dates, parse_published, resolve_year
from mahrumiat_extract.text.normalize import normalize


@pytest.mark.parametrize(
    ("text", "jalali"),
    [
        pytest.param("01 اردیبهشت 1401 - 21:19", "1401-02-01", id="worded-with-time"),
        pytest.param("سه‌شنبه ۱۳ خرداد ۹۹", "1399-03-13", id="weekday-two-digit-year"),
        pytest.param("۱۳ خردادماه ۱۳۹۹", "1399-03-13", id="month-with-mah"),
        pytest.param("۵ مهر ماه سال ۱۴۰۰", "1400-07-05", id="mah-and-sal"),
        pytest.param("۱۴۰۱/۰۲/۰۱", "1401-02-01", id="slashes"),
        pytest.param("1401-2-1", "1401-02-01", id="dashes-short"),
        pytest.param("99/3/13", "1399-03-13", id="two-digit-numeric"),
        pytest.param("۱ فروردین ۰۲", "1402-01-01", id="year-02"),
    ],
)
def test_dates(text: str, jalali: str) -> None:
    found = find_dates(normalize(text).text)
    assert [d.jalali for d in found] == [jalali]
    d = found[0]
    assert d.gregorian == jdatetime.date(d.year, d.month, d.day).togregorian().isoformat()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("۱۰ اسفند", id="no-year"),
        pytest.param("یکشنبه 19 بهمن ماه", id="weekday-no-year"),
        pytest.param("۳۱ اسفند ۱۴۰۱", id="invalid-day"),
        pytest.param("تبصره ۱۳ قانون بودجه", id="not-a-date"),
        pytest.param("نسخه 12.5.30", id="version-number"),
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(normalize(text).text) == []


@pytest.mark.parametrize(("y", "full"), [(99, 1399), (40, 1340), (1, 1401), (39, 1439), (1402, 1402)])
def test_two_digit_years(y: int, full: int) -> None:
    assert resolve_year(y) == full


@pytest.mark.parametrize(
    "value",
    [
        "2022-04-21",
        "2022-04-21T10:00:00Z",
        "1401-02-01",
        "۱۴۰۱/۰۲/۰۱",
        "Thu, 21 Apr 2022 10:00:00 GMT",
        dt.date(2022, 4, 21),
        dt.datetime(2022, 4, 21, 10, 0),
        jdatetime.date(1401, 2, 1),
    ],
)
def test_parse_published(value: object) -> None:
    assert parse_published(value) == ("1401-02-01", "2022-04-21")


@pytest.mark.parametrize("value", [None, "", "soon", 12, "1401-13-40"])
def test_parse_published_rejects(value: object) -> None:
    assert parse_published(value) is None
