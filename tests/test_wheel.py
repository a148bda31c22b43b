"""Installing from a wheel: what the package needs at run time is declared and shipped
(lxml_html_clean, py.typed, the sample articles the benchmark runs on), and an installed
wheel, with no repository beside it, finds them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "mahrumiat_extract"


def test_run_time_dependencies_and_package_data_are_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.split(r"[<>=!~; \[]", dep, maxsplit=1)[0].lower().replace("-", "_")
             for dep in project["project"]["dependencies"]}  # fmt: skip
    assert "lxml_html_clean" in names  # trafilatura's HTML cleaning (lxml >= 5.2 split it out)
    assert (PACKAGE / "py.typed").is_file()
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["mahrumiat_extract"]


def test_bundled_samples_are_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bundle_samples.py"), "--check"],
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stderr


def test_bench_falls_back_to_the_bundled_samples(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from mahrumiat_extract.evaluation import benchio

    monkeypatch.setattr(benchio, "DEFAULT_SAMPLES", tmp_path / "no-such-dir")
    corpus = benchio.load_corpus(mb=0.001, dev_path=tmp_path / "none.jsonl")
    texts = sorted(p.read_text(encoding="utf-8") for p in (ROOT / "data/samples/articles").glob("*.txt"))
    assert corpus.sample_articles == len(texts) and sorted(corpus.unique) == texts


@pytest.mark.slow
def test_an_installed_wheel_has_what_it_needs(tmp_path: Path) -> None:
    pytest.importorskip("setuptools")
    tree = tmp_path / "tree"  # a copy: building in place would leave build/ and egg-info behind
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.so", "build")
    shutil.copytree(ROOT / "src", tree / "src", ignore=ignore)
    shutil.copytree(ROOT / "_build", tree / "_build", ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    env = {k: v for k, v in os.environ.items() if k != "MAHRUMIAT_COMPILE"}
    env["MAHRUMIAT_PURE"] = "1"  # the pure-Python wheel: what is shipped, not the C build
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(tree)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("mahrumiat_extract-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        zf.extractall(tmp_path / "site")
    assert "mahrumiat_extract/py.typed" in names
    assert "mahrumiat_extract/resources/samples.jsonl.gz" in names
    assert re.search(r"^Requires-Dist: lxml[_-]html[_-]clean", metadata, re.M | re.I)
    code = (
        "import mahrumiat_extract, sys; from mahrumiat_extract.evaluation import benchio;"
        "assert mahrumiat_extract.__file__.startswith(sys.argv[1]), mahrumiat_extract.__file__;"
        "c = benchio.load_corpus(mb=0.001, dev_path=None);"
        "print(c.sample_articles, benchio.DEFAULT_SAMPLES.is_dir())"
    )
    env["PYTHONPATH"] = str(tmp_path / "site")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "site")], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    n = len(list((ROOT / "data" / "samples" / "articles").glob("*.txt")))
    assert run.stdout.split() == [str(n), "False"]  # no data/ beside the wheel: the bundle
