"""The figures stage: numbers attached to what they count, sorted into SPEC's lists.

``match`` finds candidates (a number from :func:`~..text.numbers.find_numbers`, the
counted noun after it through «عدد/مورد/فقره», its list, category, status, period, place);
``set_annotations`` merges repeated figures (same count, unit family and compatible
category: headline and body) into one :class:`~..records.Figure` with several mentions.
Years, dates, times, phones, law articles («تبصره ماده ۱۶»), ordinals, list numbering and
scores («۵ بر سه») never reach a list: they have no counted noun or are filtered here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...doc import Doc
from ...records import Figure, Span, Status
from ...text.numbers import NumberLexicon, NumberMatch, find_numbers
from ..base import Stage
from . import rules
from .category import category, governing_word
from .window import Article, Window, window_around
from .lexicon import FiguresLexicon, Unit
from ...text.chars import ZWNJ

__all__ = ["Candidate", "FiguresStage", "match"]

_LIST_MARKS = ("-", ")", ".", "–", "ـ")
_EZAFE_STEMS = ("ا", "و", "ه")
_SPLIT_DECIMAL_RE = re.compile(r"\d\. ?$")


@dataclass(slots=True)
class Candidate:
    """One number with its counted noun, before merging."""

    count: int
    unit: Unit
    target: str  # project_counts, job_figures, quantities
    start: int  # normalized range of «number + noun»
    end: int
    sentence: tuple[int, int]
    category: str | None = None
    status: Status | None = None
    period: str | None = None
    place: str | None = None
    ranges: list[tuple[int, int]] = field(default_factory=list)


def _unit_at(win: Window, i: int) -> tuple[Unit, int] | None:
    """The counted noun starting at token ``i``: (unit, index of the token after it)."""
    lex = win.lex
    key = win.key(i)
    while key in ("عدد", "مورد", "فقره") and lex.cue("skip", key):
        i += 1
        key = win.key(i)
    for unit in lex.units.get(key, ()):
        n = len(unit.words)
        if win.gap_ok(i - 1, i) and (
            n == 1 or all(win.key(i + k) == w and win.gap_ok(i + k - 1, i + k) for k, w in enumerate(unit.words))
        ):
            return unit, i + n
    if key.endswith("ی") and key[:-1].endswith(_EZAFE_STEMS):
        for unit in lex.units.get(key[:-1], ()):
            if len(unit.words) == 1:
                return unit, i + 1
    return None


def _maybe_counted(art: Article, end: int) -> bool:
    """A counted noun among the next words (a cheap test before tokenizing the context)."""
    units = art.lex.units
    for w in art.next_words_raw(end):
        if w:
            k = w.replace(ZWNJ, "")
            if k in units or (k.endswith("ی") and k[:-1] in units):
                return True
    return False


def _find_unit(win: Window, after: int) -> tuple[Unit, int, int] | None:
    """(unit, its first token, token after it) for a number ending before token ``after``."""
    if not win.gap_ok(after - 1, after):
        return None
    found = _unit_at(win, after)
    if found:
        return found[0], after, found[1]
    # «۲ هزار و ۸۶۰ کار و یا پروژه»: an alternative noun, then the counted one
    j = after + 1
    if win.has(after) and win.kinds[after] == "word":
        while win.key(j) in ("و", "یا") and j <= after + 2:
            j += 1
        if j > after + 1 and win.has(j) and not win.is_number(j):
            found = _unit_at(win, j)
            if found:
                return found[0], j, found[1]
    return None


def _is_reference(win: Window, first: int, after: int) -> bool:
    """Law articles, years, list numbering, scores: numbers that count nothing."""
    lex = win.lex
    if lex.cue("not_before", win.key(first - 1)) and win.gap_ok(first - 1, first):
        return True
    start = win.starts[first]
    if _SPLIT_DECIMAL_RE.search(win.text, max(0, start - 4), start):
        return True  # «2. 4 میلیون»: a decimal cut by tokenization, its value unknown
    if win.key(after) == "بر" and win.is_number(after + 1):
        return True  # «۵ بر سه»
    line_start = first == 0 or not win.gap_ok(first - 1, first)
    if line_start and win.has(after) and win.texts[after] in _LIST_MARKS:
        return True
    return win.key(first - 1) == "(" and win.key(after) == ")"


def _target(win: Window, unit: Unit, first: int, after: int) -> str | None:
    """Which list a figure goes to (None: not a figure at all)."""
    lex = win.lex
    if unit.kind in ("project", "housing"):
        if unit.words[-1] in ("طرح", "پروژه") and (
            lex.cue("not_after", win.key(after)) or (win.key(after) == "و" and lex.cue("name_and", win.key(after + 1)))
        ):
            return None
        if win.cue_after("project_negative", after, 12):
            return "quantities"
        if unit.kind == "project":
            return "project_counts"
        built = win.has_cue("construction", first - 8, after + 12)
        return "project_counts" if built else "quantities"
    if unit.kind == "job":
        bad = win.cue_before("job_negative", first, 6) or win.cue_after("job_negative", after, 6)
        return "quantities" if bad else "job_figures"
    if unit.kind == "person":
        if win.cue_before("job_negative", first, 6) or win.cue_after("job_negative", after, 6):
            return "quantities"
        if win.cue_before("job", first, 6) or win.cue_after("job", after, 6):
            return "job_figures"
    return "quantities"


def _count(m: NumberMatch, unit: Unit) -> int | None:
    value = m.value * unit.factor
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    return value if value > 0 else None


def match(doc: Doc, lex: FiguresLexicon, numbers_lex: NumberLexicon) -> list[Candidate]:
    """Every figure candidate of the document, in text order."""
    numbers = find_numbers(doc.work, lex=numbers_lex)
    art = Article(doc, lex, {m.start for m in numbers})
    out: list[Candidate] = []
    win: Window | None = None
    for m in numbers:
        if not _maybe_counted(art, m.end):
            continue
        win = window_around(art, m.start, m.end, prev=win)
        first, after = win.tok_at(m.start), win.tok_at(m.end)
        found = _find_unit(win, after)
        if found is None or _is_reference(win, first, after):
            continue
        if m.has_words and not m.has_digits and m.value < 10 and lex.cue("dem", win.key(first - 1)):
            continue  # «این دو طرح»: the plans already named, not a count
        unit, _, tail = found
        count = _count(m, unit)
        target = _target(win, unit, first, tail)
        if count is None or target is None:
            continue
        end = win.ends[tail - 1]
        sent = art.sentence(m.start)
        cand = Candidate(count, unit, target, m.start, end, sent)
        cand.category = _category(win, cand, out, first, tail, numbers)
        cand.status = rules.status(art, win, m.start, end, sent)  # type: ignore[assignment]
        cand.period = rules.period(art, m.start, end, sent)
        cand.place = rules.place(art, m.start, end, sent)
        cand.ranges.append((m.start, end))
        out.append(cand)
    return out


def _category(
    win: Window, cand: Candidate, done: list[Candidate], first: int, tail: int, numbers: list[NumberMatch]
) -> str | None:
    lex = win.lex
    if lex.cue("other", win.key(tail)):  # «۳۵ پروژه دیگر»: the kind of the previous figure
        for prev in reversed(done):
            if prev.unit.name == cand.unit.name:
                return prev.category
        return None
    cat = category(win, tail, cand.unit.category)
    if cat is None and lex.cue("dem", win.key(first - 1)):  # «این ۳۷۲ پروژه»
        for prev in reversed(done):
            if prev.count == cand.count and prev.unit.name == cand.unit.name:
                return prev.category
        for m in numbers:
            if m.start >= cand.start:
                break
            if m.value == cand.count:
                return governing_word(win.art, m.start)
    return cat


def _family(unit: str) -> str:
    return "واحد" if unit.startswith("واحد") else unit


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.category and b.category and a.category != b.category:
        return a.sentence != b.sentence  # a breakdown lists distinct parts in one sentence
    return True


def merge(cands: list[Candidate]) -> dict[str, list[Candidate]]:
    """Repeated figures merged: same list, count and unit family, compatible category. A
    bare «N واحد» repeating a project count joins it."""
    lists: dict[str, list[Candidate]] = {"project_counts": [], "job_figures": [], "quantities": []}
    for c in cands:
        target = c.target
        if target == "quantities" and c.unit.kind == "housing":
            if any(p.count == c.count and _family(p.unit.name) == "واحد" for p in lists["project_counts"]):
                target = "project_counts"
        bucket = lists[target]
        for prev in bucket:
            if prev.count == c.count and _family(prev.unit.name) == _family(c.unit.name) and _compatible(prev, c):
                prev.ranges.extend(c.ranges)
                prev.category = prev.category or c.category
                prev.status = prev.status or c.status
                prev.period = prev.period or c.period
                prev.place = prev.place or c.place
                break
        else:
            bucket.append(c)
    return lists


class FiguresStage(Stage):
    """Project counts, job figures and other quantities, each with its unit, category,
    status, period and place."""

    name = "figures"
    reads = ("work", "geo")
    writes = ("project_counts", "job_figures", "quantities")

    def match(self, doc: Doc) -> dict[str, list[Candidate]]:
        """The figure candidates of ``doc``, merged, by record field."""
        res = self.resources
        return merge(match(doc, res.figures, res.numbers))

    def set_annotations(self, doc: Doc, found: dict[str, list[Candidate]]) -> None:
        doc.project_counts = self._figures(doc, found["project_counts"])
        doc.job_figures = self._figures(doc, found["job_figures"])
        doc.quantities = self._figures(doc, found["quantities"])

    @staticmethod
    def _figures(doc: Doc, cands: list[Candidate]) -> list[Figure]:
        out = []
        for c in cands:
            if len(c.ranges) == 1:  # doc.spans of one range, without its sorting
                sp = doc.span(*c.ranges[0])
                mentions: tuple[Span, ...] = (sp,) if sp is not None else ()
            else:
                mentions = doc.spans(c.ranges)
            if not mentions:
                continue
            out.append(
                Figure(
                    count=c.count,
                    unit=c.unit.name,
                    category=c.category,
                    status=c.status,
                    period=c.period,
                    place=c.place,
                    mentions=mentions,
                )
            )
        return out
