"""The officials' lexicon: offices, organizations, honorifics, given names, stop words.

Everything is read once from ``resources/officials/`` and keyed by ``match_key`` with the
commas dropped, so a phrase matches across spaces, ZWNJ and spelling variants alike: the
token keys of a text are joined token by token and looked up in a dict of every key prefix
(so a lookup stops as soon as no key can follow), and :meth:`Lexicon.openings` finds in one
pass the few tokens where a phrase may start (:meth:`Lexicon.openings_marked`: for two groups
of tables and a few marked keys at once, one dict lookup per token).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, count
from typing import Any

from ...resources import read_lines, read_tsv
from ...text.keys import match_key

__all__ = ["Lexicon", "LexiconMemo", "TitleEntry", "phrase_key"]

_COMMAS = str.maketrans("", "", "،,؛")


def phrase_key(text: str) -> str:
    """The key a phrase is looked up by: ``match_key`` without commas."""
    return match_key(text).translate(_COMMAS)


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One office form: its canonical title, class and level (see titles.tsv)."""

    canonical: str
    cls: str  # office / head / national / rank / alias
    level: str  # province / county / city / district / village / national / -
    plural: bool = False  # «نمایندگان», «وزرای»: a list of names shares it (plurals.tsv)


# keys to find as they are, each with its code (1, 2, ...): see :meth:`Lexicon.openings_marked`
Marks = tuple[tuple[str, int], ...]


@dataclass(slots=True)
class LexiconMemo:
    """What is derived from a lexicon and remembered with it (never across lexicons): the
    opening tables of :meth:`Lexicon.openings`, the verb test per key, the tokens of each
    chunk form (:func:`.tokens.tokenize`), the prefixes of the military honorifics. Word
    tables are bounded (cleared when full)."""

    openers: dict[tuple[str, ...], tuple[dict[str, int], frozenset[str]]] = field(
        default_factory=dict
    )
    openers2: dict[
        tuple[tuple[str, ...], tuple[str, ...]],
        tuple[dict[str, int], frozenset[str], frozenset[str]],
    ] = field(default_factory=dict)
    openers_marked: dict[
        tuple[tuple[str, ...], tuple[str, ...], Marks],
        tuple[dict[str, int], frozenset[str], frozenset[str]],
    ] = field(default_factory=dict)
    verbs: dict[str, bool] = field(default_factory=dict)
    chunks: dict[str, Any] = field(default_factory=dict)
    chunks_old: dict[str, Any] = field(default_factory=dict)  # the previous generation
    military: frozenset[str] | None = None


