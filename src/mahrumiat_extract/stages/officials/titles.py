"""Office mentions: a head from the lexicon, what follows it, and the place it is of.

The grammar a linguist would write down for news Persian:

    TITLE   := HEAD COMPLEMENT* PLACE?        («رئیس سازمان بسیج سازندگی فارس»)
             | OFFICE PLACE?                  («استاندار کرمان», «امام جمعه شهرستان قدس»)
             | HEAD PRONOUN                   («معاون او»: the deputy of a person named before)
             | نماینده|مشاور|دستیار HONORIFIC WORD  («نماینده آیت‌الله سیستانی»)
    COMPLEMENT := ORGANIZATION | HEAD | OFFICE | MODIFIER | (ع) | WORD
                | مردم EPITHET (و EPITHET)*  (left out: «نماینده مردم [شریف] تهران»)
                | GOVERNED-PREPOSITION  (after its verbal noun: «نظارت بر», «مبارزه با»;
                                         governed.tsv)
    PLACE   := [استان|شهرستان|شهر|بخش|روستای] GEO   | استان (the article's province)
             | این [استان|شهرستان|شهر] (the article's province, county or city)
             | کشور | ایران (a national office)

A complement word is no stop word; it is the first half of a compound written apart («زیست
محیطی»: hazm's ZWNJ words), or any word that is not a verb, an honorific, the start of a
person's name or the non-verbal part of a complex predicate (a word before a light verb:
«قدردانی کرد», «معتقد است»); «و» and commas are crossed only inside a listed organization name
(«وزیر تعاون، کار و رفاه اجتماعی»).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...doc import GeoHit
from .lexicon import Lexicon, TitleEntry
from .tokens import Tokens

__all__ = [
    "APPOINTED",
    "APPOSITION_SEPS",
    "LIST_SEPS",
    "TitleMention",
    "after_apposition",
    "find_titles",
    "parse_office",
    "starts_name",
]

_PLACE_WORDS = frozenset({"استان", "شهرستان", "شهر", "بخش", "روستای", "روستا", "دهستان", "منطقه"})
_NATIONAL_WORDS = frozenset({"کشور", "ایران"})
_DEICTIC = frozenset({"استان", "شهرستان", "شهر"})  # «این ...»: the place the article is about
_HOLY = frozenset({"ع", "ره", "س", "عج", "ص"})
_MAX_WORDS = 9
# heads whose office is of another office holder («معاون ... وزیر», «مشاور ... رئیس‌جمهور»)
_DEPUTIES = frozenset({"معاون", "مشاور", "دستیار"})
_OF_PERSON = _DEPUTIES | {"نماینده"}  # «نماینده آیت‌الله X», «معاون X»: the office of a person
_PRONOUNS = frozenset({"او", "وی", "ایشان"})  # «معاون او»: a genitive person ends the office
_RULER_RANKS = frozenset({"امیر"})  # a rank, but before a country the state's ruler
# what may stand between a name and its office in apposition: «علی ربیعی؛ دستیار ...»,
# «آقای ترکان - مشاور ...», «[آرمین مایر]» سفیر ...»
APPOSITION_SEPS = frozenset({"،", ",", "-", "؛", "»", '"', "/"})  # «X / سرپرست فدراسیون»
# «X به سمت/عنوان OFFICE (منصوب شد)»: the post given to a name the lexicon knows, in apposition
# across the phrase (an unknown name after «به عنوان» is too often a common noun phrase)
APPOINTED = frozenset({("به", "سمت"), ("به", "عنوان")})
# what joins the items of a list («A، B و C»)
LIST_SEPS = frozenset({"،", ",", "و"})


def after_apposition(keys: list[str], j: int) -> int:
    """Where an office in apposition to a name ending before token ``j`` would start: past
    one separator («X، معاون ...») or past «به سمت/عنوان» («X به سمت وزیر ...»)."""
    if j < len(keys) and keys[j] in APPOSITION_SEPS:
        return j + 1
    if tuple(keys[j : j + 2]) in APPOINTED:
        return j + 2
    return j


@dataclass(slots=True)
class TitleMention:
    """An office as the text gives it: token range, canonical title, the place it is of."""

    first: int
    last: int  # exclusive token index
    title: str
    entry: TitleEntry
    place: GeoHit | None = None
    national: bool = False
    province_word: bool = False  # «... استان» with no name: the article's province
    local: bool = False  # «... این شهرستان», «شهردار منطقه ۹»: the article's county or city
    org_level: str | None = None  # «معاون ... استانداری»: the level of the body's place
    of_person: bool = False  # «نماینده آیت‌الله سیستانی»: the person inside is no holder

    @property
    def head_key(self) -> str:
        return self.title.split()[0] if self.title else ""


def starts_name(
    tokens: Tokens, i: int, lex: Lexicon, geo_at: dict[int, GeoHit] | None = None
) -> bool:
    """Does a person's name start at token ``i`` (an honorific, or a given name + a word)?"""
    k = tokens.keys[i]
    if k in lex.honorifics and lex.honorifics[k][1] != "polite" or k in ("سید", "آقای", "خانم"):
        return i + 1 < len(tokens.keys) and _is_word_key(tokens.keys[i + 1])
    if k in lex.given and i + 1 < len(tokens.keys):
        nk = tokens.keys[i + 1]
        place = geo_at is not None and tokens.starts[i + 1] in geo_at
        return _is_word_key(nk) and not place and nk not in lex.stop and nk not in lex.titles
    return False


