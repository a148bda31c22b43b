"""Person names: where they start and end, from given-name data and surname morphology.

    NAME := HONORIFIC* [سید] GIVEN{1,2} SURNAME      («حجت‌الاسلام و المسلمین رضا جوکار»)
          | HONORIFIC+ [سید] SURNAME                 («دکتر طالبی», «سردار آذری»)
          | SURNAME-SHAPED  (right before an office) («پورمحمدی استاندار ...»)
    SURNAME := WORD SUFFIX*  [WORD SUFFIX*]         («صارمی زاده», «گلی کانی», «حیدری بریدی»)

A surname word is never a stop word, an office, an honorific, a verb or a place; a second
surname word is taken only when a boundary (punctuation, a stop word, an office, a verb)
follows it, so «حسن روحانی دقایقی قبل» stays «حسن روحانی».
"""

from __future__ import annotations

from dataclasses import dataclass

from ...doc import GeoHit
from ...text.keys import match_key
from .lexicon import Lexicon, TitleEntry
from .titles import TitleMention, after_apposition
from .tokens import Token, Tokens, is_word

__all__ = [
    "NameMention",
    "compound_noun",
    "ezafe_noun",
    "find_names",
    "nisba",
    "surname_shaped",
    "surname_text",
]


_SAYYID = frozenset({"سید"})


class NameParts:
    """A given name (or None) and a surname, as a mention or a person writes them."""

    __slots__ = ()
    given: str | None
    surname: str

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}" if self.given else self.surname

    @property
    def surname_key(self) -> str:
        return match_key(self.surname)


@dataclass(slots=True)
class NameMention(NameParts):
    """A person's name as written: token range, the name proper, its honorific."""

    first: int
    last: int  # exclusive
    given: str | None
    surname: str
    honorific: str | None = None
    rank: TitleEntry | None = None
    glued: bool = False
    person: int | None = None  # index of the person it refers to, set by coreference
    office: TitleMention | None = None  # the office it is in apposition to (:mod:`.apposition`)


def find_names(
    tokens: Tokens,
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
    keys: list[str] | None = None,
    title_at: list[int] | None = None,
    name_at: list[int] | None = None,
    sayyid_at: list[int] | None = None,
) -> list[NameMention]:
    """Every person-name candidate, left to right, not overlapping (``keys``: the tokens'
    keys; ``title_at``, ``name_at``: where an office, an honorific or a given name may
    start, see :meth:`Lexicon.openings`; ``sayyid_at``: the tokens of «سید»)."""
    if keys is None:
        keys = [t.key for t in tokens]
    out: list[NameMention] = []
    i = 0
    starts, before = _starts(keys, lex, title_at, name_at, sayyid_at)
    for c in starts:
        if c < i:
            continue
        m = _name_at(tokens, keys, c, geo_at, lex, before)
        if m is None:
            i = c + 1
            continue
        out.append(m)
        i = m.last
    return out


def _starts(
    keys: list[str],
    lex: Lexicon,
    title_at: list[int] | None = None,
    name_at: list[int] | None = None,
    sayyid_at: list[int] | None = None,
) -> tuple[list[int], set[int]]:
    """The tokens a name may start at, in order (an honorific, a given name or «سید», or a
    word right before an office), and those right before an office, past their surname
    suffixes (the only ones :func:`_before_office` may take). ``title_at``: where an
    office may start (``lex.openings(keys, "title")``)."""
    if title_at is None:
        title_at = lex.openings(keys, "title")
    suf = lex.suffix_tokens
    before: set[int] = set()
    for j in title_at:
        if keys[j] in suf:
            continue
        i = j - 1
        while i >= 0:
            before.add(i)
            if keys[i] not in suf:
                break
            i -= 1
    out = before.union(lex.openings(keys, "honorific", "given") if name_at is None else name_at)
    if sayyid_at is not None:
        out.update(sayyid_at)
    elif "سید" in keys:
        out.update([i for i, k in enumerate(keys) if k in _SAYYID])
    return sorted(out), before


