"""The notebooks run top to bottom on the sample data (nbclient, the venv's python3 kernel),
are committed with outputs stripped, and produce what they promise (highlighted HTML, plots)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = ROOT / "notebooks"
NAMES = ["quickstart", "batch_analysis"]


def _load(name: str) -> Any:
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def _outputs(nb: Any) -> list[dict[str, Any]]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name: str) -> None:
    for cell in _load(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_readme_links_to_every_notebook_and_its_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"](notebooks/{name}.ipynb)" in readme, name
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", readme):
        if "://" not in target:
            assert (ROOT / target).exists(), f"README links to a missing {target}"


@pytest.fixture(scope="module")
def executed() -> dict[str, Any]:
    pytest.importorskip("ipykernel")
    out = {}
    for name in NAMES:
        nb = _load(name)
        client = nbclient.NotebookClient(
            nb, kernel_name="python3", timeout=600,
            resources={"metadata": {"path": str(NOTEBOOKS)}},
        )  # fmt: skip
        client.execute()  # raises CellExecutionError on the first failing cell
        out[name] = nb
    return out


@pytest.mark.slow
def test_quickstart_runs_and_highlights(executed: dict[str, Any]) -> None:
    outputs = _outputs(executed["quickstart"])
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('dir="rtl"' in h and "<mark" in h for h in html)  # the highlighted article
    assert any("entities" in h for h in html)  # displacy's ent view
    assert any(h.startswith("<iframe srcdoc=") and "&lt;mark" in h for h in html)  # the page


@pytest.mark.slow
def test_batch_analysis_runs_and_plots(executed: dict[str, Any]) -> None:
    outputs = _outputs(executed["batch_analysis"])
    assert not [o for o in outputs if o.get("output_type") == "error"]
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pngs) >= 4
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert " stored, 0 failed" in text
