"""Every mention of a record highlighted in the original text, as right-to-left HTML.

>>> from mahrumiat_extract import extract
>>> from mahrumiat_extract.highlight import highlight_html, page_html
>>> text = "استاندار لرستان گفت: ۱۳۲ پروژه افتتاح شد."
>>> html = highlight_html(text, extract(text))
>>> html.startswith('<div dir="rtl"')
True
>>> page_html(text, extract(text)).startswith("<!DOCTYPE html>")
True

:func:`highlight_html` is a fragment for a notebook; :func:`page_html` a whole page (what
``mahrumiat-extract show`` writes): the text with every mention marked, a legend, and the
record beside it.

The text is cut at every span boundary; each piece is wrapped in one ``<mark>`` per kind that
covers it (so overlapping and nested mentions all stay visible), and the kind is written after
the last piece of each span. Kinds are the one vocabulary of the project (:data:`KINDS`: the
record's list fields in the singular, as ``ArticleRecord.spans()`` names them). Needs no
third-party package.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from typing import Any

from .records import ArticleRecord, Figure

__all__ = ["KINDS", "KIND_COLORS", "KIND_NAMES", "highlight_html", "page_html"]

#: the kinds of record items, in the order of the record's fields: record field -> kind
KINDS: dict[str, str] = {
    "officials": "official",
    "provinces": "province",
    "places": "place",
    "neighborhoods": "neighborhood",
    "project_counts": "project_count",
    "job_figures": "job_figure",
    "quantities": "quantity",
}
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
#: kind -> its Persian name (the legend of the page)
KIND_NAMES: dict[str, str] = {
    "official": "مقام",
    "province": "استان",
    "place": "مکان",
    "neighborhood": "محله",
    "project_count": "تعداد پروژه",
    "job_figure": "شغل",
    "quantity": "کمیت دیگر",
}
_FONTS = "Vazirmatn, 'Noto Naskh Arabic', Tahoma, 'DejaVu Sans', sans-serif"
_STATUS = {"completed": "تکمیل‌شده", "ongoing": "در دست اجرا", "planned": "برنامه‌ریزی‌شده"}

_e = html.escape


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


def _marked(text: str, spans: Sequence[tuple[int, int, str]], *, tips: dict[Any, str],
            page: bool) -> str:  # fmt: skip
    """``text`` cut at every span boundary, each piece in one ``<mark>`` per covering span's
    kind, the kind written after the last piece of each span."""
    spans = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    cuts = sorted({0, len(text), *(b for s, e, _ in spans for b in (s, e))})
    out: list[str] = []
    for a, z in zip(cuts, cuts[1:]):
        piece = _e(text[a:z]).replace("\n", "<br>")
        for s, e, kind in spans:
            if s <= a and z <= e:
                if page:
                    tip = _e(tips.get((s, e, kind), kind), quote=True)
                    piece = (
                        f'<mark class="k-{kind}" data-kind="{kind}" title="{tip}">{piece}</mark>'
                    )
                else:
                    piece = _mark(piece, kind)
        out.append(piece)
        for _, e, kind in spans:
            if e == z:
                out.append(f'<sub class="badge k-{kind}">{kind}</sub>' if page else _badge(kind))
    return "".join(out)


def highlight_html(text: str, record: ArticleRecord, *, title: str | None = None) -> str:
    """``text`` as an HTML ``<div dir="rtl">`` with every span of ``record`` marked and labelled
    with its kind (official, province, place, neighborhood, project_count, job_figure, quantity)."""
    spans = [(s.start, s.end, kind) for kind, s in record.spans()]
    body = _marked(text, spans, tips={}, page=False)
    head = f"<h4>{_e(title)}</h4>" if title else ""
    legend = " ".join(_mark(kind, kind) for kind in KIND_COLORS)
    return (
        f'<div dir="rtl" lang="fa" style="font-family:{_FONTS};line-height:2.1;text-align:right">'
        f'{head}<p dir="ltr" style="text-align:left">{legend}</p>{body}</div>'
    )


# --- the page --------------------------------------------------------------------------------


def _items(record: ArticleRecord) -> Iterator[tuple[str, Any]]:
    """``(kind, item)`` of every item of the record, in field order."""
    for field, kind in KINDS.items():
        for item in getattr(record, field):
            yield kind, item


def _label(kind: str, item: Any) -> str:
    """One line saying what an item is, for a mark's tooltip."""
    if isinstance(item, Figure):
        parts = [f"{item.count:,} {item.unit}", item.category, item.status and _STATUS[item.status],
                 item.period, item.place]  # fmt: skip
    elif kind == "official":
        parts = [item.name, item.title, item.jurisdiction]
    elif kind == "province":
        parts = [item.name, None if item.explicit else "implied"]
    elif kind == "place":
        parts = [item.name, item.kind, item.province]
    else:
        parts = [item.name, item.city, item.province]
    return f"{kind}: " + " · ".join(p for p in parts if p)


def _cell(value: Any) -> str:
    if value is None:
        return '<td class="none">—</td>'
    if isinstance(value, bool):
        return f"<td>{'✓' if value else 'implied'}</td>"
    if isinstance(value, int):
        return f'<td class="num">{value:,}</td>'
    return f"<td>{_e(str(value))}</td>"