def find_titles(
    tokens: Tokens,
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
    keys: list[str] | None = None,
    title_at: list[int] | None = None,
) -> list[TitleMention]:
    """Every office mention, left to right, not overlapping (``keys``: the tokens' keys;
    ``title_at``: where an office may start, see :meth:`Lexicon.openings`)."""
    if keys is None:
        keys = [t.key for t in tokens]
    if title_at is None:
        title_at = lex.openings(keys, "title")
    out: list[TitleMention] = []
    i = 0
    for c in title_at:  # no office starts elsewhere
        if c < i:
            continue
        i = c
        hit = lex.phrase(keys, i, "title")
        if hit is None or tokens.starts[i] in geo_at:
            i += 1
            continue
        entry = lex.titles[hit[0]]
        if entry.cls == "rank" and hit[0] in _RULER_RANKS and lex.phrase(keys, i + 1, "country"):
            entry = TitleEntry(entry.canonical, "head", "-")  # «امیر قطر»: the ruler, not a rank
        if entry.cls == "rank":
            i += hit[1]
            continue
        mention = _parse(tokens, keys, i, hit[1], entry, geo_at, lex)
        if mention is None:
            i += hit[1]
            continue
        out.append(mention)
        i = mention.last
    return out


def parse_office(
    tokens: Tokens,
    keys: list[str],
    i: int,
    entry: TitleEntry,
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
) -> TitleMention | None:
    """The office phrase whose head is the one token ``i`` read as ``entry`` (an office noun
    such as «معاونت» read as «معاون»), or None: as for any head, a head that needs its
    organization needs it here too («به ریاست [سازمان ...]»)."""
    return _parse(tokens, keys, i, 1, entry, geo_at, lex)


