"""The context rules' and the scan's speed tricks equal their plain logic (property tests):
the text-space test of ``Gazetteer.scan`` against its regex, the credit test's tokens of the last
clause against the whole window's, and the credit line's first test against the regex alone."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from mahrumiat_extract.language import Resources
from mahrumiat_extract.stages.geo.context import (
    _CLAUSE_END,
    _REPORTS,
    _WORD,
    _clause_tokens,
    _credit_line,
)
from mahrumiat_extract.stages.geo.gazetteer import Gazetteer


@cache
def _gaz() -> Gazetteer:
    return Resources().gazetteer


_space_texts = st.text(
    alphabet=st.sampled_from(
        list("ab تهران،\n\u200c")
        + ["\u2003", "\u3000", "\x0b", "\x1c", "\u00a0", "\U0001f600", "\ud800", "\udc00"]
    ),
    max_size=12,
)


@settings(max_examples=500, deadline=None)
@given(_space_texts)
def test_text_space_test_equals_the_regex(text: str) -> None:
    gaz = _gaz()
    assert gaz._in_text_space(text) == (gaz._spaces_only.search(text) is None)


def plain_clause_tokens(text: str, begin: int, start: int) -> list[str]:
    """The window's tokens (the first dropped when cut) after the last clause end."""
    toks = _WORD.findall(text, begin, start)
    if begin > 0 and toks:
        toks = toks[1:]
    out: list[str] = []
    for t in reversed(toks):
        if t in _CLAUSE_END:
            break
        out.append(t)
    return out[::-1]


_clause_texts = st.text(
    alphabet=st.sampled_from(list("به گزارش فارس، .\n\u200c12-()؛") + ["\u2003", "\u064e"]),
    max_size=24,
)


@settings(max_examples=1000, deadline=None)
@given(_clause_texts, st.integers(0, 24), st.integers(0, 24))
def test_clause_tokens_equal_the_plain_ones(text: str, begin: int, start: int) -> None:
    begin = min(begin, len(text))
    start = min(max(start, begin), len(text))
    assert _clause_tokens(text, begin, start) == plain_clause_tokens(text, begin, start)


_report_texts = st.text(
    alphabet=st.sampled_from(list("گزارش می\u200cدهد ا\n") + ["\u2003", "\x1c", "\u00a0"]),
    max_size=14,
)


@settings(max_examples=1000, deadline=None)
@given(_report_texts, st.integers(0, 14))
def test_credit_line_first_test_equals_the_regex(text: str, end: int) -> None:
    """«فارس گزارش می‌دهد»: the cheap test of the characters after the name changes nothing."""
    end = min(end, len(text))
    start = end  # a name of no characters: only the text after it is read here
    nxt = text[end : end + 1]
    reports = (nxt == "گ" or nxt.isspace()) and bool(_REPORTS.match(text, end))
    before = text[max(0, start - 3) : start].rstrip(" \u200c")
    if before.endswith("/") or (not before or before[-1] in ".!؟?\n»") and not text[end:].strip():
        return  # decided before the test of what follows
    assert _credit_line(text, start, end) == reports


@settings(max_examples=500, deadline=None)
@given(_clause_texts)
def test_the_last_words_by_rsplit_equal_the_split(text: str) -> None:
    """``rejects`` reads the words before a name by ``rsplit(None, 5)``: its last five are the
    plain split's."""
    assert text.rsplit(None, 5)[-5:] == text.split()[-5:]
