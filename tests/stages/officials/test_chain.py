"""The speaker chain's fast tests of a sentence's opening (``_lead``, the «به گزارش» test,
``_no_office``) equal the plain slices they replace, on random token sequences."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from mahrumiat_extract.stages.officials.chain import SpeakerChain, _no_office

_WORDS = ["به", "گزارش", "گفته", "اعتقاد", "عقیده", "،", "؛", ":", "یکی", "از", "یادداشتی", "X"]
_keys = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8)


def _lead_plain(keys: list[str], a: int, b: int) -> tuple[int, bool]:
    head = keys[a : min(b, a + 2)]
    if head == ["به", "گزارش"]:
        i = a
        while i < b and keys[i] not in ("،", "؛", ":"):
            i += 1
        return i + 1, False
    if head in (["به", "گفته"], ["به", "اعتقاد"], ["به", "عقیده"]):
        return a + 2, True
    return a, False


def _no_office_plain(rest: list[str]) -> bool:
    if any(tuple(rest[n : n + 2]) == ("یکی", "از") for n in range(3)):
        return True
    return any(k in {"یادداشتی", "یادداشت", "مقاله‌ای", "مقاله", "ستون"} for k in rest[:4])


@given(_keys, st.data())
@settings(max_examples=2000, deadline=None)
def test_lead(keys: list[str], data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(keys) - 1))
    b = data.draw(st.integers(a + 1, len(keys)))
    keys = [*keys[:b], "."] if b < len(keys) else keys  # a sentence ends at ``b``
    chain = SimpleNamespace(keys=keys, tokens=SimpleNamespace(keys=keys))
    assert SpeakerChain._lead(chain, a, b) == _lead_plain(keys, a, b)  # type: ignore[arg-type]
    report = a + 1 < b and keys[a] == "به" and keys[a + 1] == "گزارش"
    assert report == (keys[a : a + 2] == ["به", "گزارش"])  # as ``_subject`` reads it


@given(st.lists(st.sampled_from(_WORDS), max_size=6))
@settings(max_examples=2000, deadline=None)
def test_no_office(rest: list[str]) -> None:
    assert _no_office(rest) == _no_office_plain(rest)


@given(st.lists(st.integers(0, 40), max_size=12, unique=True), st.lists(st.integers(0, 45), max_size=16))
@settings(max_examples=1500, deadline=None)
def test_last_inside(firsts: list[int], cuts: list[int]) -> None:
    """The offices about to be named, walked once with the sentences, are what the plain
    per-sentence test (:meth:`SpeakerChain._introduced`) leaves pending: the last of each
    sentence's, none for a sentence without."""
    from mahrumiat_extract.stages.officials.chain import _last_inside

    offices = [SimpleNamespace(first=f) for f in sorted(firsts)]
    bounds = sorted(set(cuts))
    sentences = [(a, b) for a, b in zip(bounds, bounds[1:]) if (a + b) % 3]  # gaps too
    plain = [
        next((t for t in reversed(offices) if a <= t.first < b), None) for a, b in sentences
    ]
    assert _last_inside(offices, sentences) == plain  # type: ignore[arg-type]


def _sentences_plain(ends: list[int], n: int) -> list[tuple[int, int]]:
    out, start = [], 0
    for i in ends:
        if i > start:
            out.append((start, i))
        start = i + 1
    if start < n:
        out.append((start, n))
    return out


@given(st.lists(st.integers(0, 30), max_size=12, unique=True), st.integers(0, 31))
@settings(max_examples=1500, deadline=None)
def test_sentences(ends: list[int], n: int) -> None:
    """The sentences built by C maps are the plain loop's (empty ones left out)."""
    ends = sorted(e for e in ends if e < n)
    chain = SimpleNamespace(tokens=SimpleNamespace(keys=["x"] * n))
    assert SpeakerChain._sentences(chain, ends) == _sentences_plain(ends, n)  # type: ignore[arg-type]
