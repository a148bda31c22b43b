"""The speaker chain of news prose (see :mod:`.coref`).

The subject of each sentence that speaks (a speech verb or a colon follows) is a name, a
pronoun (وی) or an unnamed office. An unnamed office that speaks right after an untitled
named speaker is that speaker's office; one that speaks first is given to the next named
speaker («فرماندار قدس ... گفت. ... وحید گلی کانی افزود»).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import add as _add
from operator import lt as _lt

from ...doc import GeoHit
from ...text.sentences import SENTENCE_END_CHARS
from .lexicon import Lexicon
from .names import NameMention, NameParts, surname_shaped
from .titles import TitleMention
from .tokens import Token, Tokens

__all__ = ["MARKS", "Person", "SpeakerChain"]

_PRONOUNS = frozenset({"وی", "او", "ایشان"})
_SENTENCE_END = SENTENCE_END_CHARS
_MAX_PENDING = 3
_MARK_KEYS = _PRONOUNS | {":"}
_CODES = {
    **dict.fromkeys(_SENTENCE_END, 1),
    **dict.fromkeys(_MARK_KEYS, 2),
}  # key -> sentence end / mark
#: the keys the chain reads, for :meth:`.Lexicon.openings_marked`: 1 a sentence end, 2 a stop
MARKS = tuple(sorted(_CODES.items()))


@dataclass(slots=True)
class Person(NameParts):
    given: str | None
    surname: str
    honorific: str | None = None
    honorific_kind: str | None = None
    rank: str | None = None
    titles: list[TitleMention] = field(default_factory=list)
    ranges: list[tuple[int, int]] = field(default_factory=list)  # normalized offsets
    glued: list[str] = field(default_factory=list)


class SpeakerChain:
    """The speaker chain, mixed into :class:`.coref.Resolver` (which owns these attributes)."""

    tokens: Tokens
    keys: list[str]
    lex: Lexicon
    geo_at: dict[int, GeoHit]
    persons: list[Person]
    unnamed: list[TitleMention]
    free: list[TitleMention]

    def _add(self, p: Person) -> int:
        raise NotImplementedError

    def _range(self, t: TitleMention) -> tuple[int, int]:
        return (self.tokens.starts[t.first], self.tokens.end(t.last - 1))

    def chain(
        self,
        names: list[NameMention],
        extra: list[tuple[int, int, int]],
        marked: tuple[list[int], list[int]] | None = None,
    ) -> None:
        """``marked``: the sentence ends and the tokens a subject search stops at (colons,
        pronouns), found already (:data:`MARKS` of :meth:`.Lexicon.openings_marked`)."""
        events: dict[int, tuple[str, object]] = {}
        for n in names:
            if n.person is not None:
                events[self.tokens.starts[n.first]] = ("person", n.person)
        for s, _e, pi in extra:
            events.setdefault(s, ("person", pi))
        for t in self.free:
            events.setdefault(self.tokens.starts[t.first], ("title", t))
        # each event by the token it falls in (the first one in the token)
        by_token: dict[int, tuple[str, object]] = {}
        if events:
            starts = self.tokens.starts
            for s in sorted(events):
                k = bisect_right(starts, s) - 1
                if k >= 0 and s < self.tokens.end(k):
                    by_token.setdefault(k, events[s])
        # one pass over the keys: sentence ends (1) and the tokens a subject search stops at
        # (2: colons, pronouns; events too)
        if marked is None:
            codes = list(map(_CODES.get, self.keys))
            found = list(compress(count(), codes))
            marked = [i for i in found if codes[i] == 1], [i for i in found if codes[i] == 2]
        ends, stops = marked
        self._marks = sorted(by_token.keys() | set(stops))
        self._free_firsts = [t.first for t in self.free]  # sorted: offices come left to right
        self._current: int | None = None
        self._pending: TitleMention | None = None
        self._age = 0
        sentences = self._sentences(ends)
        # the offices about to be named (:meth:`_introduced`), found once: most articles
        # have none, and a sentence takes the last one inside it
        intro = [t for t in self.free if self._introduces(t)]
        lasts = _last_inside(intro, sentences) if intro else None
        for si, sent in enumerate(sentences):
            if lasts is not None and lasts[si] is not None:
                self._pending, self._age = lasts[si], 0
            subject = self._subject(sent, by_token)
            if subject is None:
                self._age += 1
                continue
            self._step(*subject)
        named = {id(t) for p in self.persons for t in p.titles}
        self.unnamed = [t for t in self.unnamed if id(t) not in named]

    def _introduced(self, sent: tuple[int, int]) -> None:
        """«به ریاست فرماندار قدس», «از سوی معاون ... اعلام شد»: an office about to be named
        (the plain form of the walk in :meth:`chain`: each such office of the sentence)."""
        free = self.free
        for k in range(bisect_left(self._free_firsts, sent[0]), len(free)):
            t = free[k]
            if t.first >= sent[1]:
                break
            if self._introduces(t):
                self._pending, self._age = t, 0

    def _introduces(self, t: TitleMention) -> bool:
        """Is office ``t`` about to be named («به ریاست [...]», «از سوی [...]»)?"""
        if t.first < 2:
            return False
        prev = (self.tokens.keys[t.first - 2], self.tokens.keys[t.first - 1])
        return prev[1] == "ریاست" or prev == ("از", "سوی")

    def _step(self, kind: str, obj: object, starts: bool, also: bool, speaks: bool) -> None:
        if kind == "person":
            assert isinstance(obj, int)
            p = self.persons[obj]
            if self._pending is not None and not p.titles and self._age <= _MAX_PENDING and speaks:
                p.titles.append(self._pending)
                p.ranges.append(self._range(self._pending))
            self._pending, self._current, self._age = None, obj, 0
        elif kind == "title":
            assert isinstance(obj, TitleMention)
            cur = self.persons[self._current] if self._current is not None else None
            if obj.entry.cls == "alias":
                if cur is not None:
                    cur.ranges.append(self._range(obj))
            elif (
                cur is not None
                and not also
                and (not cur.titles or _same_office(cur.titles[0].title, obj.title))
            ):
                cur.titles.append(obj)
                cur.ranges.append(self._range(obj))
            elif starts or not also:
                self._pending, self._current, self._age = obj, None, 0
                self.unnamed.append(obj)
            else:  # «... وزیر صنعت نیز گفت»: «نیز» says another speaker, named next
                self._pending, self._age = obj, 0
                self.unnamed.append(obj)
        elif kind == "bystander":  # a resident or a writer speaks: no office holder does
            self._current, self._age = None, 0
        else:
            self._age = 0

    def _sentences(self, ends: list[int]) -> list[tuple[int, int]]:
        """The token ranges between sentence ends (``ends``: their token indexes, ascending),
        the empty ones left out: from the text's start and after each end, to the next end
        or the text's end (built by C maps)."""
        begins = [0, *map(_add, ends, repeat(1))]
        finishes = [*ends, len(self.tokens.keys)]
        return list(compress(zip(begins, finishes), map(_lt, begins, finishes)))

    def _lead(self, a: int, b: int) -> tuple[int, bool]:
        """Skip «به گزارش ...،», «منبع:» and «به گفته/اعتقاد/عقیده»: (subject search start,
        speaks)."""
        keys = self.keys
        if a + 1 >= b or keys[a] != "به":
            return a, False
        second = keys[a + 1]
        if second == "گزارش":
            i = a
            while i < b and self.tokens.keys[i] not in ("،", "؛", ":"):
                i += 1
            return i + 1, False
        if second in ("گفته", "اعتقاد", "عقیده"):
            return a + 2, True
        return a, False

    def _subject(  # noqa: C901 - one ordered list of a sentence's subject forms, read in turn
        self, sent: tuple[int, int], events: dict[int, tuple[str, object]]
    ) -> tuple[str, object, bool, bool, bool] | None:
        """The first person, office or pronoun of a sentence that speaks (or opens it):
        (kind, object, at the very start, followed by «هم»/«نیز», speaks), or None.
        ``events``: the person or office starting in each token, by token index."""
        a, b = sent
        keys = self.keys
        i, speaks = self._lead(a, b) if keys[a] == "به" else (a, False)  # (_lead's first test)
        # opens with «به گزارش» (``keys[b]``, if any, is a sentence end, never «گزارش»)
        report = a + 1 < b and keys[a] == "به" and keys[a + 1] == "گزارش"
        marks = self._marks
        hit: tuple[str, object] | None = None
        j = i
        while j < b:
            if j != i:  # past the first word only a mark (colon, pronoun, event) matters
                m = bisect_left(marks, j)
                if m == len(marks) or marks[m] >= b:
                    break
                j = marks[m]
            k = keys[j]
            if k == ":" and j - i < 4 and i == a:  # «خلیج فارس: مدیرکل ...»
                i = j = j + 1
                continue
            if k == ":":
                return None
            hit = events.get(j)
            if hit is None and k in _PRONOUNS:
                hit = ("pronoun", None)
            if hit is None and j == i and self._pending is not None:
                tok = self.tokens[j]
                if j + 1 < b and self._ending(j) and self._ending(j + 1):  # «هاشمی رفسنجانی»
                    nxt = self.tokens[j + 1]
                    hit = (
                        "person",
                        self._add(
                            Person(None, tok.text + " " + nxt.text, ranges=[(tok.start, nxt.end)])
                        ),
                    )
                elif surname_shaped(tok, self.lex, self.geo_at) and not (
                    j > 0 and keys[j - 1] + k in self.lex.compounds
                ):
                    hit = ("person", self._new_person(tok))
                elif j + 1 < b and self._split_surname(j):  # «نعمت زاده» for «نعمت‌زاده»
                    hit = (
                        "person",
                        self._add(
                            Person(
                                None,
                                tok.text + "\u200c" + self.tokens.texts[j + 1],
                                ranges=[(tok.start, self.tokens.end(j + 1))],
                            )
                        ),
                    )
            if hit is None and j == i and report and j + 2 < b and self._lead_name(j):
                hit = (
                    "person",
                    self._add(
                        Person(
                            self.tokens.texts[j],
                            self.tokens.texts[j + 1],
                            ranges=[(self.tokens.starts[j], self.tokens.end(j + 1))],
                        )
                    ),
                )
            if hit is not None:
                break
            j += 1
        if hit is None:
            return None
        end = hit[1].last if hit[0] == "title" and isinstance(hit[1], TitleMention) else j + 1
        rest = keys[end:b]  # (:meth:`_end_of`)
        if hit[0] == "person" and j == a == 0 and _byline(rest):
            return "bystander", None, True, False, False  # «[X] / headline»: the author
        speaks = (
            speaks
            or ":" in rest
            or any(
                self.lex.phrase(rest, n, "speech") is not None
                for n in self.lex.openings(rest, "speech")
            )
        )
        also = bool(rest) and rest[0] in ("هم", "نیز")
        if hit[0] == "person" and j == i and i > a and report:
            speaks = True  # the lead's subject after the credit is the news-maker the headline
            # or the lead's office spoke of («رئیس سازمان ... تاکید کرد. به گزارش ...، [X] ...»)
        if hit[0] == "person" and _no_office(rest):
            speaks = False  # «X یکی از ساکنین ... می‌گوید», «X طی یادداشتی نوشت»
            if j == i:
                return "bystander", None, True, also, False
        if not speaks and j != i:
            return None
        return hit[0], hit[1], j == i, also, speaks

    def _ending(self, j: int) -> bool:
        """Token ``j`` ends like a surname and is no frequent word, function word, office, verb
        or place: two such words open a sentence as a double surname («هاشمی رفسنجانی»)."""
        lex, k = self.lex, self.keys[j]
        if len(k) < 4 or not k.endswith(lex.suffix_endings) or k in lex.frequent or k in lex.stop:
            return False
        if k in lex.titles or lex.is_verb(k) or self.tokens.starts[j] in self.geo_at:
            return False
        return not k.endswith(lex.noun_endings) and not k.endswith("ای")  # «رؤسای»: an ezafe form

    def _split_surname(self, j: int) -> bool:
        """A surname written in two words, its suffix apart («نعمت زاده», «علی پور»): a word
        (no function word, office, verb or place) and a surname suffix that stands alone
        (surname_suffixes.tsv), then no name word."""
        lex, k = self.lex, self.keys[j]
        if self.keys[j + 1] not in lex.suffix_tokens or len(k) < 2 or not k[0].isalpha():
            return False
        if k in lex.stop or k in lex.titles or k in lex.honorifics or lex.is_verb(k):
            return False
        return self.tokens.starts[j] not in self.geo_at

    def _lead_name(self, j: int) -> bool:
        """The subject right after the lead formula («به گزارش ...، [ودود بهرامی‌نژاد] ...»):
        two words, the second shaped like a surname and no common word or adjective (a rare
        surname may come from a common word: its ending still says surname), the first no
        common word nor function word,
        and then no third name word (a verb, a function word, a frequent word or punctuation
        follows)."""
        toks, lex = self.tokens, self.lex
        k = self.keys[j]
        if (
            len(k) < 3
            or not k[0].isalpha()
            or k in lex.stop
            or k in lex.frequent
            or k in lex.titles
        ):
            return False
        if k in lex.honorifics or self.tokens.starts[j] in self.geo_at or lex.is_verb(k):
            return False
        if k.endswith(lex.noun_endings) or "\u200c" in toks.texts[j] or k in lex.eponym_nouns:
            return False  # «آسیب‌های ...», «[گفت‌وگوی] ...», «[تیم] ...»: a noun phrase
        if k not in lex.given and (
            k.endswith(("ان", "ای")) or lex.phrase(self.keys, j, "orgnoun") is not None
        ):
            return False  # «[مربیان] ...», «[ماجرای] ...» (a plural, an ezafe), «[سرویس] ...»
        if k not in lex.given and k in lex.common:
            return False
        nxt = self.keys[j + 2]
        ends = not nxt[:1].isalpha() or nxt in lex.stop or nxt in lex.frequent or lex.is_verb(nxt)
        k2 = self.keys[j + 1]
        shaped = len(k2) >= 4 and k2.endswith(lex.suffix_endings) and k2 not in lex.common
        if shaped and (
            k2 in lex.adjectives
            or k2 in lex.stop
            or lex.is_verb(k2)
            or toks.starts[j + 1] in self.geo_at
        ):
            shaped = False
        return ends and (shaped or surname_shaped(toks[j + 1], lex, self.geo_at))

    def _end_of(self, hit: tuple[str, object], j: int) -> int:
        if hit[0] == "title" and isinstance(hit[1], TitleMention):
            return hit[1].last
        return j + 1

    def _new_person(self, tok: Token) -> int:
        return self._add(Person(None, tok.text, ranges=[(tok.start, tok.end)]))


