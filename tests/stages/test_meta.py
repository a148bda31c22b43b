"""Metadata: source, published and title, on sentences written for the test."""

from __future__ import annotations

import gzip
import json
import re
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mahrumiat_extract import extract
from mahrumiat_extract.stages.meta import MetaLexicon, colon_phrases, find_source
from mahrumiat_extract.text.normalize import normalize

from ..conftest import SHARED


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param("به گزارش خبرگزاری مهر، استاندار گفت", "مهر", id="agency"),
        pytest.param("به گزارش خبرنگار مهر از اراک، فرماندار گفت", "مهر", id="reporter-from-city"),
        pytest.param("به گزارش خبرنگار گروه سیاسی خبرگزاری فارس، نمایندگان", "فارس", id="reporter-desk"),
        pytest.param("به گزارش خبرنگار اجتماعی ایرنا، وزیر گفت", "ایرنا", id="reporter-section"),
        pytest.param("به گزارش ایسنا، وزیر گفت", "ایسنا", id="bare-agency"),
        pytest.param("به گزارش خبرنگار آینه فارس، رئیس بسیج گفت", "آینه فارس", id="longest-outlet"),
        pytest.param("به گزارش خبرگزاری فارس از زاهدان به نقل از روابط عمومی استانداری، گفت", "فارس", id="agency-from-city"),
        pytest.param("به گزارش روابط عمومی فرمانداری شهرستان بم، نشست", "روابط عمومی فرمانداری شهرستان بم", id="institution"),
        pytest.param("به گزارش «خلیج فارس»؛ مدیرکل گفت", "خلیج فارس", id="quoted-outlet"),
        pytest.param("خبرگزاری آریا - دومین مرحله رزمایش آغاز شد", "آریا", id="opening-agency"),
        pytest.param("متن خبر\nمنبع: تسنیم\n", "تسنیم", id="source-line"),
        pytest.param("نماینده امروز در گفت‌وگو با خبرنگار فارس در شوش گفت", "فارس", id="with-reporter"),
        pytest.param("متن خبر درباره محرومیت‌زدایی\n/ یزد آوا\n", "یزد آوا", id="credit-line"),
        pytest.param("استاندار گفت ۱۲ پروژه افتتاح شد.", None, id="none"),
    ],
)
def test_source(text: str, source: str | None) -> None:
    found = find_source(normalize(text).text, MetaLexicon.load())
    assert (found[0] if found else None) == source
    assert extract(text).source == source


@pytest.mark.parametrize(
    ("text", "jalali", "gregorian"),
    [
        pytest.param("نیوز سیتی!\n01 اردیبهشت 1401 - 21:19\n\nعنوان خبر اینجاست\nمتن خبر.", "1401-02-01", "2022-04-21", id="worded-time"),
        pytest.param("۱۴۰۱/۰۲/۰۱\nعنوان خبر\nمتن", "1401-02-01", "2022-04-21", id="numeric"),
        pytest.param("سه‌شنبه ۱۳ خرداد ۹۹\nعنوان خبر\nمتن", "1399-03-13", "2020-06-02", id="two-digit-year"),
        pytest.param("عنوان\nمتن خبر طولانی است.\nتاریخ انتشار: ۵ مهر ۱۴۰۰", "1400-07-05", "2021-09-27", id="publication-line"),
    ],
)
def test_published(text: str, jalali: str, gregorian: str) -> None:
    published = extract(text).published
    assert published is not None
    assert (published.jalali, published.gregorian) == (jalali, gregorian)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("عنوان\nجلسه روز ۱۰ اسفند در استانداری برگزار شد.", id="day-month-no-year"),
        pytest.param("عنوان خبر\nاستاندار گفت: در تاریخ ۱۴۰۱/۰۲/۰۱ و ۱۳ خرداد ۹۹ این طرح‌ها افتتاح شد و کار ادامه دارد و به پایان می‌رسد.", id="body-dates-are-events"),
    ],
)
def test_no_published_date(text: str) -> None:
    assert extract(text).published is None


def test_title() -> None:
    text = "نیوز سیتی!\n01 اردیبهشت 1401 - 21:19\n\nقرارگاه سازندگی ظرفیتی اساسی است/ حضور در مناطق کم‌برخوردار\n\nخرم‌آباد- استاندار گفت: ..."
    assert extract(text).title == "قرارگاه سازندگی ظرفیتی اساسی است/ حضور در مناطق کم‌برخوردار"
    assert extract("استاندار گفت: این یک متن یک‌خطی است.").title is None


# ``colon_phrases`` (the «OUTLET:» credit) against the pattern it replaces, read forwards
_COLON_PHRASE = re.compile(r"(?:^|\n|\s)(?P<x>[^\s:،\n]+(?:\s[^\s:،\n]+){0,2})\s*:")


def _forward(text: str) -> list[tuple[str, int, int]]:
    return [(m.group("x"), m.start("x"), m.end("x")) for m in _COLON_PHRASE.finditer(text)]


@given(st.text(alphabet=" \n\t\u00a0:،ابx.\u200c/", max_size=60))
@settings(max_examples=3000, deadline=None)
def test_colon_phrases_random(text: str) -> None:
    assert list(colon_phrases(text)) == _forward(text)


@pytest.mark.parametrize(
    "text",
    [
        "ایرنا: رئیس‌جمهور گفت",  # ایرنا: the start
        "خبر  گزارشگر ایسنا :",  # two spaces: only the words after them
        "یک دو سه چهار: پنج",  # at most three words
        "الف،ب: ج",  # «،» ends the words
        "الف:ب:ج",  # no space before the second colon's word
        ": الف",  # no word
        "",
    ],
    ids=["آغاز", "دو-فاصله", "سه-واژه", "ویرگول", "دونقطه-پیاپی", "بی-واژه", "تهی"],
)
def test_colon_phrases_cases(text: str) -> None:
    assert list(colon_phrases(text)) == _forward(text)


def test_colon_phrases_real_articles() -> None:
    path = SHARED / "corpus" / "news.jsonl.gz"
    if not path.exists():
        pytest.skip("../shared corpus absent")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in islice(f, 500):
            text = json.loads(line)["text"]
            assert list(colon_phrases(text)) == _forward(text)
            norm = normalize(text).text
            assert list(colon_phrases(norm)) == _forward(norm)