def _name_at(  # noqa: C901 - the name grammar's alternatives, each a rule of its BNF
    tokens: Tokens,
    keys: list[str],
    i: int,
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
    before: set[int] | None = None,
) -> NameMention | None:
    """The name starting at token ``i``, or None; ``before``: the tokens right before an
    office (see :func:`_starts`), the only ones that may start a name of a lone surname."""
    k0 = keys[i]
    if not k0 or not k0[0].isalpha():  # not a word
        return None
    if i > 0 and keys[i - 1] in lex.eponym_nouns:  # «دانشگاه آزاد», «جشنواره شهید رجایی»
        return None
    office_next = before is None or i in before
    pre = lex.prefixes
    if k0 not in pre["honorific"] and k0 not in pre["given"] and k0 not in _SAYYID:
        return _before_office(tokens, keys, i, geo_at, lex) if office_next else None
    honorific: str | None = None
    rank: TitleEntry | None = None
    cleric = False  # «حجت‌الاسلام», «آیت‌الله»: only a name follows (no noun, as after «سردار»)
    j = i
    pre_hon, pre_giv = pre["honorific"], pre["given"]
    n_keys = len(keys)
    while j < n_keys:
        k = keys[j]  # (a phrase starts only at a key of its table's prefixes)
        hon = lex.phrase(keys, j, "honorific") if k in pre_hon else None
        giv = lex.phrase(keys, j, "given") if k in pre_giv else None
        if j == i and hon is None and giv is None and k0 not in _SAYYID:
            # no honorific, no «سید», no given name: only a lone surname before an office
            return _before_office(tokens, keys, i, geo_at, lex) if office_next else None
        if hon is None or (giv is not None and giv[1] > hon[1]):
            break
        canon, kind = lex.honorifics[hon[0]]
        cleric = cleric or kind == "cleric"
        if honorific is None:
            honorific = canon
        if kind == "military" and rank is None:
            rank = lex.titles.get(hon[0])
        j += hon[1]
    sayyid = j < len(tokens.keys) and keys[j] in _SAYYID
    g = j + 1 if sayyid else j
    dated = g > 0 and tokens.keys[g - 1][:1].isdigit()  # «22 بهمن»: a month, not a name
    given_end = None if dated else _given(keys, g, lex)
    after_honorific = honorific is not None and g < n_keys
    if given_end is None and after_honorific and keys[g] in lex.honorific_given:
        given_end = g + 1  # «مهندس [ولی] آذروش»: after an honorific «ولی» is the given name
    if (
        given_end is None
        and sayyid
        and g < len(tokens.keys)
        and not _bad_word(tokens, geo_at, lex, keys, g)
    ):
        given_end = g + 1  # «سید» always opens a name: «سید راضی نوری»
    if given_end is not None:
        lead = i >= 3 and keys[i - 1] == "،" and _after_credit(keys, i - 1)
        sur = _surname(tokens, keys, given_end, geo_at, lex, lead=lead)
        if sur is None and given_end - g > 1:  # «محمد حسین» + stop: the second is the surname
            given_end = g + 1
            sur = _surname(tokens, keys, given_end, geo_at, lex)
        if (
            sur is not None
            and honorific is None
            and not sayyid
            and _ambiguous(keys, g, given_end, sur, lex)
        ):
            sur = None  # «نظام پزشکی», «آزاد اسلامی»: a common word, not a given name
        if sur is not None:
            given = _given_text(tokens, g, given_end, lex, sayyid=sayyid)
            return NameMention(
                i,
                sur,
                given,
                surname_text(tokens, given_end, sur),
                honorific,
                rank,
                glued=not tokens.glued.isdisjoint(range(i, sur)),
            )
    if honorific is not None:
        sur = _surname(tokens, keys, j, geo_at, lex)
        plain = sur == j + 1 and lex.plain_noun(keys[j]) and not cleric
        if sur is not None and (plain or ezafe_noun(keys[j], lex)):
            sur = None  # «سردار مقاومت», «استاد [جغرافیای] سیاسی»
        if sur is None and given_end == j + 1 and lex.phrase(keys, j + 1, "title") is not None:
            sur = (
                j + 1
            )  # «دکتر [بهنام] معاون وزیر»: a given name used as a surname before an office
        if sur is not None:
            return NameMention(
                i,
                sur,
                None,
                surname_text(tokens, j, sur),
                honorific,
                rank,
                glued=not tokens.glued.isdisjoint(range(i, sur)),
            )
        return None
    return _before_office(tokens, keys, i, geo_at, lex) if office_next else None


