"""Context rules that say a gazetteer name is not the place (issue 14), each a line of
``resources/geo/contexts.tsv``:

- an **agency credit**: «به گزارش گروه اقتصاد بین‌الملل فارس», «به نقل از ایرنا و فارس»,
  «منبع خبر: فارس», «در گفت‌وگو با فارس», «/ فارس», a name alone after the last sentence,
  «فارس گزارش می‌دهد» (a place cue or «از» between keeps a reporting
  place: «به گزارش خبرنگار مهر از شیراز», «به گزارش روابط عمومی استانداری یزد»);
- a **brand**: a team's or company's name right before it («سپاهان اصفهان», «فولاد مبارکه»),
  unless a facility word comes first («پالایشگاه نفت آبادان»); in a sports article, any name
  right after a word that is no place cue («حفاری اهواز», «شهرداری تبریز» in a fixture list);
- **nature**: a lake, river, mountain or sea («دریاچه ارومیه», «زرینه رود»);
- **the state**: «تهران» beside a foreign capital («روابط تهران و واشنگتن»);
- a **venue's name**: «سالن حمیدیا استانداری یزد», «بیمارستان گلستان اهواز».
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import regex

from ...resources import read_lines, read_tsv
from ...text.keys import match_key
from .wordkeys import words_key

__all__ = ["ContextWords", "CueTest", "SportsTest"]

#: Whether the last words (their match keys) are a place cue or a place.
CueTest = Callable[[list[str]], bool]

_WORD = regex.compile(r"[\p{L}\p{M}\u200c]+|\d+|[^\s\p{L}\p{M}\u200c\d]")
_CLAUSE_END = frozenset("،,.؛;!?؟()\n–—-")
_LOOK = 90  # characters read before a name
_CREDIT_GAP = 6  # words between a credit opener and the outlet's name
_SPORTS_MIN = 3  # distinct sports words that make an article about sport
_VENUE_GAP = 4  # words between a venue word and the name it locates
_LETTERS_AT_END = regex.compile(r"[\p{L}\p{M}\u200c]+$")
_LETTERS_AT_START = regex.compile(r"\u200c?[\p{L}\p{M}\u200c]+")
_NEAR_CHARS = 60  # characters read for them
_NEAR_WORDS = 5  # words read right before a name
# a credit opener has one of these: a window without any has no credit (a cheap first test)
# (``re``: no class of ``regex``'s needed, and ``re`` searches a window twice as fast)
_CREDIT_ANCHOR = re.compile("گزارش|نقل|منبع|گفت[\u200c ]?و[\u200c ]?گو|گفتگو|مصاحبه")


def _phrase_key(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(match_key(w) for w in words)


@dataclass(frozen=True, slots=True)
class ContextWords:
    """The words of each role (keys: ``match_key`` of each word, joined by one space)."""

    roles: dict[str, frozenset[str]]
    longest: int  # words in the longest phrase
    sport_re: regex.Pattern[str]
    sport_words: tuple[str, ...]
    triggers: frozenset[str]  # the last words of the nature and brand phrases
    # per role: the last words of its phrases, and the words in its longest phrase (a cheap
    # first test: the words before a name end a phrase only if the last of them ends one)
    lasts: dict[str, frozenset[str]]
    lengths: dict[str, int]
    surname_endings: frozenset[str]  # «پور», «زاده» ... (surname_endings.txt)
    predicate_names: frozenset[str]  # the first words of the predicate phrases

    @classmethod
    def load(cls) -> ContextWords:
        roles: dict[str, set[str]] = {}
        longest = 1
        sport: list[str] = []
        for phrase, role in read_tsv("geo/contexts.tsv"):
            words = phrase.split()  # a ZWNJ joins one word («ذوب‌آهن»), as the text's split does
            roles.setdefault(role, set()).add(_phrase_key(words))
            longest = max(longest, len(words))
            if role == "sport":
                sport.append(phrase)
        sport.sort(key=len, reverse=True)
        sport_re = regex.compile(
            r"(?<![\p{L}\p{M}\u200c])(?:"
            + "|".join(map(regex.escape, sport))
            + r")(?![\p{L}\p{M}])"
        )
        triggers = frozenset(
            k.split(" ")[-1] for role in ("nature", "brand") for k in roles.get(role, ())
        )
        lasts = {role: frozenset(k.split(" ")[-1] for k in ks) for role, ks in roles.items()}
        lengths = {role: max(k.count(" ") + 1 for k in ks) for role, ks in roles.items()}
        return cls(
            {k: frozenset(v) for k, v in roles.items()},
            longest,
            sport_re,
            tuple(sport),
            triggers,
            lasts,
            lengths,
            frozenset(read_lines("geo/surname_endings.txt")),
            frozenset(k.split(" ")[0] for k in roles.get("predicate", ())),
        )

    def is_sports(self, text: str) -> bool:
        """Several distinct sports words, one of them a team, a club or a league: the article
        is about sport."""
        if not ("تیم" in text or "باشگاه" in text or "لیگ" in text):
            return False
        found = 0
        for w in self.sport_words:  # a cheap first test: stops at the third word found
            if w in text:
                found += 1
                if found == _SPORTS_MIN:
                    break
        else:
            return False
        seen: set[str] = set()
        for m in self.sport_re.finditer(text):
            seen.add(m.group())
            if len(seen) >= _SPORTS_MIN:
                return True
        return False

    def _ends_with(self, keys: list[str], role: str) -> int:
        """How many of the last words (``keys``: their match keys) form a phrase of
        ``role`` (0: none)."""
        if not keys or keys[-1] not in self.lasts.get(role, ()):
            return 0
        phrases = self.roles[role]
        for n in range(min(self.lengths[role], len(keys)), 0, -1):
            if " ".join(keys[-n:]) in phrases:
                return n
        return 0

    def rejects(
        self, text: str, start: int, end: int, *, sports: SportsTest, is_cue: CueTest
    ) -> bool:
        """Whether the name at ``[start, end)`` is an outlet, a brand, a team, a natural
        feature or the state rather than the place (``is_cue``: whether words are a place cue;
        ``sports``: the article is about sport)."""
        begin = max(0, start - _LOOK)
        # the words right before the name (no punctuation between), by a plain split
        # (only the last ``_NEAR_WORDS`` words can be read: ``rsplit`` splits no further)
        near: list[str] = []
        last = text[max(0, start - _NEAR_CHARS) : start].rsplit(None, _NEAR_WORDS)
        for t in reversed(last[-_NEAR_WORDS:]):
            if not t.replace("\u200c", "").isalpha():
                tail = _LETTERS_AT_END.search(t)  # «است:ملوان»: the word after the colon
                if tail:
                    near.append(tail.group())
                break
            near.append(t)
        near.reverse()
        # their match keys, folded in one call (spaces kept between the words)
        keys = words_key(" ".join(near)).split(" ") if near else []
        if _CREDIT_ANCHOR.search(text, begin, start) and self._credit(
            text, begin, start, is_cue, name=text[start:end]
        ):
            return True
        if _credit_line(text, start, end):
            return True
        tehran = text[start:end] == "تهران"
        after: list[str] = []
        if (
            tehran
            or "رود" in text[end : end + 8]
            or keys
            and keys[-1] in self.roles.get("venue", ())
        ):
            after = [
                m.group()
                for m in (_LETTERS_AT_START.match(t) for t in text[end : end + 16].split()[:3])
                if m
            ]
            if after and match_key(after[0]) in self.roles.get("river", ()):
                return True
            if (
                keys
                and keys[-1] in self.roles.get("venue", ())
                and after
                and is_cue([match_key(after[0])])
            ):
                return True  # «سالن حمیدیا استانداری یزد»: the hall's name, then its place
            if tehran and self._state(keys, after):
                return True
        if keys and keys[-1] in self.triggers:
            # the word right before ends a brand, lake or river phrase
            if self._ends_with(keys, "nature"):
                return True
            n = self._ends_with(keys, "brand")
            if n and not self._ends_with(keys[:-n], "keep"):
                return True
        if self._person(text, start, end, keys, is_cue):
            return True
        return bool(near) and self._team(near, keys, is_cue, sports)

    def _person(self, text: str, start: int, end: int, keys: list[str], is_cue: CueTest) -> bool:
        """The name is no place but a person's or a word's: after an author word («نوشته امل
        ناصر»); with no place cue before it, a given name with a surname after it («مهران
        حاتم پور») or a common noun as a predicate («همه جا گلستان شد»)."""
        if self._ends_with(keys, "author"):
            return True
        return (self._surname_after(text, end) or self._predicate(text, start, end)) and not is_cue(
            keys
        )

    def _predicate(self, text: str, start: int, end: int) -> bool:
        """The name and the verb after it are a predicate («همه جا گلستان شد»)."""
        name = match_key(text[start:end])
        if name not in self.predicate_names:
            return False
        after = [
            m.group() for m in map(_LETTERS_AT_START.match, text[end : end + 24].split()[:3]) if m
        ]
        phrases = self.roles["predicate"]
        return any(
            " ".join([name, *map(match_key, after[:n])]) in phrases
            for n in range(1, len(after) + 1)
        )

    def _surname_after(self, text: str, end: int) -> bool:
        """A word and a surname ending right after the name («حاتم پور», «ولی‌پور»)."""
        if text[end : end + 1] != " ":
            return False
        words = text[end + 1 : end + 30].split(maxsplit=2)
        if not words or not words[0].replace("\u200c", "").isalpha():
            return False
        endings = self.surname_endings
        head, _, tail = words[0].rpartition("\u200c")
        if head and tail in endings:
            return True
        return len(words) > 1 and words[1] in endings

    def _credit(self, text: str, begin: int, start: int, is_cue: CueTest, *, name: str) -> bool:
        """An agency credit opens the clause before the name, with no place cue between (a
        that is also an agency's may follow «از» there: the credit quotes the agency, not a
        reporting place)."""
        words = [
            t
            for t in _clause_tokens(text, begin, start)
            if t[0].isalpha() or t[0] == "\u200c"
        ]
        words = " ".join(words).replace("\u200c", " ").split()
        keys = words_key(" ".join(words)).split(" ") if words else []
        credit = self.roles.get("credit", frozenset())
        credit_lasts = self.lasts.get("credit", frozenset())
        longest = self.lengths.get("credit", 1)
        for i in range(len(keys) - 1, -1, -1):
            if keys[i] not in credit_lasts:
                continue
            for n in range(min(longest, i + 1), 0, -1):
                if " ".join(keys[i - n + 1 : i + 1]) in credit:
                    between = words[i + 1 :]
                    if len(between) > _CREDIT_GAP:
                        return False
                    between_keys = keys[i + 1 :]
                    if between_keys[-1:] == ["از"] and match_key(name) in self.roles.get(
                        "agency", ()
                    ):
                        return True  # «به گزارش "ورزش سه" از فارس»: quoting the agency
                    return not any(is_cue(between_keys[: j + 1]) for j in range(len(between_keys)))
        return False

    def _state(self, keys: list[str], after: list[str]) -> bool:
        """«روابط تهران», «تهران و واشنگتن», «مسکو و تهران»."""
        state = self.roles.get("state", frozenset())
        if keys and (keys[-1] in state or len(keys) >= 2 and keys[-1] == "و" and keys[-2] in state):
            return True
        words = [match_key(w) for w in after]
        return (
            len(words) >= 2
            and words[0] == "و"
            and (words[1] in state or " ".join(words[1:3]) in state)
        )

    def _team(self, near: list[str], keys: list[str], is_cue: CueTest, sports: SportsTest) -> bool:
        """In a sports article: a name right after a word that is no place cue is a team,
        unless a venue word comes shortly before («ورزشگاه امام رضا مشهد»); whether the
        article is about sport is asked last (most names never need it)."""
        if self._ends_with(keys, "team"):
            return sports()
        if is_cue(keys):
            return False
        keep = self.roles.get("keep", frozenset())
        return not any(k in keep for k in keys[-_VENUE_GAP:]) and sports()

    def after_team_word(self, text: str, start: int) -> bool:
        """A team's cue right before ``start`` («شهرداری تبریز», «دانشگاه آزاد تهران»)."""
        words = text[max(0, start - _NEAR_CHARS) : start].split()[-2:]
        if not words:
            return False
        keys = words_key(" ".join(words)).split(" ")
        return self._ends_with(keys, "team") > 0


