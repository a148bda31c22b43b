"""Names in apposition to an office, whether the lexicon knows them or not.

A noun phrase right before an office, set off by nothing or a light separator, is the office
holder's name in news Persian («[میگل آنخل موراتینوس]» وزیر امور خارجه اسپانیا», «[ولادیمیر
لئونتیف]، معاون ...»). The grammar, and the evidence that the phrase is a person's name:

    APPOSITION := EDGE NAME GLOSS? SEP? OFFICE
                | EDGE ITEM (LSEP ITEM)* و ITEM SEP? PLURAL-OFFICE PLACE (LSEP PLACE)* و PLACE
                  (names and places paired by order; «نمایندگان», «وزرای»: plurals.tsv; with
                  more places than names, an «و» other than the list's last joins two places
                  into one constituency, whose first place is the jurisdiction)
    SEP        := «،» | «-» | «؛» | «»» | «"» | «:»
    GLOSS      := «"»? «(» LATIN-WORD+ «)»  (the name in Latin letters: «"جیم رایان"(Jim Ryan)»)
    LSEP       := «،» | «و»
    EDGE       := the text's start | punctuation | a function word (stopwords.txt) | a verb
                | an honorific (honorifics.tsv); never «به گزارش» (the source's slot)
    NAME       := WORD (PARTICLE? WORD){0,3}
    PARTICLE   := «بن» | «آل» | ... (name_particles.txt)
    WORD       := a word that is no function word, office, honorific, verb, place, country or
                  number,
                  and has no noun ending (noun_endings.txt: «نهادهای», «شفافیت»)
    ITEM       := a name found by :mod:`.names` | WORD | WORD WORD  (a list of surnames; two
                  words when a list separator is before them and the first is no given name
                  and no frequent word: «...، [فلاحت کوهی] و ...»)

    A name the name grammar ended one or two words before an office takes those words as
    the rest of its surname («[خوزه لوئیس] رودریگز زاپاترو نخست‌وزیر»).

    After «و» that ends an apposition («A TITLE و [B] TITLE»), one or two words are a name
    whatever they are (the coordination of two appositions is the evidence), but no noun
    ending and no compound written with ZWNJ.

    Without a clean EDGE («دستگیری [صلاح‌الدین دمیرتاش] رهبر ...»), the longest run of words
    that is a NAME by GIVEN, or by SHAPE/FOREIGN with two words or more, none an adjective
    and the last not in «ی» (a noun and its adjective are no name); a lone SHAPE word after a
    noun in «ی» or an ezafe form, whose complement it is («برکناری [طاهرخانی]، شهردار ...»).

    NAME is never a compound written apart (two tokens, or the word before and the first,
    that join into a word of hazm's list written with ZWNJ: «بین [المللی]», «[اطلاع رسانی]»).
    Nor a phrase that opens with a noun whose genitive is a person (genitive_heads.tsv): «[دوران
    X]، رئیس ... بود», «[داماد X] مشاور ...» hold no name; after «دفتر», «کانال» the rest may.
    Nor a plural noun before its last word (hazm's PL words: «[تدابیر نورانی]»), nor a lone
    noun in the ezafe («به [ندای] رهبر»).
    NAME is a person's name when one of these holds:
      GIVEN    its first word is a known given name (given_names.txt)      «حسین عرب»
      SUFFIX   two words, the second a surname suffix written apart («طاهری نسب», «حسن پور»)
      SHAPE    its last word ends like a surname (surname_suffixes.tsv) and no other word is
               a common word, and the words are no noun and its adjective (a first word in
               «ی» from a common noun or in the ezafe «ای» before the last: «[سخنرانی
               عمومی]»);
               a lone word is not even a word of the attested list
               (known_words.txt) nor the adjective of a common noun («اسلامی»)
                                                                           «سورنا ستاری»
      NASAB    «بن»/«بنت»/«ابن» between two of its words: the Arabic «X son of Y» «تمیم بن حمد»
      FOREIGN  two words or more, none of them a common Persian word (frequent_words.txt,
               the most frequent words of hazm's corpus), none an adjective (adjectives.txt,
               but «اسد» is a given name too) or the adjective of a common noun: a name in
               transliteration                             «آنگلا مرکل»

A common word is rarely a name; here the office next to it is the context that says it is one,
and still one of the three kinds of evidence must hold.
"""

from __future__ import annotations

from ...doc import GeoHit
from .lexicon import Lexicon
from .names import NameMention, compound_noun, ezafe_noun, nisba, surname_text
from .titles import LIST_SEPS, TitleMention
from .tokens import Tokens