# prepositions and pronouns: never a piece of a given name written in two words (but «ولی
# الله» is «ولی‌الله», though «ولی» alone is a conjunction)
_NOT_IN_NAMES = frozenset({"به", "از", "در", "با", "بر", "که", "من", "تو", "او", "این", "آن", "ان"})
_CREDIT_SPAN = 8  # «به گزارش خبرگزاری ... از ...،»: the credit's words before its comma


def _after_credit(keys: list[str], comma: int) -> bool:
    """Does the comma at ``comma`` close a news credit («به گزارش ایسنا،»)?"""
    for a in range(comma - 1, max(comma - _CREDIT_SPAN, 0) - 1, -1):
        if keys[a] == "گزارش" and a > 0 and keys[a - 1] == "به":
            return True
        if keys[a] in ("،", ".", "\n"):
            return False
    return False


def _given(keys: list[str], g: int, lex: Lexicon) -> int | None:
    first = lex.phrase(keys, g, "given")
    if first is None:
        return None
    end = g + first[1]
    if first[1] > 1 and any(k in _NOT_IN_NAMES for k in keys[g:end]):
        return None  # «[به من] پیشنهاد داد», «[به نام] ...»: function words, not «بهمن», «بهنام»
    second = lex.phrase(keys, end, "given")
    if second is not None and second[1] == 1 and keys[end] not in lex.stop:
        if first[0] + second[0] in lex.given:
            return end + 1
    return end


def _ambiguous(keys: list[str], g: int, given_end: int, sur: int, lex: Lexicon) -> bool:
    """A given name that is also a common word («آزاد», «نظام», «پیام») with no surname
    evidence after it: the surname is a common word, or a derived form of one."""
    if "".join(keys[g:given_end]) not in lex.ambiguous_given:
        return False
    k = keys[given_end]
    if k in lex.roles or k.endswith(lex.noun_endings) or k.endswith("ها"):
        return True  # «مایک [مربی]», «جان [جنگلها]»: a role noun or a plural
    if k in lex.frequent and not k.endswith(lex.suffix_endings):
        return True  # «مایک [سیستم]»: a frequent word with no surname ending
    if k.endswith(lex.suffix_endings):
        return nisba(k, lex)  # «حسینی» (from a given name) is a surname, «اسلامی» is not
    return k in lex.common


_BOUND_PREFIXES = frozenset({"بی", "نا", "هم", "خوش", "بد", "پیش", "پس", "خود"})


def compound_noun(word: str, lex: Lexicon) -> bool:
    """A word written with ZWNJ whose first part is a common word or a bound prefix and whose
    last part is no surname suffix: a compound noun («جمع‌بندی», «خوش‌بینی», «ورزش‌درمانی»),
    not a lone surname («احمدی‌نژاد», «هاشم‌زهی» end in a suffix)."""
    parts = word.split("\u200c")
    if len(parts) < 2 or match_key(parts[-1]) in lex.suffix_tokens:
        return False
    first = match_key(parts[0])
    return first in lex.common or first in _BOUND_PREFIXES