def _clause_tokens(text: str, begin: int, start: int) -> list[str]:
    """The tokens (``_WORD``) of ``text[begin:start]`` after the last clause end (the first
    token dropped when ``begin > 0``: it may be cut). Only the tail after the last clause-end
    character is tokenized: each such character is a token of its own, so the tokens after it
    are those of the whole window."""
    last = _LAST_CLAUSE_END.match(text, begin, start)
    if last is not None:
        at = last.end() - 1
        # the window's first token is dropped: a clause end there ends nothing
        first = _FIRST_TOKEN.match(text, begin, start) if begin > 0 else None
        if first is None or first.start(1) != at:
            tail: list[str] = _WORD.findall(text, at + 1, start)
            return tail
    toks: list[str] = _WORD.findall(text, begin, start)
    if begin > 0 and toks:
        toks = toks[1:]  # the first may be cut
    return [t for t in toks if t not in _CLAUSE_END]


# the last clause end of a window that can be a token (a newline is a space, never a token);
# ``.*`` is greedy, so the match ends at the last one
_LAST_CLAUSE_END = regex.compile(
    r"(?s).*[" + regex.escape("".join(sorted(_CLAUSE_END - {"\n"}))) + "]"
)
_FIRST_TOKEN = regex.compile(r"\s*(\S)")

