"""Article metadata: ``source``, ``published`` and ``title``.

- source: «به گزارش خبرگزاری X», «به گزارش خبرنگار گروه سیاسی X», «به گزارش روابط عمومی ...»
  (the whole institutional phrase), «خبرگزاری X -» opening, «منبع: X», «با خبرنگار X»,
  «OUTLET:» and a closing «/ X» credit line (the agency, not the city); else the caller's.
- published: a full Jalali date in the article's header lines or a «تاریخ انتشار» line
  (dates in the body are events, not publication); else the caller's value.
- title: the first line when it reads as a headline; else the caller's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from ..doc import Doc
from ..resources import read_lines
from ..text.dates import find_dates, parse_published
from ..text.keys import match_key
from .base import Stage
from .cleanup import lines

__all__ = ["MetaLexicon", "MetaStage", "colon_phrases", "find_source"]

_STOP = r"[،,:؛;.»\"\n()\[\]]"
_REPORT = re.compile(r"به\s?گزارش\s*[«\"]?\s*(?P<x>[^،,:؛;.»\"\n()\[\]]{1,120})")
_OPENING = re.compile(r"^\s*(?:خبرگزاری|پایگاه خبری)\s+(?P<x>[^\n\-–—:]{1,40}?)\s*[-–—:]")
_SOURCE_LINE = re.compile(r"(?m)^\s*منبع\s*:\s*(?P<x>[^\n]{1,80}?)\s*$")
_WITH_REPORTER = re.compile(r"(?:با|به)\s+خبرنگار\s+(?P<x>[^،,:؛;.»\"\n()\[\]]{1,80})")
_CREDIT = re.compile(r"(?m)^\s*/\s*(?P<x>[^\n/]{2,40}?)\s*$")
_CUT = re.compile(r"\s(?:از|در|به\s?نقل\s?از|به\s?نقل|و\s?به|پس\s?از)\s")
_MAX_TITLE_WORDS = 30


@dataclass(frozen=True, slots=True)
class MetaLexicon:
    """Outlets (by match key), the words that open an institutional source («روابط عمومی»),
    and the reporter words («خبرنگار», «گروه»): ``resources/meta/``."""

    outlets: dict[str, str]
    cues: frozenset[str]
    reporter: frozenset[str]
    longest: int  # words in the longest outlet name

    @classmethod
    def load(cls) -> MetaLexicon:
        outlets = {match_key(o): o for o in read_lines("meta/outlets.txt")}
        return cls(
            outlets=outlets,
            cues=frozenset(match_key(c) for c in read_lines("meta/source_cues.txt")),
            reporter=frozenset(match_key(w) for w in read_lines("meta/reporter_words.txt")),
            longest=max(len(o.split()) for o in outlets.values()),
        )


def _outlet_prefix(words: list[str], lex: MetaLexicon) -> str | None:
    """The longest known outlet at the start of ``words``."""
    outlets, longest = lex.outlets, lex.longest
    for n in range(min(longest, len(words)), 0, -1):
        hit = outlets.get(match_key("".join(words[:n])))
        if hit is not None:
            return hit
    return None


def _clean_phrase(words: list[str]) -> str:
    return " ".join(words).strip(" -–—«»\"'")


def _source_from(chunk: str, lex: MetaLexicon, *, after_reporter: bool = False) -> str | None:
    """The source named by the words after «به گزارش» / «با خبرنگار»."""
    cues, reporter = lex.cues, lex.reporter
    chunk = _CUT.split(" " + chunk.strip() + " ", maxsplit=1)[0]
    words = chunk.split()
    if not words:
        return None
    had_agency_word = after_reporter
    while words and (
        match_key(words[0]) in reporter or match_key(words[0]) in ("خبرنگار", "خبرگزاری")
    ):
        had_agency_word = True
        words = words[1:]
    if not words:
        return None
    outlet = _outlet_prefix(words, lex)
    if outlet is not None:
        return outlet
    for n in (4, 3, 2, 1):  # an institution: the whole phrase is the source
        if match_key("".join(words[:n])) in cues:
            return _clean_phrase(words[:10])
    if had_agency_word:
        return _clean_phrase(words[:1])
    return _clean_phrase(words[:4]) if len(words) <= 4 else None


#: The words before a colon, read backwards from the colon in the reversed text (see
#: :func:`colon_phrases`): up to three words, each after one space, then a space or the start.
_COLON_WORDS_REVERSED = re.compile(r":\s*(?P<x>[^\s:،]+(?:\s[^\s:،]+){0,2})(?=\s|\Z)")


def colon_phrases(text: str) -> Iterator[tuple[str, int, int]]:
    """The one to three words before each colon, left to right: ``(words, start, end)``.

    What ``re.finditer`` gives with the pattern «a space or the start, one to three words
    (no space, colon or «،») each after one space, spaces, a colon» (its words), read from
    each colon backwards instead: that pattern tries every space of the text and reads the
    words after it, most of the meta stage's time on an article with no source. A match
    holds no colon, so it ends at the first colon after its start, and its leftmost start is
    the one with the most words: the reversed pattern matched at the colon takes the most
    words it can. (Tests: random texts against the forward pattern.)
    """
    c = text.find(":")
    if c < 0:
        return
    n = len(text)
    rev = text[::-1]
    match = _COLON_WORDS_REVERSED.match
    while c >= 0:
        m = match(rev, n - 1 - c)
        if m is not None:
            start, end = n - m.end("x"), n - m.start("x")
            yield text[start:end], start, end
        c = text.find(":", c + 1)


def find_source(text: str, lex: MetaLexicon) -> tuple[str, int, int] | None:
    """``(source, start, end)`` from the article's credit phrases, or None."""
    for m in _REPORT.finditer(text):
        src = _source_from(m.group("x"), lex)
        if src:
            return src, m.start("x"), m.end("x")
    opening = _OPENING.match(text.lstrip("\n "))
    if opening:
        m = opening
        offset = len(text) - len(text.lstrip("\n "))
        src = _source_from(m.group("x"), lex, after_reporter=True)
        if src:
            return src, m.start("x") + offset, m.end("x") + offset
    for rx in (_SOURCE_LINE, _WITH_REPORTER):
        for m in rx.finditer(text):
            src = _source_from(m.group("x"), lex, after_reporter=True)
            if src:
                return src, m.start("x"), m.end("x")
    for phrase, start, end in colon_phrases(text):  # «OUTLET:»
        words = phrase.split()
        for i in range(len(words)):
            outlet = _outlet_prefix(words[i:], lex)
            if outlet and match_key(outlet) == match_key("".join(words[i:])):
                return outlet, start, end
    credits = list(_CREDIT.finditer(text))
    if credits:
        m = credits[-1]
        return _clean_phrase(m.group("x").split()), m.start("x"), m.end("x")
    return None