def nisba(k: str, lex: Lexicon) -> bool:
    """An adjective in -ی from a common noun that is not a given name («اسلامی», «پزشکی»,
    «جمهوری»); «حسینی», «کریمی», «رضایی» come from given names, as surnames often do."""
    if not k.endswith("ی"):
        return False
    for stem in (k[:-2], k[:-1]) if k.endswith("یی") else (k[:-1],):
        if stem in lex.common and stem not in lex.given:
            return True
    return False


def _given_text(tokens: Tokens, g: int, end: int, lex: Lexicon, *, sayyid: bool) -> str:
    k = "".join(tokens.keys[g:end])
    written = lex.given.get(k) or "".join(tokens.texts[g:end])
    return ("سید" + written) if sayyid else written


def _bad_word(
    tokens: Tokens, geo_at: dict[int, GeoHit], lex: Lexicon, keys: list[str], j: int
) -> bool:
    k = keys[j]
    pre = lex.prefixes  # (a phrase starts only at a key of its table's prefixes)
    return (
        not k
        or not k[0].isalpha()
        or len(k) < 2
        or k in lex.stop
        or k in lex.honorifics
        or k in pre["title"]
        and lex.phrase(keys, j, "title") is not None
        or k in pre["speech"]
        and lex.phrase(keys, j, "speech") is not None
        or k in pre["country"]
        and lex.phrase(keys, j, "country") is not None
        or tokens.starts[j] in geo_at
        or lex.is_verb(k)
    )


def _surname(
    tokens: Tokens,
    keys: list[str],
    j: int,
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
    *,
    lead: bool = False,
) -> int | None:
    """End (exclusive) of a surname starting at token ``j``, or None. ``lead``: the name is
    the news lead's subject (right after «به گزارش ...،»), whose noun phrase runs to the
    first function word or verb: a second surname word may be a common word there («به
    گزارش ایسنا، وحید قبادی [دانا] در جمع ...»), if not a frequent one."""
    if j >= len(tokens.keys) or _bad_word(tokens, geo_at, lex, keys, j):
        return None
    end = _suffixes(tokens, j + 1, lex)
    if end < len(tokens.keys) and end - j < 3:
        k2 = keys[end]
        after = _suffixes(tokens, end + 1, lex)
        if (
            not _bad_word(tokens, geo_at, lex, keys, end)
            and k2 not in lex.given
            and not _glued_junk(k2, lex)
            and (
                k2 not in lex.common
                or k2.endswith(lex.suffix_endings)
                or (k2 not in lex.frequent and (lead or _office_follows(keys, after, lex)))
            )  # not «... نسبت», but «علی الهیار [ترکمن] معاون ...»: the office says it
        ):
            light = after < len(keys) and lex.light_verbs.get(keys[after]) == "any"  # «[رای] دادند»
            if not light and _boundary(tokens, keys, after, geo_at, lex):
                end = after
    k1 = tokens.keys[j]
    if (
        end == j + 1
        and end < len(keys)
        and lex.light_verbs.get(keys[end]) == "any"
        and lex.plain_noun(k1)
    ):
        return None  # «آقای عارف [پیشنهاد] داده»: the noun of a complex predicate
    if (
        end == j + 1
        and len(k1) <= 3
        and k1 in lex.common
        and not k1.endswith(lex.suffix_endings)
        and not _office_follows(keys, end, lex)
    ):
        return None  # «بهنام کار»: a short common word alone is not a surname
    return end


def _office_follows(keys: list[str], j: int, lex: Lexicon) -> bool:
    """Does an office stand in apposition right after token ``j`` («[محسن نصر] وزیر ...»,
    «... نصر، معاون ...», «... نصر به سمت وزیر ...»)? The apposition is the context that
    says a short common word («نصر», «کار») is a surname."""
    j = after_apposition(keys, j)
    hit = lex.phrase(keys, j, "title") if j < len(keys) else None
    return hit is not None and lex.titles[hit[0]].cls in ("office", "head", "national")


