"""The spaCy component: entities cover exactly the record's mention spans."""

from __future__ import annotations

import json
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
    assert spacy.tokens.Doc.has_extension("mahrumiat_record")


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
    record = doc._.mahrumiat_record
    assert record == extract(text)
    assert doc._.mahrumiat == json.loads(record.model_dump_json())  # plain data in user_data
    assert_spans(record, text)
    mentions = mention_spans(record)
    assert {(s.start_char, s.end_char, s.label_) for s in doc.spans[SPAN_KEY]} == set(mentions)
    assert _ents(doc) == _resolved(mentions)


def test_displacy_renders(nlp: spacy.language.Language) -> None:
    from spacy import displacy

    doc = nlp(ARTICLES[0].read_text(encoding="utf-8"))
    html = displacy.render(doc, style="ent", jupyter=False)
    assert "<mark" in html or not doc.ents


# --- composing with other pipes (issue 17) ---------------------------------------------------

SHORT = "خرمآباد- بهرام نوروزی استاندار لرستان گفت: ۱۳۲ پروژه در خرم‌آباد افتتاح شد."


def test_user_data_is_plain_and_a_docbin_round_trips(nlp: spacy.language.Language) -> None:
    from spacy.tokens import DocBin

    doc = nlp(SHORT)
    assert isinstance(doc._.mahrumiat, dict)
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (back,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    # srsly's msgpack gives tuples for lists: the same JSON
    assert json.dumps(back._.mahrumiat) == json.dumps(doc._.mahrumiat)
    assert back._.mahrumiat_record == extract(SHORT)
    assert _ents(back) == _ents(doc)
    assert len(back.spans[SPAN_KEY]) == len(doc.spans[SPAN_KEY])


@pytest.mark.slow
def test_pipe_with_two_processes(nlp: spacy.language.Language) -> None:
    texts = [SHORT, ARTICLES[0].read_text(encoding="utf-8"), SHORT[:30]]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d.text for d in docs] == texts
    assert [d._.mahrumiat_record for d in docs] == [extract(t) for t in texts]
    assert [_ents(d) for d in docs] == [_ents(nlp(t)) for t in texts]


def test_earlier_ents_are_kept() -> None:
    nlp = spacy.blank("fa")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "GPE", "pattern": "لرستان"}, {"label": "ORG", "pattern": "خرمآباد-"}]
    )
    nlp.add_pipe("mahrumiat_extract")
    doc = nlp(SHORT)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("لرستان", "GPE") in ents  # the ruler's, although our OFFICIAL span covers it
    assert not any(label == "OFFICIAL" and "لرستان" in t for t, label in ents)
    assert ("۱۳۲ پروژه", "PROJECT_COUNT") in ents  # ours where nothing clashes
    assert ("خرمآباد", "PLACE") not in ents  # inside the ruler's «خرمآباد-» (a split token)
    assert ("خرمآباد-", "ORG") in ents
    assert any(s.label_ == "OFFICIAL" for s in doc.spans[SPAN_KEY])  # all kept in the group


def test_config_spans_key_and_ent_labels() -> None:
    nlp = spacy.blank("fa")
    nlp.add_pipe("mahrumiat_extract",
                 config={"spans_key": "mx", "ent_labels": ["PROJECT_COUNT", "PLACE"]})  # fmt: skip
    doc = nlp(SHORT)
    assert "mx" in doc.spans and SPAN_KEY not in doc.spans
    assert {e.label_ for e in doc.ents} == {"PROJECT_COUNT", "PLACE"}
    assert {s.label_ for s in doc.spans["mx"]} >= {"OFFICIAL", "PROVINCE", "PROJECT_COUNT"}
    with pytest.raises(ValueError, match="unknown ent_labels"):
        spacy.blank("fa").add_pipe("mahrumiat_extract", config={"ent_labels": ["PERSON"]})


def test_factory_declares_what_it_assigns_and_its_labels(nlp: spacy.language.Language) -> None:
    meta = nlp.get_pipe_meta("mahrumiat_extract")
    assert {"doc.ents", "doc.spans", "doc._.mahrumiat"} <= set(meta.assigns)
    assert nlp.meta["labels"]["mahrumiat_extract"] == list(LABELS.values())
    assert nlp.get_pipe("mahrumiat_extract").labels == tuple(LABELS.values())


def test_displacy_one_colour_per_label_and_right_to_left(nlp: spacy.language.Language) -> None:
    from mahrumiat_extract.highlight import KIND_COLORS
    from mahrumiat_extract.spacy_component import DISPLACY_OPTIONS, render

    colours = DISPLACY_OPTIONS["colors"]
    assert set(colours) == set(LABELS.values()) and len(set(colours.values())) == len(LABELS)
    assert colours == {label: KIND_COLORS[kind] for kind, label in LABELS.items()}
    doc = nlp(SHORT)
    html = render(doc, jupyter=False)
    assert html is not None and "direction: rtl" in html
    for ent in doc.ents:
        assert f"background: {colours[ent.label_]}" in html
    assert html.count("white-space: nowrap") == len(doc.ents)  # an entity never wraps
