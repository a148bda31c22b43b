"""The category of a figure: what kind of projects or jobs the text says it counts.

- «N پروژه در عرصه/حوزه/بخش X» → X;
- «N پروژه عمرانی، خدماتی و تولیدی» → the adjectives; «N پروژه مهم مدیریت شهری» → noun +
  adjective;
- a unit that carries its head («واحد مسکن» → «مسکن») adds the word after it;
- «N پروژه دیگر» → the previous figure's category (in the stage);
- «این N پروژه» → the activity that governed the same N earlier (:func:`governing_word`).
"""

from __future__ import annotations

from .window import Article, Window, window_around

__all__ = ["category", "governing_word"]

_PLURAL = ("های", "ها")
_ADJ_ENDINGS = ("زا", "ساز", "محور")


def _is_intro(win: Window, key: str) -> bool:
    lex = win.lex
    if lex.cue("intro", key):
        return True
    return any(key.endswith(p) and lex.cue("intro", key[: -len(p)]) for p in _PLURAL)


def plain_word(win: Window, i: int) -> bool:
    """Token ``i`` is a content word: no number, conjunction, stop or skip word."""
    if not (0 <= i < win.n or win.has(i)) or win.kinds[i] != "word":
        return False
    k = win.keys[i]
    exact, prefixes = win.lex.not_plain  # «و», «یا», the stop and skip cues in one set
    return not (k in exact or k.startswith(prefixes)) and win.starts[i] not in win.art.num_starts


def _is_adj(win: Window, i: int) -> bool:
    if not plain_word(win, i):
        return False
    k = win.keys[i]
    if k.endswith(_PLURAL) or win.texts[i].endswith("\u200cی") or k.endswith("ای"):
        return False
    return k.endswith("ی") or k.endswith(_ADJ_ENDINGS)


def _phrase(win: Window, i: int, *, nouns: bool, limit: int = 7) -> tuple[int, int] | None:
    """The category phrase from token ``i``: words (or adjectives only) joined by «و»/«،»."""
    j, last, n = i, -1, 0
    while (j < win.n or win.has(j)) and n < limit and win.gap_ok(j - 1, j):
        if plain_word(win, j) if nouns else _is_adj(win, j):
            last, n = j, n + 1
            j += 1
        elif (
            win.keys[j] in ("و", "،", ",")
            and last == j - 1
            and (plain_word(win, j + 1) if nouns else _is_adj(win, j + 1))
        ):
            j += 1
        else:
            break
    if last < 0:
        return None
    return win.starts[i], win.ends[last]


def category(win: Window, after: int, head: str | None) -> str | None:
    """The category stated after the counted noun (token index ``after``)."""
    lex = win.lex
    j = after
    while lex.cue("skip", win.key(j)) and win.gap_ok(j - 1, j):
        j += 1
    if head is not None:
        if plain_word(win, j) and win.gap_ok(j - 1, j):
            return f"{head} {win.texts[j]}"
        return head
    if win.key(j) == "در" and _is_intro(win, win.key(j + 1)):
        span = _phrase(win, j + 2, nouns=True)
    else:
        span = _phrase(win, j, nouns=False)
        if span is None and plain_word(win, j) and _is_adj(win, j + 1):
            adj = _phrase(win, j + 1, nouns=False)
            span = (win.starts[j], adj[1]) if adj else None
    return win.text[span[0] : span[1]] if span else None


def governing_word(art: Article, pos: int) -> str | None:
    """The activity noun before the number at ``pos`` («آبرسانی به ۳۷۲ روستا» →
    «آبرسانی»), read in a window of its own (back over any number of prepositions)."""
    win = window_around(art, pos, pos + 1, full=True)
    i = win.tok_at(pos) - 1
    while i >= 0 and win.key(i) in ("به", "در", "برای", "از", "تعداد"):
        i -= 1
    return win.texts[i] if plain_word(win, i) else None