@dataclass(frozen=True, slots=True)
class Meta:
    """What :meth:`MetaStage.match` found."""

    source: str | None
    published: tuple[str, str] | None
    title: str | None


class MetaStage(Stage):
    """Source, publication date and title (the caller's hints where the text has none)."""

    name = "meta"
    reads = ("work", "norm", "hints")
    writes = ("source", "published", "title")

    def match(self, doc: Doc) -> Meta:
        lex = self.resources.meta
        found = find_source(doc.work, lex) or find_source(doc.norm.text, lex)
        return Meta(
            source=found[0] if found else _hint_str(doc.hints.get("source")),
            published=self._published(doc),
            title=self._title(doc) or _hint_str(doc.hints.get("title")),
        )

    def set_annotations(self, doc: Doc, found: Meta) -> None:
        doc.source, doc.published, doc.title = found.source, found.published, found.title

    def _published(self, doc: Doc) -> tuple[str, str] | None:
        text = doc.norm.text
        header = list(islice(lines(text), 4))
        for s, e in header:
            line = text[s:e]
            # a header date line: the date is most of the line (a dateline, not a sentence;
            # the words counted first: a paragraph is not searched for dates)
            if len(line.split()) <= 12 and (dates := find_dates(line)):
                return dates[0].jalali, dates[0].gregorian
        for m in re.finditer(
            r"(?:تاریخ\s?(?:انتشار|خبر)|منتشر\s?شده\s?در)\s*:?\s*([^\n]{4,40})", text
        ):
            dates = find_dates(m.group(1))
            if dates:
                return dates[0].jalali, dates[0].gregorian
        return parse_published(doc.hints.get("published"))

    def _title(self, doc: Doc) -> str | None:
        text = doc.work
        body = list(islice(lines(text), 5))  # the first four lines, and whether a body follows
        for idx, (s, e) in enumerate(body[:4]):
            line = " ".join(text[s:e].split())
            words = line.split()
            if len(words) <= 12 and find_dates(line):
                continue  # the date line
            if len(words) <= 2 and idx + 1 < len(body):
                continue  # a site name («نیوز سیتی!»)
            if len(words) < 3 or len(words) > _MAX_TITLE_WORDS or line.endswith((".", ":")):
                return None
            if idx + 1 >= len(body):
                return None  # a one-line text is a body, not a headline
            return doc.norm.original_text(s, e).strip()
        return None


def _hint_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
