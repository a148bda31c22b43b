"""Posts given or left: a name, «به»/«از» and the noun of an office.

    APPOINTMENT := NAME («به» | «از») OFFICE-NOUN COMPLEMENT*
                   («[X] به معاونت پارلمانی رفت», «استعفای [X] از ریاست سازمان ...»)

The office noun (office_nouns.tsv: «معاونت» → «معاون», «مدیرعاملی» → «مدیرعامل») is read as
its office head, and the rest of the phrase by the office grammar (:mod:`.titles`). A name
that already holds an office keeps it.
"""

from __future__ import annotations

from ...doc import GeoHit
from .lexicon import Lexicon
from .names import NameMention
from .titles import TitleMention, parse_office
from .tokens import Tokens

__all__ = ["appointments"]

_PREPOSITIONS = frozenset({"به", "از"})


def appointments(
    tokens: Tokens,
    keys: list[str],
    names: list[NameMention],
    geo_at: dict[int, GeoHit],
    lex: Lexicon,
) -> list[TitleMention]:
    """APPOINTMENT (see the module): the offices read after names with none, each set as its
    name's office (``NameMention.office``)."""
    out: list[TitleMention] = []
    if not lex.office_nouns:
        return out
    for n in names:
        j = n.last
        if n.office is not None or j + 1 >= len(keys) or keys[j] not in _PREPOSITIONS:
            continue
        head = lex.office_nouns.get(keys[j + 1])
        if head is None or head not in lex.titles:
            continue
        m = parse_office(tokens, keys, j + 1, lex.titles[head], geo_at, lex)
        if m is not None:
            n.office = m
            out.append(m)
    return out
