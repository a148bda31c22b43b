"""The evaluation report: totals over articles, flat metrics, a table, JSON and an error list."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .scoring import FIELDS, FIGURE_FIELDS, Accuracy, ArticleResult, Counts, Item

__all__ = ["EvalReport", "floor_metrics"]


@dataclass(slots=True)
class EvalReport:
    """Scores of a set of articles: per-field counts (micro-averaged), officials' title and
    jurisdiction accuracy on matched pairs, figures' status accuracy on count-matched pairs
    whose gold states a status, and each article's result."""

    articles: list[ArticleResult] = field(default_factory=list)
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    title: Accuracy = field(default_factory=Accuracy)
    jurisdiction: Accuracy = field(default_factory=Accuracy)
    status: dict[str, Accuracy] = field(
        default_factory=lambda: {f: Accuracy() for f in FIGURE_FIELDS}
    )
    seconds: float = 0.0

    def add(self, result: ArticleResult) -> None:
        self.articles.append(result)
        for fname, counts in result.counts.items():
            self.fields[fname].add(counts)
        self.title.merge(result.title)
        self.jurisdiction.merge(result.jurisdiction)
        for fname, acc in result.status.items():
            self.status[fname].merge(acc)

    @property
    def figure_status(self) -> Accuracy:
        """Status accuracy over project counts and job figures together."""
        return Accuracy(
            correct=sum(a.correct for a in self.status.values()),
            total=sum(a.total for a in self.status.values()),
        )

    def macro(self) -> dict[str, float | None]:
        """Precision, recall and F1 averaged over the fields that had anything to score."""
        out: dict[str, float | None] = {}
        for name in ("precision", "recall", "f1"):
            values = [getattr(c, name) for c in self.fields.values()]
            scored = [v for v in values if v is not None]
            out[name] = sum(scored) / len(scored) if scored else None
        return out

    def metrics(self) -> dict[str, float | None]:
        """Flat ``{"officials.f1": 0.71, ..., "macro.f1": ...}``: what the eval gate reads."""
        out: dict[str, float | None] = {}
        for fname, c in self.fields.items():
            out[f"{fname}.precision"] = c.precision
            out[f"{fname}.recall"] = c.recall
            out[f"{fname}.f1"] = c.f1
        out["officials.title_accuracy"] = self.title.value
        out["officials.jurisdiction_accuracy"] = self.jurisdiction.value
        out["figures.status_accuracy"] = self.figure_status.value
        for fname, acc in self.status.items():
            out[f"{fname}.status_accuracy"] = acc.value
        for name, value in self.macro().items():
            out[f"macro.{name}"] = value
        return out

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """Plain JSON: totals, and with ``errors`` each article's missed/extra items."""
        out: dict[str, Any] = {
            "articles": len(self.articles),
            "seconds": round(self.seconds, 3),
            "fields": {
                fname: {
                    "gold": c.gold,
                    "predicted": c.predicted,
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                    "precision": _r(c.precision),
                    "recall": _r(c.recall),
                    "f1": _r(c.f1),
                }
                for fname, c in self.fields.items()
            },
            "officials_attributes": {
                "title": _acc(self.title),
                "jurisdiction": _acc(self.jurisdiction),
            },
            "figures_attributes": {
                "status": _acc(self.figure_status),
                **{f"{fname}.status": _acc(acc) for fname, acc in self.status.items()},
            },
            "macro": {k: _r(v) for k, v in self.macro().items()},
        }
        if errors:
            out["errors"] = [_article_dict(a) for a in self.articles if a.has_errors]
        return out

    def format_table(self) -> str:
        """A fixed-width table of the scores."""
        head = f"{'field':<16}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"
        lines = [head, "-" * len(head)]
        for fname, c in self.fields.items():
            lines.append(
                f"{fname:<16}{c.gold:>6}{c.predicted:>6}{c.tp:>6}"
                f"{_f(c.precision):>8}{_f(c.recall):>8}{_f(c.f1):>8}"
            )
        m = self.macro()
        lines.append("-" * len(head))
        lines.append(f"{'macro':<34}{_f(m['precision']):>8}{_f(m['recall']):>8}{_f(m['f1']):>8}")
        lines.append("")
        for label, acc in (("title", self.title), ("jurisdiction", self.jurisdiction)):
            lines.append(
                f"officials {label} accuracy: {_f(acc.value)} ({acc.correct}/{acc.total} matched)"
            )
        st = self.figure_status
        parts = ", ".join(f"{f} {a.correct}/{a.total}" for f, a in self.status.items())
        lines.append(
            f"figures status accuracy: {_f(st.value)} ({st.correct}/{st.total} matched with a"
            f" gold status: {parts})"
        )
        lines.append(f"{len(self.articles)} articles scored in {self.seconds:.2f} s")
        return "\n".join(lines)

    def format_errors(self) -> str:
        """Per article: what was missed (in gold, not predicted) and what was extra."""
        blocks: list[str] = []
        for a in self.articles:
            if not a.has_errors:
                continue
            lines = [f"== {a.id}"]
            for fname in FIELDS:
                for it in a.missed.get(fname, ()):
                    lines.append(f"  {fname:<15} missed  {_item_text(it)}")
                for it in a.extra.get(fname, ()):
                    lines.append(f"  {fname:<15} extra   {_item_text(it)}")
            for mm in a.mismatches:
                lines.append(
                    f"  {mm.field:<15} {mm.attribute:<7} {mm.name}: gold «{mm.gold or '-'}»,"
                    f" predicted «{mm.predicted or '-'}»"
                )
            blocks.append("\n".join(lines))
        return "\n".join(blocks) if blocks else "no errors"


def floor_metrics(value: float | None, *, digits: int = 2) -> float:
    """A score rounded down to ``digits`` (what a new floor is set to); None counts as 0."""
    if value is None:
        return 0.0
    scale = 10**digits
    return float(math.floor(value * scale + 1e-9) / scale)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _acc(acc: Accuracy) -> dict[str, Any]:
    return {"correct": acc.correct, "total": acc.total, "accuracy": _r(acc.value)}


def _item_text(it: Item) -> str:
    label = f"«{it.label}»"
    if it.title or it.jurisdiction:
        label += f" ({it.title or '-'}, {it.jurisdiction or '-'})"
    if it.mention is None:
        return f"{label}  (not found in the text)"
    where = f"@{it.start}" if it.start is not None else ""
    return f"{label}  {where} {it.mention}"


def _item_dict(it: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"label": it.label, "mention": it.mention, "start": it.start}
    if it.title is not None or it.jurisdiction is not None:
        out["title"] = it.title
        out["jurisdiction"] = it.jurisdiction
    return out


def _article_dict(a: ArticleResult) -> dict[str, Any]:
    return {
        "id": a.id,
        "missed": {f: [_item_dict(i) for i in a.missed[f]] for f in FIELDS if a.missed.get(f)},
        "extra": {f: [_item_dict(i) for i in a.extra[f]] for f in FIELDS if a.extra.get(f)},
        "mismatches": [
            {
                "field": m.field,
                "attribute": m.attribute,
                "name": m.name,
                "gold": m.gold,
                "predicted": m.predicted,
            }
            for m in a.mismatches
        ],
    }
