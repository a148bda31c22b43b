"""The eval gate: the dev set's scores may not drop below the floors in eval_floors.json,
nor the project's own sample gold's (data/samples/gold.jsonl) below eval_floors_samples.json.

Floors only go up (``mahrumiat-extract evaluate ../shared/eval/dev.jsonl --raise-floors
tests/eval_floors.json``); a floor lower than the committed one needs a reason under
``lowered``. The dev set's gate is skipped when ../shared is absent; the samples' always runs.
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

from .conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
FLOORS: dict[str, float] = load_floors(FLOORS_PATH)["floors"]
SAMPLES_FLOORS_PATH = Path(__file__).with_name("eval_floors_samples.json")
SAMPLES_FLOORS: dict[str, float] = load_floors(SAMPLES_FLOORS_PATH)["floors"]
SAMPLES_GOLD = SAMPLES / "gold.jsonl"
#: A score this far above its floor earns a reminder to raise the floor.
RAISE_HINT = 0.05


@pytest.fixture(scope="module")
def dev_report(dev_articles: list[dict[str, Any]]) -> EvalReport:
    return evaluate(dev_articles)


@pytest.fixture(scope="module")
def samples_report() -> EvalReport:
    return evaluate(SAMPLES_GOLD)


def _check(report: EvalReport, metric: str, floor: float, gold: str, floors: str) -> None:
    score = report.metrics().get(metric)
    shortfalls = check_floors(report, {metric: floor})
    assert not shortfalls, (
        f"{shortfalls[0]} on {gold}; see `mahrumiat-extract evaluate {gold} --errors`"
    )
    if score is not None and score - floor >= RAISE_HINT:
        warnings.warn(
            f"{metric} scores {score:.3f}, floor {floor:.2f}: raise it with "
            f"`mahrumiat-extract evaluate {gold} --raise-floors tests/{floors}`",
            stacklevel=2,
        )


@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_score_not_below_floor(dev_report: EvalReport, metric: str) -> None:
    _check(dev_report, metric, FLOORS[metric], "../shared/eval/dev.jsonl", FLOORS_PATH.name)


@pytest.mark.parametrize("metric", sorted(SAMPLES_FLOORS))
def test_sample_gold_not_below_floor(samples_report: EvalReport, metric: str) -> None:
    _check(samples_report, metric, SAMPLES_FLOORS[metric], "data/samples/gold.jsonl",
           SAMPLES_FLOORS_PATH.name)  # fmt: skip


@pytest.mark.parametrize("floors", [FLOORS, SAMPLES_FLOORS], ids=["dev", "samples"])
def test_every_gated_metric_has_a_floor(floors: dict[str, float]) -> None:
    assert sorted(floors) == sorted(GATED)
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def _committed_floors(path: Path) -> dict[str, float] | None:
    try:
        out = subprocess.run(
            ["git", "show", f"HEAD:tests/{path.name}"],
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


@pytest.mark.parametrize("path", [FLOORS_PATH, SAMPLES_FLOORS_PATH], ids=["dev", "samples"])
def test_floors_are_never_lowered_silently(path: Path) -> None:
    committed = _committed_floors(path)
    if committed is None:
        pytest.skip(f"no committed tests/{path.name} to compare with (or no git)")
    floors = load_floors(path)
    lowered, current = floors["lowered"], floors["floors"]
    silent = {
        m: (old, current.get(m, 0.0))
        for m, old in committed.items()
        if current.get(m, 0.0) < old and not str(lowered.get(m, "")).strip()
    }
    assert not silent, f"floors lowered without a reason under 'lowered': {silent}"
