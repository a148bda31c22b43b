"""The gazetteer: the shipped geo tables, one Aho-Corasick automaton over their match keys,
and a one-pass scan that finds every name in a text, longest match first.

Matching runs over ``key_stream(text)``, so spaces, ZWNJ, ي/ك and hamza/alef forms do not
matter («خرمآباد» = «خرم آباد» = «خرم‌آباد»); a hit must start and end on word boundaries of
the text itself, so «کرمان» never matches inside «کرمانشاه» or «کرمانی».
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Literal

import ahocorasick

from ...resources import read_lines, read_tsv
from ...text.chars import ZWNJ
from ...text.keys import KeyIndex, key_stream, match_key
from .context import ContextWords
from .villages import Divisions

__all__ = [
    "POSSESSIVE_ENDINGS",
    "Candidate",
    "Gazetteer",
    "GeoPlace",
    "GeoNeighborhood",
    "continues_word",
    "is_word_char",
]

CueLevel = Literal["weak", "strong"]


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """One row of ``resources/geo/places.tsv``."""

    name: str
    kind: str  # province, county, city, district, village
    province: str
    county: str


@dataclass(frozen=True, slots=True)
class GeoNeighborhood:
    """One row of ``resources/geo/neighborhoods.tsv``."""

    name: str
    city: str
    province: str


_KIND_ORDER = {"city": 0, "county": 1, "district": 2, "village": 3}

#: The possessive endings a name may take («نیاورانش», «زعفرانیه‌شان», «فرمانیه‌ام»).
POSSESSIVE_ENDINGS = ("شان", "مان", "تان", "اش", "ام", "ات", "ش", "م", "ت")


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything the gazetteer knows under one match key."""

    places: tuple[GeoPlace, ...] = ()
    neighborhoods: tuple[GeoNeighborhood, ...] = ()
    blocker: bool = False
    needs_cue: CueLevel | None = None
    words: frozenset[str] = frozenset()  # the words of its spellings («و» in «سیستان و بلوچستان»)
    # derived once, at build time (the stage reads them per mention)
    provinces: tuple[GeoPlace, ...] = ()  # the province rows of ``places``
    others: tuple[GeoPlace, ...] = ()  # the other rows, in order
    others_by_kind: tuple[GeoPlace, ...] = ()  # the same, cities first (a stable sort by kind)
    capital: tuple[GeoPlace, ...] = ()  # the rows of ``others`` in the first province
    capital_by_kind: tuple[GeoPlace, ...] = ()
    nb_keys: tuple[tuple[str, GeoNeighborhood], ...] = ()  # (match key of its name, row)
    # a neighborhood's name with a possessive ending («نیاورانش»): its rows and the ending
    owned: tuple[tuple[GeoNeighborhood, str], ...] = ()


def _entry(
    places: tuple[GeoPlace, ...],
    nbs: tuple[GeoNeighborhood, ...],
    blocker: bool,
    cue: CueLevel | None,
    words: frozenset[str],
    owned: tuple[tuple[GeoNeighborhood, str], ...] = (),
) -> Entry:
    provinces = tuple(p for p in places if p.kind == "province")
    others = tuple(p for p in places if p.kind != "province")
    capital = tuple(p for p in others if p.province == provinces[0].name) if provinces else ()
    return Entry(
        places,
        nbs,
        blocker,
        cue,
        words,
        provinces,
        others,
        _by_kind(others),
        capital,
        _by_kind(capital),
        tuple((match_key(n.name), n) for n in nbs),
        owned,
    )


def _by_kind(rows: tuple[GeoPlace, ...]) -> tuple[GeoPlace, ...]:
    return tuple(sorted(rows, key=lambda r: _KIND_ORDER.get(r.kind, 9)))


@dataclass(slots=True)
class Candidate:
    """A gazetteer name found in the text (offsets into the scanned text)."""

    start: int
    end: int
    entry: Entry