__all__ = ["apposed_names"]

_SEPS = frozenset({"،", "-", "؛", "»", '"', ":", ",", "/"})
_MAX_WORDS = 4
_SOURCE = frozenset({("به", "گزارش")})  # the news source's slot («به نقل از» may quote a person)


def apposed_names(
    tokens: Tokens,
    keys: list[str],
    titles: list[TitleMention],
    names: list[NameMention],
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
) -> list[NameMention]:
    """The names in apposition before each office that :func:`.names.find_names` did not
    find (``names``), each with its office set (``NameMention.office``); a list of names
    before a plural office shares it, paired with a list of places by order."""
    busy: set[int] = set()
    for n in names:
        busy.update(range(n.first, n.last))
    for t in titles:
        busy.update(range(t.first, t.last))
    by_last = {n.last: n for n in names}
    out: list[NameMention] = []
    # the offices with a holder so far, by the token after them: «A TITLE و [B] TITLE»
    ends: dict[int, NameMention] = {}
    for t in titles:
        if (t.first in by_last) or (t.first > 0 and t.first - 1 in by_last):
            ends[t.last] = by_last.get(t.first) or by_last[t.first - 1]
    for t in titles:
        j = t.first - 1 if t.first > 0 and keys[t.first - 1] in _SEPS else t.first
        glossed = _before_gloss(keys, j)
        if glossed != j and glossed in by_last and by_last[glossed].office is None:
            by_last[glossed].office = t  # «"[جیم رایان]"(Jim Ryan)، رئیس ...»: past the gloss
        j = glossed
        if j in by_last:
            if t.entry.plural:
                _share(tokens, keys, t, by_last[j], by_last, busy, geo_at, lex, out)
            continue
        if _extend(tokens, keys, j, by_last, busy, geo_at, lex, t):
            continue  # «[خوزه لوئیس] رودریگز زاپاترو نخست‌وزیر»: the name goes on to the office
        a = _run_start(tokens, keys, j, busy, geo_at, lex)
        if a is None or tuple(keys[max(0, a - 2) : a]) in _SOURCE:
            continue  # «به گزارش [ایسنا نیوز]، وزیر ...»: the source, not the office holder
        found = _judge(tokens, keys, a, j, lex) or _coordinated_holder(
            tokens, keys, a, j, ends, lex
        )
        while found is None and j - a >= 2:  # «دستگیری [صلاح‌الدین دمیرتاش] رهبر ...»
            a += 1
            found = _judge(tokens, keys, a, j, lex) if keys[a] not in lex.particles else None
            if found is not None and found.given is None and not _bare_name(keys[a:j], lex):
                lone = j - a == 1 and not keys[a].endswith("ای")
                found = found if lone and _noun_phrase(keys[a - 1 : a + 1], lex) else None
        if found is None:
            continue
        found.office = t
        busy.update(range(a, j))
        ends[t.last] = found
        out.append(found)
        if t.entry.plural:
            _share(tokens, keys, t, found, by_last, busy, geo_at, lex, out)
    return out


_NASAB = frozenset({"بن", "بنت", "ابن"})
_QUOTES = frozenset({'"', "»", "”"})
_MAX_GLOSS = 6


def _before_gloss(keys: list[str], j: int) -> int:
    """Step back over what may stand between a name and its office: the name's spelling in
    Latin letters in brackets and the quote closing the name («"[جیم رایان]"(Jim Ryan)،
    رئیس ...»). ``j``: the token after the name as the office sees it."""
    if j > 0 and keys[j - 1] in _QUOTES:
        j -= 1  # «"[جان جنسن] John Jensen"، فرمانده ...»
    if j > 0 and keys[j - 1] == ")":
        i = j - 2
        while i >= 0 and j - i <= _MAX_GLOSS and keys[i] != "(":
            if not keys[i].isascii():
                return j
            i -= 1
        if i < 0 or keys[i] != "(" or i == j - 2:
            return j
        j = i
    k = j
    while k > 0 and j - k < _MAX_GLOSS and keys[k - 1].isascii() and keys[k - 1][:1].isalpha():
        k -= 1  # the name in Latin letters without brackets
    j = k
    if j > 0 and keys[j - 1] in _QUOTES:
        j -= 1
    return j


