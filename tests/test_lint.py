"""The house style's checks: ruff on the whole tree, mypy --strict on the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (it is in the [test] extra)")
    return found


def test_ruff() -> None:
    proc = subprocess.run([_tool("ruff"), "check", "src", "tests", "scripts"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict() -> None:
    proc = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_selects_import_order_line_length_and_complexity() -> None:
    """The rules the house style asks for stay selected (STYLE.md; issue 12)."""
    import tomllib

    lint = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert {"I", "E501", "C90"} <= set(lint["select"])
    assert lint["mccabe"]["max-complexity"] == 15
