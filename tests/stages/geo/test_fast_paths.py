"""The geo stage's speed tricks equal their plain logic (issue 12): ``Gazetteer.scan`` (in text
space, in key space, through a list index) and its bit-packed automaton values against a reference
scan written here character by character, and ``_Spans.one`` against ``Doc.span``; on random
text and on real articles read from ../shared at test time (skipped when absent)."""

from __future__ import annotations

import json
import random
import re
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahrumiat_extract.language import Resources
from mahrumiat_extract.pipeline import get_pipeline
from mahrumiat_extract.stages.geo.annotate import _Spans
from mahrumiat_extract.stages.geo.gazetteer import Entry, Gazetteer
from mahrumiat_extract.stages.geo.wordkeys import words_key
from mahrumiat_extract.text.chars import MATCH_FOLD
from mahrumiat_extract.text.keys import key_stream, match_key

from ...conftest import SHARED

Hit = tuple[int, int, Entry]


@cache
def _gaz() -> Gazetteer:
    return Resources().gazetteer


@cache
def _names() -> tuple[tuple[str, Entry], ...]:
    """Every key of the automaton with its entry; the packed value checked field by field."""
    gaz = _gaz()
    out = []
    for key, value in gaz.automaton.items():
        assert value & 63 == len(key), key
        assert bool(value & 64) == (not (key[0].isalnum() and key[-1].isalnum())), key
        out.append((key, gaz.entries[value >> 7]))
    return tuple(out)


def _continues(text: str, i: int, step: int) -> bool:
    """A letter or digit, or a ZWNJ with a letter or digit beyond it, continues a word."""
    if text[i].isalnum():
        return True
    return text[i] == "\u200c" and 0 <= i + step < len(text) and text[i + step].isalnum()


def plain_scan(text: str) -> list[Hit]:
    """Every name on word boundaries, the longest then the earliest of overlapping ones: the
    key built one character at a time, every name looked for with ``str.find``."""
    gaz = _gaz()
    keys: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = MATCH_FOLD.get(ord(ch), ch)
        if folded is None:
            continue
        for k in folded.lower():
            keys.append(k)
            where.append(i)
    stream = "".join(keys)
    found: list[Hit] = []
    for key, entry in _names():
        at = stream.find(key)
        while at != -1:
            start, end = where[at], where[at + len(key) - 1] + 1
            at = stream.find(key, at + 1)
            if start > 0 and _continues(text, start - 1, -1) or end < len(text) and _continues(text, end, 1):
                continue
            if gaz._split_on_function_word(text[start:end], entry):
                continue
            after = text[end:].split(maxsplit=1)
            if after and after[0] in gaz.surname_endings:
                continue
            found.append((start, end, entry))
    found.sort(key=lambda h: (h[0] - h[1], h[0]))
    taken: set[int] = set()
    out: list[Hit] = []
    for start, end, entry in found:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            out.append((start, end, entry))
    return sorted(out, key=lambda h: h[0])


def fast_scans(text: str) -> list[list[Hit]]:
    """``scan`` with its own key stream, with ``key_stream``'s (both in text space unless the
    text holds a character the automaton steps over besides a space), in key space (forced
    here), and through a list index (the slow branch)."""
    gaz = _gaz()
    keys, index = key_stream(text)
    scans = [gaz.scan(text), gaz.scan(text, stream=(keys, index))]
    # every text read in key space (the regex alone decides when ``_also_skipped`` is None)
    spaces_only, also_skipped = gaz._spaces_only, gaz._also_skipped
    gaz._spaces_only, gaz._also_skipped = re.compile(r"[\s\S]"), None
    try:
        scans.append(gaz.scan(text, stream=(keys, index)))
    finally:
        gaz._spaces_only, gaz._also_skipped = spaces_only, also_skipped
    scans.append(gaz.scan(text, stream=(keys, list(index))))
    return [[(c.start, c.end, c.entry) for c in hits] for hits in scans]


def test_the_automaton_steps_over_spaces() -> None:
    """Text space is the usual path: the automaton steps over a space (and not over a
    letter, ZWNJ or a deleted mark, which the key stream has made spaces anyway)."""
    gaz = _gaz()
    assert gaz._spaces_only.search("خرم آباد\u200c\u064e") is None
    assert gaz._spaces_only.search("😀") is not None


# random text: gazetteer names (as written, spaced apart, glued, with ZWNJ or Arabic letters),
# words of letters that occur in names, separators and the characters the key folds
_PIECES = ["خرم آباد", "خرم‌آباد", "کرمان", "کرمانشاه", "در", "میان", "قوچان", "نژاد", "بندر عباس",
           "سیستان و بلوچستان", "كرمان", "قائم‌شهر", "قايم شهر", "آران و بیدگل", "فارس", "خلیج فارس"]
_SEPARATORS = [" ", "  ", "\u200c", "\n", "، ", "-", " و ", "«", "»", ".", "ـ", "\u064e", "A", "1",
               "\u2003", "\x0b", "😀", "\t", "ء"]


@cache
def _sample_names() -> tuple[str, ...]:
    return tuple(sorted(_gaz().by_name))[::7]