def _parse(  # noqa: C901 - the office phrase's grammar (BNF above), one branch a production
    tokens: Tokens,
    keys: list[str],
    i: int,
    n: int,
    entry: TitleEntry,
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
) -> TitleMention | None:
    parts = [entry.canonical]
    m = TitleMention(i, i + n, "", entry, national=entry.cls == "national")
    j = i + n
    words = 0
    generic = entry.cls in ("head", "national") and entry.canonical not in ("رئیس‌جمهور",)
    # a phrase of a table starts only at a key its prefixes hold: tested here first, the
    # phrase looked up only then (the same answer, most words cost one set test)
    pre = lex.prefixes
    pre_country, pre_org, pre_noun, pre_title = (
        pre["country"],
        pre["org"],
        pre["orgnoun"],
        pre["title"],
    )
    n_keys = len(keys)
    while j < n_keys and words < _MAX_WORDS:
        tk = keys[j]
        if keys[j - 1] == "مجلس" and keys[j : j + 2] == ["شورای", "اسلامی"]:
            j += 2  # «... مجلس شورای اسلامی»: the office says «مجلس» (GUIDELINE: «رئیس مجلس»)
            continue
        if keys[j - 1] == "مردم" and lex.modifiers.get(tk) == "people":
            j += _epithets(keys, j, lex)  # «نماینده مردم [شریف و غیور] تهران»: left out
            continue
        country = (
            lex.phrase(keys, j, "country")
            if tk in pre_country and tokens.starts[j] not in geo_at
            else None
        )
        if country is not None:  # «وزیر امور خارجه اسپانیا»: a foreign office, the country dropped
            m.national = True
            j += country[1]
            break
        if tk == "منطقه" and j + 1 < len(keys) and keys[j + 1][:1].isdigit():  # «شهردار منطقه ۱۳»
            parts.append(tokens.texts[j] + " " + tokens.texts[j + 1])
            j += 2
            words += 1
            m.local = True  # a district number is a city's: the city the article is about
            continue
        if len(parts) == 1 and entry.canonical in _OF_PERSON and tk in lex.prefixes["honorific"]:
            hon = lex.phrase(keys, j, "honorific")
            s = j + hon[1] if hon is not None else j
            word = s < len(keys) and _is_word_key(keys[s]) and keys[s] not in lex.stop
            if hon is not None and word:  # «نماینده [آیت‌الله سیستانی]»: of a person
                parts += [lex.honorifics[hon[0]][0], tokens.texts[s]]
                m.national = m.of_person = True
                j = s + 1
                break
        if tk == "این" and j + 1 < len(keys) and keys[j + 1] in _DEICTIC:  # «فرماندار این شهرستان»
            if keys[j + 1] == "استان":
                m.province_word = True
            else:
                m.local = True
            j += 2
            break
        if tokens.starts[j] in geo_at:
            j = _take_place(tokens, j, geo_at, m)
            break
        if m.org_level is not None and parts[-1] and lex.phrase(keys, j - 1, "orgnoun") is not None:
            break  # a government body of a place is complemented by its place only
        # (the organization noun at ``j``, read once for both its tests below)
        noun = lex.phrase(keys, j, "orgnoun") if generic and tk in pre_noun else None
        if tk in _PLACE_WORDS and not (noun is not None and noun[1] > 1):
            if j + 1 < len(tokens.keys) and tokens.starts[j + 1] in geo_at:
                j = _take_place(tokens, j + 1, geo_at, m)
            elif tk == "استان":
                m.province_word = True
                j += 1
            elif tk == "بخش" and generic and _complement_word(tokens, keys, j + 1, lex, geo_at):
                parts.append(tokens.texts[j])  # «مدیر [بخش] دانشجویی»: a department, no district
                j += 1
                continue
            break
        if tk in _NATIONAL_WORDS:
            m.national = True
            j += 1
            break
        org = lex.phrase(keys, j, "org") if generic and tk in pre_org else None
        sub = lex.phrase(keys, j, "title") if tk in pre_title else None
        if (
            noun is not None
            and (org is None or noun[1] > org[1])
            and (sub is None or noun[1] >= sub[1])
        ):
            # «معاون اقتصادی [استانداری] قزوین», «رئیس [سازمان] ...»: an organization noun and
            # its complements; a government body of a place sets the level of its place
            parts.append(_text(tokens, j, j + noun[1]))
            level = lex.org_nouns[noun[0]]
            if level != "-":
                m.org_level = level
            j += noun[1]
            words += 1
            continue
        if (
            tk == "در"
            and generic
            and len(parts) > 1
            and lex.phrase(keys, j + 1, "orgnoun") is not None
        ):
            parts.append(tokens.texts[j])  # «نمایندگی ولی‌فقیه در سپاه ...»
            j += 1
            continue
        if generic and len(parts) > 1 and lex.governed.get(keys[j - 1]) == tk:
            parts.append(tokens.texts[j])  # «اداره نظارت [بر] ...»: the noun's complement
            j += 1
            continue
        if org is not None and (sub is None or org[1] >= sub[1]):
            parts.append(_text(tokens, j, j + org[1]))
            j += org[1]
            words += 1
            if keys[j - 1] in _NATIONAL_WORDS or keys[j - 1] == "نظام":
                m.national = True  # «... دیوان عالی کشور», «... مجمع تشخیص مصلحت نظام» end there
                break
            if entry.cls == "national":  # «وزیر کشور», «وزیر راه و شهرسازی»: the portfolio ends it
                generic = False
            continue
        if sub is not None and lex.titles[sub[0]].cls in ("head", "office", "national"):
            se = lex.titles[sub[0]]
            if not generic and se.cls != "office":
                break
            parts.append(se.canonical)
            m.national = m.national or se.cls == "national"
            if se.cls != "head":
                m.entry = TitleEntry(entry.canonical, entry.cls, se.level)
            generic = se.cls in ("head", "national")
            j += sub[1]
            words += 1
            continue
        modifier = lex.modifiers.get(tk)
        if modifier is not None and modifier != "people":
            if modifier == "keep":
                parts.append(tokens.texts[j])
            j += 1
            inner = (
                _inner_office(keys, i, n, j, lex) if len(parts) <= 2 and j == i + n + 1 else None
            )
            if inner is not None:  # «نماینده [پیشین] مردم بروجرد»: the office goes on
                m.entry = inner[0]
                parts.extend(tokens.texts[j : j + inner[1]])
                j += inner[1]
                generic = m.entry.cls in ("head", "national")
            continue
        if tk == "(" and j + 2 < len(tokens.keys) and keys[j + 1] in _HOLY and keys[j + 2] == ")":
            parts[-1] += " (" + tokens.texts[j + 1] + ")"
            j += 3
            continue
        if generic and _complement_word(tokens, keys, j, lex, geo_at):
            parts.append(tokens.texts[j])
            j += 1
            words += 1
            continue
        if (
            tk == "و"
            and generic
            and len(parts) > 1
            and _coordinated(tokens, keys, j + 1, lex, geo_at, deputy=parts[0] in _DEPUTIES)
        ):
            parts.append(tokens.texts[j])  # «معاون علمی و فناوری ...», «مدیرکل بنادر و دریانوردی»
            j += 1
            continue
        break
    pronoun = j < len(keys) and keys[j] in _PRONOUNS
    of_other = len(parts) == 1 and entry.cls == "head" and j < len(keys) and (
        pronoun
        or not entry.plural
        and entry.canonical in _OF_PERSON
        and _person_after(tokens, keys, j, lex, geo_at)
    )
    if of_other:  # «[معاون او]», «[معاون] آنتونیو گوترش»: the deputy of another person
        m.last = j + 1 if pronoun else j
        m.title = parts[0]
        return m
    if entry.cls == "head" and len(parts) == 1 and m.place is None and not m.national:
        return None  # a head needs an organization, a place («نماینده خرمشهر») or a country
    if entry.canonical == "عضو" and any(p.startswith("تیم") for p in parts[1:3]):
        return None  # «عضو (پیشین) تیم ملی»: a player, not a post (GUIDELINE: roles)
    if m.place is not None and _ezafe_yeh(parts[-1]):
        parts[-1] = parts[-1][:-1]  # «پلیس فتا[ی] تهران»: the ezafe goes with the place
    if m.place is not None and parts == ["نماینده"] and not m.entry.plural:
        m.entry = TitleEntry("نماینده مجلس", "office", "county")
        parts = ["نماینده مجلس"]  # «نماینده اردبیل»: an MP (GUIDELINE: else «نماینده مجلس»)
    m.last = max(j, m.last)
    m.title = " ".join(parts)
    return m


