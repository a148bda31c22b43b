"""Every mention of a record highlighted in the original text, as right-to-left HTML.

>>> from mahrumiat_extract import extract
>>> from mahrumiat_extract.highlight import highlight_html
>>> text = "استاندار لرستان گفت: ۱۳۲ پروژه افتتاح شد."
>>> html = highlight_html(text, extract(text))
>>> html.startswith('<div dir="rtl"')
True

The text is cut at every span boundary; each piece is wrapped in one ``<mark>`` per kind that
covers it (so overlapping and nested mentions all stay visible), and the kind is written after
the last piece of each span. Needs no third-party package.
"""

from __future__ import annotations

import html

from .records import ArticleRecord

__all__ = ["KIND_COLORS", "highlight_html"]

#: span kind (``ArticleRecord.spans()``) -> background colour
KIND_COLORS: dict[str, str] = {
    "official": "#f9c74f",
    "province": "#90be6d",
    "place": "#43aa8b",
    "neighborhood": "#4d908e",
    "project_count": "#f8961e",
    "job_figure": "#f3722c",
    "quantity": "#bdbdbd",
}
_FONTS = "Vazirmatn, 'Noto Naskh Arabic', Tahoma, 'DejaVu Sans', sans-serif"


def _mark(inner: str, kind: str) -> str:
    color = KIND_COLORS.get(kind, "#dddddd")
    style = f"background:{color};padding:0 2px;border-radius:3px"
    return f'<mark data-kind="{kind}" style="{style}">{inner}</mark>'


def _badge(kind: str) -> str:
    color = KIND_COLORS.get(kind, "#dddddd")
    return (
        f'<sub dir="ltr" style="font-size:0.65em;background:{color};padding:0 3px;'
        f'border-radius:3px;margin:0 2px">{kind}</sub>'
    )


def highlight_html(text: str, record: ArticleRecord, *, title: str | None = None) -> str:
    """``text`` as an HTML ``<div dir="rtl">`` with every span of ``record`` marked and labelled
    with its kind (official, province, place, neighborhood, project_count, job_figure, quantity)."""
    found = {(s.start, s.end, kind) for kind, s in record.spans()}
    spans = sorted(found, key=lambda s: (s[0], -s[1]))
    cuts = sorted({0, len(text), *(b for s, e, _ in spans for b in (s, e))})
    out: list[str] = []
    for a, z in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:z]).replace("\n", "<br>")
        for s, e, kind in spans:
            if s <= a and z <= e:
                piece = _mark(piece, kind)
        out.append(piece)
        out.extend(_badge(kind) for s, e, kind in spans if e == z)
    head = f"<h4>{html.escape(title)}</h4>" if title else ""
    legend = " ".join(_mark(kind, kind) for kind in KIND_COLORS)
    return (
        f'<div dir="rtl" lang="fa" style="font-family:{_FONTS};line-height:2.1;text-align:right">'
        f'{head}<p dir="ltr" style="text-align:left">{legend}</p>{"".join(out)}</div>'
    )
