"""Views an analyst would write first, created with the store (``CREATE OR REPLACE VIEW``
whenever it is opened for writing), so that they follow the tables' current columns.

* ``official_articles``: each official with its article's dates, source and title, and the
  provinces the article is about (a list);
* ``figure_articles``: each figure with its article's dates (and Jalali year and month) and
  source, once per province the article is about (``province`` null when it names none);
* ``figures_by_province``: figures summed by province, kind, status and Jalali year (the
  figure's own ``period`` is the period the article states, kept in ``figure_articles``);
* ``mention_context``: each mention with the 40 characters of article text before and after
  it (from ``texts``; empty without the texts, ``--no-text``).

Figures are credited to every province their article is about, and a breakdown lists a total
and its parts, so sums over ``figures_by_province`` count some projects twice: take the
largest figure of a kind per article for totals (README, "The store for analysts").
"""

from __future__ import annotations

from typing import Any

__all__ = ["VIEWS", "create_views"]

#: view name -> its SELECT
VIEWS: dict[str, str] = {
    "official_articles": """
        SELECT o.article_id, o.idx, o.name, o.title, o.jurisdiction, o.honorific,
               a.published_jalali, a.published_gregorian, a.source, a.title AS article_title,
               coalesce(p.provinces, []) AS provinces
        FROM officials o
        JOIN articles a USING (article_id)
        LEFT JOIN (SELECT article_id, list(name ORDER BY idx) AS provinces
                   FROM provinces GROUP BY article_id) p USING (article_id)
    """,
    "figure_articles": """
        SELECT f.article_id, f.kind, f.idx, f.count, f.unit, f.category, f.status, f.period,
               f.place, p.name AS province, a.published_jalali, a.published_gregorian,
               substr(a.published_jalali, 1, 4) AS jalali_year,
               substr(a.published_jalali, 1, 7) AS jalali_month, a.source
        FROM figures f
        JOIN articles a USING (article_id)
        LEFT JOIN provinces p USING (article_id)
    """,
    "figures_by_province": """
        SELECT province, kind, status, jalali_year, count(*) AS figures,
               count(DISTINCT article_id) AS articles, sum(count) AS total, max(count) AS largest
        FROM figure_articles
        GROUP BY province, kind, status, jalali_year
    """,
    "mention_context": """
        SELECT m.article_id, m.kind, m.idx, m.start, m."end", m.text,
               substr(t.text, greatest(m.start - 40, 0) + 1, m.start - greatest(m.start - 40, 0))
                   AS before,
               substr(t.text, m."end" + 1, 40) AS after
        FROM mentions m
        JOIN texts t USING (article_id)
    """,
}


def create_views(con: Any) -> None:
    """(Re)create every view of :data:`VIEWS` on an open, writable store."""
    for name, select in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {select}")