_ONLY_SPACE = regex.compile(r"\s*\Z")
_REPORTS = regex.compile(r"\s*گزارش\s*(?:می|می\u200c)")


def _credit_line(text: str, start: int, end: int) -> bool:
    """A credit line: «/ فارس», a name alone after the last sentence («... است. فارس»), or
    «فارس گزارش می‌دهد»."""
    before = text[max(0, start - 3) : start].rstrip(" \u200c")
    if before.endswith("/"):
        return True
    if (not before or before[-1] in ".!؟?\n»") and _ONLY_SPACE.match(text, end):
        return True  # (a match that stops at the first letter: no copy of the rest)
    # «گزارش» right after the name, or after spaces (``regex``'s \s is ``str.isspace``'s subset:
    # after one space, the next character is «گ» or another space, else nothing matches)
    nxt = text[end : end + 2]
    if nxt[:1] == "گ":
        return bool(_REPORTS.match(text, end))
    return (
        nxt[:1].isspace()
        and (nxt[1:] == "گ" or nxt[1:].isspace())
        and bool(_REPORTS.match(text, end))
    )


class SportsTest:
    """Whether an article is about sport (:meth:`ContextWords.is_sports`), read the first
    time a name asks (most articles never need it)."""

    __slots__ = ("ctx", "text", "value")

    def __init__(self, ctx: ContextWords, text: str) -> None:
        self.ctx = ctx
        self.text = text
        self.value: bool | None = None

    def __call__(self) -> bool:
        if self.value is None:
            self.value = self.ctx.is_sports(self.text)
        return self.value
