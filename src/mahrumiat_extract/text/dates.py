"""Full Jalali dates in normalized text, converted with jdatetime.

Forms: «01 اردیبهشت 1401», «سه‌شنبه ۱۳ خرداد ۹۹», «۱۳ خردادماه ۱۳۹۹», «1401/02/01»,
«1401-02-01», «99/3/13». Two-digit years are resolved (۹۹ → 1399, ۰۱ → 1401). A day and a
month without a year is not a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import jdatetime

from ..resources import read_tsv
from .keys import match_key

__all__ = ["JalaliDate", "find_dates", "parse_published", "resolve_year"]


@dataclass(frozen=True, slots=True)
class JalaliDate:
    start: int
    end: int
    year: int
    month: int
    day: int

    @property
    def jalali(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def gregorian(self) -> str:
        return str(jdatetime.date(self.year, self.month, self.day).togregorian().isoformat())


def resolve_year(y: int) -> int:
    """Two-digit Jalali years: 40-99 → 13xx, 00-39 → 14xx; four-digit years unchanged."""
    if y >= 100:
        return y
    return 1300 + y if y >= 40 else 1400 + y


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return {match_key(name): int(num) for name, num in read_tsv("meta/months.tsv")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(
        sorted((re.escape(n) for n, _ in read_tsv("meta/months.tsv")), key=len, reverse=True)
    )
    worded = re.compile(
        rf"(?<![\d/])(?P<d>\d{{1,2}})\s*(?:ام|م)?\s*(?P<m>{names})(?:\s*\u200c?ماه)?\s*(?:سال\s*)?(?P<y>\d{{4}}|\d{{2}})(?![\d/])"
    )
    numeric = re.compile(
        r"(?<![\d/.\-])(?P<y>1[34]\d\d|\d\d)(?P<sep>[/\-.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/.\-])"
    )
    return worded, numeric


_TWO_DIGITS = re.compile(r"\d\d")


def _valid(y: int, m: int, d: int) -> bool:
    if not (1250 <= y <= 1500 and 1 <= m <= 12 and 1 <= d <= 31):
        return False
    try:
        jdatetime.date(y, m, d)
    except ValueError:
        return False
    return True


def find_dates(text: str) -> list[JalaliDate]:
    """Every full Jalali date in normalized ``text`` (ASCII digits), in order."""
    if not _TWO_DIGITS.search(text):
        return []  # a full date has a year: no two adjacent digits, no date
    if len(text) <= _CACHED_LEN:
        return list(_find_dates_cached(text))
    return _find_dates(text)


_CACHED_LEN = 300  # header lines are asked about more than once per article


@lru_cache(maxsize=1024)
def _find_dates_cached(text: str) -> tuple[JalaliDate, ...]:
    return tuple(_find_dates(text))


def _find_dates(text: str) -> list[JalaliDate]:
    worded, numeric = _patterns()
    months = _months()
    out: list[JalaliDate] = []
    for m in worded.finditer(text):
        month = months.get(match_key(m.group("m")))
        if month is None:
            continue
        y, d = resolve_year(int(m.group("y"))), int(m.group("d"))
        if _valid(y, month, d):
            out.append(JalaliDate(m.start(), m.end(), y, month, d))
    for m in numeric.finditer(text):
        y, mo, d = resolve_year(int(m.group("y"))), int(m.group("m")), int(m.group("d"))
        if len(m.group("y")) == 2 and m.group("sep") == ".":
            continue  # «12.5.30» is more likely a version or a decimal than a date
        if _valid(y, mo, d):
            out.append(JalaliDate(m.start(), m.end(), y, mo, d))
    out.sort(key=lambda j: j.start)
    return out


def parse_published(value: object) -> tuple[str, str] | None:
    """A caller's ``published`` value → ``(jalali, gregorian)`` ISO dates, or None.

    Accepts ``datetime.date``/``datetime``, ``jdatetime.date``, and strings: ISO Gregorian
    («2022-04-21», «2022-04-21T10:00:00Z»), Jalali («1401-02-01», «1401/02/01»), or an RFC 822
    feed date («Thu, 21 Apr 2022 10:00:00 GMT»).
    """
    if value is None or value == "":
        return None
    if isinstance(value, jdatetime.date):
        g = value.togregorian()
        return value.strftime("%Y-%m-%d"), g.isoformat()[:10]
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        j = jdatetime.date.fromgregorian(date=value)
        return j.strftime("%Y-%m-%d"), value.isoformat()
    if not isinstance(value, str):
        return None
    s = value.strip().translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2))
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if y < 1700:
            return (
                (f"{y:04d}-{mo:02d}-{d:02d}", jdatetime.date(y, mo, d).togregorian().isoformat())
                if _valid(y, mo, d)
                else None
            )
        try:
            return parse_published(dt.date(y, mo, d))
        except ValueError:
            return None
    try:
        from email.utils import parsedate_to_datetime

        return parse_published(parsedate_to_datetime(s))
    except (TypeError, ValueError, IndexError):
        pass
    found = find_dates(s)
    return (found[0].jalali, found[0].gregorian) if found else None
