"""highlight_html: every mention marked, the original text intact, right to left."""

from __future__ import annotations

import html
import re

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.highlight import highlight_html
from mahrumiat_extract.records import ArticleRecord, Figure, Place, ProvinceMention, Span
from tests.conftest import SAMPLES, assert_spans

TEXT = "خرم‌آباد- ۱۳۲ پروژه در استان لرستان <افتتاح> شد.\nپایان"


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _text_of(page: str) -> str:
    page = re.sub(r'<p dir="ltr".*?</p>', "", page, count=1)  # the legend
    page = re.sub(r"<sub\b.*?</sub>", "", page).replace("<br>", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", page))


RECORD = ArticleRecord(
    provinces=(ProvinceMention(name="لرستان", explicit=True, mentions=(_span("استان لرستان"),)),),
    places=(Place(name="خرم‌آباد", kind="city", province="لرستان", mentions=(_span("خرم‌آباد"),)),
            Place(name="لرستان", kind="county", mentions=(_span("لرستان"),))),  # nested in the province
    project_counts=(Figure(count=132, unit="پروژه", mentions=(_span("۱۳۲ پروژه"),)),),
)  # fmt: skip


def test_hand_made_record() -> None:
    assert_spans(RECORD, TEXT)
    page = highlight_html(TEXT, RECORD, title="نمونه")
    assert page.startswith('<div dir="rtl"')
    assert _text_of(page).removeprefix("نمونه") == TEXT
    assert page.count("<sub") == 4
    assert page.count('data-kind="place"') == 2 + 1  # two places and the legend
    assert "&lt;افتتاح&gt;" in page


@pytest.mark.parametrize("name", ["s01_lorestan_gharargah", "s24_kermanshah_neighborhoods"])
def test_sample_article(name: str) -> None:
    text = (SAMPLES / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    record = extract(text)
    assert_spans(record, text)
    page = highlight_html(text, record)
    assert _text_of(page) == text
    assert page.count("<sub") == len({(s.start, s.end, k) for k, s in record.spans()})
