"""The officials stage's fast paths give what the plain code they replace gives, on random
and real-like inputs (issue 16: speed without any record changing)."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mahrumiat_extract.language import Resources
from mahrumiat_extract.stages.officials.chain import MARKS as CHAIN_MARKS
from mahrumiat_extract.stages.officials.stage import _MARKS, _NAME_TABLES

from ...conftest import SHARED

LEX = Resources().officials

# keys that open phrases (whole keys, prefixes that the next token continues: «علی رضا»),
# function words that prefix given names («به» of «بهنام»), marks and commas
_KEYS = [
    "رئیس", "جمهور", "رئیسجمهور", "وزیر", "استاندار", "معاون", "دکتر", "سردار", "آیت", "الله",
    "علی", "رضا", "محمد", "حسین", "به", "نام", "در", "ویش", "و", "حید", "از", "این", "سید",
    "وی", "او", "ایشان", ":", ".", "\n", "!", "؟", "،", ",", "؛", "گفت", "x", "", "12",
]
_keys = st.lists(st.sampled_from(_KEYS), max_size=40)


def _marked_plain(keys: list[str], marks: tuple[tuple[str, int], ...]) -> list[list[int]]:
    code = dict(marks)
    top = max(code.values())
    return [[i for i, k in enumerate(keys) if code.get(k) == c] for c in range(top + 1)]


def _check_marked(keys: list[str]) -> None:
    first, second = ("title",), _NAME_TABLES
    t, n, marked = LEX.openings_marked(keys, first, second, _MARKS)
    assert (t, n) == (LEX.openings(keys, *first), LEX.openings(keys, *second))
    plain = _marked_plain(keys, _MARKS)
    assert marked[1:] == plain[1:]


@settings(max_examples=1500, deadline=None)
@given(_keys)
def test_openings_marked_is_openings_and_a_scan(keys: list[str]) -> None:
    """The openings of offices and names and the tokens of the marks (sentence ends, the
    chain's stops, «سید») in one pass equal the openings and one plain scan per mark."""
    _check_marked(keys)


def test_marks_codes() -> None:
    """The stage's marks hold the chain's (sentence end 1, stop 2) and «سید» (3), one code
    per key; a key two marks share is refused."""
    assert set(CHAIN_MARKS) <= set(_MARKS)
    assert dict(_MARKS)["سید"] == 3
    assert {c for _k, c in CHAIN_MARKS} == {1, 2}
    with pytest.raises(ValueError):
        LEX.openings_marked(["x"], ("title",), _NAME_TABLES, (("x", 1), ("x", 2)))


def _corpus(limit: int) -> list[str]:
    path = SHARED / "corpus" / "news.jsonl.gz"
    if not path.exists():
        pytest.skip("../shared not found: real text lives there")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line).get("text") or "" for line in islice(f, limit)]


def test_openings_marked_on_real_text() -> None:
    from mahrumiat_extract.stages.officials.tokens import tokenize
    from mahrumiat_extract.text.normalize import normalize

    for text in _corpus(300):
        _check_marked(tokenize(normalize(text).text, LEX).keys)


# surname forms and texts over a small alphabet, so that forms overlap and repeat
_form = st.text(alphabet="ابپ\u200c ی", min_size=1, max_size=4)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_form, min_size=1, max_size=12), st.text(alphabet="ابپ\u200c یx", max_size=60))
def test_surname_starts_few_forms(forms: list[str], text: str) -> None:
    """A few surname forms searched one ``str.find`` scan each give the Aho-Corasick pass's
    starts (overlapping occurrences too); many forms take the automaton."""
    from mahrumiat_extract.stages.officials import search

    owner = {f: n for n, f in enumerate(forms)}
    auto = search._automaton_starts(owner, text)
    assert search._found(owner, text) == auto
    assert search.starts(owner, text) == auto
