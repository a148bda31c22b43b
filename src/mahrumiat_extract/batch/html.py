"""HTML into article text: whole pages through trafilatura, feed fragments by a small stripper.

trafilatura drops every zero-width character, ZWNJ included («محرومیت‌زدایی» would come out as
«محرومیتزدایی»), so ZWNJ is swapped for a printable placeholder around the call.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

__all__ = ["MIN_ARTICLE_CHARS", "PageText", "fragment_to_text", "page_to_text"]

#: A page whose main text has fewer letters than this holds no article (menus, error pages).
MIN_ARTICLE_CHARS = 80

_ZWNJ = "\u200c"
_PLACEHOLDER = "\u2040"  # CHARACTER TIE: printable, never found in Persian news text
_LETTER = re.compile(r"\w")
_BLOCK = re.compile(
    r"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?blockquote|/?section|/?article)\b[^>]*>", re.I
)
_DROP = re.compile(r"<\s*(script|style|noscript)\b.*?<\s*/\s*\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")


@dataclass(frozen=True, slots=True)
class PageText:
    """The article text of a page and the metadata trafilatura found (or None)."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


def page_to_text(page: str, *, url: str | None = None) -> PageText | None:
    """The main text of a whole HTML page, or None when the page holds no article."""
    import trafilatura  # heavy import: only in the processes that convert HTML

    doc = trafilatura.bare_extraction(
        page.replace(_ZWNJ, _PLACEHOLDER),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    text = getattr(doc, "text", None) or ""
    if len(_LETTER.findall(text)) < MIN_ARTICLE_CHARS:
        return None

    def restore(value: object) -> str | None:
        return (
            value.replace(_PLACEHOLDER, _ZWNJ).strip() or None if isinstance(value, str) else None
        )

    return PageText(
        text=text.replace(_PLACEHOLDER, _ZWNJ),
        title=restore(getattr(doc, "title", None)),
        date=restore(getattr(doc, "date", None)),
        source=restore(getattr(doc, "sitename", None)),
    )


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): block tags become line breaks,
    other tags go, entities are decoded.

    >>> fragment_to_text("<p>سلام&nbsp;دنیا</p><p>دوم</p>")
    'سلام\\xa0دنیا\\nدوم'
    """
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    text = _DROP.sub(" ", fragment)
    text = _BLOCK.sub("\n", text)
    text = htmllib.unescape(_TAG.sub(" ", text))
    text = _BLANKS.sub(" ", text)
    return _LINES.sub("\n", text).strip()