_MAX_VERBS = 20_000
_ENDINGS = ("یم", "ید", "ند", "م", "د", "ه", "ست")
_PERSON_ENDINGS = ("یم", "ید", "ند", "م", "د")


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: dict[str, TitleEntry]
    organizations: frozenset[str]
    honorifics: dict[str, tuple[str, str]]  # key -> (canonical, kind)
    given: dict[str, str]  # key -> written form
    stop: frozenset[str]
    speech: frozenset[str]
    suffix_tokens: frozenset[str]
    suffix_endings: tuple[str, ...]
    modifiers: dict[str, str]  # key -> keep/drop
    common: frozenset[str]  # common words (hazm's list, which has many surnames too)
    adjectives: frozenset[str]  # adjectives (hazm's list): never a lone surname
    light_verbs: dict[str, str]  # key -> any/adjective: ends a complex predicate, not an office
    max_len: int
    prefixes: dict[str, dict[str, bool]]  # table -> every prefix of its keys -> is a whole key
    loose: bool = False  # some key has a character other than a letter or a parenthesis
    verb_stems: frozenset[str] = frozenset()  # present and past stems (hazm's list)
    org_nouns: dict[str, str] = field(
        default_factory=dict
    )  # key -> level of its place (org_nouns.tsv)
    countries: frozenset[str] = frozenset()  # foreign states (countries.txt)
    particles: frozenset[str] = frozenset()  # «بن», «آل», «فون» (name_particles.txt)
    ambiguous_given: frozenset[str] = frozenset()  # given names that are common words
    honorific_given: frozenset[str] = frozenset()  # given names only after an honorific («ولی»)
    frequent: frozenset[str] = frozenset()  # the most frequent words (frequent_words.txt)
    noun_endings: tuple[str, ...] = ()  # plural / abstract endings no name has (noun_endings.txt)
    eponym_nouns: frozenset[str] = (
        frozenset()
    )  # «خیابان», «دانشگاه»: a name after one names a thing
    roles: frozenset[str] = frozenset()  # «سرمربی», «کارشناس»: a role, no office (roles.txt)
    # words written with ZWNJ in hazm's list, by their joined key («بینالمللی»): two tokens
    # that join into one («بین المللی», «اطلاع رسانی») are a compound written apart, no name
    compounds: frozenset[str] = frozenset()
    governed: dict[str, str] = field(default_factory=dict)  # «نظارت» -> «بر» (governed.tsv)
    plurals: frozenset[str] = frozenset()  # «تدابیر», «اوصاف» (plural_words.txt, hazm's PL)
    office_nouns: dict[str, str] = field(default_factory=dict)  # «معاونت» -> «معاون» key
    genitive_heads: dict[str, str] = field(default_factory=dict)  # «دوران» -> era (.tsv)
    memo: LexiconMemo = field(default_factory=LexiconMemo, compare=False, repr=False)

    @classmethod
    def load(cls) -> Lexicon:
        """The lexicon of the shipped files (``resources/officials/``)."""
        return _load()

    def is_verb(self, k: str) -> bool:
        """A conjugated verb form (می‌/نمی‌ + stem, stem + person ending, or a bare stem),
        remembered per key."""
        verbs = self.memo.verbs
        got = verbs.get(k)
        if got is None:
            if len(verbs) > _MAX_VERBS:
                verbs.clear()
            got = verbs[k] = _is_verb(k, self.verb_stems)
        return got

    def plain_noun(self, k: str) -> bool:
        """A common word with no surname ending («حمایت», «مقاومت»): alone, no surname."""
        return k in self.common and not k.endswith(self.suffix_endings)

    def phrase(self, keys: list[str], i: int, table: str) -> tuple[str, int] | None:
        """The longest phrase of ``table`` starting at token ``i``: (key, tokens used).

        A comma is crossed inside a phrase; the phrase stops at the first token that does
        not extend a prefix of a key (or that starts with anything but a letter or a
        parenthesis: with a lexicon of letters only, such a token never extends a prefix).
        """
        if i >= len(keys):
            return None  # the text ends here («... سردار»)
        pre = self.prefixes[table]
        k = keys[i]
        if k not in pre:
            return None
        found: tuple[str, int] | None = None
        acc = ""
        used = 0
        stop = i + self.max_len + 2
        if stop > len(keys):
            stop = len(keys)
        loose = self.loose
        for j in range(i, stop):
            k = keys[j]
            used += 1
            if k in _COMMA_KEYS:
                if not acc:
                    return None
                continue
            if not k or loose and not (k[0].isalpha() or k[0] in "()"):
                break
            acc += k
            whole = pre.get(acc)
            if whole is None:
                break
            if whole:
                found = (acc, used)
        return found

    def openings(self, keys: list[str], *tables: str) -> list[int]:
        """The tokens where :meth:`phrase` may find a phrase of one of ``tables`` (a superset
        of where it does), judged in one pass on each token and the next: a whole key, or a
        prefix that the next token (or a comma) continues."""
        first, pairs = _openers(self, tables)
        whole = list(map(first.get, keys))  # 2 (a whole key) / 1 (a prefix only) / None, in C
        n = len(keys) - 1
        return [
            i
            for i in compress(count(), whole)
            if whole[i] == 2
            or i == n
            or keys[i + 1] in _COMMA_KEYS
            or keys[i] + keys[i + 1] in pairs
        ]

    def openings_marked(
        self, keys: list[str], first: tuple[str, ...], second: tuple[str, ...], marks: Marks
    ) -> tuple[list[int], list[int], list[list[int]]]:
        """``(self.openings(keys, *first), self.openings(keys, *second))`` and, in the same dict
        lookup per token (the keys of both groups in one dict, a code per key), the
        tokens whose key is one of ``marks`` (a sentence end, «سید», ...): the third item
        holds them by code, ascending (``[[], [tokens of code 1], [tokens of code 2], ...]``);
        an article's other scans for a few fixed keys ride on the one pass."""
        codes, pairs1, pairs2 = _openers_marked(self, first, second, marks)
        got = list(map(codes.get, keys))  # 9 * mark + 3 * second + first
        n = len(keys) - 1
        out1: list[int] = []
        out2: list[int] = []
        found: list[list[int]] = [[] for _ in range(max((c for _k, c in marks), default=1) + 1)]
        ends = found[1]
        for i in compress(count(), got):
            c: int = got[i]  # type: ignore[assignment]  # never None here
            # the usual codes first, each by its own short branch (the same tests as below)
            if c == _SECOND_PREFIX:  # a prefix of the second group's keys only: «به» (بهنام)
                if i == n:
                    out2.append(i)
                    continue
                nk = keys[i + 1]
                if nk in _COMMA_KEYS or keys[i] + nk in pairs2:
                    out2.append(i)
                continue
            if c == _BOTH_PREFIXES:  # a prefix of keys of both groups, whole in neither
                if i == n:
                    out1.append(i)
                    out2.append(i)
                    continue
                nk = keys[i + 1]
                if nk in _COMMA_KEYS:
                    out1.append(i)
                    out2.append(i)
                    continue
                pair = keys[i] + nk
                if pair in pairs1:
                    out1.append(i)
                if pair in pairs2:
                    out2.append(i)
                continue
            if c == _FIRST_MARK:  # a mark of code 1 (a sentence end), no opening
                ends.append(i)
                continue
            if c >= 9:
                found[c // 9].append(i)
                c %= 9
                if not c:
                    continue
            a, b = _SPLIT[c]
            nk = keys[i + 1] if i < n else ""
            pair = keys[i] + nk
            if a and (a == 2 or i == n or nk in _COMMA_KEYS or pair in pairs1):
                out1.append(i)
            if b and (b == 2 or i == n or nk in _COMMA_KEYS or pair in pairs2):
                out2.append(i)
        return out1, out2, found


def _is_verb(k: str, stems: frozenset[str]) -> bool:
    if len(k) >= 3 and k.endswith(("ت", "د")) and k in stems:
        return True  # a bare past stem is the third person past («نوشت», «گفت»)
    for pre in ("نمی", "می"):
        rest = k[len(pre) :]
        if k.startswith(pre) and len(rest) > 1 and (rest in stems or _stem_ending(rest, stems)):
            return True
    if k[:1] in ("ب", "ن") and any(
        k.endswith(e) and len(k) > len(e) + 3 and k[1 : -len(e)] in stems for e in _PERSON_ENDINGS
    ):
        return True  # the subjunctive and the negative: «بگوییم», «بتوانند» (not «نهاد», «نامه»)
    return _stem_ending(k, stems)


def _stem_ending(k: str, stems: frozenset[str]) -> bool:
    """A stem and a person ending, or a past stem (in «ت»/«د») and the participle's «ه»
    («گفته», «زاده»; not «درخشه»: a present stem takes no «ه»)."""
    return any(
        k.endswith(e)
        and len(k) > len(e) + 1
        and k[: -len(e)] in stems
        and (e != "ه" or k[-2] in "تد")
        for e in _ENDINGS
    )


_COMMA_KEYS = frozenset({"،", ",", "؛"})
_SPLIT = tuple((c % 3, c // 3) for c in range(9))  # an opening code -> (first, second)
_SECOND_PREFIX = 0 + 3 * 1  # codes of openings_marked: a prefix (1) of the second group only
_BOTH_PREFIXES = 1 + 3 * 1  # a prefix of both groups' keys
_FIRST_MARK = 9 * 1  # a mark of code 1, no prefix of either group


def _openers(lex: Lexicon, tables: tuple[str, ...]) -> tuple[dict[str, int], frozenset[str]]:
    """For :meth:`Lexicon.openings`: each prefix of a key of ``tables`` -> 2 when it is a
    whole key of one of them, else 1; and all those prefixes."""
    got = lex.memo.openers.get(tables)
    if got is not None:
        return got
    first: dict[str, int] = {}
    for t in tables:
        for k, whole in lex.prefixes[t].items():
            first[k] = max(first.get(k, 1), 2 if whole else 1)
    got = lex.memo.openers[tables] = (first, frozenset(first))
    return got


def _openers2(
    lex: Lexicon, first: tuple[str, ...], second: tuple[str, ...]
) -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """For :meth:`Lexicon.openings2`: each key of either group -> its :func:`_openers` value
    in the first group + 3 * its value in the second (0 when absent)."""
    got = lex.memo.openers2.get((first, second))
    if got is not None:
        return got
    f1, p1 = _openers(lex, first)
    f2, p2 = _openers(lex, second)
    codes = {k: f1.get(k, 0) + 3 * f2.get(k, 0) for k in f1.keys() | f2.keys()}
    lex.memo.openers2[(first, second)] = (codes, p1, p2)
    return codes, p1, p2


def _openers_marked(
    lex: Lexicon, first: tuple[str, ...], second: tuple[str, ...], marks: Marks
) -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """For :meth:`Lexicon.openings_marked`: :func:`_openers2`'s codes, plus 9 * the code of
    each key of ``marks``."""
    got = lex.memo.openers_marked.get((first, second, marks))
    if got is not None:
        return got
    codes, p1, p2 = _openers2(lex, first, second)
    codes = dict(codes)
    for k, c in marks:
        if not 1 <= c or k in codes and codes[k] >= 9:
            raise ValueError(f"a mark needs one code from 1: {k!r}")
        codes[k] = codes.get(k, 0) + 9 * c
    got = lex.memo.openers_marked[(first, second, marks)] = (codes, p1, p2)
    return got


def _keyed(lines: tuple[str, ...]) -> frozenset[str]:
    return frozenset(phrase_key(x) for x in lines)


def _load() -> Lexicon:
    titles = {
        phrase_key(row[0]): TitleEntry(row[1], row[2], row[3])
        for row in read_tsv("officials/titles.tsv")
        if len(row) == 4
    }
    honorifics = {
        phrase_key(row[0]): (row[1], row[2])
        for row in read_tsv("officials/honorifics.tsv")
        if len(row) == 3
    }
    given = {match_key(x): x for x in read_lines("officials/given_names.txt")}
    # «سید» glued to a given name («سیدعباس») is a given name too
    given.update({"سید" + k: "سید" + v for k, v in list(given.items()) if not k.startswith("سید")})
    for row in read_tsv("officials/plurals.tsv"):
        one = titles.get(phrase_key(row[1])) if len(row) == 2 else None
        if one is not None:
            titles[phrase_key(row[0])] = TitleEntry(one.canonical, one.cls, one.level, plural=True)
    org_nouns = {phrase_key(r[0]): r[1] for r in read_tsv("officials/org_nouns.tsv") if len(r) == 2}
    countries = _keyed(read_lines("officials/countries.txt"))
    suffixes = [row for row in read_tsv("officials/surname_suffixes.tsv") if len(row) == 2]
    orgs = _keyed(read_lines("officials/organizations.txt"))
    speech = _keyed(read_lines("officials/speech_verbs.txt"))
    max_len = max(
        len(x.split())
        for x in (
            *read_lines("officials/organizations.txt"),
            *read_lines("officials/speech_verbs.txt"),
            *(row[0] for row in read_tsv("officials/titles.tsv")),
            *(row[0] for row in read_tsv("officials/honorifics.tsv")),
            *read_lines("officials/countries.txt"),
            *(row[0] for row in read_tsv("officials/org_nouns.tsv")),
        )
    )
    tables = {
        "title": titles.keys(),
        "org": orgs,
        "honorific": honorifics.keys(),
        "given": given.keys(),
        "speech": speech,
        "orgnoun": org_nouns.keys(),
        "country": countries,
    }
    prefixes = {name: _prefixes(keys) for name, keys in tables.items()}
    loose = any(not (c.isalpha() or c in "()") for pre in prefixes.values() for k in pre for c in k)
    suffix_keys = frozenset(match_key(r[0]) for r in suffixes)
    return Lexicon(
        prefixes=prefixes,
        titles=titles,
        organizations=orgs,
        honorifics=honorifics,
        given=given,
        stop=_keyed(read_lines("officials/stopwords.txt")),
        speech=speech,
        suffix_tokens=frozenset(match_key(r[0]) for r in suffixes if r[1] == "yes"),
        suffix_endings=tuple(match_key(r[0]) for r in suffixes),
        modifiers={
            match_key(r[0]): r[1] for r in read_tsv("officials/modifiers.tsv") if len(r) == 2
        },
        common=frozenset(match_key(x) for x in read_lines("known_words.txt")),
        genitive_heads={
            match_key(r[0]): r[1]
            for r in read_tsv("officials/genitive_heads.tsv")
            if len(r) == 2
        },
        office_nouns={
            match_key(r[0]): match_key(r[1])
            for r in read_tsv("officials/office_nouns.tsv")
            if len(r) == 2
        },
        plurals=frozenset(match_key(x) for x in read_lines("officials/plural_words.txt")),
        governed={
            match_key(r[0]): match_key(r[1])
            for r in read_tsv("officials/governed.tsv")
            if len(r) == 2
        },
        compounds=frozenset(
            match_key(r[0])
            for r in read_tsv("zwnj_words.tsv")
            if len(r) == 2 and match_key(r[1].rsplit("\u200c", 1)[-1]) not in suffix_keys
        ),
        adjectives=frozenset(match_key(x) for x in read_lines("adjectives.txt")),
        light_verbs={
            match_key(r[0]): r[1] for r in read_tsv("officials/light_verbs.tsv") if len(r) == 2
        },
        max_len=max_len,
        loose=loose,
        verb_stems=frozenset(match_key(x) for x in read_lines("verb_stems.txt")),
        org_nouns=org_nouns,
        countries=countries,
        particles=frozenset(match_key(x) for x in read_lines("officials/name_particles.txt")),
        ambiguous_given=frozenset(
            match_key(x) for x in read_lines("officials/ambiguous_given.txt")
        ),
        honorific_given=frozenset(
            match_key(x) for x in read_lines("officials/honorific_given.txt")
        ),
        frequent=frozenset(match_key(x) for x in read_lines("officials/frequent_words.txt")),
        noun_endings=tuple(match_key(x) for x in read_lines("officials/noun_endings.txt")),
        eponym_nouns=frozenset(match_key(x) for x in read_lines("officials/eponym_nouns.txt"))
        | frozenset(k for k in org_nouns if k.isalpha()),
        roles=frozenset(match_key(x) for x in read_lines("officials/roles.txt")),
    )


def _prefixes(keys) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    """Every prefix of ``keys`` -> whether it is a whole key."""
    out: dict[str, bool] = {}
    for k in keys:
        for n in range(1, len(k)):
            out.setdefault(k[:n], False)
    for k in keys:
        out[k] = True
    return out