def _person_after(
    tokens: Tokens, keys: list[str], j: int, lex: Lexicon, geo_at: dict[int, GeoHit]
) -> bool:
    """Does a person's name begin at ``j`` beyond doubt: a given name that is no common word
    too (ambiguous_given.txt), then a surname that is no common word or ends like one
    («معاون [آنتونیو گوترش]»; not «نمایندگان [شجاع اقلیت]»)?"""
    if keys[j] not in lex.given or keys[j] in lex.ambiguous_given:
        return False
    if j + 1 >= len(keys) or not starts_name(tokens, j, lex, geo_at):
        return False
    return not lex.plain_noun(keys[j + 1])


def _epithets(keys: list[str], j: int, lex: Lexicon) -> int:
    """How many tokens from ``j`` are epithets of «مردم» («شریف», «شریف و غیور»: modifiers.tsv
    ``people``), a trailing «و» not counted."""
    k = j
    while k < len(keys) and lex.modifiers.get(keys[k]) == "people":
        k += 1
        if k + 1 < len(keys) and keys[k] == "و" and lex.modifiers.get(keys[k + 1]) == "people":
            k += 1
    return k - j


def _ezafe_yeh(word: str) -> bool:
    """Does ``word`` end in the ezafe «ی» written after a final «ا» («فتای», «شورای»)? Not the
    suffix «‌ای» after a silent «ه» («حرفه‌ای»)."""
    return len(word) > 3 and word[-1] in "یي" and word[-2] in "اآ" and word[-3] not in "\u200cهة "


