"""The figures stage's speed tricks equal their plain logic: the window's tokenizer (a
possessive pattern, offsets from the match lengths) against a plain ``finditer``; the anchor
words of the phrase lists (``Article.anchored``) against the lists' own patterns; the period
matches tried only where one can start against the period pattern's ``finditer``; the clause
walk's verb test and the counted-noun test against ``tense`` and the units; on random text
and on real articles read from ../shared at test time (skipped when absent)."""

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

from mahrumiat_extract import resources
from mahrumiat_extract.pipeline import Pipeline, get_pipeline
from mahrumiat_extract.stages.figures import rules, status
from mahrumiat_extract.stages.figures import window as window_module
from mahrumiat_extract.stages.figures.lexicon import FiguresLexicon
from mahrumiat_extract.stages.figures.window import MI_KEYS, Article, Window, tense

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


def _clause_ranges(art: Article, rng: random.Random, n: int) -> list[tuple[tuple[int, int], int, int]]:
    """``n`` (clause, lo, hi): a clause as ``clause_of`` gives it (some across a sentence end)
    and a random range of it, the whole clause among them."""
    work = art.text
    out = []
    for k in range(n):
        a = rng.randint(0, max(len(work) - 1, 0))
        b = min(len(work), a + rng.choice((1, 1, 3, 30)))
        s, e = sent = art.clause_of(a, max(b, a + 1))
        if k % 4 == 0:
            lo, hi = s, e
        else:
            lo = rng.randint(s, e)
            hi = min(e, lo + rng.choice((20, 40, 60, 300, e)))
        out.append((sent, lo, hi))
    return out


def _plain_mask(text: str, lo: int, hi: int) -> int:
    """The anchor lists with a word whole in ``[lo, hi)``, from the whole text's hits."""
    mask = 0
    for end, (length, bits) in _lex().anchor_auto.iter(text):
        if end - length + 1 >= lo and end < hi:
            mask |= bits
    return mask


def _check_anchors(text: str, rng: random.Random, ranges: int) -> None:
    art = _article(text)
    work = art.text
    bits = _lex().anchor_bits
    for sent, lo, hi in _clause_ranges(art, rng, ranges):
        mask = art.anchor_mask(lo, hi, sent)
        assert mask == _plain_mask(work, lo, hi), (work, sent, lo, hi)
        for name, pat in _lists().items():
            if not art.anchored(bits[name], lo, hi, sent):
                assert pat.search(work, lo, hi) is None, (name, work[lo:hi])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.randoms(use_true_random=False))
def test_anchors_random(text: str, rng: random.Random) -> None:
    _check_anchors(text, rng, 5)


def test_anchors_real() -> None:
    rng = random.Random(11)
    for text in _real_texts(300):
        _check_anchors(text, rng, 30)


# -- the period starts, the verb test, the counted-noun test ----------------------------------
def _check_periods(text: str, rng: random.Random) -> None:
    art = _article(text)
    work = art.text
    pat = _lex().periods
    for sent, lo, hi in _clause_ranges(art, rng, 8):
        plain = [m.span() for m in pat.finditer(work, lo, hi)]
        assert rules._period_matches(art, lo, hi, sent) == plain, (work, sent, lo, hi)


def _check_status_hits(text: str, rng: random.Random) -> None:
    """The status-after phrases found per clause on the key stream: where the pattern
    matches (unbounded, as ``_phrase_after`` reads it), position by position."""
    art = _article(text)
    work = art.text
    pat = _lex().status_after
    for sent, _, _ in _clause_ranges(art, rng, 6):
        plain = [p for p in range(*sent) if pat.match(work, p)]
        assert status._after_hits(art, sent) == plain, (work, sent)


def test_phrases_hold_no_clause_end() -> None:
    """The per-clause searches (anchors, periods, status phrases) rely on it: no phrase
    match holds a clause end, so none crosses one."""
    ends = ".!?؟\n؛"
    rows = [*resources.read_tsv("figures/status.tsv"), *resources.read_tsv("figures/negatives.tsv")]
    rows += [(line,) for line in resources.read_lines("figures/periods.txt")]
    for row in rows:
        assert not any(c in ends for c in "".join(row)), row


PERIOD_WORDS = ["سال", "امسال", "سالانه", "پارسال", "از", "تا", "پایان", "کنون", "جاری", "هر",
                "ماه", "هفته", "دهه", "دولت", "برنامه", "۱۴۰۲", "1402", "99", "گذشته", "شهر"]  # fmt: skip


@st.composite
def period_texts(draw: Any) -> str:
    toks = draw(st.lists(st.sampled_from(PERIOD_WORDS + WORDS), min_size=1, max_size=25))
    out = toks[0]
    for t in toks[1:]:
        out += draw(st.sampled_from(GAPS + ["   "])) + t
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(period_texts(), st.randoms(use_true_random=False))
def test_period_matches_random(text: str, rng: random.Random) -> None:
    _check_periods(text, rng)


def test_period_matches_real() -> None:
    rng = random.Random(5)
    for text in _real_texts(200):
        _check_periods(text, rng)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.randoms(use_true_random=False))
