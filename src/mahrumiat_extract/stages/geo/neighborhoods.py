"""Neighborhoods: «محله X», «محلات X، Y و Z», «در پنج محله X، Y، ... در شهر Z», and names of
the shipped neighborhood list when a neighborhood cue is near, or a route word («مسیر X تا
Y»). Each is attached to the city
named after it in the sentence (or before it, or the list's city), and that city's province.

Generic phrases («محلات کم‌برخوردار», «شورای محله», «مناطق حاشیه‌نشین») are no names: the
word roles (cue, block, generic, stop, prefix, skip) are data, ``resources/geo/nb_words.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from os.path import commonprefix

import regex

from ...doc import GeoHit
from ...resources import read_lines, read_tsv
from ...text.keys import match_key
from ...text.sentences import SENTENCE_END_CHARS
from .gazetteer import Candidate, GeoNeighborhood

__all__ = [
    "NeighborhoodWords",
    "find_neighborhoods",
    "neighborhood_cues",
    "owned_neighborhoods",
    "route_cues",
]

_TOKEN = regex.compile(r"[\p{L}\p{M}\u200c]+|\d[\d,.٫٬]*|[،,؛;:.!?؟\n()«»\"“”]")
_SENTENCE_END = frozenset(".!?؟\n:؛;()")
_QUOTES = frozenset('«»"“”')
_WINDOW = 240
_NEAR = 80  # characters between a cue and a listed name for the list's names to count


@dataclass(frozen=True, slots=True)
class NeighborhoodWords:
    """The roles of the words around neighborhood names (``resources/geo/nb_words.tsv``:
    cue, block, generic, stop, prefix, skip) and the common words (``known_words.txt``)."""

    roles: dict[str, frozenset[str]]
    common: frozenset[str]
    cue_re: regex.Pattern[str]  # every cue word, whole words only: found in one scan
    cue_prefix: str  # what every cue word begins with: a text without it has no cue
    verb_stems: frozenset[str]  # hazm's verb stems of three letters or more (verb_stems.txt)
    routes: tuple[str, ...]  # route words («مسیر X تا Y»): a listed neighborhood at an end counts
    houses: frozenset[str]  # building words («دفتر نیاورانش»; match keys)

    @classmethod
    def load(cls) -> NeighborhoodWords:
        roles: dict[str, set[str]] = {}
        for word, role in read_tsv("geo/nb_words.tsv"):
            roles.setdefault(match_key(word), set()).add(role)
        common = frozenset(match_key(w) for w in read_lines("known_words.txt"))
        cues = sorted(
            {w for w, role in read_tsv("geo/nb_words.tsv") if role == "cue"}, key=len, reverse=True
        )
        cue_re = regex.compile(
            r"(?<![\p{L}\p{M}\u200c])(?:"
            + "|".join(map(regex.escape, cues))
            + r")(?![\p{L}\p{M}\u200c])"
        )
        stems = frozenset(k for k in map(match_key, read_lines("verb_stems.txt")) if len(k) >= 3)
        routes = tuple(w for w, role in read_tsv("geo/nb_words.tsv") if role == "route")
        houses = frozenset(
            match_key(w) for w, role in read_tsv("geo/nb_words.tsv") if role == "house"
        )
        return cls(
            {k: frozenset(v) for k, v in roles.items()},
            common,
            cue_re,
            commonprefix(cues),
            stems,
            routes,
            houses,
        )

    def has(self, word: str, role: str) -> bool:
        return role in self.roles.get(match_key(word), ())

    def is_verb(self, word: str) -> bool:
        """A verb stem, its participle or third plural («رفت», «داشته», «شدند»)."""
        k = match_key(word)
        stems = self.verb_stems
        return k in stems or k[-1:] == "ه" and k[:-1] in stems or k[-2:] == "ند" and k[:-2] in stems


def neighborhood_cues(text: str, words: NeighborhoodWords) -> list[int]:
    """Where the neighborhood cues of ``text`` end (none: the text names no neighborhood)."""
    if words.cue_prefix not in text:
        return []
    return [m.end() for m in words.cue_re.finditer(text) if not _blocked(text, m.start(), words)]


def route_cues(text: str, words: NeighborhoodWords) -> list[int]:
    """Where the ends of a route start: «مسیر افسریه تا آزادی» names two places (only a
    listed neighborhood is read there; a square's or a street's name is not one)."""
    out: list[int] = []
    for word in words.routes:
        i = text.find(word)
        while i >= 0:
            m = _ROUTE.match(text, i + len(word))
            if m is not None:
                out.extend(m.start(g) for g in (1, 2) if m.group(g))
            i = text.find(word, i + 1)
    return out


_ROUTE = regex.compile(
    r" (?!میدان|خیابان)([\p{L}\u200c]+(?: [\p{L}\u200c]+)?)"  # the first end (one or two words)
    r" تا (?:(?!میدان|خیابان)([\p{L}\u200c]+))?"  # «تا», the second end
)


def find_neighborhoods(
    text: str,
    cands: list[Candidate],
    hits: list[GeoHit],
    words: NeighborhoodWords,
    near_cue: list[int] | None = None,
    routes: list[int] | None = None,
) -> list[GeoHit]:
    """Neighborhood hits (normalized offsets) in ``text`` (``near_cue``, ``routes``: its
    :func:`neighborhood_cues` and :func:`route_cues` when the caller has them)."""
    if near_cue is None:
        near_cue = neighborhood_cues(text, words)
    if routes is None:
        routes = route_cues(text, words)
    if not near_cue and not routes:  # every neighborhood is read after a cue
        return []
    known: dict[str, tuple[GeoNeighborhood, ...]] = {}
    for c in cands:
        for k, n in c.entry.nb_keys:
            known[k] = known.get(k, ()) + (n,)
    items: dict[tuple[int, int], str] = {}
    # «محله‌های تهران و ...», «محلات قزوین»: a province's name (and its capital's) right
    # after the cue, or a town's name alone there, is whose the neighborhoods are, not one of
    # them (nor is what follows it); a town's name heading a list of names is a neighborhood
    # of that name («محلات دولت‌آباد، جعفرآباد و ...»)
    capitals = {c.start for c in cands if c.entry.provinces}
    towns = {c.start: c.end for c in cands if c.entry.places and not c.entry.neighborhoods}
    for pos in near_cue:
        listed = _list_after(text, pos, words, known)
        if listed and _owner(listed, capitals, towns):
            continue
        for s, e in listed:
            items.setdefault((s, e), text[s:e])
    listed = list(items)
    # a place-name hit on a listed item is that neighborhood, not its city
    places = [
        h
        for h in hits
        if h.kind in ("city", "county", "district", "village")
        and not any(s < h.end and h.start < e for s, e in listed)
    ]
    cities = {h.name for h in places}
    taken = [(h.start, h.end) for h in hits]
    for c in cands:
        # a listed neighborhood of a city the article names, shortly after a cue
        if not c.entry.neighborhoods:
            continue
        row = _known_row(c.entry.neighborhoods, cities)
        if row is None or not (
            _near(text, near_cue, c.start)
            or c.start in routes
            and c.entry.needs_cue != "strong"  # «مسیر ... تا آزادی»: a square's there
        ):
            continue
        if any(s < c.end and c.start < e for s, e in list(items) + taken):
            continue
        items[(c.start, c.end)] = text[c.start : c.end]
    return [
        _hit(text, s, e, surface, known, cities, places)
        for (s, e), surface in sorted(items.items())
    ]


def _hit(
    text: str,
    s: int,
    e: int,
    surface: str,
    known: dict[str, tuple[GeoNeighborhood, ...]],
    cities: set[str],
    places: list[GeoHit],
) -> GeoHit:
    """The neighborhood at ``[s, e)`` with its city: the place named after it in its
    sentence (else before), else the listed neighborhood's own city."""
    row = _known_row(known.get(match_key(surface), ()), cities)
    city = _city_for(text, s, e, places)
    if city is None and row is not None:
        return GeoHit(s, e, row.name, "neighborhood", row.province, row.city)
    if city is not None:
        name = row.name if row is not None and row.city == city.name else surface
        return GeoHit(s, e, name, "neighborhood", city.province, city.name)
    return GeoHit(s, e, surface, "neighborhood", None, None)


