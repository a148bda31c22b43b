"""Evaluation: score records against gold as ../shared/SPEC.md fixes it (``evaluate``),
the ``evaluate`` and ``bench`` commands, and the benchmark."""

from __future__ import annotations

from .api import evaluate, load_gold, load_records
from .report import EvalReport
from .scoring import FIELDS

__all__ = ["FIELDS", "EvalReport", "evaluate", "load_gold", "load_records"]
