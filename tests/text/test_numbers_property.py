"""Property tests: the fast number readers of ``text/numbers.py`` give what the plain reader
gives. ``find_numbers`` finds starts with ``_starts`` (an automaton and a digit regex standing
for ``lex.start_re``) and reads most numbers with ``_read_digits`` / ``_read_digits_scale`` /
``_read_word`` without a token stream; the reference below scans ``lex.start_re`` and reads
every number with the plain ``_read`` over ``_Tokens``. Compared on random Persian number
phrases and, when ../shared is present, on real article text read at test time."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mahrumiat_extract.text import numbers as N
from mahrumiat_extract.text.normalize import normalize

from ..conftest import DEV, SHARED

LEX = N._shipped()
RESOURCES = Path(N.__file__).resolve().parent.parent / "resources" / "numbers"


def _column(path: Path) -> list[str]:
    rows = path.read_text(encoding="utf-8").splitlines()
    return [r.split("\t")[0] for r in rows if r.strip() and not r.startswith("#")]


#: number words as the resource spells them (ZWNJ variants too), scale words, counters
NUMBER_WORDS = _column(RESOURCES / "words.tsv")
SCALES = [w for w in NUMBER_WORDS if LEX.words[w.replace("\u200c", "")].kind == "scale"]
COUNTERS = _column(RESOURCES / "counters.txt")
OTHER = ["و", "پروژه", "شغل", "واحد", "در", "سال", "شنبه", "مین", "ام", "م", "ین", "امین",
         "هزارم", "نیم", "درصد", "،", "-", "/", ":", "(", ")", "ده", "نه", "یک"]  # fmt: skip
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def digits(draw: Any) -> str:
    n = draw(st.integers(min_value=0, max_value=10**10))
    form = draw(st.sampled_from(["plain", "comma", "arabic-sep", "decimal", "date", "phone"]))
    if form == "comma":
        s = f"{n:,}"
    elif form == "arabic-sep":
        s = f"{n:,}".replace(",", "٬")
    elif form == "decimal":
        s = f"{n % 1000}{draw(st.sampled_from(['٫', '.', '/']))}{draw(st.integers(0, 99))}"
    elif form == "date":
        s = f"{draw(st.integers(1300, 1405))}/{draw(st.integers(1, 12)):02d}/{draw(st.integers(1, 31)):02d}"
    elif form == "phone":
        s = f"0{draw(st.integers(10, 99))}-{draw(st.integers(1000, 9999))}"
    else:
        s = str(n)
    script = draw(st.sampled_from(["ascii", "persian", "arabic"]))
    return s.translate(PERSIAN if script == "persian" else ARABIC if script == "arabic" else {})


TOKEN = st.one_of(
    digits(),
    st.sampled_from(NUMBER_WORDS),
    st.sampled_from(SCALES),
    st.sampled_from(COUNTERS),
    st.sampled_from(OTHER),
)
GAP = st.sampled_from([" ", " ", " ", "", "\u200c", "  ", "\n", " و "])


@st.composite
def phrases(draw: Any) -> str:
    toks = draw(st.lists(TOKEN, min_size=1, max_size=12))
    out = toks[0]
    for t in toks[1:]:
        out += draw(GAP) + t
    return out


def reference(text: str, *, context: bool) -> list[N.NumberMatch]:
    """``find_numbers`` without its fast paths: ``start_re`` and ``_read`` for every number."""
    out: list[N.NumberMatch] = []
    pos = 0
    for m in LEX.start_re.finditer(text):
        start = m.start()
        if start < pos:
            continue
        if start > 0 and text[start - 1].isdigit():
            continue
        if text[start].isdigit() and start > 0 and text[start - 1] in "-/:":
            continue
        toks = N._Tokens(text, start)
        first = toks.get(0)
        if first is None:
            break
        if first.kind == "word" and LEX.words[first.key].kind == "fraction":
            pos = first.end
            continue
        n, found = N._read(text, toks, 0, LEX, context=context)
        if found is not None:
            out.append(found)
        pos = toks[max(n - 1, 0)].end
    return out


def _shape(found: list[N.NumberMatch]) -> list[tuple[Any, ...]]:
    return [(m.start, m.end, m.value, m.text, m.has_words, m.has_digits) for m in found]


def _check(raw: str) -> None:
    text = normalize(raw).text
    starts = [m.start() for m in LEX.start_re.finditer(text)]
    assert N._starts(text, LEX)[0] == starts, text
    for context in (True, False):
        assert _shape(N.find_numbers(text, context=context)) == _shape(
            reference(text, context=context)
        ), (text, context)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrases())
@example("یک هزار و ۸۰۷ پروژه")
@example("۲ هزار و ۸۳۸ واحد")
@example("سیصد و بیست هزار نفر")
@example("یکصد و نهمین")
@example("5مین دوره و 10 ام")
@example("۱٫۵ میلیون شغل و نیم")
@example("پنج شنبه ده روستا و نه پروژه")
@example("021-1234 و 12/05/1401")
def test_fast_readers_equal_the_plain_reader(raw: str) -> None:
    _check(raw)


# ---------------------------------------------------------------- real text (never copied)

CORPUS = SHARED / "corpus" / "news.jsonl.gz"
DEV2 = SHARED / "eval" / "dev2.jsonl"


def _real_texts() -> list[str]:
    texts: list[str] = []
    for path in (DEV, DEV2):
        if path.exists():
            texts += [json.loads(ln)["text"] for ln in path.read_text("utf-8").splitlines() if ln.strip()]
    if CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            texts += [t for t in (json.loads(ln).get("text") for ln in islice(fh, 400)) if t]
    return texts


@pytest.mark.shared
def test_fast_readers_equal_the_plain_reader_on_real_text() -> None:
    texts = _real_texts()
    if not texts:
        pytest.skip(f"{SHARED} not found: the real articles live in ../shared, beside the repo")
    for raw in texts:
        _check(raw)