def _word(
    tokens: Tokens, keys: list[str], i: int, busy: set[int], geo_at: dict[int, GeoHit], lex: Lexicon
) -> bool:
    """Can token ``i`` be a word of a name?"""
    k = keys[i]
    return (
        len(k) >= 2
        and k[0].isalpha()
        and not k.isascii()  # Persian script only (a Latin gloss is skipped, not a name word)
        and i not in busy
        and k not in lex.stop
        and k not in lex.honorifics
        and tokens.starts[i] not in geo_at
        and (k not in lex.prefixes["title"] or lex.phrase(keys, i, "title") is None)
        and (k not in lex.prefixes["country"] or lex.phrase(keys, i, "country") is None)
        and not lex.is_verb(k)
    )


def _edge(keys: list[str], i: int, lex: Lexicon) -> bool:
    """Can a name start right after token ``i`` (-1: the text's start)?"""
    if i < 0:
        return True
    k = keys[i]
    return not k or not k[0].isalpha() or k in lex.stop or k in lex.honorifics or lex.is_verb(k)


def _run_start(
    tokens: Tokens, keys: list[str], j: int, busy: set[int], geo_at: dict[int, GeoHit], lex: Lexicon
) -> int | None:
    """The first token of the name ending before token ``j``: the words back to an edge, at
    most four (particles not counted), or None."""
    a, words = j, 0
    while a > 0 and (
        _word(tokens, keys, a - 1, busy, geo_at, lex)
        or _particle(keys, a - 1, j, lex)
        or _nasab_word(keys, a - 1, j, busy)
    ):
        a -= 1
        if keys[a] not in lex.particles:
            words += 1
        if words > _MAX_WORDS:
            return None
    if a == j or keys[a] in lex.particles or not _edge(keys, a - 1, lex):
        return None
    return a


def _particle(keys: list[str], i: int, j: int, lex: Lexicon) -> bool:
    return keys[i] in lex.particles and 0 < i < j - 1


def _extend(
    tokens: Tokens,
    keys: list[str],
    j: int,
    by_last: dict[int, NameMention],
    busy: set[int],
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
    t: TitleMention,
) -> bool:
    """EXTENDED := NAME WORD{1,2} OFFICE: a name the name grammar ended early, one or two
    words before an office, takes them as the rest of its surname («[خوزه لوئیس] رودریگز
    زاپاترو نخست‌وزیر», «[علی نجفی] خوش رودی نماینده»): nothing but a name stands between a
    name and its office in apposition. Not words with a noun ending nor adjectives of a
    common noun."""
    for a in (j - 1, j - 2):
        n = by_last.get(a)
        if n is None or n.office is not None or a < 1:
            continue
        if not all(
            _word(tokens, keys, x, busy, geo_at, lex) or keys[x] in lex.suffix_tokens
            for x in range(a, j)
        ):
            return False
        ks = keys[a:j]
        if any(k.endswith(lex.noun_endings) or nisba(k, lex) and k in lex.frequent for k in ks):
            return False
        n.surname = n.surname + " " + surname_text(tokens, a, j)
        n.last = j
        n.office = t
        busy.update(range(a, j))
        del by_last[a]
        by_last[j] = n
        return True
    return False


def _constituencies(places: list[GeoHit], seps: list[str], n: int) -> list[GeoHit]:
    """The first place of each item of a list of places with more places than names: items
    are set off by «،» and the last one by «و»; any other «و» joins two places into one item
    («فردوس، [کلاله و مینودشت] و کردکوی»: a constituency of two counties). ``seps``: the
    separator before each place after the first; ``n``: the number of names."""
    last_and = max((i for i, s in enumerate(seps) if s == "و"), default=-1)
    if "،" not in seps and "," not in seps:
        return places  # no list structure to read
    firsts = [places[0]]
    for i, s in enumerate(seps):
        if s != "و" or i == last_and:
            firsts.append(places[i + 1])
    return firsts if len(firsts) == n else places


def _coordinated_holder(
    tokens: Tokens, keys: list[str], a: int, j: int, ends: dict[int, NameMention], lex: Lexicon
) -> NameMention | None:
    """COORDINATED := NAME OFFICE «و» [WORD WORD?] OFFICE: the second conjunct of two
    appositions is a holder too, whatever its words are («مطورزاده نماینده خرمشهر و [طلایی
    نیک] نماینده بهار»): the parallel says it is a name, even of common words or adjectives;
    one or two words, none with a noun ending or written with ZWNJ (a compound noun)."""
    if a < 1 or keys[a - 1] != "و" or (a - 1) not in ends or not 1 <= j - a <= 2:
        return None
    ks = keys[a:j]
    if any(k.endswith(lex.noun_endings) or "\u200c" in w for k, w in zip(ks, tokens.texts[a:j])):
        return None
    return NameMention(a, j, None, surname_text(tokens, a, j))


