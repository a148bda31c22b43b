"""The spaCy component: entities cover exactly the record's mention spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.records import ArticleRecord, Figure, Official, Place, ProvinceMention, Span
from tests.conftest import SAMPLES, assert_spans

spacy = pytest.importorskip("spacy")

from mahrumiat_extract.spacy_component import (  # noqa: E402
    LABELS,
    SPAN_KEY,
    MahrumiatComponent,
    mention_spans,
)

ARTICLES = sorted((SAMPLES / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("fa")
    nlp.add_pipe("mahrumiat_extract")  # through the entry point: no import needed
    return nlp


def _span(text: str, part: str, *, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start=start, end=start + len(part), text=part)


def _resolved(mentions: list[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """The documented overlap rule, written out independently of spaCy: longer first, then
    earlier start, then label priority; keep what does not overlap what was kept."""
    rank = {label: i for i, label in enumerate(LABELS.values())}
    kept: list[tuple[int, int, str]] = []
    for s, e, label in sorted(mentions, key=lambda m: (-(m[1] - m[0]), m[0], rank[m[2]])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, label))
    return set(kept)


def _ents(doc: spacy.tokens.Doc) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def test_factory_comes_from_the_entry_point(nlp: spacy.language.Language) -> None:
    assert "mahrumiat_extract" in nlp.pipe_names
    assert spacy.tokens.Doc.has_extension("mahrumiat")


# A glued word («نوروزیاستاندار»), a place inside a hyphenated dateline, a province inside an
# official's span (overlap), the same characters as a place and a province (label priority).
TEXT = "خرمآباد- بهرام نوروزیاستاندار لرستان گفت: ۱۳۲ پروژه و ۲۰ روستا در کرمان."


def _record() -> ArticleRecord:
    return ArticleRecord(
        officials=(Official(name="بهرام نوروزی", title="استاندار", jurisdiction="لرستان",
                            mentions=(_span(TEXT, "بهرام نوروزیاستاندار لرستان"),)),),
        provinces=(ProvinceMention(name="لرستان", explicit=True, mentions=(_span(TEXT, "لرستان"),)),
                   ProvinceMention(name="کرمان", explicit=False, mentions=(_span(TEXT, "کرمان"),))),
        places=(Place(name="خرم‌آباد", kind="city", province="لرستان", mentions=(_span(TEXT, "خرمآباد"),)),
                Place(name="کرمان", kind="city", province="کرمان", mentions=(_span(TEXT, "کرمان"),))),
        project_counts=(Figure(count=132, unit="پروژه", mentions=(_span(TEXT, "۱۳۲ پروژه"),)),),
        quantities=(Figure(count=20, unit="روستا", mentions=(_span(TEXT, "۲۰ روستا"),)),),
    )  # fmt: skip


def test_ents_and_span_group_on_a_hand_made_record(nlp: spacy.language.Language) -> None:
    record = _record()
    assert_spans(record, TEXT)
    doc = nlp.make_doc(TEXT)
    MahrumiatComponent(nlp).set_annotations(doc, record)
    mentions = mention_spans(record)
    assert {(s.start_char, s.end_char, s.label_) for s in doc.spans[SPAN_KEY]} == set(mentions)
    assert _ents(doc) == _resolved(mentions)
    labels = {text: label for text, label in ((e.text, e.label_) for e in doc.ents)}
    assert labels == {
        "خرمآباد": "PLACE",
        "بهرام نوروزیاستاندار لرستان": "OFFICIAL",
        "۱۳۲ پروژه": "PROJECT_COUNT",
        "۲۰ روستا": "QUANTITY",
        "کرمان": "PLACE",  # same characters as a province: PLACE comes first in LABELS
    }
    assert doc.text == TEXT  # splitting tokens never changes the text


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_ents_cover_exactly_the_mentions_of_sample_articles(
    nlp: spacy.language.Language, path: Path
) -> None:
    text = path.read_text(encoding="utf-8")
    doc = nlp(text)
    record = doc._.mahrumiat
    assert record == extract(text)
    assert_spans(record, text)
    mentions = mention_spans(record)
    assert {(s.start_char, s.end_char, s.label_) for s in doc.spans[SPAN_KEY]} == set(mentions)
    assert _ents(doc) == _resolved(mentions)


def test_displacy_renders(nlp: spacy.language.Language) -> None:
    from spacy import displacy

    doc = nlp(ARTICLES[0].read_text(encoding="utf-8"))
    html = displacy.render(doc, style="ent", jupyter=False)
    assert "<mark" in html or not doc.ents
