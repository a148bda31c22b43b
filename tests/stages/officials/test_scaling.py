"""The officials stage is linear in the article: time per character stays flat as an article
of officials doubles (issue 16 point 2).

An article is a paragraph of officials (names, offices, surname-only mentions, pronouns, a
speaker chain) repeated 1x, 2x, 4x and 8x, each copy distinct (its names and numbers made
from a counter), so that every person is new and every surname is searched. Ratios are
measured in the same run, in CPU time (``time.process_time``). The 5 MB bound of the whole
pipeline is ``tests/batch/test_robust.py``'s.
"""

from __future__ import annotations

import time

import pytest

from mahrumiat_extract.doc import Doc
from mahrumiat_extract.pipeline import Pipeline

# syllables of made-up surnames (a counter written in base 10 with them, then «ی»)
_SYLLABLES = ("بهر", "کام", "نور", "سال", "مهر", "دار", "فرخ", "جم", "زند", "توس")
_GIVEN = ("علی", "محمد", "رضا", "حسین", "مهدی", "حسن", "مجید", "سعید", "احمد", "جواد")


def _surname(i: int) -> str:
    out = ""
    while True:
        out += _SYLLABLES[i % 10]
        i //= 10
        if not i:
            return out + "ی"


def _paragraph(i: int) -> str:
    g, s, s2 = _GIVEN[i % 10], _surname(i), _surname(i + 7919)
    return (
        f"{g} {s} استاندار کرمان گفت: {i} پروژه افتتاح شد. "
        f"فرماندار شهرستان قدس، {_GIVEN[(i + 3) % 10]} {s2}، نیز افزود: {i + 5} طرح آماده است. "
        f"{s} در ادامه گفت: کار ادامه دارد. مدیرکل بنیاد مسکن استان بوشهر گفت: {i * 3} واحد ساخته شد. "
        f"{s2} خاطرنشان کرد: خوب است. وی افزود: امیدواریم.\n"
    )


def _article(n: int, base: int) -> str:
    return "".join(_paragraph(base + i) for i in range(n))


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def _ready(pipe: Pipeline, text: str, *, geo: bool = True) -> Doc:
    """A doc with every stage before the officials run (the geo stage only when ``geo``)."""
    doc = pipe.make_doc(text)
    for stage in pipe.stages:
        if stage.name == "officials":
            break
        if geo or stage.name != "geo":
            stage(doc)
    return doc


def _seconds(pipe: Pipeline, text: str, reps: int = 3) -> tuple[float, int]:
    """The officials stage's best time on ``text`` of ``reps`` runs, and its officials."""
    stage = next(s for s in pipe.stages if s.name == "officials")
    best, found = float("inf"), 0
    for _ in range(reps):
        doc = _ready(pipe, text)
        t = time.process_time()  # CPU time: other work on a shared machine does not count
        stage(doc)
        best = min(best, time.process_time() - t)
        found = len(doc.officials)
    return best, found


def test_time_per_character_flat_as_officials_double(pipe: Pipeline) -> None:
    unit = 60  # paragraphs: about 19,000 characters and 120 officials
    _seconds(pipe, _article(unit, 10**6))  # warm the lexicon's memo tables
    per_char: list[float] = []
    for k, factor in enumerate((1, 2, 4, 8)):
        text = _article(unit * factor, base=(k + 1) * 10**5)
        seconds, found = _seconds(pipe, text)
        assert found == 2 * unit * factor  # every official of every copy, none merged
        per_char.append(seconds / len(text))
    ratios = [b / a for a, b in zip(per_char, per_char[1:])]
    assert all(r <= 1.3 for r in ratios), ratios
