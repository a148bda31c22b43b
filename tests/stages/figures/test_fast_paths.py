"""The figures stage's speed tricks equal their plain logic: the window's tokenizer (a
possessive pattern, offsets from the match lengths) against a plain ``finditer``; the anchor
words of the phrase lists (``Article.anchored``) against the lists' own patterns; on random
text and on real articles read from ../shared at test time (skipped when absent)."""

from __future__ import annotations

import gzip
import json
import random
import re
from functools import cache
from itertools import islice
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahrumiat_extract.pipeline import Pipeline, get_pipeline
from mahrumiat_extract.stages.figures.lexicon import FiguresLexicon
from mahrumiat_extract.stages.figures.window import Article, Window

from ...conftest import SHARED

CORPUS = SHARED / "corpus" / "news.jsonl.gz"

#: the window's token pattern as first written: whitespace, then a digit run, a word or one
#: other character
PLAIN_TOKEN_RE = re.compile(r"(\s*)((\d+(?:[٫٬,.:/\-]\d+)*)|([^\W\d_]+(?:\u200c[^\W\d_]+)*)|\S)")

WORDS = ["پروژه", "واحد", "مسکونی", "افتتاح", "شد", "می‌شود", "برای", "ساخت", "تاکنون", "تا",
         "کنون", "به", "حال", "امروز", "نرخ", "بیکاری", "شغل", "نفر", "روز", "-روز", "از", "دست",
         "رفته", "کاهش", "یافت", "خالی", "کلنگ‌زنی", "سال", "۱۴۰۲", "هزار", "۲٬۵۰۰", "1.5",
         "12/05/1401", "021-1234", "،", ".", "؛", "(", ")", "«", "»", "½", "²", "_", "x", "٣"]  # fmt: skip
GAPS = [" ", " ", " ", "", "\u200c", "  ", "\n", " \n ", "\t"]


@cache
def _pipe() -> Pipeline:
    return get_pipeline()


@cache
def _lex() -> FiguresLexicon:
    return FiguresLexicon.load()


def _article(text: str) -> Article:
    return Article(_pipe().make_doc(text), _lex(), [])


@st.composite
def texts(draw: Any) -> str:
    toks = draw(st.lists(st.sampled_from(WORDS) | st.text(max_size=3), min_size=1, max_size=30))
    out = toks[0]
    for t in toks[1:]:
        out += draw(st.sampled_from(GAPS)) + t
    return out


def _real_texts(n: int) -> list[str]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not found: the corpus lives in ../shared, beside the repo")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in islice(f, n)]


# -- the tokenizer ----------------------------------------------------------------------------
def plain_tokens(text: str, lo: int, cut: int) -> list[tuple[int, int, str, str, str, bool]]:
    """(start, end, text, key, kind, line break before) of each token, by ``finditer``."""
    out = []
    for m in PLAIN_TOKEN_RE.finditer(text, lo, cut):
        kind = "num" if m.group(3) else "word" if m.group(4) else "punct"
        tok = m.group(2)
        out.append((m.start(2), m.end(2), tok, tok.replace("\u200c", ""), kind, "\n" in m.group(1)))
    return out


def window_tokens(art: Article, lo: int, cut: int) -> list[tuple[int, int, str, str, str, bool]]:
    win = Window(art, lo, cut)
    win._tokenize(lo, cut, append=False)
    return [
        (win.starts[i], win.ends[i], win.texts[i], win.keys[i], win.kinds[i], "\n" in win.gaps[i])
        for i in range(win.n)
    ]


def _check_tokens(text: str, rng: random.Random) -> None:
    art = _article(text)
    work = art.text
    bounds = [(0, len(work))] + [
        tuple(sorted((rng.randint(0, len(work)), rng.randint(0, len(work))))) for _ in range(4)
    ]
    for lo, cut in bounds:
        assert window_tokens(art, lo, cut) == plain_tokens(work, lo, cut), (work, lo, cut)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.randoms(use_true_random=False))
def test_tokens_random(text: str, rng: random.Random) -> None:
    _check_tokens(text, rng)


def test_tokens_real() -> None:
    rng = random.Random(7)
    for text in _real_texts(300):
        _check_tokens(text, rng)


# -- the anchor words -------------------------------------------------------------------------
def _lists() -> dict[str, Any]:
    """Each anchor list's name -> its pattern."""
    lex = _lex()
    out: dict[str, Any] = {
        "status_before": lex.status_before,
        "status_purpose": lex.status_purpose,
        "status_governing": lex.status_governing,
        "status_earlier": lex.status_earlier,
    }
    for (kind, where), pat in lex.negatives.items():
        out[f"negative_{kind}_{where}"] = pat
    assert set(out) == set(lex.anchor_bits)
    return out


def _check_anchors(text: str, rng: random.Random, ranges: int) -> None:
    art = _article(text)
    work = art.text
    bits = _lex().anchor_bits
    for name, pat in _lists().items():
        for _ in range(ranges):
            lo = rng.randint(0, len(work))
            hi = min(len(work), lo + rng.choice((20, 40, 60, 300, len(work))))
            if not art.anchored(bits[name], lo, hi):
                assert pat.search(work, lo, hi) is None, (name, work[lo:hi])
        assert art.anchored(bits[name], 0, len(work)) or pat.search(work) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.randoms(use_true_random=False))
def test_anchors_random(text: str, rng: random.Random) -> None:
    _check_anchors(text, rng, 5)


def test_anchors_real() -> None:
    rng = random.Random(11)
    for text in _real_texts(300):
        _check_anchors(text, rng, 20)