def _skipped_by_automaton() -> str:
    """The characters ``Automaton.iter(..., ignore_white_space=True)`` steps over: the C
    library's ``iswspace``, which depends on the platform and the locale, so it is read off a
    probe (each character of the Basic Multilingual Plane between «a» and «b», «ab» the only
    key) when the gazetteer is built."""
    probe = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    probe.add_word("ab", 0)
    probe.make_automaton()
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and chr(c) not in "ab"]
    line = "".join("a" + c + "b" for c in chars)
    return "".join(chars[end // 3] for end, _ in probe.iter(line, ignore_white_space=True))


_HAS_SPACE = re.compile(r"\s")


def is_word_char(ch: str) -> bool:
    """Letters, digits and ZWNJ continue a word."""
    return ch.isalnum() or ch == ZWNJ


def continues_word(text: str, i: int, step: int) -> bool:
    """Whether ``text[i]`` continues the word next to it: a letter or digit, or a ZWNJ with
    one beyond it (``step``: +1 after a name, -1 before it); a stray ZWNJ before punctuation
    («گیلان‌،») ends the word."""
    ch = text[i]
    if ch.isalnum():
        return True
    if ch != ZWNJ:
        return False
    j = i + step
    return 0 <= j < len(text) and text[j].isalnum()


class Gazetteer:
    """The geo tables and their automaton, built once (``Resources.gazetteer``)."""

    def __init__(self, *, provinces_only: bool = False) -> None:
        """``provinces_only`` builds the 31 provinces alone: the benchmark's measure of what
        the ~1,800 other names cost the pipeline."""
        self._divisions: Divisions | None = None
        entries: dict[str, dict[str, object]] = {}

        def slot(k: str) -> dict[str, object]:
            return entries.setdefault(
                k,
                {
                    "places": [],
                    "nbs": [],
                    "blocker": False,
                    "cue": None,
                    "words": set(),
                    "owned": [],
                },
            )

        def spelled(k: str, spelling: str) -> dict[str, object]:
            e = slot(k)
            words = e["words"]
            assert isinstance(words, set)
            words.update(spelling.replace(ZWNJ, " ").split())
            return e

        by_name: dict[str, list[GeoPlace]] = {}
        for name, kind, province, county in read_tsv("geo/places.tsv"):
            if provinces_only and kind != "province":
                continue
            place = GeoPlace(name, kind, province, county)
            by_name.setdefault(name, []).append(place)
            _append(spelled(match_key(name), name), "places", place)
        for variant, name in read_tsv("geo/variants.tsv"):
            for place in by_name.get(name, ()):
                _append(spelled(match_key(variant), variant), "places", place)
        for name, city, province in () if provinces_only else read_tsv("geo/neighborhoods.tsv"):
            _append(spelled(match_key(name), name), "nbs", GeoNeighborhood(name, city, province))
        # a neighborhood's name with a possessive ending («دفتر نیاورانش»): read after a
        # building word (neighborhoods.py); only the names of no place, of one city
        for k, e in list(entries.items()):
            rows = e["nbs"]
            assert isinstance(rows, list)
            if e["places"] or not rows or len({r.city for r in rows}) != 1:
                continue
            for ending in POSSESSIVE_ENDINGS:
                _append(slot(k + ending), "owned", (rows[0], ending))
        for phrase in read_lines("geo/blockers.txt"):
            spelled(match_key(phrase), phrase)["blocker"] = True
        for name, level in read_tsv("geo/needs_cue.tsv"):
            slot(match_key(name))["cue"] = level
        self.by_name = {n: tuple(p) for n, p in by_name.items()}
        self.provinces = tuple(
            sorted(n for n, ps in by_name.items() if any(p.kind == "province" for p in ps))
        )
        # values are ints (no Python object to touch per raw hit): entry index << 7, a flag
        # (64) for keys that start or end on a non-word character (always checked in full),
        # the key's length
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self.entries: list[Entry] = []
        for k, e in entries.items():
            if not k:
                continue
            entry = _entry(
                tuple(e["places"]),  # type: ignore[arg-type]
                tuple(e["nbs"]),  # type: ignore[arg-type]
                bool(e["blocker"]),
                e["cue"],  # type: ignore[arg-type]
                frozenset(e["words"]),  # type: ignore[call-overload]
                tuple(e["owned"]),  # type: ignore[arg-type]
            )
            assert len(k) < 64, k
            irregular = not (k[0].isalnum() and k[-1].isalnum())
            self.automaton.add_word(k, len(self.entries) << 7 | irregular << 6 | len(k))
            self.entries.append(entry)
        self.automaton.make_automaton()
        # what the automaton steps over besides a space (and any character beyond the BMP, which
        # the probe does not read): a text holding one is scanned in key space instead
        skipped = _skipped_by_automaton()
        # the same test by ``in`` per character, plus a length test for characters beyond the
        # BMP (their UTF-16 form is two units): faster than the regex's class
        self._also_skipped = tuple(skipped.replace(" ", "")) if " " in skipped else None
        self._spaces_only = re.compile(
            "[" + re.escape(skipped.replace(" ", "")) + "\U00010000-\U0010ffff]"
            if " " in skipped
            else "[\\s\\S]"  # the automaton does not step over spaces: never in text space
        )
        self.function_words = frozenset(read_lines("geo/function_words.txt"))
        self.surname_endings = frozenset(read_lines("geo/surname_endings.txt"))
        # «رضا قوچان نژاد»: the first word within 8 characters after a name is a surname's
        # ending (``text[end:end + 8].split()[0] in surname_endings``, by one match in C with
        # ``endpos = end + 8``; ``\s`` of ``re`` is ``str.isspace``, as ``split``'s; an ending
        # holding a space can be no such word)
        endings = sorted(e for e in self.surname_endings if e and not _HAS_SPACE.search(e))
        self._surname_next = re.compile(
            r"\s*(?:" + "|".join(map(re.escape, endings)) + r")(?!\S)" if endings else r"(?!)"
        )
        self.contexts = ContextWords.load()

    @property
    def divisions(self) -> Divisions:
        """The national divisions (villages, rural districts, districts), loaded the first
        time an article has a cue that names one (:mod:`.villages`). A plain attribute cache,
        not functools' cached property: on a class compiled by mypyc (the default build)
        that one does not cache, and every cue would reload the 73,000 divisions."""
        got = self._divisions
        if got is None:
            got = self._divisions = Divisions()
        return got

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is a place name of the gazetteer (a province, county, city ...)."""
        return self.is_key(match_key(word))

    def is_key(self, key: str) -> bool:
        """Whether ``key`` is the match key of a place name of the gazetteer."""
        got = self.automaton.get(key, None)
        return got is not None and bool(self.entries[got >> 7].places)

    def scan(
        self, text: str, *, stream: tuple[str, Sequence[int]] | None = None
    ) -> list[Candidate]:
        """Every name in ``text`` on word boundaries; overlapping hits resolved by the longest
        (then the earliest). One pass of the automaton over the text's key stream (``stream``:
        ``key_stream(text)`` when the caller already has it, e.g. ``Doc.key_stream()``)."""
        keys, idx = key_stream(text) if stream is None else stream
        if not isinstance(idx, KeyIndex):
            return self._scan_slow(text, keys, idx)
        spaced = idx.spaced
        if len(spaced) == len(text) and self._in_text_space(spaced):
            return self._scan_spaced(text, spaced)
        run_keys, run_shift = idx.runs()
        # a cheap first test in key space: a name starts and ends where the text skipped a
        # character (space, ZWNJ ...) or next to a non-word character (a superset of the word
        # boundaries checked below; keys with a non-word end (flag 64) are always checked)
        runs = set(run_keys)
        runs.add(0)
        runs.add(len(keys))
        hits = [
            (kend, v)
            for kend, v in self.automaton.iter(keys)
            if v & 64
            or (
                ((k0 := kend - (v & 63) + 1) in runs or not keys[k0 - 1].isalnum())
                and (kend + 1 in runs or not keys[kend + 1].isalnum())
            )
        ]
        if not hits:
            return []
        n = len(text)
        n_runs = len(run_keys)
        zwnj = ZWNJ
        surname_next = self._surname_next.match
        entries = self.entries
        found: list[tuple[int, int, int, Entry]] = []
        for kend, v in hits:
            klen = v & 63
            k0 = kend - klen + 1
            j = bisect_right(run_keys, k0)
            start = k0 + run_shift[j]  # the text index of key k0
            if start > 0:
                ch = text[start - 1]
                if ch.isalnum() or ch == zwnj and continues_word(text, start - 1, -1):
                    continue
            if j < n_runs and run_keys[j] <= kend:  # a gap inside the name: shifted further
                j = bisect_right(run_keys, kend, j)
            end = kend + run_shift[j] + 1
            if end < n:
                ch = text[end]
                if ch.isalnum() or ch == zwnj and continues_word(text, end, 1):
                    continue
            entry = entries[v >> 7]
            if klen < end - start and self._split_on_function_word(text[start:end], entry):
                continue
            if surname_next(text, end, end + 8):  # «رضا قوچان نژاد»: part of a surname
                continue
            found.append((start - end, start, end, entry))
        return self._longest(found, n)

    def _in_text_space(self, spaced: str) -> bool:
        """Whether ``spaced`` holds no character the automaton steps over but a space:
        ``self._spaces_only.search(spaced) is None``."""
        also = self._also_skipped
        if also is None or any(ch in spaced for ch in also):
            return self._spaces_only.search(spaced) is None
        return len(spaced.encode("utf-16-le", "surrogatepass")) == 2 * len(spaced)

    def _scan_spaced(self, text: str, spaced: str) -> list[Candidate]:
        """:meth:`scan` in text space: the automaton runs over ``spaced`` (``text`` folded in
        place, the characters the key deletes made spaces: ``KeyIndex.spaced``) stepping over
        its spaces, which reads the key stream itself, and gives each name's last text index;
        its first is found by counting the spaces the name spans. ``spaced`` holds no other
        character the automaton steps over (checked by the caller)."""
        n = len(text)
        zwnj = ZWNJ
        surname_next = self._surname_next.match
        entries = self.entries
        found: list[tuple[int, int, int, Entry]] = []
        prev_end = 0
        overlap = False  # whether a hit starts before the one found before it ends
        for last, v in self.automaton.iter(spaced, ignore_white_space=True):
            end = last + 1
            if end < n:
                ch = text[end]
                if ch.isalnum() or ch == zwnj and continues_word(text, end, 1):
                    continue
            klen = v & 63
            start = end - klen
            gaps = spaced.count(" ", start, end)
            while gaps:  # the name spans deleted characters: it starts that many further back
                lo = start
                start -= gaps
                gaps = spaced.count(" ", start, lo)
            if start > 0:
                ch = text[start - 1]
                if ch.isalnum() or ch == zwnj and continues_word(text, start - 1, -1):
                    continue
            entry = entries[v >> 7]
            if klen < end - start and self._split_on_function_word(text[start:end], entry):
                continue
            # «رضا قوچان نژاد»: part of a surname (an ending is letters, and the name's end is
            # no letter: only a space before one can let it match)
            if end < n and text[end].isspace() and surname_next(text, end, end + 8):
                continue
            if start < prev_end:
                overlap = True
            prev_end = end
            found.append((start - end, start, end, entry))
        return self._longest(found, n, overlap)

    def _scan_slow(self, text: str, keys: str, idx: Sequence[int]) -> list[Candidate]:
        """:meth:`scan` over a key index of another shape: every raw hit mapped back."""
        n = len(text)
        found: list[tuple[int, int, int, Entry]] = []
        for kend, v in self.automaton.iter(keys):
            klen = v & 63
            start = idx[kend - klen + 1]
            end = idx[kend] + 1
            if (
                start > 0
                and continues_word(text, start - 1, -1)
                or end < n
                and continues_word(text, end, 1)
            ):
                continue
            entry = self.entries[v >> 7]
            if klen < end - start and self._split_on_function_word(text[start:end], entry):
                continue
            if self._surname_next.match(text, end, end + 8):
                continue
            found.append((start - end, start, end, entry))
        return self._longest(found, n)

    @staticmethod
    def _longest(
        found: list[tuple[int, int, int, Entry]], n: int, overlap: bool | None = None
    ) -> list[Candidate]:
        """The longest hits first, then the earliest; a hit overlapping one taken is dropped.
        ``found`` comes in the order of the hits' ends (``overlap``: whether a hit starts
        before the one before it ends, when the caller knows)."""
        if not found:
            return []
        # the usual case: no two hits overlap (each starts after the one before has ended)
        if overlap is None:
            overlap = not all(a[2] <= b[1] for a, b in zip(found, found[1:]))
        if not overlap:
            return [Candidate(start, end, entry) for _, start, end, entry in found]
        # hits that overlap no other pass as they are; each group of hits linked by overlaps
        # (by start, a hit joins the group while it starts before the group's furthest end) is
        # resolved on its own: a hit is only ever dropped for one of its own group
        found.sort(key=_BY_START)
        out: list[Candidate] = []
        group: list[tuple[int, int, int, Entry]] = []
        reach = -1
        for hit in found:
            if hit[1] >= reach and group:
                _take_longest(group, out)
                group = []
            group.append(hit)
            if hit[2] > reach:
                reach = hit[2]
        _take_longest(group, out)
        return out

    def _split_on_function_word(self, surface: str, entry: Entry) -> bool:
        """«در میان» read as «درمیان»: a piece of a spaced match is a function word (or a
        single letter) that no spelling of the name has as a word; a name with a possessive
        ending is one word («نیاورانش», not «نیاوران ش»)."""
        pieces = surface.split()
        if len(pieces) < 2:
            return False
        if entry.owned and not entry.places and not entry.neighborhoods:
            return True  # a possessive ending is written on its name, never apart
        return any(
            (p in self.function_words or len(p) == 1) and p not in entry.words for p in pieces
        )


_BY_LENGTH = itemgetter(0, 1)  # the longest first, then the earliest
_BY_START = itemgetter(1)


def _take_longest(group: list[tuple[int, int, int, Entry]], out: list[Candidate]) -> None:
    """Append to ``out`` the hits of ``group`` (in the order of their starts) kept by the longest
    first, then the earliest, each overlapping one taken dropped; in the order of starts."""
    if len(group) == 1:
        _, start, end, entry = group[0]
        out.append(Candidate(start, end, entry))
        return
    base = group[0][1]
    taken = bytearray(max(hit[2] for hit in group) - base)  # the group's characters taken
    kept: list[tuple[int, int, int, Entry]] = []
    for hit in sorted(group, key=_BY_LENGTH):
        start, end = hit[1] - base, hit[2] - base
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(hit)
    kept.sort(key=_BY_START)
    out.extend(Candidate(start, end, entry) for _, start, end, entry in kept)


def _append(slot: dict[str, object], field: str, item: object) -> None:
    items = slot[field]
    assert isinstance(items, list)
    if item not in items:
        items.append(item)
