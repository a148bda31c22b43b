"""The sentence splitter: ``sentence_ends`` (a ``str.find`` per end character) gives the ends
of the plain pattern scan it replaced, sentences and clauses alike, on random text and on real
articles read from ../shared at test time (skipped when absent); ``sentence_at`` by example."""

from __future__ import annotations

import gzip
import json
import re
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mahrumiat_extract.text.sentences import sentence_at, sentence_ends

from ..conftest import SHARED

CORPUS = SHARED / "corpus" / "news.jsonl.gz"

_END_RE = re.compile(r"[.!?؟\n]")
_CLAUSE_END_RE = re.compile(r"[.!?؟\n؛]")


def plain_sentence_ends(text: str, *, clauses: bool = False) -> list[int]:
    """The splitter as first written: one regex scan, a «.» between digits no end."""
    n = len(text)
    rx = _CLAUSE_END_RE if clauses else _END_RE
    return [
        m.end()
        for m in rx.finditer(text)
        if not (
            m.group() == "."
            and 0 < m.start()
            and m.end() < n
            and text[m.end()].isdecimal()
            and text[m.start() - 1].isdecimal()
        )
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab ۱1.!?؟؛\n،", max_size=40), st.booleans())
def test_sentence_ends_random(text: str, clauses: bool) -> None:
    assert sentence_ends(text, clauses=clauses) == plain_sentence_ends(text, clauses=clauses)


def test_sentence_ends_real() -> None:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not found: the corpus lives in ../shared, beside the repo")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in islice(f, 300):
            text = json.loads(line)["text"]
            for clauses in (False, True):
                assert sentence_ends(text, clauses=clauses) == plain_sentence_ends(
                    text, clauses=clauses
                )


@pytest.mark.parametrize(
    ("text", "clauses", "ends"),
    [
        ("قیمت 1.5 برابر شد. خوب است", False, [18]),
        ("اول؛ دوم. سوم", False, [9]),
        ("اول؛ دوم. سوم", True, [4, 9]),
        ("سطر\nسطر", False, [4]),
    ],
)
def test_sentence_ends_examples(text: str, clauses: bool, ends: list[int]) -> None:
    assert sentence_ends(text, clauses=clauses) == ends


def test_sentence_at() -> None:
    assert sentence_at([4, 9], 5, 13) == (4, 9)
    assert sentence_at([4, 9], 0, 13) == (0, 4)
    assert sentence_at([4, 9], 10, 13) == (9, 13)
