"""The geo stage: provinces, places (counties, cities, districts, villages) and neighborhoods,
resolved into Iran's hierarchy.

``match``: one automaton pass over ``doc.work`` finds every gazetteer name (see
:mod:`.gazetteer`); each is read in context (:mod:`.cues`): «استان X» is the province,
«شهر X», «شهرستان X», «فرماندار X», «در X» or a dateline make X a place; a bare name that is
both a province and its capital is the province. Names that are also common words need a cue;
same-named places are resolved by the provinces the article names, else by prominence (a
county before a city), else a W201 warning. ``set_annotations`` writes ``doc.geo`` (one
:class:`GeoHit` per mention) and the record lists.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from operator import attrgetter

from ...doc import Doc, GeoHit
from ...text.keys import match_key
from ..base import Stage
from .annotate import PLACE_KINDS, as_written, set_annotations
from .context import ContextWords, SportsTest
from .cues import KIND_CUES, CueReader, joined_by_list
from .gazetteer import Candidate, Gazetteer, GeoPlace
from .neighborhoods import (
    find_neighborhoods,
    neighborhood_cues,
    owned_neighborhoods,
    route_cues,
)
from .villages import division_cues, find_divisions, find_road_ends

__all__ = ["GeoFound", "GeoStage"]

_START = attrgetter("start")


@dataclass(slots=True)
class _Reading:
    cand: Candidate
    cue: str | None  # the cue kind, «dateline», «list», or None
    as_province: bool
    rows: tuple[GeoPlace, ...]  # the place rows still possible (empty for a province)


@dataclass(slots=True)
class GeoFound:
    """What :meth:`GeoStage.match` found: the hits in text order, and the names whose
    province stayed ambiguous."""

    hits: list[GeoHit]
    ambiguous: list[str]


class GeoStage(Stage):
    """Provinces, places and neighborhoods named in ``doc.work``, resolved into Iran's
    divisions; writes ``doc.geo`` (every mention) and the record lists."""

    name = "geo"
    reads = ("work",)
    writes = ("geo", "provinces", "places", "neighborhoods", "warnings")

    def match(self, doc: Doc) -> GeoFound:
        hits, ambiguous = self.find(doc.work, stream=doc.key_stream())
        for h in hits:
            if h.kind == "neighborhood" and h.name == doc.work[h.start : h.end]:
                h.name = as_written(doc, h.start, h.end)
        return GeoFound(hits, ambiguous)

    def set_annotations(self, doc: Doc, found: GeoFound) -> None:
        for detail in found.ambiguous:
            doc.warn("W201", detail)
        set_annotations(doc, found.hits)

    def find(
        self, text: str, *, stream: tuple[str, Sequence[int]] | None = None
    ) -> tuple[list[GeoHit], list[str]]:
        """Geo hits in ``text`` (normalized offsets) and the names left ambiguous; ``stream``
        is ``key_stream(text)`` when the caller has it already."""
        res = self.resources
        gaz = res.gazetteer
        words = res.neighborhood_words
        near_cue = neighborhood_cues(text, words)
        # the given names and honorifics of the officials lexicon: one source for both stages
        people = res.officials
        given = people.given.keys()
        honorifics = people.honorifics.keys()
        found = [c for c in gaz.scan(text, stream=stream) if not c.entry.blocker]
        # the place names; a name that is no place (a neighborhood's) is read only near a
        # neighborhood cue or a route, so its given-name test waits till then
        cands = [
            c
            for c in found
            if c.entry.places
            and (c.entry.provinces or not _after_given_name(text, c.start, given, honorifics))
            and not (c.entry.provinces and _after_honorific(text, c.start, honorifics))
        ]
        cue_reader = res.geo_cues
        # the cue and the outlet flag of the words before each name: read once, for the context
        # rules and for the reading
        befores = [cue_reader.cues_before(text, c.start) for c in cands]
        if cands:
            # outlets, brands, teams, lakes and the state are not the place (context.py)
            ctx = gaz.contexts
            sports = SportsTest(ctx, text)
            is_cue = _CueTest(cue_reader, gaz)
            keep = [
                i
                for i, c in enumerate(cands)
                # a kind cue right before («استان», «شهرستان» ...) settles it, but in sport
                # («شهرداری تبریز» is a team there)
                if not _worth_checking(c, befores[i][0], text, ctx)
                or not ctx.rejects(text, c.start, c.end, sports=sports, is_cue=is_cue)
            ]
            if len(keep) < len(cands):
                cands = [cands[i] for i in keep]
                befores = [befores[i] for i in keep]
        readings = _read(text, cands, befores, cue_reader)
        hits, ambiguous = _resolve(readings)
        cues = division_cues(text)
        if cues:
            # villages, rural districts and districts named by their cue (villages.py): the
            # text says what they are, so they replace a same-named town read there
            divs = find_divisions(
                text, gaz.divisions, hits, words.common, gaz.function_words, cues=cues
            )
            if divs:
                hits = [h for h in hits if h.kind == "province" or not _overlaps(h, divs)]
                hits.extend(divs)
        if "–" in text or "-" in text or "—" in text:
            # «جاده X – Y»: a road's second end that only the divisions know (villages.py)
            ends = find_road_ends(text, gaz.divisions, hits, words.common)
            if ends:
                hits = [h for h in hits if h.kind == "province" or not _overlaps(h, ends)]
                hits.extend(ends)
        owned = owned_neighborhoods(text, found, words)
        if owned:
            hits = [h for h in hits if h.kind == "province" or not _overlaps(h, owned)]
            hits.extend(owned)
        routes = route_cues(text, words)
        if near_cue or routes:
            kept = set(map(id, cands))
            cands = [
                c
                for c in found
                if id(c) in kept
                or not c.entry.places
                and not _after_given_name(text, c.start, given, honorifics)
            ]
            nbs = find_neighborhoods(text, cands, hits, words, near_cue, routes)
            if nbs:
                # a name the text lists as a neighborhood («در سه محله واوان، قائمیه و
                # زرافشان») is not also the village or town of that name elsewhere
                hits = [h for h in hits if h.kind == "province" or not _overlaps(h, nbs)]
                hits.extend(nbs)
        hits.sort(key=_START)
        return hits, ambiguous


def _worth_checking(c: Candidate, cue: str | None, text: str, ctx: ContextWords) -> bool:
    """Whether the context rules could change what ``c`` becomes (``cue``: the cue before it,
    :meth:`CueReader.cues_before`): not for a name that is no place (a neighborhood's), nor one
    after a kind cue (but a team's: «شهرداری تبریز» in a sports article), nor one that needs a
    kind cue it lacks (dropped anyway)."""
    entry = c.entry
    if not entry.places:
        return False
    if cue in KIND_CUES:
        # a team's cue is a town's office («شهرداری») or a university's name
        return cue in ("city", "facility") and ctx.after_team_word(text, c.start)
    return entry.needs_cue != "strong"


class _CueTest:
    """Whether the last words are a place cue («استانداری», «از», «شهرستان») or a place (by
    their match keys)."""

    __slots__ = ("table", "longest", "tails", "gaz")

    def __init__(self, cues: CueReader, gaz: Gazetteer) -> None:
        self.table = cues.table
        self.longest = cues.longest
        self.tails = cues.tails
        self.gaz = gaz

    def __call__(self, keys: list[str]) -> bool:
        """``keys``: the match keys of the words, in order."""
        if not keys:
            return False
        if keys[-1] not in self.tails:
            return self.gaz.is_key(keys[-1])
        for n in range(min(self.longest, len(keys)), 0, -1):
            kind = self.table.get("".join(keys[-n:]))
            if kind is not None and kind not in ("outlet", "between"):
                return True
        return bool(keys) and self.gaz.is_key(keys[-1])


def _after_honorific(text: str, start: int, honorifics: Collection[str]) -> bool:
    """«دکتر البرز بغضیان»: a province's name right after an honorific is a person's (other
    names after one are caught by the given name that follows the honorific)."""
    if start < 2 or text[start - 1] != " ":
        return False
    word = text[text.rfind(" ", max(0, start - 24), start - 1) + 1 : start - 1]
    return match_key(word) in honorifics


def _after_given_name(
    text: str, start: int, given: Collection[str], honorifics: Collection[str]
) -> bool:
    """A name right after a given name that opens a phrase is a surname («، غلامرضا فرخی در
    ...», «دکتر علی X»), not a place. A given name inside a phrase is part of an organization's
    or a team's name («بسیج مقداد رشت», «دانشگاه آزاد تهران») and the place stays."""
    if start == 0 or text[start - 1] != " ":
        return False
    before = text[max(0, start - 40) : start]
    last = before.rsplit(None, 1)
    if not last or match_key(last[-1]) not in given:
        return False
    words = before.split()
    if len(words) == 1:
        return len(before) < 40 or before[0] in _PHRASE_OPENERS  # the text or a line starts here
    prev = words[-2]
    return prev[-1] in _PHRASE_OPENERS or match_key(prev) in honorifics


_PHRASE_OPENERS = frozenset('،,.:؛;«"(\n-–—')


def _overlaps(hit: GeoHit, others: list[GeoHit]) -> bool:
    return any(o.start < hit.end and hit.start < o.end for o in others)


def _read(
    text: str,
    cands: list[Candidate],
    befores: list[tuple[str | None, bool]],
    cue_reader: CueReader,
) -> list[_Reading]:
    """Each candidate read in context (``befores``: :meth:`CueReader.cues_before` of each);
    names that need a cue and have none are dropped (names that are no place, e.g.
    neighborhoods, are never read: they give no reading)."""
    if not all(c.entry.places for c in cands):
        befores = [b for c, b in zip(cands, befores) if c.entry.places]
        cands = [c for c in cands if c.entry.places]
    cues = cue_reader.read_cues(text, [(c.start, c.end, True) for c in cands], befores)
    # «استان X» anywhere makes a bare X the province (else the city of that name)
    established = {
        p.name
        for c, cue in zip(cands, cues)
        if cue == "province"
        for p in c.entry.places
        if p.kind == "province"
    }
    out = [_reading(c, cue, established) for c, cue in zip(cands, cues)]
    _provinces_in_lists(text, out)
    # names that need only some context: accepted when the article is about their province
    context = {r.cand.entry.places[0].province for r in out if r is not None and r.as_province}
    context |= {
        r.rows[0].province
        for r in out
        if r is not None and r.rows and len({x.province for x in r.rows}) == 1
    }
    for i, (c, cue) in enumerate(zip(cands, cues)):
        if out[i] is None and cue != "outlet" and c.entry.needs_cue in ("weak", "context"):
            if any(p.province in context for p in c.entry.places):
                out[i] = _reading(c, "context", established)
    return [r for r in out if r is not None]


def _provinces_in_lists(text: str, out: list[_Reading | None]) -> None:
    """«بین گلستان و سمنان», «به اصفهان و چهارمحال و بختیاری»: a province-and-capital name
    listed beside a province, with no kind cue of its own, is the province too."""
    for order in (range(1, len(out)), range(len(out) - 1, 0, -1)):
        for i in order:
            a, b = out[i - 1], out[i]
            if a is None or b is None or a.as_province == b.as_province:
                continue
            if not joined_by_list(text, a.cand.end, b.cand.start):
                continue
            x = b if a.as_province else a
            if x.cand.entry.provinces and x.cue not in KIND_CUES and x.cue != "facility":
                out[out.index(x)] = _Reading(x.cand, x.cue, True, ())


def _reading(c: Candidate, cue: str | None, established: set[str]) -> _Reading | None:
    entry = c.entry
    if not entry.places or cue == "outlet":
        return None
    need = entry.needs_cue
    if need is not None and not _cue_enough(need, cue):
        return None
    provinces = entry.provinces
    if cue == "nb" and entry.neighborhoods:
        return None
    if cue == "island":
        # «جزیره کیش»; «جزایر مرکزی تنگه هرمز» names no province
        return _Reading(c, cue, False, entry.others_by_kind) if entry.others else None
    if cue == "province" and not provinces:
        # «استان‌های گیلان، مازندران و گرگان»: an old or loose name of a province, not the
        # town of that name
        return None
    if provinces and cue not in PLACE_KINDS:
        # a province and its capital: «استان X», «استاندار X» are the province; «در X», «از X»,
        # a dateline, or a bare X in an article that never writes «استان X», the city
        as_city = cue in ("weak", "dateline", "facility") or (
            cue not in ("province", "office") and provinces[0].name not in established
        )
        if entry.capital and as_city:
            return _Reading(c, cue, False, entry.capital_by_kind)
        return _Reading(c, cue, True, ())
    if not entry.others:
        return _Reading(c, cue, True, ())
    return _Reading(c, cue, False, _prefer_kind(entry.others, entry.others_by_kind, cue))


def _cue_enough(need: str, cue: str | None) -> bool:
    if cue in KIND_CUES or cue in ("dateline", "context"):
        return True
    return need == "weak" and cue in ("weak", "list", "facility")


def _prefer_kind(
    rows: tuple[GeoPlace, ...], by_kind: tuple[GeoPlace, ...], cue: str | None
) -> tuple[GeoPlace, ...]:
    """The rows of the kind the cue names, else all rows (``by_kind``: cities first)."""
    if cue in PLACE_KINDS:
        same = tuple(r for r in rows if r.kind == cue)
        if same:
            return same
        if cue == "city":  # «شهر X» where X is listed as a county only
            return rows
    return by_kind


def _resolve(readings: list[_Reading]) -> tuple[list[GeoHit], list[str]]:
    """Pick one row per place reading, using the provinces the article names or implies."""
    known = {r.cand.entry.places[0].province for r in readings if r.as_province}
    for r in readings:
        provs = {row.province for row in r.rows}
        if len(provs) == 1:
            known |= provs
    hits: list[GeoHit] = []
    ambiguous: list[str] = []
    for r in readings:
        c = r.cand
        if r.as_province:
            prov = next(p for p in c.entry.places if p.kind == "province")
            hits.append(GeoHit(c.start, c.end, prov.name, "province", prov.name))
            continue
        row, ok = _pick(r.rows, known)
        if not ok:
            ambiguous.append(row.name)
        hits.append(GeoHit(c.start, c.end, row.name, row.kind, row.province if ok else None))  # type: ignore[arg-type]
    return hits, sorted(set(ambiguous))


def _pick(rows: tuple[GeoPlace, ...], known: set[str]) -> tuple[GeoPlace, bool]:
    """One row; False when the province stays ambiguous."""
    provs = {r.province for r in rows}
    if len(provs) == 1:
        return rows[0], True
    in_article = [r for r in rows if r.province in known]
    if len({r.province for r in in_article}) == 1:
        return in_article[0], True
    pool = in_article or list(rows)
    counties = {r.name for r in pool if r.kind == "county"}
    seats = [r for r in pool if r.county == r.name or r.name in counties]
    if len({r.province for r in seats}) == 1:
        return seats[0], True
    return pool[0], False