def _last_inside(
    offices: list[TitleMention], sentences: list[tuple[int, int]]
) -> list[TitleMention | None]:
    """For each sentence (token ranges, left to right), the last of ``offices`` (left to
    right) that starts inside it, or None: one walk over both lists."""
    out: list[TitleMention | None] = []
    p, n = 0, len(offices)
    for a, b in sentences:
        while p < n and offices[p].first < a:
            p += 1  # (between sentences)
        last = None
        while p < n and offices[p].first < b:
            last = offices[p]
            p += 1
        out.append(last)
    return out


_GROUP = ("یکی", "از")
_WRITING = frozenset({"یادداشتی", "یادداشت", "مقاله‌ای", "مقاله", "ستون"})


def _byline(rest: list[str]) -> bool:
    """Is the article's first sentence, opening with a name (``rest``: its tokens after the
    name's first), a byline: the name alone on its line, or the name and «/» before the
    headline? (A name alone on a later line is a signature, its office on the next line.)"""
    n = rest.index("/") if "/" in rest[:3] else len(rest)
    return n <= 2 and all(k.isalpha() for k in rest[:n])


def _no_office(rest: list[str]) -> bool:
    """Is the subject presented as one of a group («[X] یکی از ساکنین/اهالی ... می‌گوید»: a
    group with an office is an apposition the grammar reads) or as the writer of a note
    («[X] طی یادداشتی نوشت»: the author, not the office the note is about)?"""
    if _GROUP[0] in rest[:3] and any(tuple(rest[n : n + 2]) == _GROUP for n in range(3)):
        return True  # (``rest`` may begin inside the name)
    return not _WRITING.isdisjoint(rest[:4])


def _same_office(a: str, b: str) -> bool:
    """«رئیس بسیج سازندگی» and «رئیس سازمان بسیج سازندگی» are one office: same head, and the
    words of the shorter are all in the longer."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa[0] != wb[0]:
        return False
    if {"سابق", "اسبق", "پیشین"} & (set(wa) ^ set(wb)):
        return False  # a former holder and the holder are two people
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return set(short) <= set(long_)