def _inner_office(
    keys: list[str], i: int, n: int, j: int, lex: Lexicon
) -> tuple[TitleEntry, int] | None:
    """An office that a modifier after its first ``n`` tokens interrupts («نماینده پیشین
    مردم»): its entry and how many tokens of it follow the modifier (at ``j``)."""
    hit = lex.phrase(keys[i : i + n] + keys[j : j + lex.max_len], 0, "title")
    if hit is None or hit[1] <= n:
        return None
    entry = lex.titles[hit[0]]
    return (entry, hit[1] - n) if entry.cls in ("office", "national") else None


def _complement_word(
    tokens: Tokens, keys: list[str], j: int, lex: Lexicon, geo_at: dict[int, GeoHit]
) -> bool:
    k = keys[j]
    if not _is_word_key(k) or k in lex.stop:
        return False
    if j + 1 < len(keys) and k + keys[j + 1] in lex.compounds:
        return True  # «شرکت [زیست] محیطی»: a compound written apart is one word
    if lex.is_verb(k):
        return False
    honorific = k in lex.honorifics or (
        k in lex.prefixes["honorific"] and lex.phrase(keys, j, "honorific") is not None
    )  # «... انقلاب اسلامی [حضرت امام] خمینی»: the holder's name begins
    if honorific and not (j > 0 and keys[j - 1] in lex.eponym_nouns):
        return False  # (but «جشنواره شهید رجایی» names the festival)
    if k in lex.prefixes["speech"] and lex.phrase(keys[j : j + 3], 0, "speech") is not None:
        return False
    light = lex.light_verbs.get(keys[j + 1]) if j + 1 < len(keys) else None
    if light == "any" or (light == "adjective" and k in lex.adjectives):
        return False  # «... مجلس معتقد است», «... پایتخت قدردانی کرد»: a predicate, not the office
    after_holy = j > 0 and tokens.keys[j - 1] in ("امام", "حضرت", "شهید")
    after_noun = j > 0 and keys[j - 1] in lex.eponym_nouns  # «دانشگاه آزاد»: the noun's name
    return after_holy or after_noun or not starts_name(tokens, j, lex, geo_at)


