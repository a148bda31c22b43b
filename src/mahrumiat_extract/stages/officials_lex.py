"""The officials' lexicon: offices, organizations, honorifics, given names, stop words.

Everything is read once from ``resources/officials/`` and keyed by ``match_key`` with the
commas dropped, so a phrase matches across spaces, ZWNJ and spelling variants alike: the
token keys of a text are joined and looked up in one dict per phrase length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_lines, read_tsv
from ..text.keys import match_key

__all__ = ["Lexicon", "TitleEntry", "lexicon", "phrase_key"]

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
    max_len: int
    prefixes: dict[str, frozenset[str]]  # table -> every prefix of its keys

    def phrase(self, keys: list[str], i: int, table: str) -> tuple[str, int] | None:
        """The longest phrase of ``table`` starting at token ``i``: (key, tokens used)."""
        found: tuple[str, int] | None = None
        acc = ""
        used = 0
        for j in range(i, min(len(keys), i + self.max_len + 2)):
            k = keys[j]
            used += 1
            if k in ("،", ",", "؛"):
                if not acc:
                    return None
                continue
            if not k or not (k[0].isalpha() or k[0] in "()"):
                break
            acc += k
            if acc not in self.prefixes[table]:
                break
            if self._has(table, acc):
                found = (acc, used)
        return found

    def _has(self, table: str, k: str) -> bool:
        if table == "title":
            return k in self.titles
        if table == "org":
            return k in self.organizations
        if table == "honorific":
            return k in self.honorifics
        if table == "given":
            return k in self.given
        return k in self.speech


def _keyed(lines: tuple[str, ...]) -> frozenset[str]:
    return frozenset(phrase_key(x) for x in lines)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, built once."""
    titles = {
        phrase_key(row[0]): TitleEntry(row[1], row[2], row[3])
        for row in read_tsv("officials/titles.tsv")
        if len(row) == 4
    }
    honorifics = {
        phrase_key(row[0]): (row[1], row[2]) for row in read_tsv("officials/honorifics.tsv") if len(row) == 3
    }
    given = {match_key(x): x for x in read_lines("officials/given_names.txt")}
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
        )
    )
    tables = {
        "title": titles.keys(),
        "org": orgs,
        "honorific": honorifics.keys(),
        "given": given.keys(),
        "speech": speech,
    }
    prefixes = {name: frozenset(k[:n] for k in keys for n in range(1, len(k) + 1)) for name, keys in tables.items()}
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
        modifiers={match_key(r[0]): r[1] for r in read_tsv("officials/modifiers.tsv") if len(r) == 2},
        common=frozenset(match_key(x) for x in read_lines("known_words.txt")),
        adjectives=frozenset(match_key(x) for x in read_lines("adjectives.txt")),
        max_len=max_len,
    )
