"""Evaluation: score records against gold as ../shared/SPEC.md fixes it (``evaluate``),
the ``evaluate`` and ``bench`` commands, and the benchmark."""

from __future__ import annotations

from .api import evaluate, evaluate_halves, load_gold, load_records
from .halves import Halves, half_of
from .report import EvalReport
from .scoring import FIELDS

__all__ = [
    "FIELDS",
    "EvalReport",
    "Halves",
    "evaluate",
    "evaluate_halves",
    "half_of",
    "load_gold",
    "load_records",
]
