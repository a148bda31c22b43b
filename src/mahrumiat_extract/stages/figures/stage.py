"""The figures stage: numbers attached to what they count, sorted into SPEC's lists.

``match`` finds candidates (a number from :func:`~..text.numbers.find_numbers`, the
counted noun after it through «عدد/مورد/فقره», its list, category, status, period, place);
``set_annotations`` merges repeated figures (same count, unit family and compatible
category: headline and body) into one :class:`~..records.Figure` with several mentions.
Years, dates, times, phones, law articles («تبصره ماده ۱۶»), ordinals, list numbering and
scores («۵ بر سه») never reach a list: they have no counted noun or are filtered here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...doc import Doc
from ...records import Figure, Span, Status
from ...text.chars import ZWNJ
from ...text.numbers import NumberLexicon, NumberMatch, find_numbers
from ..base import Stage
from . import rules
from .category import category, governing_word
from .counts import count_of, is_reference, whole
from .lexicon import FiguresLexicon, Unit
from .status import status
from .window import Article, Window, tense, window_around

__all__ = ["Candidate", "FiguresStage", "match"]

_EZAFE_STEMS = ("ا", "و", "ه")
#: the anchor lists (``FiguresLexicon.anchor_bits``) of the negatives before, after, next
_NEGATIVE_LISTS = {
    kind: (f"negative_{kind}_before", f"negative_{kind}_after", f"negative_{kind}_next")
    for kind in ("job", "project")
}


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

    def absorb(self, other: Candidate) -> None:
        """Take in a repetition of this figure: its mentions, and what this one lacks."""
        self.ranges.extend(other.ranges)
        self.category = self.category or other.category
        self.status = self.status or other.status
        self.period = self.period or other.period
        self.place = self.place or other.place


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
            n == 1
            or all(
                win.key(i + k) == w and win.gap_ok(i + k - 1, i + k)
                for k, w in enumerate(unit.words)
            )
        ):
            return unit, i + n
    if key.endswith("ی") and key[:-1].endswith(_EZAFE_STEMS):
        for unit in lex.units.get(key[:-1], ()):
            if len(unit.words) == 1:
                return unit, i + 1
    return None


def _maybe_counted(art: Article, end: int) -> bool:
    """A counted noun among the next words (a cheap test before tokenizing the context)."""
    firsts = art.lex.unit_firsts  # a unit's first word, or it with «ی»
    # the next word alone first: most counted nouns come right after their number
    first = art.first_word_raw(end)
    if first is None:
        return False
    w, w_end = first
    if (w.replace(ZWNJ, "") if ZWNJ in w else w) in firsts:
        return True
    for more in art.more_words_raw(w_end):
        if more and (more.replace(ZWNJ, "") if ZWNJ in more else more) in firsts:
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
            if found and not win.lex.cue("bill", win.key(after)):
                return found[0], j, found[1]
    return None


def _negative(win: Window, kind: str, first: int, after: int, sent: tuple[int, int]) -> bool:
    """A phrase of negatives.tsv says the figure is not a ``kind`` (job, project) count:
    before the number in its clause, or after the counted noun up to the clause's first finite
    verb («۲۰ هزار شغل ایجاد کرد و نرخ بیکاری کاهش یافت»: the loss is another clause's)."""
    art = win.art
    text = art.text
    s, e = sent
    num_start, unit_end = win.starts[first], win.ends[after - 1]
    neg = art.lex.negatives
    bits = art.lex.anchor_bits
    # each pattern is read only where one of its anchor words is (else it matches none)
    b_name, a_name, n_name = _NEGATIVE_LISTS[kind]
    before = neg.get((kind, "before"))
    if before is not None:
        lo = max(s, num_start - 60)
        if art.anchored(bits[b_name], lo, num_start, sent) and before.search(text, lo, num_start):
            return True
    later = neg.get((kind, "after"))
    if later is not None:
        hi = min(e, unit_end + 60)
        m = None
        if art.anchored(bits[a_name], unit_end, hi, sent):
            m = later.search(text, unit_end, hi)
        if m is not None:
            limit = min(e, unit_end + 40)
            i = after
            while win.has(i) and win.starts[i] < limit:
                if tense(win, i) is not None:
                    limit = win.ends[i]
                    break
                i += 1
            if m.start() < limit:
                return True
    nxt = neg.get((kind, "next"))
    if nxt is not None:
        hi = min(e, unit_end + 20)
        if not art.anchored(bits[n_name], unit_end, hi, sent):
            return False
        m = nxt.search(text, unit_end, hi)
        return m is not None and not text[unit_end : m.start()].strip()
    return False


def _for_jobs(win: Window, first: int, after: int) -> bool:
    """«برای N X ... اشتغال/شغل»: jobs for a group of N people (made, promised)."""
    i = first - 1
    while win.key(i) in ("بیش", "از", "حدود", "تعداد", "نزدیک", "به"):
        i -= 1
    return win.key(i) == "برای" and win.has_cue("job", after, after + 15)


def _target(win: Window, unit: Unit, first: int, after: int, sent: tuple[int, int]) -> str | None:
    """Which list a figure goes to (None: not a figure at all)."""
    lex = win.lex
    if unit.kind in ("project", "housing"):
        if unit.words[-1] in ("طرح", "پروژه") and (
            lex.cue("not_after", win.key(after))
            or (win.key(after) == "و" and lex.cue("name_and", win.key(after + 1)))
        ):
            return None
        if win.cue_after("project_negative", after, 12):
            return "quantities"
        if _negative(win, "project", first, after, sent):
            return "quantities"
        if unit.words == ("طرح",) and (
            win.has_cue("bill_context", first - 8, first) or win.cue_after("bill_context", after, 8)
        ):
            return None  # «دو طرح ... رای‌گیری مجلس»: bills
        if unit.kind == "project":
            return "project_counts"
        if win.cue_after("production", after, 3):
            return "quantities"  # «۱۸ واحد جدید پتروشیمی»: production units
        built = win.has_cue("construction", first - 8, after + 12)
        return "project_counts" if built else "quantities"
    if unit.kind in ("job", "person", "group"):
        if win.cue_before("job_negative", first, 6) and unit.kind != "group":
            return "quantities"
        if win.cue_after("job_negative", after, 6, to_verb=True):
            return "quantities"
        if _negative(win, "job", first, after, sent):
            return "quantities"
        if unit.kind == "job" or _for_jobs(win, first, after):
            return "job_figures"
        if unit.kind == "person" and (
            win.cue_before("job", first, 6) or win.cue_after("job", after, 6)
        ):
            return "job_figures"
    return "quantities"


def match(doc: Doc, lex: FiguresLexicon, numbers_lex: NumberLexicon) -> list[Candidate]:
    """Every figure candidate of the document, in text order."""
    numbers = find_numbers(doc.work, lex=numbers_lex)
    art = Article(doc, lex, numbers)
    out: list[Candidate] = []
    win: Window | None = None
    for m in numbers:
        if not _maybe_counted(art, m.end):
            continue
        m = whole(doc.work, m, numbers_lex)
        win = window_around(art, m.start, m.end, prev=win)
        first, after = win.tok_at(m.start), win.tok_at(m.end)
        found = _find_unit(win, after)
        if found is None or is_reference(win, first, after):
            continue
        if m.has_words and not m.has_digits and m.value < 10 and lex.cue("dem", win.key(first - 1)):
            continue  # «این دو طرح»: the plans already named, not a count
        unit, _, tail = found
        count = count_of(m, unit)
        sent = win.sent  # art.clause_of(m.start, m.end)
        target = _target(win, unit, first, tail, sent)
        if count is None or target is None:
            continue
        end = win.ends[tail - 1]
        cand = Candidate(count, unit, target, m.start, end, sent)
        cand.category = _category(win, cand, out, first, tail, numbers)
        cand.status = status(art, win, first, tail, sent)  # type: ignore[assignment]
        cand.period = rules.period(art, m.start, end, sent)
        cand.place = rules.place(art, m.start, end, sent)
        cand.ranges.append((m.start, end))
        out.append(cand)
    _inherit(art, out)
    return out


def _inherit(art: Article, cands: list[Candidate]) -> None:
    """The parts of a breakdown take the status and period of their total when they say
    none: «۸۰۰ پروژه افتتاح شد که شامل ۳۱۶ پروژه بهداشتی، ۱۵۲ پروژه ...» (a total of the
    same list with a larger count, a breakdown word or «:» between it and the part, in the
    part's clause or, for «از این تعداد ...», the clause before)."""
    text = art.text
    breakdown = art.lex.breakdown_squashed
    for k, part in enumerate(cands):
        if part.status is not None and part.period is not None:
            continue
        for j in range(k - 1, -1, -1):
            total = cands[j]
            same = total.sentence == part.sentence
            gap = part.sentence[0] - total.sentence[1]
            if not same and (gap > 40 or text[total.sentence[1] : part.sentence[0]].strip()):
                break  # not the clause before (blank lines between are no clause)
            if total.target != part.target or total.count <= part.count:
                continue
            lo = total.end if same else part.sentence[0]
            # the breakdown word is between the total and the part, or right after the part
            # in its clause («۲۱۴ طرح از این تعداد ...»)
            between = (
                text[lo : part.start] + " " + text[part.end : min(part.sentence[1], part.end + 20)]
            )
            squashed = between.replace(" ", "").replace(ZWNJ, "")
            if (same and ":" in between) or any(p in squashed for p in breakdown):
                part.status = part.status or total.status
                part.period = part.period or total.period
                break


def _category(
    win: Window,
    cand: Candidate,
    done: list[Candidate],
    first: int,
    tail: int,
    numbers: list[NumberMatch],
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
    """Units that name one thing: «واحد مسکونی» and «واحد», «فرصت شغلی» and «فرصت اشتغال»."""
    return unit.split(" ", 1)[0]


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.category and b.category and a.category != b.category:
        return a.sentence != b.sentence  # a breakdown lists distinct parts in one sentence
    return True


def merge(cands: list[Candidate]) -> dict[str, list[Candidate]]:
    """Repeated figures merged: same list, count and unit family, compatible category. A
    bare «N واحد» repeating a project count joins it.

    Each list is indexed by (count, unit family), so a candidate is compared only with the
    earlier ones it could join: linear in the number of figures (the earlier ones of its key
    that it cannot join are those of its own sentence with another category, a handful)."""
    lists: dict[str, list[Candidate]] = {"project_counts": [], "job_figures": [], "quantities": []}
    index: dict[str, dict[tuple[int, str], list[Candidate]]] = {t: {} for t in lists}
    for c in cands:
        target = c.target
        family = _family(c.unit.name)
        if (
            target == "quantities"
            and c.unit.kind == "housing"
            and (c.count, "واحد") in index["project_counts"]
        ):
            target = "project_counts"
        same = index[target].setdefault((c.count, family), [])
        for prev in same:  # (in the order of the list: the first it can join, as before)
            if _compatible(prev, c):
                prev.absorb(c)
                break
        else:
            same.append(c)
            lists[target].append(c)
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