def _owner(listed: list[tuple[int, int]], capitals: set[int], towns: dict[int, int]) -> bool:
    """Whether the first item after a cue is the city the neighborhoods are of: a province's
    name, a town's name alone, or a town's name with words after it («محله‌های حلب رنجدیده»)."""
    s, e = listed[0]
    if s in capitals:
        return True
    town_end = towns.get(s)
    return town_end is not None and (len(listed) == 1 or town_end < e)


def _known_row(rows: tuple[GeoNeighborhood, ...], cities: set[str]) -> GeoNeighborhood | None:
    """The listed neighborhood of that name in a city the article names."""
    return next((r for r in rows if r.city in cities), None)


def _blocked(text: str, start: int, words: NeighborhoodWords) -> bool:
    before = text[max(0, start - 24) : start].split()
    return bool(before) and words.has(before[-1], "block")


def _list_after(
    text: str, pos: int, words: NeighborhoodWords, known: dict[str, tuple[GeoNeighborhood, ...]]
) -> list[tuple[int, int]]:
    """The names listed right after a cue, as normalized ranges."""
    # tokens read lazily: the list ends within a few words
    toks = _TOKEN.finditer(text, pos, min(len(text), pos + _WINDOW))
    items: list[list[regex.Match[str]]] = []
    cur: list[regex.Match[str]] = []
    skipping = True
    for m in toks:
        t = m.group()
        if skipping:
            if words.has(t, "skip") or t[0].isdigit() or t in _QUOTES:
                continue
            skipping = False
        if t in "،," or t == "و":
            if not cur:
                break
            items.append(cur)
            cur = []
            continue
        if t in _QUOTES:
            continue
        if t in _SENTENCE_END or t[0].isdigit() or words.has(t, "cue") or words.has(t, "stop"):
            break
        if t.startswith(_VERB_PREFIXES) or words.is_verb(t):
            break  # «در این محلات زندگی می‌کنند», «محله رفت»: a verb, no name follows
        if not cur and words.has(t, "generic"):
            break
        cur.append(m)
        if len(cur) == 3:
            break
    last = _trim_last(cur, words, known)
    if last:
        items.append(last)
    if len(items) == 1 and not _single_ok(items[0], words, known):
        return []
    return [(it[0].start(), it[-1].end()) for it in items]


