"""The code catalogue: every E/W code used in src/ is in ``mahrumiat_extract.errors`` and in
the README's table, and the README lists no code the catalogue lacks."""

from __future__ import annotations

import re

import pytest

from mahrumiat_extract.errors import CODES, E, W, warning

from .conftest import ROOT

CODE = re.compile(r"\b[EW]\d{3}\b")
SRC = ROOT / "src" / "mahrumiat_extract"


def _used_in_src() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for code in set(CODE.findall(path.read_text(encoding="utf-8"))):
            used.setdefault(code, []).append(str(path.relative_to(ROOT)))
    return used


def _readme_table() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    if "## Error and warning codes" not in text:
        pytest.skip("the README has no code catalogue")
    section = text.split("## Error and warning codes", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| ([EW]\d{3}) \|", section, flags=re.M))


def test_every_code_used_in_src_is_in_the_catalogue() -> None:
    used = _used_in_src()
    assert used, "no code found: the grep is broken"
    missing = {c: files for c, files in used.items() if c not in CODES}
    assert not missing, f"add these codes to src/mahrumiat_extract/errors.py (W or E): {missing}"


def test_the_readme_lists_the_catalogue() -> None:
    listed = _readme_table()
    assert not set(CODES) - listed, (
        f"add to README's «Error and warning codes» table: {sorted(set(CODES) - listed)}"
    )
    assert not listed - set(CODES), f"README lists unknown codes: {sorted(listed - set(CODES))}"


def test_catalogue_shape() -> None:
    assert not set(W) & set(E)
    assert all(re.fullmatch(r"[EW]\d{3}", c) and m.strip() for c, m in CODES.items())
    assert all(c.startswith("E") for c in E)
    assert warning("W101", "x") == f"W101 {W['W101']}: x"