_GLUE_HEADS = ("در", "عصر", "صبح", "ظهر", "شب", "امروز", "دیروز", "بعدازظهر")


def _glued_junk(k: str, lex: Lexicon) -> bool:
    """Two words glued by scraping («عصرامروز», «درحاشیه»): never part of a name."""
    return any(
        k.startswith(h) and (k[len(h) :] in lex.stop or k[len(h) :] in lex.common)
        for h in _GLUE_HEADS
        if len(k) > len(h) + 1
    )


def _suffixes(tokens: Tokens, j: int, lex: Lexicon) -> int:
    while j < len(tokens.keys) and tokens.keys[j] in lex.suffix_tokens:
        j += 1
    return j


def _boundary(
    tokens: Tokens, keys: list[str], j: int, geo_at: dict[int, GeoHit], lex: Lexicon
) -> bool:
    if j >= len(tokens.keys):
        return True
    return _bad_word(tokens, geo_at, lex, keys, j)


def surname_text(tokens: Tokens, a: int, b: int) -> str:
    out = ""
    for k, w in zip(tokens.keys[a:b], tokens.texts[a:b]):
        if out:
            out += "\u200c" if k in _GLUED_SUFFIXES else " "
        out += w
    return out


_GLUED_SUFFIXES = frozenset(("زاده", "پور", "نیا", "فر", "فرد", "منش", "نژاد", "وند", "راد", "کیا"))


def _before_office(
    tokens: Tokens, keys: list[str], i: int, geo_at: dict[int, GeoHit], lex: Lexicon
) -> NameMention | None:
    """A surname alone right before an office: «پورمحمدی استاندار آذربایجان شرقی»."""
    k = keys[i]
    end = _suffixes(tokens, i + 1, lex)
    if end >= len(keys) or keys[end] not in lex.prefixes["title"]:
        return None
    if end == i + 1 and not k.endswith(lex.suffix_endings):
        return None
    if k in lex.given or k in lex.stop or _bad_word(tokens, geo_at, lex, keys, i):
        return None
    if i > 0 and keys[i - 1] + k in lex.compounds:
        return None  # «بین [المللی] وزیر ...»: the end of a compound written apart
    if end == i + 1 and (
        _derived(k, lex) or k.endswith(lex.noun_endings) or compound_noun(tokens.texts[i], lex)
    ):
        return None  # «امضای», «اجرایی», «جمع‌بندی»
    nxt = lex.phrase(keys, end, "title")
    if nxt is None or lex.titles[nxt[0]].cls not in ("office", "head", "national"):
        return None
    return NameMention(i, end, None, surname_text(tokens, i, end))


def ezafe_noun(k: str, lex: Lexicon) -> bool:
    """A common noun in «ا» with the ezafe «ی» («جغرافیای», «ندای»): the head of a noun
    phrase, no surname («خامنه‌ای» is no noun «خامنه‌ا»)."""
    return k.endswith("ای") and k[:-1] in lex.common


def _derived(k: str, lex: Lexicon) -> bool:
    """An adjective or an ezafe form of a common word, not a surname on its own."""
    return (
        k in lex.adjectives
        or k.endswith("ای")
        or k[:-1] in lex.common
        or (k.endswith("یی") and k[:-2] in lex.common)
    )


def surname_shaped(tok: Token, lex: Lexicon, geo_at: dict[int, GeoHit]) -> bool:
    """A lone word that looks like a surname: a surname ending, not a common word, not a
    given name, verb or place («ربیعی», «جلودارزاده»), never an ezafe form («امضای»)."""
    k = tok.key
    if len(k) < 4 or not is_word(tok) or k in lex.given or k in lex.stop:
        return False
    if _derived(k, lex) or k.endswith(lex.noun_endings) or compound_noun(tok.text, lex):
        return False
    if tok.start in geo_at or lex.is_verb(k):
        return False
    return k.endswith(lex.suffix_endings) and k not in lex.titles and k not in lex.honorifics