def _nasab_word(keys: list[str], i: int, j: int, busy: set[int]) -> bool:
    """A word next to «بن»/«بنت» inside the run (``j``: its end): a name of the Arabic
    «X son of Y» shape, whatever the word alone could also be («[تمیم] بن [حمد]»)."""
    k = keys[i]
    if len(k) < 2 or not k[0].isalpha() or i in busy or k in _NASAB:
        return False
    return (i + 2 < j and keys[i + 1] in _NASAB) or (i > 0 and keys[i - 1] in _NASAB)


def _judge(tokens: Tokens, keys: list[str], a: int, j: int, lex: Lexicon) -> NameMention | None:
    """The name of tokens ``a:j`` when the evidence says it is one (see the module)."""
    head = lex.genitive_heads.get(keys[a]) if j - a >= 2 else None
    if head is not None:  # «[دوران X]», «[داماد X]»: not X; «دفتر [X] نخست‌وزیر»: X
        return _judge(tokens, keys, a + 1, j, lex) if head == "owner" else None
    if any(keys[x] in _NASAB for x in range(a + 1, j - 1)):  # «تمیم بن حمد»: a nasab
        return NameMention(a, j, _given_part(tokens, a, j, lex), _surname_part(tokens, a, j, lex))
    if any(keys[x] + keys[x + 1] in lex.compounds for x in range(max(a - 1, 0), j - 1)):
        return None  # «بین [المللی]», «[اطلاع رسانی]»: a compound written apart
    ks = [k for k in keys[a:j] if k not in lex.particles]
    if any(k.endswith(lex.noun_endings) for k in ks):
        return None  # «[وعده‌های] شهردار»: a noun the office is the genitive of
    if j - a == 1 and compound_noun(tokens.texts[a], lex):
        return None  # «[جمع‌بندی]، معاون ...»
    last = ks[-1]
    if any(k in lex.plurals and k not in lex.given for k in ks[:-1]):
        return None  # «[تدابیر نورانی] فرماندهی ...»: a plural noun and its adjective
    if len(ks) == 1 and ezafe_noun(last, lex):
        return None  # «به [ندای] رهبر»: a noun in the ezafe before its genitive
    if len(ks) == 2 and last in lex.suffix_tokens and ks[0] not in lex.frequent:
        return NameMention(a, j, None, surname_text(tokens, a, j))  # «[طاهری نسب]، شهردار»
    shaped = len(last) >= 4 and last.endswith(lex.suffix_endings)
    if (
        ks[0] in lex.given
        and len(ks) >= 2
        and not (ks[0] in lex.ambiguous_given and nisba(last, lex))  # «[آزاد اسلامی]»
        and not _common_after_ambiguous(tokens, a, j, ks, lex)
    ):
        g = a + 1
        if len(ks) >= 3 and ks[0] + ks[1] in lex.given:
            g = a + 2
        given = lex.given.get("".join(keys[a:g])) or " ".join(tokens.texts[a:g])
        return NameMention(a, j, given, surname_text(tokens, g, j))
    common = [k in lex.frequent for k in ks]
    if shaped and len(ks) > 1 and _noun_phrase(ks, lex):
        shaped = False  # «[سخنرانی عمومی] رئیس‌جمهور», «[کانال تلگرامی] سخنگوی ...»
    if (
        shaped
        and not any(common[:-1])
        and (len(ks) > 1 or (last not in lex.common and not nisba(last, lex)))
    ):
        return NameMention(a, j, _given_part(tokens, a, j, lex), _surname_part(tokens, a, j, lex))
    adjective = any(k in lex.adjectives and k not in lex.given for k in ks)  # «زندانیان [خطرناک]»
    if len(ks) >= 2 and not any(common) and not adjective and not any(nisba(k, lex) for k in ks):
        return NameMention(a, j, _given_part(tokens, a, j, lex), _surname_part(tokens, a, j, lex))
    return None


