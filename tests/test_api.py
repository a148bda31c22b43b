"""The public API: records per SPEC, bad input never raises, spans index the original."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mahrumiat_extract import ArticleRecord, InputError, MahrumiatError, Span, extract, extract_many
from mahrumiat_extract.pipeline import Pipeline, get_pipeline

from .conftest import assert_spans

SPEC_FIELDS = {
    "id", "source", "published", "title", "officials", "provinces", "places",
    "neighborhoods", "project_counts", "job_figures", "quantities", "warnings",
}

ARTICLE = (
    "خرم‌آباد- استاندار لرستان گفت: امسال ۱۳۲ پروژه در استان افتتاح شد.\n"
    "به گزارش خبرگزاری مهر، این پروژه‌ها در دهه فجر به بهره‌برداری رسید.\n"
)


def test_record_has_exactly_the_spec_fields() -> None:
    record = extract(ARTICLE, id="a1")
    data = record.model_dump(mode="json")
    assert set(data) == SPEC_FIELDS
    assert data["id"] == "a1"
    assert data["source"] == "مهر"
    json.dumps(data, ensure_ascii=False)
    assert_spans(record, ARTICLE)


def test_records_are_frozen_and_forbid_unknown_fields() -> None:
    record = extract(ARTICLE)
    with pytest.raises(ValidationError):
        record.id = "x"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        ArticleRecord(id="x", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Span(start=0, end=1, text="a", extra=1)  # type: ignore[call-arg]


def test_record_round_trips_through_json() -> None:
    record = extract(ARTICLE, id="a1")
    assert ArticleRecord.model_validate_json(record.model_dump_json()) == record


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        pytest.param("", "W101", id="empty"),
        pytest.param("   \n\t  ", "W101", id="whitespace-only"),
        pytest.param("استاندار\x00 یزد گفت", "W102", id="nul-bytes"),
        pytest.param("<html><body><p>استاندار یزد گفت</p><script>var a=1;</script></body></html>", "W103", id="html"),
    ],
)
def test_bad_input_gives_a_record_with_a_warning(text: str, warning: str) -> None:
    record = extract(text)
    assert any(w.startswith(warning) for w in record.warnings), record.warnings
    assert_spans(record, text)


def test_huge_text_gives_a_record() -> None:
    text = (ARTICLE * 40000)[: 5 * 1024 * 1024]
    record = extract(text)
    assert isinstance(record, ArticleRecord)
    assert_spans(record, text)


def test_bytes_are_decoded() -> None:
    assert extract(ARTICLE.encode("utf-8")).source == "مهر"
    record = extract(ARTICLE.encode("cp1256", errors="ignore"))
    assert any(w.startswith("W105") for w in record.warnings)


def test_wrong_type_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="E101"):
        extract(123)  # type: ignore[arg-type]
    assert issubclass(InputError, (MahrumiatError, ValueError))


def test_caller_metadata_is_used_when_the_text_has_none() -> None:
    record = extract("متن کوتاه خبر درباره محرومیت‌زدایی.", published="2022-04-21", source="ایرنا", title="عنوان")
    assert record.published is not None
    assert (record.published.jalali, record.published.gregorian) == ("1401-02-01", "2022-04-21")
    assert record.source == "ایرنا"
    assert record.title == "عنوان"


def test_extract_many_keeps_order() -> None:
    items: list[Any] = [{"id": str(i), "text": ARTICLE} for i in range(5)] + ["متن"]
    ids = [r.id for r in extract_many(items)]
    assert ids == ["0", "1", "2", "3", "4", None]


def test_pipeline_pickles_cheaply() -> None:
    import pickle

    blob = pickle.dumps(get_pipeline())
    assert len(blob) < 1000  # the stages by class and the resources by their options
    assert isinstance(pickle.loads(blob), Pipeline)


ARBITRARY = st.lists(
    st.one_of(
        st.text(max_size=3),
        st.sampled_from(
            list("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀةئ۰۱۲۳۴۵۶۷۸۹٫٬،:-/")
            + ["\u200c", " ", "\n", "\u064e", "\u200f", "😀", "<p>", "هزار", " و ", "پروژه", "استان ",
               "فرماندار ", "کرمان", "۲ هزار و ۸۳۸", "شغل", "محله ", "سردار ", "به گزارش "]
        ),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(ARBITRARY)
def test_extract_never_raises_and_spans_hold(text: str) -> None:
    record = extract(text)
    assert not any(w.startswith("W501") for w in record.warnings), record.warnings
    assert_spans(record, text)


def test_dev_set_records(dev_articles: list[dict[str, Any]]) -> None:
    for art in dev_articles:
        record = extract(art["text"], id=art["id"])
        assert set(record.model_dump(mode="json")) == SPEC_FIELDS
        assert not any(w.startswith("W501") for w in record.warnings), (art["id"], record.warnings)
        assert_spans(record, art["text"])
        if art["id"][:3].isdigit():  # the five seed articles
            assert record.source == art["gold"]["source"], art["id"]
    seed0 = next(a for a in dev_articles if a["id"].startswith("000_"))
    published = extract(seed0["text"]).published
    assert published is not None
    assert (published.jalali, published.gregorian) == ("1401-02-01", "2022-04-21")
