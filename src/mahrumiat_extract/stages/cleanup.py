"""Article clean-up: site chrome, boilerplate, HTML markup and repeated paragraphs are
blanked out of ``doc.work`` (excluded from extraction) but never deleted from the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..doc import Doc, blank_ranges
from ..resources import read_tsv
from .base import Stage

__all__ = ["Boilerplate", "CleanupStage", "lines"]

_TAG = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});",
    re.S | re.I,
)
_LOOKS_HTML = re.compile(
    r"</?(?:p|div|span|br|html|body|a|b|i|h[1-6]|li|ul|script|style|table|td|tr|img|meta)\b[^<>]*>",
    re.I,
)
_SHORT_WORDS = 25
_MIN_REPEAT = 60
_RECENT = 6
_MAX_CHROME = 160


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The chrome and boilerplate line patterns (``resources/meta/boilerplate.tsv``), each
    with its action: ``line`` (blank the line), ``block`` (the line and the headline list
    after it), ``rest`` (the line and everything after it)."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def load(cls) -> Boilerplate:
        # «\s?» in the data means an optional space or ZWNJ (normalization may restore one)
        return cls(
            tuple(
                (action, re.compile(pattern.replace(r"\s?", r"[\s\u200c]?")))
                for action, pattern in read_tsv("meta/boilerplate.tsv")
            )
        )


def lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every non-blank line of ``text`` (end excludes the newline)."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _SHORT_WORDS and not line.rstrip().endswith((".", ":"))


@dataclass(slots=True)
class Excluded:
    """What :meth:`CleanupStage.match` found: warnings, and the ranges to blank in order
    (HTML first: the boilerplate and repeats are read on the text without tags)."""

    warnings: list[str]
    html: list[tuple[int, int]]
    boilerplate: list[tuple[int, int]]
    repeats: list[tuple[int, int]]


class CleanupStage(Stage):
    """Blank HTML tags, boilerplate lines and blocks, and verbatim repeated paragraphs out of
    ``doc.work`` (kept in the original)."""

    name = "cleanup"
    reads = ("norm", "work")
    writes = ("work", "excluded", "warnings")

    def match(self, doc: Doc) -> Excluded:
        found = Excluded([], [], [], [])
        if not doc.norm.text.strip():
            found.warnings.append("W101")
            return found
        if doc.norm.had_control_chars:
            found.warnings.append("W102")
        work = doc.work
        if _LOOKS_HTML.search(work):
            found.warnings.append("W103")
            found.html = [m.span() for m in _TAG.finditer(work)]
            work = blank_ranges(work, found.html)[0]
        found.boilerplate = self._boilerplate(work)
        work = blank_ranges(work, found.boilerplate)[0]
        found.repeats = _repeats(work)
        if found.repeats:
            found.warnings.append("W110")
        return found

    def set_annotations(self, doc: Doc, found: Excluded) -> None:
        for code in found.warnings:
            doc.warn(code)
        for ranges in (found.html, found.boilerplate, found.repeats):
            doc.blank_many(ranges)

    def _boilerplate(self, work: str) -> list[tuple[int, int]]:
        rules = self.resources.boilerplate.rules
        spans = list(lines(work))
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(spans):
            s, e = spans[i]
            line = work[s:e]
            # chrome lines are short; a paragraph is never one
            action = (
                None
                if e - s > _MAX_CHROME
                else next((a for a, rx in rules if rx.match(line)), None)
            )
            if action == "line":
                out.append((s, e))
            elif action == "rest":
                out.append((s, len(work)))
                break
            elif action == "block":
                out.append((s, e))
                # the related-headline list that follows: short lines, except a last short
                # line followed by a paragraph (that one is the body's own sub-heading)
                j = i + 1
                while j < len(spans) and _is_headline(work[spans[j][0] : spans[j][1]]):
                    nxt = spans[j + 1] if j + 1 < len(spans) else None
                    if nxt is not None and not _is_headline(work[nxt[0] : nxt[1]]):
                        break
                    out.append(spans[j])
                    j += 1
                i = j
                continue
            i += 1
        return out


def _repeats(work: str) -> list[tuple[int, int]]:
    """A paragraph repeated verbatim, or contained in one of the few paragraphs just
    before it (a lead repeated with the agency's prefix), counts once."""
    seen: set[str] = set()
    recent: list[tuple[int, int, str]] = []
    out: list[tuple[int, int]] = []
    for s, e in lines(work):
        if e - s < _MIN_REPEAT:
            continue  # too short to count as a repeated paragraph, whatever it holds
        para = " ".join(work[s:e].split())
        if len(para) < _MIN_REPEAT:
            continue
        if para in seen or any(para in earlier for _, _, earlier in recent):
            out.append((s, e))
            continue
        for k, (es, ee, earlier) in enumerate(recent):
            if earlier and earlier in para:  # an earlier, shorter copy: keep the fuller one
                out.append((es, ee))
                recent[k] = (es, ee, "")
        seen.add(para)
        recent = (recent + [(s, e, para)])[-_RECENT:]
    return out
