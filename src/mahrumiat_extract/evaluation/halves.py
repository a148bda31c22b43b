"""Two fixed halves of a gold set, to tune on one and check on the other.

An article's half is decided by its id alone: the first byte of ``sha256(id)`` (UTF-8) even
→ half ``"A"`` (tune), odd → half ``"B"`` (check); an article without an id uses its
1-based position in the gold file as the id. The split never changes when articles are
added, removed or reordered, and needs no stored list.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .report import EvalReport

__all__ = ["HALVES", "Halves", "half_of"]

#: The two halves: A to tune on, B to check on.
HALVES: tuple[str, str] = ("A", "B")


def half_of(ident: str) -> str:
    """``"A"`` or ``"B"``: the half of the article with this id.

    >>> half_of("dev-1"), half_of("dev-3")
    ('B', 'A')
    """
    return HALVES[hashlib.sha256(ident.encode("utf-8")).digest()[0] & 1]


@dataclass(slots=True)
class Halves:
    """The whole set's report and each half's; ``difference()`` is B − A per metric."""

    all: EvalReport = field(default_factory=EvalReport)
    a: EvalReport = field(default_factory=EvalReport)
    b: EvalReport = field(default_factory=EvalReport)

    def difference(self) -> dict[str, float | None]:
        """``{metric: B − A}`` for every metric of ``metrics()`` (None when either is)."""
        ma, mb = self.a.metrics(), self.b.metrics()
        return {
            m: None if ma[m] is None or mb.get(m) is None else mb[m] - ma[m]  # type: ignore[operator]
            for m in ma
        }

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """What ``evaluate --halves --json`` prints."""
        diff = self.difference()
        return {
            "split": "first byte of sha256(id) even: A (tune), odd: B (check)",
            "all": self.all.to_dict(errors=errors),
            "A": self.a.to_dict(),
            "B": self.b.to_dict(),
            "difference_B_minus_A": {
                m: None if v is None else round(v, 4) for m, v in diff.items()
            },
        }

    def format_table(self) -> str:
        """Half A's table, half B's, and B − A per field."""
        diff = self.difference()
        ma, mb = self.a.metrics(), self.b.metrics()
        head = f"{'B - A':<16}{'P':>8}{'R':>8}{'F1':>8}{'F1 A':>8}{'F1 B':>8}"
        lines = [
            f"half A (tune): {len(self.a.articles)} articles",
            self.a.format_table(),
            "",
            f"half B (check): {len(self.b.articles)} articles",
            self.b.format_table(),
            "",
            head,
            "-" * len(head),
        ]
        for fname in [*self.all.fields, "macro"]:
            lines.append(
                f"{fname:<16}"
                + "".join(f"{_d(diff[f'{fname}.{m}']):>8}" for m in ("precision", "recall", "f1"))
                + f"{_f(ma[f'{fname}.f1']):>8}{_f(mb[f'{fname}.f1']):>8}"
            )
        lines.append("")
        for metric in (
            "officials.title_accuracy",
            "officials.jurisdiction_accuracy",
            "figures.status_accuracy",
        ):
            lines.append(
                f"{metric}: A {_f(ma[metric])}, B {_f(mb[metric])}, B - A {_d(diff[metric])}"
            )
        return "\n".join(lines)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _d(value: float | None) -> str:
    return "-" if value is None else f"{value:+.3f}"
