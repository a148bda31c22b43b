"""Villages, rural districts, districts and islands named after their cue (issue 14):
«روستای X», «روستاهای X، Y و Z از توابع شهرستان W», «دهستان چاهان», «بخش خشکبیجار»,
«جزیره کیش».

A village name is common and shared by many villages, so the national divisions
(``resources/geo/divisions.tsv``, ~75,000 names from the Statistical Centre's lists) are read
only where such a cue stands, and only when an article has one: the table is loaded the
first time a cue asks for it. A name's county and province come from the article: the
county named in its sentence, else the counties, else the provinces the article names; a name
still shared by several provinces keeps no province (never the first row of the list).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import regex

from ...doc import GeoHit, GeoKind
from ...resources import read_lines, read_tsv
from ...text.chars import MATCH_FOLD
from ...text.keys import match_key
from ...text.sentences import SENTENCE_END_CHARS

__all__ = ["Divisions", "division_cues", "find_divisions", "find_road_ends"]

# the cue's match key -> the kinds of the table it names, in order (d district, r rural
# district, v village)
_CUES: dict[str, str] = {
    "روستای": "vr",
    "روستاهای": "vr",
    "دهستان": "r",
    "دهستانهای": "r",
    "بخش": "d",
    "بخشهای": "d",
    "جزیره": "vrd",
    "جزیرهی": "vrd",
    "جزایر": "vrd",
}
# «روستای X» (ezafe) names a village; a bare «روستا» is followed by anything («روستا گفت»)
_CUE_RE = regex.compile(
    r"(?<![\p{L}\p{M}\u200c])(?<!شبه[ \u200c])"  # a word of its own, not «شبه جزیره»
    r"(?:روستا[\u200c ]?های|روستای|دهستان[\u200c ]?های|دهستان|بخش[\u200c ]?های|بخش"
    r"|جزیره[\u200c ]?ی|جزیره|جزایر"
    # an area called rural: «منطقه روستایی X», «منطقه روستایی و کوهستانی X»
    r"|(?<=(?:منطقه|ناحیه|محدوده)[ \u200c])روستایی(?:[ \u200c]و[ \u200c][\p{L}\u200c]+ی)?"
    r")(?![\p{L}\p{M}])"
)
_RURAL = "روستایی"
_FIRST_WORD = regex.compile(r"[\s«»\"“”']*([\p{L}\p{M}\u200c]+)")
_TOKEN = regex.compile(r"[\p{L}\p{M}\u200c]+|[^\s\p{L}\p{M}\u200c]")
_QUOTES = frozenset("«»\"“”'")
_MAX_WORDS = 4  # words in the longest name read
_MAX_ITEMS = 12  # names in one list
_WINDOW = 300


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    kind: str  # d, r, v
    counties: tuple[tuple[str, str], ...]  # (county, province)


# match_key's fold with the line breaks kept: the whole names column folded in one call
_FOLD_LINES = dict(MATCH_FOLD)
_FOLD_LINES[ord("\n")] = "\n"


class Divisions:
    """The national divisions by match key (``divisions.tsv``, ``division_counties.tsv``).

    Rows are kept as read (name, kind, county ids) and made into :class:`Division` only
    when looked up: building 75,000 objects would cost more than most articles."""

    __slots__ = ("by_key", "counties", "starts")

    def __init__(self) -> None:
        self.counties = {i: (c, p) for i, c, p in read_tsv("geo/division_counties.tsv")}
        lines = read_lines("geo/divisions.tsv")
        names = "\n".join(line[: line.index("\t")] for line in lines)
        keys = names.translate(_FOLD_LINES).lower().split("\n")
        # str -> str (rows joined by a newline): no container the garbage collector walks
        by_key: dict[str, str] = {}
        for k, line in zip(keys, lines):
            got = by_key.get(k)
            by_key[k] = line if got is None else got + "\n" + line
        self.by_key = by_key
        # the first three letters of every key: a word after a cue that starts no name ends
        # the list at once, however the text spaces the name («آزاد لو», «چاه‌عربی»)
        self.starts = frozenset(k[:_START] for k in by_key)

    def get(self, key: str, kinds: str) -> Division | None:
        """The row of that key whose kind is one of ``kinds`` (the first such kind)."""
        rows = self.by_key.get(key)
        if rows is None:
            return None
        split = [r.split("\t") for r in rows.split("\n")]
        for kind in kinds:
            for name, k, ids in split:
                if k == kind:
                    return Division(name, k, tuple(self.counties[i] for i in ids.split(",")))
        return None


def division_cues(text: str) -> list[regex.Match[str]]:
    """The cues of ``text`` in order: each stem found by ``str.find``, read by the regex there
    (far cheaper than running the regex over the whole text; a text without a stem has none,
    and costs five searches)."""
    found = []
    for stem in _STEMS:
        i = text.find(stem)
        while i >= 0:
            m = _CUE_RE.match(text, i)
            if m is not None:
                found.append(m)
            i = text.find(stem, i + 1)
    found.sort(key=lambda m: m.start())
    return found


_START = 3
_STEMS = ("روستا", "دهستان", "بخش", "جزیر", "جزایر")


def find_divisions(
    text: str,
    table: Divisions,
    hits: list[GeoHit],
    common: Collection[str],
    function_words: Collection[str],
    *,
    cues: list[regex.Match[str]] | None = None,
) -> list[GeoHit]:
    """A hit for each name of the divisions read after a cue (normalized offsets; ``cues``:
    :func:`division_cues` of ``text`` when the caller has them). A name of one word that is a
    common word or its adjective (``common``: match keys; «جزیره ایرانی») is no name; nor are
    words glued across a function word («روستاهای عرب و ...» is not «عربو»). An island's name
    already found in the gazetteer («جزیره کیش», a city) stays the gazetteer's."""
    words = _Words(common, function_words)
    out: list[GeoHit] = []
    for m in division_cues(text) if cues is None else cues:
        cue = m.group()
        kinds = "vr" if cue.startswith(_RURAL) else _CUES[match_key(cue)]
        island = "جز" in m.group()
        names = _names_after(text, m.end(), table, kinds, words)
        if not names and m.group() == "روستای":
            names = _quoted_after(text, m.end())
        for s, e, row in names:
            if island and any(h.start < e and s < h.end for h in hits):
                continue
            kind: GeoKind = "village" if row.kind == "v" else "district"
            out.append(GeoHit(s, e, row.name, kind, _province(text, s, row, hits)))
    return out


