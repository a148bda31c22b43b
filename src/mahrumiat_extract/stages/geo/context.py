"""Context rules that say a gazetteer name is not the place (issue 14), each a line of
``resources/geo/contexts.tsv``:

- an **agency credit**: «به گزارش گروه اقتصاد بین‌الملل فارس», «به نقل از ایرنا و فارس»,
  «منبع خبر: فارس», «در گفت‌وگو با فارس» (a place cue or «از» between keeps a reporting
  place: «به گزارش خبرنگار مهر از شیراز», «به گزارش روابط عمومی استانداری یزد»);
- a **brand**: a team's or company's name right before it («سپاهان اصفهان», «فولاد مبارکه»),
  unless a facility word comes first («پالایشگاه نفت آبادان»); in a sports article, any name
  right after a word that is no place cue («حفاری اهواز», «شهرداری تبریز» in a fixture list);
- **nature**: a lake, river, mountain or sea («دریاچه ارومیه», «زرینه رود»);
- **the state**: «تهران» beside a foreign capital («روابط تهران و واشنگتن»).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from ...resources import read_tsv
from ...text.keys import match_key

__all__ = ["ContextWords", "CueTest"]

#: Whether the last words (of a list) are a place cue or a place.
CueTest = Callable[[list[str]], bool]

_WORD = regex.compile(r"[\p{L}\p{M}\u200c]+|\d+|[^\s\p{L}\p{M}\u200c\d]")
_CLAUSE_END = frozenset("،,.؛;!?؟()\n–—-")
_LOOK = 90  # characters read before a name
_CREDIT_GAP = 6  # words between a credit opener and the outlet's name
_SPORTS_MIN = 3  # distinct sports words that make an article about sport
_VENUE_GAP = 4  # words between a venue word and the name it locates


def _phrase_key(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(match_key(w) for w in words)


@dataclass(frozen=True, slots=True)
class ContextWords:
    """The words of each role (keys: ``match_key`` of each word, joined by one space)."""

    roles: dict[str, frozenset[str]]
    longest: int  # words in the longest phrase
    sport_re: regex.Pattern[str]

    @classmethod
    def load(cls) -> ContextWords:
        roles: dict[str, set[str]] = {}
        longest = 1
        sport: list[str] = []
        for phrase, role in read_tsv("geo/contexts.tsv"):
            words = phrase.replace("\u200c", " ").split()
            roles.setdefault(role, set()).add(_phrase_key(words))
            longest = max(longest, len(words))
            if role == "sport":
                sport.append(phrase)
        sport.sort(key=len, reverse=True)
        sport_re = regex.compile(
            r"(?<![\p{L}\p{M}\u200c])(?:" + "|".join(map(regex.escape, sport)) + r")(?![\p{L}\p{M}])"
        )
        return cls({k: frozenset(v) for k, v in roles.items()}, longest, sport_re)

    def is_sports(self, text: str) -> bool:
        """Several distinct sports words: the article is about sport."""
        seen: set[str] = set()
        for m in self.sport_re.finditer(text):
            seen.add(m.group())
            if len(seen) >= _SPORTS_MIN:
                return True
        return False

    def _ends_with(self, words: list[str], role: str) -> int:
        """How many of the last ``words`` form a phrase of ``role`` (0: none)."""
        phrases = self.roles.get(role, frozenset())
        for n in range(min(self.longest, len(words)), 0, -1):
            if _phrase_key(words[-n:]) in phrases:
                return n
        return 0

    def rejects(self, text: str, start: int, end: int, *, sports: bool, is_cue: CueTest) -> bool:
        """Whether the name at ``[start, end)`` is an outlet, a brand, a team, a natural
        feature or the state rather than the place (``is_cue``: whether words are a place cue;
        ``sports``: the article is about sport)."""
        toks = _WORD.findall(text, max(0, start - _LOOK), start)
        if start > _LOOK and toks:
            toks = toks[1:]  # the first may be cut
        # the words right before the name (no punctuation between)
        near: list[str] = []
        for t in reversed(toks):
            if not (t[0].isalpha() or t[0] == "\u200c"):
                break
            near.insert(0, t)
        if self._credit(toks, is_cue):
            return True
        if near and self._ends_with(near, "nature"):
            return True
        after = _WORD.findall(text, end, min(len(text), end + 12))
        if after and _phrase_key(after[:1]) in self.roles.get("river", ()):
            return True
        name = match_key(text[start:end])
        if name == "تهران" and self._state(near, after):
            return True
        n = self._ends_with(near, "brand")
        if n and not self._ends_with(near[:-n], "keep"):
            return True
        if sports and near:
            return self._team(near, is_cue)
        return False

    def _credit(self, toks: list[str], is_cue: CueTest) -> bool:
        """An agency credit opens the clause before the name, with no place cue between."""
        words: list[str] = []
        for t in reversed(toks):
            if t in _CLAUSE_END:
                break
            if t[0].isalpha() or t[0] == "\u200c":
                words.insert(0, t)
        words = " ".join(words).replace("\u200c", " ").split()
        credit = self.roles.get("credit", frozenset())
        for i in range(len(words) - 1, -1, -1):
            for n in range(min(self.longest, i + 1), 0, -1):
                if _phrase_key(words[i - n + 1 : i + 1]) in credit:
                    between = words[i + 1 :]
                    if len(between) > _CREDIT_GAP:
                        return False
                    return not any(is_cue(between[j:]) for j in range(len(between)))
        return False

    def _state(self, near: list[str], after: list[str]) -> bool:
        state = self.roles.get("state", frozenset())
        if near and (match_key(near[-1]) in state or len(near) >= 2 and match_key(near[-1]) == "و" and match_key(near[-2]) in state):
            return True
        words = [w for w in after if w[0].isalpha()]
        return len(words) >= 2 and match_key(words[0]) == "و" and (
            match_key(words[1]) in state or _phrase_key(words[1:3]) in state
        )

    def _team(self, near: list[str], is_cue: CueTest) -> bool:
        """In a sports article: a name right after a word that is no place cue is a team,
        unless a venue word comes shortly before («ورزشگاه امام رضا مشهد»)."""
        if self._ends_with(near, "team"):
            return True
        if is_cue(near):
            return False
        keep = self.roles.get("keep", frozenset())
        return not any(match_key(w) in keep for w in near[-_VENUE_GAP:])

