"""The figures stage's lexical data, loaded once from ``resources/figures/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ahocorasick
import regex

from ... import resources
from ...text.chars import ZWNJ
from ...text.keys import match_key

__all__ = ["FiguresLexicon", "Unit", "phrase_regex", "word_key"]


def word_key(word: str) -> str:
    """A word as the lexicon compares it: ZWNJ removed."""
    return word.replace(ZWNJ, "")


@dataclass(frozen=True, slots=True)
class Unit:
    """A counted noun: its words (keys), the unit recorded and the list it goes to."""

    words: tuple[str, ...]
    name: str
    kind: str  # project, housing, job, person, quantity, money, percent
    factor: int = 1  # rials per unit for money
    category: str | None = None  # category head carried by the noun («واحد مسکن» → «مسکن»)


class WordSet:
    """Words, some of them prefixes («اشتغال*»)."""

    def __init__(self, words: list[str]) -> None:
        self.exact = frozenset(word_key(w) for w in words if not w.endswith("*"))
        self.prefixes = tuple(word_key(w[:-1]) for w in words if w.endswith("*"))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.exact or key.startswith(self.prefixes))


@dataclass(frozen=True, slots=True)
class FiguresLexicon:
    units: dict[str, tuple[Unit, ...]]  # first word key -> units starting with it, longest first
    cues: dict[str, WordSet]
    status_after: regex.Pattern[str]
    status_before: regex.Pattern[str]
    status_purpose: regex.Pattern[str]
    status_governing: regex.Pattern[str]
    status_earlier: regex.Pattern[str]
    status_of: dict[str, str]  # phrase key (no spaces/ZWNJ) -> status
    periods: regex.Pattern[str]
    # for speed: the cue sets as (exact words, prefixes); the status-after phrases' match
    # keys (an automaton over ``Doc.key_stream``)
    cue_sets: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict)
    status_keys: Any = None
    #: for speed: an automaton finding where a period match can start (``rules``): the
    #: first words of the period phrases not starting with «سال», «سال» and «پایان»,
    #: reporting (end index, (length, PERIOD_FIRST | PERIOD_SAL | PERIOD_END bits))
    period_auto: Any = None
    #: negatives.tsv: (kind, where) -> pattern («job», «after»: «از دست رفته»)
    negatives: dict[tuple[str, str], regex.Pattern[str]] = field(default_factory=dict)
    verbs: dict[str, str] = field(default_factory=dict)  # verb form key -> tense (verbs.tsv)
    verb_pairs: dict[tuple[str, str], str] = field(default_factory=dict)  # (word, verb) -> tense
    verb_words: frozenset[str] = frozenset()  # every verb form of verbs.tsv (a quick test)
    #: for speed: an automaton over the text finding, for each phrase list read by a regex
    #: over a short range (the status phrases before the number, «تاکنون», the negatives),
    #: a word that each of its phrases holds literally (its longest part), reporting (end
    #: index, (length, bit mask of the lists)); ``anchor_bits``: list name -> its bit
    anchor_auto: Any = None
    anchor_bits: dict[str, int] = field(default_factory=dict)
    #: the first word keys of the units, and each with «ی» (the ezafe a quick test allows)
    unit_firsts: frozenset[str] = frozenset()
    #: the breakdown cues without spaces (as the stage compares them)
    breakdown_squashed: tuple[str, ...] = ()
    #: the words that are no content word of a category (``category.plain_word``): «و»,
    #: «یا» and the stop and skip cues, as (exact words, prefixes)
    not_plain: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())
    #: the window tokenizer's memo: a token's first character -> its kind (num, word, punct;
    #: one entry a character seen)
    char_kinds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> FiguresLexicon:
        """The lexicon of the shipped files (``resources/figures/``)."""
        return _load()

    def cue(self, kind: str, key: str) -> bool:
        exact, prefixes = self.cue_sets[kind]
        return key in exact or key.startswith(prefixes)


def phrase_regex(phrases: list[str]) -> str:
    """An alternation matching each phrase with optional spaces/ZWNJ between its letters'
    words and at its ZWNJs, at word boundaries, longest phrase first."""
    alts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts = regex.split(r"[ \u200c]+", p.strip())
        alts.append(r"[ \u200c]*".join(regex.escape(x) for x in parts))
    return r"(?<![\p{L}\u200c])(?:" + "|".join(alts) + r")(?![\p{L}])"


def _parts(phrase: str) -> list[str]:
    parts: list[str] = regex.split(r"[ \u200c]+", phrase.strip())
    return parts


def _key_automaton(phrases: list[str]) -> Any:
    """An automaton finding each phrase's match key (spaces/ZWNJ removed, folded), reporting
    (end index, key length)."""
    auto = ahocorasick.Automaton()
    for p in phrases:
        k = match_key(p)
        auto.add_word(k, len(k))
    auto.make_automaton()
    return auto


def _anchors(phrases: list[str]) -> tuple[str, ...]:
    """Words one of which each phrase holds literally: its longest part."""
    return tuple(sorted({max(_parts(p), key=len) for p in phrases}))


def _anchor_automaton(lists: dict[str, list[str]]) -> tuple[Any, dict[str, int]]:
    """The automaton of :attr:`FiguresLexicon.anchor_auto` for the phrase lists ``lists``
    (name -> phrases) and each list's bit. A match of :func:`phrase_regex` holds each part
    of its phrase literally, so no match lies in a range that holds no anchor of its list."""
    bits = {name: 1 << k for k, name in enumerate(sorted(lists))}
    masks: dict[str, int] = {}
    for name, phrases in lists.items():
        for a in _anchors(phrases):
            masks[a] = masks.get(a, 0) | bits[name]
    auto = ahocorasick.Automaton()
    for word, mask in masks.items():
        auto.add_word(word, (len(word), mask))
    auto.make_automaton()
    return auto, bits


PERIOD_FIRST, PERIOD_SAL, PERIOD_END = 1, 2, 4  # the bits of period_auto's values


def _period_automaton(firsts: tuple[str, ...]) -> Any:
    """:attr:`FiguresLexicon.period_auto` for the period phrases' first words ``firsts``."""
    bits = {w: PERIOD_FIRST for w in firsts if not w.startswith("سال")}
    bits["سال"] = bits.get("سال", 0) | PERIOD_SAL
    bits["پایان"] = bits.get("پایان", 0) | PERIOD_END
    auto = ahocorasick.Automaton()
    for word, bit in bits.items():
        auto.add_word(word, (len(word), bit))
    auto.make_automaton()
    return auto