def _common_after_ambiguous(tokens: Tokens, a: int, j: int, ks: list[str], lex: Lexicon) -> bool:
    """A given name that is a common word («جان», «مایک») followed by a frequent word, a
    plural or a compound («[جان جنگل‌ها]», «[مایک سیستم]»): a noun phrase, not a name; a
    rarer word after it is a surname in apposition («[جان کری] وزیر ...»)."""
    if ks[0] not in lex.ambiguous_given:
        return False
    return any(k in lex.frequent or k.endswith(lex.noun_endings) for k in ks[1:]) or any(
        "\u200c" in w for w in tokens.texts[a + 1 : j]
    )


def _noun_phrase(ks: list[str], lex: Lexicon) -> bool:
    """A noun and its adjective, not a name of SHAPE: a word before the last that is an
    adjective or noun in «ی» from a common noun, or an ezafe form in «ای» («[سخنرانی] عمومی»,
    «[خودروی] تاکتیکی»): a given name is rarely either (a surname in «ی» is the last word)."""
    return any(nisba(k, lex) or k.endswith("ای") for k in ks[:-1])


def _bare_name(ks: list[str], lex: Lexicon) -> bool:
    """Without a clean left edge, a name of no known given name needs two words or more and
    none that is an adjective (unless a given name: «اسد») nor a last word in «ی»: «کابینه
    [پیشنهادی]», «زندانیان [خطرناک]» are a noun and its adjective."""
    if len(ks) < 2 or len(ks[-1]) > 3 and ks[-1].endswith("ی"):
        return False
    return not any(k in lex.adjectives and k not in lex.given for k in ks)


def _two_word_item(
    tokens: Tokens, keys: list[str], i: int, busy: set[int], geo_at: dict[int, GeoHit], lex: Lexicon
) -> bool:
    """Is token ``i`` the first word of a two-word surname inside a list, set off by a list
    separator before it («...، [فلاحت کوهی] و ...»)? Not a given name, common word or compound."""
    if i < 1 or keys[i - 1] not in LIST_SEPS or not _word(tokens, keys, i, busy, geo_at, lex):
        return False
    k = keys[i]
    return k not in lex.given and k not in lex.frequent and not compound_noun(tokens.texts[i], lex)


def _given_part(tokens: Tokens, a: int, j: int, lex: Lexicon) -> str | None:
    """A name of several words: all but the last are the given name(s) («میگل آنخل»), unless
    a particle joins the last ones («خالد بن خلیفه» stays whole as a surname part)."""
    if j - a < 2:
        return None
    return " ".join(tokens.texts[a : j - 1])


def _surname_part(tokens: Tokens, a: int, j: int, lex: Lexicon) -> str:
    return tokens.texts[j - 1] if j - a >= 2 else surname_text(tokens, a, j)


def _share(
    tokens: Tokens,
    keys: list[str],
    t: TitleMention,
    last: NameMention,
    by_last: dict[int, NameMention],
    busy: set[int],
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
    out: list[NameMention],
) -> None:
    """«A، B و C نمایندگان X، Y و Z»: every name of the list before a plural office holds it;
    with as many places after it as names, each name the place of its rank."""
    items = [last]
    a = last.first
    while a >= 2 and keys[a - 1] in LIST_SEPS:
        prev = by_last.get(a - 1)
        if prev is None and _word(tokens, keys, a - 2, busy, geo_at, lex):
            k = keys[a - 2]
            if (
                k in lex.given
                or compound_noun(tokens.texts[a - 2], lex)
                or (k in lex.frequent and not k.endswith(lex.suffix_endings))
            ):
                break  # a list of surnames: a common word or a lone given name ends it
            b = a - 3 if _two_word_item(tokens, keys, a - 3, busy, geo_at, lex) else a - 2
            prev = NameMention(b, a - 1, None, surname_text(tokens, b, a - 1))
            busy.update(range(b, a - 1))
            out.append(prev)
        if prev is None:
            break
        items.append(prev)
        a = prev.first
    if len(items) < 2:
        return
    items.reverse()
    places = [t.place] if t.place is not None else []
    seps: list[str] = []  # the separator before each place after the first
    j = t.last
    while j + 1 < len(keys) and keys[j] in LIST_SEPS and tokens.starts[j + 1] in geo_at:
        hit = geo_at[tokens.starts[j + 1]]
        places.append(hit)
        seps.append(keys[j])
        j += 1
        while j < len(keys) and tokens.starts[j] < hit.end:
            j += 1
    if places and len(places) > len(items):
        places = _constituencies(places, seps, len(items))
    paired = len(places) == len(items)
    for i, n in enumerate(items):
        n.office = TitleMention(
            t.first,
            t.last,
            t.title,
            t.entry,
            place=places[i] if paired else None,
            national=t.national,
        )
