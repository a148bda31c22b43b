"""The status of a figure (completed, ongoing, planned) from the grammar of its clause.

In the order a reader of Persian news decides it:

1. purpose: «برای/جهت/به منظور» + a verbal noun right before the number («برای ساخت ۲۰۰
   واحد») says what is to be done: planned, whatever the clause's verb says; so does a
   governing noun at most three words before the number («کلنگ‌زنی ۳ هزار واحد»,
   «پیش‌بینی ...»): the clause's verb may be another's («وزیر در آیین کلنگ‌زنی ... حضور یافت»);
2. the predicate after the counted noun in its clause: the first status phrase
   (``status.tsv``: «افتتاح شد», «در دست اجرا», «قرار است», «از برنامه‌های ...») or, if it
   comes sooner, the first finite verb (``verbs.tsv``) by its tense and aspect: past →
   completed, future («خواهد») → planned, simple present («می‌شود») → planned, or ongoing
   with a habitual adverb («سالانه»); a copula, «داشتن», a negative or a reporting verb
   («اظهار کرد») says nothing;
3. a governing noun whose status holds unless the predicate says otherwise («مراسم افتتاح
   ۷۲ واحد»: completed);
4. «تاکنون» (so far) anywhere before it in the clause: completed.

A part of a breakdown inherits the status of its total (in the stage).

Speed: status phrases are found once per clause of a figure on the shared key stream
(:meth:`~...doc.Doc.key_stream`) and checked with the exact pattern there; the
before-phrases are tried only when one of their words is in reach.
"""

from __future__ import annotations

import bisect
from typing import Any

import regex

from ...text.keys import nth_letter
from .lexicon import status_of
from .window import MI_KEYS, Article, Window, tense

__all__ = ["status"]

_TENSE_STATUS = {"past": "completed", "future": "planned", "planned": "planned"}


def _after_hits(art: Article, sent: tuple[int, int]) -> list[int]:
    """Sorted positions in the clause ``sent`` where a status-after phrase matches (once per
    clause): the phrases' keys found in the clause's part of the key stream
    (:meth:`~...doc.Doc.key_stream`), each checked with the exact pattern there. A match
    never holds a clause end, so those starting in the clause are all in it (and so is the
    key of the phrase that matched): the same positions as a search of the whole stream."""
    memo: dict[tuple[int, int], list[int]] = art.memo.setdefault("status_hits", {})
    hits = memo.get(sent)
    if hits is None:
        s, e = sent
        # the clause folded in place, its deleted characters spaces: the key character k of
        # ``kseg`` is the k-th character of ``spaced`` that is no space
        spaced = art.doc.key_stream()[1].spaced[s:e]
        kseg = spaced.replace(" ", "") if " " in spaced else spaced
        lex = art.lex
        pat = lex.status_after
        text = art.text
        found = set()
        for k_end, k_len in lex.status_keys.iter(kseg):
            p = s + nth_letter(spaced, 0, k_end - k_len + 1)
            if p not in found and pat.match(text, p):
                found.add(p)
        hits = memo[sent] = sorted(found)
    return hits


def _phrase_after(art: Article, unit_end: int, sent: tuple[int, int]) -> tuple[int, str | None]:
    """(position, status) of the first status phrase after ``unit_end`` in the clause."""
    e = sent[1]
    hits = _after_hits(art, sent)
    i = bisect.bisect_left(hits, unit_end)
    if i < len(hits) and hits[i] < e:
        memo: dict[tuple[int, int], Any] = art.memo.setdefault("status_after", {})
        key = (hits[i], e)  # the same for the figures of a sentence
        if key in memo:
            m = memo[key]
        else:
            m = memo[key] = art.lex.status_after.match(art.text, hits[i], e)
        if m:
            return hits[i], status_of(art.lex, m.group())
    return e, None


def _predicate(
    art: Article, win: Window, tail: int, unit_end: int, sent: tuple[int, int]
) -> str | None:
    """Step 2: the status phrase or finite verb after the counted noun, whichever first."""
    s, e = sent
    pos, found = _phrase_after(art, unit_end, sent)
    verb_words = art.lex.verb_words
    i = tail
    starts, keys, kinds = win.starts, win.keys, win.kinds
    while i < win.n or win.has(i):
        # the tokens read so far that start before the phrase, then more of the window
        stop = bisect.bisect_left(starts, pos, i, win.n)
        for k in range(i, stop):
            # the test of :func:`tense` that turns down most tokens, made here
            if kinds[k] == "word" and (keys[k] in verb_words or keys[k].startswith(MI_KEYS)):
                t = tense(win, k)
                if t is not None:
                    if t == "present":
                        lo = max(win.tok_at(s), 0)
                        return "ongoing" if win.has_cue("habitual", lo, k) else "planned"
                    return _TENSE_STATUS.get(t)
        if stop < win.n:
            break  # the phrase is reached
        i = stop
    return found


def _before(
    art: Article, win: Window, pat: regex.Pattern[str], num_start: int, s: int
) -> str | None:
    """A phrase of ``pat`` ending at most three tokens before the number (the last one)."""
    best = None
    at = win.tok_at(num_start)
    for m in pat.finditer(art.text, max(s, num_start - 40), num_start):
        if at - win.tok_at(m.end()) <= 3:
            best = m
    return status_of(art.lex, best.group()) if best else None


def status(art: Article, win: Window, first: int, tail: int, sent: tuple[int, int]) -> str | None:
    """The status of the figure whose number is token ``first`` and whose counted noun ends
    before token ``tail``, in clause ``sent``."""
    lex = art.lex
    bits = lex.anchor_bits
    s = sent[0]
    num_start = win.starts[first]
    lo = max(s, num_start - 40)
    # each phrase list is read only where one of its anchor words is (else it matches none)
    found = None
    near = art.anchor_mask(lo, num_start, sent)
    if near & bits["status_purpose"]:
        found = _before(art, win, lex.status_purpose, num_start, s)
    if not found and near & bits["status_before"]:
        found = _before(art, win, lex.status_before, num_start, s)
    if found:
        return found
    found = _predicate(art, win, tail, win.ends[tail - 1], sent)
    if found:
        return found
    if near & bits["status_governing"]:
        found = _before(art, win, lex.status_governing, num_start, s)
        if found:
            return found
    earlier = None
    if art.anchored(bits["status_earlier"], s, num_start, sent):
        for m in lex.status_earlier.finditer(art.text, s, num_start):
            earlier = m
    return status_of(lex, earlier.group()) if earlier else None
