"""One person, many mentions: apposition, surname-only mentions and the speaker chain.

- Apposition: «NAME TITLE» and «TITLE NAME» (with at most one comma between) are one person;
  so are «NAME به سمت/عنوان TITLE» (an appointment) and «NAME (که | ۱۲ سال ...) TITLE است/بود»
  (the office as the predicate of the name).
- A surname alone joins the one person with that surname; two people with the same surname
  (and different offices) stay apart, the surname going to the one named last.
- The speaker chain of news prose: :mod:`.chain`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Protocol, TypeVar

from ...doc import GeoHit
from ...text.keys import match_key
from .chain import Person, SpeakerChain
from .lexicon import Lexicon
from .names import NameMention
from .search import fold, forms, merged, overlaps, starts
from .titles import LIST_SEPS, TitleMention, after_apposition
from .tokens import Tokens

__all__ = ["Person", "Resolver"]


_PRE_PREDICATE = frozenset({"که", "هم", "نیز", "سال", "ماه", "اکنون", "هماکنون", "قبلا"})  # keys
_COPULAS = frozenset({"است", "بود", "بوده", "هست", "بودند", "هستند", "شد", "شده", "میباشد"})
_GLUE_PIECES = frozenset({"وی", "او", "مهر", "فارس", "ایرنا", "ایسنا", "ایلنا", "تسنیم", "خبرنگار"})


class Resolver(SpeakerChain):
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
        self._surname_keys: list[str] = []  # each person's surname key, by index

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
            j = (
                t.last + 1
                if t.last < len(self.tokens.keys) and self.tokens.keys[t.last] == "،"
                else t.last
            )
            after = name_first.get(j)
            if (
                after is not None
                and after.person is not None
                and not self.persons[after.person].titles
            ):
                self.persons[after.person].titles.append(t)
                self.persons[after.person].ranges.append(self._range(t))
                linked.add(t.first)
        self.free = [t for t in titles if t.first not in linked]

    def parallel(self, names: list[NameMention]) -> None:
        """PARALLEL := OFFICE-LIST ... NAME-LIST of the same length, the names later in the
        text: «نامه‌ای به [رئیس‌جمهور، رئیس مجلس و وزیر بهداشت] ... خطاب به [A، B و C]»: each
        name holds the office of its rank (GUIDELINE: a post assigned by a parallel
        construction counts). Lists of two or more, offices never named and names with no
        office of their own, the names within a few sentences after the offices."""
        offices = _runs(self.tokens.keys, self.free, lambda t: True)
        if not offices:
            return
        bare = _runs(
            self.tokens.keys,
            [n for n in names if n.office is None],
            lambda n: n.person is not None
            and not self.persons[n.person].titles
            and self._plain_name(n),
        )
        used: set[int] = set()
        taken: set[int] = set()  # the offices given, by id
        for run in offices:
            end = run[-1].last
            for k, group in enumerate(bare):
                if k in used or group[0].first < end or group[0].first - end > _PARALLEL_SPAN:
                    continue
                if len(group) == len(run):
                    used.add(k)
                    for n, t in zip(group, run):
                        assert n.person is not None
                        p = self.persons[n.person]
                        p.titles.append(t)
                        p.ranges.append(self._range(t))
                        taken.add(id(t))
                break  # the first list of names after the offices, or none
        if taken:
            self.free = [t for t in self.free if id(t) not in taken]

    def later_appositions(self, extra: list[tuple[int, int, int]]) -> None:
        """A later surname-only mention of a person with no office yet, in apposition to an
        office or with the office as its predicate («... قالیباف ... . [قالیباف] ۱۲ سال شهردار
        تهران بوده»): the office is that person's. ``extra``: (start, end, person) of the
        mentions, from :meth:`surname_mentions`."""
        if not extra:
            return
        by_first = {t.first: t for t in self.free}
        starts = self.tokens.starts
        taken: set[int] = set()
        for s, e, pi in extra:
            p = self.persons[pi]
            if p.titles:
                continue
            k = bisect_left(starts, e)  # the token after the mention
            t = self._next(k, by_first) or self._tenure(bisect_left(starts, s))
            if t is None or t.first in taken:
                continue
            taken.add(t.first)
            p.titles.append(t)
            p.ranges.append(self._range(t))
        if taken:
            self.free = [t for t in self.free if t.first not in taken]

    def _tenure(self, k: int) -> TitleMention | None:
        """TENURE := «ریاست‌جمهوری» | «نخست‌وزیری» NAME: the office's tenure of the person
        after it («۳۵ ماه ریاست‌جمهوری [ترامپ]»): the office, or None (``k``: the name's
        first token)."""
        keys = self.tokens.keys
        for n in (1, 2):
            office = _TENURES.get("".join(keys[k - n : k])) if k >= n else None
            entry = self.lex.titles.get(office) if office is not None else None
            if entry is not None:
                return TitleMention(k - n, k, entry.canonical, entry, national=True)
        return None

    def _plain_name(self, n: NameMention) -> bool:
        """A given name and a surname that is no common word nor compound, unless it ends
        like a surname («الهام آفرین», «اسلام وحدت‌بخش» are phrases, not a list of people)."""
        k, lex = n.surname_key, self.lex
        if n.given is None or match_key(n.given) in lex.ambiguous_given:
            return False
        if k.endswith(lex.suffix_endings):
            return True
        return k not in lex.common and "\u200c" not in n.surname

    def _next(self, j: int, by_first: dict[int, TitleMention]) -> TitleMention | None:
        keys = self.tokens.keys
        j = after_apposition(keys, j)  # «X، TITLE», «X به سمت TITLE»
        t = by_first.get(j)
        if t is not None:
            return t
        # PREDICATE := NAME (که | هم | نیز | NUMBER سال ...){1,3} OFFICE COPULA: «X که
        # فرماندار ... است», «X ۱۲ سال شهردار تهران بود»: the office is said of the name
        k = j
        while k < len(keys) and k - j < 3 and (keys[k] in _PRE_PREDICATE or keys[k][:1].isdigit()):
            k += 1
        t = by_first.get(k) if k > j else None
        if t is not None and t.last < len(keys) and keys[t.last] in _COPULAS:
            return t
        return None

    def _add(self, p: Person, sk: str | None = None, gk: str | None = None) -> int:
        """Add ``p`` (``sk``, ``gk``: its surname and given-name keys, when known already)."""
        if sk is None:
            sk = p.surname_key
        idx = len(self.persons)
        self.persons.append(p)
        self._surname_keys.append(sk)
        self._by_surname.setdefault(sk, []).append(idx)
        if p.given:
            self._by_full.setdefault((sk, match_key(p.given) if gk is None else gk), idx)
        return idx

    def _person(self, n: NameMention) -> Person:
        # the name's keys, once: a person found has the same surname key
        sk = n.surname_key
        gk = match_key(n.given) if n.given else None
        idx = self._find(n, sk, gk)
        if idx is None:
            idx = self._add(Person(n.given, n.surname), sk, gk)
        p = self.persons[idx]
        if n.given and not p.given:
            p.given = n.given
            self._by_full.setdefault((sk, match_key(n.given) if gk is None else gk), idx)
        if n.honorific and (p.honorific is None or p.honorific_kind == "polite"):
            p.honorific = n.honorific
            p.honorific_kind = self.lex.honorifics.get(
                match_key(n.honorific).replace(" ", ""), ("", "")
            )[1]
        if n.rank and not p.rank:
            p.rank = n.rank.canonical
        p.ranges.append((self.tokens.starts[n.first], self.tokens.end(n.last - 1)))
        if n.glued:
            p.glued.append(self.text[self.tokens.starts[n.first] : self.tokens.end(n.last - 1)])
        n.person = idx
        return p

    def _find(self, n: NameMention, sk: str, gk: str | None) -> int | None:
        """The person ``n`` names: the one with the same full name, else the last one with
        the same surname and no other given name, of a compatible honorific kind (``sk``,
        ``gk``: the name's surname and given-name keys)."""
        if n.given:
            idx = self._by_full.get((sk, match_key(n.given) if gk is None else gk))
            if idx is not None:
                return idx
        hk = match_key(n.honorific).replace(" ", "") if n.honorific else ""  # (match_key("") == "")
        kind = self.lex.honorifics.get(hk, ("", ""))[1]
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

        One scan of the text for all surnames at once (an automaton of their written
        forms), the occupied ranges (``taken``: disjoint) looked up by bisection: the
        cost is linear in the text, whatever the number of persons."""
        owner: dict[str, int] = {}  # written form -> the first person with it
        for pi, p in enumerate(self.persons):
            if len(self._surname_keys[pi]) >= 3:
                for form in forms(p.surname):
                    owner.setdefault(form, pi)
        if not owner:
            return []
        folded = fold(self.text)
        lengths = sorted({len(f) for f in owner}, reverse=True)
        busy = merged(taken)
        busy_starts = [a for a, _b in busy]
        last_end = -1  # end of the last accepted mention (accepted ones come left to right)
        out: list[tuple[int, int, int]] = []
        pos = 0
        for s in starts(owner, folded):
            if s < pos:
                continue
            got = None
            for n in lengths:  # the longest form at ``s`` first, then the shorter ones
                if s + n > len(folded):  # (the slice would be cut short by the text's end
                    continue  # and could equal a shorter form, with ``e`` past the end)
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
        """ "" for a clean word, the glued token for an acceptable glue, None to reject."""
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
                piece in lex.common
                or piece in _GLUE_PIECES
                or piece in lex.titles
                or piece in lex.honorifics
            ):
                return None
        return t[a:b]


# the tenure of an office, by its key, and the office's key: «ریاست‌جمهوری X» -> «رئیس‌جمهور»
_TENURES = {
    match_key(tenure): match_key(office)
    for tenure, office in (("ریاست‌جمهوری", "رئیس‌جمهور"), ("نخست‌وزیری", "نخست‌وزیر"))
}
_PARALLEL_SPAN = 150  # tokens from the list of offices to the list of names (a few sentences)


class _Span(Protocol):
    first: int
    last: int


_S = TypeVar("_S", bound=_Span)


def _runs(keys: list[str], items: list[_S], keep: Callable[[_S], bool]) -> list[list[_S]]:
    """Maximal lists of two or more ``items`` (mentions with ``first``/``last``, left to
    right) that ``keep`` accepts, each joined to the next by «،» or «و» alone."""
    out: list[list[_S]] = []
    cur: list[_S] = []
    for it in items:
        if not keep(it):
            if len(cur) >= 2:
                out.append(cur)
            cur = []
            continue
        if cur and not (it.first == cur[-1].last + 1 and keys[cur[-1].last] in LIST_SEPS):
            if len(cur) >= 2:
                out.append(cur)
            cur = []
        cur.append(it)
    if len(cur) >= 2:
        out.append(cur)
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    strong = ("cleric", "military")
    return not (a in strong and b in strong and a != b)


def _letter(ch: str) -> bool:
    return ch.isalpha() or ch == "\u200c"
