"""The officials tokenizer's fast path (:func:`tokens.tokenize`: whitespace split, a memo of
chunk forms on ``lex.memo.chunks``) gives exactly the tokens of the plain one
(:func:`tokens.tokenize_slow`), on random and real text, with the memo empty, warm, full
(cleared mid-text) and for a lexicon other than the shipped one (issue 12)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahrumiat_extract.language import Resources
from mahrumiat_extract.stages.officials import tokens as tokmod
from mahrumiat_extract.stages.officials.lexicon import Lexicon, LexiconMemo
from mahrumiat_extract.stages.officials.tokens import Token, tokenize, tokenize_slow

from ...conftest import SHARED

LEX = Resources().officials

# pieces a news text is made of, and the ones the fast path treats specially: glued
# honorifics and speech verbs, ZWNJ runs, digits with separators, odd whitespace
_WORDS = (
    "دکتر", "دکترطالبی", "سردارسلامی", "مهندس", "حجت‌الاسلام", "رئیس‌جمهور", "صفاری‌نیاگفت",
    "محمدعلی", "طالبی", "استاندار", "کرمان", "گفت", "افزود", "گفت:", "،", ".", "؛", ":", "(ع)",
    "«", "»", "۱۴۰۱", "12.5", "۳٫۵", "1,200", "۱۴۰۱/۰۲/۰۱", "می‌شود", "\u200c", "\u200cها",
    "ها\u200c", "\u200c\u200c", "كرمان", "يزد", "آيت‌الله", "x", "ABC", "é", "\u064b", "ـ",
)
_SPACES = (" ", "  ", "\n", " \n", "\n ", "\n\n", " \n \n", "\t", "\r\n", "\u00a0", "\u2009", "\x1c", "\x1f", "\u3000", "")

_piece = st.one_of(
    st.sampled_from(_WORDS),
    st.text(alphabet="ابپتثجحخدذرزسشصطظعغفقکگلمنوهیآئءؤ\u200c۰۱۲۳0123.,،:؛!؟()-\n ", max_size=12),
    st.text(max_size=6),  # anything at all
)
_texts = st.lists(st.tuples(_piece, st.sampled_from(_SPACES)), max_size=40).map(
    lambda parts: "".join(a + b for a, b in parts)
)


def _fresh(lex: Lexicon) -> Lexicon:
    """``lex`` with an empty memo."""
    return replace(lex, memo=LexiconMemo())


def _other_lexicon() -> Lexicon:
    """A lexicon unlike the shipped one: another honorific («کاپیتان»), another given name,
    no common words (so more glued words split) and no stop words."""
    honorifics = dict(LEX.honorifics)
    honorifics["کاپیتان"] = ("کاپیتان", "military")
    given = dict(LEX.given)
    given["زرتشت"] = "زرتشت"
    return replace(LEX, honorifics=honorifics, given=given, common=frozenset(), stop=frozenset(),
                   memo=LexiconMemo())


def _same(text: str, lex: Lexicon) -> None:
    fast = list(tokenize(text, lex))
    slow = tokenize_slow(text, lex)
    assert fast == slow, text
    assert all(isinstance(t, Token) for t in fast)


_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_texts)
def test_fast_path_is_plain_path(text: str) -> None:
    _same(text, _fresh(LEX))  # memo empty
    _same(text, LEX)  # memo warm (shared across examples)
    _same(text, LEX)  # every chunk now remembered


@_SETTINGS
@given(_texts)
def test_fast_path_is_plain_path_other_lexicon(text: str) -> None:
    lex = _other_lexicon()
    _same(text + " کاپیتانزرتشتی دکترزرتشت", lex)
    # the shipped lexicon's memo never answers for another lexicon
    _same(text + " کاپیتانزرتشتی", LEX)


@settings(_SETTINGS, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(_texts, min_size=2, max_size=5))
def test_fast_path_after_memo_full(monkeypatch: pytest.MonkeyPatch, texts: list[str]) -> None:
    """A memo bounded at a few chunk forms: cleared and refilled (mid-text too)."""
    with monkeypatch.context() as m:
        m.setattr(tokmod, "_MAX_CHUNKS", 3)
        lex = _fresh(LEX)
        for text in texts:
            before = len(lex.memo.chunks)
            _same(text, lex)
            # over its bound, the memo is cleared before it learns a text's new chunks (the
            # runs between spaces and line breaks, and the line break)
            chunks = set(text.replace("\n", " \n ").split(" "))
            assert len(lex.memo.chunks) <= max(before, 3) + len(chunks)
        lex.memo.chunks.clear()
        _same(" ".join(texts), lex)


@_SETTINGS
@given(_texts)
def test_copied_columns_are_spliced_ones(text: str) -> None:
    """The two ways of putting a chunk's several tokens in the columns (in place for a short
    text, by copying runs for a long one) give the same tokens."""
    lex = _fresh(LEX)
    in_place = list(tokenize(text, lex))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(tokmod, "_IN_PLACE", -1)  # always copied
        copied = list(tokenize(text, lex))
    assert in_place == copied == tokenize_slow(text, lex)


def _real_texts(limit: int) -> Iterator[str]:
    corpus = SHARED / "corpus" / "news.jsonl.gz"
    dev = [SHARED / "eval" / n for n in ("dev.jsonl", "dev2.jsonl")]
    if not corpus.exists() and not any(p.exists() for p in dev):
        pytest.skip("../shared not found: real text lives there")
    for path in dev:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield json.loads(line)["text"]
    if corpus.exists():
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            for line in islice(f, limit):
                yield json.loads(line).get("text") or ""


def test_fast_path_is_plain_path_on_real_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from mahrumiat_extract.text.normalize import normalize

    texts = list(_real_texts(600))
    lex = _fresh(LEX)
    other = _other_lexicon()
    for text in texts:
        work = normalize(text).text  # what the stage tokenizes
        _same(work, lex)
        _same(text, lex)  # and the raw text
        _same(work, other)
    monkeypatch.setattr(tokmod, "_MAX_CHUNKS", 50)  # a memo cleared again and again
    small = _fresh(LEX)
    for text in texts[:100]:
        _same(normalize(text).text, small)
    monkeypatch.setattr(tokmod, "_IN_PLACE", -1)  # the columns copied, never spliced in place
    for text in texts[:100]:
        _same(normalize(text).text, lex)


@pytest.mark.parametrize(
    "texts",
    [
        ("دکترطالبی گفت", "دکترطالبی: گفت:"),  # a glued word, then the chunk form holding it
        ("صفاری‌نیاگفت", "«صفاری‌نیاگفت»"),
        ("سردارسلامی", "(سردارسلامی)،\nسردارسلامی."),
        ("۱۴۰۱/۰۲/۰۱", "۱۴۰۱/۰۲/۰۱،"),
    ],
    ids=["گفت-پس-از-دکتر", "گیومه", "پرانتز-و-سطر", "تاریخ"],
)
def test_chunk_tokens_from_the_memo(texts: tuple[str, ...]) -> None:
    """A chunk form's tokens read from the memo («دکترطالبی» in «دکترطالبی:») are the
    plain path's, the memo warm from an earlier text or from the same one."""
    lex = _fresh(LEX)
    for text in texts:
        _same(text, lex)
    _same(" ".join(texts), _fresh(LEX))


def _cut_plain(text: str) -> tuple[list[str], list[int]]:
    """``tokens._cut`` spelled out: each run of non-space characters but a line break, and each
    line break, with its offset."""
    chunks: list[str] = []
    starts: list[int] = []
    for i, c in enumerate(text):
        if c == " " or c == "\n":
            if c == "\n":
                chunks.append(c)
                starts.append(i)
        elif i and text[i - 1] not in " \n":
            chunks[-1] += c
        else:
            chunks.append(c)
            starts.append(i)
    return chunks, starts


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab \n\u200c،", max_size=30))
def test_cut_line_by_line_is_plain_cut(text: str) -> None:
    """The chunks and starts summed line by line (empty lines, spaces at a line's ends, runs
    of spaces) are the plain character walk's."""
    assert tokmod._cut(text) == _cut_plain(text)
