"""The officials stage: every named person the article presents with an office or rank.

``match()`` is pure (tokens, office and name mentions, coreference); ``set_annotations()``
turns the persons into SPEC ``Official`` records with spans into the original text. The
grammar lives in :mod:`.titles` and :mod:`.names`, the lexicon in
``resources/officials/``, the coreference in :mod:`.coref`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...doc import Doc, GeoHit
from ...records import Official
from ...text.keys import match_key
from ..base import Stage
from .appointment import appointments
from .apposition import apposed_names
from .chain import MARKS as CHAIN_MARKS
from .coref import Person, Resolver
from .lexicon import Lexicon
from .names import NameMention, find_names
from .office_first import names_after_offices
from .titles import TitleMention, find_titles
from .tokens import Tokens, tokenize

__all__ = ["OfficialsStage"]


_NAME_TABLES = ("honorific", "given")
# the fixed keys an article is scanned for, found in the openings' one pass: the speaker
# chain's sentence ends and stops (codes 1, 2) and «سید», which opens a name (code 3)
_END, _STOP, _SAYYID = 1, 2, 3
_MARKS = (*CHAIN_MARKS, ("سید", _SAYYID))


def _resolve(
    doc: Doc,
    lex: Lexicon,
    tokens: Tokens,
    geo_at: dict[int, GeoHit],
    title_at: list[int],
    name_at: list[int],
    titles: list[TitleMention],
    marked: list[list[int]],
) -> Resolver:
    """:func:`match` past the offices: names, coreference, the speaker chain (``marked``:
    the tokens of :data:`_MARKS`, by code)."""
    keys = tokens.keys
    found = find_names(tokens, geo_at, lex, keys, title_at, name_at, marked[_SAYYID])
    names = _bare_outside(found, titles)
    spans = [(n.first, n.last) for n in names]
    titles = _outside(titles, spans)
    more = apposed_names(tokens, keys, titles, names, geo_at, lex)
    titles, after = names_after_offices(tokens, keys, titles, names + more, geo_at, lex)
    more += after
    posts = appointments(tokens, keys, names + more, geo_at, lex)
    if posts:
        titles = sorted(titles + posts, key=lambda t: t.first)
    if more:
        names = sorted(names + more, key=lambda n: n.first)
        spans = [(n.first, n.last) for n in names]
    res = Resolver(tokens, doc.work, lex, geo_at, keys)
    res.link(names, titles)
    res.parallel(names)
    taken = [(tokens.starts[a], tokens.end(b - 1)) for a, b in spans]
    taken += [(tokens.starts[t.first], tokens.end(t.last - 1)) for t in titles]
    extra = res.surname_mentions(taken)
    res.later_appositions(extra)
    res.chain(names, extra, (marked[_END], marked[_STOP]))
    return res


def _outside(titles: list[TitleMention], spans: list[tuple[int, int]]) -> list[TitleMention]:
    """The offices that overlap no name (``spans``: the names' token ranges, left to right and
    disjoint, so the ends ascend too): one bisection per office."""
    if not spans:
        return titles
    firsts = [a for a, _b in spans]
    out = []
    for t in titles:
        k = bisect_left(firsts, t.last) - 1  # the last name starting before the office ends
        if k < 0 or spans[k][1] <= t.first:
            out.append(t)
    return out


def _bare_outside(names: list[NameMention], titles: list[TitleMention]) -> list[NameMention]:
    """The names, less the bare surnames (no given name, no honorific) inside an office: the
    office's grammar outweighs a lone surname-shaped word («معاون علمی و [فناوری] ...»); and
    less any name inside the office of a person («نماینده [آیت‌الله سیستانی]»)."""
    if not titles:
        return names
    firsts = [t.first for t in titles]
    out = []
    for n in names:
        k = bisect_right(firsts, n.first) - 1  # the last office starting at or before the name
        inside = k >= 0 and titles[k].first < n.first and n.last <= titles[k].last
        if not inside or (n.given or n.honorific) and not titles[k].of_person:
            out.append(n)
    return out


def _no_post(lex: Lexicon, keys: list[str]) -> bool:
    """No rank and no office noun («معاونت») in the text: with no office either, no official."""
    return _no_rank(lex, keys) and lex.office_nouns.keys().isdisjoint(keys)


def _no_rank(lex: Lexicon, keys: list[str]) -> bool:
    """True when no military honorific (the only source of a rank) can start at any token:
    a phrase starts with a token whose key is a prefix of the phrase's key."""
    pre = lex.memo.military
    if pre is None:
        pre = lex.memo.military = frozenset(
            k[:n]
            for k, (_canon, kind) in lex.honorifics.items()
            if kind == "military"
            for n in range(1, len(k) + 1)
        )
    return pre.isdisjoint(keys)


