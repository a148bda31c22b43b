"""Names after their office (see :mod:`.apposition` for the evidence that a phrase is a name).

The same names after their office, in the order news Persian uses for foreign and
well-known officials («صدراعظم [هلگا برندت] خواست ...», «رئیس‌جمهور فرانسه [ژان دوپون] گفت»):

    OFFICE-FIRST := OFFICE NAME END
                  | PLURAL-OFFICE («از جمله» | «شامل» | «یعنی» | «:») NAME (LSEP NAME)*
                    (each listed name holds the office: «نمایندگان مجلس از جمله A، B و C»)
    END          := punctuation | a verb | the text's end
    NAME         := two words or more with GIVEN (not an ambiguous one: ambiguous_given.txt),
                    SHAPE or FOREIGN evidence, no word after the first a frequent word or an
                    adverb in «ا», none under three letters, no word written with ZWNJ but a
                    surname («...‌زاده»); right after a whole office (no head that needs
                    its organization: «صدراعظم», «نخست‌وزیر») that swallowed it as its
                    complement, or right after an office its place or country closed; never
                    the brand name after an organization noun («شرکت», «باشگاه»: org_nouns.tsv,
                    eponym_nouns.txt)
"""

from __future__ import annotations

from ...doc import GeoHit
from ...text.keys import match_key
from .apposition import _MAX_WORDS, _bare_name, _judge, _word
from .lexicon import Lexicon
from .names import NameMention
from .titles import LIST_SEPS, TitleMention
from .tokens import Tokens

__all__ = ["names_after_offices"]


def names_after_offices(
    tokens: Tokens,
    keys: list[str],
    titles: list[TitleMention],
    names: list[NameMention],
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
) -> tuple[list[TitleMention], list[NameMention]]:
    """OFFICE-FIRST (see the module): the offices, those that had swallowed their holder's
    name cut before it, and the names found after them, each with its office set."""
    starts = {n.first for n in names}
    busy: set[int] = set()
    for n in names:
        busy.update(range(n.first, n.last))
    out_t: list[TitleMention] = []
    out_n: list[NameMention] = []
    by_first = {n.first: n for n in names}
    for k, t in enumerate(titles):
        nxt = titles[k + 1].first if k + 1 < len(titles) else len(keys)
        got = None
        if t.entry.plural:
            _members(keys, t, by_first)  # «نمایندگان ... از جمله A، B و C»
        elif t.place is not None or t.national:
            got = _after(tokens, keys, t, nxt, starts, busy, geo_at, lex)
        if got is None and t.place is None:
            got = _tail(tokens, keys, t, lex, geo_at, busy)
        if got is not None:
            t, found = got
            out_n.append(found)
        out_t.append(t)
    return out_t, out_n


_INCLUDING = (("از", "جمله"), ("ازجمله",), ("شامل",), ("یعنی",), (":",))


def _members(keys: list[str], t: TitleMention, by_first: dict[int, NameMention]) -> None:
    """MEMBERS := PLURAL-OFFICE («از جمله» | «شامل» | «یعنی» | «:») NAME (LSEP NAME)*: each
    name of the list holds the office («نمایندگان مجلس از جمله [A]، [B] و [C]»). Only names
    the name grammar found (a known given name or an honorific) count as members."""
    j = t.last
    for form in _INCLUDING:
        if tuple(keys[j : j + len(form)]) == form:
            j += len(form)
            break
    else:
        return
    while (n := by_first.get(j)) is not None and n.office is None:
        n.office = TitleMention(t.first, t.last, t.title, t.entry, national=t.national)
        j = n.last
        if j < len(keys) and keys[j] in LIST_SEPS:
            j += 1
        if j < len(keys) and keys[j] == "و":
            j += 1


def _after(
    tokens: Tokens,
    keys: list[str],
    t: TitleMention,
    nxt: int,
    starts: set[int],
    busy: set[int],
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
) -> tuple[TitleMention, NameMention] | None:
    """A name right after an office its place or country closed: «رئیس‌جمهور فرانسه [ژان
    دوپون] گفت»."""
    a = t.last
    if a in starts or a >= nxt:
        return None
    e = a
    while e < nxt and e - a <= _MAX_WORDS and _word(tokens, keys, e, busy, geo_at, lex):
        e += 1
    if e - a < 2 or e - a > _MAX_WORDS or not _end(keys, e, lex):
        return None
    found = _judge_after(tokens, keys, a, e, lex)
    if found is None:
        return None
    found.office = t
    return t, found


def _tail(
    tokens: Tokens,
    keys: list[str],
    t: TitleMention,
    lex: Lexicon,
    geo_at: dict[int, GeoHit],
    busy: set[int],
) -> tuple[TitleMention, NameMention] | None:
    """A name the office's complement words swallowed right after a whole office (not a head
    that needs its organization): «صدراعظم [هلگا برندت] خواست»."""
    e = t.last
    head = lex.phrase(keys, t.first, "title")
    if not _end(keys, e, lex) or head is None or lex.titles[head[0]].cls == "head":
        return None
    for a in (t.first + head[1],):
        words = tokens.texts[a:e]
        cut = " " + " ".join(words)
        if not t.title.endswith(cut) or len(t.title) == len(cut):
            continue
        if keys[a - 1] in lex.eponym_nouns or lex.phrase(keys, a - 1, "orgnoun") is not None:
            continue  # «شرکت [فناوری آرسان]»: a brand name, the organization's own
        if not all(_word(tokens, keys, i, busy, geo_at, lex) for i in range(a, e)):
            continue
        found = _judge_after(tokens, keys, a, e, lex)
        if found is None:
            continue
        rest = t.title[: -len(cut)]
        short = TitleMention(
            t.first,
            a,
            rest,
            t.entry,
            place=t.place,
            national=t.national,
            province_word=t.province_word,
            org_level=t.org_level,
            local=t.local,
        )
        found.office = short
        return short, found
    return None


def _judge_after(
    tokens: Tokens, keys: list[str], a: int, e: int, lex: Lexicon
) -> NameMention | None:
    """A NAME of OFFICE-FIRST: two words or more in Persian letters, a known given name first
    or no adjective and no last word in «ی» (:func:`_bare_name`)."""
    ks = keys[a:e]
    if any(c.isascii() for k in ks for c in k):
        return None  # «Interactive Entertainment»: a name in Latin letters is a brand's
    if any(k in lex.frequent or k.endswith("ا") and k not in lex.given for k in ks[1:]):
        return None  # «... [سوگند یاد] کرد», «[رسما] ...»: a predicate or an adverb, no name
    if any(len(k) < 3 for k in ks) or any(_compound(w, lex) for w in tokens.texts[a:e]):
        return None  # «[پیش‌ازاین دراین‌باره] گفت», «... [‌ام] نبود»
    if ks[0] in lex.ambiguous_given or ks[0] not in lex.given and not _bare_name(ks, lex):
        return None
    return _judge(tokens, keys, a, e, lex)


def _compound(word: str, lex: Lexicon) -> bool:
    """A word written with ZWNJ that is no surname («احمدی‌نژاد»): a transliterated name has none."""
    parts = word.split("\u200c")
    return len(parts) > 1 and match_key(parts[-1]) not in lex.suffix_tokens


def _end(keys: list[str], e: int, lex: Lexicon) -> bool:
    """END of OFFICE-FIRST: the text's end, punctuation or a verb (a function word may be
    the next phrase's: «رئیس‌جمهور [هفتم اسفند] و ...»)."""
    if e >= len(keys):
        return True
    k = keys[e]
    return not k or not k[0].isalpha() or lex.is_verb(k)
