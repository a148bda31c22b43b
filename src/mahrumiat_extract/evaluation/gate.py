"""The eval gate: per-metric floors kept in a JSON file; floors only go up.

File format::

    {"about": "...",
     "floors": {"officials.f1": 0.62, "provinces.f1": 0.8, ...},
     "lowered": {"places.f1": "why it had to go down (reviewed)"}}

A metric scoring below its floor fails the gate. :func:`raise_floors` moves floors up to the
current scores (rounded down) and never lowers one; lowering a floor is a hand edit that must
name its reason under ``lowered`` (the test suite checks this against the committed file).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .report import EvalReport, floor_metrics

__all__ = ["GATED", "Shortfall", "check_floors", "load_floors", "raise_floors"]

#: The metrics the gate keeps a floor for.
GATED: tuple[str, ...] = (
    "officials.f1",
    "officials.title_accuracy",
    "officials.jurisdiction_accuracy",
    "figures.status_accuracy",
    "provinces.f1",
    "places.f1",
    "neighborhoods.f1",
    "project_counts.f1",
    "job_figures.f1",
    "macro.f1",
)

ABOUT = (
    "Eval gate floors (tests/test_eval_gate.py): the dev-set score of each metric may not drop "
    "below its floor. Floors only go up: `mahrumiat-extract evaluate GOLD --raise-floors FILE`. "
    "Lowering one needs a reason under 'lowered'."
)


@dataclass(frozen=True, slots=True)
class Shortfall:
    metric: str
    floor: float
    score: float | None

    def __str__(self) -> str:
        shown = "-" if self.score is None else f"{self.score:.4f}"
        return f"{self.metric}: {shown} is below its floor {self.floor:.2f}"


def load_floors(path: str | Path) -> dict[str, Any]:
    """The floors file as a dict with ``floors`` (metric -> float) and ``lowered``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"E705 cannot read floors file {path}: {exc}") from exc
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(
        isinstance(v, (int, float)) for v in floors.values()
    ):
        raise InputError(f'E705 {path}: a "floors" object of numbers is expected')
    data.setdefault("lowered", {})
    return dict(data)


def check_floors(report: EvalReport, floors: dict[str, float]) -> list[Shortfall]:
    """Every gated metric that scores below its floor (a missing score counts as 0)."""
    metrics = report.metrics()
    out: list[Shortfall] = []
    for metric, floor in floors.items():
        score = metrics.get(metric)
        if (score or 0.0) + 1e-9 < floor:
            out.append(Shortfall(metric, float(floor), score))
    return out


def raise_floors(path: str | Path, report: EvalReport) -> dict[str, tuple[float, float]]:
    """Raise the floors in ``path`` to the current scores rounded down (never lower them);
    creates the file when absent. Returns ``{metric: (old, new)}`` for the raised ones."""
    p = Path(path)
    data = load_floors(p) if p.exists() else {"about": ABOUT, "floors": {}, "lowered": {}}
    floors: dict[str, float] = data["floors"]  # type: ignore[assignment]
    metrics = report.metrics()
    changed: dict[str, tuple[float, float]] = {}
    for metric in GATED:
        old = float(floors.get(metric, 0.0))
        new = max(old, floor_metrics(metrics.get(metric)))
        if new != old or metric not in floors:
            changed[metric] = (old, new)
        floors[metric] = new
    p.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {k: v for k, v in changed.items() if v[0] != v[1]}