_COLUMNS: dict[str, tuple[str, ...]] = {
    "official": ("name", "title", "jurisdiction", "honorific"),
    "province": ("name", "explicit"),
    "place": ("name", "kind", "province"),
    "neighborhood": ("name", "city", "province"),
    "figure": ("count", "unit", "category", "status", "period", "place"),
}


def _table(field: str, kind: str, items: Sequence[Any]) -> str:
    columns = _COLUMNS["figure" if kind in ("project_count", "job_figure", "quantity") else kind]
    head = "".join(f"<th>{c}</th>" for c in (*columns, "mentions"))
    rows = []
    for item in items:
        cells = "".join(_cell(getattr(item, c)) for c in columns)
        said = " / ".join(_e(s.text) for s in item.mentions)
        rows.append(f'<tr>{cells}<td class="said">{said}</td></tr>')
    return (
        f'<section class="field" id="{field}"><h3><span class="swatch k-{kind}"></span>'
        f"{field} <small>({len(items)})</small></h3>"
        f'<table dir="auto"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></section>"
    )


_CSS = """
* { box-sizing: border-box }
body { margin: 0; background: #f4f4f2; color: #1d1d1d; font-family: FONTS; }
header { background: #fff; padding: 16px 28px; border-bottom: 1px solid #ddd }
header h1 { font-size: 1.5em; margin: 0 0 6px }
header .meta { color: #555; margin: 0 0 10px; font-size: 0.95em }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none }
.legend li { padding: 2px 10px; border-radius: 12px; font-size: 0.9em }
main { display: flex; flex-wrap: wrap; gap: 24px; padding: 24px 28px; align-items: flex-start }
article { flex: 3 1 520px; background: #fff; border-radius: 8px; padding: 20px 28px;
          font-size: 18px; line-height: 2.3; box-shadow: 0 1px 3px rgba(0,0,0,.08) }
aside { flex: 2 1 380px; background: #fff; border-radius: 8px; padding: 12px 20px;
        font-size: 14px; box-shadow: 0 1px 3px rgba(0,0,0,.08) }
mark { padding: 1px 2px; border-radius: 4px; color: inherit }
mark mark { padding: 0 1px }
sub.badge { font-size: 0.6em; padding: 0 4px; border-radius: 3px; margin: 0 2px;
            direction: ltr; unicode-bidi: isolate; font-family: sans-serif; vertical-align: sub }
h3 { font-size: 1.05em; margin: 18px 0 6px; display: flex; align-items: center; gap: 6px }
h3 small { color: #777; font-weight: normal }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px }
table { border-collapse: collapse; width: 100% }
th, td { text-align: right; padding: 3px 6px; border-bottom: 1px solid #eee; vertical-align: top }
th { font-weight: 600; color: #555; font-family: sans-serif; font-size: 0.85em }
td.num { direction: ltr; text-align: left; font-variant-numeric: tabular-nums }
td.none { color: #bbb } td.said { color: #666; font-size: 0.9em }
ul.warnings { direction: ltr; text-align: left; color: #8a4b00; padding-left: 18px }
details pre { direction: ltr; text-align: left; white-space: pre-wrap; font-size: 12px;
              background: #f7f7f7; padding: 8px; border-radius: 4px; max-height: 480px;
              overflow: auto }
"""


def _css() -> str:
    colors = "\n".join(
        f".k-{kind} {{ background: {color} }}" for kind, color in KIND_COLORS.items()
    )
    return _CSS.replace("FONTS", _FONTS) + colors


def page_html(text: str, record: ArticleRecord, *, title: str | None = None) -> str:
    """One standalone HTML page (UTF-8, right to left): ``text`` with every mention of
    ``record`` marked (its item in a tooltip, its kind after it), a legend of the kinds with
    their counts, and the record beside the text: a table a field, its warnings and its JSON."""
    tips: dict[Any, str] = {}
    counts = dict.fromkeys(KIND_COLORS, 0)
    for kind, item in _items(record):
        counts[kind] += 1
        for s in item.mentions:
            key = (s.start, s.end, kind)
            label = _label(kind, item)
            tips[key] = tips[key] + "\n" + label if key in tips else label
    body = _marked(text, list(tips), tips=tips, page=True)
    heading = title or record.title or record.id or "article"
    published = record.published.jalali if record.published else None
    meta = " · ".join(_e(str(v)) for v in (record.id, record.source, published) if v)
    legend = "".join(
        f'<li class="k-{kind}" data-kind="{kind}">{KIND_NAMES[kind]} · {kind} ({n})</li>'
        for kind, n in counts.items()
    )
    tables = "".join(_table(f, k, getattr(record, f)) for f, k in KINDS.items()
                     if getattr(record, f))  # fmt: skip
    warnings = "".join(f"<li>{_e(w)}</li>" for w in record.warnings)
    data = _e(record.model_dump_json(indent=1))
    aside = (
        f"<h2>record</h2>{tables or '<p>nothing extracted</p>'}"
        + (f'<h3>warnings</h3><ul class="warnings">{warnings}</ul>' if warnings else "")
        + f"<details><summary>JSON</summary><pre>{data}</pre></details>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="fa" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(heading)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        f'<header><h1>{_e(heading)}</h1><p class="meta">{meta}</p>'
        f'<ul class="legend">{legend}</ul></header>\n'
        f'<main><article id="text" lang="fa">{body}</article>\n'
        f'<aside id="record">{aside}</aside></main>\n</body>\n</html>\n'
    )