def _geo_index(text: str, geo: list[GeoHit], tokens: Tokens, keys: list[str]) -> dict[int, GeoHit]:
    """Geo hits by start offset, plus every other token run written like one of them (the
    places stage names each place once it is sure of it; an office repeats it)."""
    at = {h.start: h for h in geo}
    written = [text[h.start : h.end] for h in geo]
    # each distinct place text keyed once (a place is named again and again; a dict
    # comprehension over ``written`` would key every mention)
    keyed = {w: match_key(w) for w in dict.fromkeys(written)}
    surfaces = {keyed[w]: h for w, h in zip(written, geo) if h.kind != "neighborhood"}
    if not surfaces:
        return at
    longest = max([len(w.split()) for w in keyed])
    # every prefix of a surface key: a run that leaves them can never become one
    pre = set().union(*map(_prefixes, surfaces))
    if "" in surfaces:
        pre.add("")
    n_tok = len(tokens.keys)
    for i in [i for i, k in enumerate(keys) if k in pre]:
        start = tokens.starts[i]
        if start in at:
            continue
        acc = ""
        for n in range(min(longest, n_tok - i)):
            acc += keys[i + n]
            if acc not in pre:
                break
            h = surfaces.get(acc)
            if h is not None:
                at[start] = GeoHit(start, tokens.end(i + n), h.name, h.kind, h.province, h.city)
    return at


def _prefixes(k: str) -> tuple[str, ...]:
    return tuple(k[:n] for n in range(1, len(k) + 1))


class OfficialsStage(Stage):
    """Named persons with an office or a rank, their jurisdiction and honorific, one per
    person (coreference links the later mentions)."""

    name = "officials"
    reads = ("work", "geo")
    writes = ("officials", "warnings")

    def match(self, doc: Doc) -> Resolver | None:
        """The persons of ``doc`` (pure: reads ``doc.work`` and ``doc.geo``); None, early,
        when the article can hold no official: an official needs an office or a rank, so with
        no office, no office noun («معاونت») and no military honorific (a rank) in the text
        names are never looked for."""
        lex = self.resources.officials
        tokens = tokenize(doc.work, lex)
        keys = tokens.keys
        title_at, name_at, marked = lex.openings_marked(keys, ("title",), _NAME_TABLES, _MARKS)
        if not title_at and _no_post(lex, keys):
            return None
        geo_at = _geo_index(doc.work, doc.geo, tokens, keys)
        titles = find_titles(tokens, geo_at, lex, keys, title_at)
        if not titles and _no_post(lex, keys):
            return None
        return _resolve(doc, lex, tokens, geo_at, title_at, name_at, titles, marked)

    def set_annotations(self, doc: Doc, res: Resolver | None) -> None:
        if res is None:
            return
        province = _main_province(doc.geo)
        local = _main_local(doc.geo)
        seen: set[str] = set()
        for p in res.persons:
            official = _official(doc, p, province, local)
            if official is None or official.name in seen:
                continue
            seen.add(official.name)
            doc.officials.append(official)
            for glued in p.glued:
                doc.warn("W301", glued)
        for t in res.unnamed:
            doc.warn("W302", t.title)


def _official(doc: Doc, p: Person, province: str | None, local: str | None) -> Official | None:
    if p.titles:
        titles = _main_first(p.titles)
        title, juris = titles[0].title, _jurisdiction(titles, province, local)
    elif p.rank and p.rank != "امیر":  # «امیر» alone is as often a given name
        title, juris = p.rank, None
    else:
        return None
    honorific = p.honorific if p.honorific_kind != "polite" else None
    return Official(
        name=p.name,
        title=title,
        jurisdiction=juris,
        honorific=honorific,
        mentions=doc.spans(p.ranges),
    )


def _main_first(titles: list[TitleMention]) -> list[TitleMention]:
    """The person's main office first: the one the article uses most (the first on a tie)."""
    counts: dict[str, int] = {}
    for t in titles:
        counts[t.title] = counts.get(t.title, 0) + 1
    best = max(counts.values())
    main = next(t.title for t in titles if counts[t.title] == best)
    return [t for t in titles if t.title == main] + [t for t in titles if t.title != main]


def _jurisdiction(
    titles: list[TitleMention], province: str | None, local: str | None
) -> str | None:
    main = titles[0]
    if main.national or main.entry.level == "national":
        return None
    for t in titles:
        if t.title == main.title and t.place is not None:
            return t.place.name
    if local is not None and any(t.local for t in titles if t.title == main.title):
        return local
    if any(t.province_word for t in titles if t.title == main.title):
        return province
    if main.entry.level == "province" or main.org_level == "province":
        return province
    return None


def _main_local(geo: list[GeoHit]) -> str | None:
    """The county or city the article names most (the first on a tie): the place of «فرماندار
    این شهرستان» and of a city district's office («شهردار منطقه ۹»)."""
    counts: dict[str, int] = {}
    for h in geo:
        if h.kind in ("county", "city"):
            counts[h.name] = counts.get(h.name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _main_province(geo: list[GeoHit]) -> str | None:
    counts: dict[str, int] = {}
    for h in geo:
        if h.province:
            counts[h.province] = counts.get(h.province, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None  # the first on a tie