def _coordinated(
    tokens: Tokens,
    keys: list[str],
    j: int,
    lex: Lexicon,
    geo_at: dict[int, GeoHit],
    *,
    deputy: bool = False,
) -> bool:
    """Is the word at ``j`` (after «و» inside an office) the second conjunct of the office's
    portfolio or organization name?

        CONJUNCT := ADJ-ی «و» ADJ-ی                     («علمی و فناوری», «اداری و استخدامی»)
                  | WORD «و» WORD CONTINUATION
                    («مسکن و ساختمان وزارت ...», «بنادر و دریانوردی خوزستان»,
                     «سازندگان و فروشندگان عینک»)
        CONTINUATION := an organization noun or name, a place (or «استان» ...), a country, «کشور»,
                        a complement word

    Under a deputy's head («معاون», «مشاور», «دستیار»), a common word (or its noun in «ی»)
    before an office is the portfolio's second conjunct, the office its genitive («معاون توسعه
    مدیریت و [پشتیبانی] وزیر ...»).

    Never an office, an organization noun, a role noun (roles.txt: «... و سرمربی تیم») or the
    start of a name (an honorific glued to a given name too: «و [دکترمحسن] ...»): those open
    a second apposition."""
    if j >= len(keys) or keys[j] in lex.roles or len(keys[j]) < 2 or _glued_name(keys[j], lex):
        return False
    if lex.phrase(keys, j, "title") is not None or lex.phrase(keys, j, "orgnoun") is not None:
        return False
    if not _complement_word(tokens, keys, j, lex, geo_at):
        return False
    if keys[j].endswith("ی") and len(keys[j]) >= 4 and keys[j - 2].endswith("ی"):
        return True
    c = j + 1
    k = keys[j]
    if deputy and (k in lex.common or k.endswith("ی") and k[:-1] in lex.common) and c < len(keys):
        office = lex.phrase(keys, c, "title")
        if office is not None and lex.titles[office[0]].cls in ("office", "national"):
            return True  # «معاون توسعه مدیریت و [پشتیبانی] وزیر آموزش و پرورش»
    if c >= len(keys) or keys[c] in lex.roles or keys[c] == "و" or keys[c] in lex.suffix_tokens:
        return False  # (a surname suffix apart: «... و [سلطانی فر]» is a person, not a conjunct)
    return (
        tokens.starts[c] in geo_at
        or keys[c] in _NATIONAL_WORDS
        or keys[c] in _PLACE_WORDS
        or lex.phrase(keys, c, "orgnoun") is not None
        or lex.phrase(keys, c, "org") is not None
        or lex.phrase(keys, c, "country") is not None
        or (lex.phrase(keys, c, "title") is None and _complement_word(tokens, keys, c, lex, geo_at))
    )


def _glued_name(k: str, lex: Lexicon) -> bool:
    """An honorific glued to a given name («دکترمحسن»): the start of a person's name."""
    return any(k[:n] in lex.honorifics and k[n:] in lex.given for n in range(2, len(k) - 1))


def _take_place(tokens: Tokens, j: int, geo_at: dict[int, GeoHit], m: TitleMention) -> int:
    """Consume the place at token ``j`` (and «و» + a second place); return the next index."""
    hit = geo_at[tokens.starts[j]]
    if hit.kind != "neighborhood":
        m.place = hit
    while j < len(tokens.keys) and tokens.starts[j] < hit.end:
        j += 1
    return j


def _text(tokens: Tokens, a: int, b: int) -> str:
    out = ""
    # (the columns read directly: no Token built per word)
    for k, w in zip(tokens.keys[a:b], tokens.texts[a:b]):
        if k in ("،", ",", "؛", ")") or out.endswith("("):
            out += w
        else:
            out += (" " if out else "") + w
    return out


def _is_word_key(k: str) -> bool:
    """:func:`.tokens.is_word` of a token by its key."""
    return bool(k) and k[0].isalpha()