@dataclass(frozen=True, slots=True)
class _Words:
    common: Collection[str]
    function: Collection[str]

    def name_ok(self, pieces: list[str], key: str, row: Division) -> bool:
        if len(pieces) == 1:
            return key not in self.common and not (key.endswith("ی") and key[:-1] in self.common)
        own = row.name.split()
        return not any(p in self.function and p not in own for p in pieces)


def _names_after(
    text: str, pos: int, table: Divisions, kinds: str, words: _Words
) -> list[tuple[int, int, Division]]:
    """The names of the table listed right after a cue: each the longest run of up to four
    words that is a name; the list goes on over «،» and «و» while names follow."""
    first = _FIRST_WORD.match(text, pos)
    if first is None or match_key(first.group(1))[:_START] not in table.starts:
        return []  # «بخش خصوصی»: no name starts with the word after the cue
    # tokens read lazily: the list ends within a few words
    stream = (
        t
        for t in _TOKEN.finditer(text, pos, min(len(text), pos + _WINDOW))
        if t.group() not in _QUOTES
    )
    toks: list[regex.Match[str]] = []
    found: list[tuple[int, int, Division]] = []
    i = 0
    while len(found) < _MAX_ITEMS:
        while len(toks) < i + _MAX_WORDS + 1:
            t = next(stream, None)
            if t is None:
                break
            toks.append(t)
        if i >= len(toks):
            break
        got = None
        for n in range(min(_MAX_WORDS, len(toks) - i), 0, -1):
            run = toks[i : i + n]
            pieces = [w.group() for w in run]
            if not all(p[0].isalpha() for p in pieces):
                continue
            key = match_key("".join(pieces))
            row = table.get(key, kinds)
            if row is not None and words.name_ok(pieces, key, row):
                got = (run[0].start(), run[-1].end(), row, n)
                break
        if got is None:
            break
        found.append(got[:3])
        i += got[3]
        if i < len(toks) and toks[i].group() in ("،", ",", "و"):
            i += 1
            continue
        break
    return found


