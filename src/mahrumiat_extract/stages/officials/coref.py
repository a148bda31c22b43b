"""One person, many mentions: apposition, surname-only mentions and the speaker chain.

- Apposition: «NAME TITLE» and «TITLE NAME» (with at most one comma between) are one person.
- A surname alone joins the one person with that surname; two people with the same surname
  (and different offices) stay apart, the surname going to the one named last.
- The speaker chain of news prose: the subject of each sentence that speaks (a speech verb or a
  colon follows) is a name, a pronoun (وی) or an unnamed office. An unnamed office that speaks
  right after an untitled named speaker is that speaker's office; one that speaks first is
  given to the next named speaker («فرماندار قدس ... گفت. ... وحید گلی کانی افزود»).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress, count

from ...doc import GeoHit
from ...text.keys import match_key as _match_key
from ...text.sentences import SENTENCE_END_CHARS
from .lexicon import Lexicon
from .names import NameMention, NameParts, surname_shaped
from .titles import APPOSITION_SEPS, TitleMention
from .search import fold, forms, merged, overlaps, trie_regex
from .tokens import Token, Tokens

__all__ = ["Person", "Resolver"]

match_key = _match_key

_PRONOUNS = frozenset({"وی", "او", "ایشان"})
_SENTENCE_END = SENTENCE_END_CHARS
_GLUE_PIECES = frozenset({"وی", "او", "مهر", "فارس", "ایرنا", "ایسنا", "ایلنا", "تسنیم", "خبرنگار"})
_MAX_PENDING = 3
_MARK_KEYS = _PRONOUNS | {":"}
_CODES = {**dict.fromkeys(_SENTENCE_END, 1), **dict.fromkeys(_MARK_KEYS, 2)}  # key -> sentence end / mark


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


class Resolver:
    """Builds the persons of one article from its name and title mentions."""

    def __init__(
        self,
        tokens: Tokens,
        text: str,
        lex: Lexicon,
        geo_at: dict[int, GeoHit],
        keys: list[str] | None = None,
    ) -> None:
        self.tokens = tokens
        self.keys = [t.key for t in tokens] if keys is None else keys
        self.geo_at = geo_at
        self.text = text
        self.lex = lex
        self.persons: list[Person] = []
        self.unnamed: list[TitleMention] = []  # subject offices never given a name
        # persons by surname key, and by (surname key, given key): identity in O(1)
        self._by_surname: dict[str, list[int]] = {}
        self._by_full: dict[tuple[str, str], int] = {}

    # ------------------------------------------------------------ apposition and identity
    def link(self, names: list[NameMention], titles: list[TitleMention]) -> None:
        by_first = {t.first: t for t in titles}
        linked: set[int] = set()
        for n in names:
            p = self._person(n)
            if n.office is not None:  # apposition or a list's share of a plural office
                linked.add(n.office.first)
                p.titles.append(n.office)
                p.ranges.append(self._range(n.office))
                continue
            t = self._next(n.last, by_first)
            if t is not None and t.first not in linked:
                linked.add(t.first)
                p.titles.append(t)
                p.ranges.append(self._range(t))
        name_first = {n.first: n for n in names}
        for t in titles:
            if t.first in linked:
                continue
            j = t.last + 1 if t.last < len(self.tokens.keys) and self.tokens.keys[t.last] == "،" else t.last
            after = name_first.get(j)
            if after is not None and after.person is not None and not self.persons[after.person].titles:
                self.persons[after.person].titles.append(t)
                self.persons[after.person].ranges.append(self._range(t))
                linked.add(t.first)
        self.free = [t for t in titles if t.first not in linked]

    def _next(self, j: int, by_first: dict[int, TitleMention]) -> TitleMention | None:
        if j < len(self.tokens.keys) and self.tokens.keys[j] in APPOSITION_SEPS:
            j += 1
        return by_first.get(j)

    def _add(self, p: Person) -> int:
        idx = len(self.persons)
        self.persons.append(p)
        self._by_surname.setdefault(p.surname_key, []).append(idx)
        if p.given:
            self._by_full.setdefault((p.surname_key, match_key(p.given)), idx)
        return idx

    def _person(self, n: NameMention) -> Person:
        idx = self._find(n)
        if idx is None:
            idx = self._add(Person(n.given, n.surname))
        p = self.persons[idx]
        if n.given and not p.given:
            p.given = n.given
            self._by_full.setdefault((p.surname_key, match_key(n.given)), idx)
        if n.honorific and (p.honorific is None or p.honorific_kind == "polite"):
            p.honorific = n.honorific
            p.honorific_kind = self.lex.honorifics.get(match_key(n.honorific).replace(" ", ""), ("", ""))[1]
        if n.rank and not p.rank:
            p.rank = n.rank.canonical
        p.ranges.append((self.tokens.starts[n.first], self.tokens.end(n.last - 1)))
        if n.glued:
            p.glued.append(self.text[self.tokens.starts[n.first] : self.tokens.end(n.last - 1)])
        n.person = idx
        return p

    def _find(self, n: NameMention) -> int | None:
        """The person ``n`` names: the one with the same full name, else the last one with
        the same surname and no other given name, of a compatible honorific kind."""
        sk = n.surname_key
        if n.given:
            idx = self._by_full.get((sk, match_key(n.given)))
            if idx is not None:
                return idx
        kind = self.lex.honorifics.get(match_key(n.honorific or "").replace(" ", ""), ("", ""))[1]
        persons = self.persons
        for i in reversed(self._by_surname.get(sk, ())):
            p = persons[i]
            if n.given and p.given:
                continue
            if _compatible(p.honorific_kind, kind):
                return i
        return None

    # ------------------------------------------------------------ surname-only mentions
    def surname_mentions(self, taken: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """(start, end, person) of each later mention of a known surname, glued ones too.

        One scan of the text for all surnames at once (a regex built as a trie of their
        written forms), the occupied ranges (``taken``: disjoint) looked up by bisection: the
        cost is linear in the text, whatever the number of persons."""
        owner: dict[str, int] = {}  # written form -> the first person with it
        for pi, p in enumerate(self.persons):
            if len(p.surname_key) >= 3:
                for form in forms(p.surname):
                    owner.setdefault(form, pi)
        if not owner:
            return []
        folded = fold(self.text)
        pattern = trie_regex(owner)
        lengths = sorted({len(f) for f in owner}, reverse=True)
        busy = merged(taken)
        busy_starts = [a for a, _b in busy]
        last_end = -1  # end of the last accepted mention (accepted ones come left to right)
        out: list[tuple[int, int, int]] = []
        pos = 0
        while True:
            m = pattern.search(folded, pos)
            if m is None:
                break
            s = m.start()
            got = None
            for n in lengths:  # the longest form at ``s`` first, then the shorter ones
                if n > m.end() - s:
                    continue
                who = owner.get(folded[s : s + n])
                if who is None:
                    continue
                e = s + n
                if s < last_end or overlaps(busy, busy_starts, s, e):
                    continue
                glue = self._glue(s, e)
                if glue is not None:
                    got = (e, who, glue)
                    break
            if got is None:
                pos = s + 1
                continue
            e, pi, glue = got
            last_end = e
            out.append((s, e, pi))
            self.persons[pi].ranges.append((s, e))
            if glue:
                self.persons[pi].glued.append(glue)
            pos = e
        return out

    def _glue(self, s: int, e: int) -> str | None:
        """"" for a clean word, the glued token for an acceptable glue, None to reject."""
        t = self.text
        a, b = s, e
        while a > 0 and _letter(t[a - 1]):
            a -= 1
        while b < len(t) and _letter(t[b]):
            b += 1
        if a == s and b == e:
            return ""
        pieces = [match_key(t[a:s]), match_key(t[e:b])]
        lex = self.lex
        for piece in pieces:
            if piece and not (
                piece in lex.common or piece in _GLUE_PIECES or piece in lex.titles or piece in lex.honorifics
            ):
                return None
        return t[a:b]

    # ------------------------------------------------------------ the speaker chain
    def chain(self, names: list[NameMention], extra: list[tuple[int, int, int]]) -> None:
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
        codes = list(map(_CODES.get, self.keys))
        found = list(compress(count(), codes))
        ends = [i for i in found if codes[i] == 1]
        self._marks = sorted(by_token.keys() | {i for i in found if codes[i] == 2})
        self._free_firsts = [t.first for t in self.free]  # sorted: offices come left to right
        self._current: int | None = None
        self._pending: TitleMention | None = None
        self._age = 0
        for sent in self._sentences(ends):
            self._introduced(sent)
            subject = self._subject(sent, by_token)
            if subject is None:
                self._age += 1
                continue
            self._step(*subject)
        named = {id(t) for p in self.persons for t in p.titles}
        self.unnamed = [t for t in self.unnamed if id(t) not in named]

    def _introduced(self, sent: tuple[int, int]) -> None:
        """«به ریاست فرماندار قدس», «از سوی معاون ... اعلام شد»: an office about to be named."""
        free = self.free
        for k in range(bisect_left(self._free_firsts, sent[0]), len(free)):
            t = free[k]
            if t.first >= sent[1]:
                break
            if t.first >= 2:
                prev = (self.tokens.keys[t.first - 2], self.tokens.keys[t.first - 1])
                if prev[1] == "ریاست" or prev == ("از", "سوی"):
                    self._pending, self._age = t, 0

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
            elif cur is not None and not also and (not cur.titles or _same_office(cur.titles[0].title, obj.title)):
                cur.titles.append(obj)
                cur.ranges.append(self._range(obj))
            elif starts or not also:
                self._pending, self._current, self._age = obj, None, 0
                self.unnamed.append(obj)
        else:
            self._age = 0

    def _range(self, t: TitleMention) -> tuple[int, int]:
        return (self.tokens.starts[t.first], self.tokens.end(t.last - 1))

    def _sentences(self, ends: list[int]) -> list[tuple[int, int]]:
        """The token ranges between sentence ends (``ends``: their token indexes)."""
        out: list[tuple[int, int]] = []
        start = 0
        for i in ends:
            if i > start:
                out.append((start, i))
            start = i + 1
        if start < len(self.tokens.keys):
            out.append((start, len(self.tokens.keys)))
        return out

    def _lead(self, a: int, b: int) -> tuple[int, bool]:
        """Skip «به گزارش ...،», «منبع:» and «به گفته»: (subject search start, speaks)."""
        keys = self.keys[a : min(b, a + 2)]
        if keys == ["به", "گزارش"]:
            i = a
            while i < b and self.tokens.keys[i] not in ("،", "؛", ":"):
                i += 1
            return i + 1, False
        if keys == ["به", "گفته"]:
            return a + 2, True
        return a, False

    def _subject(
        self, sent: tuple[int, int], events: dict[int, tuple[str, object]]
    ) -> tuple[str, object, bool, bool, bool] | None:
        """The first person, office or pronoun of a sentence that speaks (or opens it):
        (kind, object, at the very start, followed by «هم»/«نیز», speaks), or None.
        ``events``: the person or office starting in each token, by token index."""
        a, b = sent
        i, speaks = self._lead(a, b)
        marks = self._marks
        hit: tuple[str, object] | None = None
        j = i
        while j < b:
            if j != i:  # past the first word only a mark (colon, pronoun, event) matters
                m = bisect_left(marks, j)
                if m == len(marks) or marks[m] >= b:
                    break
                j = marks[m]
            k = self.keys[j]
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
                if surname_shaped(tok, self.lex, self.geo_at):
                    hit = ("person", self._new_person(tok))
            if hit is not None:
                break
            j += 1
        if hit is None:
            return None
        end = self._end_of(hit, j)
        rest = self.keys[end:b]
        speaks = (
            speaks
            or ":" in rest
            or any(self.lex.phrase(rest, n, "speech") is not None for n in self.lex.openings(rest, "speech"))
        )
        also = bool(rest) and rest[0] in ("هم", "نیز")
        if not speaks and j != i:
            return None
        return hit[0], hit[1], j == i, also, speaks

    def _end_of(self, hit: tuple[str, object], j: int) -> int:
        if hit[0] == "title" and isinstance(hit[1], TitleMention):
            return hit[1].last
        return j + 1

    def _new_person(self, tok: Token) -> int:
        return self._add(Person(None, tok.text, ranges=[(tok.start, tok.end)]))



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


def _compatible(a: str | None, b: str | None) -> bool:
    strong = ("cleric", "military")
    return not (a in strong and b in strong and a != b)


def _letter(ch: str) -> bool:
    return ch.isalpha() or ch == "\u200c"

