"""The eval gate: the dev set's scores may not drop below the floors in eval_floors.json.

Floors only go up (``mahrumiat-extract evaluate ../shared/eval/dev.jsonl --raise-floors
tests/eval_floors.json``); a floor lower than the committed one needs a reason under
``lowered``. Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract.evaluation import EvalReport, evaluate
from mahrumiat_extract.evaluation.gate import GATED, check_floors, load_floors

ROOT = Path(__file__).resolve().parent.parent
FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
FLOORS: dict[str, float] = load_floors(FLOORS_PATH)["floors"]
#: A score this far above its floor earns a reminder to raise the floor.
RAISE_HINT = 0.05

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def dev_report(dev_articles: list[dict[str, Any]]) -> EvalReport:
    return evaluate(dev_articles)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_score_not_below_floor(dev_report: EvalReport, metric: str) -> None:
    score = dev_report.metrics().get(metric)
    shortfalls = check_floors(dev_report, {metric: FLOORS[metric]})
    assert not shortfalls, (
        f"{shortfalls[0]} on ../shared/eval/dev.jsonl; see "
        "`mahrumiat-extract evaluate ../shared/eval/dev.jsonl --errors`"
    )
    if score is not None and score - FLOORS[metric] >= RAISE_HINT:
        warnings.warn(
            f"{metric} scores {score:.3f}, floor {FLOORS[metric]:.2f}: raise it with "
            "`mahrumiat-extract evaluate ../shared/eval/dev.jsonl --raise-floors "
            "tests/eval_floors.json`",
            stacklevel=1,
        )


def test_every_gated_metric_has_a_floor() -> None:
    assert sorted(FLOORS) == sorted(GATED)
    assert all(0.0 <= v <= 1.0 for v in FLOORS.values())


def _committed_floors() -> dict[str, float] | None:
    try:
        out = subprocess.run(
            ["git", "show", "HEAD:tests/eval_floors.json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    floors: dict[str, float] = json.loads(out.stdout).get("floors", {})
    return floors


def test_floors_are_never_lowered_silently() -> None:
    committed = _committed_floors()
    if committed is None:
        pytest.skip("no committed tests/eval_floors.json to compare with (or no git)")
    lowered = load_floors(FLOORS_PATH)["lowered"]
    silent = {
        m: (old, FLOORS.get(m, 0.0))
        for m, old in committed.items()
        if FLOORS.get(m, 0.0) < old and not str(lowered.get(m, "")).strip()
    }
    assert not silent, f"floors lowered without a reason under 'lowered': {silent}"