_piece = st.one_of(
    st.sampled_from(_PIECES),
    st.sampled_from(_SEPARATORS),
    st.text(alphabet="آابپتجچخدرزسشکگلمنوهیئءأي\u200c ", min_size=1, max_size=6),
    st.integers(min_value=0, max_value=10_000).map(lambda i: _sample_names()[i % len(_sample_names())]),
)
_texts = st.lists(_piece, max_size=25).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_scan_equals_the_plain_scan_on_random_text(text: str) -> None:
    want = plain_scan(text)
    for got in fast_scans(text):
        assert got == want


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("از خرم آباد تا خرم‌آباد و خرمآباد", id="سه-نوشتن"),
        pytest.param("کرمانشاه و کرمان و کرمانی", id="کرمان-درون-کرمانشاه"),
        pytest.param("رضا قوچان نژاد در قوچان", id="نام-خانوادگی"),
        pytest.param("در میان مردم درمیان", id="واژه-دستوری"),
        pytest.param("استان سیستان و بلوچستان", id="نام-چندواژه"),
        pytest.param("استان‌های آذربایجان‌، گیلان‌، مازندران‌ و گلستان", id="نیم‌فاصله-پیش-از-ویرگول"),
        pytest.param("", id="تهی"),
    ],
)
def test_scan_equals_the_plain_scan_on_written_text(text: str) -> None:
    want = plain_scan(text)
    for got in fast_scans(text):
        assert got == want


def _real_texts(n: int) -> list[str]:
    path = SHARED / "eval" / "dev2.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found: real articles live in ../shared, beside the repo")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in random.Random(12).sample(rows, n)]


@pytest.mark.shared
def test_scan_equals_the_plain_scan_on_real_text() -> None:
    pipe = get_pipeline()
    for text in _real_texts(12):
        work = pipe.make_doc(text).work
        want = plain_scan(work)
        for got in fast_scans(work):
            assert got == want


# _Spans.one against Doc.span: every range, on text that normalization edits (Arabic letters,
# diacritics, digits, runs of spaces, half-spaces to restore, HTML-ish characters)
_span_texts = st.text(
    alphabet="ابکيكیمهای \u200c\n\t\u064e\u0640۱۲٫,.«»<>&آأ  xY", min_size=1, max_size=40
)


def _check_all_ranges(text: str) -> None:
    doc = get_pipeline().make_doc(text)
    spans = _Spans(doc)
    n = len(doc.norm.text)
    for start in range(n + 1):
        for end in range(start + 1, n + 1):
            assert spans.one(start, end) == doc.span(start, end), (start, end)


@settings(max_examples=300, deadline=None)
@given(_span_texts)
def test_spans_one_equals_doc_span_on_random_text(text: str) -> None:
    _check_all_ranges(text)


@pytest.mark.shared
def test_spans_one_equals_doc_span_on_real_text() -> None:
    rng = random.Random(7)
    for text in _real_texts(8):
        doc = get_pipeline().make_doc(text)
        spans = _Spans(doc)
        n = len(doc.norm.text)
        ranges = [(s, min(n, s + rng.randint(1, 40))) for s in (rng.randrange(n) for _ in range(3000))]
        ranges += [(h.start, h.end) for h in get_pipeline().run(doc).geo]
        for start, end in ranges:
            assert spans.one(start, end) == doc.span(start, end), (start, end)


# match_key's fast path (no character the fold changes) and the geo stage's keys of several
# words at once (stages/geo/wordkeys.py) against the plain fold
_key_texts = st.text(
    alphabet="ابکيكیمهایآأإئؤءة \u200c\n\t\u064e\u0640\u00a0۱۲٫,.«»AbZ-", max_size=30
)


@settings(max_examples=500, deadline=None)
@given(_key_texts)
def test_word_keys_equal_match_key(text: str) -> None:
    assert match_key(text) == text.translate(MATCH_FOLD).lower()
    assert words_key(text) == " ".join(match_key(w) for w in text.split(" "))


def test_no_fold_writes_a_space() -> None:
    """``words_key`` splits on spaces afterwards: no folded character may become one."""
    assert all(v is None or " " not in v for v in MATCH_FOLD.values())


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(("در", "استان"), id="استان"),
        pytest.param(("شهرستان", "زلزله‌زده"), id="صفت-میان"),
        pytest.param(("شهرستان", "زلزله", "زده"), id="صفت-دوواژه"),
        pytest.param(("فرمانداری", "شهرستان"), id="نشانه-دوواژه"),
        pytest.param(("فرمانداری‌شهرستان",), id="نشانه-چسبیده"),
        pytest.param(("دانشگاه", "علوم", "پزشکی"), id="نشانه-سه‌واژه"),
        pytest.param(("گفت", "که"), id="بی‌نشانه"),
        pytest.param(("استان", "ـ"), id="واژه-تهی"),
    ],
)
def test_cue_reading_equals_the_plain_reading(words: tuple[str, ...]) -> None:
    """The cue reader's first test (the last word's key ends a cue's key) loses no cue."""
    cues = Resources().geo_cues
    want = None
    for n in range(min(cues.longest, len(words)), 0, -1):
        kind = cues.table.get(match_key("".join(words[-n:])))
        if kind is not None and kind not in ("outlet", "between"):
            want = kind
            break
    assert cues._longest_cue(words)[0] == want


_after_texts = st.text(
    alphabet=st.sampled_from(list("نژادزهپوریامشک، .\u200c\n\t") + ["\u2003", "\x1c", "\u00a0"]),
    max_size=14,
)


@settings(max_examples=500, deadline=None)
@given(_after_texts, st.integers(min_value=0, max_value=14))
def test_the_surname_test_equals_the_split(text: str, end: int) -> None:
    """The scan's surname test (one regex match) is the first word within 8 characters."""
    gaz = _gaz()
    words = text[end : end + 8].split(maxsplit=1)
    want = bool(words) and words[0] in gaz.surname_endings
    assert bool(gaz._surname_next.match(text, end, end + 8)) == want
    for ending in gaz.surname_endings:  # each ending, as a word
        assert gaz._surname_next.match(f" {ending} x")
        assert not gaz._surname_next.match(f" {ending}x")
