"""``key_stream``'s lazy key index against the plain definition (one character at a time):
the spaced text it keeps, its block lookups (texts of many blocks, long runs of spaces, as the
blanked regions of ``Doc.work`` make), negative indices and slices, and its ``runs`` form; on
random text and on real articles read from ../shared at test time (skipped when absent)."""

from __future__ import annotations

import json
import random
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mahrumiat_extract.text.chars import MATCH_FOLD, ZWNJ
from mahrumiat_extract.text.keys import KeyIndex, key_stream, nth_letter, spaced_key

from ..conftest import SHARED


def plain_key_stream(text: str) -> tuple[str, list[int]]:
    """The key and the text index of each key character, one character at a time."""
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        if ord(ch) in MATCH_FOLD:
            rep = MATCH_FOLD[ord(ch)]
            if rep is None:
                continue
            ch = rep
        out.append(ch.lower() if "A" <= ch <= "Z" else ch)
        idx.append(i)
    return "".join(out), idx


def check(text: str) -> None:
    keys, index = key_stream(text)
    want_keys, want_idx = plain_key_stream(text)
    assert keys == want_keys
    assert isinstance(index, KeyIndex)
    assert len(index) == len(want_idx)
    assert list(index) == want_idx
    spaced = spaced_key(text)
    assert spaced == index.spaced
    assert len(spaced) == len(text)
    assert spaced.replace(" ", "") == keys
    run_keys, shift = index.runs()
    assert [k + shift[bisect_right(run_keys, k)] for k in range(len(keys))] == want_idx
    if want_idx:
        assert index[-1] == want_idx[-1]
        assert index[-len(want_idx)] == want_idx[0]
        assert index[3:-2:2] == want_idx[3:-2:2]
    for bad in (len(want_idx), -len(want_idx) - 1):
        with pytest.raises(IndexError):
            index[bad]


_PIECES = [
    " ", "  ", " " * 300, "\n", "\n\n", ZWNJ, ZWNJ + " ", "\u064e", "\u0640", "ء", "\u200f", "\t",
    "\u00a0", "\u2003", "\x0b", "😀", "A", "Zb", "ي", "ك", "۱۲", "ﻻ", "آب", "ئؤة", "أإٱ",
    "خرم آباد", "کرمانشاه", "سیستان و بلوچستان", "x" * 250,
]
_texts = st.lists(
    st.one_of(
        st.sampled_from(_PIECES),
        st.text(alphabet="آابپتجچخدرزسشکگلمنوهیئءأي\u200c \n", min_size=1, max_size=40),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_key_stream_equals_the_plain_definition(text: str) -> None:
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param(" " * 1000, id="only-spaces"),
        pytest.param(" " * 700 + "الف", id="name-after-long-blank"),
        pytest.param("ب" * 256 + " " * 256 + "پ" * 256, id="block-edges"),
        pytest.param(("ت " * 400) + "ث", id="alternating"),
        pytest.param("\u064e" * 300 + "ج", id="diacritics-only"),
    ],
)
def test_key_stream_on_written_text(text: str) -> None:
    check(text)


@pytest.mark.shared
def test_key_stream_on_real_text() -> None:
    path = SHARED / "eval" / "dev2.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found: real articles live in ../shared, beside the repo")
    from mahrumiat_extract.pipeline import get_pipeline

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipe = get_pipeline()
    for row in random.Random(5).sample(rows, 20):
        check(row["text"])
        check(pipe.make_doc(row["text"]).work)


def test_the_one_search_finds_every_character_the_usual_case_cannot_fold() -> None:
    """``spaced_key``'s usual case (no match of one search) folds only newlines, ZWNJs and
    the hamza and alef forms: every other character the fold changes, and A-Z, is found."""
    from mahrumiat_extract.text.keys import _SPECIAL

    usual = set(" \n" + ZWNJ + "آأإٱئؤة")
    changed = {chr(c) for c, v in MATCH_FOLD.items() if v != chr(c)} - usual
    for ch in sorted(changed | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
        assert _SPECIAL.search("ب" + ch + "پ"), hex(ord(ch))
    for ch in usual:
        assert _SPECIAL.search(ch) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab  ", min_size=1, max_size=60), st.data())
def test_nth_letter_counts_the_characters_that_are_no_space(spaced: str, data: st.DataObject) -> None:
    """``nth_letter`` (behind ``KeyIndex`` and the figures' status phrases) jumps and counts
    spaces; a plain walk gives the same index."""
    letters = [i for i, ch in enumerate(spaced) if ch != " "]
    if not letters:
        return
    lo = data.draw(st.integers(0, letters[-1]))
    after = [i for i in letters if i >= lo]
    need = data.draw(st.integers(0, len(after) - 1))
    assert nth_letter(spaced, lo, need) == after[need]