def _squash(text: str) -> str:
    return text.replace(" ", "").replace(ZWNJ, "").replace("\n", "")


def _load() -> FiguresLexicon:
    units: dict[str, list[Unit]] = {}
    for row in resources.read_tsv("figures/units.tsv"):
        surface, name, kind = row[0], row[1], row[2]
        factor = 1
        if kind.startswith("money:"):
            kind, factor = "money", int(kind.split(":", 1)[1])
        words = tuple(word_key(w) for w in surface.split())
        head = row[3] if len(row) > 3 and row[3] else None
        units.setdefault(words[0], []).append(Unit(words, name, kind, factor, head))
    cue_words: dict[str, list[str]] = {}
    for kind, word in resources.read_tsv("figures/cues.tsv"):
        cue_words.setdefault(kind, []).append(word)
    where_phrases: dict[str, list[str]] = {
        "after": [],
        "before": [],
        "purpose": [],
        "governing": [],
        "earlier": [],
    }
    status_of: dict[str, str] = {}
    for phrase, status, where in resources.read_tsv("figures/status.tsv"):
        where_phrases[where].append(phrase)
        status_of[_squash(phrase)] = status
    after, before = where_phrases["after"], where_phrases["before"]
    negative_phrases: dict[tuple[str, str], list[str]] = {}
    for kind, where, phrase in resources.read_tsv("figures/negatives.tsv"):
        negative_phrases.setdefault((kind, where), []).append(phrase)
    verbs: dict[str, str] = {}
    verb_pairs: dict[tuple[str, str], str] = {}
    for form, tense in resources.read_tsv("figures/verbs.tsv"):
        forms = [word_key(w) for w in form.split()]
        if len(forms) == 2:
            verb_pairs[(forms[0], forms[1])] = tense
        else:
            verbs[forms[0]] = tense
    periods = list(resources.read_lines("figures/periods.txt"))
    year = r"(?:\d{4}|\d{2})"
    grammar = (
        rf"(?:از[ ]+)?سال[ ]+{year}[ ]+(?:تا[ ]*کنون|تا[ ]+(?:سال[ ]+)?{year})"
        rf"|تا[ ]+پایان[ ]+(?:سال[ ]+{year}|امسال|سال[ ]+جاری|سال)"
        rf"|(?<=سال[ ]+)(?:13|14)\d\d(?!\d)"
    )
    cues = {k: WordSet(v) for k, v in cue_words.items()}
    anchor_lists = {
        "status_" + w: where_phrases[w] for w in ("before", "purpose", "governing", "earlier")
    }
    for (kind, where), phrases in negative_phrases.items():
        anchor_lists[f"negative_{kind}_{where}"] = phrases
    anchor_auto, anchor_bits = _anchor_automaton(anchor_lists)
    period_firsts = tuple(sorted({_parts(p)[0] for p in periods} | {"سال"}))
    return FiguresLexicon(
        units={k: tuple(sorted(v, key=lambda u: -len(u.words))) for k, v in units.items()},
        cues=cues,
        status_after=regex.compile(phrase_regex(after)),
        status_before=regex.compile(phrase_regex(before)),
        status_purpose=regex.compile(phrase_regex(where_phrases["purpose"])),
        status_governing=regex.compile(phrase_regex(where_phrases["governing"])),
        status_earlier=regex.compile(phrase_regex(where_phrases["earlier"])),
        status_of=status_of,
        periods=regex.compile(rf"(?:{grammar})|{phrase_regex(periods)}"),
        cue_sets={k: (w.exact, w.prefixes) for k, w in cues.items()},
        status_keys=_key_automaton(after),
        period_auto=_period_automaton(period_firsts),
        negatives={k: regex.compile(phrase_regex(v)) for k, v in negative_phrases.items()},
        verbs=verbs,
        verb_pairs=verb_pairs,
        verb_words=frozenset(verbs) | {second for _, second in verb_pairs},
        anchor_auto=anchor_auto,
        anchor_bits=anchor_bits,
        unit_firsts=frozenset(units) | {k + "ی" for k in units},
        breakdown_squashed=tuple(p.replace(" ", "") for p in cues["breakdown"].exact),
        not_plain=(
            cues["stop"].exact | cues["skip"].exact | {"و", "یا"},
            cues["stop"].prefixes + cues["skip"].prefixes,
        ),
    )


def status_of(lex: FiguresLexicon, matched: str) -> str | None:
    return lex.status_of.get(_squash(matched))