_QUOTED = regex.compile(r"\s*«([\p{L}\p{M}\u200c]+(?: [\p{L}\p{M}\u200c]+){0,2})»")


def _quoted_after(text: str, pos: int) -> list[tuple[int, int, Division]]:
    """«روستای «ویشگاه»»: a quoted name after the cue is a village the lists may lack (no
    county known: its province is that of the places named in its sentence)."""
    m = _QUOTED.match(text, pos)
    if m is None:
        return []
    return [(m.start(1), m.end(1), Division(m.group(1), "v", ()))]


def _province(text: str, start: int, row: Division, hits: list[GeoHit]) -> str | None:
    """The province of a division, from the article (see the module doc)."""
    if len({p for _, p in row.counties}) == 1:
        return row.counties[0][1]
    begin = max(text.rfind(ch, 0, start) for ch in SENTENCE_END_CHARS) + 1
    ends = [i for i in (text.find(ch, start) for ch in SENTENCE_END_CHARS) if i >= 0]
    stop = min(ends, default=len(text))
    places = [h for h in hits if h.kind != "province" and h.kind != "neighborhood"]
    if not row.counties:
        near = {h.province for h in hits if begin <= h.start < stop and h.province}
        return near.pop() if len(near) == 1 else None
    for pool in (
        {h.name for h in places if begin <= h.start < stop},
        {h.name for h in places},
    ):
        rows = [c for c in row.counties if c[0] in pool]
        if len({p for _, p in rows}) == 1:
            return rows[0][1]
    provinces = {h.province for h in hits if h.province}
    rows = [c for c in row.counties if c[1] in provinces]
    if len({p for _, p in rows}) == 1:
        return rows[0][1]
    return None


# a road named by its two ends: «جاده X – Y», «چهار خطه شدن X – Y»: the word before X (or a
# word or two earlier) names a road, a railway or a line (match keys)
_ROAD_WORDS = frozenset(
    {"جاده", "جادهی", "محور", "ازادراه", "بزرگراه", "راهاهن", "اهن", "قطار", "ریلی"}
    | {"خطه", "دوخطه", "چهارخطه"}
)
_DASH = regex.compile(r"[ \t]*[-–—][ \t]*")
_ROAD_GAP = 3  # words between the road word and the first end


def find_road_ends(
    text: str, table: Divisions, hits: list[GeoHit], common: Collection[str]
) -> list[GeoHit]:
    """The second end of a road whose first end is a place the article names, when only the
    divisions know it («چهار خطه شدن اردبیل – سرچم»: a village or town of that name; its
    province from the article, as a village's)."""
    words = _Words(common, ())
    out: list[GeoHit] = []
    taken = {h.start for h in hits}
    for h in hits:
        if h.kind == "neighborhood":
            continue
        dash = _DASH.match(text, h.end)
        if dash is None or dash.end() in taken or "\n" in text[h.end : dash.end()]:
            continue
        before = text[max(0, h.start - 60) : h.start].split()[-_ROAD_GAP:]
        if not any(match_key(w) in _ROAD_WORDS for w in before):
            continue
        named = {h.province for h in hits}
        for s, e, row in _names_after(text, dash.end(), table, "v", words)[:1]:
            # a village of that name elsewhere is no road's end: its province only when the
            # article names it, or the village lies in the county of the road's first end
            province = _province(text, s, row, hits)
            if province not in named and all(c != h.name for c, _ in row.counties):
                province = None  # (a village of the first end's county keeps its province)
            out.append(GeoHit(s, e, row.name, "village", province))
    return out
