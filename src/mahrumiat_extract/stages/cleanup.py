"""Article clean-up: site chrome, boilerplate, HTML markup and repeated paragraphs are
blanked out of ``doc.work`` (excluded from extraction) but never deleted from the original.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import re

from ..doc import Doc
from ..resources import read_tsv

__all__ = ["CleanupStage", "lines"]

_TAG = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});",
    re.S | re.I,
)
_LOOKS_HTML = re.compile(r"</?(?:p|div|span|br|html|body|a|b|i|h[1-6]|li|ul|script|style|table|td|tr|img|meta)\b[^<>]*>", re.I)
_SHORT_WORDS = 25
_MIN_REPEAT = 60
_RECENT = 6
_MAX_CHROME = 160


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # «\s?» in the data means an optional space or ZWNJ (normalization may restore one)
    return tuple(
        (action, re.compile(pattern.replace(r"\s?", r"[\s\u200c]?")))
        for action, pattern in read_tsv("meta/boilerplate.tsv")
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


class CleanupStage:
    """Blank HTML tags, boilerplate lines and blocks, and verbatim repeated paragraphs."""

    name = "cleanup"
    reads: tuple[str, ...] = ("norm",)
    writes: tuple[str, ...] = ("work", "excluded")

    def __call__(self, doc: Doc) -> None:
        if not doc.norm.text.strip():
            doc.warn("W101")
            return
        if doc.norm.had_control_chars:
            doc.warn("W102")
        self._html(doc)
        self._boilerplate(doc)
        self._repeats(doc)

    def _html(self, doc: Doc) -> None:
        if not _LOOKS_HTML.search(doc.work):
            return
        doc.warn("W103")
        doc.blank_many([m.span() for m in _TAG.finditer(doc.work)])

    def _boilerplate(self, doc: Doc) -> None:
        rules = _rules()
        spans = list(lines(doc.work))
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(spans):
            s, e = spans[i]
            line = doc.work[s:e]
            # chrome lines are short; a paragraph is never one
            action = None if e - s > _MAX_CHROME else next((a for a, rx in rules if rx.match(line)), None)
            if action == "line":
                out.append((s, e))
            elif action == "rest":
                out.append((s, len(doc.work)))
                break
            elif action == "block":
                out.append((s, e))
                # the related-headline list that follows: short lines, except a last short
                # line followed by a paragraph (that one is the body's own sub-heading)
                j = i + 1
                while j < len(spans) and _is_headline(doc.work[spans[j][0] : spans[j][1]]):
                    nxt = spans[j + 1] if j + 1 < len(spans) else None
                    if nxt is not None and not _is_headline(doc.work[nxt[0] : nxt[1]]):
                        break
                    out.append(spans[j])
                    j += 1
                i = j
                continue
            i += 1
        doc.blank_many(out)

    def _repeats(self, doc: Doc) -> None:
        """A paragraph repeated verbatim, or contained in one of the few paragraphs just
        before it (a lead repeated with the agency's prefix), counts once."""
        seen: set[str] = set()
        recent: list[tuple[int, int, str]] = []
        out: list[tuple[int, int]] = []
        for s, e in lines(doc.work):
            if e - s < _MIN_REPEAT:
                continue  # too short to count as a repeated paragraph, whatever it holds
            para = " ".join(doc.work[s:e].split())
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
        if out:
            doc.warn("W110")
            doc.blank_many(out)