_VERB_PREFIXES = ("می\u200c", "نمی\u200c")


def _trim_last(
    item: list[regex.Match[str]],
    words: NeighborhoodWords,
    known: dict[str, tuple[GeoNeighborhood, ...]],
) -> list[regex.Match[str]]:
    """The last (or only) item ends at the first word unless it is a prefix word («خیابان
    امینی») or the two words are a known neighborhood."""
    if len(item) <= 1:
        return item
    two = item[0].group() + item[1].group()
    if words.has(item[0].group(), "prefix") or match_key(two) in known:
        return item[:2]
    return item[:1]


def _single_ok(
    item: list[regex.Match[str]],
    words: NeighborhoodWords,
    known: dict[str, tuple[GeoNeighborhood, ...]],
) -> bool:
    """A lone name after «محله»: a known neighborhood, a prefixed name, or no common word."""
    surface = "".join(m.group() for m in item)
    if match_key(surface) in known or len(item) > 1:
        return True
    return match_key(item[0].group()) not in words.common


def _near(text: str, cues: list[int], start: int) -> bool:
    """A cue shortly before ``start``, in the same sentence."""
    if not cues:
        return False
    begin = _sentence_start(text, start)
    return any(begin <= c <= start and start - c <= _NEAR for c in cues)


def _city_for(text: str, start: int, end: int, places: list[GeoHit]) -> GeoHit | None:
    """The place named after the neighborhood in its sentence, else before it."""
    stop = _sentence_end(text, end)
    after = [h for h in places if end <= h.start < stop]
    if after:
        return after[0]
    begin = _sentence_start(text, start)
    before = [h for h in places if begin <= h.start < start]
    if before:
        return before[-1]
    return places[0] if places and len({h.name for h in places}) == 1 else None


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends (at its end character)."""
    return min(
        (i for i in map(text.find, SENTENCE_END_CHARS, repeat(pos)) if i >= 0), default=len(text)
    )


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in SENTENCE_END_CHARS) + 1


def owned_neighborhoods(
    text: str, cands: list[Candidate], words: NeighborhoodWords
) -> list[GeoHit]:
    """«در دفتر نیاورانش», «در خانه زعفرانیه‌شان»: a listed neighborhood's name with a
    possessive ending (found by the gazetteer's scan: ``Entry.owned``), right after a building
    word, says where the building is (the name of one city's neighborhood only, and no
    place's: «خانه کرمانش» is no neighborhood; nor is a word of its own: «دفتر سلامت»)."""
    out: list[GeoHit] = []
    for c in cands:
        if not c.entry.owned:
            continue
        before = text[max(0, c.start - 16) : c.start].split()
        if not before or not _a_house(before[-1], words):
            continue
        if match_key(text[c.start : c.end]) in words.common:
            continue
        row, ending = c.entry.owned[0]
        end = c.end - len(ending)
        if text[end - 1] == "\u200c":
            end -= 1
        out.append(GeoHit(c.start, end, row.name, "neighborhood", row.province, row.city))
    return out


def _a_house(word: str, words: NeighborhoodWords) -> bool:
    """A building word, with its ezafe or not («خانه», «ویلای», «خانه‌ی»)."""
    k = match_key(word)
    return k in words.houses or k[-1:] == "ی" and k[:-1] in words.houses