def test_status_hits_random(text: str, rng: random.Random) -> None:
    _check_status_hits(text, rng)


def test_status_hits_real() -> None:
    rng = random.Random(3)
    for text in _real_texts(200):
        _check_status_hits(text, rng)


#: the words after a number as one pattern, the first and the rest together
_NEXT_WORDS_RE = re.compile(window_module._FIRST_WORD + window_module._MORE_WORDS)


def _check_next_words(text: str) -> None:
    """The words after a number read as the first one, then the rest: those of the one
    pattern."""
    art = _article(text)
    for pos in range(len(art.text) + 1):
        m = _NEXT_WORDS_RE.match(art.text, pos)
        plain = () if m is None else m.groups()
        first = art.first_word_raw(pos)
        if not plain:
            assert first is None, (art.text, pos)
            continue
        assert first is not None and first[0] == plain[0], (art.text, pos)
        assert art.more_words_raw(first[1]) == plain[1:], (art.text, pos)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_next_words_random(text: str) -> None:
    _check_next_words(text)


def test_next_words_real() -> None:
    for text in _real_texts(60):
        _check_next_words(text)


def test_verb_prefilter_and_counted_nouns_real() -> None:
    """A token the clause walk skips has no tense; ``unit_firsts`` is a unit's first word
    or it with «ی»; ``not_plain`` is «و», «یا» and the stop and skip cues."""
    lex = _lex()
    units = lex.units
    for text in _real_texts(200):
        art = _article(text)
        win = Window(art, 0, len(art.text))
        win._tokenize(0, len(art.text), append=False)
        for i in range(win.n):
            k = win.keys[i]
            if not (win.kinds[i] == "word" and (k in lex.verb_words or k.startswith(MI_KEYS))):
                assert tense(win, i) is None, (k, win.texts[i])
            plain = k in units or (k.endswith("ی") and k[:-1] in units)
            assert (k in lex.unit_firsts) == plain, k
            exact, prefixes = lex.not_plain
            stop = k in ("و", "یا") or lex.cue("stop", k) or lex.cue("skip", k)
            assert (k in exact or k.startswith(prefixes)) == stop, k


# ------------------------------------------------------------------ merge, indexed by key


def _merge_plain(cands: list[Any]) -> dict[str, list[Any]]:
    """``stage.merge`` as first written: each candidate compared with every earlier one."""
    from mahrumiat_extract.stages.figures.stage import _compatible, _family

    lists: dict[str, list[Any]] = {"project_counts": [], "job_figures": [], "quantities": []}
    for c in cands:
        target = c.target
        if target == "quantities" and c.unit.kind == "housing":
            if any(
                p.count == c.count and _family(p.unit.name) == "واحد"
                for p in lists["project_counts"]
            ):
                target = "project_counts"
        for prev in lists[target]:
            if (
                prev.count == c.count
                and _family(prev.unit.name) == _family(c.unit.name)
                and _compatible(prev, c)
            ):
                prev.absorb(c)
                break
        else:
            lists[target].append(c)
    return lists


_UNITS = [
    ("پروژه", "project", "project_counts"),
    ("واحد مسکونی", "housing", "project_counts"),
    ("واحد", "housing", "quantities"),
    ("فرصت شغلی", "job", "job_figures"),
    ("فرصت اشتغال", "job", "job_figures"),
    ("نفر", "person", "quantities"),
]


def _candidates(rnd: random.Random, n: int) -> list[Any]:
    from mahrumiat_extract.stages.figures.lexicon import Unit
    from mahrumiat_extract.stages.figures.stage import Candidate

    out = []
    for i in range(n):
        name, kind, target = rnd.choice(_UNITS)
        s = rnd.randrange(4)
        out.append(
            Candidate(
                count=rnd.choice([1, 2, 12, 100]),
                unit=Unit(tuple(name.split()), name, kind),
                target=target,
                start=i * 10,
                end=i * 10 + 5,
                sentence=(s * 100, s * 100 + 99),
                category=rnd.choice([None, None, "مسکن", "آب", "برق"]),
                status=None,
                period=rnd.choice([None, "۱۴۰۲"]),
                place=rnd.choice([None, "بم"]),
                ranges=[(i * 10, i * 10 + 5)],
            )
        )
    return out


def _shape(lists: dict[str, list[Any]]) -> dict[str, list[tuple[Any, ...]]]:
    return {
        k: [(c.count, c.unit.name, c.category, c.period, c.place, tuple(c.ranges)) for c in v]
        for k, v in lists.items()
    }


@pytest.mark.parametrize("seed", range(200))
def test_merge_by_key_equals_the_pairwise_merge(seed: int) -> None:
    """``merge`` looks only at the earlier candidates of the same count and unit family (an
    index: linear in the number of figures); it keeps the pairwise merge's result, order and
    first-compatible choice (categories, sentences, the bare «N واحد» joining a count)."""
    from mahrumiat_extract.stages.figures.stage import merge

    n = random.Random(seed).randrange(1, 60)
    fast = merge(_candidates(random.Random(seed), n))
    assert _shape(fast) == _shape(_merge_plain(_candidates(random.Random(seed), n)))
